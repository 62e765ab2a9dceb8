"""Folding: the one key every spelling of a name meets under (ASCII, lower case, single
spaces), for one name or, in a few passes, for the million names of an index build."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


_APOSTROPHES = re.compile(r"['’ʼ`´‘]")
# Everything but letters and digits (of any script) separates words.
_NON_ALNUM = re.compile(r"[\W_]+")


def fold(name: str) -> str:
    """The key names meet under: ASCII, lower case, punctuation as single spaces.

    "Blagoveščensk", "Благовещенск" and "Blagoveshchensk" differ by transliteration
    scheme; anyascii brings the Cyrillic to the same spelling as the English one, and
    the gazetteer's alternate names carry the scholarly spellings.
    """
    if name.isascii():
        s = name.lower()
    else:
        s = _transliterate(unicodedata.normalize("NFC", name)).lower()
    s = _APOSTROPHES.sub("", s)
    return _NON_ALNUM.sub(" ", s).strip()


_TRANSLITERATED_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


@lru_cache(maxsize=4096)
def _script_ok(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(_TRANSLITERATED_SCRIPTS)


def _transliterate(s: str) -> str:
    """ASCII for Latin, Cyrillic and Greek letters; other scripts stay as written.

    Romanising Arabic, Chinese or Burmese names loses so much that they collide with
    unrelated places (one of Lebanon's names comes out as "Lyon"); kept in their own
    script they still match text written in it.
    """
    return s.translate(_TRANSLIT)


class _Translit(dict):
    """str.translate's table, filled as characters come: each one's anyascii form,
    or itself outside the transliterated scripts. A C-level pass per name, where a
    call per character made folding half of the index build."""

    def __missing__(self, code: int) -> str:
        from anyascii import anyascii

        ch = chr(code)
        out = self[code] = anyascii(ch) if ch.isascii() or _script_ok(ch) else ch
        return out


_TRANSLIT = _Translit()


_NON_ALNUM_LINE = re.compile(r"(?:[^\w\n]|_)+")


def fold_many(names: list[str]) -> list[str]:
    """fold() of each name, in a few passes over all of them joined by newlines
    (which no name holds) rather than a dozen Python steps per name. Every step of
    fold() works character by character, so joining changes nothing: NFC does not
    compose across a newline, and the transliteration leaves no Greek capital
    sigma, the one letter whose lower case depends on its neighbours. ASCII names
    (half of them) take a byte-table pass instead of the Unicode regexes."""
    if not names:
        return []
    is_ascii = list(map(str.isascii, names))
    ascii_out = iter(_fold_joined([n for n, a in zip(names, is_ascii) if a], True))
    other_out = iter(_fold_joined([n for n, a in zip(names, is_ascii) if not a], False))
    return [next(ascii_out) if a else next(other_out) for a in is_ascii]


# ASCII folding as one bytes.translate: letters and digits to lower case, a newline
# kept (it separates the names), everything else a space; the apostrophes are deleted.
_ASCII_TABLE = bytes(c if chr(c).isalnum() and c < 128 or c == 10 else 32 for c in range(256)).lower()
_SPACES = re.compile(rb"  +")
_SPACES_STR = re.compile("  +")
_FOLD_TABLE: dict[int, str] = {}  # each character's fold, as characters come (str.translate's table)
_FOLD_SEEN: set[str] = set()


def _fold_joined(names: list[str], ascii_only: bool) -> list[str]:
    if not names:
        return []
    joined = "\n".join(names)
    if joined.count("\n") != len(names) - 1:  # a name with a newline in it
        return [fold(n) for n in names]
    if ascii_only:
        b = _SPACES.sub(b" ", joined.encode("ascii").translate(_ASCII_TABLE, b"'`"))
        s = b.decode("ascii")
    else:
        # Few names are not in NFC already (131 of 500k here): only those are normalised.
        joined = "\n".join(n if unicodedata.is_normalized("NFC", n) else unicodedata.normalize("NFC", n)
                            for n in names)
        # Every step after NFC maps one character to a string, whatever its neighbours
        # (runs of separators aside, which the last pass squeezes): one table does them all.
        table = _FOLD_TABLE
        for c in set(joined).difference(_FOLD_SEEN):
            table[ord(c)] = _NON_ALNUM_LINE.sub(" ", _APOSTROPHES.sub("", _transliterate(c).lower()))
            _FOLD_SEEN.add(c)
        s = _SPACES_STR.sub(" ", joined.translate(table))
    out = s.replace(" \n", "\n").replace("\n ", "\n").strip(" ").split("\n")
    if len(out) != len(names):  # a transliteration made a newline: fold one by one
        return [fold(n) for n in names]
    return out
