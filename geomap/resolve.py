"""Pick one gazetteer entry per mention, using the whole document.

Each candidate's score starts from its prior (how well known it is, whether the name
is its own) and gains from the document: countries and first-level regions the text
names, an explicit "Town, State" pair, the kind a cue word asks for ("kota", "wilayah",
"region"), and closeness to the other places the text names. The same surface name
resolves the same way throughout a document. Confidence is the softmax share of the
winner among its candidates.
"""
from __future__ import annotations

import dataclasses
import math

import numpy as np

from . import gazetteer as gz
from .recognize import Span
from .models import Mention, ResolvedPlace

MAX_CANDIDATES = 40
W_COUNTRY = 1.6  # candidate lies in a country the text names
W_ADMIN1 = 1.6  # ... in a first-level region the text names
W_PAIR = 4.0  # "Springfield, Illinois"
W_KIND = 1.5  # the cue word's kind
W_DISTANCE = 0.8  # per decade of km from the document's other places
W_HOME_ADMIN1 = 3.0  # a state of the country the document is about ("Georgia" in US news)


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
    # What the text says contains what: "X, Y", "X is a town in Y County, Z" (X lies
    # in Y and in Z), "X, a village near Y".
    links = _containers(spans)

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
    # Which candidate of a name fits which candidate of its container: fixed, so once.
    fits: dict[tuple[str, str], np.ndarray] = {}
    for (k, other), rel in links.items():
        if k == other:
            continue
        f = _fit(g, cand_lists[k][1], info[k], cand_lists[other][1], info[other], rel)
        if f.any():
            fits[(k, other)] = f
    has_container = {k for (k, _), rel in links.items() if rel != ","}
    fit_by_key: dict[str, list] = {}
    for (k, other), f in fits.items():
        fit_by_key.setdefault(k, []).append((other, f))
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
        total_votes = sum(countries.values())
        new_scores = {}
        for k in keys:
            cands, rows = cand_lists[k]
            ccs, a1s, kinds = info[k]
            sc = priors[k].copy()
            own_c, own_a = country_votes[k], admin1_votes[k]
            pair_others = fit_by_key.get(k, ())
            contained = k in has_container
            # Median distance from each candidate to the other names' current places,
            # for all candidates at once.
            med = None
            keep = pts_key != k if pts_lat.size else None
            if keep is not None and keep.any():
                rl = g.lat[rows]
                rn = g.lon[rows]
                med = _median_rows(_haversine_np(rl[:, None], rn[:, None], pts_lat[keep][None, :],
                                              pts_lon[keep][None, :]), axis=1)
            for other, f in pair_others:
                # "Springfield, Illinois": the city lies in a unit the next name may mean.
                fit = (f * (0.5 + probs[other])[None, :]).max(axis=1)
                sc += W_PAIR * np.minimum(1.0, fit)
            for idx, c in enumerate(cands):
                cc, a1, kind = ccs[idx], a1s[idx], kinds[idx]
                if cc:
                    # other names' votes only: a name does not vote for itself
                    support = countries.get(cc, 0.0) - own_c.get(cc, 0.0)
                    if support > 0.2:
                        sc[idx] += W_COUNTRY * min(1.0, support) * (0.5 if kind == "country" else 1.0)
                    if kind == "admin1" and support >= 1.5 and not contained:
                        # A document that is mostly about one country means its
                        # states by their bare names: "Georgia" in US news is the state.
                        share = support / max(1e-9, total_votes - sum(own_c.values()))
                        sc[idx] += W_HOME_ADMIN1 * min(1.0, share)
                if a1:
                    support = admin1s.get(a1, 0.0) - own_a.get(a1, 0.0)
                    if support > 0.2:
                        sc[idx] += W_ADMIN1 * min(1.5, support)
                if med is not None and kind in ("city", "admin1", "admin2", "other"):
                    sc[idx] -= W_DISTANCE * math.log10(1 + float(med[idx]) / 50.0)
            new_scores[k] = sc
        # A unit that a pair's first name fits is what the second name means.
        for (k, other), f in fits.items():
            pk = _softmax(new_scores[k])
            fit = (f * (0.5 + pk)[:, None]).max(axis=0)
            new_scores[other] = new_scores[other] + W_PAIR * np.minimum(1.0, fit)
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
        inside = _unlisted_inside(g, k, idx, links, fits, cand_lists, info, choice)
        if inside is not None:
            # "Weston is a town in Fairfield County": no Weston the gazetteer knows lies
            # there, so the best it can say is where the county is.
            place = dataclasses.replace(inside, id=f"{inside.id}/{k}", name=groups[k][0].text, kind="city",
                                        population=0, geonameid=None, source=f"within:{inside.id}")
            conf = 0.5
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


