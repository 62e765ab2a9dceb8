"""Events: the movements, presences and incidents a news text reports.

A rule-based reader that works on top of the geoparser's places. It goes through each
sentence like this:

1. Tokens, with each place mention as a single token.
2. Attribution ("..., the NIS said", "menurut NIS", "kata X") is cut out and kept as
   the source. That way the speaker's places ("the defence ministry in Seoul") never
   become event places, and the date on the saying ("said on Tuesday") never becomes
   the event's date.
3. Trigger words: movement verbs, stationing verbs and incident words. Each trigger
   reads the text between itself and the next trigger.
4. Each place gets a role from the preposition that governs it ("to"/"ke" for a
   destination, "from"/"dari" for an origin, "in"/"di" for a location). Two places
   merely named in the same sentence therefore never make a movement.
5. What moved, how many, when, who said so and how sure they are all come from that
   same stretch of text.

Every word this module needs is in ``data/events/<lang>.json``. A language is added
by adding a file, not by changing this code. The keys, all lower case:

- ``triggers``: groups of ``words`` with a ``kind`` (movement, presence, incident, or
  none, which blocks a shorter match such as "based" in "based on"), optional ``flags``
  and an optional ``what``. The flags are: arrival ("arrived in X" makes X the
  destination); destination_direct and origin_direct (the object is the place:
  "entered X", "fled X"); departure ("left X for Y"); deploy ("deployed in X" is a
  presence); nominal (a noun such as "deployment", which has no subject and no date
  before it); direct_object (an incident verb whose object is the target).
- ``prepositions``: destination, origin, transit, locative and target words.
- ``what``: category to nouns (troops, civilians, refugees, ships, aircraft, weapons,
  aid, officials). ``noun_phrase_head`` says whether the head of "aid ships" or
  "kapal bantuan" is the ``last`` noun or the ``first``.
- ``genitive_origin``: a place after the moved noun is its origin ("pasukan Korea
  Utara"). ``demonym_origin``: a demonym in front of the moved noun is its origin
  ("North Korean troops", "German soldiers"). Both apply only when the text names no
  "from"/"dari" place and no country is the subject ("North Korea has shipped").
  ``demonym_suffixes`` spot demonyms the geoparser did not flag (its gazetteer index
  lists "German" and "Israeli" as alternate names, not demonyms): a demonym is never
  itself an event's origin, destination or place token.
- ``hedges`` (denied, likely, reported), ``negation``, ``conditionals``,
  ``attribution`` (speech verbs before or after the source, "according to", impersonal
  forms, media words), ``numbers`` (separators, number words, vague amounts, scales),
  ``dates`` (months, weekdays, relative phrases such as "awal bulan ini" mapped to
  ``month:0`` and the like, "since", "last year").
- Short word lists that steer the walks: ``coordination``, ``walk_stops``,
  ``clause_linkers``, ``subject_gap``, ``determiners``, ``active_aux``/``passive_aux``,
  ``passive_prefixes``, ``pronouns``, ``complementizers``, ``after_words``,
  ``where_words``, ``departure_destination``, ``casualty_words``, ``incident_kinds``,
  ``abbreviations``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .models import Event, Mention, ResolvedPlace, Result, Span

DATA_DIR = Path(__file__).resolve().parent / "data" / "events"

# A governing preposition further away than this many words is not the place's own.
MAX_WALK = 6
# Containers rank above what they contain. A country named next to one of its cities
# ("Tartus in Syria", "El Arish, Mesir") is context, not a second event place.
_KIND_RANK = {"country": 4, "region": 3, "admin1": 2, "admin2": 1}
_PUNCT_BREAK = {",", ".", ";", ":", "!", "?", "(", ")", "“", "”", '"', "—", "–", "[", "]"}
_PUNCT_BREAK_NO_BRACKETS = _PUNCT_BREAK - {"(", ")"}
_CLAUSE_BREAK = {";", ":", "—", "–"}


# --------------------------------------------------------------------------- cue data

class _Phrases:
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
        def ph(key: str, src: dict = d) -> _Phrases:
            return _Phrases((w, True) for w in src.get(key, []))

        self.triggers = _Phrases()
        for group in d.get("triggers", []):
            spec = {"kind": group["kind"], "flags": frozenset(group.get("flags", ())), "what": group.get("what")}
            for w in group["words"]:
                self.triggers.add(w, spec)
        self.preps = _Phrases((w, role) for role, words in d.get("prepositions", {}).items() for w in words)
        self.what = _Phrases((w, cat) for cat, words in d.get("what", {}).items() for w in words)
        self.hedges = _Phrases((w, level) for level, words in d.get("hedges", {}).items() for w in words)
        self.incident_kinds = [(kind, _Phrases((w, True) for w in words)) for kind, words in d.get("incident_kinds", [])]
        self.incident_default = d.get("incident_default", "attack")
        self.casualty = ph("casualty_words")
        self.coord, self.walk_stops, self.clause_linkers = ph("coordination"), ph("walk_stops"), ph("clause_linkers")
        self.after_words, self.where_words, self.departure_dest = ph("after_words"), ph("where_words"), ph("departure_destination")
        self.subject_gap, self.negation, self.conditionals = ph("subject_gap"), ph("negation"), ph("conditionals")
        self.determiners = set(d.get("determiners", []))
        self.active_aux, self.passive_aux = set(d.get("active_aux", [])), set(d.get("passive_aux", []))
        self.any_aux = self.active_aux | self.passive_aux
        self.passive_prefixes = tuple(d.get("passive_prefixes", []))
        self.pronouns = set(d.get("pronouns", []))
        self.complementizers = set(d.get("complementizers", []))
        self.head_last = d.get("noun_phrase_head", "last") == "last"
        self.genitive_origin = bool(d.get("genitive_origin"))
        self.demonym_suffixes = tuple(d.get("demonym_suffixes", []))
        self.demonym_origin = bool(d.get("demonym_origin"))
        self.abbreviations = set(d.get("abbreviations", []))
        a = d.get("attribution", {})
        self.src_before, self.src_after, self.according = ph("source_before", a), ph("source_after", a), ph("according", a)
        self.impersonal, self.media, self.statement_nouns = ph("impersonal", a), ph("media_words", a), ph("statement_nouns", a)
        self.extensions = ph("extensions", a)
        self.reported_verbs = set(a.get("reported_verbs", []))
        self.quote_words = set(a.get("quote_words", []))
        self.statement_by = set(a.get("statement_by", []))
        self.statement_direct = bool(a.get("statement_direct"))
        self.source_strip = set(a.get("source_strip", []))
        self.source_stops = set(a.get("source_stops", []))
        n = d.get("numbers", {})
        self.decimal, self.thousands = n.get("decimal", "."), n.get("thousands", ",")
        self.number_words = _Phrases(n.get("words", {}).items())
        self.vague = ph("vague", n)
        self.scales = _Phrases(n.get("scales", {}).items())
        t = d.get("dates", {})
        self.months, self.weekdays = t.get("months", {}), t.get("weekdays", {})
        self.month_cues, self.weekday_cues = set(t.get("month_cues", [])), set(t.get("weekday_cues", []))
        self.day_or_month_cues = self.weekday_cues | self.month_cues
        self.weekday_needs_cue = bool(t.get("weekday_needs_cue", True))
        self.relative = _Phrases(t.get("relative", {}).items())
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


# --------------------------------------------------------------------------- numbers

def parse_number(text: str, cues: Cues) -> float | None:
    """'1.500' (id) -> 1500, '1,2 juta' -> 1200000, '13,000' (en) -> 13000, 'six' -> 6; vague -> None."""
    words = text.lower().replace("’", "'").split()
    if not words:
        return None
    scale = 1.0
    m = cues.scales.match(words, len(words) - 1) if len(words) > 1 else None
    if m and m[0] == 1:
        scale = float(m[1])
        words = words[:-1]
    head = " ".join(words)
    if re.fullmatch(r"\d+(?:[.,]\d+)*", head):
        value = _parse_digits(head, cues.decimal, cues.thousands)
    else:
        hit = cues.number_words.match(words, 0)
        if not hit or hit[0] != len(words):
            return None
        value = float(hit[1])
    return None if value is None else value * scale


def _parse_digits(s: str, dec: str, thou: str) -> float | None:
    if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thou)}\d{{3}})+", s):
        return float(s.replace(thou, ""))
    whole, sep, frac = s.partition(dec)
    whole = whole.replace(thou, "")
    if not whole.isdigit() or (sep and not frac.isdigit()):
        return None
    return float(f"{whole}.{frac}" if sep else whole)


# --------------------------------------------------------------------------- sentences

_STOP = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")


_LINE = re.compile(r"[^\n]+")
_WORD_CHAR = re.compile(r"[\w.]")
_DOTTED = re.compile(r"(?:\w\.)+\w")


def split_sentences(text: str, cues: Cues | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed; a line break always ends one."""
    abbrevs = cues.abbreviations if cues else set()
    out: list[tuple[int, int]] = []

    def keep(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))

    for line in _LINE.finditer(text):
        start, line_end = line.start(), line.end()
        for m in _STOP.finditer(text, start, line_end):
            # Index walks, not slices: a slice per full stop made long lines quadratic.
            k = m.end()
            while k < line_end and text[k].isspace():
                k += 1
            if k == line_end or not (text[k].isupper() or text[k].isdigit() or text[k] in "\"'“‘([«"):
                continue
            if text[m.start()] == ".":
                w0 = m.start()
                while w0 > start and _WORD_CHAR.match(text, w0 - 1):
                    w0 -= 1
                w = text[w0:m.start()].lower()
                # "Mr. Putin", "U.S. troops", "J. Smith": a period that is not a full stop
                if w and (w in abbrevs or len(w) == 1 or _DOTTED.fullmatch(w)):
                    continue
            keep(start, m.end())
            start = m.end()
        keep(start, line.end())
    return out


