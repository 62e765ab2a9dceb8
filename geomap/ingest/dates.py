"""The publication date at the top of a text: regexes find it, a month table reads it, dateparser
only when the table does not know the month (it costs a third of a one-article start-up)."""
from __future__ import annotations

import datetime as _dt
import re

from .limits import DATE_LINES

_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_NUMERIC_RE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_DAY_MONTH_YEAR_RE = re.compile(r"\b\d{1,2}\.?\s+[^\W\d_]{3,}\.?,?\s+\d{4}\b")
_MONTH_DAY_YEAR_RE = re.compile(r"\b[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b")


def _make_date(year: int, month: int, day: int) -> _dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _date_in_line(line: str) -> _dt.date | None:
    m = _ISO_RE.search(line)
    if m:
        found = _make_date(int(m[1]), int(m[2]), int(m[3]))
        if found:
            return found
    m = _NUMERIC_RE.search(line)
    if m:
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        # Day first, as in Indonesian and British usage, unless that is impossible.
        found = _make_date(year, second, first) if first <= 31 and second <= 12 else None
        found = found or _make_date(year, first, second)
        if found:
            return found
    candidates = [m.group(0) for m in _DAY_MONTH_YEAR_RE.finditer(line)]
    candidates += [m.group(0) for m in _MONTH_DAY_YEAR_RE.finditer(line)]
    if not candidates:
        return None
    # dateparser's own search_dates misreads lines such as "24 October 2024 09.30 BST"
    # (as 9 October), so the regexes above find the date and dateparser only reads it,
    # which also makes it understand Indonesian month names. The month names of the
    # table below need no dateparser (a third of a one-article run's start-up).
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"}
    for candidate in candidates:
        known = date_by_table(candidate)
        if known is not None:
            if known:
                return known
            continue
        import dateparser

        try:
            parsed = dateparser.parse(candidate, languages=["en", "id"], settings=settings)
        except Exception:  # dateparser raises assorted errors on odd strings
            continue
        if parsed is not None and 1900 <= parsed.year <= 2100:
            return parsed.date()
    return None


# English and Indonesian month names and their usual short forms; an English ordinal
# ("October 24th") goes only with an English one, as in dateparser.
_EN_MONTHS = {w: i for i, ws in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sep sept", "october oct", "november nov", "december dec"), 1) for w in ws.split()}
_MONTHS = {**_EN_MONTHS, **{w: i for i, ws in enumerate((
    "januari", "februari pebruari", "maret", "", "mei", "juni", "juli", "agustus agu agt", "",
    "oktober okt", "nopember", "desember des"), 1) for w in ws.split()}}
_DMY_PARTS = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MDY_PARTS = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(st|nd|rd|th)?,?\s+(\d{4})")


def date_by_table(candidate: str) -> _dt.date | bool | None:
    """A candidate read with the month table: its date, False when it names a month
    but no real day ("31 February 2024"), None when its word is no month the table
    knows (dateparser reads it)."""
    m = _DMY_PARTS.fullmatch(candidate)
    if m:
        day, word, year = m[1], m[2], m[3]
    else:
        m = _MDY_PARTS.fullmatch(candidate)
        if not m:
            return None
        word, day, year = m[1], m[2], m[4]
        if m[3] and word.lower() not in _EN_MONTHS:
            return None
    month = _MONTHS.get(word.lower())
    if month is None:
        return None
    return _make_date(int(year), month, int(day)) or False


def find_date(text: str, lines: int = DATE_LINES) -> str | None:
    """The ISO date carried by the first few non-blank lines of a text, if any.

    Only the top is searched: dates further down are usually about events, not about
    when the text was published.
    """
    seen = 0
    for line in text.split("\n", 50)[:50]:
        line = line.strip()
        if not line:
            continue
        found = _date_in_line(line[:300])
        if found:
            return found.isoformat()
        seen += 1
        if seen >= lines:
            break
    return None


def normalise_date(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return find_date(value, lines=1)
