"""Pick one gazetteer entry per mention, using the whole document.

Each candidate's score starts from its prior (how well known it is, whether the name
is its own) and gains from the document: countries and first-level regions the text
names, an explicit "Town, State" pair, the kind a cue word asks for ("kota", "wilayah",
"region"), and closeness to the other places the text names. The same surface name
resolves the same way throughout a document. Confidence is the softmax share of the
winner among its candidates.
"""
from __future__ import annotations

import math
import re

import numpy as np

from . import gazetteer as gz
from .recognize import Span
from .geocode import haversine_km
from .models import Mention, Place, ResolvedPlace

MAX_CANDIDATES = 40
W_COUNTRY = 1.6  # candidate lies in a country the text names
W_ADMIN1 = 1.6  # ... in a first-level region the text names
W_PAIR = 4.0  # "Springfield, Illinois"
W_KIND = 1.5  # the cue word's kind
W_DISTANCE = 0.8  # per decade of km from the document's other places


def _candidates(g: gz.Gazetteer, sp: Span):
    cands = sp.candidates[:MAX_CANDIDATES]
    rows = np.fromiter((c.row for c in cands), dtype=np.int64, count=len(cands))
    return cands, rows


def _prior(g, c, sp: Span) -> float:
    s = float(g.importance[c.row]) + (1.0 if c.match == gz.MATCH_NAME else 0.0)
    s -= (1.0 - c.similarity) * 10
    kind = g.kind_name(c.row)
    if sp.kind_hint:
        hint = sp.kind_hint
        if kind == hint or (hint == "admin1" and kind == "region") or (hint == "region" and kind == "admin1"):
            s += W_KIND
    if sp.acronym and kind == "city":
        s -= 3.0
    return s


def resolve(g: gz.Gazetteer, text: str, spans: list[Span]) -> list[ResolvedPlace]:
    if not spans:
        return []
    # One sense per name per document: group spans by folded name.
    groups: dict[str, list[Span]] = {}
    for sp in spans:
        groups.setdefault(sp.key, []).append(sp)
    keys = list(groups)
    cand_lists = {k: _candidates(g, groups[k][0]) for k in keys}
    # Explicit pairs: "X, Y" where Y is a later span right after a comma.
    pair_next: dict[str, set[str]] = {}
    for a, b in zip(spans, spans[1:]):
        if re.fullmatch(r",\s*", text[a.end:b.start]):
            pair_next.setdefault(a.key, set()).add(b.key)

    priors = {k: np.array([_prior(g, c, groups[k][0]) for c in cand_lists[k][0]]) for k in keys}
    choice = {k: int(np.argmax(priors[k])) for k in keys}

    for _round in range(2):
        # Context from the current choices: countries, admin1 codes, and points.
        countries: dict[str, float] = {}
        admin1s: dict[str, float] = {}
        points = []
        for k in keys:
            cands, rows = cand_lists[k]
            r = int(rows[choice[k]])
            conf = _confidence(priors[k], choice[k])
            cc = g.country_code(r)
            kind = g.kind_name(r)
            weight = conf * len(groups[k])
            if cc:
                countries[cc] = countries.get(cc, 0) + weight * (1.0 if kind in ("country", "admin1") else 0.5)
            if kind == "admin1":
                code = g.row(r).get("admin1", "")
                if code:
                    admin1s[code] = admin1s.get(code, 0) + weight
            if kind not in ("country", "continent", "sea", "region"):
                points.append((k, float(g.lat[r]), float(g.lon[r]), conf))
        new_choice = {}
        scores = {}
        for k in keys:
            cands, rows = cand_lists[k]
            sc = priors[k].copy()
            own = {g.country_code(int(rows[choice[k]]))}
            for idx, c in enumerate(cands):
                r = c.row
                cc = g.country_code(r)
                kind = g.kind_name(r)
                if kind != "country" and cc in countries:
                    # don't let a name vote for its own country
                    support = countries[cc] - (_confidence(priors[k], choice[k]) * len(groups[k]) if cc in own else 0)
                    if support > 0.3:
                        sc[idx] += W_COUNTRY * min(1.0, support)
                if kind == "city":
                    row = None
                    code = None
                    if admin1s:
                        row = g.row(r)
                        code = row.get("admin1", "")
                        if code in admin1s:
                            sc[idx] += W_ADMIN1
                    for other in pair_next.get(k, ()):
                        orow = int(cand_lists[other][1][choice[other]])
                        okind = g.kind_name(orow)
                        if okind == "country" and g.country_code(orow) == cc:
                            sc[idx] += W_PAIR
                        elif okind == "admin1":
                            if row is None:
                                row = g.row(r)
                                code = row.get("admin1", "")
                            if g.row(orow).get("admin1", "") == code:
                                sc[idx] += W_PAIR
                if points and kind in ("city", "admin1", "other"):
                    ds = [haversine_km(float(g.lat[r]), float(g.lon[r]), la, lo)
                          for (ok, la, lo, conf) in points if ok != k]
                    if ds:
                        d = float(np.median(ds))
                        sc[idx] -= W_DISTANCE * math.log10(1 + d / 50.0)
            new_choice[k] = int(np.argmax(sc))
            scores[k] = sc
        choice = new_choice
        final_scores = scores

    out = []
    for k in keys:
        cands, rows = cand_lists[k]
        idx = choice[k]
        c = cands[idx]
        place = g.place(c.row)
        conf = _confidence(final_scores[k], idx)
        mentions = tuple(Mention(sp.start, sp.end, sp.text, demonym=(c.match == gz.MATCH_DEMONYM))
                         for sp in groups[k])
        if groups[k][0].fuzzy:
            conf *= c.similarity
        out.append(ResolvedPlace(place, mentions, round(float(conf), 3)))
    # Several names may resolve to one place ("Korea Utara", "North Korea"): merge.
    merged: dict[str, ResolvedPlace] = {}
    for rp in out:
        m = merged.get(rp.place.id)
        if m is None:
            merged[rp.place.id] = rp
        else:
            ms = tuple(sorted(m.mentions + rp.mentions, key=lambda x: x.start))
            merged[rp.place.id] = ResolvedPlace(m.place, ms, max(m.score, rp.score))
    return sorted(merged.values(), key=lambda rp: rp.mentions[0].start)


def _confidence(scores: np.ndarray, idx: int) -> float:
    if len(scores) == 1:
        return 1.0
    z = np.exp(scores - scores.max())
    return float(z[idx] / z.sum())


def place_of(rp: ResolvedPlace) -> Place:
    return rp.place
