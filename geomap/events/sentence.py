"""One sentence read end to end: tokens, attribution, roles, frames, discourse, events."""
from __future__ import annotations


import datetime as dt
import re

from ..models import Event, Span
from .attribution import AttributionRules
from .cues import Cues, Phrases
from .discourse import DiscourseRules, State
from .ends import EndRules
from .frames import FrameRules
from .frames_base import Partial, Trigger
from .movers import MoverRules
from .roles import RoleRules, contains
from .tokens import CLAUSE_BREAK, DASHES, PUNCT_BREAK, tokenize




class Sentence(AttributionRules, RoleRules, MoverRules, FrameRules, EndRules, DiscourseRules):
    def __init__(self, text: str, s: int, e: int, mentions, cues: Cues, doc: dt.date | None, state: State):
        self.text, self.s, self.e, self.cues, self.doc, self.state = text, s, e, cues, doc, state
        self.toks = tokenize(text, s, e, mentions, cues)
        self.lows = [t.low for t in self.toks]
        self.bases = [t.base for t in self.toks]
        self.dateline = self._dateline()
        self.carried = self._carried_origins()  # before this sentence moves the state on

    def _dateline(self) -> set[int]:
        """Place tokens of a lower-case agency dateline ("Praha - Vláda ...", "Varšava/Minsk - Polské ..."):
        where the story was filed, never an end of what it tells. Places joined by "/", or one opening a
        line, then a dash with spaces around it."""
        toks, out = self.toks, set()
        k = 0
        while k < len(toks):
            if toks[k].rp is None:
                k += 1
                continue
            run = [k]
            while run[-1] + 2 < len(toks) and toks[run[-1] + 1].text == "/" and toks[run[-1] + 2].rp is not None:
                run.append(run[-1] + 2)
            end = run[-1] + 1
            line = self.text[self.text.rfind("\n", 0, toks[k].start) + 1:toks[k].start]
            if (end < len(toks) and toks[end].text in DASHES and self.text[toks[end].start - 1:toks[end].start].isspace()
                    and self.text[toks[end].end:toks[end].end + 1].isspace() and (len(run) > 1 or not line.strip())):
                out.update(run)
            k = end
        return out

    # ---- helpers
    def span_text(self, a: int, b: int) -> str:
        return self.text[self.toks[a].start:self.toks[b - 1].end] if b > a else ""

    def _usable(self, k: int) -> bool:
        """A place token that can be an event end: not a demonym, possessive or part of attribution."""
        t = self.toks[k]
        if t.rp is None or (t.demonym and not self._demonym_place(k)) or t.attr or k in self.dateline:
            return False
        if k >= 2 and self.lows[k - 1] == "(" and self.toks[k - 2].rp is not None \
                and contains(t.rp.place, self.toks[k - 2].rp.place):
            return False  # "w Medyce (Podkarpackie)": the region in brackets only says where the place before it lies
        if k > 0 and self.lows[k - 1] in self.cues.flag_words and self.cues.morphology:
            return False  # "під прапором Ліберії": the flag a ship flies is neither where it left nor where it goes
        nxt = self.toks[k + 1] if k + 1 < len(self.toks) else None
        # "Asia–Europe routes": the noun after a dashed pair belongs to the pair
        paired = k >= 2 and self.toks[k - 1].text in DASHES and self.toks[k - 2].rp is not None
        # "evacuees from Sudan's civil conflict", "fleeing from Syria's war": what people come away from, when it
        # is the place's strife, is the place
        strife = t.possessive and k > 0 and self.toks[k - 1].prep == "origin"
        if nxt is not None and nxt.low in self.cues.attributive and nxt.text[:1].islower() and not paired and not (
                strife and nxt.low in self.cues.strife_words):
            # not "the Vietnam War"; "spillover from the Ukraine crisis": the crisis, not Ukraine, is what it names
            return False
        # "Russia's war" is not Russia, but "toward Israel's coast" goes to Israel
        if self._base_owner(k):
            return False  # "the US base in Germany" is in Germany
        if not t.possessive:
            return True
        # ... and "to Sudan's main seaport", "to Russia's Kursk region": a place noun a few words on (or strife)
        for q in range(k + 1, min(len(self.toks), k + 4)):
            w = self.toks[q]
            if w.low in self.cues.place_nouns or (w.low not in self.cues.of_preps
                                                  and self.cues.place_heads.match(self.lows, q)):
                return True
            if strife and w.low in self.cues.strife_words:
                return True
            if not w.alpha or w.prep or w.trig or w.rp is not None:
                break
        return False

    def _demonym_place(self, k: int) -> bool:
        """"to the Costa Rican border", "the Yemeni coast", "the Italian mainland": a nationality before a place
        noun that ends its phrase names the country's own stretch, a place (not "the Yemeni coast guard")."""
        c, toks = self.cues, self.toks
        if not c.head_last or k + 1 >= len(toks) or toks[k + 1].low not in c.place_nouns:
            return False
        nxt = toks[k + 2] if k + 2 < len(toks) else None
        return nxt is None or not nxt.alpha or bool(nxt.prep) or nxt.low in c.coord_words or nxt.low in c.walk_stops

    def _name_word(self, k: int) -> bool:
        """Is token k a capitalised word inside the sentence that is no place: part of a name ("Mensajeros",
        "Ejército"), in a language that capitalises names only? Not after a break, not a headline in capitals."""
        t, before = self.toks[k], self.toks[k - 1]
        return (t.rp is None and t.alpha and t.text[:1].isupper() and not t.text.isupper()
                and (before.alpha or before.rp is not None))

    def _infinitive(self, k: int) -> bool:
        """Is token k the "to" of a verb ("scheduled to begin"), not of a destination ("to the border")?"""
        c = self.cues
        nxt = self.toks[k + 1] if k + 1 < len(self.toks) else None
        if not (self.lows[k] in c.purpose and nxt is not None and nxt.alpha and nxt.text[:1].islower()):
            return False
        w = nxt.low
        # "to bases in X", "to western Iraq", "to the border": nouns, modifiers and determiners are no verbs
        plural = w.endswith("s") and not w.endswith("ss")
        if c.noun_suffixes and w.endswith(c.noun_suffixes):
            return False  # "moved to evacuation centres", "to detention": a noun, not a verb
        return not (w in c.determiners or w in c.place_modifiers or c.place_heads.match(self.lows, k + 1)
                    or k + 1 in getattr(self, "in_what", ()) or plural)

    def _means(self, i: int) -> bool:
        """Is the noun at token i how they travelled ("moved by train", "dengan kereta api"), not who?"""
        c = self.cues
        for a in range(max(0, i - 4), i + 1):  # "autobusami": the instrumental is itself the means
            m = c.means_words.match(self.lows, a)
            # "by train", "by Saudi border guards" (the agent of a passive is not the mover either)
            if m and all(self.toks[q].alpha or self.toks[q].rp is not None for q in range(a + m[0], i)) and not any(
                    self.toks[q].prep or self.toks[q].trig for q in range(a + m[0], i)):
                return True
        return False

    def _name(self, k: int | None) -> str | None:
        return None if k is None or self.toks[k].rp is None else self.toks[k].rp.place.name

    def _amount_at(self, k: int) -> bool:
        """Is token k a count ("500", "Hundreds"), not a year ("in 2023") or a day ("on 3 October")?"""
        if k >= len(self.toks) or not self.toks[k].is_num:
            return False
        if re.fullmatch(r"(1[89]|20)\d\d", self.lows[k]):
            return False
        return not (k + 1 < len(self.toks) and self.lows[k + 1] in self.cues.months)

    def _any(self, phrases: Phrases, a: int, b: int) -> bool:
        # clamped: a trigger can end the sentence (German puts the participle last)
        lows, heads = self.lows, phrases.heads
        return any(phrases.match(lows, k) for k in range(max(0, a), min(b, len(lows))) if lows[k] in heads)

    def _context_topic(self, i: int) -> bool:
        """"Цены на пшеницу в Египте выросли": a load right after "price of" is the topic, not a mover."""
        c = self.cues
        return (i >= 2 and self.lows[i - 1] in c.context_prepositions
                and bool(c.not_contexts.match(self.lows, i - 2, self.bases)))

    def _negated(self, a: int, b: int) -> bool:
        """A negation in tokens a..b that is not part of a description ("orang tak dikenal")."""
        c = self.cues
        return any(c.negation.match(self.lows, k) and not c.not_negation.match(self.lows, k)
                   for k in range(max(0, a), min(b, len(self.lows))))

    # ---- 6. the sentence
    def events(self) -> list[Event]:
        c, toks, lows = self.cues, self.toks, self.lows
        self.state.words[self.state.sentence] = frozenset(lows)
        if not toks:
            return []
        measured: set[int] = set()  # the "to" of a measure's span ("the distance from X to Y")
        for i, n, role in c.preps.scan(lows):
            if i in measured:
                toks[i].prep = "with"
                continue
            if role in ("origin", "between") and i > 0 and lows[i - 1] in c.measure_nouns:
                toks[i].prep = "with"  # a role no rule reads: neither end is the trip's
                measured.update(q for q in range(i + n, min(len(lows), i + n + 8))
                                if c.preps.match(lows, q) and c.preps.match(lows, q)[1] == "destination")
                continue
            if self._amount_at(i + n):
                continue  # "around 500", "up to 3,000", "over 1,000": a word on an amount, not a place phrase
            q, when = i + n, False  # up to two small words between: "de este lunes", "am späten Montagabend"
            while q < len(lows) and q <= i + n + 2:
                if lows[q] in c.weekdays or lows[q] in c.months:
                    when = True
                    break
                if not (toks[q].alpha and toks[q].text[:1].islower()):
                    break
                q += 1
            if when or (i + n < len(lows) and self.bases[i + n] in c.time_nouns):  # "od wybuchu wojny", "od začátku"
                continue  # "w niedzielę", "am Mittwoch", "en octobre": a preposition on a day or month says when, not where
            if (role == "origin" and lows[i] in c.with_preps and i > 0 and self.bases[i - 1] in c.with_heads
                    and not any(toks[q].prep == "destination" or (m := c.preps.match(lows, q)) and m[1] == "destination"
                                for q in range(i + n + 1, min(len(lows), i + n + 3)))):
                toks[i].prep = "with"  # a role no rule reads: the walk from the place stops here
                continue  # "na granicy z Białorusią": "z" after "border", "war", "talks" is "with", unless a route
                # goes on ("granicy z Białorusi do Polski")
            if role == "origin" and i > 0 and lows[i - 1] in c.distance_units:
                continue  # "about 800km from the capital", "a few kilometres from the border": where, not whence
            if (role == "origin" and i > 1 and toks[i - 1].rp is not None and lows[i - 2] in c.separates):
                # "una selva que separa Colombia de Panamá": the other side of a boundary, not whence
                toks[i].prep = "with"
                continue
            if lows[i] in c.of_preps and i > 0 and lows[i - 1] in c.owner_heads:
                # "ante la decisión del presidente de Rusia": whose, and the phrase ends there; no "from" or "to"
                # before the head reaches the owner
                toks[i].prep = "of"
                continue
            if lows[i] in c.of_preps and i > 0 and (toks[i - 1].is_num or lows[i - 1] in c.of_heads):
                continue  # "decenas de marroquíes", "l'ambassade de France": how many or whose, not whence
            if lows[i] in c.of_preps and c.names_capitalised and i > 1 and self._name_word(i - 1):
                # "la Fundación Mensajeros de la Paz", "la Estación de Recepción Migratoria de San Vicente": the "de"
                # after a name says where the named thing is, not whence; no "from" further back outranks it
                role = "name_of"
            if lows[i] in c.of_preps and any((m := c.place_heads.match(lows, a)) and (a + m[0] == i or (
                    a + m[0] == i - 1 and lows[a] not in c.determiners and toks[i - 1].demonym
                    and toks[i - 1].text[:1].islower()))
                                             for a in range(max(0, i - 3), i)):
                # ... and with a nationality between: "l'île italienne de Lampedusa"
                continue  # "al puerto de La Restinga", "la ville de Kherson": the place's name, not whence
            for k in range(i, i + n):
                toks[k].prep = str(role)
        for i in range(1, len(toks)):  # "la frontera con Ceuta": a "with" no preposition list names
            if toks[i].prep is None and lows[i] in c.with_preps and self.bases[i - 1] in c.with_heads:
                toks[i].prep = "with"
        trigs = [t for t in self._subject_nouns(self._triggers()) if not self._duration(t)]
        for t in trigs:
            for k in range(t.i, t.end):
                toks[k].trig, toks[k].prep = True, None  # "pulled out", "turned up": the word is the verb here
        attrs = self._attributions({k for t in trigs for k in range(t.i, t.end)})
        for at in attrs:
            for k in range(at.a, at.b):
                toks[k].attr = True
                toks[k].trig = False  # "dirilis" inside "..., kata X" is the saying, not an event
        trigs = [t for t in trigs if not any(toks[k].attr for k in range(t.i, t.end))]
        self.trig_at = {k: t for t in trigs for k in range(t.i, t.end)}
        self.what_hits = [(i, n, str(cat)) for i, n, cat in c.what.scan(self.bases)
                          if not any(toks[k].attr or toks[k].trig for k in range(i, i + n)) and not self._means(i)
                          and not self._context_topic(i)]
        self.what_starts = [h[0] for h in self.what_hits]
        self.in_what = {k for i, n, _ in self.what_hits for k in range(i, i + n)}
        if not any(t.kind == "movement" for t in trigs):
            trigs = sorted(trigs + self._headline_triggers(), key=lambda t: t.i)
        listed = self._listed_starts(trigs)
        if listed:
            return listed
        pairs = self._route_pairs()
        if pairs:
            # "Container ships on Asia–Europe routes": the pair itself tells the movement
            trigs = sorted(trigs + [Trigger(a + 1, 1, "movement", frozenset({"nominal", "self"}), None)
                                    for a, _ in pairs], key=lambda t: t.i)
        self.trigs = trigs  # the movement scorer reads the cues the frames were built from
        self.vetoed: list[tuple[int, int]] = []  # token stretches of frames the rules read as no movement
        if not trigs:
            # No trigger, so no frame to read: only who was quoted, and where the group is, carry over.
            self._carry_source(attrs)
            self._more_origins()
            self._note_whereabouts([], [])
            return []

        regions, start = [], None  # stretches between attributions and clause breaks
        for k, t in enumerate(toks):
            brk = t.attr or (t.low in CLAUSE_BREAK and not any(k == a + 1 for a, _ in pairs))
            if brk and start is not None:
                regions.append((start, k))
                start = None
            elif not brk and start is None:
                start = k
        if start is not None:
            regions.append((start, len(toks)))
        self.roles = self._place_roles(regions)
        for a, b in pairs:  # "London–Tokyo": from the first to the second, whatever governs the pair
            self.roles[a], self.roles[b] = "origin", "destination"

        partials: list[Partial] = []
        self.idle: Partial | None = None  # the last movement frame that named no place (see FrameRules._partial)
        for ra, rb in regions:
            groups: list[list[Trigger]] = []
            for t in (t for t in trigs if ra <= t.i < rb):  # neighbouring incident words describe one incident
                if groups and t.kind == "incident" and groups[-1][-1].kind == "incident":
                    groups[-1].append(t)
                else:
                    groups.append([t])
            for gi, g in enumerate(groups):
                left = (groups[gi - 1][-1].end if gi else ra, g[0].i)
                right = (g[-1].end, groups[gi + 1][0].i if gi + 1 < len(groups) else rb)
                p = self._partial(g, left, right)
                if p is not None:
                    partials.append(p)

        self._fronted_idle_arrival(partials)
        if any(t.kind == "movement" for t in trigs) and not any(
                p.kind == "movement" and (p.dest or p.origins) for p in partials) and self._counted_start():
            idle = self.idle  # "... yang diberangkatkan dari delapan embarkasi": the places may be listed next
            self.state.counted_from = (self.state.sentence, idle and idle.what, idle and idle.mover)
        source = self._source_of(attrs)
        for p in partials:
            p.source = source or p.statement_source or p.denier
            if p.source is None and any(a.pronoun for a in attrs):
                p.source = self.state.last_source  # "it added", "Dikatakan bahwa": the last one quoted
            if p.certainty == "stated" and any(a.reported for a in attrs):
                p.certainty = "reported"
        self._partitive_ends(partials)
        self._fled_from_attack(partials)
        self._fronted_arrival(partials)
        linked = self._link_movements(partials)
        out = self._to_events(linked)
        out += self._listed_route(out)
        self._carry_source(attrs, source)
        self._note_whereabouts(linked, out)
        return out

    def _fled_from_attack(self, partials: list[Partial]) -> None:
        """"... flee to Syria as Israel hammered Lebanon": people who flee, or cross, with no origin told,
        leave the place the same sentence says is under attack (when it is not where they go)."""
        toks = self.toks
        attacks = [p for p in partials if p.kind == "incident"]
        hit = [k for p in attacks for k in p.places if self._usable(k)]
        # ... or a strife noun's place: "Conflict in Chad has led people to cross the border into Darfur"
        hit += [k for k in range(2, len(toks)) if self._usable(k) and toks[k - 1].prep == "locative"
                and self.lows[k - 2] in self.cues.strife_words and k not in hit]
        for p in partials:
            if (p.kind != "movement" or not p.dest or p.origin is not None or p.origins or p.chain_origin is not None
                    or not ({"flee", "crossing"} & p.trig.flags or p.what in ("refugees", "civilians"))):
                continue
            if p.implicit_origin is not None:
                # "fled to Poland as Russian missiles struck Kyiv": the attackers' nationality, told after the
                # verb in the attack's clause, is not the movers'
                if not any(p.trig.end <= p.implicit_origin < a.trig.i for a in attacks):
                    continue
                p.implicit_origin, p.implicit_origins = None, []
            dests = [toks[d].rp.place for d in p.dest if self._usable(d)]
            free = [k for k in hit if k not in p.dest and not any(
                contains(toks[k].rp.place, d) or contains(d, toks[k].rp.place) for d in dests)]
            if len(free) == 1:
                p.origin = free[0]

    def _fronted_place(self) -> tuple[int, int] | None:
        """(comma, place) of a sentence that opens on a place phrase ("In the Balukhali camp alone, ..."), with no
        trigger before the comma."""
        toks = self.toks
        a = next((k for k in range(len(toks)) if toks[k].alpha), len(toks))  # past an opening quote
        if len(toks) < a + 3 or toks[a].prep != "locative":
            return None
        comma = next((k for k in range(a + 1, min(len(toks), a + 12)) if self.lows[k] == ","), None)
        if comma is None or any(t.trig for t in toks[:comma]):
            return None
        place = next((k for k in range(a + 1, comma) if self._usable(k) and self.roles.get(k) == "locative"), None)
        if place is None:
            place = next((k for k in range(a + 2, comma) if self._usable(k) and self._after_near(k)), None)
        return None if place is None else (comma, place)

    def _after_near(self, k: int) -> bool:
        """Does a word of nearness ("by", "near": the language's ``fronted_near``) stand right before the place at
        k, past one determiner ("a base by the Chucunaque River")?"""
        c, j = self.cues, k - 1
        if j > 0 and self.lows[j] in c.determiners:
            j -= 1
        return self.lows[j] in c.fronted_near

    def _fronted_idle_arrival(self, partials: list[Partial]) -> None:
        """"At Yaviza, 13 Bangladeshis disembarked": an arrival verb that names no place of its own, the first
        trigger after the opening place phrase, is a frame too (``_fronted_arrival`` gives it that place)."""
        idle = self.idle
        if idle is None or "arrival" not in idle.trig.flags or idle in partials:
            return
        if idle.what is None and idle.implicit_origin is None:
            return  # "In Canada, the product only reached the distribution level": no group the cues know arrived
        fronted = self._fronted_place()
        if fronted is None or idle.trig.i <= fronted[0]:
            return
        if any(fronted[0] < t.i < idle.trig.i for t in self.trigs):
            return
        self._complete(idle, [idle.trig])
        idle.fronted = True
        partials.append(idle)
        partials.sort(key=lambda p: p.trig.i)

    def _fronted_arrival(self, partials: list[Partial]) -> None:
        """"In the Balukhali camp alone, some 3,000 Rohingya arrived from Rakhine": a sentence that opens on a
        place phrase ("in"/"at" X, then a comma) says where the first arrival after it, with no destination of
        its own, arrived (no other trigger may stand between)."""
        fronted = self._fronted_place()
        if fronted is None:
            return
        comma, place = fronted
        first = next((p for p in partials if p.trig.i > comma), None)
        if (first is not None and first.kind == "movement" and "arrival" in first.trig.flags and not first.dest
                and place != first.origin and place not in first.origins):
            first.dest = [place]

    def _partitive_ends(self, partials: list[Partial]) -> None:
        """"... have crossed into Chad, the agency said, many of them women and children from North Darfur",
        "displaced from Derna, ..., many of them to Tobruk": a part of the movers told after the report
        completes the last movement before it with the end it lacks."""
        c, toks = self.cues, self.toks
        moves = [p for p in partials if p.kind == "movement"]
        for k in range(len(toks) - 2):
            if not (moves and self.lows[k] in c.partitives and self.lows[k + 1] in c.people_of
                    and self.lows[k + 2] in c.pronouns):
                continue
            p = next((p for p in reversed(moves) if p.trig.i < k), None)
            if p is None:
                continue
            span = []
            for q in range(k + 3, min(len(toks), k + 16)):
                if self.lows[q] in (".", ";") or toks[q].trig:
                    break
                span.append(q)
            if not p.origins and p.origin is None:
                got = [q for q in span if self._usable(q) and self.roles.get(q) == "origin"]
                if got:
                    p.origins, p.origin = got, got[0]
            if not p.dest:
                p.dest = [q for q in span if self._usable(q) and self.roles.get(q) == "destination"]

    def _source_of(self, attrs) -> str | None:
        named = [a for a in attrs if a.source and not a.secondary] or [a for a in attrs if a.source]
        return self._named_source(named[0].source if named else None)

    def _carry_source(self, attrs, source: str | None | bool = False) -> None:
        """The sentence's source becomes the last one quoted ("it added" in the next sentence)."""
        if source is False:
            source = self._source_of(attrs)
        if source:
            self.state.last_source = source

    def _foreign(self, p: Partial) -> bool:
        """Do the movers of a deployment belong to a country other than every place they are deployed in?"""
        if p.implicit_origin is None or not p.places:
            return False
        o = self.toks[p.implicit_origin].rp.place
        return o.kind == "country" and all(self.toks[k].rp.place.country_code != o.country_code for k in p.places)

    def _hub_before(self, p: Partial, dplace) -> str | None:
        """A port, airport or station the sentence's subject is at, where travellers head elsewhere: "Arus balik
        pemudik di Pelabuhan Merak ... menyeberang menuju Pelabuhan Bakauheni", "suasana Pelabuhan Merak ...
        penumpang arus balik menuju ke ... Pulau Sumatera". Only a hub named before the verb, in no
        "from"/"to" phrase and not itself in the place reached."""
        toks, c = self.toks, self.cues
        if not c.hub_heads or p.what not in ("civilians", "vehicles", "refugees"):
            return None
        for k in range(p.trig.i):  # "suasana Pelabuhan Merak hingga kini belum terlihat ...": before another verb
            if (self._usable(k) and not toks[k].attr and self.roles.get(k) in (None, "locative") and k > 0
                    and c.hub_heads.match(self.lows, k - 1) and toks[k].rp.place.id != dplace.id
                    # (an island or region "holds" every town of its country to contains(), so only a unit counts)
                    and not (dplace.kind in ("country", "admin1", "admin2") and contains(dplace, toks[k].rp.place))):
                return toks[k].rp.place.id
        return None

    def _told_origin(self, p: Partial) -> bool:
        """Does the sentence itself say where the movement started (a "from" place, the place the leg before
        ended, a pushers' country), rather than the movers' country or an origin carried from before?"""
        return bool(p.origins) or p.origin is not None or p.chain_origin is not None

    def _origin_ids(self, p: Partial, dplace) -> list[str | None]:
        """Where a movement to ``dplace`` came from: every "from" place, else the chain, the subject's
        country, the mover's nationality, or an origin told a sentence before."""
        toks = self.toks
        self._guessed = False  # set where the origin is only guessed (told_origins)
        if p.origins:
            return [toks[k].rp.place.id for k in p.origins]
        origin = p.origin if p.origin is not None else p.chain_origin
        if origin is None and "push" in p.trig.flags:
            # "obvinila polské a litevské síly, že pokračují ve vytlačování migrantů do Běloruska": pushed back
            # out of the country of those who push, named by their demonym before the verb
            pushers = [k for k in range(p.trig.i) if toks[k].demonym and toks[k].rp is not None
                       and toks[k].rp.place.id != dplace.id]
            if pushers:
                return list(dict.fromkeys(toks[k].rp.place.id for k in self._demonym_list(pushers[-1])))
        self._guessed = False  # the subject's country ("Indonesia telah mengirimkan") is told
        if origin is None and p.implicit_origin is not None:
            # "jemaah haji Indonesia": the movers' country is a guess at where they set out
            self._guessed = any(q in self.in_what for q in range(max(0, p.implicit_origin - 5), p.implicit_origin))
            o = toks[p.implicit_origin].rp.place
            if not contains(o, dplace):  # "Indonesia mengerahkan ... ke Jayapura" is a move inside the country
                if len(p.implicit_origins) > 1:
                    return [toks[k].rp.place.id for k in p.implicit_origins]
                origin = p.implicit_origin
        if origin is not None:
            return [toks[origin].rp.place.id]
        (la, _), (ca, _) = p.left, p.clause
        if self.cues.pro_drop and ca > la and p.what is None:
            # "Několik tisíc migrantů, převážně z Blízkého východu, ... v naději, že se dostanou do EU": a clause
            # with no subject of its own moves the main clause's group, from where that group came
            main = [k for k in range(la, ca) if self._usable(k) and self.roles.get(k) == "origin"]
            if main:
                return [toks[k].rp.place.id for k in main]
        hub = self._hub_before(p, dplace)
        if hub is not None:
            return [hub]
        speaker = self._speakers_place(p, dplace)
        if speaker is not None:
            return [speaker]
        earlier = self._earlier_origin(p)
        # an origin carried from before is a guess, unless it is where the group last arrived
        self._guessed = earlier is not None and earlier != self.state.last_dest
        if earlier is None:
            nat = self._nationality_origins(p, dplace)
            if nat:
                return nat

        elif earlier in self.state.places:
            # "... sent 200 firefighters from New Zealand. A team of South African firefighters arrived in
            # Edmonton": movers this sentence names by another nationality are another group
            own = self._nationality_origins(p, dplace, end=p.trig.i)
            if own and not any(contains(self.state.places[o], self.state.places[earlier])
                               for o in own if o in self.state.places):
                return own
        o = self.state.places.get(earlier)
        st = self.state
        if o is not None and "country" in (o.kind, dplace.kind) and (contains(o, dplace) or contains(dplace, o)):
            # "keluar dari Gaza ... ke Mesir. Mereka kemudian dibawa ke Kairo": the group that reached a country
            # and goes on inside it set out from where it started, when the story told that start
            start = st.places.get(st.pending_origin) if earlier == st.last_dest else None
            if (start is not None and start.id != o.id and o.kind == "country" and dplace.kind != "country"
                    and st.pending_at == st.last_dest_at
                    and start.country_code != dplace.country_code):
                return [start.id]
            return [None]  # "dipulangkan ke Pyongyang" after North Korea: a move within the place told before
        if earlier is not None and st.pending_all and st.pending_all[0] == st.pending_at and st.pending_all[1][0] == earlier:
            # "They come from Ghana, Egypt and Mali. They were all transferred to X": one movement from each
            self._guessed = False  # where they come from was told
            return [x for x in st.pending_all[1] if x != dplace.id]
        return [earlier]

    def _speakers_place(self, p: Partial, dplace) -> str | None:
        """"Many of the refugees in Gaziantep say they will go back to Syria": a group that goes by itself, named
        only by a pronoun straight after the attribution, is the group that speaks, and sets out from the place
        "in"/"at" after the speakers' noun."""
        toks, c = self.toks, self.cues
        a = p.left[0]
        if "self" not in p.trig.flags or a < 1 or not toks[a - 1].attr:
            return None
        subject = [k for k in range(a, p.trig.i) if toks[k].alpha and self.lows[k] not in c.complementizers
                   and self.lows[k] not in c.any_aux and self.lows[k] not in c.negation]
        if len(subject) != 1 or self.lows[subject[0]] not in c.pronouns:
            return None
        b = a - 1
        while b > 0 and toks[b - 1].attr:
            b -= 1
        hits = c.what.scan(self.bases, b, a)
        if not hits:
            return None
        for k in range(hits[0][0] + hits[0][1], a):
            rp = toks[k].rp
            if rp is not None and not toks[k].demonym and toks[k - 1].prep == "locative" and rp.place.id != dplace.id \
                    and not contains(rp.place, dplace):
                return rp.place.id
        return None

    def _nationality_origins(self, p: Partial, dplace, end: int | None = None) -> list[str]:
        """"an influx of 2,000 Sudanese refugees into Adre", "13 Bangladeshis, seven Nepalese and two Somalis
        disembarked at X": people named by their nationality anywhere in the frame came from their country,
        when nothing nearer (a "from" place, the subject, an origin told before) says where they set out."""
        toks, c = self.toks, self.cues
        if not c.demonym_origin:
            return []
        out: list[str] = []
        for k in range(p.left[0], p.right[1] if end is None else end):
            t = toks[k]
            if not t.demonym or t.attr or self.roles.get(k) not in (None, "direct"):
                continue
            if not (self._names_people(k)):
                continue
            o = t.rp.place
            if contains(o, dplace) or contains(dplace, o) or o.id in out:
                continue
            out.append(o.id)
        return out

    def _duration(self, t) -> bool:
        """Is trigger t a verb that says how long something lasted ("The convoy took more than two days", "took them
        up to 35 hours"): one of the language's ``duration_verbs`` with a unit of time (``duration_units``) a few
        words on and no place or preposition before it?"""
        c = self.cues
        if not c.duration_verbs or " ".join(self.lows[t.i:t.end]) not in c.duration_verbs:
            return False
        for q in range(t.end, min(len(self.toks), t.end + 6)):
            if self.lows[q] in c.duration_units:
                return True
            if self.toks[q].rp is not None or self.toks[q].prep or self.lows[q] in (",", ";", "."):
                return False
        return False

    def _names_people(self, k: int) -> bool:
        """Is the demonym at token k a mover's nationality: a noun itself ("Bangladeshis") or the
        modifier of a mover noun ("Sudanese refugees", "undocumented Haitian immigrants")?"""
        toks, c = self.toks, self.cues
        if c.head_last:
            q = k + 1
            while q < len(toks) and q - k <= 3 and q not in self.in_what and toks[q].alpha \
                    and toks[q].text[:1].islower() and not toks[q].trig and not toks[q].prep:
                q += 1
            if q in self.in_what:
                return True
        elif k - 1 in self.in_what:
            return True
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if (nxt is not None and nxt.text in DASHES and nxt.start == toks[k].end and k + 2 < len(toks)
                and toks[k + 2].start == nxt.end and toks[k + 2].alpha):
            return False  # "a Czech-led initiative", "Iranian-made drones": one adjective with the word after it
        # the demonym is the noun: "Afghans", "seven Nepalese and two Somalis"
        return nxt is None or not nxt.alpha or nxt.trig or nxt.prep or nxt.low in c.coord_words \
            or nxt.low in c.any_aux or nxt.low in c.subject_gap

    def _origin_only(self, p: Partial, common: dict, seen: set) -> list[Event]:
        """A departure with no destination in its sentence ("fled Sudan", "had left Mbour").

        It completes a movement told just before whose origin was unknown ("... landed in Aceh. The
        refugees had left camps in Cox's Bazar"); otherwise it is kept as origin-only and may give
        its origin to the next sentence ("... left Dadaab. They reached Mombasa")."""
        state, toks = self.state, self.toks
        if not p.origins:
            return []
        out = []
        # "... from N'Djamena to the border": the destination is named, only not as a place we know
        # ("Yibuti, hasta donde ...": a "to" on "where" opens a clause of its own)
        toward = any((self.toks[k].prep == "destination" and not self._infinitive(k)
                      and not self.cues.where_words.match(self.lows, k + 1))
                     or self.cues.departure_dest.match(self.lows, k) for k in range(*p.right))  # "leaving Homs for the north"
        # ... by the same movers: where the subject is dropped when it is the same group, a named one of another
        # kind is another group ("syryjscy żołnierze wycofali się z Aleppo" completes no refugees' arrival)
        same = not self.cues.pro_drop or p.what is None or state.open_what is None or p.what == state.open_what
        dest = state.open_dest if state.open_dest and state.sentence - state.open_at <= 2 and not toward and same else None
        if dest is not None and dest == toks[p.origins[0]].rp.place.id:
            dest = None  # "vtrhli na Ukrajinu, odkud začali proudit uprchlíci": a new start where the last one ended
        if dest is not None and dest in state.places and contains(state.places[dest], toks[p.origins[0]].rp.place):
            dest = None  # "Dua kapal perang ke Lebanon. ... mengevakuasi WNI dari Beirut": a start inside the place
            # reached is no journey to it
        if dest is not None and state.open_at < state.sentence and (state.open_chained or (
                state.open_named and {"nominal", "departure_at"} <= p.trig.flags)):
            dest = None  # "Sebelum diberangkatkan ke Jeddah ..., mereka tiba di Port Sudan. ... Rombongan tersebut
            # berangkat dari Khartoum": a leg that starts where the one before it ended has its start already; so
            # has one told from a place, for an evacuation where it is carried out ("persiapan evakuasi WNI di
            # Sudan"; "Flights from Kano, Lagos and Sokoto" after "departed Abuja for Jeddah" do complete it)
        if dest is not None and state.open_named and p.actor is not None and "nominal" not in p.trig.flags:
            dest = None  # "... a flight had left Wadi Seidna for Larnaca. ... Turkey flew its citizens out of Sudan":
            # a sender named for a departure is another journey than the one told with its start
        if dest is not None and state.open_named and "origin_statement" in p.trig.flags:
            dest = None  # "... dari Tawau ke Nunukan. Sebagian besar berasal dari NTT": where people are from, when
            # their journey's start is told, is no second start of it
        if dest is not None and state.open_at == state.sentence:
            # "le déploiement de 700 soldats à Chypre afin de préparer une évacuation ... du Liban": a trip told as
            # the purpose of a movement to a place is another trip, not where that one came from
            at = max((k for k in range(p.trig.i) if toks[k].rp is not None and toks[k].rp.place.id == dest), default=None)
            if at is not None and any(self.cues.purpose.match(self.lows, k) for k in range(at + 1, p.trig.i)):
                dest = None
        for o in p.origins:
            oid = toks[o].rp.place.id
            if dest is None and "origin_statement" in p.trig.flags:
                break  # "comes from Ghana" alone is where someone is from, not a journey
            key = ("movement", oid, dest)
            if dest != oid and key not in seen:
                seen.add(key)
                out.append(Event(kind="movement", origin=oid, destination=dest, **common))
        if dest is None or "origin_statement" in p.trig.flags:
            # ("Mayoritas pengungsi berasal dari Nyala dan El Geneina" after they reached Chad: where the group is
            # from holds for its next move too, "Mereka sekarang tinggal di Sila")
            state.pending_origin, state.pending_what, state.pending_at = toks[p.origins[0]].rp.place.id, p.what, state.sentence
            if "origin_statement" in p.trig.flags:
                # "They come from Ghana, Egypt and Mali": where the whole group is from holds for its next move;
                # a list of departure points ("left from Valencia, Caracas ...") is of several groups
                state.pending_all = (state.sentence, tuple(dict.fromkeys(toks[o].rp.place.id for o in p.origins)))
        return out

    def _start_of_arrival(self, p: Partial, common: dict, seen: set) -> list[Event]:
        """"... terdampar di Aceh Utara. Mereka meninggalkan Cox's Bazar dengan tujuan Malaysia": a departure told
        by a pronoun, with where the group meant to go, is also where the arrival told just before (its start
        untold) set out from."""
        st, toks = self.state, self.toks
        start = p.origins[0] if p.origins else p.origin
        # the departure verb may be merged into the destination's ("meninggalkan X ... dengan tujuan Malaysia")
        left = [t for t in self.trigs if t.kind == "movement" and "departure" in t.flags and t.i <= p.trig.i]
        if (start is None or not left or "arrival" in p.trig.flags or st.open_dest is None or st.open_named
                or not 0 < st.sentence - st.open_at <= 1 or st.open_dest not in st.places):
            return []
        # ... by "they" as the departure's subject (at most an auxiliary or two between)
        i = left[-1].i
        if not any(self.lows[k] in self.cues.pronouns for k in range(max(0, i - 3), i)):
            return []
        o, d = toks[start].rp.place, st.places[st.open_dest]
        if o.id == d.id or contains(o, d) or contains(d, o) or any(toks[k].rp.place.id == d.id for k in p.dest):
            return []
        key = ("movement", o.id, d.id)
        if key in seen:
            return []
        seen.add(key)
        return [Event(kind="movement", origin=o.id, destination=d.id, **common)]

    def _carried_words(self) -> list[str]:
        """The words after "carrying"/"berisi" in this sentence ("Kapal ternak yang membawa 4.500 ekor sapi"):
        what a ship or truck brought, which the next sentence may name again ("Sapi-sapi itu"). Read once
        per sentence: it is asked for each movement, and a long sentence has hundreds."""
        cached = self.__dict__.get("_carried")
        if cached is not None:
            return cached
        out = self._carried = []
        for k in range(len(self.toks)):
            m = self.cues.contents_words.match(self.lows, k)
            if m:
                for q in range(k + m[0], min(len(self.toks), k + m[0] + 5)):
                    if self.toks[q].low in PUNCT_BREAK or self.toks[q].prep or self.toks[q].trig:
                        break
                    out.append(self.lows[q])
        return out

    def _more_origins(self) -> None:
        """"They come from Ghana and Egypt. But also from Bangladesh and Somalia.": a sentence with no verb
        whose places all follow "from" goes on with the origin statement of the sentence before it."""
        st, toks = self.state, self.toks
        if not (st.pending_all and st.pending_all[0] == st.pending_at == st.sentence - 1):
            return
        places = [k for k in range(len(toks)) if self._usable(k)]
        if not places or places[0] == 0 or toks[places[0] - 1].prep != "origin":
            return
        if any(self.lows[k - 1] not in self.cues.coord_words for k in places[1:]):
            return  # only a list of places after the one "from"
        ids = tuple(dict.fromkeys((*st.pending_all[1], *(toks[k].rp.place.id for k in places))))
        st.pending_all, st.pending_at = (st.sentence, ids), st.sentence

    def _displaced_presence(self, p: Partial) -> bool:
        """Is presence p refugees (by its noun, or "их большинство" after them) who left a country the last
        sentences named, now somewhere else? Only for a language that carries origins over presences."""
        st = self.state
        return (p.kind == "presence" and self.cues.presence_origin and bool(p.places)
                and (p.what or st.last_what or st.pending_what) == "refugees" and st.pending_origin in st.places
                and st.sentence - st.pending_at <= 3)

    def _route_pairs(self) -> list[tuple[int, int]]:
        """Two places joined by a dash with no space ("London–Tokyo service", "Asia–Europe routes"): a route."""
        toks, out = self.toks, []
        for k in range(len(toks) - 2):
            d, b = toks[k + 1], toks[k + 2]
            if (d.text in DASHES and toks[k].end == d.start and d.end == b.start
                    and all(t.rp is not None and not t.demonym and not t.possessive
                            and t.text.lower() not in self.cues.place_nouns for t in (toks[k], b))  # "East-West trade"
                    # "the Sudan–Chad border", "perang Rusia–Ukraina": a boundary or a relation, not a route
                    and not any(0 <= q < len(toks) and self.lows[q] in self.cues.pair_not_route for q in (k - 1, k + 3))
                    and not self._coded_name(k + 3)):
                out.append((k, k + 2))
        return out

    def _counted_start(self) -> bool:
        """Does a "from" govern a number of places left unnamed ("dari delapan embarkasi", "from three ports")?"""
        toks, preps = self.toks, self.cues.preps
        # (the "from" is read as a word on an amount, "from 8 to 10", so its role is looked up here)
        return any((m := preps.match(self.lows, k)) and m[0] == 1 and m[1] == "origin" and toks[k + 1].is_num
                   and self._place_head(k + 2) and toks[k + 2].rp is None for k in range(len(toks) - 2))

    def _listed_starts(self, trigs) -> list[Event]:
        """A verbless sentence opening with a list word after a trip from a number of unnamed places names them:
        "... diberangkatkan dari delapan embarkasi. Masing-masing Jakarta-Pondok Gede (JKG), Solo (SOC), ...":
        one movement from each, to where the group was last said to go."""
        st, toks = self.state, self.toks
        if (st.counted_from is None or st.counted_from[0] != st.sentence - 1 or not self.cues.list_openers.match(self.lows, 0)
                or any(t.kind == "movement" for t in trigs)):
            return []
        starts = list(dict.fromkeys(toks[k].rp.place.id for k in range(len(toks)) if self._usable(k)))
        if len(starts) < 2:
            return []
        dest = st.last_dest if st.last_dest is not None and st.sentence - st.last_dest_at <= 3 else None
        evidence = Span(self.s, self.e, self.text[self.s:self.e])
        return [Event(kind="movement", origin=o, destination=dest, evidence=evidence, what=st.counted_from[1],
                      mover=st.counted_from[2]) for o in starts if o != dest]

    def _listed_route(self, out: list[Event]) -> list[Event]:
        """A route noun before places parted by spaced dashes ("Rute penerbangan ... yakni Halim (Jakarta) - Aceh -
        Yangon (Myanmar) - ... - El Arish (Mesir)"): one movement from the first stop to the last, through the
        others. A stop is the first place of its stretch outside brackets, else the one in them."""
        toks, c = self.toks, self.cues
        at = next((k for k in range(len(toks)) if c.route_nouns.match(self.lows, k)), None)
        if at is None:
            return []
        stops, stretch, depth, start = [], [], 0, at + 1
        for k in range(at + 1, len(toks) + 1):
            t = toks[k] if k < len(toks) else None
            if t is None or (t.text in DASHES and self.text[t.start - 1:t.start].isspace()
                             and self.text[t.end:t.end + 1].isspace()):
                own = [q for q, d in stretch if d == 0] or [q for q, _ in stretch]
                if own:
                    stops.append(own[0])
                elif k - start > 3:
                    return []  # words, not a stop the geoparser does not know ("- Aceh -"): no list of stops
                stretch, start = [], k + 1
                continue
            depth += t.text == "("
            depth -= t.text == ")" and depth > 0
            if self._usable(k):
                stretch.append((k, depth))
        ids = [toks[k].rp.place.id for k in stops]
        if len(ids) < 3 or ids[0] == ids[-1] or any(e.kind == "movement" and e.destination == ids[-1] for e in out):
            return []
        evidence = Span(self.s, self.e, self.text[self.s:self.e])
        return [Event(kind="movement", origin=ids[0], destination=ids[-1], evidence=evidence,
                      path=tuple(dict.fromkeys(ids[1:-1])))]

    def _coded_name(self, k: int) -> bool:
        """Does a code in brackets start at token k ("Jakarta-Bekasi (JKS)", "London-Heathrow (LHR)")? A dashed pair
        with its own code names one embarkation, airport or station, not a route between two places."""
        toks = self.toks
        return (k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")"
                and toks[k + 1].text.isalpha() and toks[k + 1].text.isupper() and 2 <= len(toks[k + 1].text) <= 4)

    def _headline_triggers(self) -> list[Trigger]:
        """"5,000 troops to Niger", "Ribuan pengungsi ke Kupang": a mover noun straight before "to" and a place,
        in a sentence with no movement verb, is the frame itself."""
        out = []
        for i, n, cat in self.what_hits:
            if any(low in self.cues.any_aux for low in self.lows[:i]):
                continue  # "There are regular buses to Bristol": a sentence with a verb before the noun is no headline
            j = i + n
            # "Dua kapal perang TNI AL ke Lebanon": the noun's own name words may stand before "ke"
            while j < min(len(self.toks), i + n + 3) and (self.toks[j].rp is not None or (
                    self.toks[j].alpha and self.toks[j].text[:1].isupper())) and not self.toks[j].prep:
                j += 1  # ... and its nationality: "Ribuan pengungsi Sudan ke Chad"
            if j + 1 < len(self.toks) and self.toks[j].prep == "destination" and self._usable(j + 1):
                out.append(Trigger(i, n, "movement", frozenset({"nominal", "headline"}), cat))
        return out

    def _to_events(self, partials: list[Partial]) -> list[Event]:
        toks, state = self.toks, self.state
        evidence = Span(self.s, self.e, self.text[self.s:self.e])
        out, seen = [], set()
        for p in partials:
            if p.kind == "movement" and (p.blocked or not p.mover_ok):
                self._veto(p.left, p.right)
                continue  # "sent a message to Moscow": nothing physical moved
            displaced = self._displaced_presence(p)
            if p.kind == "presence" and p.what is None and not displaced:
                continue
            common = {"evidence": evidence, "actor": p.actor, "what": p.what, "quantity": p.quantity,
                      "quantity_value": p.quantity_value, "date": p.date, "source": p.source, "certainty": p.certainty,
                      "mover": p.mover, "path": tuple(dict.fromkeys(toks[k].rp.place.id for k in p.path))}
            if displaced:
                # "Подавляющее их большинство находятся в Польше, Словакии, Венгрии": refugees from the country
                # the story has them leave, now in another, went there
                o = state.places[state.pending_origin]
                for k in p.places:
                    d = toks[k].rp.place
                    key = ("movement", o.id, d.id)
                    if d.id != o.id and not contains(o, d) and not contains(d, o) and key not in seen:
                        seen.add(key)
                        out.append(Event(kind="movement", origin=o.id, destination=d.id, **common))
                continue
            if p.kind == "movement":
                if not p.dest:
                    out += self._origin_only(p, common, seen)
                else:
                    out += self._start_of_arrival(p, common, seen)
                leg_origins = None
                for di, d in enumerate(p.dest):
                    if di:  # "300 soldiers ... to Kharkiv and another 200 to Sumy"
                        own = [k for k in range(p.dest[di - 1] + 1, d) if toks[k].is_num]
                        if own:
                            common.update(quantity=toks[own[-1]].text, quantity_value=toks[own[-1]].num)
                    dplace = toks[d].rp.place
                    origin_ids = self._origin_ids(p, dplace)
                    if "settled" in p.trig.flags:  # "Dia kini tinggal di Bandung": living there is no journey
                        origin_ids = [o for o in origin_ids if o is not None and o != dplace.id]
                        if not origin_ids:
                            continue
                    if di and self._any(self.cues.before_words, p.dest[di - 1] + 1, d):
                        origin_ids = [toks[p.dest[di - 1]].rp.place.id]  # "to Port Sudan and then by ship to Jeddah"
                    elif di and leg_origins is not None and self._coordinated_places(p.dest[di - 1], d):
                        origin_ids = leg_origins  # "..., a stamtąd do Chmielnickiego, Odessy i Kijowa": the same leg
                    leg_origins = origin_ids
                    told = self._told_origin(p) or di > 0 and origin_ids == [toks[p.dest[di - 1]].rp.place.id]
                    for oid in origin_ids:  # "from Karachi and Peshawar": one movement each
                        key = ("movement", None if oid == dplace.id else oid, dplace.id)
                        if key not in seen:
                            seen.add(key)
                            out.append(Event(kind="movement", origin=key[1], destination=dplace.id, **common))
                            if not told and key[1] is not None and self._guessed:
                                state.guessed.add((state.sentence, key[1], dplace.id))
                    # the first destination of a sentence is its main clause's: "... reached La Restinga, the
                    # largest boat to arrive in the Canary Islands" waits for its origin at La Restinga
                    if not (state.open_dest and state.open_at == state.sentence):
                        state.open_dest, state.open_what, state.open_at = dplace.id, p.what, state.sentence
                        state.open_named = bool(p.origins) or p.origin is not None
                        state.open_chained = p.chain_origin is not None
                first = p.origins[0] if p.origins else p.origin if p.origin is not None else p.implicit_origin
                if p.dest and first is not None:
                    # the group's start, for "Others flew to Istanbul" after "... crossed from Russia into Georgia"
                    state.pending_origin, state.pending_what, state.pending_at = (
                        toks[first].rp.place.id, p.what, state.sentence)
                if p.dest:
                    state.last_dest, state.last_dest_at = toks[p.dest[-1]].rp.place.id, state.sentence
                    state.last_dest_aim = "arrival" not in p.trig.flags and self._any(
                        self.cues.purpose, p.trig.end, p.dest[-1])
                    state.last_origin = toks[first].rp.place.id if first is not None else None
                    state.last_mover = " ".join([p.mover or ""] + self._carried_words())
            elif p.kind == "presence" and "deploy" in p.trig.flags and "nominal" not in p.trig.flags and self._foreign(p):
                # "10.900 tentara Korea Utara telah dikerahkan di Kursk", "150 British ... deployed in Orzysz":
                # deployed abroad is a movement from the country the troops belong to
                # ... from each country of a list ("British and Romanian troops were deployed in Orzysz")
                for q in p.implicit_origins or [p.implicit_origin]:
                    o = toks[q].rp.place
                    if o.kind != "country":
                        continue
                    for k in p.places:
                        key = ("movement", o.id, toks[k].rp.place.id)
                        if key not in seen and toks[k].rp.place.country_code != o.country_code:
                            seen.add(key)
                            out.append(Event(kind="movement", origin=o.id, destination=key[2], **common))
            else:
                for k in p.places:
                    key = (p.kind, toks[k].rp.place.id, p.what if p.kind == "incident" else None)
                    if key not in seen:
                        seen.add(key)
                        out.append(Event(kind=p.kind, place=key[1], **common))
                if p.kind == "presence" and p.places and p.what and self.cues.presence_origin:
                    # "... военнослужащие находятся на территории Белоруссии. Их доставят в Россию": a group
                    # told to be somewhere sets out from there when it moves next
                    state.pending_origin, state.pending_what, state.pending_at = (
                        toks[p.places[0]].rp.place.id, p.what, state.sentence)
            # "Most had sailed from Tobruk" after "... brought 500 migrants to Crete": a part of the group named by
            # a partitive alone is still the group, so what it is stays known for "The migrants were later ..."
            if p.kind != "incident" and not (p.what is None and state.last_what is not None and any(
                    self.lows[k] in self.cues.partitives for k in range(*p.left))):
                state.last_what = p.what
        return out
