"""Where a movement starts, ends and passes: rules over the roles the prepositions gave the places.

Each rule is a small Sentence method; ``MOVEMENT_END_RULES`` applies them in order to one
movement frame (a Partial whose ``right`` stretch runs from the trigger to the next one).
"""
from __future__ import annotations

from .frames_base import Partial
from .roles import contains

MOVEMENT_END_RULES = (
    "_ends_by_preposition",
    "_ends_fled_from_where",
    "_ends_departed_at",
    "_ends_received",
    "_ends_after_departure",
    "_ends_between",
    "_ends_of_purpose",
    "_ends_whither",
    "_ends_path",
    "_ends_passage_only",
    "_ends_crossing_point",
    "_ends_deployed_in",
    "_ends_whence",
    "_ends_where_from",
)


class EndRules:
    """Sentence methods filling a movement's origin, destination and path (mixed into Sentence)."""

    def _ends_by_preposition(self, p: Partial) -> None:
        """"to X" is the destination ("in X" after an arrival verb, the object of "entered"); "from X" the origin."""
        trig = p.trig
        (ca, lb), (ra, rb) = p.clause, p.right
        # "landed on Lampedusa", "arrived on Lesbos": an island is reached "on"
        want = {"destination"} | ({"locative", "near_direct", "target"} if "arrival" in trig.flags else set()) | (
            {"direct", "near_direct"} if "destination_direct" in trig.flags else set())
        p.dest = self._placed(range(ra, rb), want)
        if not p.dest and self.cues.dest_before_verb and "nominal" not in trig.flags:
            # "hat Soldaten nach Charkiw verlegt", "sind auf Lampedusa eingetroffen": the verb ends the clause,
            # but not across "whence": in "vtrhli na Ukrajinu, odkud začali proudit" Ukraine is where they left
            wa = max([k + 1 for k in range(ca, lb) if self.lows[k] in self.cues.whence_words], default=ca)
            p.dest = self._placed(range(wa, lb), want - {"direct", "near_direct"})
        if not p.dest and self.cues.dest_before_verb and "destination_direct" in trig.flags and "nominal" not in trig.flags:
            # "haben am Dienstag die Küste von El Hierro erreicht": the object before a clause-final verb; the
            # first words of the clause are its subject, not its object
            first = next((k for k in range(ca, lb) if self.lows[k] not in self.cues.determiners), lb)
            first += 0 if self._inflected_name(first) else 1
            objs = [k for k in range(first, lb) if self._usable(k) and self.roles.get(k) is None]
            p.dest = objs[-1:]
        if "destination_of" in trig.flags and not p.dest:  # "the Russian invasion of Ukraine"
            for k in range(ra, min(rb, ra + 4)):
                if self._usable(k) and k > 0 and self.lows[k - 1] in ("of",) + tuple(self.cues.people_of):
                    p.dest = [k]
                    break
        # "menuju Kursk untuk bergabung ... dalam invasi ke Ukraina": past a purpose, "to" is the purpose's own
        purpose = next((k for k in range(ra, rb) if self.cues.purpose.match(self.lows, k)
                        and (self.lows[k] not in ("to",) or self._infinitive(k))), None)
        if purpose is not None and any(k < purpose for k in p.dest):
            p.dest = [k for k in p.dest if k < purpose]
        if "arrival" in trig.flags and any(self.roles.get(k) == "destination" for k in p.dest):
            # "arrived on a train ... via Lviv in Ukraine to the station in Przemysl": "to" outranks "in"
            p.dest = [k for k in p.dest if self.roles.get(k) == "destination"]
        elif "arrival" in trig.flags and p.dest:
            # "arrived in Messina, with 182 migrants rescued off the coast of Libya": the arrival's own place
            # and its list, not a place told later in the sentence about something else
            kept = [p.dest[0]]
            for k in p.dest[1:]:
                if self._coordinated_places(kept[-1], k) or not any(
                        self.lows[q] in (",", ";") for q in range(ra, k)):
                    kept.append(k)
            p.dest = kept
        p.dest = [self._narrower(k) for k in p.dest]
        want = {"origin"} | ({"direct", "near_direct"} if "origin_direct" in trig.flags else set())
        # before the verb, only after the last place another movement went to: in "dievakuasi dari Kyiv ke
        # Chernivtsi, lalu menyeberang ke Rumania", Kyiv is the first leg's start, not the second's
        reached = [k for k in range(ca, lb) if self._usable(k) and self.roles.get(k) == "destination"
                   and k not in p.dest]  # a German destination before its verb is this movement's own
        ca = max(ca, reached[-1] + 1) if reached else ca
        # "dispatched the carrier to El Arish to treat wounded civilians from Gaza": a "from" inside a purpose
        # clause (its verb one of the walk stops) tells where its object came from, not where this one set out
        cut = next((k for k in range(ra + 1, rb - 1) if self.cues.purpose.match(self.lows, k) and self._infinitive(k)
                    and self.cues.walk_stops.match(self.lows, k + self.cues.purpose.match(self.lows, k)[0])), rb)
        after = [k for k in self._placed(range(ra, cut), want) if k not in p.dest]
        # "mengerahkan kapal dari Ambon untuk mencari speedboat ... dalam perjalanan dari Tual ke Dobo":
        # the trip's own "from" outranks one told before its noun
        before = [] if after and "nominal" in trig.flags else [k for k in self._placed(range(ca, lb), want) if k not in p.dest
                                                               and not self._object_of_other(k, trig)]
        p.origins = self._contained(before + after)
        if (not p.origins and p.dest and self.cues.offshore
                and not any(self._usable(q) and self.roles.get(q) == "origin" for q in range(0, ca))):
            # "un pneumatique au large de Calais, faisant route vers l'Angleterre": where a boat is off is where
            # its journey to the destination starts (unless a "from" told before starts it: "Partis de Tripoli,
            # 45 migrants ont été secourus au large de Malte et débarqués à Catane")
            off = [k for k in self._placed([*range(ca, lb), *range(ra, rb)], {"locative"})
                   if k not in p.dest and self._after(k, self.cues.offshore)]
            p.origins = off[:1]

    def _object_of_other(self, k: int, trig) -> bool:
        """Is place k the object of another verb before it ("crossed into Bangladesh last year fleeing ...":
        Bangladesh is where they crossed into, not what they fled)?"""
        if self.roles.get(k) not in ("direct", "near_direct"):
            return False
        at = getattr(self, "trig_at", {})
        return any(q in at and at[q] is not trig for q in range(max(0, k - 4), k))  # the left stretch starts after that verb

    def _ends_fled_from_where(self, p: Partial) -> None:
        """"fleeing an army crackdown in Rakhine State", "fled the fighting in Khartoum": where the danger was;
        and "entered Bangladesh to escape the violence in Rakhine" the same way."""
        if p.origins:
            return
        ra, rb = p.right
        if "flee" not in p.trig.flags:
            esc = next((k for k in range(ra, rb - 1) if self.cues.purpose.match(self.lows, k)
                        and self.cues.escape_verbs.match(self.lows, k + self.cues.purpose.match(self.lows, k)[0])), None)
            if esc is None:
                return
            n = self.cues.purpose.match(self.lows, esc)[0]
            ra = esc + n + self.cues.escape_verbs.match(self.lows, esc + n)[0]  # the purpose's "to" is no destination
        for k in range(ra, min(rb, ra + 10)):
            if self.toks[k].prep in ("destination", "between") or (self._usable(k) and k in p.dest):
                return
            if self._usable(k) and self.roles.get(k) in ("locative", "near_direct"):
                p.origins = [k]
                return

    def _ends_departed_at(self, p: Partial) -> None:
        """"embarqués à Sfax", "waren in Sfax gestartet": where a boat is boarded or a plane takes off is
        where the journey starts."""
        if p.origins or "departure_at" not in p.trig.flags:
            return
        (ca, lb), (ra, rb) = p.clause, p.right
        here = {"locative", "near_direct"}
        found = self._placed(range(ra, rb), here) or (
            self._placed(range(ca, lb), here) if self.cues.dest_before_verb else [])
        found = [k for k in self._contained(found) if k not in p.dest]
        if found:
            p.origins = found[:1]

    def _ends_received(self, p: Partial) -> None:
        """"Honduras recibió a 163 migrantes", "Guatemala recibe primer vuelo desde EE.UU.": the place that
        receives them, the verb's subject, is where they went."""
        if p.dest or "receive" not in p.trig.flags:
            return
        subj = self._subject(p.trig, p.clause[0])
        if subj is not None:
            p.dest = [subj]

    def _ends_after_departure(self, p: Partial) -> None:
        """"left Nagorno-Karabakh for Armenia", "fled Sudan for Chad": "for" after a departure is the destination."""
        if "departure" in p.trig.flags or ("self" in p.trig.flags and not p.dest and "nominal" not in p.trig.flags):
            ra, rb = p.right  # "sailed on Friday from Chittagong for the island of Bhasan Char"
            found = [k for k in range(ra, rb) if self._usable(k) and k not in p.dest and k not in p.origins
                     and self._after(k, self.cues.departure_dest)]
            for k in list(found):  # "left Hatay for Istanbul, Ankara and other cities"
                q = k + 1
                while q < rb and (self.lows[q] in self.cues.coord_words or self.lows[q] in self.cues.place_modifiers
                                  or self._usable(q)):
                    if self._usable(q) and q not in found:
                        found.append(q)
                    q += 1
            p.dest += sorted(found)

    def _ends_between(self, p: Partial) -> None:
        """"11 trips between Vladivostok and Rajin": a shuttle, read as a journey from the first to the second."""
        ra, rb = p.right
        # the shuttle phrase must follow the trigger closely: "trips between", "ferry service between";
        # "cooperation between Moscow and Pyongyang" further on is no route of this movement
        # a crossing names what it crosses first: "cruzar el Darién, una selva fronteriza entre Colombia y Panamá"
        reach = 12 if "crossing" in p.trig.flags else 8
        pair = self._placed(range(ra, min(rb, ra + reach)), {"between"})
        near = any(self.toks[k].prep == "between" for k in range(ra, min(rb, ra + reach - 4)))
        if any(self.toks[k].prep == "origin" for k in range(ra, min(rb, ra + 4))):
            return  # "departures from beaches between Dunkirk and Boulogne": a stretch of coast, not a shuttle
        if not near:  # "Ferries between Dover and Calais carried ...": the shuttle names the subject
            ca, lb = p.clause
            pair = self._placed(range(ca, lb), {"between"})
            near = any(self.toks[k].prep == "between" and k - 1 in self.in_what for k in range(max(ca, lb - 8), lb))
        if not p.dest and not p.origins and len(pair) >= 2 and near:
            p.origins, p.dest = pair[:1], pair[1:]

    def _ends_of_purpose(self, p: Partial) -> None:
        """"deployed engineers to rebuild roads in X", "dikirim untuk membantu korban di X": X is where they go."""
        if p.dest or "nominal" in p.trig.flags or "arrival" in p.trig.flags or "reroute" in p.trig.flags:
            return  # "redirected south to navigate around the Cape": a rerouting's purpose names its path
        ra, rb = p.right
        c = self.cues
        for k in range(ra, rb):
            m = c.purpose.match(self.lows, k)
            if not m or self.toks[k].attr:
                continue
            nxt = k + m[0]
            # "to" + a verb: not "to the", "to 500", "to Kyiv" (a place would already be the destination)
            if nxt < rb and self.toks[nxt].alpha and self.lows[nxt] not in c.determiners and nxt not in self.in_what:
                # "to rebuild roads in X"; not "to support Russia in Ukraine": that place is the helped one's
                first = next((q for q in range(nxt, rb) if self.toks[q].rp is not None), None)
                if first is not None and self._usable(first) and self.roles.get(first) in ("locative", "near_direct"):
                    p.dest = self._placed(range(nxt, rb), {"locative", "near_direct"})[:3]
            break

    def _ends_path(self, p: Partial) -> None:
        """"via Jeddah", "through the Bosporus" (and "rerouted around X") are the path; "instead of through Y" is not."""
        ra, rb = p.right
        roles = {"transit"} | ({"locative", "near_direct"} if "reroute" in p.trig.flags else set())
        p.path = [k for k in self._placed(range(ra, rb), roles) if k not in p.dest and k not in p.origins
                  and not self._excluded(k)]
        p.dest = self._contained(sorted(k for k in p.dest if not self._excluded(k)))
        p.origin = p.origins[0] if p.origins else None

    def _ends_passage_only(self, p: Partial) -> None:
        """"entered the Bosporus", "deported through the port of Nunukan": with no other end, the place
        passed through is where the movement is reported to reach."""
        # only when the sentence goes no further: "sailing through the Indian Ocean before docking in El Arish"
        # reaches El Arish, not the ocean
        last = p.right[1] >= len(self.toks) - 1 or self.lows[p.right[1]] in (".", ";")
        if not p.dest and not p.origins and p.path and "reroute" not in p.trig.flags and last:
            p.dest, p.path = p.path[-1:], p.path[:-1]

    def _ends_crossing_point(self, p: Partial) -> None:
        """"crossed the Armenian border near the town of Goris": with no "to"/"into", the crossing point is
        where they arrived."""
        if "crossing" in p.trig.flags and not p.dest:
            ra, rb = p.right
            # "uchodźców z Ukrainy przekroczyło granicę z Polską": the border "with" a country, crossed from
            # elsewhere, leads into it (with no origin told, it says only which border: "granicy z Białorusią")
            into = [k for k in self._placed(range(ra, rb), {"with"}) if k not in p.origins][:1] if p.origins else []
            p.dest = into or [k for k in self._placed(range(ra, rb), {"locative", "near_direct"}) if k not in p.origins][:1]
            if not p.dest and self.cues.dest_before_verb and "nominal" not in p.trig.flags:
                ca, lb = p.clause  # "granicę w Medyce przekroczyło 30 tys. osób": the verb may follow its place
                p.dest = [k for k in self._placed(range(ca, lb), {"locative"}) if k not in p.origins][-1:]

    def _ends_deployed_in(self, p: Partial) -> None:
        """"dikerahkan di X", "deployed in X" with nowhere else named: deployed and now there, a presence."""
        if not p.dest and "deploy" in p.trig.flags:
            ra, rb = p.right
            located = self._contained(self._placed(range(ra, rb), {"locative", "near_direct"}))
            if located:
                p.kind, p.places = "presence", located

    def _inflected_name(self, k: int) -> bool:
        """Is token k a one-word place name in a case form its lemma is not ("že Ukrajině předalo 157 vojáků")?
        A clause of a pro-drop language may open with its object; a name in the nominative is its subject."""
        lemma_of = self.cues.lemma_of
        if lemma_of is None or k >= len(self.toks) or self.toks[k].rp is None or " " in self.toks[k].text:
            return False
        return lemma_of(self.toks[k].text) != self.toks[k].text.lower()

    def _narrower(self, k: int) -> int:
        """"ke gedung Palang Merah Indonesia di Banda Aceh", "to a hospital in Japan's Osaka": a place
        inside the destination, named right after it, is where they went."""
        for q in range(k + 1, min(len(self.toks), k + 5)):
            if self.toks[q].rp is not None:
                if self._usable(q) and self.roles.get(q) == "locative" and contains(self.toks[k].rp.place,
                                                                                  self.toks[q].rp.place):
                    return q
                break
            if self.lows[q] in (",", ";", ".") or self.toks[q].trig:
                break
        return k

    def _excluded(self, k: int) -> bool:
        """Is place token k inside an "instead of" / "rather than" phrase?"""
        return any(self.toks[q].prep == "excluded" for q in range(max(0, k - 4), k))

    def _ends_whence(self, p: Partial) -> None:
        """"na dworcu we Lwowie, skąd uchodźcy wyjeżdżali do Polski", "na Ukrajinu, odkud začali proudit
        uprchlíci": the place before "whence" is where the movement starts, a destination named or not."""
        c = self.cues
        if p.origins or not c.whence_words:
            return
        la, lb = p.left
        for k in range(lb - 1, la, -1):
            if self.lows[k] in c.whence_words:
                q = k - 1 - (1 if self.lows[k - 1] == "," else 0)
                if q >= 0 and self._usable(q) and q not in p.dest:
                    p.origins, p.origin = [q], q
                return

    def _ends_whither(self, p: Partial) -> None:
        """"otro vuelo procedente de México, donde 160 hondureños fueron deportados desde Estados Unidos",
        "la base de Yibuti, a donde fueron trasladados desde Jartum": a movement told from somewhere inside
        a relative clause on a place ends at that place. A departure there ("Sfax, where they set off")
        starts at it instead, so only a journey already told from elsewhere, or an arrival, is read so."""
        flags = p.trig.flags
        if p.dest or not (p.origins or "arrival" in flags) or flags & {"departure", "departure_at", "flee",
                                                                       "origin_direct", "nominal"}:
            return
        la, lb = p.left
        for k in range(lb - 1, la - 1, -1):
            if not self.cues.where_words.match(self.lows, k):
                continue
            q = k - 1
            # "Yibuti (en el cuerno de África), a donde": the preposition and an aside before "where" aside
            while q >= 0 and (self.lows[q] in (",", "a") or self.toks[q].prep == "destination"):
                q -= 1
            if q >= 0 and self.lows[q] == ")":
                q = next((r for r in range(q - 1, -1, -1) if self.lows[r] == "("), 0) - 1
                while q >= 0 and self.lows[q] == ",":
                    q -= 1
            while q >= 0 and self._usable(q):  # "à Lampedusa, en Sicile, Italie, où": the place the list narrows to
                r = q - 1
                while r >= 0 and (self.lows[r] == "," or self.toks[r].prep or self.lows[r] in self.cues.determiners):
                    r -= 1
                if r < 0 or r == q - 1 or not self._usable(r) or not contains(self.toks[q].rp.place,
                                                                               self.toks[r].rp.place):
                    break
                q = r
            # a "from" before "where" is the main clause's: "a flight from Mexico, where ... deported from the US"
            own = [o for o in p.origins if o > k]
            if q >= 0 and self._usable(q) and (own or "arrival" in flags):
                p.dest, p.origins = [q], own
            return

    def _ends_where_from(self, p: Partial) -> None:
        """"the Danube ports of Izmail and Reni, where barges carry wheat to Constanta": a movement sent on
        from inside a relative clause on a place, with no origin of its own, starts there (and at each place
        of the list "where" closes). An arrival there ends there instead (``_ends_whither``)."""
        flags = p.trig.flags
        if p.origins or not p.dest or flags & {"arrival", "departure", "departure_at", "flee", "origin_direct",
                                               "origin_statement", "receive", "host"}:
            return
        la, lb = p.left
        k = next((k for k in range(lb - 1, la - 1, -1) if self.cues.where_words.match(self.lows, k)), None)
        if k is None:
            return
        q = k - 1 - (1 if k > 0 and self.lows[k - 1] == "," else 0)
        if q < 0 or not self._usable(q) or q in p.dest:
            return
        got = [q]
        r = q - 1
        while r >= 0 and (self._usable(r) or self.lows[r] in self.cues.coord_words or self.lows[r] == ","):
            if self._usable(r) and self._coordinated_places(r, got[0]):
                got.insert(0, r)
            r -= 1
        p.origins, p.origin = got, got[0]
