"""Argument roles of places: the preposition governing a place makes it an origin, destination, path or location."""
from __future__ import annotations

import re

from ..distance import haversine_km
from .tokens import DASHES, PUNCT_BREAK

# A governing preposition further away than this many words is not the place's own.
MAX_WALK = 6
# Containers rank above what they contain. A country named next to one of its cities
# ("Tartus in Syria", "El Arish, Mesir") is context, not a second event place.
KIND_RANK = {"country": 4, "region": 3, "admin1": 2, "admin2": 1}
# Waters a country's ships sail to: the gazetteer gives them the coast's country code, but they are no
# place inside it.
OPEN_WATER = frozenset({"sea", "gulf", "strait"})
# How far from its point a second-level unit (county, regency) may hold a town.
ADMIN2_REACH_KM = 80.0


def contains(outer, inner) -> bool:
    """Does gazetteer place ``outer`` hold ``inner`` (a country its cities, a state its towns)?"""
    if KIND_RANK.get(outer.kind, 0) <= KIND_RANK.get(inner.kind, 0) or not outer.country_code:
        return False
    if outer.country_code != inner.country_code:
        return False
    if outer.kind == "country" and inner.kind in OPEN_WATER:
        return False  # "Indonesia mengirim kapal perang ke Laut Natuna Utara": a country sends ships to its sea
    if outer.kind == "admin1" and outer.admin1 and inner.admin1:
        return outer.admin1 == inner.admin1  # Texas does not hold New York
    if outer.kind == "admin2":
        # a county or regency is small: Polewali Mandar does not hold Makassar, 200 km away
        return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= ADMIN2_REACH_KM
    return True