# --------------------------------------------------------------------------- tokens

@dataclass(eq=False)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    base: str  # low with reduplication folded ("kapal-kapal" -> "kapal") for noun lookups
    rp: ResolvedPlace | None = None
    demonym: bool = False
    possessive: bool = False
    is_num: bool = False
    num: float | None = None
    prep: str | None = None
    attr: bool = False
    trig: bool = False

    @property
    def alpha(self) -> bool:
        return self.rp is None and any(ch.isalnum() for ch in self.low)


_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")


def _looks_demonym(text: str, name: str, suffixes: tuple[str, ...]) -> bool:
    t, n = text.lower(), name.lower()
    if not suffixes or t == n or n.startswith((t + " ", t + "-")):
        return False
    common = 0
    for x, y in zip(t, n):
        if x != y:
            break
        common += 1
    return common >= min(4, len(n)) and t.endswith(suffixes)


def _tokenize(text: str, s: int, e: int, mentions: list[tuple[Mention, ResolvedPlace]], cues: Cues) -> list[_Tok]:
    toks: list[_Tok] = []

    def words(a: int, b: int) -> None:
        for m in _WORD.finditer(text, a, b):
            low = m.group().lower().replace("’", "'")
            parts = low.split("-")
            base = parts[0] if len(parts) > 1 and len(set(parts)) == 1 else low
            toks.append(_Tok(m.start(), m.end(), m.group(), low, base))

    pos = s
    for m, rp in mentions:
        if m.start < pos:
            continue
        words(pos, m.start)
        end = m.end
        poss = m.text.endswith(("'s", "’s"))
        if text[end:end + 2] in ("'s", "’s"):
            poss, end = True, end + 2
        name_text = m.text[:-2] if m.text.endswith(("'s", "’s")) else m.text
        dem = m.demonym or _looks_demonym(name_text, rp.place.name, cues.demonym_suffixes)
        toks.append(_Tok(m.start, end, text[m.start:end], "\x00place", "\x00place", rp=rp, demonym=dem, possessive=poss))
        pos = end
    words(pos, e)
    return _merge_numbers(toks, text, cues)


