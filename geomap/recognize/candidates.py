"""Pass 1: the candidate spans, longest gazetteer matches over capitalised runs
(and, in an inflected language, over runs read through their lemmas)."""
from __future__ import annotations

import weakref

from .. import gazetteer as gz
from .langdata import Lang
from .tokens import (MAX_TOKENS, _POSSESSIVE, Span, Token, _fold, _is_article_name, _joinable, _common,
                     lower_tail)

_NAME_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
LOCATED_MIN = 4.0  # importance: a town of 10,000 people or more
SMALL_TOWN = 5.0  # importance (log10 of an effective population) below which a town is small
_BIG_KINDS = frozenset({"country", "admin1", "region", "continent", *gz.WATER})


class _Known:
    """A name's candidates (best first, as gz.lookup gives them) and the facts about
    them that find() tests, computed once per name instead of once per mention."""

    __slots__ = ("alt_admin1", "big_unit", "cands", "kinds", "name_big", "top3_region", "top_imp")

    def __init__(self, g: gz.Gazetteer, cands: tuple):
        kind_of = [gz.KINDS[k] for k in g.kind[[c.row for c in cands[:50]]].tolist()]
        self.cands = cands
        self.kinds = frozenset(kind_of)
        self.big_unit = bool(self.kinds & _BIG_KINDS)
        # An alternate name counts for less: "Anda" is Daqing's old name, but in
        # Indonesian it is the everyday word for "you".
        self.top_imp = max(float(g.importance[c.row]) - (0.0 if c.match == gz.MATCH_NAME else 1.0)
                           for c in cands[:50])
        self.top3_region = any(k in ("country", "admin1", "region") for k in kind_of[:3])
        self.alt_admin1 = any(c.match == gz.MATCH_ALT and k == "admin1" for c, k in zip(cands[:20], kind_of))
        self.name_big = any(c.match == gz.MATCH_NAME and k in _BIG_KINDS for c, k in zip(cands, kind_of))


