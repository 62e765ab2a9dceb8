"""Frames: trigger words (movement, presence, incident) and what each one's stretch of text fills in."""
from __future__ import annotations

from .dates import find_date
from .cues import Phrases
from .ends import MOVEMENT_END_RULES
from .frames_base import Partial, Trigger
from .roles import contains
from .tokens import PUNCT_BREAK

# what opens an aside after a noun: a dash (typed as "--" too) or a bracket
ASIDE_OPEN = frozenset({"-", "--", "—", "–", "("})


class FrameRules:
    """Sentence methods that read one trigger into a Partial (mixed into Sentence)."""

    def _trigger_keys(self) -> tuple[list[str], list[tuple[int, int, dict]]]:
        """The words triggers are looked up by, and the separable verbs whose particle
        closes the clause ("kamen ... in Berlin an" reads as "kamen an"), as (token, 1, trigger) hits."""
        c = self.cues
        keys = list(self.lows)
        split: list[tuple[int, int, dict]] = []
        if not c.split_triggers:
            return keys, split
        for i, k in enumerate(keys):
            for j in range(i + 2, len(keys)):
                low = self.lows[j]
                if low in PUNCT_BREAK:
                    break
                if low in c.split_particles and (j + 1 == len(keys) or self.lows[j + 1] in PUNCT_BREAK
                                                 or self.lows[j + 1] in c.coord_words):
                    if (k, low) in c.split_triggers:
                        split.append((i, 1, c.split_triggers[(k, low)]))
                    break
        for i, _, _ in split:
            keys[i] = ""  # the stem is read with its particle, not alone
        return keys, split

    def _triggers(self) -> list[Trigger]:
        trigs: list[Trigger] = []
        keys, split = self._trigger_keys()
        alt = self.bases if self.cues.matches_lemmas else None  # "przybyli" is "przybyć"
        for i, n, spec in sorted(self.cues.triggers.scan(keys, alt=alt) + split, key=lambda hit: hit[0]):
            last = trigs[-1] if trigs else None
            # ... but a vehicle next to a verb is its object ("leave a transport bus") or its subject
            # ("a Greek bus took"), not part of the verb
            # ... nor is a movement noun right before a verb ("The convoy reached Gaza"): it is the verb's subject
            if (spec["kind"] != "none" and last and last.end == i and last.kind == spec["kind"]
                    and not ("route_noun" in spec["flags"] or "route_noun" in last.flags)
                    and not ("nominal" in last.flags and "nominal" not in spec["flags"])):
                last.n += n  # "remain based", "masih berada": one trigger
                last.flags = last.flags | spec["flags"]
                last.what = last.what or spec["what"]
            else:  # "none" entries ("based on") are kept until here so they block a shorter match
                trigs.append(Trigger(i, n, spec["kind"], spec["flags"], spec["what"]))
        return [t for t in trigs if t.kind != "none"]

    def _prefix_negated(self, trig) -> bool:
        """Is the trigger a verb negated by a prefix its lemma lacks ("nepřijeli" of "přijet")?"""
        low, lemma = self.lows[trig.i], self.bases[trig.i]
        return any(low.startswith(x) and not lemma.startswith(x) for x in self.cues.negation_prefixes)

    def _subject_nouns(self, trigs: list[Trigger]) -> list[Trigger]:
        """"relief flights landed in Karachi", "the convoy has reached Derna": a movement noun right before
        a movement verb is the verb's subject, not a frame of its own."""
        c, out = self.cues, []
        for n, t in enumerate(trigs):
            nxt = trigs[n + 1] if n + 1 < len(trigs) else None
            if ("nominal" in t.flags and t.kind == "movement" and nxt is not None and nxt.kind == "movement"
                    and "nominal" not in nxt.flags
                    and all(self.lows[k] in c.subject_gap or self.lows[k] in c.any_aux for k in range(t.end, nxt.i))):
                continue
            prev = out[-1] if out else None
            if ("nominal" in t.flags and t.kind == "movement" and prev is not None and prev.kind == "movement"
                    and "nominal" not in prev.flags and prev.end <= t.i
                    and all(self.lows[k] in c.determiners or self.toks[k].is_num for k in range(prev.end, t.i))):
                continue  # "boarded buses heading for the base", "took a train to Lviv": the verb's object
            if "nominal" in t.flags and t.kind == "movement" and t.what == "vehicles" and self._means(t.i):
                continue  # "moved by train to Khabarovsk": how they travelled, not a trip of its own
            if t.kind == "presence" and self._fled_object(t, prev):
                continue  # "to escape fighting in Darfur", "fleeing renewed fighting in Rakhine": what they fled
            if "route_noun" in t.flags and not any(self.toks[q].prep in ("origin", "between")
                                                   for q in range(t.end, min(len(self.toks), t.end + 3))):
                continue  # "trains from Lviv" is a trip; "regular buses to Bristol" is a timetable
            out.append(t)
        return out

    def _fled_object(self, t: Trigger, prev: Trigger | None) -> bool:
        """Is presence trigger t the object of an escape verb or a fleeing trigger just before it (a determiner
        and one modifier may stand between)?"""
        c, q, skipped = self.cues, t.i - 1, 0
        while q >= 0 and skipped < 3 and (self.lows[q] in c.determiners or (
                skipped == 0 and self.toks[q].alpha and self.toks[q].text[:1].islower() and not self.toks[q].prep
                and not (prev is not None and prev.i <= q < prev.end) and not c.escape_verbs.match(self.lows, q))):
            q, skipped = q - 1, skipped + 1
        if q < 0:
            return False
        if c.escape_verbs.match(self.lows, q):
            return True
        return prev is not None and prev.end == q + 1 and "flee" in prev.flags

    def _veto(self, left: tuple[int, int], right: tuple[int, int]) -> None:
        """A frame the rules read as no movement (negated, hypothetical, abstract, cancelled, money):
        kept so that the movement scorer does not read one there either."""
        self.vetoed.append((left[0], right[1]))

    def _partial(self, g: list[Trigger], left: tuple[int, int], right: tuple[int, int]) -> Partial | None:
        c, lows = self.cues, self.lows
        trig = g[0]
        la, lb = left
        reach = la if "nominal" in trig.flags else max(la, trig.i - 3)  # "had not yet seen ... departures from X"
        called_off = self._called_off(trig, reach, right) or self._denied_after(trig, reach)
        if called_off is None and (self._negated(reach, trig.i) or (c.negation_in_clause and self._negated(*right)) or (
                "nominal" in trig.flags and (self._any(c.cancel_words, *right) or self._negated(*right)))):
            # "Flights ... have not resumed"; German puts the negation after the verb ("fahren nicht mehr")
            return self._veto(left, right)  # "had not yet moved them": a negated report is no event
        if c.negation_prefixes and self._prefix_negated(trig):
            return self._veto(left, right)  # "nepřijeli": the verb's own prefix negates it, and its lemma is the plain verb's
        if self._any(c.conditionals, max(la, trig.i - 2), trig.i):
            return self._veto(left, right)  # "jika diserang", "if attacked": a hypothetical
        if self.lows[trig.i] in c.abstract_moves and trig.end < len(self.toks) and self._infinitive(trig.end):
            return self._veto(left, right)  # "Kenya moved to tighten rules": a step, not a journey
        ca = max([k + 1 for k in range(la, lb) if lows[k] in c.complementizers], default=la)
        # the stretch after a trigger ends where a new clause starts ("..., setelah pertemuan di X")
        rb = next((k for k in range(right[0], right[1]) if c.clause_linkers.match(lows, k)
                   and not (lows[k] in c.comma_linkers and (k == 0 or lows[k - 1] != ","))), right[1])
        p = Partial(trig.kind, trig, left, (ca, lb), (right[0], rb))
        p.after_link = self._any(c.after_words, la, lb)
        p.before_link = self._any(c.before_words, la, lb)
        if not self._ends(p, g):
            if trig.kind != "movement":
                return None
            self._cargo(p)
            if not self._homeward(p):
                self.idle = p  # "diberangkatkan dari Embarkasi Solo menuju Jeddah": its mover is the next verb's
                o = p.implicit_origin
                if o is not None and ((self.toks[o].demonym and (
                        (c.pro_drop and not self.toks[o].attr)
                        or (c.presence_origin and "arrival" not in trig.flags)))
                        # "Ratusan warga Mamuju meninggalkan kota": people named by their place leave it
                        or (not self.toks[o].demonym and self._usable(o)
                            and trig.flags & {"departure", "origin_direct", "flee"})):
                    # "Ukrajinci prchají do všech sousedních zemí", "багато українців змушені покинути
                    # домівки": no place told, but where the group is from; the next verb goes on with it
                    st = self.state
                    st.pending_origin, st.pending_what, st.pending_at = self.toks[o].rp.place.id, p.what, st.sentence
                return None
        elif trig.kind == "incident":
            self._incident(p, g)
        else:
            self._cargo(p)
            self._homeward(p)
            idle, self.idle = getattr(self, "idle", None), None
            if p.kind == "movement" and idle is not None and idle.right[1] >= trig.i and p.what is None:
                p.what, p.mover, p.quantity, p.quantity_value = idle.what, idle.mover, idle.quantity, idle.quantity_value
                if p.implicit_origin is None:
                    p.implicit_origin, p.implicit_origins = idle.implicit_origin, idle.implicit_origins
                if idle.left[0] < p.left[0] and idle.trig.i < p.left[0]:
                    # "Mereka dievakuasi pada 26 Februari lalu tiba di Bucharest": the first verb's subject is this one's
                    p.left = (idle.left[0], p.left[1])
        return self._complete(p, g, called_off)

    def _complete(self, p: Partial, g: list[Trigger], called_off: str | None = None) -> Partial:
        """How sure, when and on whose word: the last readings of a frame that has its places."""
        trig, (la, _), (ca, _) = p.trig, p.left, p.clause
        self._certainty(p)
        if called_off is not None:
            p.certainty = called_off
        dates = [p.right] if "nominal" in trig.flags else [p.right, p.clause] + ([(g[0].end, g[-1].i)] if len(g) > 1 else [])
        p.date = find_date(self.toks, self.lows, dates, self.cues, self.doc, forward=p.certainty == "planned")
        p.statement_source = self._statement_source(la, ca)
        return p

    def _called_off(self, trig: Trigger, reach: int, right: tuple[int, int]) -> str | None:
        """"membatalkan 30 penerbangan", "Pelayaran ke Baubau ditunda": a trip named by its noun and
        called off right before or after it keeps its places, as denied or postponed (planned)."""
        if "nominal" not in trig.flags or not self.cues.called_off.words:
            return None
        lows = self.lows
        for k in [*range(max(reach, trig.i - 3), trig.i), *range(right[0], min(right[1], len(lows)))]:
            hit = self.cues.called_off.match(lows, k)
            if hit:
                return str(hit[1])
        return None

    def _denied_after(self, trig: Trigger, reach: int) -> str | None:
        """"Мигранты не были высланы в Узбекистан, опровергли в МВД": a negated verb whose sentence goes on
        with ", <deny>" (``denied_after_comma``) is a denied trip, kept with its places."""
        c, lows = self.cues, self.lows
        if not c.denied_after_comma or not self._negated(reach, trig.i):
            return None
        for k in range(trig.end, len(lows) - 1):
            if lows[k] == ",":
                hit = c.hedges.match(lows, k + 1)
                if hit and str(hit[1]) == "denied":
                    return "denied"
        return None

    def _homeward(self, p: Partial) -> bool:
        """"Iran memulangkan 1,2 juta warga Afghanistan", "deported 500 Haitians", "flew 2,000 British
        holidaymakers home": a return, or a movement "home" (``home_words``), with no destination named goes
        to the movers' own country, and that country is not where they left."""
        k = p.nationality
        if "return" in p.trig.flags:
            # "Dominican authorities have deported more than 10,000 Haitians": the people sent back are named
            # after the verb; the nationality before it is the sender's
            k = self._object_demonym(p) or k
            if k is not None and k > p.trig.end and any(self._clause_word(q) for q in range(p.trig.end, k)):
                k = None  # "More Haitians deported as Dominican troops engage": another clause's group
        if ("return" not in p.trig.flags and not self._home_word(p)) or p.dest or k is None or p.origin == k:
            return False
        place = self.toks[k].rp.place if self.toks[k].rp is not None else None
        if place is None or place.kind != "country":
            return False
        if any(self.toks[q].rp is not None and contains(place, self.toks[q].rp.place)
               for q in [*([p.origin] if p.origin is not None else []), *p.origins]):
            return False  # "deport Afghans from Kabul": they leave their own country, they are not sent back to it
        p.dest = [k]
        if p.implicit_origin == k:
            p.implicit_origin, p.implicit_origins = None, []
        if p.implicit_origin is None and p.origin is None and "return" in p.trig.flags:
            # "Dominican authorities have deported thousands of Haitians", "the Dominican Republic has ramped
            # up deportations of Haitians": the country sending them back, named before the verb, is whence
            sender = next((q for q in range(p.trig.i - 1, p.clause[0] - 1, -1) if self.toks[q].rp is not None
                           and self.toks[q].rp.place.kind == "country" and self.toks[q].rp.place.id != place.id
                           and self.roles.get(q) in (None, "direct")), None)
            if sender is not None:
                p.implicit_origin, p.implicit_origins = sender, []
        return True

    def _object_demonym(self, p: Partial) -> int | None:
        """"Malaysia deported 300 Indonesians", "deportations of Haitians": the people a return verb sends
        back, named by their nationality right after it (past a count, an article or an "of")."""
        c, toks = self.cues, self.toks
        for k in range(p.trig.end, min(p.right[1], p.trig.end + 5)):
            t = toks[k]
            if t.rp is not None:
                return k if t.demonym else None
            if self._clause_word(k) or t.low in c.coord_words or t.low in c.any_aux:
                return None  # "More Haitians deported as Dominican troops engage": the object has ended
            if not (t.is_num or t.low in c.determiners or t.low in c.people_of
                    or (t.alpha and t.text[:1].islower() and not t.prep and not t.trig)):
                return None
        return None

    def _clause_word(self, k: int) -> bool:
        """Does token k open another clause or phrase ("as", "while", "for", "with")?"""
        c = self.cues
        return bool(c.walk_stops.match(self.lows, k) or c.clause_linkers.match(self.lows, k)
                    or self.lows[k] in c.source_stops)

    def _home_word(self, p: Partial) -> bool:
        """Does the trigger, or a word right after it, say "home" ("returned home", "flew them home", "terbang
        pulang")? Not a departure ("left his home"), nor "home" as a noun's modifier ("home country", "home in X")."""
        c, lows, toks = self.cues, self.lows, self.toks
        if not c.home_words.words or p.trig.flags & {"departure", "origin_direct"}:
            return False
        alt = self.bases if c.matches_lemmas else None
        for k in range(p.trig.i, min(p.right[1], p.trig.end + 4)):
            hit = c.home_words.match(lows, k, alt)
            if not hit:
                continue
            nxt = toks[k + hit[0]] if k + hit[0] < len(toks) else None
            return (nxt is None or not nxt.alpha or bool(nxt.prep) or nxt.trig or nxt.low in c.coord_words
                    or nxt.low in c.any_aux or nxt.low in c.months or nxt.low in c.weekdays
                    or nxt.low in c.day_or_month_cues)
        return False

    def _ends(self, p: Partial, g: list[Trigger]) -> bool:
        """Fill the event's places from the roles; False when the trigger has none it can use."""
        trig = p.trig
        (ca, lb), (ra, rb) = p.clause, p.right
        if p.kind == "movement":
            for rule in MOVEMENT_END_RULES:  # in order: each may read what the ones before it found
                getattr(self, rule)(p)
            if "host" in trig.flags and not p.dest and not self._host(p):
                # "menampung usulan bantuan dari Jepang": taking in ideas or goods moves nobody from anywhere
                p.origin, p.origins = None, []
            return bool(p.dest or p.places or p.origin is not None)
        if p.kind == "presence":
            here = {"locative", "near_direct"}
            p.places = (self._contained(self._placed(range(ra, rb), here)) or self._where(*p.left)
                        or self._contained(self._placed(range(ca, lb), here)))
            self._presence_from(p)
            return bool(p.places or p.dest)
        else:
            flags = frozenset().union(*(t.flags for t in g))
            # "menyerang Odesa" names the target; "serangan rudal Rusia" names the attacker
            want = {"locative", "target", "near_direct"} | ({"direct"} if "direct_object" in flags else set())
            p.places = self._contained(self._placed([*range(ca, lb), *range(g[0].end, g[-1].i), *range(ra, rb)], want))
        return bool(p.places)

    def _presence_from(self, p: Partial) -> None:
        """"personel dari Polres Subang dan Polres Ciamis tampak bersiaga di Mako Polres Cianjur", "troops from
        Poland are stationed in Lithuania": movers named with where they came from, now somewhere else, went
        there (the "from" only straight after the mover's noun)."""
        if not p.places:
            return
        o = self._place_of_mover(p, ("origin",))
        if o is None or o in p.places:
            return
        origins = [o] + [q for q in range(o + 1, p.trig.i) if self._usable(q) and self._coordinated_places(o, q)]
        if any(self.toks[q].rp.place.id == self.toks[d].rp.place.id for q in origins for d in p.places):
            return
        p.kind, p.dest, p.origins, p.origin, p.places = "movement", p.places, origins, o, []

    def _host(self, p: Partial) -> bool:
        """"Германия приняла 800 тысяч беженцев из Украины", "в Германии зарегистрировано 50 294 соискателя
        убежища из Украины": people taken in arrived where they are taken in, the subject or the place
        named "in"; only people (refugees, civilians) count, so "приняла закон" moves nothing. False when
        what was taken in is no people."""
        (ca, lb), (ra, rb) = p.clause, p.right
        hit = self._what_in(ra, rb) or self._what_in(ca, lb)
        if hit is None or hit[2] not in ("refugees", "civilians") or self._any(
                self.cues.not_movers, min(p.trig.end, hit[0]), max(p.trig.end, hit[0])):
            return False  # "приняла закон о беженцах": the law is what it took
        subj = self._subject(p.trig, p.left[0])
        if subj is not None:
            p.dest = [subj]
            return True
        here = self._placed([*range(ca, lb), *range(ra, rb)], {"locative"})
        if here:
            p.dest = here[:1]
        return True

    def _incident(self, p: Partial, g: list[Trigger]) -> None:
        c = self.cues
        ca, rb = p.clause[0], p.right[1]
        hits = {kind for k in range(ca, rb) for kind, phr in c.incident_kinds if phr.match(self.bases, k)}
        p.what = next((kind for kind, _ in c.incident_kinds if kind in hits), c.incident_default)
        q = self._casualties(ca, rb)
        if q:
            p.quantity, p.quantity_value = q
        for t in g:  # "Russian missile strike" / "serangan rudal Rusia": the attacker modifies an incident word
            k = self._np_place(t.i, -1, 2) if c.head_last else self._np_place(t.end - 1, 1, 2)
            if k is not None and k not in p.places and not self.roles.get(k):
                p.actor = self._name(k)
                break

    def _cargo(self, p: Partial) -> None:
        """What moved or is there, how many, whose, and the words that name it."""
        c, lows, trig = self.cues, self.lows, p.trig
        (la, lb), (ca, _), (ra, rb) = p.left, p.clause, p.right
        # the object before the first place phrase, else the subject noun phrase, else anything after
        first_prep = next((k for k in range(ra, rb) if self.toks[k].prep or self._usable(k)), rb)
        # the subject starts after the last comma, unless that comma only separates a list of places
        # ("Leaders of Italy, Canada and Belgium travelled")
        subj_a = max([k + 1 for k in range(ca, lb) if lows[k] == "," and not (
            0 < k < len(self.toks) - 1 and self.toks[k - 1].rp is not None and self.toks[k + 1].rp is not None)],
            default=ca)
        if lb == ca and ca > 1 and lows[ca - 1] in ASIDE_OPEN:
            # "the human haul — 13 Bangladeshis, seven Nepalese and two Somalis — disembarked": a clause that opens
            # on the verb after an aside between dashes has that aside for its subject
            opening = next((k for k in range(ca - 2, max(-1, ca - 16), -1) if lows[k] == lows[ca - 1]), None)
            if opening is not None and self._demonym_subject(opening + 1, ca - 1):
                subj_a = opening + 1
        hit = self._what_in(ra, first_prep) or self._what_in(subj_a, lb)
        if hit is None and not self._demonym_subject(subj_a, lb):
            # "the human haul — 13 Bangladeshis, seven Nepalese and two Somalis — disembarked to greetings from
            # other migrants": people named by their nationality before the verb moved, not a noun told after it
            hit = self._what_in(ra, rb)
        # a trigger right after a preposition is a noun ("od příjezdu", "po návratu"), flagged nominal or not
        noun = "nominal" in trig.flags or (trig.i > 0 and bool(self.toks[trig.i - 1].prep))
        if not hit and c.pro_drop and noun and not any(self.toks[q].trig for q in range(la)):
            # "730 tisíc ukrajinských uprchlíků – nahlásit se musí do tří dnů od příjezdu do Česka": a trip named
            # by its noun in a clause with no mover (and no subject) of its own is the trip of the group the
            # sentence counted before it, when nothing else moved there
            hit = self._what_in(0, la)
        if hit:
            p.what = hit[2]
            q = self._number_before(hit[0], 5, through_preps=False)
            if q:
                p.quantity, p.quantity_value = q
            gen = self._genitive(hit[0] + hit[1]) if c.genitive_origin else None
            if gen is not None and self._usable(gen) and self.roles.get(gen) is None:
                p.implicit_origin = gen  # ... each of a list: "граждане Сомали, Индии и Афганистана"
                p.implicit_origins = [q for q in range(gen, min(len(self.toks), gen + 12)) if self._usable(q) and all(
                    self.lows[r] in c.coord_words or self._usable(r) for r in range(gen, q))]
            mod = self._np_place(hit[0], -1, 4) if c.head_last else gen
            p.actor = self._name(mod)
            # "North Korean troops", "German soldiers": the nationality of what moved is where it came from,
            # as "pasukan Korea Utara" is above (a place inside a "from"/"to"/"in" phrase is not a nationality)
            people = p.what in ("refugees", "civilians")
            # "refugiados ucranianos": where the head comes first, the demonym follows it
            if (c.demonym_origin and mod is not None and (mod != gen or self.toks[mod].demonym)
                    and self.roles.get(mod) in (None, "direct")
                    and (self.toks[mod].demonym or self._country_modifier(mod)
                         or (people and mod == hit[0] - 1 and self._usable(mod)))):  # "Karabakh refugees"
                p.implicit_origin = mod  # ... and "US troops", "3,000 U.S. soldiers" the same way
            p.mover = self._mover_words(hit[0], hit[0] + hit[1], gen)
            if c.demonym_origin and p.implicit_origin is None:
                p.implicit_origin = self._carrier_demonym(hit[0])
            if c.demonym_origin and p.implicit_origin is None:
                p.implicit_origin = self._aside_nationality(hit[0] + hit[1])
            if c.demonym_origin and p.implicit_origin is not None and (
                    self.toks[p.implicit_origin].demonym or self._country_modifier(p.implicit_origin)):
                p.implicit_origins = self._demonym_list(p.implicit_origin)  # "Chinese and Turkish relief flights"
            of = hit[0] + hit[1]
            if (of + 1 < len(self.toks) and lows[of] in c.people_of and self._usable(of + 1)
                    and self.roles.get(of + 1) is None):
                p.implicit_origin = of + 1  # "residents of Wajima", "citizens of Gaza"
                p.implicit_origins = [q for q in range(of + 1, min(len(self.toks), of + 12)) if self._usable(q)
                                      and all(self.lows[r] in c.coord_words or self._usable(r) for r in range(of + 1, q))]
        elif "headline" in trig.flags:  # "5,000 troops to Niger": the noun is the frame
            p.mover = self._mover_words(trig.i, trig.end)
            mod = self._np_place(trig.i, -1, 4) if c.head_last else self._genitive(trig.end)
            if mod is not None and (self.toks[mod].demonym or self._country_modifier(mod) or not c.head_last):
                p.implicit_origin = mod  # "Thousands more Sudanese refugees into Chad", "pengungsi Sudan ke Chad"
        elif p.kind == "movement":
            self._unlisted_mover(p, subj_a, first_prep)
            # (not after an arrival's noun: "kedatangan Bandara X" names where it arrived)
            gen = (self._genitive(trig.end) if "nominal" in trig.flags and "arrival" not in trig.flags
                   and not c.head_last else None)
            if p.implicit_origin is None and gen is not None and self._usable(gen) and self.roles.get(gen) in (None, "direct"):
                p.implicit_origin = gen  # "invasi Rusia ke Ukraina": the place right after the trip's noun is whose
        p.nationality = p.implicit_origin
        if trig.what and p.what in (None, "civilians"):  # "warga ... mengungsi" are refugees
            if p.what is None and p.quantity is None:
                q = self._number_before(trig.i, 5, through_preps=False)  # "Hundreds of Palestinians fled"
                if q:
                    p.quantity, p.quantity_value = q
            p.what = trig.what
        if p.kind == "movement" or "deploy" in trig.flags:
            subj = self._subject(trig, la) if "receive" not in trig.flags else None  # the receiver is no origin
            if subj is None and "receive" not in trig.flags:
                subj = self._agent(trig, p.right)
            if subj is not None:
                p.implicit_origin, p.actor = subj, self._name(subj)
                # "Australia and New Zealand sent ...": every country of the subject
                # ... "Italy, Canada and Belgium": each member joins the list through the one after it
                members = [subj]
                for k in range(subj - 1, la - 1, -1):
                    if self._usable(k) and self._coordinated_places(k, members[-1]):
                        members.append(k)
                p.implicit_origins = members[::-1]
        if p.kind == "movement":
            held = self._where_they_were(subj_a, lb)
            if held is None and subj_a > 1 and self.lows[subj_a - 1] == ",":
                # "The carrier, which had been exercising off Italy, was heading toward Israel": an aside between
                # commas on the subject says where it was (its verb may be a trigger of its own: "anchored off")
                rel = next((k for k in range(subj_a - 2, 0, -1) if self.lows[k] in c.relative_words
                            and self.lows[k - 1] == ","), None)
                if rel is not None:
                    held = self._where_they_were(rel, subj_a - 1)
            if held is None and c.held_words:
                # "take 37 people rescued off Libya to the port of Ancona": the object's own participle
                to = next((k for k in range(ra, rb) if self.toks[k].prep == "destination"), rb)
                if any(self.lows[k] in c.held_words for k in range(ra, to)):
                    held = self._where_they_were(next(k for k in range(ra, to) if self.lows[k] in c.held_words), to)
            if held is None and 0 < la and lows[la - 1] in c.held_words:
                # "troops based in the German town of Vilseck will be sent to Romania": the held word is a
                # presence trigger of its own, so the clause before this verb starts right after it
                held = self._where_they_were(la - 1, lb)
            if held is not None:
                p.implicit_origin, p.implicit_origins = held, []
            self._announced_deployment(p)
        p.mover_ok = p.what is not None or "self" in trig.flags or p.quantity is not None or p.mover_ok
        if "receive" in trig.flags and p.what is None and p.quantity is None:
            p.mover_ok = False  # "Poland welcomed the decision": only people or things taken in arrive

    def _agent(self, trig: Trigger, right: tuple[int, int]) -> int | None:
        """The place that does a passive verb ("dideportasi oleh Pemerintah Malaysia", ``agent_words``): the
        sender, as the subject of the active verb is. Only capitalised words of a name may stand between
        ("Pemerintah", "Angkatan Udara"), so "oleh tim KBRI Warsawa" names a team, not a sender."""
        c = self.cues
        if not c.agent_words or not (c.passive_prefixes and self.lows[trig.i].startswith(c.passive_prefixes)):
            return None
        for k in range(trig.end, right[1] - 1):
            if self.lows[k] not in c.agent_words:
                continue
            q = k + 1
            while q < right[1] and q - k <= 3 and self.toks[q].rp is None and self.toks[q].alpha \
                    and self.toks[q].text[:1].isupper() and not self.toks[q].trig:
                q += 1
            if q < right[1] and self._usable(q) and self.roles.get(q) is None and not self.toks[q].demonym:
                return q
            return None
        return None

    def _carrier_demonym(self, i: int) -> int | None:
        """"An Italian navy ship carrying 16 migrants": the nationality of the carrier named before what it
        carries (the noun at token i) is where they came from, when nothing else says."""
        c = self.cues
        # "carrying relief supplies", "carrying 1,200 tonnes of aid": the carrier ends a few words before,
        # with a contents word between and no break
        carrier = next((m for m in reversed(self.what_hits) if m[0] + m[1] <= i - 1 and i - (m[0] + m[1]) <= 6), None)
        if carrier is None:
            return None
        between = range(carrier[0] + carrier[1], i)
        if (not any(c.contents_words.match(self.lows, q) for q in between)
                or any(self.lows[q] in PUNCT_BREAK or self.toks[q].rp is not None for q in between)):
            return None
        mod = self._np_place(carrier[0], -1, 4)
        if mod is not None and self.toks[mod].demonym and self.roles.get(mod) in (None, "direct"):
            return mod
        return None

    def _announced_deployment(self, p: Partial) -> None:
        """"Londres a annoncé le déploiement de 700 soldats à Chypre": a deployment named by its noun, announced
        by a country or its capital, sets out from there when it goes abroad (a move inside the announcer's own
        country, "Kiev a annoncé le déploiement ... à Kharkiv", has no origin told)."""
        trig = p.trig
        if not ({"nominal", "deploy"} <= trig.flags) or p.origins or not p.dest:
            return
        # the saying ends right before this stretch, and only determiners lie between it and the noun
        a = p.left[0]
        c = self.cues  # "Paris a annoncé mardi le déploiement": the day of the saying aside
        between = (self.lows[q] for q in range(a, trig.i))
        if a == 0 or not self.toks[a - 1].attr or any(w not in c.determiners and w not in c.weekdays for w in between):
            return
        run = a - 1
        while run > 0 and self.toks[run - 1].attr:
            run -= 1
        spk = next((k for k in range(run, a) if self.toks[k].rp is not None), None)
        if spk is None or self.toks[spk].demonym or spk == a - 1:
            return
        where, to = self.toks[spk].rp.place, self.toks[p.dest[0]].rp.place
        if where.kind in ("country", "city", "admin1") and where.country_code and where.country_code != to.country_code:
            p.origins, p.origin = [spk], spk

    def _mover_words(self, a: int, b: int, gen: int | None = None) -> str | None:
        """The noun phrase around the mover's noun, as written: "1,500 North Korean special forces troops"."""
        c_before = self.cues.before_count
        k = a
        while k > 0 and a - k < 6:
            t = self.toks[k - 1]
            if t.attr or t.trig or t.prep or t.low in PUNCT_BREAK or not (t.alpha or t.is_num or t.rp is not None):
                break
            if t.rp is not None and getattr(self, "roles", {}).get(k - 1) not in (None, "direct"):
                break  # "направить до Росії тисячу саперів": the place its preposition governs is no part of the mover
            if (t.low in self.cues.walk_stops or t.low in self.cues.subject_gap or t.low in self.cues.any_aux
                    or t.low in self.cues.weekdays or t.low in self.cues.months):
                break  # "am Montagabend abgelehnte Asylbewerber": the date is no part of the mover
            k -= 1
            if t.is_num and c_before is not None:
                # the count and its "más de", "rund" open the phrase: "(Este año) más de 2.000 personas"
                while k > 0 and self.lows[k - 1] in c_before:
                    k -= 1
                break
        while k < a and self.lows[k] in self.cues.determiners:
            k += 1
        end = b if gen is None else gen + 1
        if gen is None:  # "Prezydent Andrzej Duda", "Premiér Petr Fiala": the title's own name follows it
            while (end < len(self.toks) and end - b < 3 and self.toks[end].alpha and self.toks[end].text[:1].isupper()
                   and not (self.toks[end].trig or self.toks[end].prep or self.toks[end].attr)
                   and self.lows[end] not in self.cues.months and self.lows[end] not in self.cues.weekdays):
                end += 1
        return self.span_text(k, end) or None

    def _where_they_were(self, a: int, b: int) -> int | None:
        """"30 nelayan yang ditahan di Australia dipulangkan ke Kupang", "WNI who lived in Khartoum fled":
        a place in a relative clause on the mover is where the movers were, so where they set out from."""
        c = self.cues
        rel = next((k for k in range(a, b) if self.lows[k] in c.relative_words or self.lows[k] in c.held_words), None)
        if rel is None:
            return None
        for k in range(rel + 1, b):
            if self._usable(k) and self.roles.get(k) in ("locative", "near_direct"):
                return k
        return None

    def _country_modifier(self, k: int) -> bool:
        """A country's name used as an adjective right before the mover's noun ("US troops", "U.S. aircraft")."""
        t = self.toks[k]
        return t.rp is not None and t.rp.place.kind == "country" and not t.possessive and not t.attr

    def _aside_nationality(self, k: int) -> int | None:
        """"1,100 soldiers -- 900 U.S. troops as well as 150 British --": the first nationality of a dashed
        or bracketed aside right after the movers' noun, which breaks the movers down by country."""
        toks, lows = self.toks, self.lows
        if k >= len(toks) or lows[k] not in ASIDE_OPEN:
            return None
        q = k
        while q < len(toks) and lows[q] in ASIDE_OPEN:
            q += 1
        for r in range(q, min(len(toks), q + 12)):
            if lows[r] in ASIDE_OPEN or lows[r] in (")", ".", ";"):
                return None
            if toks[r].rp is not None and (toks[r].demonym or self._country_modifier(r)) and self.roles.get(r) in (
                    None, "direct"):
                return r
            if toks[r].rp is not None:
                return None
        return None

    def _demonym_list(self, k: int) -> list[int]:
        """The demonyms coordinated with the one at token k: "Chinese and Turkish", "Malians and Guineans",
        "12 Eritreans, five Sudanese and two Somalis" (each may carry its own count)."""
        toks, coord = self.toks, self.cues.coord_words

        def step(q: int, d: int) -> int | None:
            """The demonym one list item away from token q in direction d, or None."""
            r = q + d
            if d < 0 and r >= 0 and toks[r].is_num:
                r -= 1  # our own count: "five Sudanese"
            while d > 0 and r in self.in_what:
                r += 1  # our own noun: "900 U.S. troops as well as 150 British"
            if not (0 <= r < len(toks)):
                return None
            if self.lows[r] in coord:
                r += d
            elif d > 0 and (m := self.cues.coord.match(self.lows, r)):
                r += m[0]  # "as well as"
            else:
                return None
            if 0 <= r < len(toks) and toks[r].is_num:
                r += d  # the other's count
            return r if 0 <= r < len(toks) and (toks[r].demonym or self._country_modifier(r)) else None

        out = [k]
        q = step(k, -1)
        while q is not None:
            out.insert(0, q)
            q = step(q, -1)
        q = step(k, 1)
        while q is not None:
            out.append(q)
            q = step(q, 1)
        return out

    def _demonym_subject(self, a: int, b: int) -> bool:
        """Is a plural demonym the noun itself ("Syrians", "two Somalis —") somewhere in tokens a..b?"""
        toks = self.toks
        return any(toks[k].demonym and (k + 1 >= len(toks) or not toks[k + 1].alpha) and self.roles.get(k) in (
            None, "direct") for k in range(a, b))

    def _unlisted_mover(self, p: Partial, subj_a: int, first_prep: int) -> None:
        """A mover the cue data has no noun for: "Thousands of Syrians", "400 foreigners", "carried 71 Rohingya"."""
        c, toks = self.cues, self.toks
        (_, lb), (ra, _) = p.left, p.right
        alt = self.bases if c.matches_lemmas else None
        # a plural demonym that is the noun itself ("Syrians", "Afghans"): people, from their country
        for k in [*range(subj_a, lb), *range(ra, first_prep)]:
            t = toks[k]
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if t.demonym and (nxt is None or not nxt.alpha or nxt.trig or nxt.prep
                              or nxt.low in c.any_aux or nxt.low in c.subject_gap):
                p.what, p.mover, p.mover_ok = "civilians", self._mover_words(k, k + 1), True
                q = self._number_before(k, 4, through_preps=True)
                if q:
                    p.quantity, p.quantity_value = q
                if c.demonym_origin and self.roles.get(k) in (None, "direct"):
                    p.implicit_origin = k
                    p.implicit_origins = self._demonym_list(k)
                return
        # money, messages, the weather, a team: nothing physical moved ("sent a message to", "the storm moved");
        # a trip noun after "of" ("des vents favorisent les tentatives de traversée") is no clause of its own,
        # so the subject before it is another verb's (an infinitive's "to" is no such word: "proposal to move");
        # nor is a trip named by its noun and its destination ("financiar el viaje a Cracovia") moved by what
        # precedes it
        inner = p.trig.i > 0 and self.lows[p.trig.i - 1] in c.of_preps and not toks[p.trig.i - 1].trig
        named = (p.trig.i > 0 and self.lows[p.trig.i - 1] in c.determiners and p.trig.end < len(toks)
                 and toks[p.trig.end].prep == "destination")
        # a trip noun that is an item of a list ("membahas masalah termasuk kunjungan Kim Jong Un ke Rusia",
        # "talks and the visit of ...") is no verb of the clause, so the clause's subject is not what it moves
        before = p.trig.i - 1
        while before >= 0 and self.lows[before] in c.subject_gap:  # "termasuk kemungkinan kunjungan ..."
            before -= 1
        listed = "nominal" in p.trig.flags and before >= 0 and self.lows[before] in c.coord_words
        subject = range(subj_a, subj_a if inner or named or listed else lb)
        if (any(c.not_movers.match(self.lows, k, alt) for k in [*range(ra, first_prep), *subject])
                or (not self.what_hits  # "... for the semi-final", "a storm moving in": unless someone listed moves
                    and any(c.not_contexts.match(self.lows, k) for k in range(len(self.toks))))):
            p.mover_ok, p.mover, p.blocked = False, None, True
            return
        p.mover_ok = True  # an unknown mover is still a mover: "the evacuation bus", "Haitians who ..."
        dem = [k for k in range(subj_a, lb) if toks[k].demonym and self.roles.get(k) in (None, "direct")]
        if c.demonym_origin and dem:  # "A Mexican search team arrived": from Mexico
            p.implicit_origin, p.implicit_origins = dem[-1], self._demonym_list(dem[-1])
        # a counted object ("took 300 ...", "carried 71 Rohingya") or the subject of a self-moving verb
        # "... nach Deutschland und landeten in Wunstorf": a verb after "und" shares the subject told before
        shared = next((k for k in range(lb - 1, subj_a - 1, -1) if self.lows[k] not in c.any_aux
                       and self.lows[k] not in c.subject_gap), None)
        for a, b in ((ra, first_prep), (subj_a, lb)):
            if b == lb and shared is not None and self.lows[shared] in c.coord_words:
                continue
            words = [k for k in range(a, b) if toks[k].alpha or toks[k].is_num]
            if not words:
                continue
            num = next((k for k in range(a, b) if toks[k].is_num), None)
            if num is not None and not self._amount_at(num):
                continue  # a year or a day, not a count
            if num is not None:
                p.quantity, p.quantity_value = toks[num].text, toks[num].num
            if num is not None or (b == lb and "self" in p.trig.flags):
                lo = num if num is not None else a
                # "de Alepo": a place phrase left of the verb is no subject
                while lo < b:
                    there = c.there_words.match(self.lows, lo)  # "Von dort aus sollten sie ...": no subject
                    if there:
                        lo += there[0]
                    elif (self.lows[lo] in c.determiners or self.lows[lo] in c.subject_gap or toks[lo].prep
                          or self.lows[lo] in c.any_aux):
                        lo += 1
                    else:
                        break
                hi = b
                if c.dest_before_verb and b == lb:
                    # "Sie waren vor einer Woche im Senegal aufgebrochen": the subject ends at its auxiliary
                    hi = next((q for q in range(lo + 1, b) if self.lows[q] in c.any_aux or toks[q].prep), b)
                # "le Mali et (sont arrivés)": a second verb shares the first one's subject
                while hi > lo and (self.lows[hi - 1] in c.subject_gap or self.lows[hi - 1] in c.any_aux
                                   or self.lows[hi - 1] in c.coord_words
                                   or not (toks[hi - 1].alpha or toks[hi - 1].is_num)):
                    hi -= 1
                if hi > lo and hi - lo <= 8 and any(toks[q].alpha or toks[q].is_num for q in range(lo, hi)):
                    p.mover = self.span_text(lo, hi)
                p.mover_ok = p.mover_ok or num is not None
                return

    def _after(self, k: int, words: Phrases) -> bool:
        """Is place token k right after one of ``words`` (determiners aside)?"""
        q = k - 1
        # "for the remote island of Bhasan Char": determiners, the place's head words and one adjective aside
        skipped = 0
        while q >= 0 and (self.lows[q] in self.cues.determiners or self._place_head(q)
                          or (skipped == 0 and self.toks[q].alpha and self.toks[q].text[:1].islower()
                              and q - 1 >= 0 and self.lows[q - 1] in self.cues.determiners)):
            skipped += self.lows[q] not in self.cues.determiners and not self._place_head(q)
            q -= 1
        for a in range(max(0, q - 2), q + 1):
            m = words.match(self.lows, a)
            if m and a + m[0] == q + 1:
                return True
        return False

    def _where(self, la: int, lb: int) -> list[int]:
        """"moved to Khabarovsk, where they are now based": the place before "where"."""
        for k in range(lb - 1, la - 1, -1):
            if self.cues.where_words.match(self.lows, k):
                q = k - 1 - (1 if k > 0 and self.lows[k - 1] == "," else 0)
                if q >= 0 and self._usable(q):
                    return [q]
        return []
