"""Find place mentions in text: character spans that name a gazetteer entry.

The gazetteer itself is the recogniser: capitalised token runs are looked up in its
name trie (longest match first), then filtered by language data (stop lists, titles,
organisation heads, cue words in geomap/data/lang/<lang>.json) and by the shape of the
text around them: a place name glued to an unknown capitalised word is part of a
person's or an organisation's name ("Vladimir Putin", "Washington Post"). Unknown
capitalised words may be misspelt places ("Usurisk") and get a guarded fuzzy lookup.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
import weakref
from dataclasses import dataclass, field
from functools import lru_cache

from . import gazetteer as gz

MAX_TOKENS = 6
# Words, with inner hyphens/apostrophes ("Stratford-upon-Avon", "Côte d'Ivoire"),
# and dotted abbreviations ("U.S.", "D.C.", "Kan.") kept whole.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w]*(?:['’\-][\w]+)*\.?|\d[\w]*", re.UNICODE)


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


@lru_cache(maxsize=None)
def available_languages() -> tuple[str, ...]:
    from .lang import available

    return available()


@lru_cache(maxsize=None)
def language(code: str) -> Lang:
    """A language's recognition data. A code geomap has no file for (a text detected as
    Italian, say) gets the language-neutral reading: see _neutral."""
    from .lang import load_data, plausible

    if code not in available_languages():
        if not plausible(code):
            raise ValueError(f"unsupported language {code!r}; geomap reads {', '.join(available_languages())}")
        return _neutral(code)
    return _lang_from_data(code, load_data(code))


def _lang_from_data(code: str, d: dict) -> Lang:
    from .lang import load_data

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
        vessel_before=re.compile(rf"(?:^|[^\w])(?:{_words_re(d['vessel_words'])}),?\s+(?:(?:the|called|named|bernama)\s+)?$",
                                 re.IGNORECASE) if d.get("vessel_words") else None,
        vessel_after=re.compile(rf",\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{_words_re(d['vessel_words'])})\b",
                                re.IGNORECASE) if d.get("vessel_words") else None,
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
    from .lang import load_data

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
    from .lang.detect import detect

    return detect(text)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # folded
    cap: bool  # starts with an upper-case letter
    sent_start: bool


@dataclass
class Span:
    """A recognised mention before resolution."""

    start: int
    end: int
    text: str
    key: str
    candidates: list = field(default_factory=list)  # gz.Candidate
    fuzzy: bool = False
    acronym: bool = False
    kind_hint: str | None = None
    cue: bool = False  # a place cue word stands before it
    tok_start: int = 0
    tok_end: int = 0
    # How this mention relates to the next one: "," ("Paris, Texas"), "in" ("X is a
    # town in Y"), "near" ("X, a village near Y"), or "" (nothing said).
    link_next: str = ""
    link_to: int = -1  # start offset of that next mention (one in brackets is skipped)
    dateline: bool = False  # in a wire dateline: where the story was filed

    @property
    def demonym(self) -> bool:
        return bool(self.candidates) and all(c.match == gz.MATCH_DEMONYM for c in self.candidates)


_ABBREV = re.compile(r"(?:[^\W\d_]\.){2,}")
# An Arabic article glued to a capitalised name inside a place's name ("Bab el-Mandeb",
# "Ras al-Khaimah"): it continues and may end the name.
_ARTICLE_NAME = re.compile(r"[ae][lnrstdz]h?-[^\W\d_]")
# An airline's code and a flight number ("GA 991", "MH 17"): no place.
_FLIGHT_NUMBER = re.compile(r"[ -]?\d{1,4}\b")
_POSSESSIVE = ("'s", "’s", "'S", "’S")
_BREAK_BEFORE = re.compile(r"[.!?…]['\"”’)]*\s+['\"“‘(]*$")
# "We're", "I’ll", "Don't": a pronoun or verb with a clitic, never a name.
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|d|m|t)$", re.IGNORECASE)
# "D-Charleston", "R-Elbow Lake": a US party letter glued to a legislator's home town.
_PARTY = re.compile(r"[DRI]-(?=[^\W\d_])")


def tokenize(text: str) -> list[Token]:
    """Every word as a Token; Extractor.find reads a thinned version of this list."""
    toks: list[Token] = []
    last = None
    for m in _TOKEN.finditer(text):
        toks.extend(_full_tokens(text, m, last))
        last = m
    return toks


_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")
# gz.fold, remembered: the same capitalised words come back in every text.
_fold = lru_cache(maxsize=200_000)(gz.fold)


def _plain_token(text: str, m: re.Match) -> Token:
    """The Token tokenize() makes of a word that starts with an ASCII lower-case letter."""
    s, e = m.span()
    t = m.group()
    if t[-1] == "." and not _ABBREV.fullmatch(t):
        t, e = t[:-1], e - 1
    return Token(s, e, t, t.lower(), False, False)


def _find_tokens(text: str, connectors: frozenset) -> list[Token]:
    """The tokens Extractor.find looks at: what tokenize() returns, less the plain
    lower-case words that touch nothing of interest.

    Most words of running text are lower-case and can neither start nor continue a
    name; building a Token for each cost a quarter of the extraction time. find() only
    ever steps from an interesting token (capitalised, all-caps, or a connector such as
    "of" right after one, which may continue a name: "Isle of Man") to its immediate
    neighbours, so keeping those tokens and the words right before and after them gives
    it the same neighbours as the full list: the token indices differ, nothing else does.
    A connector after a plain word ("the" in "to the") is itself a plain word.
    """
    toks: list[Token] = []
    append = toks.append
    last = None  # the previous match, kept or not: its end says whether a sentence ends
    pending = None  # the previous word when plain and not yet kept (a Match or a Token)
    want_next = False  # the previous token is interesting, so this one is its neighbour
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t[0] in _LOWER_ASCII:
            # Lower-case first letter: never capitalised nor all-caps; only a connector
            # after an interesting token matters in itself (no connector holds a period).
            if not want_next or (t[:-1].lower() if t[-1] == "." else t.lower()) not in connectors:
                if want_next:
                    append(_plain_token(text, m))
                    want_next = False
                    pending = None
                else:
                    pending = m
                last = m
                continue
            made = (_plain_token(text, m),)
        else:
            made = _full_tokens(text, m, last)
        last = m
        for tok in made:
            if tok.cap or tok.text.isupper() or (want_next and tok.key in connectors):
                if pending is not None:
                    append(pending if type(pending) is Token else _plain_token(text, pending))
                    pending = None
                append(tok)
                want_next = True
            elif want_next:
                append(tok)
                want_next = False
            else:
                pending = tok
    return toks


def _full_tokens(text: str, m: re.Match, last: re.Match | None) -> tuple:
    """tokenize()'s reading of one match, given the match before it (None: first)."""
    s, e = m.span()
    t = m.group()
    if t[-1] == "." and not _ABBREV.fullmatch(t):
        t, e = t[:-1], e - 1
    cap = t[:1].isupper()
    if cap and t[1:2] == "-" and _PARTY.match(t):
        s += 2
        t = t[2:]
    elif cap and ("'" in t or "’" in t) and _CONTRACTION.search(t):
        cap = False
    if not cap:
        return (Token(s, e, t, t.lower(), False, False),)
    if last is None:
        sent_start = True
    else:
        prev_end = last.end()
        if text[prev_end - 1] == "." and not _ABBREV.fullmatch(last.group()):
            prev_end -= 1
        sent_start = _is_sentence_break(text, prev_end, s)
    if len(t) > 3 and t[-2:] in _POSSESSIVE:
        base = t[:-2]
        return (Token(s, e - 2, base, _fold(base), True, sent_start), Token(e - 2, e, t[-2:], "s", False, False))
    return (Token(s, e, t, _fold(t), True, sent_start),)


