"""Morphology for inflected languages: the dictionary forms (lemmas) of a word.

A language's data file (geomap/data/lang/<code>.json, key ``morphology``) names its
library, the one place that does (the events stage finds it through ``language_library``).
Each wrapper answers ``lemmas(word)`` with
the word's possible lemmas, likeliest first, in the library's own spelling (a proper
noun keeps its capital: simplemma's "Krakowie" -> "Kraków"), and ``person(word)`` for
a word the library knows only as a person's given name, patronymic or surname.

- ``pymorphy3`` (OpenCorpora / VESUM dictionaries: Russian, Ukrainian). Its tags mark
  place names (``Geox``), given names (``Name``), surnames (``Surn``), patronymics
  (``Patr``); a place reading is tried first.
- ``simplemma`` (dictionary lemmatiser for 50 languages: Polish, Czech, German, French,
  Spanish here). One lemma per form, so place names whose case form is also another
  word's dictionary form ("Niemiec": a German, and Germany's genitive) are listed in
  the language file's ``names``.

Adding a library is a class here with those two methods and a line in _LIBRARIES.
"""
from __future__ import annotations

import os
from functools import lru_cache

_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})


class Pymorphy:
    def __init__(self, code: str):
        import pymorphy3

        self.code = code
        self._m = pymorphy3.MorphAnalyzer(lang=code)
        self.version = f"pymorphy3-{pymorphy3.__version__}"
        self._cache: dict[str, tuple[str, ...]] = {}

    def lemmas(self, word: str) -> tuple[str, ...]:
        hit = self._cache.get(word)
        if hit is None:
            parses = self._m.parse(word)
            # A place's reading first, then the others by the analyser's score.
            parses = sorted(parses, key=lambda p: (("Geox" not in p.tag.grammemes), -p.score))
            out: list[str] = []
            for p in parses:
                if p.normal_form not in out:
                    out.append(p.normal_form)
            hit = self._cache[word] = tuple(out[:4]) or (word.lower(),)
            if len(self._cache) > 100_000:
                self._cache.clear()
        return hit

    def cases(self, word: str) -> frozenset:
        """The grammatical cases the word may be in (OpenCorpora grammemes: nomn, gent,
        datv, accs, ablt, loct, and loc2/gen2), a place reading's first: for the events
        stage, where "в Москву" (accusative) goes somewhere and "в Москве" (locative)
        is somewhere."""
        parses = self._m.parse(word)
        geo = [p for p in parses if "Geox" in p.tag.grammemes]
        return frozenset(p.tag.case for p in (geo or parses) if p.tag.case)

    def adjective(self, word: str) -> bool:
        """Is the likeliest reading an adjective, and none a place's name or another noun ("Покровської",
        "Української"; not "Покровську", also the town's locative)?"""
        parses = self._m.parse(word)
        # "Покровську" reads as an adjective first, but also as the town's noun: that one may be the place
        return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF") and not any(
            "Geox" in p.tag.grammemes or (p.tag.POS == "NOUN" and not _PERSON_TAGS & p.tag.grammemes) for p in parses)

    def pos(self, word: str) -> str | None:
        """The part of speech of the likeliest reading (OpenCorpora: NOUN, ADJF, VERB, PREP ...)."""
        parses = self._m.parse(word)
        return parses[0].tag.POS if parses else None

    def person(self, word: str) -> bool:
        """Every reading worth counting is a person's name ("Владимира", "Путина")."""
        parses = [p for p in self._m.parse(word) if p.score >= 0.05]
        return bool(parses) and all(_PERSON_TAGS & p.tag.grammemes for p in parses) \
            and not any("Geox" in p.tag.grammemes for p in parses)


