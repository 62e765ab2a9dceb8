"""Dates: the document date, relative phrases from the cue data and calendar dates in a sentence."""
from __future__ import annotations

import datetime as dt
import re

from .cues import Cues
from .tokens import Tok

def parse_doc_date(value: str | None) -> dt.date | None:
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


def date_at(toks: list[Tok], lows: list[str], i: int, cues: Cues, doc: dt.date | None,
            forward: bool = False) -> tuple[int, str | None] | None:
    """A date expression starting at token i: (tokens used, ISO value or None when it can't be resolved).

    ``forward``: the sentence tells a plan, so a weekday is the next one ("will leave on Monday").
    """
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
        if forward:
            ahead = (int(cues.weekdays[lows[i]]) - doc.weekday()) % 7
            return 1, (doc + dt.timedelta(days=ahead)).isoformat()
        back = (doc.weekday() - int(cues.weekdays[lows[i]])) % 7
        return 1, (doc - dt.timedelta(days=back)).isoformat()
    return None


def find_date(toks, lows, ranges, cues, doc, forward: bool = False) -> str | None:
    since, relative, months, weekdays = cues.since.heads, cues.relative.heads, cues.months, cues.weekdays
    for a, b in ranges:
        i = a
        while i < b:
            low = lows[i]
            # date_at finds nothing but at a number, a month, a weekday or a relative phrase's first word
            if not (toks[i].is_num or low in relative or low in months or low in weekdays or low in since):
                i += 1
                continue
            if low in since and cues.since.match(lows, i):
                for j in range(i + 1, min(b, i + 7)):
                    got = date_at(toks, lows, j, cues, doc, forward)
                    if got:
                        if got[1] is None or doc is None:
                            return None
                        return f"{got[1].split('/')[0]}/{doc.isoformat()}"
            got = date_at(toks, lows, i, cues, doc, forward)
            if got:
                return got[1]
            i += 1
    return None