def candidate_spans(ex, text: str, toks: list[Token], L: Lang, names) -> tuple[list[Span], dict, dict]:
    """Pass 1: longest gazetteer matches over capitalised runs ("People's Republic of
    China"), over runs read through their lemmas in an inflected language ("до Одеси"),
    with a unit word ("Laurel County") or a feature noun ("the Kerem Shalom crossing")
    that ends the name, and the names inside an unknown hyphenated word
    ("Albany-based"). Returns the spans in text order, span index -> the _Known of its
    lemmas (a match read through them), and span index -> the unit word's kind hint.
    ex is the Extractor, whose _known() remembers what each name is."""
    g = ex.g
    trie = g.trie
    spans: list[Span] = []
    n = len(toks)
    inflected = _inflected_runs(text, toks, names) if names is not None else {}
    morph_known: dict[int, _Known] = {}  # span index -> what its lemmas name
    unit_of: dict[int, str] = {}  # span index of "County", "Parish" ... -> kind hint
    connectors = L.connectors
    # Pass 1: longest gazetteer matches over capitalised runs.
    i = 0
    while i < n:
        t = toks[i]
        if (not t.cap and i not in inflected) or not t.text[:1].isalpha():
            i += 1
            continue
        best = cut = None  # cut: where a name that ends at a hyphen ends
        key = t.key  # the run's folded words joined by spaces (empty ones left out)
        end_tok = i
        shorter = None  # the best match before the current one
        while True:
            last = toks[end_tok]
            if key and (last.cap or last.text.isupper() or last.text[:2] in ("d'", "d’")
                        or (end_tok > i and _is_article_name(last.text))) and key in trie:
                shorter, best = best, (end_tok, key)
            if end_tok + 1 >= n or end_tok - i + 1 >= MAX_TOKENS:
                break
            nxt = toks[end_tok + 1]
            if key and nxt.cap and "-" in nxt.text and text[last.end:nxt.start] == " ":
                # "Sierra Leone-flagged", "Marshall Islands-flagged": a name of several
                # words ends at a hyphen before a lower-case suffix.
                head = lower_tail(nxt.text)
                head_key = f"{key} {_fold(nxt.text[:head])}" if head > 0 else ""
                if head_key in trie:
                    best, cut = (end_tok + 1, head_key), nxt.start + head
                    break
            if nxt.text in _POSSESSIVE and nxt.start == last.end and key:
                # "People's Republic of China", "Queen Anne's County": the name goes
                # on through the possessive, which the index folds as "peoples".
                end_tok += 1
                key += "s"
                continue
            if nxt.text[:2] in ("d'", "d’") and nxt.text[2:3].isupper() and _joinable(text, last, nxt) and key:
                end_tok += 1  # "Côte d'Ivoire": the elided article joins the name
                key = f"{key} {gz.fold(nxt.text)}"
                continue
            if not (nxt.cap or nxt.key in connectors or nxt.text.isupper() or _is_article_name(nxt.text)) \
                    or not _joinable(text, last, nxt):
                break
            end_tok += 1
            # plain tokens keep their hyphens in .key; the index folds them to spaces
            nk = _fold(nxt.text) if not nxt.cap and _is_article_name(nxt.text) else nxt.key
            if nk:
                key = f"{key} {nk}" if key else nk
        if best is not None and shorter is not None and toks[best[0]].text in L.org_links \
                and best[0] + 1 < n and toks[best[0] + 1].cap and _joinable(text, toks[best[0]], toks[best[0] + 1]):
            # "Kentucky State Police", "Illinois State University": "X State" names the
            # organisation; the place is Kentucky.
            best = shorter
        alt = inflected.get(i)
        if alt is not None and (best is None or alt[0] >= best[0]):
            # Read through its lemmas: "до Одеси", "im Nahen Osten". When the form as
            # written names places too ("КИЇВ" is Kyiv's own name), both readings compete.
            cands = alt[2]
            if best is not None:
                same = ex._known(text[t.start:toks[best[0]].end])
                if same is not None:
                    best_match = {c.row: c for c in reversed(same.cands)}
                    for c in cands:  # each row with the better of its two matches
                        old = best_match.get(c.row)
                        if old is None or gz._MATCH_RANK[c.match] < gz._MATCH_RANK[old.match]:
                            best_match[c.row] = c
                    cands = tuple(sorted(best_match.values(), key=lambda c: (
                        gz._MATCH_RANK[c.match], -float(g.importance[c.row]))))
            best, cut = alt[:2], None
            morph_known[len(spans)] = _Known(g, cands)
        if best is not None and cut is not None:
            end_tok, key = best
            spans.append(Span(t.start, cut, text[t.start:cut], key, tok_start=i, tok_end=end_tok + 1))
            i = end_tok + 1
        elif best is not None:
            end_tok, key = best
            # "Laurel County", "Caddo Parish": the unit word belongs to the name.
            k2 = end_tok + 1
            if k2 < n and toks[k2].text in L.unit_heads and _joinable(text, toks[end_tok], toks[k2]) \
                    and text[toks[end_tok].end:toks[k2].start] == " ":
                unit_of[len(spans)] = L.unit_heads[toks[k2].text]
                end_tok = k2
            elif k2 < n and toks[k2].key in L.feature_nouns and not toks[k2].cap \
                    and text[toks[end_tok].end:toks[k2].start] == " " and f"{key} {toks[k2].key}" in trie:
                end_tok = k2  # "the Kerem Shalom crossing": the feature, by its full name
            s, e = t.start, toks[end_tok].end
            spans.append(Span(s, e, text[s:e], key, tok_start=i, tok_end=end_tok + 1))
            i = end_tok + 1
        else:
            if "-" in t.text:
                spans += _hyphen_parts(t, i, trie, lambda w: ex._is_big(w) or ex._home_pair_part(w, L),
                                       lambda w: _common(w, L))
            i += 1
    return spans, morph_known, unit_of


