"""Sentence boundaries, shared by the events stage and the renderer.

A full stop ends a sentence only before a capital, a digit or an opening quote, and not
after an abbreviation ("Mr.", "Jl.") from ``data/sentences/<lang>.json``, a single letter
("J. Smith") or a dotted acronym ("U.S."). In languages that write ordinals with a period
(German "die 25. Sammelabschiebung", Czech "ve 25. kole") a number's period after one of the
language's ``ordinal_before`` words (an article, "am", "im") does not end a sentence either.
A line break always ends one.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files

_STOP = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_LINE = re.compile(r"[^\n]+")
_WORD_CHAR = re.compile(r"[\w.]")
_DOTTED = re.compile(r"(?:\w\.)+\w")


@lru_cache(maxsize=16)
def _data(lang: str | None) -> dict:
    if not lang:
        return {}
    code = lang.lower().replace("_", "-").split("-")[0]
    path = files("geomap").joinpath(f"data/sentences/{code}.json")
    if not path.is_file():
        return {}
    return json.loads(path.read_text("utf-8"))


@lru_cache(maxsize=16)
def abbreviations(lang: str | None) -> frozenset[str]:
    """Lower-case words without their period that do not end a sentence in ``lang`` (empty if unknown)."""
    return frozenset(_data(lang).get("abbreviations", []))


@lru_cache(maxsize=16)
def ordinal_before(lang: str | None) -> frozenset[str]:
    """Lower-case words after which "<number>." is an ordinal in ``lang`` (empty if it writes none so)."""
    return frozenset(_data(lang).get("ordinal_before", []))


def split_sentences(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, whitespace trimmed."""
    abbrevs = abbreviations(lang)
    ordinal = ordinal_before(lang)
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
                if ordinal and w.isdigit() and _word_before(text, w0, start) in ordinal:
                    continue
            keep(start, m.end())
            start = m.end()
        keep(start, line.end())
    return out


def _word_before(text: str, i: int, start: int) -> str:
    """The lower-cased word that ends before the whitespace in front of ``text[i]``, within the line."""
    j = i
    while j > start and text[j - 1].isspace():
        j -= 1
    k = j
    while k > start and text[k - 1].isalpha():
        k -= 1
    return text[k:j].lower()
