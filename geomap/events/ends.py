"""Where a movement starts, ends and passes: rules over the roles the prepositions gave the places.

Each rule is a small Sentence method; ``MOVEMENT_END_RULES`` applies them in order to one
movement frame (a Partial whose ``right`` stretch runs from the trigger to the next one).
"""
from __future__ import annotations

from ..distance import haversine_km
from .frames_base import Partial
from .roles import contains
from .tokens import PUNCT_BREAK

MOVEMENT_END_RULES = (
    "_ends_by_preposition",
    "_ends_fled_from_where",
    "_ends_left_where_held",
    "_ends_departed_at",
    "_ends_left_from_inside",
    "_ends_onward_from_here",
    "_ends_from_the_place_reached",
    "_ends_reached_later_object",
    "_ends_received",
    "_ends_reached_by",
    "_ends_after_departure",
    "_ends_between",
    "_ends_bound_for",
    "_ends_separated",
    "_ends_of_purpose",
    "_ends_whither",
    "_ends_stayed_before",
    "_ends_path",
    "_ends_passage_only",
    "_ends_crossing_point",
    "_ends_deployed_in",
    "_ends_stopped_at",
    "_ends_whence",
    "_ends_where_from",
)


class EndRules:
    """Sentence methods filling a movement's origin, destination and path (mixed into Sentence)."""

    def _mover_from(self, k: int) -> bool:
        """Is place k (or the list it ends) the "from" right after a mover's words ("мигрантов из Ирака и Сирии")?"""
        toks, lows, c = self.toks, self.lows, self.cues
        q = k - 1
        while q > 0 and (toks[q].rp is not None or lows[q] in c.coord_words or lows[q] == ","):
            q -= 1
        return q > 0 and self.roles.get(k) == "origin" and (q - 1) in self.in_what

    def _ends_by_preposition(self, p: Partial) -> None:
        """"to X" is the destination ("in X" after an arrival verb, the object of "entered"); "from X" the origin."""
        trig = p.trig
        (ca, lb), (ra, rb) = p.clause, p.right
        # "landed on Lampedusa", "arrived on Lesbos": an island is reached "on"
        want = {"destination"} | ({"locative", "near_direct", "target"} if "arrival" in trig.flags else set()) | (
            {"direct", "near_direct"} if "destination_direct" in trig.flags else set())
        if "arrival" in trig.flags and trig.end - 1 > trig.i and self.cues.preps.match(self.lows, trig.end - 1):
            want = want | {"direct"}  # "sampai di Yangon", "transit di Dubai": the trigger holds its own "at"
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
        if not p.dest and self.cues.thither_words:
            # "wurden ... Menschen aus Deutschland dorthin abgeschoben": the place named before the word (not the
            # verb's origin) is where they went
            there = next((k for k in range(ca, rb) if self.lows[k] in self.cues.thither_words), None)
            if there is not None:
                p.dest = [k for k in range(there) if self._usable(k) and self.roles.get(k) != "origin"][-1:]
        # "menuju Kursk untuk bergabung ... dalam invasi ke Ukraina": past a purpose, "to" is the purpose's own
        purpose = next((k for k in range(ra, rb) if self.cues.purpose.match(self.lows, k)
                        and (self.lows[k] not in ("to",) or self._infinitive(k))), None)
        if purpose is not None and any(k < purpose for k in p.dest):
            p.dest = [k for k in p.dest if k < purpose]
        if "arrival" in trig.flags:
            # "il vient de Francfort, en Allemagne": an "in" that says where the place before it lies is no arrival
            p.dest = [k for k in p.dest if not (self.roles.get(k) == "locative" and self._locates_previous(k))]
        if "arrival" in trig.flags and any(self.roles.get(k) == "destination" for k in p.dest):
            # "arrived on a train ... via Lviv in Ukraine to the station in Przemysl": "to" outranks "in"
            p.dest = [k for k in p.dest if self.roles.get(k) == "destination"]
        elif "arrival" in trig.flags and p.dest:
            # "arrived in Messina, with 182 migrants rescued off the coast of Libya": the arrival's own place
            # and its list, not a place told later in the sentence about something else
            kept = [p.dest[0]]
            for k in p.dest[1:]:
                if self._coordinated_places(kept[-1], k) or self._listed_with_its_preposition(kept[0], k) or not any(
                        self.lows[q] in (",", ";") for q in range(ra, k)):
                    kept.append(k)
            p.dest = kept
        p.dest = [self._narrower(k) for k in p.dest]
        p.dest += [q for k in list(p.dest) for q in self._bracketed_inside(k) if q not in p.dest]
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
        if after:  # ... and so does it one told before a purpose or a relative clause the verb is inside
            before = [k for k in before if not any(self.lows[q] in self.cues.relative_words
                                                   or self.cues.purpose.match(self.lows, q) for q in range(k + 1, lb))]
        if after and before:  # "migrants from Iraq tried to cross into Poland from Belarus": the verb's own
            before = [k for k in before if not self._mover_from(k)]  # "from" outranks the movers' description
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

    def _ends_left_where_held(self, p: Partial) -> None:
        """"Les troupes basées à Ouallam ont quitté leur base": leaving an object that names no place leaves
        where the movers were said to be, in the subject's own phrase."""
        if p.origins or p.dest or "origin_direct" not in p.trig.flags:
            return
        ra, rb = p.right
        if any(self.toks[k].rp is not None for k in range(ra, rb)):
            return  # "ont quitté leurs bases au Niger": the object's own place says it
        # "basées à Ouallam (ouest) ont quitté", "basés à Gao ont quitté": a place said to hold them, right
        # before the verb, after a word of being held or stationed (a presence word is a trigger of its own)
        trigs = getattr(self, "trig_at", {})
        for q in range(p.trig.i - 1, max(-1, p.trig.i - 9), -1):
            if self.lows[q] in (",", ";", ".", ":") or (q in trigs and trigs[q].kind == "movement"):
                return
            if self._usable(q) and self.roles.get(q) in ("locative", "near_direct"):
                if any(self.lows[r] in self.cues.held_words or (r in trigs and trigs[r].kind == "presence")
                       for r in range(max(0, q - 3), q)):
                    p.origins = [q]
                return

    def _ends_departed_at(self, p: Partial) -> None:
        """"embarqués à Sfax", "waren in Sfax gestartet": where a boat is boarded or a plane takes off is
        where the journey starts."""
        if p.origins or "departure_at" not in p.trig.flags:
            return
        (ca, lb), (ra, rb) = p.clause, p.right
        if "nominal" in p.trig.flags:  # "evakuasi WNI di Sudan yang ... staf KBRI di Khartoum": the noun's own
            # place, not one in a relative clause on its object
            rb = next((k for k in range(ra, rb) if self.lows[k] in self.cues.relative_words), rb)
        here = {"locative", "near_direct"}
        found = self._placed(range(ra, rb), here) or (
            self._placed(range(ca, lb), here) if self.cues.dest_before_verb else [])
        found = [k for k in self._contained(found) if k not in p.dest]
        if found:
            p.origins = found[:1]

    def _ends_left_from_inside(self, p: Partial) -> None:
        """"den Militärstützpunkt im nigrischen Niamey verlassen": where the verb closes its clause, a place
        "in" the place noun it leaves is where the journey starts (English reads "left the base in X" through
        the roles, the verb coming first)."""
        if p.origins or "origin_direct" not in p.trig.flags or "nominal" in p.trig.flags or not self.cues.dest_before_verb:
            return
        ca, lb = p.clause
        for k in self._placed(range(ca, lb), {"locative"}):
            q = k - 1  # back over the place's adjectives to its preposition: "im nigrischen Niamey"
            while q > ca and (self.toks[q].demonym or (self.toks[q].alpha and self.toks[q].text[:1].islower()
                                                        and not self.toks[q].prep)) and k - q <= 2:
                q -= 1
            if k not in p.dest and self.toks[q].prep == "locative" and q - 1 >= ca and self._place_head(q - 1):
                p.origins = [k]
                return

    def _ends_onward_from_here(self, p: Partial) -> None:
        """"Nicht alle bleiben in der Hauptstadt, viele reisen weiter zu Verwandten in ...": a journey told as
        going on, with no origin of its own, starts where the group was just said to be."""
        if p.origins or not p.dest or "onward" not in p.trig.flags:
            return  # "fog is continuing to cause delays": no journey, nothing to start
        here = [k for k in self._placed(range(*p.left), {"locative"}) if k not in p.dest]
        if here:
            p.origins = here[-1:]

    def _ends_from_the_place_reached(self, p: Partial) -> None:
        """"entsandte das Marineschiff nach Lampedusa, das 1000 Flüchtlinge nach Sizilien bringen soll", "sent a
        ship to Lampedusa, which will take them to Sicily": a journey told in a relative clause right after a
        place another movement went to starts at that place."""
        if p.origins or not p.dest:
            return
        la, lb = p.left
        for r in range(max(la, 2), lb):
            later = [k for k in p.dest if k > r]
            # the clause's own destination comes after the relative word; one before it (a verb-final language
            # reads back past it) is the place reached, where this journey starts
            if (self.lows[r] in self.cues.relative_words and self.lows[r - 1] == "," and self._usable(r - 2)
                    and self.roles.get(r - 2) == "destination" and later
                    and not any(self.toks[k].rp is not None and k not in p.dest for k in range(r + 1, lb))):
                p.origins, p.dest = [r - 2], later
                return

    def _ends_reached_later_object(self, p: Partial) -> None:
        """"Im Ärmelkanal erreichten am Samstag 882 Menschen in kleinen Booten die Küste von Dover": where the
        subject may follow the verb, the object of "erreichten" comes after it, out of the verb's reach; the
        first place after the verb that no preposition governs is what they reached."""
        if p.dest or "destination_direct" not in p.trig.flags or "nominal" in p.trig.flags or not self.cues.dest_before_verb:
            return
        ra, rb = p.right
        free = [k for k in range(ra, rb) if self._usable(k) and k not in p.origins and k not in p.path
                and self.roles.get(k) is None]
        if free:
            p.dest = free[:1]

    def _ends_received(self, p: Partial) -> None:
        """"Honduras recibió a 163 migrantes", "Guatemala recibe primer vuelo desde EE.UU.": the place that
        receives them, the verb's subject, is where they went."""
        if p.dest or "receive" not in p.trig.flags:
            return
        subj = self._subject(p.trig, p.clause[0])
        if subj is not None:
            p.dest = [subj]

    def _ends_reached_by(self, p: Partial) -> None:
        """"Lampedusa is often reached by migrants from Libya": a place-taking arrival verb in the passive, its
        doer told after "by" (``agent_words``), has the place it reached for its subject."""
        trig, c = p.trig, self.cues
        if ("destination_direct" not in trig.flags or "nominal" in trig.flags or not c.agent_words
                or trig.end >= len(self.lows) or self.lows[trig.end] not in c.agent_words):
            return
        if any(k < trig.end for k in p.dest):
            return  # a place told after the doer ("by those who venture to the Atlantic") is the doer's own
        k, passive = trig.i - 1, False
        while k >= p.clause[0]:
            t = self.toks[k]
            if t.rp is not None:
                if passive and self._usable(k) and not (k > 0 and self.toks[k - 1].prep) and self.roles.get(k) is None:
                    p.dest = [k]
                    for q in range(k - 1, max(p.clause[0], k - 8) - 1, -1):  # "Tenerife or El Hierro, which are ..."
                        if self._usable(q) and self._coordinated_places(q, p.dest[0]):
                            p.dest.insert(0, q)
                return
            if t.low in c.passive_aux:
                passive = True
            elif passive and t.low in c.relative_words and k >= 2 and self.lows[k - 1] == ",":
                # "Lampedusa, which is reached by boats from Libya": the place the relative word stands for, also
                # past a placeless aside ("El Hierro, an island far from the coast, which is reached by ...")
                q = k - 2
                while q > max(0, k - 14) and self.lows[q] != "," and self.toks[q].rp is None:
                    q -= 1
                k = q - 1 if (self.lows[q] == "," and q < k - 2) else k - 2
                if k < 0 or self.toks[k].rp is None:
                    return
                continue
            elif t.low not in c.subject_gap:
                return
            k -= 1

    def _listed_with_its_preposition(self, a: int, b: int) -> bool:
        """Is place b added to the list that place a opens, with a's preposition said again after the joining
        words ("in Germany, as well as in Bahrain", "in Western and Southern European countries, as well as in
        Bahrain")? The repeated preposition keeps the list; no verb may stand between them."""
        q = b - 1
        if a < 1 or q <= a + 1 or not self.toks[q].prep or self.lows[q] != self.lows[a - 1]:
            return False
        covered = {r for i, n, _ in self.cues.coord.scan(self.lows, a + 1, q) for r in range(i, i + n)}
        start = q
        while start - 1 > a and start - 1 in covered:
            start -= 1
        joined = any(self.lows[r] != "," for r in range(start, q))
        return start < q and joined and not any(self.toks[r].trig or self.toks[r].prep for r in range(a + 1, start))

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
        crossing = "crossing" in p.trig.flags
        # ... and may describe it first: "cruzan cada día la selva del Darién, frontera natural entre Panamá y
        # Colombia"
        reach = 16 if crossing else 8
        pair = self._placed(range(ra, min(rb, ra + reach)), {"between"})
        near = any(self.toks[k].prep == "between" for k in range(ra, min(rb, ra + reach - 4)))
        first = next((k for k in range(ra, min(rb, ra + reach)) if self.toks[k].prep == "between"), None)
        if crossing and first is not None:
            # "traversé ... la jungle du Darien, à la frontière entre la Colombie et le Panama": what is crossed
            # may take many words, and the pair is read from "between" on
            near = True
            pair = self._placed(range(first, min(rb, first + 8)), {"between"})
        if any(self.toks[k].prep == "origin" for k in range(ra, min(rb, ra + 4))):
            return  # "departures from beaches between Dunkirk and Boulogne": a stretch of coast, not a shuttle
        if not near:  # "Ferries between Dover and Calais carried ...": the shuttle names the subject
            ca, lb = p.clause
            pair = self._placed(range(ca, lb), {"between"})
            near = any(self.toks[k].prep == "between" and k - 1 in self.in_what for k in range(max(ca, lb - 8), lb))
        if not p.dest and not p.origins and len(pair) >= 2 and near:
            p.origins, p.dest = pair[:1], pair[1:]
            if crossing and len(pair) == 2:
                self._orient_crossing(p, pair[-1])

    def _orient_crossing(self, p: Partial, last: int) -> None:
        """"cruzar el Darién, frontera natural entre Panamá y Colombia, con la esperanza de llegar a Estados
        Unidos": a border names its two sides in any order; where the journey goes next says which is the far
        side (the one nearer that destination), else the order told stands."""
        goal = next((k for k in range(last + 1, len(self.toks)) if self._usable(k)
                     and self.roles.get(k) in ("destination", "direct")), None)
        if goal is None:
            self._orient_by_arrival(p)
            return
        g, a, b = (self.toks[k].rp.place for k in (goal, p.origins[0], p.dest[0]))
        if haversine_km(a.lat, a.lon, g.lat, g.lon) < haversine_km(b.lat, b.lon, g.lat, g.lon):
            p.origins, p.dest = p.dest, p.origins

    def _orient_by_arrival(self, p: Partial) -> None:
        """"100 asylum seekers had arrived in Dover, with migrants making use of the calm to cross the strait
        between England and France": where the sentence already has them arrive, before the crossing, lies on
        the far side of it."""
        a, b = (self.toks[k].rp.place for k in (p.origins[0], p.dest[0]))
        for k in range(p.trig.i - 1, -1, -1):
            if not (self._usable(k) and (self.roles.get(k) in ("destination", "locative") or (
                    self.roles.get(k) == "direct" and self._reached(k)))):
                continue
            here = self.toks[k].rp.place
            if contains(a, here) and not contains(b, here):
                p.origins, p.dest = p.dest, p.origins
            return

    def _reached(self, k: int) -> bool:
        """Is the place at token k the object of an arrival verb just before it ("reached Folkestone")?"""
        for q in range(k - 1, max(-1, k - 4), -1):
            hit = self.cues.triggers.match(self.lows, q)
            if hit:
                return q + hit[0] <= k and bool({"arrival", "destination_direct"} & hit[1]["flags"])
        return False

    def _ends_separated(self, p: Partial) -> None:
        """"traverser le Darién, une jungle qui sépare la Colombie du Panama": what is crossed separates two
        places, and the crossing goes from the first to the second (the "de" before the second is no origin)."""
        c = self.cues
        if "crossing" not in p.trig.flags or p.dest or not c.separates.words:
            return
        ra, rb = p.right
        for k in range(ra, min(rb, ra + 12)):
            m = c.separates.match(self.lows, k)
            if not m:
                continue
            a = next((q for q in range(k + m[0], min(rb, k + m[0] + 3)) if self.toks[q].rp is not None), None)
            if a is None or not self._usable(a):
                return
            b = next((q for q in range(a + 1, min(rb, a + 4)) if self.toks[q].rp is not None), None)
            if b is None or not self._usable(b) or not any(self.lows[q] in c.of_preps for q in range(a + 1, b)):
                return
            if all(o in (a, b) for o in p.origins):
                p.origins, p.dest = [a], [b]
            return

    def _ends_of_purpose(self, p: Partial) -> None:
        """"deployed engineers to rebuild roads in X", "dikirim untuk membantu korban di X", "bantuan untuk korban
        konflik di X": X is where they go."""
        if p.dest or "nominal" in p.trig.flags or "arrival" in p.trig.flags or "reroute" in p.trig.flags:
            return  # "redirected south to navigate around the Cape": a rerouting's purpose names its path
        ra, rb = p.right
        c = self.cues
        for k in range(ra, rb):
            m = c.purpose.match(self.lows, k)
            if not m or self.toks[k].attr:
                continue
            nxt = k + m[0]
            # "to" + a verb: not "to the", "to 500", "to Kyiv" (a place would already be the destination);
            # or "for" + people: "mengirimkan 14 ton bantuan untuk korban konflik di Gaza" (not "untuk perang di X")
            people = any(h[0] == nxt and h[2] in ("civilians", "refugees") for h in self.what_hits)
            if nxt < rb and self.toks[nxt].alpha and self.lows[nxt] not in c.determiners and (
                    nxt not in self.in_what or people):
                # "to rebuild roads in X"; not "to support Russia in Ukraine": that place is the helped one's
                first = next((q for q in range(nxt, rb) if self.toks[q].rp is not None), None)
                if first is not None and self._usable(first) and self.roles.get(first) in ("locative", "near_direct"):
                    p.dest = self._placed(range(nxt, rb), {"locative", "near_direct"})[:3]
            break

    def _ends_stayed_before(self, p: Partial) -> None:
        """Where the movers were, told before the verb, is where they set out when no "from" says otherwise:
        an "after" clause ("Setelah menjalani pendataan di Nunukan, 300 PMI diangkut menuju Parepare"), a stay
        told on the same subject just before ("WNI yang berada di Ukraina akan dievakuasi ke Polandia", "tentara
        ... berlatih di Rusia timur dan bergerak menuju Ukraina"), or the mover's own place ("prajurit di Lebanon
        kembali ke Tanah Air")."""
        if p.origins or not p.dest:
            return
        found = (self._stay_after_clause(p) or self._stay_told_before(p) or self._stay_before_leaving(p)
                 or self._stay_of_mover(p) or self._seat_of_sender(p))
        if found is None:
            return
        here, there = self.toks[found].rp.place, [self.toks[k].rp.place for k in p.dest]
        # a place inside (or around) the destination is a move within it, not where the trip began
        if not any(d.id == here.id or contains(d, here) or contains(here, d) for d in there):
            p.origins = [found]

    def _stay_after_clause(self, p: Partial) -> int | None:
        """The last place "at" in an "after ..." (or "on arriving in ...") clause that opens the sentence's
        clause this movement is in, when no place reached lies between: "Setelah menjalani pendataan di Nunukan, 300 PMI deportasi ...
        diangkut dengan KM Thalia menuju Parepare" (the verbs after the comma may be several)."""
        lb = p.trig.i
        la = next((q + 1 for q in range(lb - 1, -1, -1) if self.toks[q].attr
                   or self.lows[q] in self.cues.complementizers), 0)
        for k in range(la, lb):
            m = self.cues.after_words.match(self.lows, k)
            t = self.trig_at.get(k)
            if not m and t is not None and t.i == k and "arrival" in t.flags and t.kind == "movement":
                m = (t.n,)  # "Setibanya di Jeddah, ... diterbangkan ke Indonesia": on arriving is after arriving
            if not m:
                continue
            if not (k == la or self.lows[k - 1] == ","):
                return None
            close = next((q for q in range(k + m[0], lb) if self.lows[q] == ","), None)
            if close is None or any(self._usable(q) and self.roles.get(q) == "destination" for q in range(close, lb)):
                return None  # the clause must close before the mover, and no other leg ends between
            here = [q for q in self._placed(range(k + m[0], close), {"locative", "near_direct"}) if q not in p.dest]
            return here[-1] if here else None
        return None

    def _stay_told_before(self, p: Partial) -> int | None:
        """The place of a presence verb right before this one, on the same subject: in a relative clause
        on the mover ("yang berada di X") or joined to this verb by "and"/"then"."""
        la, lb = p.left
        prev = self.trig_at.get(la - 1) if la > 0 else None
        if prev is None or prev.kind != "presence":
            return None
        # the place may follow the verb bare ("bersiaga Vladivostok" is rare, but "berada di" may be one trigger)
        here = [q for q in range(la, lb) if self._usable(q) and q not in p.dest and (
            self.roles.get(q) in ("locative", "near_direct") or (q == la and self.roles.get(q) in (None, "direct")))]
        if not here:
            return None
        q, c = here[0], self.cues
        relative = any(self.lows[r] in c.relative_words for r in range(max(0, prev.i - 2), prev.i))
        joined = any((self.lows[r] in c.coord_words and self.toks[r].alpha) or c.before_words.match(self.lows, r)
                     for r in range(q + 1, lb)) and not any(r in self.in_what for r in range(q + 1, lb))
        return q if relative or joined else None

    def _stay_before_leaving(self, p: Partial) -> int | None:
        """"Ia dijadwalkan bertemu Presiden di Istana Bogor sebelum terbang ke Bali", "met the president in
        Bogor before flying to Bali": the place "at" of the clause that "before"/"then" links to this verb."""
        la, lb = p.left
        at = next((k for k in range(lb - 1, la - 1, -1) if self.cues.before_words.match(self.lows, k)), None)
        if at is None:
            return None
        start = next((q + 1 for q in range(at - 1, -1, -1) if self.toks[q].attr or self.toks[q].trig
                      or self.lows[q] in self.cues.complementizers), 0)
        here = [q for q in self._placed(range(start, at), {"locative", "near_direct"}) if q not in p.dest]
        if not here or self.trig_at.get(start - 1) is not None and self.trig_at[start - 1].kind == "movement":
            return None  # a movement before "then" already chains its own end to this one
        return here[-1]

    def _stay_of_mover(self, p: Partial) -> int | None:
        """A place "at" right after the mover's noun before the verb: "1.087 prajurit di Lebanon kembali",
        "korban luka di Jalur Gaza, Palestina, mulai dievakuasi dengan menyeberang ke Mesir" (the mover may
        be the subject of a verb just before this one), when no place reached lies between."""
        q = self._place_of_mover(p, ("locative", "near_direct"))
        if q is None or any(self._usable(r) and self.roles.get(r) == "destination" for r in range(q, p.trig.i)):
            return None
        return q

    def _seat_of_sender(self, p: Partial) -> int | None:
        """Where the subject of a verb that sends something is, said in the subject itself: "Pabrik semen di
        Tuban mengapalkan 5.000 ton semen ke Kupang". Only a verb that moves something else (not "self"), a
        subject that opens the clause and names no place of its own, and only words such as "telah" between
        the place and the verb."""
        c = self.cues
        if p.trig.flags & {"self", "nominal", "receive"}:
            return None
        lb = p.trig.i
        k = lb - 1
        while k >= 0 and self.lows[k] in c.subject_gap:
            k -= 1
        if k < 2 or not self._usable(k) or self.roles.get(k) != "locative" or self.toks[k - 1].prep != "locative":
            return None
        la = next((q + 1 for q in range(k - 2, -1, -1) if self.toks[q].attr or self.lows[q] in c.complementizers
                   or self.lows[q] in PUNCT_BREAK), 0)
        head = range(la, k - 1)
        if not head or any(self.toks[q].rp is not None or self.toks[q].trig or not self.toks[q].alpha for q in head):
            return None
        return k

    def _place_of_mover(self, p: Partial, roles: tuple[str, ...]) -> int | None:
        """The place the mover's noun names before the verb with only a preposition of ``roles`` between:
        in "troops reinforcing allies in Eastern Europe" or "passengers rescued in the Mediterranean" the
        place belongs to another verb."""
        lb = p.trig.i
        la = next((q + 1 for q in range(lb - 1, -1, -1) if self.toks[q].attr
                   or self.lows[q] in self.cues.complementizers), 0)
        hit = self._what_in(la, lb)
        if hit is None:
            return None
        q = hit[0] + hit[1]
        if q < lb and self.toks[q].rp is not None and self.roles.get(q) is None and self._genitive(q) == q:
            q += 1  # "prajurit Korea Utara di Kursk", "Warga Negara Indonesia di Sudan": past the nationality
        if q < lb and self.lows[q] == "(":  # "Warga Negara Indonesia (WNI) di Sudan": the noun's short form aside
            close = next((r for r in range(q + 1, min(lb, q + 5)) if self.lows[r] == ")"), None)
            if close is not None and not any(self.toks[r].rp is not None for r in range(q, close)):
                q = close + 1
        start = q
        while q < lb and self.toks[q].prep in roles and self.toks[q].rp is None:
            q += 1
        if q > start:  # "personel dari Polres Subang", "dari kota Nyala": past the place's head noun
            while q < lb and self.toks[q].rp is None and self._place_head(q):
                q += 1
        if q == start or q >= lb or not self._usable(q) or self.roles.get(q) not in roles:
            return None
        return q

    def _ends_bound_for(self, p: Partial) -> None:
        """"Sejumlah kapal kargo tujuan Eropa kini memutar melalui Tanjung Harapan", "Pemudik tujuan Sumatera
        diimbau menyeberang": where the mover is bound, named with it before the verb, is where it goes
        when the verb names nowhere else."""
        if p.dest or "nominal" in p.trig.flags:
            return
        q = self._place_of_mover(p, ("destination",))
        if q is not None and q not in p.origins:
            p.dest = [q]

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
        # ... nor when a "to" before it names where they go by no place ("dipulangkan ke daerah asal masing-masing
        # melalui Batam": Batam is on the way home)
        told = p.path and any(self.toks[k].prep == "destination" for k in range(p.right[0], p.path[-1]))
        # ... nor when a "to" after the path names a destination we do not know ("across the Dnipro river to the east
        # bank"): the river is crossed, not reached
        onward = any(self.toks[k].prep == "destination" and not self._infinitive(k)
                     for k in range(p.path[-1] + 1, p.right[1])) if p.path else False
        if not p.dest and not p.origins and p.path and "reroute" not in p.trig.flags and last and not told and not onward:
            # ... the port, not the province named after it to say where it lies ("Tunon Taka, Nunukan,
            # Kalimantan Utara")
            p.dest = self._contained(p.path)[-1:]
            p.path = [k for k in p.path if k not in p.dest]

    def _ends_crossing_point(self, p: Partial) -> None:
        """"crossed the Armenian border near the town of Goris": with no "to"/"into", the crossing point is
        where they arrived."""
        if "crossing" in p.trig.flags and not p.dest:
            ra, rb = p.right
            # "uchodźców z Ukrainy przekroczyło granicę z Polską": the border "with" a country, crossed from
            # elsewhere, leads into it (with no origin told, it says only which border: "granicy z Białorusią")
            into = [k for k in self._placed(range(ra, rb), {"with"}) if k not in p.origins][:1]
            # ... and so does one crossed by people named by their nationality, another country's ("decenas de
            # jóvenes marroquíes han cruzado a nado la frontera con Ceuta")
            if into and not p.origins:
                side = self.toks[into[0]].rp.place
                if not any(self.toks[k].demonym and self._names_people(k) and self.toks[k].rp.place.id != side.id
                           and not contains(side, self.toks[k].rp.place)
                           for k in range(p.left[0], rb) if self.toks[k].rp is not None):
                    into = []
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

    def _halt_place(self, start: int) -> int | None:
        """The place a journey stopped short at, from token ``start`` on: a ``halted_words`` word, then within
        a few words a place "in"/"at", past the stopper's own name ("dicegat Angkatan Laut Thailand di
        perairan Satun")."""
        words = self.cues.halted_words
        for k in range(start, len(self.toks)):
            if self.lows[k] not in words:
                continue
            for q in range(k + 1, min(len(self.toks), k + 8)):
                if self.lows[q] in PUNCT_BREAK or self.toks[q].trig:
                    break
                if self.toks[q].rp is not None and self._usable(q) and self.roles.get(q) in ("locative", "near_direct"):
                    return q
        return None

    def _ends_stopped_at(self, p: Partial) -> None:
        """"Kapal yang membawa 70 pengungsi dari Bangladesh dicegat di perairan Satun": a journey told from its
        start and stopped short, with no destination named, reached the place where it was stopped; so did one
        told inside what was stopped ("menahan sebuah kapal yang membawa 60 migran asal Myanmar di perairan
        Langkawi")."""
        if p.dest or "nominal" in p.trig.flags or not self.cues.halted_words:
            return
        q = self._halt_place(p.trig.end) if p.origins else None
        if q is None:
            q = self._halted_object_place(p)
        # not when another verb or a "to" between names where it was bound ("ditarik dari Samarinda menuju
        # Cilacap kandas di X": the journey to Cilacap stopped short, it did not go to X)
        if q is None or q in p.origins or any(self.toks[r].trig or self.toks[r].prep == "destination"
                                              for r in range(p.trig.end, q)):
            return
        p.dest = [q]

    def _halted_object_place(self, p: Partial) -> int | None:
        """The place "in"/"at" after movement p when p tells what a halting verb just before it stopped
        ("menahan sebuah kapal yang membawa ... di perairan Langkawi"), in the same clause, when a "from"
        before the place tells where the journey began."""
        ca = p.clause[0]
        if not any(self.lows[k] in self.cues.halted_words for k in range(max(ca, p.trig.i - 6), p.trig.i)):
            return None
        ra, rb = p.right
        found = [k for k in self._placed(range(ra, rb), {"locative", "near_direct"}) if k not in p.origins]
        # only a journey told with its start ("dari X", "asal X"): a courier "yang membawa 2 kilogram sabu di
        # Bandara X" may have been leaving
        if not found or not any(self.toks[k].prep == "origin" or self.lows[k] in self.cues.people_of
                                for k in range(ra, found[0])):
            return None
        return found[0]

    def _locates_previous(self, k: int) -> bool:
        """Does place token k hold the place named right before it ("Francfort, en Allemagne", "Sfax en Tunisie"),
        that place being a "from"?"""
        q = k - 1
        while q >= 0 and (self.toks[q].prep or self.lows[q] in self.cues.determiners):
            q -= 1
        if q >= 0 and self.lows[q] == ",":
            q -= 1
        return (q >= 0 and self._usable(q) and self.roles.get(q) == "origin"
                and contains(self.toks[k].rp.place, self.toks[q].rp.place))

    def _inflected_name(self, k: int) -> bool:
        """Is token k a one-word place name in a case form its lemma is not ("že Ukrajině předalo 157 vojáků")?
        A clause of a pro-drop language may open with its object; a name in the nominative is its subject."""
        if not self.cues.matches_lemmas or k >= len(self.toks) or self.toks[k].rp is None or " " in self.toks[k].text:
            return False
        return self.cues.lemma(self.toks[k].text) != self.toks[k].text.lower()

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

    def _bracketed_inside(self, k: int) -> list[int]:
        """"rumbo a España (con Madrid, Barcelona y Gijón como puntos de acogida)": the places in brackets right
        after a destination that lie inside it are where the movers go within it."""
        if k + 1 >= len(self.toks) or self.lows[k + 1] != "(":
            return []
        out = []
        for q in range(k + 2, min(len(self.toks), k + 20)):
            if self.lows[q] == ")":
                return out
            if self._usable(q) and self.roles.get(q) is None and contains(self.toks[k].rp.place, self.toks[q].rp.place):
                out.append(q)
        return []

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
        if p.dest or flags & {"departure", "departure_at", "flee", "origin_direct", "nominal"}:
            return
        la, lb = p.left
        for k in range(lb - 1, la - 1, -1):
            if not self.cues.where_words.match(self.lows, k):
                continue
            q = k - 1
            # "Yibuti, hasta donde consiguió trasladar al grupo": "to where" says whither by itself
            whither = q >= 0 and self.toks[q].prep == "destination"
            if not (p.origins or "arrival" in flags or whither):
                return
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
            if q >= 0 and self._usable(q) and (own or "arrival" in flags or whither):
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