def _is_sentence_break(text: str, prev_end: int, start: int) -> bool:
    gap = text[prev_end:start]
    if "\n" in gap:
        return True
    before = text[max(0, prev_end - 1):prev_end] + gap
    return bool(_BREAK_BEFORE.search(before))


def _joinable(text: str, a: Token, b: Token) -> bool:
    """Can tokens a and b belong to one name? Only spaces or a hyphen between them."""
    gap = text[a.end:b.start]
    return gap in (" ", "-", "- ", " - ") or (gap == ". " and a.text.isalpha() and len(a.text) <= 3) \
        or (gap == "." and len(a.text) == 1 and a.cap and b.cap)  # "W.Va."


# The shortest head of a compound counted ("-land", "-stadt"), and how common it must be.
_COMPOUND_HEAD_MIN, _COMPOUND_HEAD_ZIPF = 4, 3.5


def _compound_noun(word: str, L: Lang) -> bool:
    """Does the word end in an everyday word after a stem of three letters or more ("Küstenstadt",
    "Nachbarland")? Only where the language writes compounds (German)."""
    if not L.compound_nouns or L.common is None:
        return False
    w = word.lower()
    return any(L.common.get(w[i:], 0.0) >= _COMPOUND_HEAD_ZIPF for i in range(3, len(w) - _COMPOUND_HEAD_MIN + 1))


def _common(word: str, L: Lang) -> float:
    """How common the word is as an everyday (lower-case) word, on the Zipf scale."""
    w = word.lower()
    if L.common is not None:
        return L.common.get(w, 0.0)
    return gz.zipf(w, L.code)  # a cached table: wordfreq itself loads for a second


# Per gazetteer: span text -> _Known (None when the gazetteer has no such name).
_NAME_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
LOCATED_MIN = 4.0  # importance: a town of 10,000 people or more
SMALL_TOWN = 5.0  # importance (log10 of an effective population) below which a town is small
_BIG_KINDS = frozenset({"country", "admin1", "region", "continent", *gz.WATER})


class _Known:
    """A name's candidates (best first, as gz.lookup gives them) and the facts about
    them that find() tests, computed once per name instead of once per mention."""

    __slots__ = ("alt_admin1", "big_unit", "cands", "kinds", "name_big", "top3_region", "top_imp")

    def __init__(self, g: gz.Gazetteer, cands: tuple):
        kind_of = [gz.KINDS[k] for k in g.kind[[c.row for c in cands[:50]]].tolist()]
        self.cands = cands
        self.kinds = frozenset(kind_of)
        self.big_unit = bool(self.kinds & _BIG_KINDS)
        # An alternate name counts for less: "Anda" is Daqing's old name, but in
        # Indonesian it is the everyday word for "you".
        self.top_imp = max(float(g.importance[c.row]) - (0.0 if c.match == gz.MATCH_NAME else 1.0)
                           for c in cands[:50])
        self.top3_region = any(k in ("country", "admin1", "region") for k in kind_of[:3])
        self.alt_admin1 = any(c.match == gz.MATCH_ALT and k == "admin1" for c, k in zip(cands[:20], kind_of))
        self.name_big = any(c.match == gz.MATCH_NAME and k in _BIG_KINDS for c, k in zip(cands, kind_of))