class RoleRules:
    """Sentence methods giving each place token its role (mixed into Sentence)."""

    def _walk_role(self, j: int, lo: int) -> str | None:
        """The role the preposition governing place token j gives it, walking back at most MAX_WALK words."""
        toks, c = self.toks, self.cues
        if (toks[j].demonym and not c.head_last and c.demonym_origin and j > lo and toks[j - 1].alpha
                and not toks[j - 1].prep):
            return None  # "de refugiados ucranianos": the demonym after its noun is no place the "de" governs
        k, dist, inner, inner_dist, inner_at, comma_used = j - 1, 0, None, 0, j, False
        joined = False  # the walk passed a place head's own "of" ("the coast of")
        head_at = None  # where the walk passed the place phrase's head
        while k >= lo and dist < MAX_WALK:
            t = toks[k]
            if t.attr:
                break
            if dist == 0 and inner is None and self._unknown_name_word(k):
                # "menuju Bandara Amir Muhammad bin Abdul Aziz Madinah": the name of a place head the geoparser did
                # not know stands between the head and the place that says where it lies
                m = k
                while m > lo and k - m < 6 and self._unknown_name_word(m) and not self._place_head(m):
                    m -= 1
                if m >= lo and m < k and self._place_head(m) and toks[m].rp is None and not toks[m].trig:
                    k = m
                    continue
            if t.low in c.weekdays or t.low in c.months:
                # "erreichte am Mittwoch Przemyśl": a date between the verb and its place is no phrase of its own
                k -= 1
                w = 0
                while (k >= lo and w < 2 and toks[k].alpha and toks[k].text[:1].islower() and not toks[k].trig
                       and not c.preps.match(self.lows, k)):
                    k, w = k - 1, w + 1  # "de este lunes", "am späten Montagabend"
                m = c.preps.match(self.lows, k) if k >= lo else None
                if m and m[0] == 1:
                    k -= 1
                continue
            prep = t.prep
            if prep == "by_case":
                prep = self._case_role(k)
                if prep is None:
                    break  # "с Украиной" (with), "в течение": the case says this preposition marks no place
            if prep == "name_of":  # "en un autobús de la Fundación Mensajeros de la Paz": where the named thing is
                return "locative"
            if prep == "motion_or_locative":  # French "à", "en", "au": a movement verb makes it "to", else "in"
                # "de Sfax en Tunisie", "Lampedusa, en Italie": after a place it says where that place is
                # ("de Kiev à Paris" is a route: only a place holding the one before is where that one is)
                before = k - 1 if k > lo and toks[k - 1].rp is not None and not toks[k - 1].demonym else (
                    k - 2 if k - 1 > lo and toks[k - 1].low == "," and toks[k - 2].rp is not None else None)
                # and only a place that was a "from" starts one: "l'ambassade de France au Liban" is where it is
                after_place = before is not None and (contains(toks[j].rp.place, toks[before].rp.place) or not any(
                    toks[q].prep == "origin" for q in range(max(lo, before - 2), before)))
                if after_place and not contains(toks[j].rp.place, toks[before].rp.place) and any(
                        toks[q].prep == "destination" for q in range(max(lo, before - 2), before)):
                    return "destination"  # "do Polska, na Slovensko a do Česka": one list of destinations
                if not after_place and self._left_object_before(k, lo):
                    return "near_direct"  # "ont quitté leurs bases au Niger": they left where the base is
                return "destination" if not after_place and self._moving_verb_before(k, lo) else "locative"
            if prep == "with" and self._border_with_goal(k, lo):
                return "destination"  # "to the border with Colombia": the country across that border is the goal
            if prep:
                if prep == "destination" and inner is not None and self._infinitive(k):
                    break  # "to navigate around the Cape": the "to" of a verb governs no place (its own "around" does)
                if prep not in ("locative", "target"):
                    return prep  # "to the front in Ukraine": the direction outranks the inner "in"
                if inner is None:
                    inner, inner_dist, inner_at = prep, dist, k
                elif prep == "locative":
                    inner_dist = -1  # "at bases in X": a second locative, the place is where, not the object
            elif t.rp is not None:
                # "from Bangladesh's southern port of Chittagong": the owner of the place phrase is no break
                owner = (t.possessive and all(self.toks[q].alpha and self.toks[q].text[:1].islower()
                                              for q in range(k + 1, j))) or self._base_owner(k)
                if not (t.demonym or k == j - 1 or owner):
                    break  # another place's own phrase
            elif t.trig:
                if inner is None and dist == 0:
                    return "direct"  # "fled Sudan", "menyerang Odesa"
                # "left the camps near Dadaab": the place inside the verb's own object
                if inner == "locative" and inner_dist == 0 and dist <= 2 and k + 1 <= inner_at - 1:
                    return "near_direct"
                return inner
            elif (t.low in c.apposition_words and not comma_used and k - 2 >= lo and toks[k - 1].low == ","
                  and toks[k - 2].alpha and toks[k - 2].rp is None and not toks[k - 2].prep):
                # "ke berbagai negara, khususnya Amerika Serikat": the place names one of those the phrase spoke of
                comma_used = True
                k -= 2
                continue
            elif t.low == "," and not comma_used and not self._relative_after(k, j) and k > lo and (self._name_before(k) or (
                    toks[k - 1].demonym and k - 2 >= lo and self._place_head(k - 2))):
                # "de la capital sudanesa, Jartum": the apposition names the place the head spoke of
                # (not across a relative clause: "von Flüchtlingen, die in Deutschland ankommen")
                comma_used = True  # "dari Bandara Halim Perdanakusuma, Jakarta": the place names the unknown one
            elif (t.low == "," and not comma_used and dist == 0 and k - 2 >= lo and self._place_head(k - 2)
                  and toks[k - 1].alpha and toks[k - 1].text[:1].islower() and toks[k - 1].rp is None
                  and self.lows[k - 1] not in c.place_modifiers and not self._place_head(k - 1)
                  and not (toks[k - 1].prep or toks[k - 1].trig or c.walk_stops.match(self.lows, k - 1))):
                # "ke negeri tetangganya, Ukraina": the apposition names the place its head and owner spoke of
                comma_used = True
                k -= 2
                continue
            elif k == j - 1 and t.low in ('"', "«", "„", "“"):
                pass  # 'до порту "Чорноморськ"', 'в порт «Южный»': the quote opens the name, not a phrase
            elif (joined and dist == 0 and t.low in c.determiners and k > lo and toks[k - 1].alpha
                  and not (toks[k - 1].prep or toks[k - 1].trig or toks[k - 1].low in c.determiners)):
                break  # "erreichten 300 Migranten in Schlauchbooten die Küste von Lampedusa": the head's article
                # opens its phrase, and the word before it ends another (no preposition governs the place)
            elif dist == 0 and t.alpha and self._place_head(k):
                head_at = k  # "to the border with Poland", "the port of Odessa": the place phrase's own head
            elif (dist == 0 and head_at is not None and head_at - k <= 2 and c.head_last and t.alpha
                  and not t.trig and t.low not in c.determiners and not c.walk_stops.match(self.lows, k)):
                pass  # "in the Caribbean coastal city of Maracay": words that describe the head are in its phrase
            elif dist == 0 and t.low in c.of_preps and k > lo and self._place_head(k - 1):
                joined = True  # "atteint l'île d'El Hierro": the "of" that joins the head to its name
            elif inner == "locative" and t.low in c.held_words and not (k > lo and toks[k - 1].trig):
                # "dari mereka ditampung di Atambua": where they are held, whatever "from" came before (a verb
                # right before the word is read as before: "were left stranded in")
                return inner
            elif t.is_num and inner is not None:
                break  # "después de las 11.00 horas ... en la base": a time or a count, no phrase around the place
            elif (t.low in PUNCT_BREAK or not (t.alpha or t.is_num) or t.possessive or t.low.endswith("'s")
                  or c.walk_stops.match(self.lows, k)) and not self._owner_in_phrase(k, lo):
                break
            elif t.low not in c.determiners and not (k == j - 1 and t.low in c.place_modifiers):
                # "left west Maui": a side of the place, right before its name, is part of the object
                dist += 1
            k -= 1
        return inner

    def _owner_in_phrase(self, k: int, lo: int) -> bool:
        """Is token k a common noun's possessive right after an article ("to a friend's house in Germany")? It
        says whose the head is, inside the phrase the preposition before the article governs."""
        t = self.toks[k]
        return (t.rp is None and t.text[:1].islower() and t.low.endswith(("'s", "’s", "s'", "s’"))
                and k - 1 >= lo and self.lows[k - 1] in self.cues.determiners)

    def _border_with_goal(self, k: int, lo: int) -> bool:
        """Is the "with" at token k the one of a border ("with_goal_heads") a "to" governs ("went to the border with
        Colombia")? Only a direction before the head counts: "crossed the border with Poland" keeps its "with"."""
        c, q = self.cues, k - 1
        if q <= lo or self.bases[q] not in c.with_goal_heads:
            return False
        q -= 1
        while q > lo and (self.lows[q] in c.determiners or self.lows[q] in c.place_modifiers):
            q -= 1
        return q >= lo and self.toks[q].prep == "destination"

    def _base_owner(self, k: int) -> bool:
        """"to the US base in Qatar", "the US Ramstein base": a country right before one of the nouns a country
        owns abroad (``owned_nouns``), or before the name of one, says whose it is, not where it is."""
        t, nxt = self.toks[k], self.toks[k + 1] if k + 1 < len(self.toks) else None
        if t.rp is None or t.rp.place.kind != "country" or t.possessive or nxt is None:
            return False
        if nxt.rp is not None and not nxt.possessive:  # "the US Ramstein base": the name may hold the noun
            if nxt.text.lower().split()[-1] in self.cues.owned_nouns:
                return True
            nxt = self.toks[k + 2] if k + 2 < len(self.toks) else None
        return nxt is not None and nxt.low in self.cues.owned_nouns

    def _relative_after(self, k: int, j: int) -> bool:
        """Does a relative clause open between the comma at token k and place token j ("..., die in X")?"""
        return any(self.lows[q] in self.cues.relative_words for q in range(k + 1, j))

    def _case_role(self, k: int) -> str | None:
        """The role a case-governed preposition at token k gives the phrase after it, from the case of the
        word right after it ("в Москву": accusative, to; "в Москве": locative, at). A word in both cases
        ("в Тбилиси", indeclinable) is "to" after a movement verb and "at" otherwise; a case the table does
        not list ("с Украиной", "with") marks no place."""
        if k + 1 >= len(self.toks):
            return None
        nxt = self.toks[k + 1]
        word = re.split(r"[\s\-–]", nxt.text)[0]
        table = self.cues.case_roles.get(self.toks[k].low, {})
        cases = self.cues.cases(word)
        if not cases:  # "в ДНР", a word the analyser cannot decline: the verb decides
            return "motion_or_locative" if len(set(table.values())) > 1 else next(iter(table.values()), None)
        roles = {table[c] for c in cases if c in table}
        if not roles:
            return None
        return roles.pop() if len(roles) == 1 else "motion_or_locative"

    def _left_object_before(self, k: int, lo: int) -> bool:
        """Is the preposition at token k right after the place noun a leaving verb takes as its object
        ("quitté leurs bases au Niger", "abandonaron el campamento en Libia")?"""
        trigs = getattr(self, "trig_at", {})
        q = next((q for q in range(k - 1, max(lo, k - 5) - 1, -1) if q in trigs), None)
        if q is None or "origin_direct" not in trigs[q].flags:
            return False
        between = range(q + trigs[q].n, k)
        return any(self._place_head(r) for r in between) and not any(
            self.toks[r].prep or self.toks[r].rp is not None for r in between)

    def _moving_verb_before(self, k: int, lo: int) -> bool:
        """Is the nearest trigger before token k (in its stretch) a movement word ("envoyés en Pologne"), not a
        stationing one ("déployés à Niamey" says where they are)?"""
        trigs = getattr(self, "trig_at", {})
        # a relative clause in between has its own verb: "un départ exigé par la junte qui a porté un coup à
        # l'influence de la France" goes nowhere
        q = None
        for q in range(k - 1, lo - 1, -1):
            if q in trigs:
                break
            if self.lows[q] in self.cues.relative_words:
                return False
        else:
            q = None
        if q is None and self.cues.dest_before_verb:
            # "na Litwę trafiło 500 żołnierzy": where the verb may follow its place, the verb after it decides
            q = next((q for q in range(k + 1, len(self.toks)) if q in trigs or self.toks[q].low in PUNCT_BREAK), None)
            q = q if q in trigs else None
        # but "le déploiement de 700 soldats à Chypre" sends them there
        # nor a boarding one ("embarqués à Sfax" says where they set out)
        return q is not None and trigs[q].kind == "movement" and "departure_at" not in trigs[q].flags and (
            "deploy" not in trigs[q].flags or "nominal" in trigs[q].flags)

    def _coordinated_places(self, a: int, b: int) -> bool:
        """Are place tokens a and b members of one list ("Kharkiv and Sumy", "Asia and northern Europe",
        "Chad, Egypt as well as South Sudan")?"""
        c = self.cues
        covered = {q for i, n, _ in c.coord.scan(self.lows, a + 1, b) for q in range(i, i + n)}
        q = a + 1
        while q < b:  # "в Польше (около полумиллиона), Словакии": an aside in brackets naming no place is no break
            close = next((r for r in range(q + 1, b) if self.lows[r] == ")"), None) if self.lows[q] == "(" else None
            if close is not None and not any(self.toks[r].rp is not None for r in range(q, close)):
                covered.update(range(q, close + 1))
                q = close
            q += 1
        between = range(a + 1, b)
        # "Malte, Lampedusa, la Sicile": an article before a member is no break in the list
        # ... nor is a member's head noun after the joining word ("Polres Subang dan Polres Ciamis")
        return bool(covered) and all(q in covered or self.lows[q] in c.place_modifiers
                                     or (q > a + 1 and (self.lows[q] in c.determiners or (
                                         q - 1 in covered and self._place_head(q))))
                                     or self._hyphened_nationality(q) for q in between)

    def _hyphened_nationality(self, q: int) -> bool:
        """Is token q (or the dash after it) a nationality hyphened to a modifier of the place that follows
        ("Russia or Russian-occupied Crimea")? It says whose the place is, and breaks no list."""
        toks = self.toks
        k = q - 1 if toks[q].text in DASHES else q
        if k < 0 or k + 2 >= len(toks) or not (toks[k].demonym and toks[k + 1].text in DASHES):
            return False
        return (toks[k + 1].start == toks[k].end and toks[k + 2].start == toks[k + 1].end
                and self.lows[k + 2] in self.cues.place_modifiers)

    def _place_head(self, k: int) -> bool:
        """Is token k part of a place phrase's head ("port", "city of", "pelabuhan", "kota")?"""
        c = self.cues
        if c.compound_heads and self.lows[k].endswith(c.compound_heads) and self.lows[k] not in c.compound_heads:
            return True  # "Kanaren-Insel El Hierro", "die Küstenstadt Sfax": a compound whose head is a place noun
        return any(c.place_heads.match(self.lows, a) and a + c.place_heads.match(self.lows, a)[0] > k
                   for a in range(max(0, k - 1), k + 1))

    def _subject_of_next_verb(self, k: int) -> bool:
        """Is place token k the subject of a movement verb right after it ("... to Lithuania and Poland sent
        300"), in a language whose verbs follow their subject (``subject_ends_list``)?"""
        if not self.cues.subject_ends_list:
            return False
        verbs = [t for t in getattr(self, "trigs", ()) if "nominal" not in t.flags]
        # ... only after a verb of its own the list belongs to: in "Ferries between Dover and Calais carried
        # 38,000 passengers" the pair is the subject's
        return any(t.i == k + 1 for t in verbs) and any(t.end < k for t in verbs)

    def _unknown_name_word(self, k: int) -> bool:
        """Is token k a word of a name the geoparser did not know: capitalised, or a particle ("bin")?"""
        t = self.toks[k]
        return t.rp is None and t.alpha and not t.trig and not t.prep and (
            t.text[:1].isupper() or t.low in self.cues.name_particles)

    def _name_before(self, k: int) -> bool:
        """Is the word before the comma at token k a capitalised name the geoparser did not know?"""
        t = self.toks[k - 1]
        return t.rp is None and t.alpha and t.text[:1].isupper() and not t.trig and not t.prep and k - 1 > 0

    def _place_roles(self, regions) -> dict[int, str | None]:
        """Role of every place token; a list or apposition ("Usurisk, Khabarovsk dan Blagoveshchensk",
        "El Arish, Mesir") takes the role of its first member."""
        roles: dict[int, str | None] = {}
        c = self.cues
        for ra, rb in regions:
            head = prev = None
            inner: dict[int, int] = {}  # a container head -> the head it says where it lies
            for k in range(ra, rb):
                if self.toks[k].rp is None or self._hyphened_nationality(k):
                    continue  # ... nor is "Russian" in "Russian-occupied Crimea" a member of a list
                # a nationality heads no list: "la capital sudanesa, Jartum" is one place phrase
                if prev is not None and not (self.toks[prev].demonym and not self.toks[k].demonym) \
                        and self._coordinated_places(prev, k) and not self._subject_of_next_verb(k):
                    # "to Hannover in Germany and Prague": the list goes on from Hannover, not from Germany
                    h = inner.get(head, head)
                    if h != head and contains(self.toks[head].rp.place, self.toks[k].rp.place):
                        h = head
                    roles[k] = roles[h]
                else:
                    if (head is not None and roles.get(head) not in (None, "locative") and self._walk_role(k, ra) == "locative"
                            and contains(self.toks[k].rp.place, self.toks[head].rp.place)):
                        inner[k] = head
                    head = k
                    roles[k] = self._walk_role(k, ra)
                prev = k
        if c.head_last:
            for k, r in list(roles.items()):
                j = self._of_place(k)
                if r is not None and j is not None and roles.get(j) is None and not contains(
                        self.toks[j].rp.place, self.toks[k].rp.place):  # but "the Kursk region of Russia" is Kursk
                    # "from the Baltic Sea port of Baltiysk": the port is the end, the sea only says which port
                    roles[j], roles[k] = r, None
        return roles

    def _of_place(self, k: int) -> int | None:
        """The place in "<place k> port of <place>", "<place k> region of <place>", or None."""
        q = k + 1
        while q < len(self.toks) and q - k <= 3 and self.toks[q].rp is None and self._place_head(q) \
                and self.toks[q].text[:1].islower() and self.lows[q] != "of":
            q += 1
        if q == k + 1 or q + 1 >= len(self.toks) or self.lows[q] != "of" or self.toks[q + 1].rp is None:
            return None
        return q + 1

    def _contained(self, idxs: list[int]) -> list[int]:
        """Drop a container named beside what it contains, and repeats of one place."""
        places = [self.toks[k].rp.place for k in idxs]
        out, seen = [], set()
        for k, p in zip(idxs, places, strict=True):
            # "rejoindre Malte, Lampedusa, la Sicile ou ...": a container that is a member of a list closed by
            # "and"/"or" is a place of its own, not where the place before it lies
            # ... and so is a country's own stretch told by its nationality beside a part of it ("to Sicily and the
            # Italian mainland": the mainland, not all of Italy)
            # (joined by "and"/"or": "Ankara, the Turkish capital" is one place told twice)
            stretch = self.toks[k].demonym and self._demonym_place(k)
            inside = any(contains(p, q) and not self._list_member(j, k)
                         and not (stretch and self._coordinated_places(min(j, k), max(j, k))
                                  and any(self.lows[r].isalpha() and self.lows[r] in self.cues.coord_words
                                          for r in range(min(j, k) + 1, max(j, k))))
                         for j, q in zip(idxs, places, strict=True) if q is not p)
            if not inside and p.id not in seen:
                seen.add(p.id)
                out.append(k)
        return out

    def _list_member(self, a: int, b: int) -> bool:
        """Are place tokens a and b in one list of three or more that a word ("et", "ou", not a comma alone)
        closes ("Malte, Lampedusa, la Sicile ou le continent")? Two places alone are left to containment,
        which is coarse ("Jawa Tengah dan Sumatera": a region holds every province of its country)."""
        lo, hi = min(a, b), max(a, b)
        if not self._coordinated_places(lo, hi):
            return False
        before = next((q for q in range(lo - 1, max(-1, lo - 4), -1) if self.toks[q].rp is not None), None)
        after = next((q for q in range(hi + 1, min(len(self.toks), hi + 4)) if self.toks[q].rp is not None), None)
        head = before is not None and self._coordinated_places(before, lo)
        tail = after is not None and self._coordinated_places(hi, after)
        words = {w for w in self.cues.coord_words if w.isalpha()}
        # "Denpasar, Lombok, dan Labuan Bajo": the closing word may come after the pair, before the third member
        end = after if tail else hi + 1
        return (head or tail) and any(self.lows[q] in words for q in range(lo + 1, min(len(self.lows), end + 1)))

    def _placed(self, rng, want: set[str]) -> list[int]:
        return [k for k in rng if self._usable(k) and self.roles.get(k) in want]
