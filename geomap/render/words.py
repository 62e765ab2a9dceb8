"""The reader's words: place names as the article spells them, dates as people write
them, one-line summaries of events, and no raw match confidences."""
from __future__ import annotations

import difflib
import re
from collections import Counter

from ..models import Event, ResolvedPlace
from .palette import category_of
from .ui import UI

_EN = UI("en")

_MONTHS = {
    m: i for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")], 1)
    for m in names
}
_PART_DAY = {"early": 1, "beginning": 1, "start": 1, "mid": 15, "middle": 15, "late": 25,
             "end": 28}
# Scores are calibrated probabilities (geomap/confidence.py): a place below this gets a
# "match uncertain" note; readers never see the number otherwise.
UNCERTAIN_BELOW = 0.5


def date_key(text: str | None) -> str | None:
    """Sortable 'YYYY-MM-DD' for a date as written in the news, or None.

    Understands ISO dates and forms like '8 October 2024', 'October 8, 2024',
    'early October 2024', 'October 2024' and '2024'. Missing parts sort first (00),
    'early/mid/late' pick day 1/15/25.
    """
    if not text:
        return None
    t = text.strip().lower()
    m = re.search(r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b", t)
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3] or 0):02d}"
    y = re.search(r"\b(1[6-9]\d\d|2\d\d\d)\b", t)
    if not y:
        return None
    month = 0
    mm = re.search(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", t)
    if mm:
        month = _MONTHS[mm[1]]
    day = 0
    rest = t[: y.start()] + " " + t[y.end():]
    d = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", rest)
    if d and month and 1 <= int(d[1]) <= 31:
        day = int(d[1])
    elif month:
        p = re.search(r"\b(" + "|".join(_PART_DAY) + r")\b", t)
        if p:
            day = _PART_DAY[p[1]]
    return f"{int(y[1]):04d}-{month:02d}-{day:02d}"


def human_date(text: str | None, ui: UI = _EN) -> str | None:
    """'2024-10-18' -> '18 Oct 2024', '2024-10' -> 'October 2024', a range
    '2023-08/2024-10-18' -> 'August 2023 – 18 Oct 2024', in the interface's language
    ('18 октября 2024'); words as written stay."""
    if not text:
        return None

    def words(m: re.Match) -> str:
        y, mo, d = int(m[1]), int(m[2]), int(m[3] or 0)
        return ui.date(y, mo, d) if 1 <= mo <= 12 else m[0]

    out = re.sub(r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b", words, text.strip())
    return re.sub(r"\s*/\s*", " – ", out) if re.search(r"\d\s*/\s*\d", out) else out


def key_words(key: str, ui: UI = _EN) -> str:
    """A date-filter key ('2024-10-00') as words ('October 2024')."""
    y, m, d = (int(x) for x in key.split("-"))
    return ui.date(y, m, d)


def place_label(rp: ResolvedPlace, spell=None) -> str:
    """The name as the article writes it most often (not as a demonym), in its own case;
    the gazetteer's name when the article's differs only by a slip of spelling.

    spell(form, place): for an inflected language (spelling.Speller), the gazetteer's
    name in the article's language for an inflected or misspelt form ("Одеси" -> "Одеса"),
    or None; forms are counted after it, so "Одеси" twice and "Одеса" once are one name."""
    name = rp.place.name
    forms: Counter = Counter()
    for m in rp.mentions:
        if m.demonym or not m.text.strip():
            continue
        form = " ".join(m.text.split())
        if form.isupper() and len(form) > 3:  # a dateline "SEOUL —"
            form = form.title()
        if spell is not None:
            form = spell(form, rp.place) or form
        forms[form] += 1
    if not forms:
        own = spell.own(rp.place, [m.text for m in rp.mentions]) if spell is not None else None
        return own or name
    form = forms.most_common(1)[0][0]
    if spell is not None:
        return form
    a, b = form.casefold(), name.casefold()
    if a == b or a in b.split() and len(a) > 3:
        return name
    if difflib.SequenceMatcher(None, a, b).ratio() >= 0.8 and abs(len(a) - len(b)) <= 2:
        return name  # "Usurisk" for Ussuriysk: the reader gets the right spelling
    return form


def quantity(ev: Event, ui: UI = _EN) -> str | None:
    if ev.quantity:
        return ev.quantity
    if ev.quantity_value is not None and ev.quantity_value > 0:
        return ui.number(round(ev.quantity_value))
    return None


def certainty_note(ev: Event, ui: UI = _EN) -> str | None:
    # "according to X" already says the claim is reported, so only add what it doesn't.
    c = (ev.certainty or "").lower()
    if c in ("likely", "denied"):
        return ui(f"cert.{c}")
    if c == "reported" and not ev.source:
        return ui("cert.reported")
    return None


def with_attribution(parts: list[str], ev: Event, ui: UI = _EN) -> str:
    """Append when, who says so and how sure, joined as one line."""
    parts.append(human_date(ev.date, ui) or ui("undated"))
    if ev.source:
        parts.append(ui("according", source=ev.source))
    note = certainty_note(ev, ui)
    if note:
        parts.append(note)
    return " · ".join(parts)


def what_words(what: str | None, ui: UI = _EN) -> str | None:
    """What moved, in the interface's language: the events stage names it by an English
    category word ("troops", "refugees"), which a map in another language shows as its
    category's name there; other words are the article's and stay."""
    if not what or ui.code == "en":
        return what
    cat = category_of(what)
    w = what.strip().lower()
    if cat.key != "other" and (w == cat.key or w in cat.words):
        return ui("cat." + cat.key)
    return what


def movement_summary(ev: Event, origin: str, destination: str, ui: UI = _EN) -> str:
    """One line (plain text) such as '1,500 troops · A → B · October 2024 · according to X'."""
    what, n = what_words(ev.what, ui), quantity(ev, ui)
    if what != ev.what:  # a category's name: the count after it, free of grammatical agreement
        head = ui("what.count", what=what, n=n) if n else what
    else:
        head = " ".join(x for x in (n, what) if x) or ui("movement")
    return with_attribution([head, f"{origin} → {destination}"], ev, ui)