_CHAIN = 3  # "X is a town in Y County, Z, W": X lies in Y, Z and W
WITHIN_KM = {"in": 80.0, ",": 80.0, "near": 150.0}  # a town in a county, a village near a town


def _containers(spans: list[Span]) -> dict[tuple[str, str], str]:
    """(name, container name) -> how the text relates them ("," "in" "near").

    A comma chain after a container named with "in" continues it: in "X is a city
    in Y County, Z, W" the county, Z and W all contain X.
    """
    out: dict[tuple[str, str], str] = {}
    at = {sp.start: sp for sp in spans}
    for a in spans:
        rel = a.link_next
        b = at.get(a.link_to)
        if not rel or b is None:
            continue
        out.setdefault((a.key, b.key), rel)
        for _ in range(_CHAIN - 1):
            # only after an explicit "in": "Paris, Berlin, Springfield, Georgia" is a list
            if rel == "," or b.link_next != ",":
                break
            b = at.get(b.link_to)
            if b is None:
                break
            out.setdefault((a.key, b.key), "in" if rel == "near" else rel)
    return out


def _unlisted_inside(g, k, idx, links, fits, cand_lists, info, choice):
    """The place a name is said to lie in ("X is a town in Y"), when none of the
    name's own candidates can lie there; None otherwise."""
    for (a, other), rel in links.items():
        if a != k or rel not in ("in", "near") or other == k:
            continue
        # only the first container named: "in Y County, Z" -> Y County
        okind = info[other][2][choice[other]]
        if okind not in ("city", "other", "admin2", "admin1") or rel == "near" and okind == "admin1":
            return None
        if any(kd not in ("city", "other") for kd in info[k][2]):
            return None
        f = fits.get((k, other))
        if f is not None and f[:, choice[other]].any():
            return None
        return g.place(int(cand_lists[other][1][choice[other]]))
    return None


_PLACES = ("city", "other", "admin2")


def _fit(g, rows, inf, orows, oinf, rel: str) -> np.ndarray:
    """fit[i, j] = 1 when candidate i of a name can lie in candidate j of its container."""
    ccs, a1s, kinds = inf
    occs, oa1s, okinds = oinf
    f = np.zeros((len(ccs), len(occs)))
    dist = None
    for j in range(len(occs)):
        ok, oc, oa = okinds[j], occs[j], oa1s[j]
        if ok == "country":
            for i in range(len(ccs)):
                if ccs[i] == oc and kinds[i] != "country":
                    f[i, j] = 1.0
        elif ok == "admin1":
            if oa:
                for i in range(len(ccs)):
                    if a1s[i] == oa and kinds[i] != "admin1":
                        f[i, j] = 1.0
        elif ok == "admin2" or (ok in _PLACES and rel != ","):
            # "Cleveland, Columbus, Dayton" lists towns after commas: only a county
            # or an explicit "in"/"near" puts a town beside another place.
            # a town in a county or a suburb of a city: it lies close by
            if dist is None:
                dist = _haversine_np(g.lat[rows][:, None], g.lon[rows][:, None],
                                     g.lat[orows][None, :], g.lon[orows][None, :])
            lim = WITHIN_KM[rel]
            for i in range(len(ccs)):
                if kinds[i] in ("city", "other") or (kinds[i] == "admin2" and ok != "admin2"):
                    if dist[i, j] <= lim and ccs[i] == oc:
                        f[i, j] = 1.0
    return f


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


def _median_rows(d: np.ndarray, axis: int = 1) -> np.ndarray:
    """Row medians. np.median would import numpy.ma (30 ms) on first use in a CLI run."""
    d = np.sort(d, axis=axis)
    n = d.shape[axis]
    return (d[:, (n - 1) // 2] + d[:, n // 2]) / 2


def _haversine_np(lat, lon, lats, lons) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def _confidence(scores: np.ndarray, idx: int) -> float:
    if len(scores) == 1:
        return 1.0
    z = np.exp(scores - scores.max())
    return float(z[idx] / z.sum())