def _merge_numbers(toks: list[_Tok], text: str, cues: Cues) -> list[_Tok]:
    lows = [t.low for t in toks]
    out, i = [], 0
    while i < len(toks):
        n, vague = 0, False
        if re.fullmatch(r"\d+(?:[.,]\d+)*", lows[i]):
            n = 1
        else:
            v = cues.vague.match(lows, i)
            w = cues.number_words.match(lows, i)
            if v and (not w or v[0] >= w[0]):
                n, vague = v[0], True
            elif w:
                n = w[0]
        if not n:
            out.append(toks[i])
            i += 1
            continue
        if not vague and i + n < len(toks):
            sc = cues.scales.match(lows, i + n)
            if sc:
                n += sc[0]
        a, b = toks[i].start, toks[i + n - 1].end
        t = _Tok(a, b, text[a:b], " ".join(lows[i:i + n]), " ".join(lows[i:i + n]), is_num=True)
        t.num = None if vague else parse_number(t.text, cues)
        out.append(t)
        i += n
    return out


# --------------------------------------------------------------------------- dates

def _parse_doc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _shift_month(d: dt.date, k: int) -> str:
    y, m = divmod(d.year * 12 + d.month - 1 + k, 12)
    return f"{y:04d}-{m + 1:02d}"


def resolve_relative(spec: str, doc: dt.date | None) -> str | None:
    """A relative expression from the cue data ('month:0', 'week:-1', 'weekend', ...) against the document date."""
    if doc is None:
        return None  # never guess "today": an unknown document date leaves the event date unknown
    unit, _, k = spec.partition(":")
    k = int(k or 0)
    day = dt.timedelta(days=1)
    if unit == "month":
        return _shift_month(doc, k)
    if unit == "year":
        return f"{doc.year + k:04d}"
    if unit == "day":
        return (doc + k * day).isoformat()
    if unit == "days":
        return f"{(doc + k * day).isoformat()}/{doc.isoformat()}"
    if unit == "week":
        monday = doc - doc.weekday() * day + 7 * k * day
        if k == 0:
            return doc.isoformat() if monday == doc else f"{monday.isoformat()}/{doc.isoformat()}"
        return f"{monday.isoformat()}/{(monday + 6 * day).isoformat()}"
    if unit == "weekend":
        sat = doc - ((doc.weekday() - 5) % 7) * day
        if sat + day > doc:
            sat -= 7 * day
        return f"{sat.isoformat()}/{(sat + day).isoformat()}"
    return None


def _explicit_date(words: str, has_year: bool, doc: dt.date | None, lang: str) -> str | None:
    if doc is None and not has_year:
        return None
    import dateparser  # slow to import; only needed when a text names a calendar date

    base = dt.datetime.combine(doc, dt.time()) if doc else dt.datetime(2000, 1, 1)
    got = dateparser.parse(words, languages=[lang], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]})
    return got.date().isoformat() if got else None


def _date_at(toks: list[_Tok], lows: list[str], i: int, cues: Cues, doc: dt.date | None) -> tuple[int, str | None] | None:
    """A date expression starting at token i: (tokens used, ISO value or None when it can't be resolved)."""
    rel = cues.relative.match(lows, i)
    if rel:
        return rel[0], resolve_relative(str(rel[1]), doc)
    t = toks[i]
    prev = lows[i - 1] if i > 0 else ""

    def year_at(j: int) -> int | None:
        if j < len(toks) and re.fullmatch(r"(1[89]|20)\d\d", toks[j].low):
            return int(toks[j].low)
        return None

    # day month [year]  /  month day[,] [year]
    if t.is_num and t.low.isdigit() and 1 <= int(t.low) <= 31 and i + 1 < len(toks) and lows[i + 1] in cues.months:
        y = year_at(i + 2)
        n = 3 if y else 2
        return n, _explicit_date(" ".join(x.text for x in toks[i:i + n]), bool(y), doc, cues.lang)
    if lows[i] in cues.months:
        month = int(cues.months[lows[i]])
        if i + 1 < len(toks) and toks[i + 1].is_num and toks[i + 1].low.isdigit() and 1 <= int(toks[i + 1].low) <= 31:
            j = i + 2 + (1 if i + 2 < len(toks) and lows[i + 2] == "," else 0)
            y = year_at(j)
            n = (j + 1 - i) if y else 2
            return n, _explicit_date(" ".join(x.text for x in toks[i:i + n] if x.low != ","), bool(y), doc, cues.lang)
        y = year_at(i + 1)
        ly = cues.last_year.match(lows, i + 1) if i + 1 < len(toks) else None
        if y:
            return 2, f"{y:04d}-{month:02d}"
        if ly:
            return 1 + ly[0], (f"{doc.year - 1:04d}-{month:02d}" if doc else None)
        if prev in cues.month_cues:
            if doc is None:
                return 1, None
            year = doc.year if month <= doc.month else doc.year - 1
            return 1, f"{year:04d}-{month:02d}"
    if lows[i] in cues.weekdays and (prev in cues.weekday_cues or (not cues.weekday_needs_cue and t.text[:1].isupper())):
        if doc is None:
            return 1, None
        back = (doc.weekday() - int(cues.weekdays[lows[i]])) % 7
        return 1, (doc - dt.timedelta(days=back)).isoformat()
    return None