class Extractor:
    def __init__(self, gazetteer: gz.Gazetteer | None = None):
        self.g = gazetteer or gz.load()
        self._names = _NAME_CACHES.setdefault(self.g, {})

    def _known(self, name: str) -> _Known | None:
        """The gazetteer's rows for a name and what find() asks of them, remembered:
        the gazetteer does not change during a run and news repeats its names."""
        c = self._names
        hit = c.get(name, False)
        if hit is False:
            if len(c) > 200_000:
                c.clear()
            cands = self.g.lookup(name)
            hit = c[name] = _Known(self.g, tuple(cands)) if cands else None
        return hit

    def _is_big(self, name: str) -> bool:
        known = self._known(name)
        return known is not None and known.big_unit

    def _home_pair_part(self, name: str, L: Lang) -> bool:
        """One end of a home route written with a hyphen ("Merak-Bakauheni", "Jakarta-Surabaya"):
        a port, airport or town of 10,000+ of one of the language's home countries."""
        known = self._known(name)
        if known is None or not L.home_countries:
            return False
        g = self.g
        return any(c.match == gz.MATCH_NAME and g.country_code(c.row) in L.home_countries
                   and (float(g.importance[c.row]) >= LOCATED_MIN or g.kind_name(c.row) in ("port", "airport"))
                   for c in known.cands[:20])

    def _home_town(self, known: _Known, L: Lang, big: bool = False) -> bool:
        """A town of 10,000+ (big: a first-level region) in one of the language's home
        countries bears the name."""
        g = self.g
        return any(c.match == gz.MATCH_NAME and g.country_code(c.row) in L.home_countries
                   and float(g.importance[c.row]) >= LOCATED_MIN
                   and (not big or g.kind_name(c.row) in ("admin1", "region")) for c in known.cands[:20])

    def _morph_names(self, L: Lang):
        from .lang import inflect, morph

        library, lib_code, _script, data = L.morphology
        return inflect.names_for(self.g, L.code, data, morph.analyser(L.code, library, lib_code))

    def find(self, text: str, lang: str) -> list[Span]:
        L = language(lang)
        # An inflected language reads names across lower-case words too ("Херсонской
        # области"), so it needs every token, not the thinned list.
        toks = tokenize(text) if L.morphology else _find_tokens(text, L.connectors)
        if L.morphology and L.morphology[3].get("elisions"):
            toks = _split_elisions(text, toks, tuple(L.morphology[3]["elisions"]))
        g = self.g
        trie = g.trie
        spans: list[Span] = []
        n = len(toks)
        names = self._morph_names(L) if L.morphology else None
        inflected = _inflected_runs(text, toks, names) if names is not None else {}
        morph_known: dict[int, _Known] = {}  # span index -> what its lemmas name
        unit_of: dict[int, str] = {}  # token index of "County", "Parish" ... -> kind hint
        # Pass 1: longest gazetteer matches over capitalised runs.
        i = 0
        while i < n:
            t = toks[i]
            if (not t.cap and i not in inflected) or not t.text[:1].isalpha():
                i += 1
                continue
            best = None
            key = t.key  # the run's folded words joined by spaces (empty ones left out)
            end_tok = i
            shorter = None  # the best match before the current one
            while True:
                last = toks[end_tok]
                if key and (last.cap or last.text.isupper() or last.text[:2] in ("d'", "d’")
                            or (end_tok > i and _is_article_name(last.text))) and key in trie:
                    shorter, best = best, (end_tok, key)
                if end_tok + 1 >= n or end_tok - i + 1 >= MAX_TOKENS:
                    break
                nxt = toks[end_tok + 1]
                if nxt.text in _POSSESSIVE and nxt.start == last.end and key:
                    # "People's Republic of China", "Queen Anne's County": the name goes
                    # on through the possessive, which the index folds as "peoples".
                    end_tok += 1
                    key += "s"
                    continue
                if nxt.text[:2] in ("d'", "d’") and nxt.text[2:3].isupper() and _joinable(text, last, nxt) and key:
                    end_tok += 1  # "Côte d'Ivoire": the elided article joins the name
                    key = f"{key} {gz.fold(nxt.text)}"
                    continue
                if not _joinable(text, last, nxt) or not (nxt.cap or nxt.key in L.connectors or nxt.text.isupper()
                                                          or _is_article_name(nxt.text)):
                    break
                end_tok += 1
                # plain tokens keep their hyphens in .key; the index folds them to spaces
                nk = _fold(nxt.text) if not nxt.cap and _is_article_name(nxt.text) else nxt.key
                if nk:
                    key = f"{key} {nk}" if key else nk
            if best is not None and shorter is not None and toks[best[0]].text in L.org_links \
                    and best[0] + 1 < n and toks[best[0] + 1].cap and _joinable(text, toks[best[0]], toks[best[0] + 1]):
                # "Kentucky State Police", "Illinois State University": "X State" names the
                # organisation; the place is Kentucky.
                best = shorter
            alt = inflected.get(i)
            if alt is not None and (best is None or alt[0] >= best[0]):
                # Read through its lemmas: "до Одеси", "im Nahen Osten". When the form as
                # written names places too ("КИЇВ" is Kyiv's own name), both readings compete.
                cands = alt[2]
                if best is not None:
                    same = self._known(text[t.start:toks[best[0]].end])
                    if same is not None:
                        best_match = {c.row: c for c in reversed(same.cands)}
                        for c in cands:  # each row with the better of its two matches
                            old = best_match.get(c.row)
                            if old is None or gz._MATCH_RANK[c.match] < gz._MATCH_RANK[old.match]:
                                best_match[c.row] = c
                        cands = tuple(sorted(best_match.values(), key=lambda c: (
                            gz._MATCH_RANK[c.match], -float(g.importance[c.row]))))
                best = alt[:2]
                morph_known[len(spans)] = _Known(g, cands)
            if best is not None:
                end_tok, key = best
                # "Laurel County", "Caddo Parish": the unit word belongs to the name.
                k2 = end_tok + 1
                if k2 < n and toks[k2].text in L.unit_heads and _joinable(text, toks[end_tok], toks[k2]) \
                        and text[toks[end_tok].end:toks[k2].start] == " ":
                    unit_of[len(spans)] = L.unit_heads[toks[k2].text]
                    end_tok = k2
                elif k2 < n and toks[k2].key in L.feature_nouns and not toks[k2].cap \
                        and text[toks[end_tok].end:toks[k2].start] == " " and f"{key} {toks[k2].key}" in trie:
                    end_tok = k2  # "the Kerem Shalom crossing": the feature, by its full name
                s, e = t.start, toks[end_tok].end
                spans.append(Span(s, e, text[s:e], key, tok_start=i, tok_end=end_tok + 1))
                i = end_tok + 1
            else:
                if "-" in t.text:
                    spans += _hyphen_parts(t, i, trie, lambda w: self._is_big(w) or self._home_pair_part(w, L),
                                           lambda w: _common(w, L))
                i += 1
        matched_tokens = set()
        for sp in spans:
            matched_tokens.update(range(sp.tok_start, sp.tok_end))
        given = L.given_names

        def name_like(k: int) -> bool:
            """An unknown capitalised word: part of a person's or organisation's name."""
            if k < 0 or k >= n or k in matched_tokens:
                return False
            tk = toks[k]
            if not tk.cap or tk.text in L.name_titles or tk.key in L.not_places:
                return False
            if len(tk.text) == 1 and tk.text.lower() in L.place_cues_before:
                return False  # "У Покровську" after a date: the capital preposition starts no name
            z = _common(tk.text, L)
            if tk.sent_start and z >= 3.0:
                return False
            if _compound_noun(tk.text, L):
                return False
            return z < 4.0 or tk.text.isupper()

        def given_name(k: int) -> bool:
            if k < 0 or k >= n:
                return False
            tk = toks[k]
            if not (tk.cap and tk.text in given):
                return False
            # A capitalised function word is not a name even mid-sentence ("Albany — An
            # Albany man": the census lists "An" as a given name).
            z = _common(tk.text, L)
            return z < 5.5 and not (tk.sent_start and z >= 4.0)

        def in_name(k: int) -> bool:
            """Token k is a capitalised word of a name, not a capitalised sentence opener."""
            tk = toks[k]
            return tk.cap and not (tk.sent_start and _common(tk.text, L) >= 3.0)

        span_at = {t: si for si, sp in enumerate(spans) for t in range(sp.tok_start, sp.tok_end)}

        def small_town(k: int) -> bool:
            """Token k is a one-word match that only small towns bear."""
            si = span_at.get(k)
            if si is None or spans[si].tok_end - spans[si].tok_start != 1 or si in unit_of:
                return False
            kn = self._known(spans[si].text)
            return kn is not None and not kn.big_unit and kn.top_imp < SMALL_TOWN and _common(toks[k].text, L) < 3.0

        # Names the text places somewhere at least once ("cars in Oxford"): their
        # everyday sense ("oxford" shoes, "reading") does not count against them.
        befores = [text[max(0, sp.start - 25):sp.start].lower().split() for sp in spans]
        located = set()
        directions = {w.lower() for w in L.direction_words}
        for sp, before in zip(spans, befores):
            # "in East Oxford": a direction may stand between the cue and the name
            cue_at = -2 if len(before) >= 2 and before[-1] in directions else -1
            if before and before[cue_at] in L.locative_cues:
                located.add(sp.key)

        out = []
        person_keys: set[str] = set()
        vessel_keys: set[str] = set()
        for si, sp in enumerate(spans):
            unit = unit_of.get(si)
            if unit:
                known = self._known(sp.text)
                if known is not None:
                    cands = known.cands
                else:
                    known = self._known(text[sp.start:toks[sp.tok_end - 2].end])
                    cands = [c for c in known.cands if g.kind_name(c.row) in ("city", "admin1", "admin2", "other")] \
                        if known is not None else []
                if not cands:
                    continue
                sp.candidates = cands
                sp.kind_hint = unit
                out.append(sp)
                continue
            known = morph_known.get(si) or self._known(sp.text)
            if known is None:
                continue
            cands = known.cands
            if names is not None and L.morphology[2] != "latin" and not sp.text.isascii() \
                    and sp.key not in names.demonyms and any(c.match == gz.MATCH_DEMONYM for c in cands):
                # The gazetteer's demonyms are English: "Сомали" folds to "somali", but in Cyrillic it is the
                # country's own name, not the adjective
                cands = tuple(gz.Candidate(c.row, gz.MATCH_ALT, c.similarity) if c.match == gz.MATCH_DEMONYM else c
                              for c in cands)
            first, last = toks[sp.tok_start], toks[sp.tok_end - 1]
            single = sp.tok_end - sp.tok_start == 1
            sp.acronym = sp.text.replace(".", "").isupper() and len(sp.text.replace(".", "")) <= 4
            if sp.key in L.not_places or (sp.text in L.name_titles and sp.key not in located):
                continue
            if not single and first.text.lower() in L.function_words and not last.cap:
                continue  # "La selva", "El plan", "Les hôpitaux": an article and a noun, no name ends in lower case
            if names is not None and single and gz.fold(sp.text) in L.not_places:
                continue  # read through a lemma ("Станом" -> "стан"), the form as written is the everyday word
            if names is not None and single and not known.big_unit and sp.key not in names.extra \
                    and names.a.person(first.text):
                person_keys.add(sp.key)  # "Івана", "Андрія": every reading a given name or surname
                continue
            if names is not None and L.org_heads_before and _org_owner(text, toks, sp.tok_start, names.a, L):
                continue
            if (names is not None and single and si in morph_known and sp.tok_end < n and toks[sp.tok_end].text.isalpha()
                    and not all(c.match == gz.MATCH_DEMONYM for c in cands)  # "Российские войска" stay demonyms
                    and toks[sp.tok_end].text.islower() and _joinable(text, first, toks[sp.tok_end])
                    and getattr(names.a, "adjective", None) and names.a.adjective(first.text)
                    and names.a.pos(toks[sp.tok_end].text) == "NOUN"):
                continue  # "Покровської громади", "Української мережі": an adjective on a common noun names no place
            if _is_vessel(text, sp.start, sp.end, toks[sp.tok_start - 1] if sp.tok_start else None, L) \
                    and not ("country" in known.kinds and not (sp.tok_start and toks[sp.tok_start - 1].text in L.vessel_prefixes)):
                # ...but a country after a vessel word is the flag it flies ("kapal Vietnam").
                vessel_keys.add(sp.key)
                continue
            prev_k, next_k = sp.tok_start - 1, sp.tok_end
            join_prev = prev_k >= 0 and _joinable(text, toks[prev_k], first)
            join_next = next_k < n and _joinable(text, last, toks[next_k])
            kinds, big_unit, top_imp = known.kinds, known.big_unit, known.top_imp
            # An office before it ("Wali Kota Bandung"); a village the holder's name happens
            # to match ("Gubernur Anies") does not count.
            office = L.office_before is not None and known.top_imp >= LOCATED_MIN \
                and bool(L.office_before.search(text, max(0, sp.start - 30), sp.start))
            if office:
                # Neither the title before nor the holder's name after ("Bupati Sleman Sri
                # Purnomo") makes the place part of a person's name.
                join_prev = join_next = False
            # A given name just before it: a surname ("Margaret Burley", "Melton Lewis Paris").
            if join_prev and single and given_name(prev_k) and top_imp < 6.5:
                person_keys.add(sp.key)
                continue
            # Glued to other capitalised words it does not explain: a person or an org.
            if not single and last.text in L.unit_heads:
                # "Licking County Prosecutor", "Henry County Courthouse": what follows a
                # county is its office or building; the county is the place all the same.
                join_next = False
            glued_prev, glued_next = join_prev and name_like(prev_k), join_next and name_like(next_k)
            case_form = si in morph_known and gz.fold(sp.text) != sp.key
            case_after_prep = case_form and prev_k >= 0 and toks[prev_k].text in L.place_cues_before \
                and next_k < n and names.a.person(toks[next_k].text)
            if glued_next and case_form and (big_unit or toks[next_k].text in given or case_after_prep):
                # A country or region in a case form is no part of the name after it
                # ("Глава Чечни Рамзан Кадыров": Chechnya's leader), nor is a town before a
                # given name ("Burmistrz Kłodzka Michał Piszko": Kłodzko's mayor), nor any place
                # in a case form after its preposition, before a person's name ("переселенец из
                # Купянска Виктор Вертиев"; but "w Nysie Kłodzkiej" is one name).
                glued_next = False
            # An acronym beside a place is the place's station, office or branch ("CBC
            # Toronto", "Calgary MLA", "California DMV"): the place stays a mention.
            acronym_prev = glued_prev and _is_acronym(toks[prev_k].text)
            acronym_next = glued_next and _is_acronym(toks[next_k].text)
            if (acronym_prev or acronym_next) and not (glued_prev and not acronym_prev) \
                    and not (glued_next and not acronym_next) and (big_unit or top_imp >= LOCATED_MIN):
                glued_prev = glued_next = False
            if glued_prev or glued_next:
                # A name for the whole text: "Bill Jones", "Scott West" say "a person", but
                # "CBC Toronto" and "Manitoba Underdogs Rescue" (organisations) do not.
                if single and top_imp < 6.5 and not (glued_prev and not glued_next and toks[prev_k].text.isupper()
                                                   and len(toks[prev_k].text) > 1) \
                        and not (glued_next and not glued_prev and first.text not in given):
                    person_keys.add(sp.key)
                continue
            # Small towns side by side with nothing between them are the words of one
            # name: "Gael García Bernal" is an actor, not three villages.
            if single and not big_unit and top_imp < SMALL_TOWN and _common(first.text, L) < 3.0 and (
                    (join_prev and small_town(prev_k)) or (join_next and small_town(next_k) and not case_after_prep)):
                continue
            # A given name followed by a capitalised word: "Paris Hilton", "Georgia Stevens";
            # when only small towns bear the given name, also a surname that is an everyday
            # word ("Tim Cook", "Jim Baker").
            if single and join_next and first.text in given and toks[next_k].cap \
                    and (_common(toks[next_k].text, L) < 3.0 or (top_imp < SMALL_TOWN and not toks[next_k].sent_start)):
                continue
            if join_prev and toks[prev_k].text in L.org_prefixes:
                continue
            if join_next and toks[next_k].text in L.event_heads and all(c.match == gz.MATCH_DEMONYM for c in cands):
                continue
            if join_next and toks[next_k].text in L.org_heads \
                    and not (big_unit and toks[next_k].text in L.state_bodies
                             and not all(c.match == gz.MATCH_DEMONYM for c in cands)):
                continue
            if join_prev and toks[prev_k].text in L.name_titles and not known.top3_region and not case_form:
                # ("Burmistrz Kłodzka": a title before a case form is the office of that place)
                if single and not big_unit and top_imp < SMALL_TOWN:
                    person_keys.add(sp.key)  # "President Obama": Obama alone is him too
                continue
            after = text[sp.end:sp.end + 24]
            # "Harrisburg, Pa.", "W.Va.", "D-S.C.": a state's abbreviation, period included.
            state_abbr = after[:1] == "." and len(last.text) <= 4 and after[1:2] in (" ", ",", ")", "\n", "") \
                and ("." in sp.text or text[max(0, sp.start - 2):sp.start] == ", ") \
                and known.alt_admin1
            # "Nelson said": someone speaking; a government may speak ("Moscow said"), a village does not.
            before = befores[si]
            cue = bool(before) and before[-1] in L.place_cues_before
            if single and not big_unit and top_imp < 6.5 and not cue:
                w = after.lstrip(" ,").split(" ", 1)[0].strip(".,;:\"'”")
                if w in L.speech_verbs:
                    person_keys.add(sp.key)
                    continue
            # '..." said Georgia.': a quote attributed after the verb is a person's, even
            # when the name is a country's (a government does not say things in quotes).
            if single and len(before) >= 1 and before[-1] in L.speech_verbs \
                    and _QUOTE_END.search(text, max(0, sp.start - 40), sp.start) and after[:1] in (".", ",", ";", ""):
                person_keys.add(sp.key)
                continue
            if after[:1] == "$":  # "US$460"
                continue
            if single and first.text in L.direction_words and join_next and next_k in matched_tokens:
                continue  # "South" of "South Florida", "East" of "East Texas"
            if single and not big_unit and top_imp < SMALL_TOWN and _AGE_AFTER.match(after):
                person_keys.add(sp.key)  # "Hailey, 6, and Caleb, 4": people and their ages
                continue
            if sp.acronym and _FLIGHT_NUMBER.match(after):
                continue  # "GA 991": an airline's code before a flight number
            if sp.acronym:
                # Short all-caps names are acronyms unless they name a big unit
                # ("US", "UK", "AS", "NSW"); a town called "Us" does not count.
                if not kinds & {"country", "admin1", "region", "continent"}:
                    continue
                if sp.text != sp.text.upper():
                    continue
            elif single:
                z = 0.0 if state_abbr or (names is not None and sp.key in names.extra) else _common(first.text, L)
                # "Young Man of the Year": an everyday lower-case word is a big unit only by
                # its own name ("Chad" is; "Man" is the Isle of Man only by a short form).
                # Only a table of lower-case words says that: wordfreq's counts mix in the
                # capitalised name ("Amerika" in Indonesian).
                if z >= 5.5 and not (big_unit and (L.common is None or known.name_big)) \
                        and not (names is not None and sp.key in names.demonyms):  # "Українські війська"
                    continue
                # "Park County, Colorado": a region after a place and a comma is the
                # region, however common the word.
                if big_unit and prev_k >= 0 and prev_k in matched_tokens and toks[prev_k].cap \
                        and text[toks[prev_k].end:first.start] == ", " and not (join_next and toks[next_k].cap):
                    z = 0.0
                if office or (sp.key in located and top_imp >= LOCATED_MIN):
                    z = 0.0
                elif L.common is None and L.home_countries and not (join_prev and in_name(prev_k)) \
                        and not (join_next and in_name(next_k)) and self._home_town(known, L):
                    # A home town's count is mostly its own name: only a very common word
                    # ("Kota", "Warga") or a sentence opener that is also a word ("Malang
                    # nasibnya") still needs a cue, and so does a word inside a longer name
                    # the gazetteer does not know ("Polda Metro Jaya").
                    # A home province's or region's name ("Papua") is no everyday word
                    # however often wordfreq counts it.
                    z = 0.0 if (z < 5.0 or self._home_town(known, L, big=True)) and not first.sent_start else z
                if first.sent_start:
                    if z >= 3.0 and top_imp < 6.0:
                        continue
                elif (z >= 4.3 and top_imp < 6.0) or (z >= 3.3 and top_imp < 5.0):
                    continue
                if len(first.text) <= 2 and not state_abbr:
                    continue
                # "Wichita, Kan.", "Churchill, Man. (": a state abbreviation keeps its period.
                if len(first.text) <= 5 and after[:1] == "." and text[max(0, sp.start - 2):sp.start] == ", " \
                        and (after[1:2] in (" ", ",", ")", "\n", "") ) and not after[1:3].strip()[:1].isupper():
                    state_abbr = True
            if state_abbr:
                sp.end += 1
                sp.text = text[sp.start:sp.end]
            sp.cue = cue
            for cue, kind in L.kind_cues_before.items():
                if " ".join(before[-len(cue.split()):]) == cue:
                    sp.kind_hint = kind
            words_after = after.lower().split()
            if words_after and words_after[0].strip(".,;") in L.kind_cues_after:
                sp.kind_hint = L.kind_cues_after[words_after[0].strip(".,;")]
            sp.candidates = cands
            out.append(sp)
        if vessel_keys:
            # A ship keeps its name through the text ("the Angara ... the Angara docked").
            out = [sp for sp in out if sp.key not in vessel_keys
                   or any(g.kind_name(c.row) in _BIG_KINDS for c in sp.candidates[:3])]
        if names is not None:
            out += _lowercase_demonyms(toks, out, names)
        if person_keys:
            # One sense per discourse: a name used for a person here is a person throughout,
            # unless it names a big unit.
            out = [sp for sp in out if sp.key not in person_keys or sp.tok_end - sp.tok_start > 1
                   or any(g.kind_name(c.row) in _BIG_KINDS for c in sp.candidates[:3])]

        # Pass 2: unknown capitalised words that may be misspelt places.
        surnames = {toks[k].key for k in range(1, n)
                    if toks[k].cap and given_name(k - 1) and _joinable(text, toks[k - 1], toks[k])}
        taken = set()
        for sp in out:
            taken.update(range(sp.tok_start, sp.tok_end))
        for k, tk in enumerate(toks):
            if not tk.cap or len(tk.key) < 6 or tk.sent_start or k in taken or k in matched_tokens:
                continue
            if tk.key in L.not_places or tk.text in L.name_titles or tk.text.isupper() or tk.text in given:
                continue
            if k + 1 < n and toks[k + 1].text in _POSSESSIVE:
                continue  # "Verduin's family": an unknown name that owns things is a person's
            if name_like(k - 1) and _joinable(text, toks[k - 1], tk) or name_like(k + 1) and _joinable(text, tk, toks[k + 1]):
                continue
            if given_name(k - 1) and _joinable(text, toks[k - 1], tk):
                continue
            if tk.key in person_keys or tk.key in surnames or tk.key in vessel_keys:
                continue  # "Scott Verduin ... dropped Verduin off": no fuzzy Verdun
            if _is_vessel(text, tk.start, tk.end, toks[k - 1] if k else None, L):
                continue
            if gz.is_common_word(tk.text):
                continue
            cands = self.g.fuzzy(tk.text, min_similarity=0.85, limit=5)
            if not cands:
                continue
            before = text[max(0, tk.start - 25):tk.start].lower().split()
            sp = Span(tk.start, tk.end, tk.text, tk.key, candidates=cands, fuzzy=True, tok_start=k, tok_end=k + 1,
                      cue=bool(before) and before[-1] in L.place_cues_before)
            out.append(sp)
        out.sort(key=lambda s: s.start)
        if out:
            starts = [sp.start for sp in out]
            for m in _DATELINE.finditer(text):
                # spans sorted by start: only those from the dateline's start on can lie in it
                for k in range(bisect_left(starts, m.start(1)), bisect_left(starts, m.end(1))):
                    if out[k].end <= m.end(1):
                        out[k].dateline = True
        if L.outside_prefixes:
            self._trim_prefixes(text, toks, out, L)
        _link(text, out, L)
        return out

    def _trim_prefixes(self, text: str, toks: list[Token], spans: list[Span], L: Lang) -> None:
        """Move a span's start past an opening unit word ("Kabupaten Cianjur" -> "Cianjur"),
        keeping the candidates of the whole match."""
        for sp in spans:
            k = sp.tok_start
            if sp.tok_end - k < 2 or toks[k].text not in L.outside_prefixes or sp.fuzzy:
                continue
            rest = text[toks[k + 1].start:sp.end]
            top = sp.candidates[0] if sp.candidates else None
            if top is None or top.match == gz.MATCH_NAME or (
                    self._known(rest) is None and self.g.kind_name(top.row) != "port"):
                continue  # "Kota Kinabalu", "Pulau Galang": the word is part of the name
            sp.start, sp.tok_start, sp.text = toks[k + 1].start, k + 1, rest


