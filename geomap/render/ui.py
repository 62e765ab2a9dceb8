"""The map's interface words in the reader's language: one data file per language in
geomap/data/ui/<code>.json, every file with the same keys (tests/test_ui_lang.py checks).

A value is a str.format template ("{n} reports"), or, for words that agree with a number,
a dict of CLDR plural categories ("one", "few", "many", "other"; Babel tells which one a
number takes in a language). Dates are written with Babel's month names and the
language's patterns (the "date.*" keys), so "18 October" is "18 октября" in Russian.

Templates are filled with plain text; callers escape the result where it reaches HTML,
as they escape everything else: a translation is never trusted as markup.
"""
from __future__ import annotations

import datetime
import json
from functools import lru_cache
from pathlib import Path

from ..lang import normalise, plausible

UI_DIR = Path(__file__).resolve().parent.parent / "data" / "ui"
DEFAULT = "en"


def languages() -> tuple[str, ...]:
    """The codes with interface data, sorted."""
    return tuple(sorted(p.stem for p in UI_DIR.glob("*.json")))


def known_code(code: str | None) -> bool:
    """Whether a code names a language at all (Babel's locale data knows it), with or
    without interface data: an unknown one is a usage error, a known one without data
    falls back to English."""
    c = normalise(code)
    if not plausible(c):
        return False
    from babel import localedata

    return localedata.exists(c)


class UI:
    """The words of one interface language; ui("key", n=3) fills a template."""

    def __init__(self, code: str | None = None):
        c = normalise(code) or DEFAULT
        self.code = c if c in languages() else DEFAULT
        self.words = _load(self.code)

    def __call__(self, key: str, **kw) -> str:
        v = self.words[key]
        if isinstance(v, dict):
            v = v[self.plural(kw["n"])] if self.plural(kw["n"]) in v else v["other"]
        if "n" in kw and isinstance(kw["n"], int):
            kw = {**kw, "n": self.number(kw["n"])}
        return v.format(**kw)  # always: a brace in a translation is written "{{"

    def html(self, key: str, **markup: str) -> str:
        """A template escaped as text, then filled with markup the code made (links):
        the translation itself can never add markup."""
        from .assets import _esc

        return _esc(self.words[key]).format(**markup)

    def plural(self, n: int) -> str:
        return _plural_form(self.code, n)

    def number(self, n: int) -> str:
        """A whole number as the language groups its digits ("1,500", "1 500", "1.500")."""
        return _format_number(self.code, n) if abs(n) >= 1000 else str(n)

    def date(self, y: int, m: int = 0, d: int = 0) -> str:
        """A date of the filter or a popup: the year alone, month and year, or a day."""
        if not m:
            return str(y)
        if not d:
            return _format(self.code, datetime.date(y, m, 1), self.words["date.month"])
        try:
            day = datetime.date(y, m, d)
        except ValueError:
            return _format(self.code, datetime.date(y, m, 1), self.words["date.month"])
        return _format(self.code, day, self.words["date.day"])

    def js(self) -> dict:
        """The words the browser side writes (runtime.js), already filled where it can."""
        return {k[3:]: v for k, v in self.words.items() if k.startswith("js.")}


def choose(results, ui_lang: str | None = None) -> UI:
    """The interface for a map: the language asked for, else the one most of its documents
    are in (ties go to the first document's)."""
    if ui_lang:
        return UI(ui_lang)
    langs = [normalise(r.document.lang) for r in results if r.document.lang]
    if not langs:
        return UI(DEFAULT)
    return UI(max(dict.fromkeys(langs), key=langs.count))


@lru_cache(maxsize=None)
def _load(code: str) -> dict:
    return json.loads((UI_DIR / f"{code}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=4096)
def _plural_form(code: str, n: int) -> str:
    from babel import Locale

    return Locale.parse(code).plural_form(n)


@lru_cache(maxsize=4096)
def _format(code: str, day: datetime.date, pattern: str) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=code)


@lru_cache(maxsize=4096)
def _format_number(code: str, n: int) -> str:
    from babel.numbers import format_decimal

    # Babel's group separator is a no-break space in some languages: kept, so
    # "1 500" never breaks across lines.
    return format_decimal(n, locale=code)
