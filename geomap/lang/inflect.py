"""Place names in inflected form: "до Одеси", "у Харківській області", "do Niemiec",
"z Oděsy", "im Nahen Osten", and demonyms in any form ("украинские", "syryjscy").

Names are compared as lemma keys: each word replaced by its dictionary form (from the
language's morphology library, geomap/lang/morph.py), ASCII-folded, joined by spaces.
Both sides go through the same library, so "Херсонской области" and the gazetteer's
"Херсонская область" meet at one key whichever lemma the library picks for each word,
and multi-word names agree across their words without a table of endings. The text's
own characters are never rewritten: a match keeps the offsets of the inflected form.

The gazetteer side of multi-word names (countries, regions, seas, cities of 50,000+)
is built once per gazetteer, language and library version into the gazetteer's index
folder; single words need no index (their lemma is looked up in the name trie).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import weakref
from itertools import product

from .. import gazetteer as gz

_WORDS = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
MAX_WORDS = 4
MAX_KEYS = 24  # lemma keys tried per run of words
_INDEX_KINDS = frozenset({"country", "admin1", "region", "sea", "continent", "admin2"})
_INDEX_CITY_MIN = 4.7  # importance: cities of 50,000 people or more
_SCRIPTS = {"cyrillic": re.compile(r"^[\u0400-\u04FF\s'’ʼ\-.]+$"),
            "latin": re.compile(r"^[A-Za-z\u00C0-\u024F\s'’ʼ\-.]+$")}
_INDEX_FORMAT = 3  # bump when what goes into the lemma index changes
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def words(name: str) -> list[str]:
    return _WORDS.findall(name)


def lemma_keys(analyser, ws: list[str]) -> list[str]:
    """The folded lemma keys of a run of words, likeliest first (a bounded product)."""
    per_word = 8 if len(ws) == 1 else 5
    options = [analyser.lemmas(w)[:per_word] for w in ws]
    keys: list[str] = []
    # The likeliest readings first: ordered by the sum of each word's rank, so the first
    # keys vary every word ("zielony gora" comes before "zielona gori").
    ranks = sorted(product(*(range(len(o)) for o in options)), key=sum)
    for combo in (tuple(o[r] for o, r in zip(options, rk)) for rk in ranks):
        k = gz.fold(" ".join(combo))
        if k and k not in keys:
            keys.append(k)
        if len(keys) >= MAX_KEYS:
            break
    return keys


class Names:
    """One language's view of the gazetteer through its morphology."""

    def __init__(self, g: gz.Gazetteer, code: str, data: dict, analyser):
        self.g, self.code, self.a = g, code, analyser
        self.given = frozenset(data.get("given_names", ()))
        # a case form alone is the city when the region of the same name answers to it too ("z Charkowa")
        self.city_before_region = bool(data.get("city_before_region"))
        # A word the language file calls no place ("Süden") is none in any case form either
        self.not_places = frozenset(gz.fold(w) for w in data.get("not_places", ()))
        self.multi = _multiword_index(g, code, data.get("script", "latin"), analyser,
                                      tuple(data.get("home_countries", ())))
        # Names the gazetteer lacks in this language, and irregular forms the library
        # cannot lead back to the name ("Niemiec": Germany's genitive).
        self.extra: dict[str, tuple] = {}
        for name, target in data.get("names", {}).items():
            cands = _target(g, target, gz.MATCH_NAME)  # the language's own name for it
            if not cands:
                continue
            for k in [gz.fold(name), *lemma_keys(analyser, words(name))[:1]]:
                self.extra.setdefault(k, cands)
        # Words for a unit that stand beside its name ("Chersonskou oblast", "w obwodzie
        # charkowskim", "Oblast Cherson"): the unit word joins the mention.
        self.units = {gz.fold(w): kind for w, kind in data.get("unit_words", {}).items()}
        # Names the language's press also writes in lower case ("наступ росії"), as lemmas.
        self.lower_names = frozenset(w.lower() for w in data.get("lower_case_names", ()))
        self.demonyms: dict[str, tuple] = {}
        self._demonym_lemmas: set[str] = set()
        for target, forms in data.get("demonyms", {}).items():
            cands = _target(g, target, gz.MATCH_DEMONYM)
            if not cands:
                continue
            for w in forms.split():
                self._demonym_lemmas.update(x.lower() for x in (w, *analyser.lemmas(w)[:1]))
                for k in [gz.fold(w), *lemma_keys(analyser, [w])[:1]]:
                    self.demonyms.setdefault(k, cands)

    def _demonym_hit(self, k: str, word: str) -> tuple | None:
        """The demonym's rows for key k, unless k is also a place's name and the word is that place:
        folding drops the soft sign, so "білорус" (a Belarusian) and "Білорусь" share a key, and only
        the unfolded lemma tells "Білорусі" (Belarus) from "білорусів" (Belarusians)."""
        hit = self.demonyms.get(k)
        if hit and k in self.g.trie and not any(
                x.lower() in self._demonym_lemmas for x in (word, *self.a.lemmas(word)[:1])):
            return None
        return hit

    def candidates(self, ws: list[str]) -> tuple[str, tuple] | None:
        """(key, candidates) for a run of words read through their lemmas, or None."""
        if len(ws) == 1 and gz.fold(ws[0]) in self.not_places:
            return None
        if len(ws) == 1 and (self.a.person(ws[0]) or any(
                lem in self.given for lem in self.a.lemmas(ws[0])[:2])):
            return None  # "Владимира", "Donalda": a given name in a case form
        keys = lemma_keys(self.a, ws)
        trie = self.g.trie
        for k in keys:
            hit = self.extra.get(k) or (self._demonym_hit(k, ws[0]) if len(ws) == 1 else self.demonyms.get(k))
            if hit:
                return k, hit
            if len(ws) == 1 and k in trie:
                break  # a likelier reading names a place: a later guess ("Türke") does not count
        if len(ws) > 1:
            for k in keys:
                targets = self.multi.get(k)
                if targets:
                    cands = [c for t in targets for c in self.g.lookup(t)]
                    if cands:
                        return targets[0], tuple(_dedupe(cands))
                if k in trie:  # the lemmas are the name as the gazetteer spells it
                    return k, tuple(self.g.lookup(k))
            return None
        # One word: every reading the gazetteer knows competes in resolution ("Charkova"
        # is a name of the oblast in some language, its lemma "Charkov" the city's).
        found = [k for k in keys if k in trie]
        if not found:
            return None
        return found[0], tuple(_dedupe([c for k in found for c in self.g.lookup(k)]))

    def lower_name(self, word: str) -> bool:
        """Is this lower-case word a form of a name the press writes in lower case ("росії", "рф")?"""
        return bool(self.lower_names) and (word.lower() in self.lower_names or any(
            x.lower() in self.lower_names for x in self.a.lemmas(word)[:2]))

    def unit_kind(self, word: str) -> str | None:
        """The kind a unit word names ("области", "obwodzie", "oblast" -> "admin1")."""
        if not self.units:
            return None
        for k in [gz.fold(word), *lemma_keys(self.a, [word])[:2]]:
            if k in self.units:
                return self.units[k]
        return None

    def demonym(self, word: str) -> tuple[str, tuple] | None:
        for k in [gz.fold(word), *lemma_keys(self.a, [word])]:
            hit = self._demonym_hit(k, word)
            if hit:
                return k, hit
        return None


