"""Place nouns that point back: "the city", "the island", "kota itu" name the last place of that kind.

Reporters name a place once and then call it "the city" or "the island"; the movement told with
that noun ("Rescuers reached the city on Wednesday") goes to the place named before. The nouns
and the place kinds each may stand for are data (``anaphors`` in data/events/<lang>.json). A noun
followed by its own name or by "of" ("the city of Adre", "the capital of Chad", "ibu kota
Jakarta") is not a reference back, and only a place named within the last few sentences counts.
"""
from __future__ import annotations

import re
from itertools import takewhile

from ..models import Mention

LOOKBACK_SENTENCES = 3  # "the city" names a place of this story's last few sentences, not of the lead


class Anaphors:
    def __init__(self, table: dict[str, list[str]], not_after: list[str], largest: list[str] = (),
                 any_case: bool = False, bare_after: list[str] = (), topic_not_after: list[str] = (),
                 origin_words: list[str] = ()):
        self.kinds = {k.lower(): set(v) for k, v in table.items()}
        self.largest = {w.lower() for w in largest}  # "the capital": the biggest city told lately, not the last
        # one lower-case adjective may stand inside the phrase: "the northern city", "kota pelabuhan itu"
        # German capitalises the noun ("die Insel"): there the whole phrase matches in any case
        rest = (lambda ws: "(?i:" + r"\s+".join(map(re.escape, ws)) + ")") if any_case else (
            lambda ws: r"\s+".join(map(re.escape, ws)))
        adj = r"(?:\s+[a-zäöüß]+)?" if any_case else r"(?:\s+[a-z]+)?"
        alts = ["(?i:" + re.escape(w.split()[0]) + ")" + adj + r"\s+" + rest(w.split()[1:])
                for w in sorted(self.kinds, key=len, reverse=True) if len(w.split()) > 1]
        # a language without articles ("do země", "ve městě") names the place by the bare noun; only right
        # after a preposition is it a place phrase, and the preposition stays outside the mention for its role
        bare = [re.escape(w) for w in sorted(self.kinds, key=len, reverse=True) if len(w.split()) == 1]
        preps = "|".join(re.escape(w) for w in sorted(bare_after, key=len, reverse=True))
        self.bare_rx = re.compile(r"(?<![\w-])(?i:" + preps + r")\s+(" + "|".join(bare) + r")(?![\w-])"
                                  ) if bare and bare_after else None
        self.rx = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])") if alts else None
        # Every match ends with, as written, a phrase's last word or a bare noun (both case-sensitive in the
        # patterns unless any_case) before no word character: a sentence holding none cannot match, and this
        # one literal pattern says so without the patterns' walk through every position (most sentences
        # point back to nothing)
        ends = {w.split()[-1] for w in self.kinds if len(w.split()) > 1} | (
            {w for w in self.kinds if len(w.split()) == 1} if self.bare_rx is not None else set())
        self._may = None if any_case or not ends else re.compile(
            "(?:" + "|".join(re.escape(w) for w in sorted(ends, key=len, reverse=True)) + r")(?![\w-])")
        self.not_after = {w.lower() for w in not_after}
        self._heads_rx: dict[str, tuple] = {}  # see _named_as
        # with no article to say "the one just named", a bare noun points back to the topic, a place named
        # without a preposition ("Česká republika počítá, že do země dorazí"), not to one inside a phrase
        # ("na běloruské straně hranic s Polskem ... láká migranty do země" is not Poland)
        self.topic_not_after = {w.lower() for w in topic_not_after}
        # "Relawan dari Gorontalo tiba di kota itu": the city the movers reach is not the one the same
        # sentence says they came from (the language's one-word "from" prepositions, of four letters
        # or more: short ones such as "de", "z" or "von" also say "of" or "by")
        self.origin_words = {w.lower() for w in origin_words if " " not in w and len(w) >= 4}

    def find(self, text: str, s: int, e: int, taken: list[tuple[int, int]], history: list, sentence: int) -> list:
        """(Mention, ResolvedPlace) pairs for the place nouns in text[s:e] that point back.

        ``history`` holds (sentence index, Mention, ResolvedPlace) of the places named so far, in order.
        """
        if self._may is not None and self._may.search(text, s, e) is None:
            return []
        spans = [(*m.span(), False) for m in self.rx.finditer(text, s, e)] if self.rx is not None else []
        if self.bare_rx is not None:
            spans = sorted(spans + [(*m.span(1), True) for m in self.bare_rx.finditer(text, s, e)])
        out = []
        # the places of the last few sentences, latest first: history is in text order, so the walk back
        # stops at the first older one instead of reading the whole document's list for every noun
        lately = list(takewhile(lambda h: sentence - h[0] <= LOOKBACK_SENTENCES, reversed(history))) if spans else []
        for a, b, bare in spans:
            if any(a < y and x < b for x, y in taken):
                continue
            nxt = re.match(r"\s*([\w'’-]+)", text[b:e])
            if nxt and (nxt.group(1).lower() in self.not_after or nxt.group(1)[:1].isupper()):
                continue  # "the capital of Chad", "ibu kota Jakarta": the name follows, nothing points back
            words = text[a:b].split()
            key = next((x for x in (" ".join(words).lower(), " ".join(words[:1] + words[2:]).lower())
                        if x in self.kinds), None)
            if key is None:
                continue
            kinds = self.kinds[key]
            # "... to the hotspot on the island of Lampedusa. Another 12 reached the island directly": a place
            # the text itself named with this noun is what the noun points back to, whatever its kind
            named = [rp for n, mm, rp in lately if mm.end <= a and not mm.demonym and self._named_as(text, mm.start, key)]
            if named:
                out.append((Mention(a, b, text[a:b]), named[0]))
                continue
            # ... nor that place named again earlier ("Evacuees from Sudan's conflict ... A ship from the Port of
            # Sudan arrived in the kingdom")
            left = {rp.place.id for n, mm, rp in lately if n == sentence and mm.start < a
                    and self._after_preposition(text, mm.start, self.origin_words)}
            recent = [rp for n, mm, rp in lately if mm.start < a and not mm.demonym and rp.place.kind in kinds
                      and not (bare and self._after_preposition(text, mm.start))
                      and rp.place.id not in left]
            if recent:
                rp = max(recent, key=lambda x: x.place.population or 0) if key in self.largest else recent[0]
                out.append((Mention(a, b, text[a:b]), rp))
        return out

    def _named_as(self, text: str, start: int, key: str) -> bool:
        """Does the noun phrase ``key`` ("the island", "kota itu") stand right before the mention at ``start``
        ("the island of Lampedusa", "the border city of Adré", "kota Palu"), as the place's own description?
        Its head is the phrase without a leading article or a trailing demonstrative."""
        patterns = self._heads_rx.get(key)
        if patterns is None:  # compiled once per noun phrase: a long story asks for each earlier place
            words = key.split()
            heads = {key} | ({" ".join(words[1:]), " ".join(words[:-1])} if len(words) > 1 else set())
            links = "|".join(re.escape(w) for w in sorted(self.not_after, key=len, reverse=True) if w.isalpha())
            link = r"(?:(?:" + links + r")\s+)?" if links else ""
            patterns = self._heads_rx[key] = tuple(re.compile(r"(?<![\w-])" + re.escape(h) + r"\s+" + link + "$")
                                                   for h in heads if h and len(h) >= 4)
        before = text[max(0, start - 60):start].lower()
        return any(p.search(before) for p in patterns)

    def _after_preposition(self, text: str, start: int, words: set | None = None) -> bool:
        window = text[max(0, start - 60):start]
        before = re.search(r"([\w'’-]+)\s+$", window)
        if before is not None and before.group(1).lower() in (self.topic_not_after if words is None else words):
            return True
        if words is None or not words:
            return False
        # "A ship from the Port of Sudan arrived in the kingdom": the "from" may govern the place's head noun,
        # the place itself named after the language's "of" word (``anaphor_not_before``)
        links = [w for w in self.not_after if w.isalpha()]
        m = re.search(r"([\w'’-]+)\s+(?:[\w'’-]+\s+){1,2}(?:" + "|".join(map(re.escape, links)) + r")\s+$",
                      window, re.I) if links else None
        return m is not None and m.group(1).lower() in words
