"""Find place mentions in text: character spans that name a gazetteer entry.

The gazetteer itself is the recogniser: capitalised token runs are looked up in its
name trie (longest match first: candidates.py), then each span goes through the
named rules of rules.py in order (RULES), which read language data (stop lists,
titles, organisation heads, cue words in geomap/data/lang/<lang>.json) and the shape
of the text around the span: a place name glued to an unknown capitalised word is
part of a person's or an organisation's name ("Vladimir Putin", "Washington Post").
Then the rules over the whole list (LIST_RULES): one sense per discourse, unknown
capitalised words that may be misspelt places ("Usurisk", a guarded fuzzy lookup),
datelines and the links between mentions.
"""
from __future__ import annotations

from .. import gazetteer as gz
from .candidates import _NAME_CACHES, LOCATED_MIN, SMALL_TOWN, _Known, candidate_spans
from .context import Context, Mention
from .langdata import Lang, available_languages, detect_language, language
from .links import _next_outside_brackets
from .rules import LIST_RULES, RULES, apply_rules
from .tokens import Span, Token, _find_tokens, _split_elisions, tokenize

__all__ = ["LIST_RULES", "LOCATED_MIN", "RULES", "SMALL_TOWN", "Context", "Extractor", "Lang", "Mention", "Span",
           "Token", "available_languages", "detect_language", "language", "tokenize", "_next_outside_brackets"]


class Extractor:
    """Finds the place mentions of a text. rules and list_rules are the ordered rules
    find() applies (rules.RULES and rules.LIST_RULES unless given: a test may leave
    one out to see what it does)."""

    def __init__(self, gazetteer: gz.Gazetteer | None = None, rules: tuple = RULES, list_rules: tuple = LIST_RULES):
        self.g = gazetteer or gz.load()
        self._names = _NAME_CACHES.setdefault(self.g, {})
        self.rules = rules
        self.list_rules = list_rules

    def _known(self, name: str) -> _Known | None:
        """The gazetteer's rows for a name and what find() asks of them, remembered:
        the gazetteer does not change during a run and news repeats its names."""
        c = self._names
        hit = c.get(name, False)
        if hit is False:
            if len(c) > 200_000:
                c.clear()
            cands = self.g.lookup(name)
            hit = c[name] = _Known(self.g, tuple(cands)) if cands else None
        return hit

    def _is_big(self, name: str) -> bool:
        known = self._known(name)
        return known is not None and known.big_unit

    def _home_pair_part(self, name: str, L: Lang) -> bool:
        """One end of a home route written with a hyphen ("Merak-Bakauheni", "Jakarta-Surabaya"):
        a port, airport or town of 10,000+ of one of the language's home countries."""
        known = self._known(name)
        if known is None or not L.home_countries:
            return False
        g = self.g
        return any(c.match == gz.MATCH_NAME and g.country_code(c.row) in L.home_countries
                   and (float(g.importance[c.row]) >= LOCATED_MIN or g.kind_name(c.row) in ("port", "airport"))
                   for c in known.cands[:20])

    def _home_town(self, known: _Known, L: Lang, big: bool = False) -> bool:
        """A town of 10,000+ (big: a first-level region, by its own name or the short
        form the gazetteer lists for it: "Jatim", "Kepri") in one of the language's home
        countries bears the name."""
        g = self.g
        return any((c.match == gz.MATCH_NAME or big) and g.country_code(c.row) in L.home_countries
                   and float(g.importance[c.row]) >= LOCATED_MIN
                   and (not big or g.kind_name(c.row) in ("admin1", "region")) for c in known.cands[:20])

    def _morph_names(self, L: Lang):
        from ..lang import inflect, morph

        library, lib_code, _script, data = L.morphology
        return inflect.names_for(self.g, L.code, data, morph.analyser(L.code, library, lib_code))

    def context(self, text: str, lang: str) -> Context:
        """The text tokenised, pass 1's candidate spans, and the language's data: what
        the rules read."""
        L = language(lang)
        # An inflected language reads names across lower-case words too ("Херсонской
        # области"), so it needs every token, not the thinned list.
        toks = tokenize(text) if L.morphology else _find_tokens(text, L.connectors)
        if L.morphology and L.morphology[3].get("elisions"):
            toks = _split_elisions(text, toks, tuple(L.morphology[3]["elisions"]))
        names = self._morph_names(L) if L.morphology else None
        spans, morph_known, unit_of = candidate_spans(self, text, toks, L, names)
        return Context(self, text, toks, L, names, spans, morph_known, unit_of)

    def find(self, text: str, lang: str) -> list[Span]:
        """tokens -> candidate spans -> the span rules -> the list rules."""
        ctx = self.context(text, lang)
        out = apply_rules(ctx, self.rules)
        for rule in self.list_rules:
            out = rule(ctx, out)
        return out
