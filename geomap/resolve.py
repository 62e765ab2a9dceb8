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
    # What each candidate lies in: its country and first-level region codes.
    info = {}
    for k in keys:
        cands, rows = cand_lists[k]
        ccs, a1s, kinds = [], [], []
        for c in cands:
            kind = g.kind_name(c.row)
            ccs.append(g.country_code(c.row))
            a1s.append(_admin1(g, c.row) if kind in ("city", "admin1", "admin2", "other") else "")
            kinds.append(kind)
        info[k] = (ccs, a1s, kinds)
    scores = {k: priors[k].copy() for k in keys}
    choice = {k: int(np.argmax(scores[k])) for k in keys}

    for _round in range(3):
        # Soft context: every name votes for the countries and regions its candidates
        # lie in, in proportion to how likely each candidate is now (one vote per name).
        probs = {k: _softmax(scores[k]) for k in keys}
        country_votes: dict[str, dict[str, float]] = {}
        admin1_votes: dict[str, dict[str, float]] = {}
        points = []
        for k in keys:
            ccs, a1s, kinds = info[k]
            w = probs[k]
            weight = min(2.0, 1.0 + 0.25 * (len(groups[k]) - 1))
            cv: dict[str, float] = {}
            av: dict[str, float] = {}
            for idx in range(len(ccs)):
                if ccs[idx]:
                    cv[ccs[idx]] = cv.get(ccs[idx], 0.0) + float(w[idx])
                if a1s[idx]:
                    av[a1s[idx]] = av.get(a1s[idx], 0.0) + float(w[idx])
            country_votes[k] = {c: v * weight for c, v in cv.items()}
            admin1_votes[k] = {c: v * weight for c, v in av.items()}
            r = int(cand_lists[k][1][choice[k]])
            if kinds[choice[k]] not in ("country", "continent", "sea", "region"):
                points.append((k, float(g.lat[r]), float(g.lon[r])))
        pts_key = np.array([p[0] for p in points], dtype=object)
        pts_lat = np.array([p[1] for p in points], dtype=float)
        pts_lon = np.array([p[2] for p in points], dtype=float)
        countries: dict[str, float] = {}
        admin1s: dict[str, float] = {}
        for k in keys:
            for c, v in country_votes[k].items():
                countries[c] = countries.get(c, 0.0) + v
            for c, v in admin1_votes[k].items():
                admin1s[c] = admin1s.get(c, 0.0) + v
        new_scores = {}
        for k in keys:
            cands, rows = cand_lists[k]
            ccs, a1s, kinds = info[k]
            sc = priors[k].copy()
            own_c, own_a = country_votes[k], admin1_votes[k]
            pair_others = pair_next.get(k, ())
            # Median distance from each candidate to the other names' current places,
            # for all candidates at once.
            med = None
            keep = pts_key != k if pts_lat.size else None
            if keep is not None and keep.any():
                rl = g.lat[rows]
                rn = g.lon[rows]
                med = np.median(_haversine_np(rl[:, None], rn[:, None], pts_lat[keep][None, :],
                                              pts_lon[keep][None, :]), axis=1)
            for idx, c in enumerate(cands):
                cc, a1, kind = ccs[idx], a1s[idx], kinds[idx]
                if cc:
                    # other names' votes only: a name does not vote for itself
                    support = countries.get(cc, 0.0) - own_c.get(cc, 0.0)
                    if support > 0.2:
                        sc[idx] += W_COUNTRY * min(1.0, support) * (0.5 if kind == "country" else 1.0)
                if a1:
                    support = admin1s.get(a1, 0.0) - own_a.get(a1, 0.0)
                    if support > 0.2:
                        sc[idx] += W_ADMIN1 * min(1.5, support)
                for other in pair_others:
                    # "Springfield, Illinois": the city lies in a region or country the next name may mean.
                    occs, oa1s, okinds = info[other]
                    op = probs[other]
                    fit = 0.0
                    for j in range(len(occs)):
                        if okinds[j] == "country" and occs[j] == cc and kind != "country":
                            fit = max(fit, 0.5 + float(op[j]))
                        elif okinds[j] == "admin1" and oa1s[j] and oa1s[j] == a1 and kind != "admin1":
                            fit = max(fit, 0.5 + float(op[j]))
                    sc[idx] += W_PAIR * min(1.0, fit)
                if med is not None and kind in ("city", "admin1", "admin2", "other"):
                    sc[idx] -= W_DISTANCE * math.log10(1 + float(med[idx]) / 50.0)
            new_scores[k] = sc
        # A region or country that a pair's first name fits is what the second name means.
        for k, others in pair_next.items():
            for other in others:
                occs, oa1s, okinds = info[other]
                ccs, a1s, kinds = info[k]
                pk = _softmax(new_scores[k])
                for j in range(len(occs)):
                    fit = 0.0
                    for idx in range(len(ccs)):
                        if (okinds[j] == "country" and ccs[idx] == occs[j] and kinds[idx] != "country") or \
                                (okinds[j] == "admin1" and oa1s[j] and a1s[idx] == oa1s[j] and kinds[idx] != "admin1"):
                            fit = max(fit, 0.5 + float(pk[idx]))
                    new_scores[other][j] += W_PAIR * min(1.0, fit)
        scores = new_scores
        choice = {k: int(np.argmax(scores[k])) for k in keys}
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


_ADMIN1: dict[tuple[int, int], str] = {}


def _admin1(g: gz.Gazetteer, row: int) -> str:
    """A row's first-level region code; reading it costs a CSV line, so remember it."""
    key = (id(g), row)
    code = _ADMIN1.get(key)
    if code is None:
        if len(_ADMIN1) > 500_000:
            _ADMIN1.clear()
        code = _ADMIN1[key] = g.row(row).get("admin1", "")
    return code


def _softmax(scores: np.ndarray) -> np.ndarray:
    z = np.exp(scores - scores.max())
    return z / z.sum()


def _haversine_np(lat, lon, lats, lons) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def _confidence(scores: np.ndarray, idx: int) -> float:
    if len(scores) == 1:
        return 1.0
    z = np.exp(scores - scores.max())
    return float(z[idx] / z.sum())


def place_of(rp: ResolvedPlace) -> Place:
    return rp.place