def _inflected_runs(text: str, toks: list[Token], names) -> dict[int, tuple]:
    """token index -> (last token index, key, candidates): the longest run of words
    from each capitalised token that names a place once read through its lemmas.
    The run may go on through lower-case words ("Херсонской области")."""
    from ..lang.inflect import MAX_WORDS, words

    out: dict[int, tuple] = {}
    n = len(toks)
    for i, t in enumerate(toks):
        if not t.text[:1].isalpha() or not (t.cap or names.lower_name(t.text)):
            continue
        run, ws = [], []
        for k in range(i, n):
            if k > i and not _joinable(text, toks[k - 1], toks[k]):
                break
            w = words(toks[k].text)
            if not w or len(ws) + len(w) > MAX_WORDS:
                break
            ws = ws + w
            run.append((k, list(ws)))
        for k, ws in reversed(run):
            hit = names.candidates(ws)
            if hit is not None:
                out[i] = (k, hit[0], hit[1])
                break
        # A unit word after the name ("Chersonskou oblast") joins it, and the unit's kind
        # narrows the candidates.
        if i in out and out[i][0] + 1 < n and _joinable(text, toks[out[i][0]], toks[out[i][0] + 1]):
            k, key, cands = out[i]
            kind = names.unit_kind(toks[k + 1].text)
            of_kind = [c for c in cands if kind and names.g.kind_name(c.row) == kind]
            if of_kind:
                out[i] = (k + 1, key, tuple(of_kind))
    # A name read through its case form with no unit word beside it is the city when the region of the same
    # country answers to the same word ("z Charkowa", "do Chersonia"): GeoNames gives the oblast the city's name.
    for i, (k, key, cands) in list(out.items()):
        if not names.city_before_region or (k + 1 < n and names.unit_kind(toks[k + 1].text)):
            continue
        cities = {names.g.country_code(c.row) for c in cands if names.g.kind_name(c.row) == "city"}
        kept = tuple(c for c in cands if not (names.g.kind_name(c.row) in ("admin1", "admin2")
                                              and names.g.country_code(c.row) in cities))
        if kept and len(kept) < len(cands):
            out[i] = (k, key, kept)
    # ... or before it, even in lower case ("w obwodzie charkowskim", "Oblast Cherson").
    for i in range(n - 1):
        t = toks[i]
        if (i in out and out[i][0] > i) or not t.text[:1].isalpha() or not _joinable(text, t, toks[i + 1]):
            continue
        kind = names.unit_kind(t.text)
        if kind is None or (not toks[i + 1].cap and len(toks[i + 1].text) < 4):
            continue  # "w naszym kraju od lat": a short lower-case word after a unit word is no region's name
        hit = names.candidates(words(toks[i + 1].text))
        of_kind = [c for c in hit[1] if names.g.kind_name(c.row) == kind] if hit else []
        if of_kind:
            out[i] = (i + 1, hit[0], tuple(of_kind))
    return out


def _hyphen_parts(t: Token, i: int, trie, is_big, common) -> list[Span]:
    """Names inside a hyphenated word the gazetteer does not know as a whole: the place
    before a lower-case suffix ("Albany-based", "Winston-Salem-area"), or every part
    when each names a country or region ("Egyptian-US", "Russia-Ukraine").
    "Mercedes-Benz" and "Jean-Pierre" give nothing, though some village bears each part,
    nor do everyday words ("On-site", "Honey-bee", "Neo-natal")."""
    pieces, pos = [], t.start
    for p in t.text.split("-"):
        pieces.append((pos, p))
        pos += len(p) + 1
    caps = 0
    while caps < len(pieces) and pieces[caps][1][:1].isupper():
        caps += 1
    if caps == 0:
        return []
    if caps < len(pieces):
        if not all(p.islower() for _, p in pieces[caps:]):
            return []
        s, e = pieces[0][0], pieces[caps - 1][0] + len(pieces[caps - 1][1])
        name = t.text[s - t.start:e - t.start]
        key = gz.fold(" ".join(p for _, p in pieces[:caps]))
        if key not in trie or (not name.isupper() and (len(name) <= 3 or common(name) >= 3.0)):
            return []
        return [Span(s, e, name, key, tok_start=i, tok_end=i + 1)]
    parts = [(s, p, gz.fold(p)) for s, p in pieces]
    if len(parts) < 2 or not all(k and k in trie and is_big(p) for _, p, k in parts):
        return []
    return [Span(s, s + len(p), p, k, tok_start=i, tok_end=i + 1) for s, p, k in parts]
