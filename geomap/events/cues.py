"""Loading one language's cue words (data/events/<lang>.json) into fast phrase tables."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .anaphora import Anaphors

# The words (and single punctuation marks) events.tokens reads a sentence in.
# A clock time ("23:00") is one word: its colon ends no clause.
WORD = re.compile(r"\d{1,2}:\d{2}(?!\d)|\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"

class Phrases:
    """Lower-case multi-word lookup: at each token, the longest phrase wins."""

    def __init__(self, items=()):
        self._first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self.words: set[str] = set()
        for phrase, value in items:
            self.add(phrase, value)

    def add(self, phrase: str, value: object = True) -> None:
        words = tuple(phrase.lower().split())
        if not words:
            return
        bucket = self._first.setdefault(words[0], [])
        bucket.append((words, value))
        bucket.sort(key=lambda item: -len(item[0]))
        self.words.update(words)

    def match(self, lows: list[str], i: int, alt: list[str] | None = None) -> tuple[int, object] | None:
        """The longest phrase at token i; with ``alt`` (the tokens' lemmas) each word may match the
        form as written or its lemma, so a phrase listed as lemmas ("przybyć", "vrátit") meets every form.
        Past the last token there is none: rules look one word ahead of a sentence's last ("... fled to")."""
        if not 0 <= i < len(lows):
            return None
        if alt is None:
            for words, value in self._first.get(lows[i], ()):
                n = len(words)
                if tuple(lows[i:i + n]) == words:
                    return n, value
            return None
        best = None
        for first in dict.fromkeys((lows[i], alt[i])):
            for words, value in self._first.get(first, ()):
                n = len(words)
                if i + n <= len(lows) and all(w in (lows[i + q], alt[i + q]) for q, w in enumerate(words)):
                    if best is None or n > best[0]:
                        best = (n, value)
                    break
        return best

    def scan(self, lows: list[str], a: int = 0, b: int | None = None,
             alt: list[str] | None = None) -> list[tuple[int, int, object]]:
        b = len(lows) if b is None else b
        first = self._first
        # Most words open no phrase: the words that do are listed in one comprehension, and match() is
        # asked only there, from left to right, past the end of each phrase found
        if alt is None:
            heads = [i for i, w in enumerate(lows[a:b], a) if w in first] if 0 <= a <= b <= len(lows) else \
                [i for i in range(a, b) if lows[i] in first]
        else:
            heads = [i for i in range(a, b) if lows[i] in first or alt[i] in first]
        out, after = [], a
        for i in heads:
            if i < after:
                continue  # inside the phrase found before
            m = self.match(lows, i, alt)
            if m and i + m[0] <= b:
                out.append((i, m[0], m[1]))
                after = i + m[0]
        return out

    def phrases(self):
        """Every phrase, as its tuple of lower-case words."""
        return (words for bucket in self._first.values() for words, _ in bucket)

    @property
    def heads(self):
        """The words some phrase starts with: match() finds nothing at any other word."""
        return self._first.keys()

    def __contains__(self, low: str) -> bool:  # single-word membership
        return any(len(w) == 1 for w, _ in self._first.get(low, ()))


class Cues:
    """One language's cue words, compiled from its JSON file (keys are described there and in the module doc)."""

    def __init__(self, lang: str, d: dict):
        self.lang = lang
        # Inflected languages list their verbs and nouns as lemmas, by the morphology library their language
        # file (geomap/data/lang/<code>.json) names. "lemmas" says how a text word meets them: "read", every
        # word is read as its lemma ("прибыли" -> "прибыть"); "match", a word matches as written or as its
        # lemma ("przybyli" or "przybyć"), the lemma kept in each token's base.
        use = d.get("lemmas")
        if use not in (None, "read", "match"):
            raise ValueError(f"events file for {lang!r}: \"lemmas\" is \"read\" or \"match\", not {use!r}")
        from ..lang.morph import language_library

        self.morphology = language_library(lang) if use else None
        if use and self.morphology is None:
            raise ValueError(f"events file for {lang!r} asks for lemmas, but no language file names"
                             " a morphology library")
        self.reads_lemmas = use == "read"
        self.matches_lemmas = use == "match"
        self._vocab = frozenset(_words(d)) if use else frozenset()
        self._lemmas: dict[str, str] = {}
        # A preposition whose role is told by the case of the word after it: Russian "в Москву"
        # (accusative) goes there, "в Москве" (locative) is there; "с Украиной" (instrumental) is "with".
        self.case_roles = {p.lower(): dict(v) for p, v in d.get("case_prepositions", {}).items()}
        def ph(key: str, src: dict = d) -> Phrases:
            return Phrases((w, True) for w in src.get(key, []))

        self.triggers = Phrases()
        # Separable verbs ("kamen ... an", "reisten ... aus"): a two-word trigger whose second word is one of
        # these particles is also read when the particle closes the clause further on (see FrameRules._triggers)
        self.split_particles = frozenset(d.get("split_particles", []))
        self.split_triggers: dict[tuple[str, str], dict] = {}
        # "deported 500 Haitians": a verb that sends people back to their own country, wherever its group
        # lists it, also carries the "return" flag (so no group of the file needs its words moved)
        returns = {w.lower() for w in d.get("return_words", [])}
        for group in d.get("triggers", []):
            spec = {"kind": group["kind"], "flags": frozenset(group.get("flags", ())), "what": group.get("what")}
            for w in group["words"]:
                self.triggers.add(w, dict(spec, flags=spec["flags"] | {"return"}) if w.lower() in returns else spec)
                parts = w.lower().split()
                if len(parts) == 2 and parts[1] in self.split_particles:
                    self.split_triggers.setdefault((parts[0], parts[1]), spec)
        self.preps = Phrases((w, role) for role, words in d.get("prepositions", {}).items() for w in words)
        for w in self.case_roles:
            self.preps.add(w, "by_case")
        self.what = Phrases((w, cat) for cat, words in d.get("what", {}).items() for w in words)
        self.hedges = Phrases((w, level) for level, words in d.get("hedges", {}).items() for w in words)
        self.incident_kinds = [(kind, Phrases((w, True) for w in words)) for kind, words in d.get("incident_kinds", [])]
        self.incident_default = d.get("incident_default", "attack")
        self.casualty = ph("casualty_words")
        self.coord, self.walk_stops, self.clause_linkers = ph("coordination"), ph("walk_stops"), ph("clause_linkers")
        # linkers that are also adjectives or adverbs ("penampungan sementara", a temporary
        # shelter): they start a clause only after a comma ("..., sementara ...")
        self.comma_linkers = set(d.get("comma_linkers", []))
        # "dorthin": to the place the sentence named before, as the destination of the verb it goes with
        self.thither_words = set(d.get("thither_words", []))
        # single-word coordinators ("and", ","); phrases ("as well as") are matched with coord.scan
        self.coord_words = {w for w in d.get("coordination", []) if " " not in w}
        # two verbs of one subject joined by these ("flew to Paris and drove to Lyon", "... then headed to X")
        self.verb_and, self.verb_then = set(d.get("verb_and", [])), set(d.get("verb_then", []))
        self.after_words, self.where_words, self.departure_dest = ph("after_words"), ph("where_words"), ph("departure_destination")
        self.subject_gap, self.negation, self.conditionals = ph("subject_gap"), ph("negation"), ph("conditionals")
        # negated words that describe the mover, not the movement ("orang tak dikenal", unknown people)
        self.not_negation = ph("not_negation")
        # words that call off a trip named by its noun ("membatalkan 30 penerbangan dari X ke Y"): the
        # trip is still reported, with this certainty, rather than dropped as a negation
        self.called_off = Phrases(d.get("called_off", {}).items())
        self.purpose, self.not_movers, self.before_words = ph("purpose"), ph("not_movers"), ph("before_words")
        # auxiliaries that set a verb before the story's time ("had flown"): that leg does not start where
        # the leg told before it ended
        self.earlier_aux = set(d.get("earlier_aux", []))
        # a word opening a sentence with a clause that happens after the main one ("Sebelum diberangkatkan ke
        # Jeddah, mereka tiba di Port Sudan"): its journey starts where the main clause's ends, not the reverse
        self.later_clause = set(d.get("later_clause", []))
        # the word before the doer of a passive verb ("dideportasi oleh Pemerintah Malaysia"): a place there sent it
        self.agent_words = set(d.get("agent_words", []))
        self.place_modifiers, self.place_nouns = set(d.get("place_modifiers", [])), set(d.get("place_nouns", []))
        self.people_of = set(d.get("people_of", []))
        self.flag_words = set(d.get("flag_words", []))
        self.attributive = set(d.get("attributive_nouns", []))
        self.relative_words, self.cancel_words = set(d.get("relative_words", [])), ph("cancel_words")
        self.abstract_moves, self.there_words = set(d.get("abstract_before_infinitive", [])), ph("there_words")
        # demonstratives after a noun that point back to what was just told ("Beras itu", "Kapal tersebut")
        self.back_pointers = set(d.get("back_pointers", []))
        # an article before a noun that points back to a group named in an earlier sentence ("The convoy")
        self.definite_back = set(d.get("definite_back", []))
        # "took more than two days": a verb of carrying that says how long, with the units of time it takes
        self.duration_verbs, self.duration_units = set(d.get("duration_verbs", [])), set(d.get("duration_units", []))
        # ordinals after a mover noun: "kapal ketiga" (the third boat) is another group than the one told before
        self.ordinals = set(d.get("ordinals", []))
        self.escape_verbs = ph("escape_verbs")
        # "Conflict in Chad has led people to cross into Darfur": a place a strife noun is "in" is under attack
        self.strife_words = set(d.get("strife_words", []))
        # "returned home", "terbang pulang", "nach Hause": the movers' own country is the destination
        self.home_words = ph("home_words")
        self.held_words = set(d.get("held_words", []))
        # "ditangkap di perairan X", "kandas di X": a journey stopped short; what moves next leaves from X
        self.halted_words = set(d.get("halted_words", []))
        self.held_on = set(d.get("held_on", []))  # a word that places a held group on an island, not a target
        self.distance_units = set(d.get("distance_units", []))
        # "about the distance from Los Angeles to New York": a measure's from-to names a span, not a trip
        self.measure_nouns = set(d.get("measure_nouns", []))
        # "the US base in Germany": a country before these nouns owns the place, it is not the place
        self.owned_nouns = set(d.get("owned_nouns", []))
        # "approached Ukraine": a verb of going whose place is not reached, so no next leg starts there
        self.unreached_words = set(d.get("unreached_words", []))
        self.place_heads = ph("place_heads")
        # where nouns compound ("Mittelmeerinsel"), a word ending in a place noun is one too
        self.compound_heads = tuple(sorted((w for w in d.get("place_heads", []) if " " not in w and len(w) >= 4),
                                           key=len, reverse=True)) if d.get("compound_place_heads") else ()
        self.partitives = set(d.get("partitives", []))
        # words for any load ("the cargo", "the shipment") and the kinds of mover they can name again
        self.cargo_words, self.cargo_kinds = set(d.get("cargo_words", [])), set(d.get("cargo_kinds", []))
        self.not_contexts = ph("not_movement_contexts")
        self.means_words, self.contents_words = ph("means_words"), ph("contents_words")
        self.offshore = ph("offshore") if d.get("offshore") else None  # "au large de": off the coast of
        self.anaphors = (Anaphors(d["anaphors"], d.get("anaphor_not_before", []), d.get("anaphor_largest", []),
                                  bool(d.get("anaphor_any_case")), d.get("anaphor_bare_after", []),
                                  d.get("anaphor_topic_not_after", []),
                                  d.get("prepositions", {}).get("origin", []))
                         if d.get("anaphors") else None)
        self.determiners = set(d.get("determiners", []))
        self.active_aux, self.passive_aux = set(d.get("active_aux", [])), set(d.get("passive_aux", []))
        self.any_aux = self.active_aux | self.passive_aux
        self.passive_prefixes = tuple(d.get("passive_prefixes", []))
        # a form that is active after a passive auxiliary: "is sending" (progressive), not "is sent"
        self.progressive_suffixes = tuple(d.get("progressive_suffixes", []))
        self.pronouns = set(d.get("pronouns", []))
        self.pair_not_route = set(d.get("pair_not_route", []))
        self.complementizers = set(d.get("complementizers", []))
        self.head_last = d.get("noun_phrase_head", "last") == "last"
        self.genitive_origin = bool(d.get("genitive_origin"))
        self.guessed_origin_yields = bool(d.get("guessed_origin_yields"))
        self.apposition_words = set(d.get("apposition_words", []))
        self.name_particles = set(d.get("name_particles", []))
        self.list_openers = ph("list_openers")
        self.until_words = ph("until_words")
        self.route_nouns = ph("route_nouns")
        self.hub_heads = ph("hub_heads")
        self.demonym_suffixes = tuple(d.get("demonym_suffixes", []))
        self.noun_suffixes = tuple(d.get("noun_suffixes", []))
        self.negation_prefixes = tuple(d.get("negation_prefixes", []))
        self.pro_drop = bool(d.get("pro_drop"))
        # only this much of pro_drop: a verb with no subject goes on with the group told before ("Ahora ponen rumbo
        # a España"); a named group is not taken for that one by its kind
        self.dropped_subject = bool(d.get("dropped_subject"))
        self.whence_words = set(d.get("whence_words", []))
        self.time_nouns = set(d.get("time_nouns", []))
        # "une jungle qui sépare la Colombie du Panama": what a crossing goes through lies between two places
        self.separates = ph("separates")
        self.with_preps, self.with_heads = set(d.get("with_prepositions", [])), set(d.get("with_heads", []))
        # "to the border with Colombia" goes to Colombia (not "w kierunku granicy z Polską" in the Polish data)
        self.with_goal_heads = set(d.get("with_goal_heads", []))
        # "At a border police base by the Chucunaque River, 13 Bangladeshis disembarked": an opening place phrase
        # may name its place after a word of nearness that stops the locative walk
        self.fronted_near = set(d.get("fronted_near", []))
        self.demonym_origin = bool(d.get("demonym_origin"))
        self.of_preps = set(d.get("of_prepositions", []))
        self.of_heads = set(d.get("of_heads", []))
        self.owner_heads = set(d.get("owner_heads", []))
        # only names are capitalised mid-sentence (not German nouns): "de" after one is part of the name
        self.names_capitalised = bool(d.get("names_capitalised"))
        self.elisions = set(d.get("elisions", []))
        self.dest_before_verb = bool(d.get("destination_before_verb"))
        # a place right before a verb is that verb's subject, no member of the list before it ("sent 500 troops to
        # Lithuania and Poland sent 300"); not where verbs close their clause ("nach Litauen und Polen verlegt")
        self.subject_ends_list = bool(d.get("subject_ends_list"))
        self.presence_origin = bool(d.get("presence_origin"))
        # the negation follows the verb ("fahren nicht mehr durch den Suezkanal", "wurde nicht genehmigt")
        self.negation_in_clause = bool(d.get("negation_in_clause"))
        # "Мигранты не были высланы в X, опровергли в МВД": a negated trip that a source after the comma
        # denies is a denial to report, not a trip that never was told
        self.denied_after_comma = bool(d.get("denied_after_comma"))
        # "Цены на пшеницу": after a ``not_movement_contexts`` word and one of these, a load is what is
        # priced or talked of, no mover
        self.context_prepositions = set(d.get("context_prepositions", []))
        a = d.get("attribution", {})
        self.src_before, self.src_after, self.according = ph("source_before", a), ph("source_after", a), ph("according", a)
        self.impersonal, self.media, self.statement_nouns = ph("impersonal", a), ph("media_words", a), ph("statement_nouns", a)
        self.extensions = ph("extensions", a)
        self.reported_verbs = set(a.get("reported_verbs", []))
        self.quote_words = set(a.get("quote_words", []))
        self.statement_by = set(a.get("statement_by", []))
        self.statement_direct = bool(a.get("statement_direct"))
        self.source_after_inverted = bool(a.get("source_after_inverted"))
        self.source_strip = set(a.get("source_strip", []))
        self.source_stops = set(a.get("source_stops", []))
        # "Evacuees ... have told of their relief": a saying verb with its topic after it reports nothing said
        self.topic_after = set(a.get("topic_after", []))
        self.generic_dets, self.generic_sources = set(a.get("generic_determiners", [])), ph("generic_sources", a)
        n = d.get("numbers", {})
        self.decimal, self.thousands = n.get("decimal", "."), n.get("thousands", ",")
        self.space_thousands = bool(n.get("space_thousands"))
        self.number_words = Phrases(n.get("words", {}).items())
        self.vague = ph("vague", n)
        # words before a count that belong to it ("más de", "rund"); where listed, a mover's phrase opens there
        self.before_count = frozenset(n["before_count"]) if "before_count" in n else None
        self.scales = Phrases(n.get("scales", {}).items())
        t = d.get("dates", {})
        self.months, self.weekdays = t.get("months", {}), t.get("weekdays", {})
        self.month_cues, self.weekday_cues = set(t.get("month_cues", [])), set(t.get("weekday_cues", []))
        self.day_or_month_cues = self.weekday_cues | self.month_cues
        self.weekday_needs_cue = bool(t.get("weekday_needs_cue", True))
        self.relative = Phrases(t.get("relative", {}).items())
        self.since, self.last_year = ph("since", t), ph("last_year", t)
        self._gate: tuple[dict, frozenset, frozenset] | None = None

    def may_tell(self, sentence: str) -> bool:
        """Can Sentence.events find anything in this sentence (or learn its source from it)? Only where
        a trigger, a mover noun (a headline: "5,000 troops to Niger") or an attribution phrase occurs,
        so only where every word of such a phrase is among the sentence's words. One C-level pass
        lists the words; set look-ups decide, starting from each phrase's rarest word. The words
        are a superset of the tokens events.tokens.tokenize reads (each word whole, cut at its
        hyphens and apostrophes, and re-joined with an elision's apostrophe), so a sentence that
        could tell something is never passed over; a false "maybe" only costs the full reading."""
        if self.morphology:
            return True  # phrases listed as lemmas meet forms the sentence's words do not show
        if self._gate is None:  # built on first use: a run without events never pays for it
            from ..gazetteer import zipf

            by_key: dict[str, list[tuple[str, ...]]] = {}
            for ph in (self.triggers, self.what, self.according, self.src_after, self.impersonal, self.src_before):
                for words in ph.phrases():
                    key = min(words, key=lambda w: (zipf(w, self.lang), -len(w)))
                    by_key.setdefault(key, []).append(words)
            elided = frozenset(w[:-1] for ws in by_key.values() for words in ws for w in words if w.endswith("'"))
            self._gate = (by_key, frozenset(by_key), elided)
        by_key, keys, elided = self._gate
        low = sentence.lower().replace("’", "'")
        words = set(WORD.findall(low))
        if "-" in low or "'" in low:  # else no word holds either
            extra = []
            for w in words:
                if "-" in w or "'" in w:
                    head, apo, rest = w.partition("'")
                    extra += (w.split("-", 1)[0], head + apo, rest)
            words.update(extra)
        words.update([w + "'" for w in elided.intersection(words)])  # "l" "'": one token "l'"
        return any(all(w in words for w in phrase) for key in keys & words for phrase in by_key[key])

    def lemma(self, word: str) -> str:
        """The form of ``word`` (as written) the data file lists, lower case: one of its lemmas the data
        lists ("прибыли" -> "прибыть", not the likelier "прибыль"; "granicy" -> "granica", which the
        "with" heads list, though "granicy" is listed as a place noun), else the word itself if listed
        (a form listed to match only itself), else the analyser's likeliest lemma. Without a morphology
        library, or for a word that is not all letters, the word itself."""
        hit = self._lemmas.get(word)
        if hit is None:
            low = word.lower()
            if self.morphology is None or not low.replace("'", "").isalpha():
                hit = low
            else:
                from ..lang.morph import analyser

                lems = [x.lower() for x in analyser(self.lang, *self.morphology).lemmas(word)]
                fallback = low if low in self._vocab or not lems else lems[0]
                hit = next((x for x in lems if x in self._vocab), fallback)
            if len(self._lemmas) > 100_000:
                self._lemmas.clear()
            self._lemmas[word] = hit
        return hit

    def cases(self, word: str) -> frozenset:
        """The grammatical cases ``word`` may be in (empty without a library that tells them)."""
        if not self.morphology or not word.isalpha():
            return frozenset()
        from ..lang.morph import analyser

        an = analyser(self.lang, *self.morphology)
        return an.cases(word) if hasattr(an, "cases") else frozenset()


def _words(d) -> list[str]:
    """Every lower-case word a data file lists, in keys and values alike."""
    if isinstance(d, str):
        return d.lower().split()
    if isinstance(d, dict):
        return [w for k, v in d.items() if k not in ("name", "notes") for w in _words(k) + _words(v)]
    if isinstance(d, list):
        return [w for v in d for w in _words(v)]
    return []


def load_cues(lang: str | None, data_dir: Path | None = None) -> Cues | None:
    """The cue words for ``lang`` ('en', 'id', 'en-GB' ...), or None if there is no file for it."""
    if not lang:
        return None
    code = lang.lower().replace("_", "-").split("-")[0]
    return _load_cues(code, str(data_dir or DATA_DIR))


@lru_cache(maxsize=16)
def _load_cues(code: str, data_dir: str) -> Cues | None:
    path = Path(data_dir) / f"{code}.json"
    if not path.is_file():
        return None
    return Cues(code, json.loads(path.read_text("utf-8")))