def _inflected_runs(text: str, toks: list[Token], names) -> dict[int, tuple]:
    """token index -> (last token index, key, candidates): the longest run of words
    from each capitalised token that names a place once read through its lemmas.
    The run may go on through lower-case words ("Херсонской области")."""
    from .lang.inflect import MAX_WORDS, words

    out: dict[int, tuple] = {}
    n = len(toks)
    for i, t in enumerate(toks):
        if not t.text[:1].isalpha() or not (t.cap or names.lower_name(t.text)):
            continue
        run, ws = [], []
        for k in range(i, n):
            if k > i and not _joinable(text, toks[k - 1], toks[k]):
                break
            w = words(toks[k].text)
            if not w or len(ws) + len(w) > MAX_WORDS:
                break
            ws = ws + w
            run.append((k, list(ws)))
        for k, ws in reversed(run):
            hit = names.candidates(ws)
            if hit is not None:
                out[i] = (k, hit[0], hit[1])
                break
        # A unit word after the name ("Chersonskou oblast") joins it, and the unit's kind
        # narrows the candidates.
        if i in out and out[i][0] + 1 < n and _joinable(text, toks[out[i][0]], toks[out[i][0] + 1]):
            k, key, cands = out[i]
            kind = names.unit_kind(toks[k + 1].text)
            of_kind = [c for c in cands if kind and names.g.kind_name(c.row) == kind]
            if of_kind:
                out[i] = (k + 1, key, tuple(of_kind))
    # A name read through its case form with no unit word beside it is the city when the region of the same
    # country answers to the same word ("z Charkowa", "do Chersonia"): GeoNames gives the oblast the city's name.
    for i, (k, key, cands) in list(out.items()):
        if not names.city_before_region or (k + 1 < n and names.unit_kind(toks[k + 1].text)):
            continue
        cities = {names.g.country_code(c.row) for c in cands if names.g.kind_name(c.row) == "city"}
        kept = tuple(c for c in cands if not (names.g.kind_name(c.row) in ("admin1", "admin2")
                                              and names.g.country_code(c.row) in cities))
        if kept and len(kept) < len(cands):
            out[i] = (k, key, kept)
    # ... or before it, even in lower case ("w obwodzie charkowskim", "Oblast Cherson").
    for i in range(n - 1):
        t = toks[i]
        if (i in out and out[i][0] > i) or not t.text[:1].isalpha() or not _joinable(text, t, toks[i + 1]):
            continue
        kind = names.unit_kind(t.text)
        if kind is None or (not toks[i + 1].cap and len(toks[i + 1].text) < 4):
            continue  # "w naszym kraju od lat": a short lower-case word after a unit word is no region's name
        hit = names.candidates(words(toks[i + 1].text))
        of_kind = [c for c in hit[1] if names.g.kind_name(c.row) == kind] if hit else []
        if of_kind:
            out[i] = (i + 1, hit[0], tuple(of_kind))
    return out