def _find_date(toks, lows, ranges, cues, doc) -> str | None:
    for a, b in ranges:
        i = a
        while i < b:
            if cues.since.match(lows, i):
                for j in range(i + 1, min(b, i + 7)):
                    got = _date_at(toks, lows, j, cues, doc)
                    if got:
                        if got[1] is None or doc is None:
                            return None
                        return f"{got[1].split('/')[0]}/{doc.isoformat()}"
            got = _date_at(toks, lows, i, cues, doc)
            if got:
                return got[1]
            i += 1
    return None


# --------------------------------------------------------------------------- sentence analysis

@dataclass
class _Attr:
    a: int  # token range cut out of the sentence
    b: int
    source: str | None
    pronoun: bool = False  # "it said", "Dikatakan": the speaker is whoever was quoted last
    reported: bool = False  # "X reported", "media Ukraina": a media claim
    secondary: bool = False  # "quoting the NIS": the outlet, not the one it quotes, is the source


@dataclass
class _Trigger:
    i: int
    n: int
    kind: str
    flags: frozenset
    what: str | None

    @property
    def end(self) -> int:
        return self.i + self.n


@dataclass(eq=False)
class _Partial:
    """One trigger (or run of incident words) and what the text around it says."""

    kind: str
    trig: _Trigger
    left: tuple[int, int]  # from the previous trigger to this one
    clause: tuple[int, int]  # the part of `left` after the last "that"/"bahwa"
    right: tuple[int, int]  # from this trigger to the next one or the next clause
    dest: list[int] = field(default_factory=list)  # token indices of places
    origin: int | None = None  # "from X"
    chain_origin: int | None = None  # "after arriving in X, ... moved to Y"
    implicit_origin: int | None = None  # the subject country, or the genitive "pasukan Korea Utara"
    places: list[int] = field(default_factory=list)
    what: str | None = None
    quantity: str | None = None
    quantity_value: float | None = None
    actor: str | None = None
    date: str | None = None
    certainty: str = "stated"
    source: str | None = None
    denier: str | None = None
    statement_source: str | None = None
    after_link: bool = False


@dataclass
class _State:
    """What carries from one sentence to the next: who was last quoted, what was last moving."""

    last_source: str | None = None
    last_what: str | None = None