def names_for(g: gz.Gazetteer, code: str, data: dict, analyser) -> Names:
    per_g = _CACHE.setdefault(g, {})
    n = per_g.get(code)
    if n is None:
        n = per_g[code] = Names(g, code, data, analyser)
    return n


def _dedupe(cands):
    seen, out = set(), []
    for c in cands:
        if c.row not in seen:
            seen.add(c.row)
            out.append(c)
    return out


def _target(g: gz.Gazetteer, target: str, match: int) -> tuple:
    """Rows a data entry points to: an ISO country code ("UA"), "kind:Name"
    ("admin1:Kherson Oblast"), or a name (the rows it is the own name of)."""
    kind = None
    if len(target) == 2 and target.isupper():
        name = g.country_name(target)
        if not name:
            return ()
        rows = [c.row for c in g.lookup(name) if g.kind_name(c.row) == "country" and g.country_code(c.row) == target]
        return tuple(gz.Candidate(r, match) for r in rows[:1])
    if ":" in target:
        kind, target = target.split(":", 1)
    rows = [c for c in g.lookup(target) if kind is None or g.kind_name(c.row) == kind]
    found = [c for c in rows if c.match == gz.MATCH_NAME] or rows
    return tuple(gz.Candidate(c.row, match) for c in found[:3])


def _multiword_index(g: gz.Gazetteer, code: str, script: str, analyser, home: tuple = ()) -> dict[str, list[str]]:
    """lemma key -> folded gazetteer names, for the multi-word names of the large units
    written in the language's script; cached beside the gazetteer's index."""
    # every town of the language's own countries (``home_countries``: "Stronia Śląskiego", "Lądka-Zdroju")
    path = g.index_dir / f"lemmas-{code}-{analyser.version}-v{_INDEX_FORMAT}{'-' + '-'.join(home) if home else ''}.json"
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        pass
    pattern = _SCRIPTS.get(script, _SCRIPTS["latin"])
    index: dict[str, list[str]] = {}
    kinds = g.kind
    big = {gz.KINDS.index(k) for k in _INDEX_KINDS}
    for i in range(len(g)):
        if int(kinds[i]) not in big and not (g.kind_name(i) == "city" and (
                g.importance[i] >= _INDEX_CITY_MIN or (home and g.country_code(i) in home))):
            continue
        r = g.row(i)
        names = {r.get("name", ""), *(r.get("alternatenames") or "").split("|")}
        for name in names:
            ws = words(name)
            if len(ws) < 2 or len(ws) > MAX_WORDS or not pattern.match(name):
                continue
            target = gz.fold(name)
            for k in lemma_keys(analyser, ws)[:6]:
                if k != target:
                    lst = index.setdefault(k, [])
                    if target not in lst:
                        lst.append(target)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(index, f, ensure_ascii=False, sort_keys=True)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache: built again next time
    return index
