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
        def ph(key: str, src: dict = d) -> Phrases:
            return Phrases((w, True) for w in src.get(key, []))

        self.triggers = Phrases()
        # Separable verbs ("kamen ... an", "reisten ... aus"): a two-word trigger whose second word is one of
        # these particles is also read when the particle closes the clause further on (see FrameRules._triggers)
        self.split_particles = frozenset(d.get("split_particles", []))
        self.split_triggers: dict[tuple[str, str], dict] = {}
        for group in d.get("triggers", []):
            spec = {"kind": group["kind"], "flags": frozenset(group.get("flags", ())), "what": group.get("what")}
            for w in group["words"]:
                self.triggers.add(w, spec)
                parts = w.lower().split()
                if len(parts) == 2 and parts[1] in self.split_particles:
                    self.split_triggers.setdefault((parts[0], parts[1]), spec)
        # Inflected languages list trigger lemmas; a word matches through its lemma ("landeten" -> "landen")
        m = d.get("morphology")
        self.morphology = (m["library"], m.get("code") or lang) if m else None
        self.preps = Phrases((w, role) for role, words in d.get("prepositions", {}).items() for w in words)
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
        # where nouns compound ("Mittelmeerinsel"), a word ending in a place noun is one too
        self.compound_heads = tuple(sorted((w for w in d.get("place_heads", []) if " " not in w and len(w) >= 4),
                                           key=len, reverse=True)) if d.get("compound_place_heads") else ()
        self.partitives = set(d.get("partitives", []))
        self.not_contexts = ph("not_movement_contexts")
        self.means_words, self.contents_words = ph("means_words"), ph("contents_words")
        self.offshore = ph("offshore") if d.get("offshore") else None  # "au large de": off the coast of
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
        # the negation follows the verb ("fahren nicht mehr durch den Suezkanal", "wurde nicht genehmigt")
        self.negation_in_clause = bool(d.get("negation_in_clause"))
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


def lemma_keys(cues: Cues, toks) -> list[str]:
    """Each token's lower-case form, or its lemma where only the lemma starts a trigger: the trigger
    tables of an inflected language then need each verb once, not every form of it."""
    lows = [t.low for t in toks]
    if cues.morphology is None:
        return lows
    from ..lang import morph  # morphology libraries load only for languages that name one

    try:
        lib = morph.analyser(cues.lang, *cues.morphology)
    except ImportError:
        return lows
    keys = list(lows)
    first = cues.triggers._first
    for k, t in enumerate(toks):
        if t.rp is not None or t.is_num or lows[k] in first or not t.alpha:
            continue
        for lem in lib.lemmas(t.text):
            low = lem.lower()
            if low != lows[k] and low in first:
                keys[k] = low
                break
    return keys
