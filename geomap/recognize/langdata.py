"""A language's recognition data (geomap/data/lang/<lang>.json) as one frozen record."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import gazetteer as gz


@dataclass(frozen=True)
class Lang:
    code: str
    function_words: frozenset
    connectors: frozenset
    place_cues_before: frozenset
    kind_cues_before: dict
    kind_cues_after: dict
    not_places: frozenset  # folded
    name_titles: frozenset
    org_heads: frozenset
    # Lower-case everyday words and their Zipf frequency; None: ask wordfreq. A word
    # absent from the table is only ever a name ("Texas"), however often it is written.
    common: dict | None = None
    given_names: frozenset = frozenset()
    # Nouns are written as compounds ("Küstenstadt", "Mittelmeerinsel"): a capitalised word
    # that ends in an everyday word is a noun, no part of a person's name before a place.
    compound_nouns: bool = False
    # Words after which a capitalised word is a place whatever else it may be ("in
    # Reading", "di Surabaya"): a subset of place_cues_before without "to", "from" or
    # "of", which precede people as often.
    locative_cues: frozenset = frozenset()
    # An office named by the place it governs, right before the name ("Wali Kota
    # Bandung", "Bupati Sleman"): the name is that place, not a person under a title.
    office_before: re.Pattern | None = None
    # Countries whose news is written in this language. Without a case-aware table of
    # everyday words, wordfreq's counts of a town's name include the name itself: in
    # Indonesian "sukabumi" and "bogor" rank as common as everyday words do.
    home_countries: frozenset = frozenset()
    # The owner follows its head noun ("menteri luar negeri Korea Utara Choe Son Hui",
    # "Pusat Disinformasi Ukraina Andriy Kovalenko"): a country's name among capitalised
    # words is the office's country, not a word of a person's or body's name.
    owner_after_head: bool = False
    # Capitalised directions that modify the next name ("South Florida"): a match of
    # one of these right before another name is no place of its own.
    direction_words: frozenset = frozenset()
    # A word that ends a place's longer name but, before another capitalised word,
    # starts an organisation's ("State" in "Kentucky State Police").
    org_links: frozenset = frozenset()
    # Words that open an organisation's name before a place's ("United Russia",
    # "Real Madrid", "AC Milan").
    org_prefixes: frozenset = frozenset()
    # Organisation heads that, after a country's or state's name, make a body of that
    # country or state ("Ohio Senate", "Florida Highway Patrol"): the place stays.
    state_bodies: frozenset = frozenset()
    speech_verbs: frozenset = frozenset()
    # Lemmas heading an organisation's name that ends on a country in the genitive, in an
    # inflected language ("Служба безпеки України", "Пограничная служба Польши",
    # "Минобороны РФ"): the country there is part of the body's name, not a place named.
    org_heads_before: frozenset = frozenset()
    unit_heads: dict = field(default_factory=dict)
    # "X is a town in Y", "X, a village near Y": the text between two names that
    # places the first inside (or close to) the second. None: no such cues.
    within_gap: re.Pattern | None = None
    near_gap: re.Pattern | None = None
    # ... and one of these words must say it is about a place ("town", "located").
    within_words: frozenset = frozenset()
    within_kinds: dict = field(default_factory=dict)  # "is a town in": the first name is a city
    # Words between an apposition's opener and its place word that end the clause: "After
    # unloading in Rajin, the ship returned to the port of Dunai" says nothing of where
    # Rajin lies.
    clause_breakers: frozenset = frozenset()
    # A ship's name is no place: "MV X", "HMS X" (prefixes), "the cargo ship the Angara",
    # "kapal Angara" (a vessel word right before), "the Angara, a Russian cargo ship" (after).
    vessel_prefixes: frozenset = frozenset()
    vessel_before: re.Pattern | None = None
    vessel_after: re.Pattern | None = None
    # What the word before a name (or before the "the", "called" ... right before it) must end with
    # for vessel_before to match there: each vessel word's last word, lower case; None: the words are
    # not all ASCII and vessel_before always runs.
    vessel_tails: tuple | None = None
    # Lower-case nouns that end a feature's name when the gazetteer knows the whole
    # ("the Kerem Shalom crossing", "the Cox's Bazar camps").
    feature_nouns: frozenset = frozenset()
    # Capitalised words after a people's name that make an event of it ("the Korean War",
    # "the American Revolution"); a place's own name keeps its place ("the Vietnam War").
    event_heads: frozenset = frozenset()
    # Unit and feature words that open a name but stay outside the mention ("Kabupaten
    # Cianjur", "Pelabuhan Merak" -> "Cianjur", "Merak"): the match's place is kept, the
    # span starts after the word, when the rest is a name of its own or the place is a port.
    outside_prefixes: frozenset = frozenset()
    # (library, the library's code for the language, script, data) for an inflected
    # language: names are also read through their lemmas (geomap/lang/inflect.py).
    morphology: tuple | None = None
    # kind_cues_before by number of words: ((n, {cue: (its place in kind_cues_before, kind)}), ...),
    # so a rule joins the words before a name once per length, not once per cue.
    kind_cue_tails: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        by_len: dict[int, dict] = {}
        for i, (cue, kind) in enumerate(self.kind_cues_before.items()):
            by_len.setdefault(len(cue.split()), {})[cue] = (i, kind)
        object.__setattr__(self, "kind_cue_tails", tuple(by_len.items()))


@lru_cache(maxsize=None)
def available_languages() -> tuple[str, ...]:
    from ..lang import available

    return available()


@lru_cache(maxsize=None)
def language(code: str) -> Lang:
    """A language's recognition data. A code geomap has no file for (a text detected as
    Italian, say) gets the language-neutral reading: see _neutral."""
    from ..lang import load_data, plausible

    if code not in available_languages():
        if not plausible(code):
            raise ValueError(f"unsupported language {code!r}; geomap reads {', '.join(available_languages())}")
        return _neutral(code)
    return _lang_from_data(code, load_data(code))


def _lang_from_data(code: str, d: dict) -> Lang:
    from ..lang import load_data

    m = d.get("morphology")
    return Lang(
        code=code,
        function_words=frozenset(d["function_words"]),
        connectors=frozenset(d["connectors"]),
        place_cues_before=frozenset(d["place_cues_before"]),
        kind_cues_before=d["kind_cues_before"],
        kind_cues_after=d["kind_cues_after"],
        not_places=frozenset(gz.fold(w) for w in (*d["not_places"], *d.get("months", ()), *d.get("weekdays", ()))),
        name_titles=frozenset(d["name_titles"]),
        org_heads=frozenset(d["org_heads"]),
        common=({w: float(z) for z, ws in d["common_words"].items() for w in ws.split()}
                if "common_words" in d else None),
        compound_nouns=bool(d.get("compound_nouns")),
        given_names=frozenset(d.get("given_names", ())).union(
            *(load_data(c).get("given_names", ()) for c in d.get("given_names_also", ()))),
        locative_cues=frozenset(d.get("locative_cues", ())),
        home_countries=frozenset(d.get("home_countries", ())),
        owner_after_head=bool(d.get("owner_after_head")),
        direction_words=frozenset(d.get("direction_words", ())),
        org_links=frozenset(d.get("org_links", ())),
        org_prefixes=frozenset(d.get("org_prefixes", ())),
        state_bodies=frozenset(d.get("state_bodies", ())),
        org_heads_before=frozenset(d.get("org_heads_before", ())),
        office_before=re.compile(rf"(?:^|[^\w])(?:{_words_re(d['offices_of_places'])})\s$")
        if d.get("offices_of_places") else None,
        speech_verbs=frozenset(d.get("speech_verbs", ())),
        unit_heads=d.get("unit_heads", {}),
        within_gap=_gap_pattern(d.get("within"), "ends"),
        near_gap=_gap_pattern(d.get("within"), "near_ends"),
        within_words=frozenset(d.get("within", {}).get("place_words", ())),
        within_kinds=d.get("within", {}).get("kind_words", {}),
        clause_breakers=frozenset(d.get("clause_breakers", ())),
        vessel_prefixes=frozenset(d.get("vessel_prefixes", ())),
        vessel_before=re.compile(rf"(?:^|[^\w])(?:{_words_re(d['vessel_words'])}),?\s+(?:(?:{_VESSEL_LINKS_RE})\s+)?$",
                                 re.IGNORECASE) if d.get("vessel_words") else None,
        vessel_after=re.compile(rf",\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{_words_re(d['vessel_words'])})\b",
                                re.IGNORECASE) if d.get("vessel_words") else None,
        vessel_tails=_vessel_tails(d.get("vessel_words", ())),
        feature_nouns=frozenset(d.get("feature_nouns", ())),
        event_heads=frozenset(d.get("event_heads", ())),
        outside_prefixes=frozenset(d.get("outside_prefixes", ())),
        morphology=(m["library"], m.get("code") or code, d.get("script", "latin"), d) if m else None,
    )


def _neutral(code: str) -> Lang:
    """For a text in a language geomap has no data for: every known language's stop
    lists at once, and a word counts as everyday if it is one in any of them, so a
    gazetteer name is kept only where it cannot be an everyday word of a known
    language ("Les", "Este", "Pero" never become places)."""
    from ..lang import load_data

    merged: dict = {"function_words": set(), "connectors": set(), "place_cues_before": set(), "not_places": set(),
                    "name_titles": set(), "org_heads": set(), "given_names": set(), "speech_verbs": set(),
                    "locative_cues": set(), "direction_words": set(), "org_prefixes": set()}
    common: dict[str, float] = {}
    for c in available_languages():
        d = load_data(c)
        for k, acc in merged.items():
            acc.update(d.get(k, ()))
        table = d.get("common_words")
        if table:
            for z, ws in table.items():
                for w in ws.split():
                    if float(z) > common.get(w, 0.0):
                        common[w] = float(z)
    d = {k: sorted(v) for k, v in merged.items()}
    d.update(kind_cues_before={}, kind_cues_after={})
    L = _lang_from_data(code, d)
    return dataclasses.replace(L, common=common)


# The words vessel_before lets stand between a vessel word and the name.
_VESSEL_LINKS = ("the", "called", "named", "bernama")
_VESSEL_LINKS_RE = "|".join(_VESSEL_LINKS)


def _vessel_tails(words) -> tuple | None:
    tails = tuple(sorted({w.split()[-1].lower() for w in words if w.split()}))
    return tails if all(t.isascii() for t in tails) else None


def _words_re(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _gap_pattern(d: dict | None, ends_key: str) -> re.Pattern | None:
    """The text between two names that says the first lies in (or near) the second.

    It opens with a verb of being or lying ("is", "lies", "located") or an apposition
    ("X, a town in Y"), runs through one clause (see _words_ok), and ends
    with a preposition of containment ("in", "of") or nearness ("near", "north of"),
    optionally followed by an article and a direction word ("in western ...").
    """
    if not d or not d.get(ends_key):
        return None
    opener = _words_re(d["openers"])
    ends = _words_re(d[ends_key])
    tail = _words_re(d.get("tail_words", ()))
    return re.compile(
        r"\s*(?:\([^()\n]{0,120}\)\s*)?,?\s*(?:" + opener + r")\b"
        r"(?:[^\W\d_]|[\s,\-'’\d]|\([^()\n]{0,120}\))*?\b(?:" + ends + r")\s+"
        r"(?:(?:" + tail + r")\s+){0,2}", re.IGNORECASE | re.UNICODE)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language (see geomap/lang/detect.py); it may
    be one geomap has no data for, which language() reads language-neutrally."""
    from ..lang.detect import detect

    return detect(text)
