"""A place's name as the article's language writes it, for the map's labels.

An inflected form is led back to the gazetteer's name in that language ("до Одеси" ->
"Одеса", "z Charkowa" -> "Charków", "Херсонской области" -> "Херсонская область"):
its words go through the language's morphology library (the one recognition used,
geomap/lang/morph.py) and the lemma keys are compared with the place's own and alternate
names in the gazetteer. A form the library cannot lead back (an irregular case such as
"Niemiec", or a slip of spelling) gets the name of the place in the same script that it
is nearest to, when the two differ only in their endings.
"""
from __future__ import annotations

import difflib
import re

from .. import gazetteer as gz
from ..models import Place

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
NEAR = 0.75  # difflib ratio of folded names: "niemiec"/"niemcy", "odessy"/"odessa"
OWN_MIN_ZIPF = 1.5  # a name the language's word list has at all (about 1 in 30 million words)


def _script(text: str) -> str:
    return "cyrillic" if _CYRILLIC.search(text) else "latin"


class Speller:
    """spell(form, place) -> the gazetteer's name for the place in the form's language,
    or None when nothing fits (the caller keeps its own choice); spell.own(place) -> its
    name in the language when the article names it only by a demonym ("сирійські")."""

    def __init__(self, g: gz.Gazetteer, code: str):
        from ..lang import inflect, load_data, morph

        data = load_data(code)
        m = data.get("morphology") or {}
        self.g, self.code = g, code
        self.script = data.get("script", "latin")
        self.a = morph.analyser(code, m["library"], m.get("code") or code)
        self.inflect = inflect
        self.data_names = data.get("names", {})
        self._names: dict[tuple[str, str], list[str]] = {}

    def names(self, place: Place, script: str) -> list[str]:
        """The place's own and alternate names in a script, read from its gazetteer row."""
        got = self._names.get((place.id, script))
        if got is None:
            got = []
            for c in self.g.lookup(place.name):
                if self.g.place(c.row).id == place.id:
                    r = self.g.row(c.row)
                    got = [n for n in dict.fromkeys([r.get("name", ""), *(r.get("alternatenames") or "").split("|")])
                           if n and _script(n) == script]
                    break
            self._names[(place.id, script)] = got
        return got

    def _usual(self, names: list[str], form: str) -> str:
        """Of several names, the one the language writes most (wordfreq), then the one
        spelt most like the article's form ("Russland" for "Russlands", not "Rußland",
        which wordfreq counts as the same word), then the one with the language's own
        letters."""
        names = list(dict.fromkeys(names))
        if len(names) == 1:
            return names[0]
        from wordfreq import zipf_frequency

        f = form.lower()
        return max(names, key=lambda n: (zipf_frequency(n, self.code),
                                          difflib.SequenceMatcher(None, f, n.lower()).ratio(),
                                          sum(ord(ch) > 127 for ch in n)))

    def _match(self, form: str, names: list[str]) -> str | None:
        by_key: dict[str, list[str]] = {}
        for n in names:
            by_key.setdefault(gz.fold(n), []).append(n)
        k = gz.fold(form)
        if k in by_key:
            return form  # the article's own spelling
        hits = [n for key in self.inflect.lemma_keys(self.a, self.inflect.words(form)) for n in by_key.get(key, ())]
        if hits:
            return self._usual(hits, form)
        near = [n for key, ns in by_key.items() if key[:3] == k[:3]  # endings change, not the start
                and difflib.SequenceMatcher(None, k, key).ratio() >= NEAR for n in ns]
        return self._usual(near, form) if near else None

    def __call__(self, form: str, place: Place) -> str | None:
        script = _script(form)
        # The language data's names come second: some are irregular case forms kept for
        # recognition ("Niemiec"), not names to show.
        return self._match(form, self.names(place, script)) or self._match(form, self.data_names_of(place, script))

    def data_names_of(self, place: Place, script: str) -> list[str]:
        """The language data's names for the place that are their own dictionary form
        ("Blízký východ", not the "Blízkém východě" also kept there for recognition)."""
        names = [n for n, target in self.data_names.items()
                 if _script(n) == script and target.split(":")[-1] in (place.name, place.country_code)]
        inflect = self.inflect
        return [n for n in names if gz.fold(n) in inflect.lemma_keys(self.a, inflect.words(n))[:3]] or names

    def own(self, place: Place, forms: list[str]) -> str | None:
        """The place's name as the language writes it, when it writes it at all; forms
        are how the article refers to it (its demonyms), to break ties of spelling."""
        from wordfreq import zipf_frequency

        names = self.names(place, self.script)
        if not names:
            return None
        best = self._usual(names, forms[0] if forms else "")
        return best if zipf_frequency(best, self.code) >= OWN_MIN_ZIPF else None


def spellers(results, g: gz.Gazetteer | None) -> dict[str, Speller]:
    """One speller per language of the documents that has a morphology library."""
    from ..lang import available, load_data

    out: dict[str, Speller] = {}
    codes = {r.document.lang for r in results if r.document.lang}
    for code in sorted(codes):
        if code not in available() or not load_data(code).get("morphology"):
            continue
        g = g or gz.load(quiet=True)
        out[code] = Speller(g, code)
    return out