def _org_owner(text: str, toks: list[Token], i: int, analyser, L: Lang) -> bool:
    """Does the name at token i close an organisation's name: a capitalised run of up to four words right
    before it, one of them an organisation's head ("Служба безпеки України", "Збройних сил України")?"""
    k = i
    while k > 0 and i - k < 4 and _joinable(text, toks[k - 1], toks[k]) and toks[k - 1].text[:1].isalpha():
        k -= 1
        w = toks[k].text
        if w.lower() in L.org_heads_before or any(x.lower() in L.org_heads_before for x in analyser.lemmas(w)[:2]):
            return toks[k].cap or any(toks[q].cap for q in range(k - 1, max(-1, k - 4), -1)
                                      if _joinable(text, toks[q], toks[q + 1]))
    return False


def _split_elisions(text: str, toks: list[Token], elisions: tuple[str, ...]) -> list[Token]:
    """"d'Odessa", "l'Ukraine", "jusqu'à": an elided article or preposition glued to
    a name is its own token, so the name is read (and its offsets start) after it. Inside
    a name ("Côte d'Ivoire") the word stays whole, as the name index has it."""
    out: list[Token] = []
    for t in toks:
        low = t.text.lower().replace("’", "'")
        cut = next((len(e) for e in elisions if low.startswith(e) and len(t.text) > len(e)), 0)
        if cut and t.text[cut:cut + 1].isupper() and not (
                out and out[-1].cap and text[out[-1].end:t.start] == " "):
            rest = t.text[cut:]
            out.append(Token(t.start, t.start + cut, t.text[:cut], gz.fold(t.text[:cut]), False, t.sent_start))
            out.append(Token(t.start + cut, t.end, rest, _fold(rest), True, False))
        else:
            out.append(t)
    return out


