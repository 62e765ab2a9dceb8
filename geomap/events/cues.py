"""Loading one language's cue words (data/events/<lang>.json) into fast phrase tables."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .anaphora import Anaphors

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

    def match(self, lows: list[str], i: int) -> tuple[int, object] | None:
        for words, value in self._first.get(lows[i], ()):
            n = len(words)
            if tuple(lows[i:i + n]) == words:
                return n, value
        return None

    def scan(self, lows: list[str], a: int = 0, b: int | None = None) -> list[tuple[int, int, object]]:
        b = len(lows) if b is None else b
        out, i = [], a
        while i < b:
            m = self.match(lows, i)
            if m and i + m[0] <= b:
                out.append((i, m[0], m[1]))
                i += m[0]
            else:
                i += 1
        return out

    def __contains__(self, low: str) -> bool:  # single-word membership
        return any(len(w) == 1 for w, _ in self._first.get(low, ()))


class Cues:
    """One language's cue words, compiled from its JSON file (keys are described there and in the module doc)."""

    def __init__(self, lang: str, d: dict):
        self.lang = lang
        # An inflected language names its morphology library: every word is then read as its lemma
        # ("прибыли" -> "прибыть", "марта" -> "март"), so the data lists lemmas and every form counts.
        self.morphology = d.get("morphology")
        self._vocab = frozenset(_words(d)) if self.morphology else frozenset()
        self._lemmas: dict[str, str] = {}
        # A preposition whose role is told by the case of the word after it: Russian "в Москву"
        # (accusative) goes there, "в Москве" (locative) is there; "с Украиной" (instrumental) is "with".
        self.case_roles = {p.lower(): dict(v) for p, v in d.get("case_prepositions", {}).items()}
        def ph(key: str, src: dict = d) -> Phrases:
            return Phrases((w, True) for w in src.get(key, []))

        self.triggers = Phrases()
        for group in d.get("triggers", []):
            spec = {"kind": group["kind"], "flags": frozenset(group.get("flags", ())), "what": group.get("what")}
            for w in group["words"]:
                self.triggers.add(w, spec)
        self.preps = Phrases((w, role) for role, words in d.get("prepositions", {}).items() for w in words)
        for w in self.case_roles:
            self.preps.add(w, "by_case")
        self.what = Phrases((w, cat) for cat, words in d.get("what", {}).items() for w in words)
        self.hedges = Phrases((w, level) for level, words in d.get("hedges", {}).items() for w in words)
        self.incident_kinds = [(kind, Phrases((w, True) for w in words)) for kind, words in d.get("incident_kinds", [])]
        self.incident_default = d.get("incident_default", "attack")
        self.casualty = ph("casualty_words")
        self.coord, self.walk_stops, self.clause_linkers = ph("coordination"), ph("walk_stops"), ph("clause_linkers")
        # single-word coordinators ("and", ","); phrases ("as well as") are matched with coord.scan
        self.coord_words = {w for w in d.get("coordination", []) if " " not in w}
        self.after_words, self.where_words, self.departure_dest = ph("after_words"), ph("where_words"), ph("departure_destination")
        self.subject_gap, self.negation, self.conditionals = ph("subject_gap"), ph("negation"), ph("conditionals")
        self.purpose, self.not_movers, self.before_words = ph("purpose"), ph("not_movers"), ph("before_words")
        self.place_modifiers, self.place_nouns = set(d.get("place_modifiers", [])), set(d.get("place_nouns", []))
        self.people_of = set(d.get("people_of", []))
        self.flag_words = set(d.get("flag_words", []))
        self.attributive = set(d.get("attributive_nouns", []))
        self.relative_words, self.cancel_words = set(d.get("relative_words", [])), ph("cancel_words")
        self.abstract_moves, self.there_words = set(d.get("abstract_before_infinitive", [])), ph("there_words")
        self.escape_verbs = ph("escape_verbs")
        self.held_words = set(d.get("held_words", []))
        self.distance_units = set(d.get("distance_units", []))
        self.place_heads = ph("place_heads")
        self.partitives = set(d.get("partitives", []))
        self.not_contexts = ph("not_movement_contexts")
        self.means_words, self.contents_words = ph("means_words"), ph("contents_words")
        self.anaphors = (Anaphors(d["anaphors"], d.get("anaphor_not_before", []), d.get("anaphor_largest", []),
                                  bool(d.get("anaphor_any_case")))
                         if d.get("anaphors") else None)
        self.determiners = set(d.get("determiners", []))
        self.active_aux, self.passive_aux = set(d.get("active_aux", [])), set(d.get("passive_aux", []))
        self.any_aux = self.active_aux | self.passive_aux
        self.passive_prefixes = tuple(d.get("passive_prefixes", []))
        self.pronouns = set(d.get("pronouns", []))
        self.pair_not_route = set(d.get("pair_not_route", []))
        self.complementizers = set(d.get("complementizers", []))
        self.head_last = d.get("noun_phrase_head", "last") == "last"
        self.genitive_origin = bool(d.get("genitive_origin"))
        self.demonym_suffixes = tuple(d.get("demonym_suffixes", []))
        self.noun_suffixes = tuple(d.get("noun_suffixes", []))
        self.demonym_origin = bool(d.get("demonym_origin"))
        self.of_preps = set(d.get("of_prepositions", []))
        self.of_heads = set(d.get("of_heads", []))
        self.elisions = set(d.get("elisions", []))
        self.dest_before_verb = bool(d.get("destination_before_verb"))
        self.presence_origin = bool(d.get("presence_origin"))
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
        self.generic_dets, self.generic_sources = set(a.get("generic_determiners", [])), ph("generic_sources", a)
        n = d.get("numbers", {})
        self.decimal, self.thousands = n.get("decimal", "."), n.get("thousands", ",")
        self.number_words = Phrases(n.get("words", {}).items())
        self.vague = ph("vague", n)
        self.scales = Phrases(n.get("scales", {}).items())
        t = d.get("dates", {})
        self.months, self.weekdays = t.get("months", {}), t.get("weekdays", {})
        self.month_cues, self.weekday_cues = set(t.get("month_cues", [])), set(t.get("weekday_cues", []))
        self.day_or_month_cues = self.weekday_cues | self.month_cues
        self.weekday_needs_cue = bool(t.get("weekday_needs_cue", True))
        self.relative = Phrases(t.get("relative", {}).items())
        self.since, self.last_year = ph("since", t), ph("last_year", t)


    def lemma(self, low: str) -> str:
        """The form a data file lists for word ``low``: the word itself if listed, else its lemma the data
        knows (the analyser's likeliest otherwise). Without a morphology library, the word itself."""
        if not self.morphology or not low.replace("'", "").isalpha():
            return low
        hit = self._lemmas.get(low)
        if hit is None:
            if low in self._vocab:
                hit = low
            else:
                from ..lang.morph import analyser

                lems = [x.lower() for x in analyser(self.lang, self.morphology).lemmas(low)]
                hit = next((x for x in lems if x in self._vocab), lems[0] if lems else low)
            self._lemmas[low] = hit
            if len(self._lemmas) > 100_000:
                self._lemmas.clear()
        return hit

    def cases(self, word: str) -> frozenset:
        """The grammatical cases ``word`` may be in (empty without a library that tells them)."""
        if not self.morphology or not word.isalpha():
            return frozenset()
        from ..lang.morph import analyser

        an = analyser(self.lang, self.morphology)
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