class Simplemma:
    def __init__(self, code: str):
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries import TrieDictionaryFactory

        from ..gazetteer import cache_dir, dist_version

        self.code = code
        self.version = f"simplemma-{dist_version('simplemma')}"
        # simplemma's own dictionaries unpack into memory on every run (Polish: 3 s and
        # 500 MB); its marisa-trie form is built once into the cache folder and mapped.
        folder = cache_dir() / self.version
        try:
            folder.mkdir(parents=True, exist_ok=True)
            writable = os.access(folder, os.W_OK)
        except OSError:
            writable = False
        # A read-only cache folder: simplemma's tries are built in memory on each run.
        self._factory = TrieDictionaryFactory(use_disk_cache=writable, disk_cache_dir=str(folder) if writable else None)
        self._lemmatize = Lemmatizer(
            lemmatization_strategy=DefaultStrategy(dictionary_factory=self._factory)).lemmatize
        self._cache: dict[str, tuple[str, ...]] = {}
        self._rules: list | None = None

    def lemmas(self, word: str) -> tuple[str, ...]:
        hit = self._cache.get(word)
        if hit is None:
            lem = self._lemmatize(word, lang=self.code)
            # The form itself is always a candidate: a name the dictionary lacks is
            # often written in its dictionary form already.
            hit = (lem,) if lem == word else (lem, word)
            if word[:1].isupper() and not word.isupper():
                # "Zielona" is a surname's form as written and the adjective's in lower
                # case ("zielony"), which "Zielonej Górze" lemmatises to.
                low = self._lemmatize(word.lower(), lang=self.code)
                if low.lower() not in (h.lower() for h in hit):
                    hit += (low,)
            if lem == word and word[:1].isupper() and len(word) > 3:
                hit += self._guesses(word)
            self._cache[word] = hit
            if len(self._cache) > 100_000:
                self._cache.clear()
        return hit

    def _guesses(self, word: str) -> tuple[str, ...]:
        """Dictionary forms of a proper noun the dictionary does not know ("Doněcku",
        "Kyjeva", "Chersonia", "Russlands"), by the endings that the dictionary's own
        proper nouns show between case form and lemma ("Aachenu" -> "Aachen"); the
        caller keeps a guess only if the gazetteer knows it."""
        if self._rules is None:
            self._rules = _proper_noun_rules(self.code, self.version, self._factory)
        out: list[str] = []
        for fs, ls in self._rules:
            if word.endswith(fs) and len(word) - len(fs) >= 3:
                g = word[:len(word) - len(fs)] + ls
                if g != word and g not in out:
                    out.append(g)
                    if len(out) >= 6:
                        break
        return tuple(out)

    def person(self, word: str) -> bool:
        return False


_RULE_MIN_COUNT = 3  # an ending pair seen fewer times is noise
_MAX_FORM_ENDING = 4


def _proper_noun_rules(code: str, lib_version: str, factory) -> list[tuple[str, str]]:
    """(form ending, lemma ending) pairs learnt from the capitalised entries of
    simplemma's dictionary for the language, most frequent first; cached on disk."""
    import json

    from ..gazetteer import cache_dir

    path = cache_dir() / f"suffix-rules-{code}-{lib_version}.json"
    try:
        return [tuple(r) for r in json.loads(path.read_text("utf-8"))]
    except (OSError, ValueError):
        pass
    counts: dict[tuple[str, str], int] = {}
    try:
        # The memory-mapped trie the lemmatiser reads: no second copy in memory.
        entries = factory.get_dictionary(code).items()
    except Exception:  # simplemma's internals moved: no guesses, nothing breaks
        return []
    for form, lemma in entries:
        if isinstance(lemma, bytes):
            lemma = lemma.decode("utf-8")
        if form == lemma or not (form[:1].isupper() and lemma[:1].isupper()) or form.isupper():
            continue
        n = 0
        for a, b in zip(form, lemma):
            if a != b:
                break
            n += 1
        fs, ls = form[n:], lemma[n:]
        if n >= 3 and 0 < len(fs) <= _MAX_FORM_ENDING and len(ls) <= 3:
            counts[(fs, ls)] = counts.get((fs, ls), 0) + 1
    rules = sorted((r for r, c in counts.items() if c >= _RULE_MIN_COUNT), key=lambda r: (-counts[r], r))
    try:
        import os
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(rules, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass
    return rules


_LIBRARIES = {"pymorphy3": Pymorphy, "simplemma": Simplemma}


@lru_cache(maxsize=None)
def analyser(code: str, library: str, lib_lang: str | None = None):
    """The morphology library ``library`` for language ``code`` (``lib_lang``: the
    library's own code for it, when different). ImportError names the package."""
    cls = _LIBRARIES.get(library)
    if cls is None:
        raise ValueError(f"unknown morphology library {library!r}; geomap knows {', '.join(_LIBRARIES)}")
    return cls(lib_lang or code)


def language_library(code: str) -> tuple[str, str] | None:
    """(library, the library's code for the language) as the language file of ``code`` names them
    (``"morphology": {"library": ..., "code": ...}``), or None for a language without one."""
    from . import catalogue, load_data

    if code not in catalogue():
        return None
    spec = load_data(code).get("morphology")
    return (spec["library"], spec.get("code") or code) if spec else None