def _lowercase_demonyms(toks: list[Token], found: list[Span], names) -> list[Span]:
    """Lower-case demonyms of an inflected language ("украинские", "syryjscy",
    "afghanische"), outside the names already found."""
    covered = set()
    for sp in found:
        covered.update(range(sp.start, sp.end))
    out = []
    for k, t in enumerate(toks):
        if t.cap or t.start in covered or not t.text[:1].isalpha() or len(t.text) < 4:
            continue
        hit = names.demonym(t.text)
        if hit is not None:
            # a key of its own: "po stronie polskiej" must not make "do Polski" (the same lemma key) a demonym,
            # as one key keeps one sense per document
            out.append(Span(t.start, t.end, t.text, "\x00demonym " + hit[0], candidates=list(hit[1]), tok_start=k,
                            tok_end=k + 1))
    return out


def _hyphen_parts(t: Token, i: int, trie, is_big, common) -> list[Span]:
    """Names inside a hyphenated word the gazetteer does not know as a whole: the place
    before a lower-case suffix ("Albany-based", "Winston-Salem-area"), or every part
    when each names a country or region ("Egyptian-US", "Russia-Ukraine").
    "Mercedes-Benz" and "Jean-Pierre" give nothing, though some village bears each part,
    nor do everyday words ("On-site", "Honey-bee", "Neo-natal")."""
    pieces, pos = [], t.start
    for p in t.text.split("-"):
        pieces.append((pos, p))
        pos += len(p) + 1
    caps = 0
    while caps < len(pieces) and pieces[caps][1][:1].isupper():
        caps += 1
    if caps == 0:
        return []
    if caps < len(pieces):
        if not all(p.islower() for _, p in pieces[caps:]):
            return []
        s, e = pieces[0][0], pieces[caps - 1][0] + len(pieces[caps - 1][1])
        name = t.text[s - t.start:e - t.start]
        key = gz.fold(" ".join(p for _, p in pieces[:caps]))
        if key not in trie or (not name.isupper() and (len(name) <= 3 or common(name) >= 3.0)):
            return []
        return [Span(s, e, name, key, tok_start=i, tok_end=i + 1)]
    parts = [(s, p, gz.fold(p)) for s, p in pieces]
    if len(parts) < 2 or not all(k and k in trie and is_big(p) for _, p, k in parts):
        return []
    return [Span(s, s + len(p), p, k, tok_start=i, tok_end=i + 1) for s, p, k in parts]