class _Sentence:
    def __init__(self, text: str, s: int, e: int, mentions, cues: Cues, doc: dt.date | None, state: _State):
        self.text, self.s, self.e, self.cues, self.doc, self.state = text, s, e, cues, doc, state
        self.toks = _tokenize(text, s, e, mentions, cues)
        self.lows = [t.low for t in self.toks]
        self.bases = [t.base for t in self.toks]

    # ---- helpers
    def span_text(self, a: int, b: int) -> str:
        return self.text[self.toks[a].start:self.toks[b - 1].end] if b > a else ""

    def _usable(self, k: int) -> bool:
        """A place token that can be an event end: not a demonym, possessive or part of attribution."""
        t = self.toks[k]
        return t.rp is not None and not t.demonym and not t.possessive and not t.attr

    def _name(self, k: int | None) -> str | None:
        return None if k is None or self.toks[k].rp is None else self.toks[k].rp.place.name

    def _amount_at(self, k: int) -> bool:
        """Is token k a count ("500", "Hundreds"), not a year ("in 2023") or a day ("on 3 October")?"""
        if k >= len(self.toks) or not self.toks[k].is_num:
            return False
        if re.fullmatch(r"(1[89]|20)\d\d", self.lows[k]):
            return False
        return not (k + 1 < len(self.toks) and self.lows[k + 1] in self.cues.months)

    def _any(self, phrases: _Phrases, a: int, b: int) -> bool:
        return any(phrases.match(self.lows, k) for k in range(max(0, a), b))

    # ---- 1. triggers
    def _triggers(self) -> list[_Trigger]:
        trigs: list[_Trigger] = []
        for i, n, spec in self.cues.triggers.scan(self.lows):
            last = trigs[-1] if trigs else None
            if spec["kind"] != "none" and last and last.end == i and last.kind == spec["kind"]:
                last.n += n  # "remain based", "masih berada": one trigger
                last.flags = last.flags | spec["flags"]
                last.what = last.what or spec["what"]
            else:  # "none" entries ("based on") are kept until here so they block a shorter match
                trigs.append(_Trigger(i, n, spec["kind"], spec["flags"], spec["what"]))
        return [t for t in trigs if t.kind != "none"]

    # ---- 2. attribution
    def _src_end(self, a: int) -> int:
        k = a
        while k < len(self.toks) and k - a < 14:
            low = self.lows[k]
            if low in _PUNCT_BREAK_NO_BRACKETS or low in self.cues.source_stops or self.toks[k].trig:
                break
            k += 1
        return k

    def _to_comma(self, k: int) -> int:
        while k < len(self.toks) and self.lows[k] not in (",", ";", ".", "!", "?"):
            k += 1
        return k

    def _attributions(self, trig_at: set[int]) -> list[_Attr]:
        c, lows, toks = self.cues, self.lows, self.toks
        out: list[_Attr] = []
        taken = [False] * len(toks)

        def add(a: int, b: int, sa: int, sb: int, verb: str, secondary: bool = False, pronoun: bool = False) -> None:
            while sa < sb and lows[sa] in c.source_strip:
                sa += 1
            while sb > sa and (lows[sb - 1] in c.source_strip or lows[sb - 1] == ","):
                sb -= 1
            pronoun = pronoun or (sb > sa and lows[sb - 1] in c.pronouns)
            reported = verb in c.reported_verbs or bool(c.media.scan(lows, sa, sb))
            out.append(_Attr(a, b, None if pronoun or sb <= sa else self.span_text(sa, sb), pronoun, reported, secondary))
            for k in range(a, b):
                taken[k] = True

        def clause_start(i: int) -> int:
            # ", kata X" / ", berdasarkan foto yang dirilis X": the clause from the comma belongs to the attribution
            for k in range(i - 1, max(-1, i - 7), -1):
                if lows[k] == ",":
                    return k
                if k in trig_at:
                    break
            return i

        for i, n, _ in c.according.scan(lows):  # "according to X", "menurut X"
            sa, sb = i + n, self._src_end(i + n)
            if sb > sa:
                add(i - 1 if i > 0 and lows[i - 1] == "," else i, self._to_comma(sb), sa, sb, lows[i],
                    secondary=lows[i] in c.quote_words)
        for i, n, _ in c.src_after.scan(lows):  # "kata X"
            sa, sb = i + n, self._src_end(i + n)
            if not taken[i] and sb > sa:
                add(clause_start(i), self._to_comma(sb), sa, sb, lows[i])
        for i, n, _ in c.impersonal.scan(lows):  # "Dikatakan bahwa", "tambahnya"
            if not taken[i]:
                b = i + n + (1 if i + n < len(toks) and lows[i + n] in c.complementizers else 0)
                add(i - 1 if i > 0 and lows[i - 1] == "," else i, b, i, i, lows[i], pronoun=True)
        for i, n, _ in c.src_before.scan(lows):  # "X said", "X mengatakan"
            if taken[i]:
                continue
            k = i - 1
            while k >= 0 and lows[k] in c.source_strip:
                k -= 1
            while k >= 0 and (lows[k] == "," or taken[k]):  # "media X, mengutip NIS, melaporkan"
                k -= 1
            sb = k + 1
            while k >= 0 and not taken[k] and k not in trig_at and lows[k] not in _PUNCT_BREAK and lows[k] not in c.complementizers:
                k -= 1
            sa = k + 1
            sb = next((q for q in range(sa, sb) if lows[q] in c.quote_words), sb)  # "outlets quoting the NIS"
            if 0 < sb - sa <= 12:
                add(sa, self._extend_attr(i + n, trig_at), sa, sb, lows[i])
        return out

    def _extend_attr(self, j: int, trig_at: set[int]) -> int:
        """Where "X said ..." ends: through "that"/":" or a date and "in a statement" that belong to the saying."""
        c, lows = self.cues, self.lows
        if j < len(lows) and lows[j] == ":":
            return j + 1
        for k in range(j, min(len(lows), j + 9)):
            if k in trig_at or lows[k] in _PUNCT_BREAK:
                break
            if lows[k] in c.complementizers:
                return k + 1
        for _ in range(3):
            if j >= len(lows):
                break
            ext = c.extensions.match(lows, j)
            if ext:
                j += ext[0]
                continue
            got, skip = _date_at(self.toks, lows, j, c, self.doc), 0
            if not got and j + 1 < len(lows) and lows[j] in c.day_or_month_cues:
                got, skip = _date_at(self.toks, lows, j + 1, c, self.doc), 1  # "said on Friday"
            if got:
                j += skip + got[0]
                continue
            if lows[j] in c.complementizers:
                j += 1
            break
        return j

    # ---- 3. roles of places
    def _walk_role(self, j: int, lo: int) -> str | None:
        """The role the preposition governing place token j gives it, walking back at most MAX_WALK words."""
        toks, c = self.toks, self.cues
        k, dist, inner = j - 1, 0, None
        while k >= lo and dist < MAX_WALK:
            t = toks[k]
            if t.attr:
                break
            if t.prep:
                if t.prep not in ("locative", "target"):
                    return t.prep  # "to the front in Ukraine": the direction outranks the inner "in"
                inner = inner or t.prep
            elif t.rp is not None:
                if not (t.demonym or k == j - 1):
                    break  # another place's own phrase
            elif t.trig:
                return "direct" if inner is None and dist == 0 else inner  # "fled Sudan", "menyerang Odesa"
            elif (t.low in _PUNCT_BREAK or not (t.alpha or t.is_num) or t.possessive or t.low.endswith("'s")
                  or c.walk_stops.match(self.lows, k)):
                break
            elif t.low not in c.determiners:
                dist += 1
            k -= 1
        return inner

    def _place_roles(self, regions) -> dict[int, str | None]:
        """Role of every place token; a list or apposition ("Usurisk, Khabarovsk dan Blagoveshchensk",
        "El Arish, Mesir") takes the role of its first member."""
        roles: dict[int, str | None] = {}
        coord_words = self.cues.coord.words
        for ra, rb in regions:
            head = prev = None
            for k in range(ra, rb):
                if self.toks[k].rp is None:
                    continue
                if prev is not None and all(self.lows[q] in coord_words for q in range(prev + 1, k)):
                    roles[k] = roles[head]
                else:
                    head = k
                    roles[k] = self._walk_role(k, ra)
                prev = k
        return roles

    def _contained(self, idxs: list[int]) -> list[int]:
        """Drop a container named beside what it contains, and repeats of one place."""
        places = [self.toks[k].rp.place for k in idxs]
        out, seen = [], set()
        for k, p in zip(idxs, places, strict=True):
            rank = _KIND_RANK.get(p.kind, 0)
            inside = rank and p.country_code and any(
                q.country_code == p.country_code and _KIND_RANK.get(q.kind, 0) < rank for q in places if q is not p)
            if not inside and p.id not in seen:
                seen.add(p.id)
                out.append(k)
        return out

    def _placed(self, rng, want: set[str]) -> list[int]:
        return [k for k in rng if self._usable(k) and self.roles.get(k) in want]

    # ---- 4. what, how many, who
    def _what_in(self, a: int, b: int) -> tuple[int, int, str] | None:
        found = []
        for m in self.what_hits[bisect.bisect_left(self.what_starts, a):]:
            if m[0] >= b:
                break
            if m[0] + m[1] <= b:
                found.append(m)
        if not found:
            return None
        cur = found[0]
        if self.cues.head_last:  # "aid trucks", "navy ships": the last noun of a run is the head
            for nxt in found[1:]:
                if nxt[0] != cur[0] + cur[1]:
                    break
                cur = nxt
        return cur

    def _number_before(self, i: int, limit: int, through_preps: bool) -> tuple[str, float | None] | None:
        """The count in front of token i ("1.500 pasukan operasi khusus", "six North Koreans were among those")."""
        k, steps = i - 1, 0
        while k >= 0 and steps < limit:
            t = self.toks[k]
            if t.is_num:
                return t.text, t.num
            if t.attr or t.low in _PUNCT_BREAK or (t.prep and not through_preps):
                return None
            if t.trig and not (through_preps and self.cues.casualty.match(self.lows, k)):
                return None
            steps += 0 if t.rp is not None else 1
            k -= 1
        return None

    def _casualties(self, a: int, b: int) -> tuple[str, float | None] | None:
        for i, n, _ in self.cues.casualty.scan(self.lows, a, b):
            for k in range(i + n, min(len(self.toks), i + n + 4)):  # "killed at least 12", "menewaskan sedikitnya tujuh"
                t = self.toks[k]
                if t.is_num:
                    return t.text, t.num
                if t.low in _PUNCT_BREAK or t.rp is not None:
                    break
            got = self._number_before(i, 8, through_preps=True)
            if got:
                return got
        return None

    def _genitive(self, end: int) -> int | None:
        """The place after a noun and its modifiers: "pasukan operasi khusus Korea Utara"."""
        for k in range(end, min(end + 4, len(self.toks))):
            t = self.toks[k]
            if t.rp is not None:
                return k if not t.possessive else None
            if not t.alpha or t.prep or t.trig or t.is_num or self.cues.walk_stops.match(self.lows, k):
                return None
        return None

    def _np_place(self, i: int, step: int, limit: int) -> int | None:
        """A place (or demonym) inside the noun phrase next to token i, for the actor."""
        k = i + step
        for _ in range(limit):
            if not (0 <= k < len(self.toks)):
                return None
            t = self.toks[k]
            if t.rp is not None:
                return None if t.attr else k
            if not t.alpha or t.prep or t.trig or t.attr:
                return None
            k += step
        return None

    def _subject(self, trig: _Trigger, lo: int) -> int | None:
        """A place that is the subject of an active trigger ("North Korea has shipped", "Indonesia mengirim")."""
        c = self.cues
        if "nominal" in trig.flags or (c.passive_prefixes and self.lows[trig.i].startswith(c.passive_prefixes)):
            return None
        k, voice = trig.i - 1, None
        while k >= lo:
            t = self.toks[k]
            if t.rp is not None:
                # "kapal angkatan laut Rusia mengangkut": Rusia belongs to the ships, it is not the subject
                ok = self._usable(k) and not (k > 0 and self.toks[k - 1].prep) and k - 1 not in self.in_what
                return k if ok and voice != "passive" else None
            if t.low not in c.subject_gap:
                return None
            if voice is None and t.low in c.any_aux:  # the auxiliary next to the verb decides
                voice = "passive" if t.low in c.passive_aux else "active"
            k -= 1
        return None

    # ---- 5. one trigger
    def _partial(self, g: list[_Trigger], left: tuple[int, int], right: tuple[int, int]) -> _Partial | None:
        c, lows = self.cues, self.lows
        trig = g[0]
        la, lb = left
        if self._any(c.negation, max(la, trig.i - 3), trig.i):
            return None  # "had not yet moved them": a negated report is no event
        if self._any(c.conditionals, max(la, trig.i - 2), trig.i):
            return None  # "jika diserang", "if attacked": a hypothetical
        ca = max([k + 1 for k in range(la, lb) if lows[k] in c.complementizers], default=la)
        # the stretch after a trigger ends where a new clause starts ("..., setelah pertemuan di X")
        rb = next((k for k in range(right[0], right[1]) if c.clause_linkers.match(lows, k)), right[1])
        p = _Partial(trig.kind, trig, left, (ca, lb), (right[0], rb))
        p.after_link = self._any(c.after_words, la, lb)
        if not self._ends(p, g):
            return None
        if trig.kind == "incident":
            self._incident(p, g)
        else:
            self._cargo(p)
        dates = [p.right] if "nominal" in trig.flags else [p.right, p.clause] + ([(g[0].end, g[-1].i)] if len(g) > 1 else [])
        p.date = _find_date(self.toks, lows, dates, c, self.doc)
        self._certainty(p)
        p.statement_source = self._statement_source(la, ca)
        return p

    def _ends(self, p: _Partial, g: list[_Trigger]) -> bool:
        """Fill the event's places from the roles; False when the trigger has none it can use."""
        c, trig = self.cues, p.trig
        (ca, lb), (ra, rb) = p.clause, p.right
        if p.kind == "movement":
            want = {"destination"} | ({"locative"} if "arrival" in trig.flags else set()) | (
                {"direct"} if "destination_direct" in trig.flags else set())
            dest = self._placed(range(ra, rb), want)
            if "departure" in trig.flags:  # "left Nagorno-Karabakh for Armenia"
                dest += [k for k in range(ra, rb) if self._usable(k) and k not in dest and self._after(k, c.departure_dest)]
            p.dest = self._contained(sorted(dest))
            want = {"origin"} | ({"direct"} if "origin_direct" in trig.flags else set())
            origins = self._contained([k for k in self._placed([*range(ca, lb), *range(ra, rb)], want) if k not in p.dest])
            p.origin = origins[0] if origins else None
            if not p.dest and "deploy" in trig.flags:
                located = self._contained(self._placed(range(ra, rb), {"locative"}))
                if located:  # "dikerahkan di X": deployed and now there
                    p.kind, p.places = "presence", located
            return bool(p.dest or p.places or p.origin is not None)
        if p.kind == "presence":
            p.places = (self._contained(self._placed(range(ra, rb), {"locative"})) or self._where(*p.left)
                        or self._contained(self._placed(range(ca, lb), {"locative"})))
        else:
            flags = frozenset().union(*(t.flags for t in g))
            # "menyerang Odesa" names the target; "serangan rudal Rusia" names the attacker
            want = {"locative", "target"} | ({"direct"} if "direct_object" in flags else set())
            p.places = self._contained(self._placed([*range(ca, lb), *range(g[0].end, g[-1].i), *range(ra, rb)], want))
        return bool(p.places)

    def _incident(self, p: _Partial, g: list[_Trigger]) -> None:
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

    def _cargo(self, p: _Partial) -> None:
        """What moved or is there, how many, and whose."""
        c, lows, trig = self.cues, self.lows, p.trig
        (la, lb), (ca, _), (ra, rb) = p.left, p.clause, p.right
        # the object before the first place phrase, else the subject noun phrase, else anything after
        first_prep = next((k for k in range(ra, rb) if self.toks[k].prep or self._usable(k)), rb)
        subj_a = max([k + 1 for k in range(ca, lb) if lows[k] == ","], default=ca)
        hit = self._what_in(ra, first_prep) or self._what_in(subj_a, lb) or self._what_in(ra, rb)
        if hit:
            p.what = hit[2]
            q = self._number_before(hit[0], 5, through_preps=False)
            if q:
                p.quantity, p.quantity_value = q
            gen = self._genitive(hit[0] + hit[1]) if c.genitive_origin else None
            if gen is not None and self._usable(gen) and self.roles.get(gen) is None:
                p.implicit_origin = gen
            mod = self._np_place(hit[0], -1, 4) if c.head_last else gen
            p.actor = self._name(mod)
            # "North Korean troops", "German soldiers": the nationality of what moved is where it came from,
            # as "pasukan Korea Utara" is above (a place inside a "from"/"to"/"in" phrase is not a nationality)
            if (c.demonym_origin and mod is not None and mod != gen and self.toks[mod].demonym
                    and self.roles.get(mod) in (None, "direct")):
                p.implicit_origin = mod
        if trig.what and p.what in (None, "civilians"):  # "warga ... mengungsi" are refugees
            if p.what is None:
                q = self._number_before(trig.i, 5, through_preps=False)  # "Hundreds of Palestinians fled"
                if q:
                    p.quantity, p.quantity_value = q
            p.what = trig.what
        if p.kind == "movement" or "deploy" in trig.flags:
            subj = self._subject(trig, la)
            if subj is not None:
                p.implicit_origin, p.actor = subj, self._name(subj)

    def _certainty(self, p: _Partial) -> None:
        c, lows = self.cues, self.lows
        la, lb = p.left
        found = c.hedges.scan(lows, la, lb)
        levels = {str(v) for _, _, v in found}
        p.certainty = next((lv for lv in ("denied", "likely", "reported") if lv in levels), "stated")
        if p.certainty == "denied":  # "Rwanda has denied ...": the one denying is the source
            d = next(i for i, _, v in found if v == "denied")
            sa = max([k + 1 for k in range(la, d) if lows[k] == ","], default=la)
            sb = d
            while sb > sa and (lows[sb - 1] in c.source_strip or lows[sb - 1] in c.active_aux):
                sb -= 1
            p.denier = self.span_text(sa, sb) or None

    def _statement_source(self, la: int, ca: int) -> str | None:
        """"a statement by Zelensky that ...", "pengumuman Presiden X pada Kamis bahwa ...": the speaker."""
        c, lows = self.cues, self.lows
        nouns = c.statement_nouns.scan(lows, la, ca - 1) if ca > la else []
        if not nouns:
            return None
        i, n, _ = nouns[-1]
        by = next((q for q in range(i + n, ca - 1) if lows[q] in c.statement_by), None)
        if by is None and not c.statement_direct:
            return None
        k = i + n if by is None else by + 1
        e = k
        while e < ca - 1 and lows[e] not in c.source_stops and lows[e] not in _PUNCT_BREAK:
            e += 1
        return self.span_text(k, e) or None

    def _after(self, k: int, words: _Phrases) -> bool:
        """Is place token k right after one of ``words`` (determiners aside)?"""
        q = k - 1
        while q >= 0 and self.lows[q] in self.cues.determiners:
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

    # ---- 6. the sentence
    def events(self) -> list[Event]:
        c, toks, lows = self.cues, self.toks, self.lows
        if not toks:
            return []
        for i, n, role in c.preps.scan(lows):
            if self._amount_at(i + n):
                continue  # "around 500", "up to 3,000", "over 1,000": a word on an amount, not a place phrase
            for k in range(i, i + n):
                toks[k].prep = str(role)
        trigs = self._triggers()
        for t in trigs:
            for k in range(t.i, t.end):
                toks[k].trig, toks[k].prep = True, None  # "pulled out", "turned up": the word is the verb here
        attrs = self._attributions({k for t in trigs for k in range(t.i, t.end)})
        for at in attrs:
            for k in range(at.a, at.b):
                toks[k].attr = True
                toks[k].trig = False  # "dirilis" inside "..., kata X" is the saying, not an event
        trigs = [t for t in trigs if not any(toks[k].attr for k in range(t.i, t.end))]
        self.what_hits = [(i, n, str(cat)) for i, n, cat in c.what.scan(self.bases)
                          if not any(toks[k].attr or toks[k].trig for k in range(i, i + n))]
        self.what_starts = [h[0] for h in self.what_hits]
        self.in_what = {k for i, n, _ in self.what_hits for k in range(i, i + n)}

        regions, start = [], None  # stretches between attributions and clause breaks
        for k, t in enumerate(toks):
            brk = t.attr or t.low in _CLAUSE_BREAK
            if brk and start is not None:
                regions.append((start, k))
                start = None
            elif not brk and start is None:
                start = k
        if start is not None:
            regions.append((start, len(toks)))
        self.roles = self._place_roles(regions)

        partials: list[_Partial] = []
        for ra, rb in regions:
            groups: list[list[_Trigger]] = []
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

        named = [a for a in attrs if a.source and not a.secondary] or [a for a in attrs if a.source]
        source = named[0].source if named else None
        for p in partials:
            p.source = source or p.statement_source or p.denier
            if p.source is None and any(a.pronoun for a in attrs):
                p.source = self.state.last_source  # "it added", "Dikatakan bahwa": the last one quoted
            if p.certainty == "stated" and any(a.reported for a in attrs):
                p.certainty = "reported"
        out = self._to_events(self._link_movements(partials))
        if source:
            self.state.last_source = source
        return out

    def _link_movements(self, partials: list[_Partial]) -> list[_Partial]:
        def pick(x, y):  # token index 0 is a real value, so no "x or y"
            return x if x is not None else y

        out: list[_Partial] = []
        dropped: set[int] = set()
        prev: _Partial | None = None
        last_what = None
        for p in partials:
            if p.kind == "movement" and prev is not None:
                if not prev.dest and prev.origin is not None and p.dest and p.origin is None:
                    # "withdrawn from Niger, moving them to Chad": one journey
                    p.origin = prev.origin
                    p.what = pick(p.what, prev.what)
                    if p.quantity is None:
                        p.quantity, p.quantity_value = prev.quantity, prev.quantity_value
                    p.date = pick(p.date, prev.date)
                    p.implicit_origin = pick(p.implicit_origin, prev.implicit_origin)
                    p.actor = pick(p.actor, prev.actor)
                    dropped.add(id(prev))
                elif prev.dest and prev.origin is None and p.origin is not None and not p.dest:
                    # "arrived in Istanbul after sailing from Odesa"
                    prev.origin = p.origin
                    prev.date = pick(prev.date, p.date)
                    prev.what = pick(prev.what, p.what)
                    continue
                elif prev.dest and p.dest and p.origin is None and prev.after_link:
                    # "after arriving in Vladivostok, ... were moved to Khabarovsk"
                    p.chain_origin = prev.dest[-1]
            if p.what is None:
                if last_what is not None:  # coordinated predicates share their subject
                    p.what = last_what
                elif any(self.lows[k] in self.cues.pronouns for k in range(p.left[0], p.right[1])):
                    p.what = self.state.last_what
            out.append(p)
            if p.what is not None:
                last_what = p.what
            if p.kind == "movement":
                prev = p
        return [p for p in out if id(p) not in dropped]

    def _to_events(self, partials: list[_Partial]) -> list[Event]:
        toks = self.toks
        evidence = Span(self.s, self.e, self.text[self.s:self.e])
        out, seen = [], set()
        for p in partials:
            if p.kind != "incident" and p.what is None:
                continue  # "sent a message to Moscow": nothing moved that the cue data knows
            common = {"evidence": evidence, "actor": p.actor, "what": p.what, "quantity": p.quantity,
                      "quantity_value": p.quantity_value, "date": p.date, "source": p.source, "certainty": p.certainty}
            if p.kind == "movement":
                for di, d in enumerate(p.dest):
                    if di:  # "300 soldiers ... to Kharkiv and another 200 to Sumy"
                        own = [k for k in range(p.dest[di - 1] + 1, d) if toks[k].is_num]
                        if own:
                            common.update(quantity=toks[own[-1]].text, quantity_value=toks[own[-1]].num)
                    dplace = toks[d].rp.place
                    origin = p.origin if p.origin is not None else p.chain_origin
                    if origin is None and p.implicit_origin is not None:
                        o = toks[p.implicit_origin].rp.place
                        # "Indonesia mengerahkan ... ke Jayapura" is a move inside the country, not from it
                        inside = (_KIND_RANK.get(o.kind, 0) > _KIND_RANK.get(dplace.kind, 0)
                                  and o.country_code and o.country_code == dplace.country_code)
                        if not inside:
                            origin = p.implicit_origin
                    oid = toks[origin].rp.place.id if origin is not None else None
                    key = ("movement", None if oid == dplace.id else oid, dplace.id)
                    if key not in seen:
                        seen.add(key)
                        out.append(Event(kind="movement", origin=key[1], destination=dplace.id, **common))
            else:
                for k in p.places:
                    key = (p.kind, toks[k].rp.place.id, p.what if p.kind == "incident" else None)
                    if key not in seen:
                        seen.add(key)
                        out.append(Event(kind=p.kind, place=key[1], **common))
            if p.kind != "incident":
                self.state.last_what = p.what
        return out


# --------------------------------------------------------------------------- entry point

def find_events(result: Result) -> Result:
    """``result`` with ``events`` filled from its document text and places.

    Languages without a cue file (data/events/<lang>.json) get no events. Relative dates
    resolve against ``document.date``, and stay unknown when that is unknown.
    """
    doc = result.document
    cues = load_cues(doc.lang)
    if cues is None or not doc.text:
        return replace(result, events=())
    doc_date = _parse_doc_date(doc.date)
    mentions = sorted(((m, rp) for rp in result.places for m in rp.mentions), key=lambda x: (x[0].start, -x[0].end))
    state = _State()
    events: list[Event] = []
    j = 0
    for s, e in split_sentences(doc.text, cues):
        while j < len(mentions) and mentions[j][0].start < s:
            j += 1
        ms = []
        q = j
        while q < len(mentions) and mentions[q][0].start < e:
            if mentions[q][0].end <= e:
                ms.append(mentions[q])
            q += 1
        events.extend(_Sentence(doc.text, s, e, ms, cues, doc_date, state).events())
    return replace(result, events=tuple(events))
