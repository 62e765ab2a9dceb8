"""The languages geomap reads: where their data files are, which morphology library
reads each one, and which language a text is in.

A language is a file ``<code>.json`` (ISO 639-1 code) in ``geomap/data/lang/`` or in a
folder named by the ``GEOMAP_LANG_PATH`` environment variable (folders separated by
the OS path separator, searched first, so a file there also replaces a built-in one).
An inflected language names its morphology library in the file (``"morphology":
{"library": "pymorphy3"}`` or ``{"library": "simplemma"}``); see ``geomap/lang/morph.py``.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

ENV_PATH = "GEOMAP_LANG_PATH"


def data_dirs() -> list[Path]:
    extra = [Path(p).expanduser() for p in os.environ.get(ENV_PATH, "").split(os.pathsep) if p.strip()]
    return [*extra, Path(str(files("geomap").joinpath("data/lang")))]


@lru_cache(maxsize=None)
def _catalogue(dirs: tuple[Path, ...]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.glob("*.json")):
            code = p.stem
            # Only plain language codes: "en.json", not "en.events.json" or notes.
            if code.isalpha() and code.islower() and 2 <= len(code) <= 3:
                found.setdefault(code, p)
    return found


def catalogue() -> dict[str, Path]:
    """Language code -> its data file."""
    return _catalogue(tuple(data_dirs()))


def available() -> tuple[str, ...]:
    return tuple(sorted(catalogue()))


def load_data(code: str) -> dict:
    path = catalogue()[code]
    return json.loads(path.read_text("utf-8"))


def normalise(code: str | None) -> str | None:
    """'en-GB', 'EN_us', 'eng' -> 'en'; None or '' -> None."""
    if not code:
        return None
    c = code.strip().lower().replace("_", "-").split("-")[0]
    return _THREE_TO_TWO.get(c, c) or None


def plausible(code: str | None) -> bool:
    """Whether a (normalised) code can name a language at all: two or three letters."""
    return bool(code) and code.isalpha() and 2 <= len(code) <= 3


# ISO 639-2/3 codes an HTML page or a user may give for the languages geomap knows of.
_THREE_TO_TWO = {"eng": "en", "ind": "id", "rus": "ru", "ukr": "uk", "deu": "de", "ger": "de", "fra": "fr",
                 "fre": "fr", "spa": "es", "pol": "pl", "ces": "cs", "cze": "cs"}


def reset() -> None:
    """Forget what was read from the data folders (after GEOMAP_LANG_PATH changes)."""
    from .. import recognize
    from . import detect, inflect, morph

    _catalogue.cache_clear()
    inflect._CACHE.clear()
    detect._function_words.cache_clear()
    recognize.language.cache_clear()
    recognize.available_languages.cache_clear()
    morph.analyser.cache_clear()