def _is_article_name(word: str) -> bool:
    m = _ARTICLE_NAME.match(word)
    return m is not None and word[m.end() - 1].isupper()


def _is_vessel(text: str, start: int, end: int, prev: Token | None, L: Lang) -> bool:
    """Is the name at text[start:end] a ship's? A vessel prefix glued before it ("MV",
    "HMS"), a vessel word right before it ("the cargo ship the Angara", "kapal
    Angara"), or an apposition after it ("the Angara, a Russian cargo ship")."""
    if L.vessel_before is None:
        return False
    if prev is not None and prev.text in L.vessel_prefixes and text[prev.end:start] == " ":
        return True
    return bool(L.vessel_before.search(text, max(0, start - 40), start)) or bool(L.vessel_after.match(text, end))


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 5 and word.isupper() and word.isalpha()


_MAX_GAP = 160
# The end of a quotation, then a speech verb, right before a name: '"...," said X'.
_QUOTE_END = re.compile(r"[,.!?]?[\"”’']\s*\w+\s+$")
_AGE_AFTER = re.compile(r",\s?\d{1,2}\s?[,;)]")
# A wire-service dateline opening the text or a line: "LONDON (Reuters) -", "JAKARTA,
# KOMPAS.com -", "NEW YORK, Nov 25 (AP) —". Typography, not language: capitals, then
# an optional comma clause and bracketed agency, then a dash.
# Capitals of the Latin and Cyrillic alphabets ("КИЇВ, 12 березня (Укрінформ) –").
_CAPS = "".join(re.escape(ch) for ch in map(chr, range(0x41, 0x530)) if ch.isupper())
_DATELINE = re.compile(rf"(?m)^[ \t]*([{_CAPS}][{_CAPS}.'’ -]*[{_CAPS}.])"
                       r"(?=(?:,[^\n]{0,40}?)?(?:\s*\([^()\n]{1,40}\))?\s*[-–—]{1,2}\s)")


_COMMA_GAP = re.compile(r",\s*")


def _link(text: str, spans: list[Span], L: Lang) -> None:
    """Mark what the text says between each mention and the next: a comma, or that
    the first lies in or near the second ("X is a city in Y", "X, a town near Y").
    A mention inside brackets after the first is passed over: "Kingston (US:
    /ˈkɪŋztən/) is the capital of Jamaica"."""
    n = len(spans)
    nxt = _next_outside_brackets(text, spans)
    for i, a in enumerate(spans):
        j = nxt[i]
        if j >= n:
            break
        b = spans[j]
        rel = ""
        if _COMMA_GAP.fullmatch(text, a.end, b.start):
            rel = ","
        elif b.start - a.end <= _MAX_GAP and L.within_gap is not None:
            gap = text[a.end:b.start]
            if _words_ok(gap, L):
                if L.near_gap is not None and L.near_gap.fullmatch(gap):
                    rel = "near"
                elif L.within_gap.fullmatch(gap):
                    rel = "in"
        if rel:
            a.link_next, a.link_to = rel, b.start
            if rel != "," and a.kind_hint is None:
                a.kind_hint = _gap_kind(text[a.end:b.start], L)


def _next_outside_brackets(text: str, spans: list[Span]) -> list[int]:
    """For each span i, the first later span j with no more "(" than ")" between
    them (len(spans) when there is none), in O(n log n) for n spans.

    With depth(k) = the count of "(" minus that of ")" in text[:k], span j qualifies
    when depth(start_j) <= depth(end_i). Counting the brackets of each stretch anew
    costs a pass over the text per pair when a bracket is never closed; instead the
    depths come from bisecting the brackets' offsets, and the first qualifying j from
    a stack, built right to left, of the spans that are nearer and shallower than
    every span after them (the only ones that can be first): bisect it by depth.
    """
    n = len(spans)
    out = [n] * n
    if n < 2:
        return out
    opens = [m.start() for m in re.finditer(r"\(", text)]
    closes = [m.start() for m in re.finditer(r"\)", text)]
    if not opens:  # never deeper than at the start: the next span is always the one
        return list(range(1, n + 1))

    def depth(k: int) -> int:
        return bisect_left(opens, k) - bisect_left(closes, k)

    # The candidates, bottom (farthest) first; their depths rise strictly towards the
    # top, because a nearer span no deeper than a farther one hides it for good.
    depths: list[int] = []
    idx: list[int] = []
    for i in range(n - 2, -1, -1):
        j = i + 1
        dj = depth(spans[j].start)
        while depths and depths[-1] >= dj:
            depths.pop()
            idx.pop()
        depths.append(dj)
        idx.append(j)
        a = spans[i]
        if spans[j].start < a.end:  # overlapping: nothing lies between them
            out[i] = j
            continue
        # the nearest candidate no deeper than the end of span i: the top of the
        # bottom run of depths <= that depth
        k = bisect_right(depths, depth(a.end))
        out[i] = idx[k - 1] if k else n
    return out


def _gap_kind(gap: str, L: Lang) -> str | None:
    """What "X is a small town in Y" says X is: the first place noun of the gap, unless
    a second one follows it ("the county seat of": a seat, not a county)."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.sub(r"\([^()]*\)", " ", gap).lower())
    for w, nxt in zip(words, words[1:] + [""]):
        if w in L.within_kinds:
            return L.within_kinds.get(nxt) or L.within_kinds[w]
    return None


def _words_ok(gap: str, L: Lang) -> bool:
    """One clause, not too long, that speaks of places: "is a town in", "located in"
    ("the others in" does not)."""
    g = re.sub(r"\([^()]*\)", " ", gap)
    if re.search(r"[.;:!?\n]", g):
        return False
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", g.lower())
    if len(words) > 14 or not any(w in L.within_words for w in words):
        return False
    # The last two words hold the preposition that relates the names ("in", "north
    # of", "dari"): a breaker before them ends the clause ("the ship returned to the
    # port of").
    return not any(w in L.clause_breakers for w in words[:-2])
