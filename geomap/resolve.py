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
import re

import numpy as np

from . import confidence
from . import gazetteer as gz
from .distance import EARTH_RADIUS_KM
from .models import Mention, Place, ResolvedPlace
from .recognize import Span

MAX_CANDIDATES = 40
W_NEAR = 1.0  # per other name with a town within NEAR_KM
W_NEAR_COUNTY = 2.0  # ... when one of the two is a county: "Huntsville" beside "Walker County"
W_LONE_COUNTRY = 2.0  # the only country a text names, when no other name lies in it
NEAR_KM = 30.0
MAX_NEAR_CANDIDATES = 600  # beyond this many, the pairwise matrix is not built
W_COUNTRY = 1.6  # candidate lies in a country the text names
W_ADMIN1 = 1.6  # ... in a first-level region the text names
W_PAIR = 4.0  # "Springfield, Illinois"
W_KIND = 1.5  # the cue word's kind
W_DATELINE = 2.0  # the best-known city of a name in a wire dateline
W_DISTANCE = 0.8  # per decade of km from the document's other places
MAX_DISTANCE_POINTS = 100  # the other places a candidate's distance is measured to, at most
_DISTANCE_BLOCK = 1 << 18  # distances held at once (2 MB a table)
MAX_NEAREST_PAIRS = 4_000_000  # names x points beyond which each name's nearest place comes from a k-d tree
W_SEAT = 0.8  # a first-level region below the city it is named after
SEAT_IMPORTANCE = 5.0  # ... when it has 100,000 people
SEAT_HOME_IMPORTANCE = 6.0  # ... and over the home-state rule when it has a million
W_HOME_ADMIN1 = 3.0  # a state of the country the document is about ("Georgia" in US news)


_KIND_CODE = {k: i for i, k in enumerate(gz.KINDS)}
_COUNTRY, _ADMIN1_K, _REGION, _ADMIN2 = (_KIND_CODE[k] for k in ("country", "admin1", "region", "admin2"))
_CITY, _OTHER = _KIND_CODE["city"], _KIND_CODE["other"]
# Kinds that lie inside a first-level region (and are measured by distance).
_PLACELIKE = np.zeros(len(gz.KINDS), dtype=bool)
_PLACELIKE[[_KIND_CODE[k] for k in ("city", "admin1", "admin2", "other", *gz.POINT_FEATURES)]] = True
# Kinds that count as a point of the document's geography.
_POINT = np.ones(len(gz.KINDS), dtype=bool)
_POINT[[_KIND_CODE[k] for k in ("country", "continent", "region", *gz.WATER)]] = False
_NEAR = _POINT.copy()
_NEAR[_KIND_CODE["region"]] = True
# Country and admin1 codes as small integers, so that whole documents compare at once;
# 0 is the empty code.
_CODE_IDS: dict[str, int] = {"": 0}
# A dict to receive {place id: confidence features} of every document resolved while it
# is set (bench/place_records.py fits the calibration on them); None in normal use.
FEATURE_SINK: dict | None = None
FUZZY_SUPPORT_KM = 300.0  # a misspelt town must lie this close to another place of the text ...
# A small town named by an alternate name (a transliteration, an old or local name) is as much
# a guess as a misspelling: "Khasan" is not Hassan in India, "Yunin" not Union, Oregon.
WEAK_ALT_IMPORTANCE = 5.5  # about 300,000 people
OUTLIER_TOWN_IMPORTANCE = 5.0  # a town under 100,000 ...
OUTLIER_KM = 2000.0  # ... this far from every other place of the text, in a country none votes for
NAMESAKE_KM = 100.0  # ... and a namesake this far off (a town and its port of one name are one place)
GIVEN_NAME_TOWN_IMPORTANCE = 5.0  # a town under 100,000 named like a person ("Elena", "Olga")
WEAK_ALT_SUPPORT = 0.05  # ... and resolves when any other name votes for its country (a share of them)
# Languages whose CLDR name for a country is everyday usage somewhere in the news geomap reads
# (Natural Earth's 26 languages, plus Czech and Malay); a country's name in one of the other
# ~700 CLDR locales ("Konga", "Kini", "Tugu", "Aman") is more often a word or a village.
MAJOR_NAME_LOCALES = ("ar", "bn", "cs", "de", "el", "en", "es", "fa", "fr", "he", "hi", "hu", "id", "it", "ja",
                      "ko", "ms", "nl", "pl", "pt", "ru", "sv", "tr", "uk", "ur", "vi", "zh", "zh_Hant")


def _code_id(code: str) -> int:
    i = _CODE_IDS.get(code)
    if i is None:
        i = _CODE_IDS[code] = len(_CODE_IDS)
    return i


class _Cands:
    """What resolve needs of one name's candidates (the first MAX_CANDIDATES), as arrays.

    It depends on the candidates alone, so it is built once per candidate list and
    reused by every document that names the place again (recognize hands out one
    tuple per name): the per-candidate Python work, the country codes and the CSV
    reads for admin1 codes, was half of resolve's time.
    """

    __slots__ = ("a1", "base", "cands", "cc", "kind", "kinds", "lat", "lon", "orphan", "own", "rows")

    @classmethod
    def many(cls, g: gz.Gazetteer, lists) -> list[_Cands]:
        """One _Cands per candidate list, built with a few array operations for all
        of them: a list of thousands of names paid a Python pass per name."""
        lists = [tuple(c[:MAX_CANDIDATES]) for c in lists]
        flat = [c for cands in lists for c in cands]
        sizes = [len(c) for c in lists]
        rows = np.fromiter((c.row for c in flat), dtype=np.int64, count=len(flat))
        kind = g.kind[rows].astype(np.int64)
        kinds = [gz.KINDS[k] for k in kind.tolist()]
        own = np.array([1.0 if c.match == gz.MATCH_NAME else 0.0 for c in flat])
        sim = np.array([c.similarity for c in flat], dtype=np.float64)
        base = (g.importance[rows].astype(np.float64) + own) - (1.0 - sim) * 10
        ucc, inv = np.unique(g.country[rows], return_inverse=True)
        cc = np.array([_code_id(bytes(u).decode("ascii").strip()) for u in ucc.tolist()], dtype=np.int64)
        cc = cc[inv.reshape(-1)] if len(flat) else np.zeros(0, dtype=np.int64)
        placelike = _PLACELIKE[kind]
        ua1, inv = np.unique(g.admin1_id[rows[placelike]], return_inverse=True)
        a1 = np.zeros(len(flat), dtype=np.int64)
        if len(ua1):
            a1[placelike] = np.array([_code_id(g.admin1_code_of(int(u))) for u in ua1], dtype=np.int64)[inv.reshape(-1)]
        lat, lon = g.lat[rows], g.lon[rows]
        orphan = _orphan_admin1(g)[rows]
        out = []
        at = 0
        for cands, n in zip(lists, sizes):
            s = slice(at, at + n)
            at += n
            info = cls.__new__(cls)
            info.cands, info.rows, info.kind, info.kinds = cands, rows[s], kind[s], kinds[s]
            info.own, info.base, info.cc, info.a1 = own[s], base[s], cc[s], a1[s]
            info.lat, info.lon, info.orphan = lat[s], lon[s], orphan[s]
            out.append(info)
        return out


_CANDS: dict[int, tuple] = {}
_ORPHANS: tuple | None = None


def _orphan_admin1(g: gz.Gazetteer) -> np.ndarray:
    """Per gazetteer row: a first-level unit whose code no town carries. GeoNames files the
    towns of some countries under units the gazetteer no longer lists as theirs (a Philippine
    town under its region, "01", while "La Union" is a province with a code of its own; old
    English counties, Italian provinces), so "San Fernando, in the province of La Union"
    cannot be matched by code; such a unit contains the towns close to its point."""
    global _ORPHANS
    if _ORPHANS is None or _ORPHANS[0] is not g:
        towns = ~np.isin(g.kind, [_COUNTRY, _ADMIN1_K, _REGION, *(_KIND_CODE[k] for k in gz.WATER),
                                  _KIND_CODE["continent"]])
        units = g.kind == _ADMIN1_K
        _ORPHANS = (g, units & ~np.isin(g.admin1_id, np.unique(g.admin1_id[towns])))
    return _ORPHANS[1]


def _cands_infos(g: gz.Gazetteer, lists: list) -> list[_Cands]:
    """Each candidate list's _Cands, remembered per tuple and built together when new.

    Keyed by the identity of the (immutable) tuple, which the entry keeps alive so
    that the id cannot be reused; lists may change, so they are not remembered."""
    out: list = []
    todo = []
    for i, cands in enumerate(lists):
        hit = _CANDS.get(id(cands)) if type(cands) is tuple else None
        if hit is None or hit[0] is not cands or hit[1] is not g:
            todo.append(i)
            out.append(None)
        else:
            out.append(hit[2])
    if todo:
        if len(_CANDS) + len(todo) > 100_000:
            _CANDS.clear()
        for i, info in zip(todo, _Cands.many(g, [lists[i] for i in todo])):
            out[i] = info
            if type(lists[i]) is tuple:
                _CANDS[id(lists[i])] = (lists[i], g, info)
    return out


def _prior(info: _Cands, sp: Span) -> np.ndarray:
    s = info.base.copy()
    if sp.kind_hint:
        hint = sp.kind_hint
        ok = {hint, "region"} if hint == "admin1" else {hint, "admin1"} if hint == "region" else {hint}
        s[np.array([k in ok for k in info.kinds])] += W_KIND
    if sp.acronym:
        s[info.kind == _CITY] -= 3.0
    if sp.dateline:
        # Stories are filed from cities, and wire desks sit in well-known ones: the
        # best-known city of the name ("LONDON (Reuters)" is not London, Ontario).
        cities = np.flatnonzero(info.kind == _CITY)
        if len(cities):
            s[cities[np.argmax(info.base[cities])]] += W_DATELINE
    return s


class _Segments:
    """The names' stretches of the candidates laid side by side: name i owns
    [off[i], off[i + 1]). Softmax and argmax per name, for all names at once."""

    def __init__(self, sizes: np.ndarray):
        K = len(sizes)
        self.sizes = sizes
        self.off = np.zeros(K + 1, dtype=np.int64)
        np.cumsum(sizes, out=self.off[1:])
        self.starts = self.off[:-1]
        N = int(self.off[-1])
        self.index = np.arange(N)
        self.kid = np.repeat(np.arange(K), sizes)
        # Where numpy's pairwise sum puts each element (see sums); index N is a zero.
        nmax = int(sizes.max())
        self.long, self.short = nmax > 128, nmax < 8
        if self.long:
            return
        local = self.index - self.starts[self.kid]
        full = sizes // 8
        in_block = local < 8 * full[self.kid]
        self.blocks = np.full((K, max(1, nmax // 8), 8), N)
        self.blocks[self.kid[in_block], local[in_block] // 8, local[in_block] % 8] = self.index[in_block]
        out = ~in_block
        self.rest = np.full((K, 8), N)
        self.rest[self.kid[out], 1 + local[out] - 8 * full[self.kid[out]]] = self.index[out]

    def softmax(self, s: np.ndarray) -> np.ndarray:
        """_softmax of each name's scores, to the last bit."""
        z = np.exp(s - np.maximum.reduceat(s, self.starts)[self.kid])
        return z / self.sums(z)[self.kid]

    def sums(self, z: np.ndarray) -> np.ndarray:
        """z[a:b].sum() of each name's stretch, bit for bit, in a few array operations.

        Exactness matters: a name mentioned three times votes 1.5 x (its probabilities'
        sum), and the home-state rule asks whether that is >= 1.5, so the last bit of a
        sum that "is" 1.0 decides. numpy sums a short array pairwise: eight running sums
        over the whole blocks of eight, combined as a tree, then the remaining elements
        one by one (under eight elements: one by one from 0.0). np.add.reduceat adds in
        another order, and .sum() per name costs a Python loop; this repeats numpy's order
        on gathered tables, where absent elements are zeros that add nothing.
        """
        if self.long:  # numpy splits longer arrays recursively; MAX_CANDIDATES keeps us short
            return np.array([z[a:a + n].sum() for a, n in zip(self.starts.tolist(), self.sizes.tolist())])
        ze = np.append(z, 0.0)
        if self.short:  # every stretch under eight: one by one from 0.0
            return np.cumsum(ze[self.rest], axis=1)[:, 7]
        r = np.cumsum(ze[self.blocks], axis=1)[:, -1]  # cumulative sums add in order
        r = r[:, 0::2] + r[:, 1::2]
        r = r[:, 0::2] + r[:, 1::2]
        t = ze[self.rest]
        t[:, 0] = r[:, 0] + r[:, 1]  # ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), or 0.0
        return np.cumsum(t, axis=1)[:, 7]

    def argmax(self, s: np.ndarray) -> np.ndarray:
        """np.argmax of each name's scores (the first best), as indices into s."""
        best = s == np.maximum.reduceat(s, self.starts)[self.kid]
        return np.minimum.reduceat(np.where(best, self.index, len(s)), self.starts)


def _distance_term(rad_lat, cos_lat, lon, kid, pt, placelike, K) -> np.ndarray | None:
    """W_DISTANCE x log10(1 + median km / 50) from each place-like candidate to the
    points pt (indices of the names' chosen candidates) other than its own name's;
    None when there are none.

    Linear in the candidates: a document that names thousands of places measures each
    candidate to MAX_DISTANCE_POINTS of them spread evenly over the text's order, a
    block of rows at a time, and np.partition finds the middle of each row.
    """
    if not len(pt):
        return None
    # A long document (a sample of its points) measures by chord: haversine's a is a
    # quarter of the squared chord between unit vectors, three differences a pair where
    # the formula below takes two sines; equal but for the last bits, which is why
    # documents of up to MAX_DISTANCE_POINTS places keep the formula they were tuned on.
    by_chord = len(pt) > MAX_DISTANCE_POINTS
    if by_chord:
        pt = pt[np.linspace(0, len(pt) - 1, MAX_DISTANCE_POINTS).round().astype(np.int64)]
    P = len(pt)
    has_pt = np.zeros(K, dtype=np.int64)
    has_pt[kid[pt]] = 1
    n = P - has_pt[kid]  # how many points each candidate is measured to
    ok = placelike & (n > 0)
    if not ok.any():
        return None
    rows = np.flatnonzero(ok)
    # A row measured to P points has its middle at (P-1)//2 and P//2; one measured to
    # P-1 (its own name's point is inf, last) at (P-2)//2 and (P-1)//2.
    kth = sorted({max(0, (P - 2) // 2), (P - 1) // 2, P // 2})
    pl, pc, plon, pk = rad_lat[pt][None, :], cos_lat[pt][None, :], lon[pt][None, :], kid[pt][None, :]
    if by_chord:
        rad_lon = np.radians(lon)
        unit = (cos_lat * np.cos(rad_lon), cos_lat * np.sin(rad_lon), np.sin(rad_lat))
        pu = [u[pt][None, :] for u in unit]
    med = np.empty(len(rows))
    step = max(1, _DISTANCE_BLOCK // P)
    for s in range(0, len(rows), step):
        r = rows[s:s + step]
        if by_chord:
            a = sum((u[r][:, None] - p) ** 2 for u, p in zip(unit, pu)) / 4
        else:
            # _haversine_np, with the candidates' radians and cosines computed once
            a = np.sin((pl - rad_lat[r][:, None]) / 2) ** 2 + cos_lat[r][:, None] * pc \
                * np.sin(np.radians(plon - lon[r][:, None]) / 2) ** 2
        a[kid[r][:, None] == pk] = np.inf  # not to its own place: sorts last
        # The km grow with a, so the middle of a row's km is the km of the middle of
        # its a: the arcsine is taken of two values a row, not of the whole table.
        a.partition(kth, axis=1)
        m = n[r]
        at = np.arange(len(r))
        lo, hi = (2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a[at, j])))
                  for j in ((m - 1) // 2, m // 2))
        med[s:s + step] = (lo + hi) / 2
    term = np.zeros(len(kid))
    term[rows] = W_DISTANCE * np.log10(1 + med / 50.0)
    return term


def _near_pairs(lat, lon, kid, placelike):
    """Pairs of place-like candidates of different names within NEAR_KM of each
    other, grouped by (candidate, other name): (candidate of each pair, its
    neighbour, where each group starts, the candidate of each group), or None.
    Skipped for documents with very many candidates, whose other terms say enough."""
    idx = np.flatnonzero(placelike)
    if not 1 < len(idx) <= MAX_NEAR_CANDIDATES:
        return None
    la, lo, k = lat[idx], lon[idx], kid[idx]
    # Latitude alone rules out most pairs cheaply; the rest are measured.
    i, j = np.nonzero((np.abs(la[:, None] - la[None, :]) <= NEAR_KM / 110.0) & (k[:, None] != k[None, :]))
    keep = _haversine_np(la[i], lo[i], la[j], lo[j]) <= NEAR_KM
    i, j = i[keep], j[keep]
    if not len(i):
        return None
    # np.nonzero walks row by row, and idx (so k) ascends within a row: each
    # (candidate, other name) group is a run.
    g = i * (int(k.max()) + 1) + k[j]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    return idx[i], idx[j], starts, idx[i][starts]


class _Votes:
    """Each name's votes for the codes (countries or regions) its candidates lie in,
    kept only for the (name, code) pairs that occur: a table of every name against
    every code grows with their product, these with the candidates.

    The sums add in the order a full names x codes table would (by bincount, name by
    name), and leaving out its zeros changes no bit of them.
    """

    def __init__(self, pair: np.ndarray, C: int, weight: np.ndarray):
        self.pairs, self.inv = np.unique(pair, return_inverse=True)  # sorted: name-major
        self.C = C
        self.col = self.pairs % C
        self.weight = weight[self.pairs // C]

    def tally(self, probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(each pair's weighted vote, each code's total)"""
        v = np.bincount(self.inv, probs, len(self.pairs)) * self.weight
        return v, np.bincount(self.col, v, self.C)

    def of(self, v: np.ndarray, k: int, codes: np.ndarray) -> np.ndarray:
        """Name k's votes for codes, each one its candidates lie in."""
        return v[np.searchsorted(self.pairs, k * self.C + codes)]


def _nearest_other(lat, lon, kid, pt, choice) -> np.ndarray:
    """For each name i, the km from its chosen place to the nearest point of pt that
    is not its own: what nearest_km measures pair by pair, found through a k-d tree
    on the unit sphere (the nearest by chord is the nearest by great circle) when a
    document names thousands of places and every pair would cost seconds."""
    from scipy.spatial import cKDTree

    def xyz(idx):
        la, lo = np.radians(lat[idx]), np.radians(lon[idx])
        return np.column_stack((np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)))

    K = len(choice)
    out = np.full(K, np.inf)
    if not len(pt):
        return out
    _, near = cKDTree(xyz(pt)).query(xyz(choice), k=2)
    P = len(pt)
    first, second = near[:, 0], near[:, 1]
    own = (first < P) & (kid[pt[np.minimum(first, P - 1)]] == np.arange(K))
    best = np.where(own, second, first)  # P: no such neighbour
    ok = best < P
    o = pt[best[ok]]
    j = choice[ok]
    out[ok] = _haversine_np(lat[j], lon[j], lat[o], lon[o])
    return out


def _first_seen(codes: np.ndarray) -> np.ndarray:
    """The distinct codes in the order they first occur."""
    _, first = np.unique(codes, return_index=True)
    return codes[np.sort(first)]


class _Doc:
    """One document's names and all their candidates side by side: name i owns
    [off[i], off[i + 1]) of every per-candidate array, so each step below scores the
    whole document with a few array operations. The same surface name resolves the
    same way throughout a document, so a name is the group of spans sharing a key."""

    def __init__(self, g: gz.Gazetteer, spans: list[Span]):
        self.g = g
        groups: dict[str, list[Span]] = {}
        for sp in spans:
            groups.setdefault(sp.key, []).append(sp)
        self.groups = groups
        self.keys = keys = list(groups)
        self.pos = {k: i for i, k in enumerate(keys)}
        self.K = K = len(keys)
        self.infos = infos = _cands_infos(g, [groups[k][0].candidates for k in keys])
        self.seg = seg = _Segments(np.array([len(inf.cands) for inf in infos], dtype=np.int64))
        self.sizes, self.off, self.kid = seg.sizes, seg.off, seg.kid
        self.kind = np.concatenate([inf.kind for inf in infos])
        self.lat = np.concatenate([inf.lat for inf in infos])
        self.lon = np.concatenate([inf.lon for inf in infos])
        self.prior = np.concatenate([_prior(inf, groups[k][0]) for k, inf in zip(keys, infos)])
        self.sl = [slice(int(self.off[i]), int(self.off[i + 1])) for i in range(K)]
        # What the text says contains what: "X, Y", "X is a town in Y County, Z" (X lies
        # in Y and in Z), "X, a village near Y".
        self.links = _containers(spans)
        # Country and admin1 codes renumbered 0..C-1 within the document (0 stays "none").
        self.cc_ids = np.concatenate([inf.cc for inf in infos])
        self.a1_ids = np.concatenate([inf.a1 for inf in infos])
        ucc, self.cc = np.unique(self.cc_ids, return_inverse=True)
        ua1, self.a1 = np.unique(self.a1_ids, return_inverse=True)
        self.has_cc, self.has_a1 = self.cc_ids != 0, self.a1_ids != 0
        self.C, self.A = C, A = len(ucc), len(ua1)
        self.cc_pair, self.a1_pair = self.kid * C + self.cc, self.kid * A + self.a1
        # A name mentioned again votes more, up to twice.
        weight = np.array([min(2.0, 1.0 + 0.25 * (len(groups[k]) - 1)) for k in keys])
        self.cc_votes, self.a1_votes = _Votes(self.cc_pair, C, weight), _Votes(self.a1_pair, A, weight)
        self.own_name = np.concatenate([inf.own for inf in infos]) > 0
        self.imp = np.concatenate([g.importance[inf.rows] for inf in infos]).astype(np.float64)

    def top_kind(self, key: str) -> int:
        """The kind of a name's best candidate by its prior alone."""
        i = self.pos[key]
        return int(self.kind[int(self.off[i]) + int(np.argmax(self.prior[self.sl[i]]))])


def resolve(g: gz.Gazetteer, text: str, spans: list[Span]) -> list[ResolvedPlace]:
    """Each name's place: score every candidate against the whole document (_choose),
    then weigh each chosen reading against the rest of the text (POST_CHOICE_RULES)
    and score how likely it is right (confidence)."""
    if not spans:
        return []
    doc = _Doc(g, spans)
    fits = _pair_fits(doc)
    home_able = _home_states(doc)
    scores, choice = _choose(doc, fits, home_able)
    _city_states_as_cities(doc, home_able, scores, choice)
    post = _Post(doc, fits, scores, choice)
    out = []
    for i in range(doc.K):
        r = post.chosen(i)
        for rule in POST_CHOICE_RULES:
            r = rule(post, r)
            if r is None:
                break
        else:
            out.append(post.resolved(r))
    return _merge(out)


def _pair_fits(doc: _Doc) -> dict[tuple[int, int], np.ndarray]:
    """(name, its container name) -> which candidate of the name fits which of the
    container's, for each "X, Y" / "X in Y" / "X near Y" the text states: fixed by the
    candidates alone, so computed once."""
    fits: dict[tuple[int, int], np.ndarray] = {}
    pos, infos = doc.pos, doc.infos
    for (k, other), rel in doc.links.items():
        if k == other:
            continue
        if rel == "," and doc.top_kind(k) == _COUNTRY and doc.top_kind(other) == _COUNTRY:
            # "Georgia, Iraq, Iran" lists countries: Iraq does not lie in Iran (as
            # Arāk, once called Iraq, would). "Palestine, Texas" still reads as one.
            continue
        f = _fit(infos[pos[k]], infos[pos[other]], rel)
        if f.any():
            fits[(pos[k], pos[other])] = f
    return fits


def _home_states(doc: _Doc) -> np.ndarray:
    """Which candidates may win as a state of the country the document is about
    ("Georgia" in US news), per candidate. A region named after its big seat city
    steps back from the bare name here (it lowers doc.prior)."""
    K, kind, kid, sl, pos = doc.K, doc.kind, doc.kid, doc.sl, doc.pos
    contained = np.zeros(K, dtype=bool)
    for (k, _), rel in doc.links.items():
        if rel != ",":
            contained[pos[k]] = True
    # States may win as the home country's, but not one that shares its name with that
    # country: "Mexico" in news from Mexico is the country.
    names_its_country = np.zeros(K * doc.C, dtype=bool)
    names_its_country[doc.cc_pair[(kind == _COUNTRY) & doc.has_cc]] = True
    # Only by the state's own name: "Khabarovsk" is the city; the krai is "Khabarovsk
    # Krai" and only answers to the short form.
    own_name, imp, a1_ids = doc.own_name, doc.imp, doc.a1_ids
    home_able = (kind == _ADMIN1_K) & doc.has_cc & ~contained[kid] & ~names_its_country[doc.cc_pair] & own_name
    seat = (kind == _CITY) & own_name & doc.has_a1
    regions = (kind == _ADMIN1_K) & own_name & doc.has_a1
    # one region of the name only: "Washington" is a state and the capital's district
    for i in np.flatnonzero(regions & (np.bincount(kid[regions], minlength=K)[kid] == 1)).tolist():
        # A region named after its seat ("Makkah", "Riyadh", "Gao"): the bare name is the
        # city, the one people go to and leave; the region answers to a cue word ("wilayah
        # Makkah", "region of Gao"), and the home-state rule does not make it the region.
        s = sl[int(kid[i])]
        mine = np.flatnonzero(seat[s] & (a1_ids[s] == a1_ids[i]) & (imp[s] >= SEAT_IMPORTANCE))
        if len(mine):
            # A city of a million outweighs the home-state reading; Québec (530,000) does not.
            home_able[i] &= bool(imp[s.start + int(mine[0])] < SEAT_HOME_IMPORTANCE)
            if not doc.groups[doc.keys[int(kid[i])]][0].kind_hint:
                # the region steps back, rather than the city forward: Alexandria, Virginia
                # still competes with Egypt's on the terms it had
                doc.prior[i] -= W_SEAT
    return home_able


def _choose(doc: _Doc, fits: dict, home_able: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Three rounds of scoring every candidate against the other names' current
    readings: (the final scores, each name's chosen candidate as an index into them)."""
    seg, kind, kid, sl, prior = doc.seg, doc.kind, doc.kid, doc.sl, doc.prior
    cc, a1, has_cc, has_a1 = doc.cc, doc.a1, doc.has_cc, doc.has_a1
    cc_votes, a1_votes = doc.cc_votes, doc.a1_votes
    country_factor = np.where(kind == _COUNTRY, W_COUNTRY * 0.5, W_COUNTRY)
    scores = prior
    choice = seg.argmax(scores)
    # "Lebanon" in a story that names no other country and only places in Indiana is more
    # likely Lebanon, Indiana: a country no other name lies in, in a text about no country
    # (a world story names several, and they keep their full weight), steps back so that a
    # town of the name the other places do support can win. Alone, it still wins.
    lone_country = int(np.count_nonzero(kind[choice] == _COUNTRY)) <= 1
    placelike = _PLACELIKE[kind]
    rad_lat = np.radians(doc.lat)
    cos_lat = np.cos(rad_lat)
    near = _near_pairs(doc.lat, doc.lon, kid, placelike)
    if near is not None:
        # A town inside a county the text names says more than two towns that are merely
        # close: the county is where the story is.
        county = (kind[near[0]] == _ADMIN2) | (kind[near[1]] == _ADMIN2)
        near_weight = np.where(county, W_NEAR_COUNTY / W_NEAR, 1.0)
    first_seen = first_seen_by = None  # country ids in order of first mention, when needed
    dist_for, dist_term = None, None  # the points the distance term was computed for, and it

    for _round in range(3):
        # Soft context: every name votes for the countries and regions its candidates
        # lie in, in proportion to how likely each candidate is now (one vote per name).
        # Candidates without a code vote into column 0 ("none"), which nobody reads.
        probs = seg.softmax(scores)
        cv, countries = cc_votes.tally(probs)
        av, admin1s = a1_votes.tally(probs)
        new = prior.copy()
        for (k, other), f in fits.items():
            # "Springfield, Illinois": the city lies in a unit the next name may mean.
            fit = (f * (0.5 + probs[sl[other]])[None, :]).max(axis=1)
            new[sl[k]] += W_PAIR * np.minimum(1.0, fit)
        # other names' votes only: a name does not vote for itself
        support = countries[cc] - cv[cc_votes.inv]
        # (adding 0.0 where a term does not apply leaves a score as it was)
        new += np.where(has_cc & (support > 0.2), country_factor * np.minimum(1.0, support), 0.0)
        if lone_country:
            new -= np.where((kind == _COUNTRY) & (support <= 0.2), W_LONE_COUNTRY, 0.0)
        home = home_able & (support >= 1.5)
        if home.any():
            # A document that is mostly about one country means its states by their
            # bare names: "Georgia" in US news is the state.
            # Sums in the order the countries were first named, as a dict of votes adds them.
            if first_seen is None:
                first_seen = _first_seen(cc[has_cc])
                first_seen_by = {}
            total_votes = sum(countries[first_seen].tolist())
            for i in np.flatnonzero(home).tolist():
                k = int(kid[i])
                if k not in first_seen_by:
                    first_seen_by[k] = _first_seen(cc[sl[k]][has_cc[sl[k]]])
                own = sum(cc_votes.of(cv, k, first_seen_by[k]).tolist())
                new[i] += W_HOME_ADMIN1 * min(1.0, float(support[i]) / max(1e-9, total_votes - own))
        if near is not None:
            # Towns of other names lying right beside it, each counted by how close
            # it is to being its name's best reading: "Huntsville" and "Walker County"
            # are the Texas pair (one lies in the other), not Alabama's two.
            _, nb, starts, owner = near
            rel = probs / np.maximum.reduceat(probs, seg.starts)[kid]
            best_per_name = np.maximum.reduceat(rel[nb] * near_weight, starts)
            new += W_NEAR * np.minimum(1.5, np.bincount(owner, best_per_name, len(kid)))
        support = admin1s[a1] - av[a1_votes.inv]
        new += np.where(has_a1 & (support > 0.2), W_ADMIN1 * np.minimum(1.5, support), 0.0)
        # Median distance from each candidate to the other names' current places; the
        # places seldom change from one round to the next, and then neither does it.
        pt = choice[_POINT[kind[choice]]]
        if dist_for is None or not np.array_equal(pt, dist_for):
            dist_for, dist_term = pt, _distance_term(rad_lat, cos_lat, doc.lon, kid, pt, placelike, doc.K)
        if dist_term is not None:
            new -= dist_term
        # A unit that a pair's first name fits is what the second name means.
        for (k, other), f in fits.items():
            pk = _softmax(new[sl[k]])
            fit = (f * (0.5 + pk)[:, None]).max(axis=0)
            new[sl[other]] += W_PAIR * np.minimum(1.0, fit)
        scores = new
        choice = seg.argmax(scores)
    return scores, choice


def _city_states_as_cities(doc: _Doc, home_able: np.ndarray, scores: np.ndarray, choice: np.ndarray) -> None:
    """A city-state chosen as its state ("Berlin" in news about Germany, by the home-country
    rule) is its city too: the state adds no place the city lacks, and the city is what
    "die Hauptstadt" and the map mean. The city takes the state's score, so only the
    reading changes, not how sure it is (scores and choice change in place)."""
    kind, lat, lon, cc_ids = doc.kind, doc.lat, doc.lon, doc.cc_ids
    for i in np.flatnonzero(home_able[choice]).tolist():
        j, c = int(choice[i]), doc.sl[i]
        # by the city's own name: "Oklahoma" is not Oklahoma City, though it lies at the state's point
        twins = np.flatnonzero((kind[c] == _CITY) & (cc_ids[c] == cc_ids[j]) & doc.own_name[c]) + c.start
        if len(twins):
            km = _haversine_np(lat[j], lon[j], lat[twins], lon[twins])
            if km.min() <= NEAR_KM:
                t = int(twins[int(np.argmin(km))])
                scores[j], scores[t] = scores[t], scores[j]
                choice[i] = t


@dataclasses.dataclass
class _Reading:
    """Name i (key k) read as its candidate idx (c, place): what the post-choice rules
    weigh and the confidence features describe."""

    i: int
    k: str
    idx: int
    c: gz.Candidate
    place: Place
    conf: float  # the softmax share among the name's candidates
    support: float  # the share of the other names' votes that fall in its country
    near_km: float  # km to the nearest of the other names' points
    kind: int
    mentions: tuple
    inside: Place | None = None  # the container's place, when the text puts it in one the name has no candidate in


class _Post:
    """What the other names say for each chosen reading, for the post-choice rules: the
    share of their votes that fall in its country (one vote per name), and how far it
    lies from their places."""

    def __init__(self, doc: _Doc, fits: dict, scores: np.ndarray, choice: np.ndarray):
        self.doc, self.fits, self.scores, self.choice = doc, fits, scores, choice
        kind, kid, K = doc.kind, doc.kid, doc.K
        self.probs = probs = doc.seg.softmax(scores)
        cv, countries = doc.cc_votes.tally(probs)
        fuzzy_names = np.array([doc.groups[k][0].fuzzy for k in doc.keys])
        self.pt = choice[_POINT[kind[choice]] & ~fuzzy_names[kid[choice]]]
        self.nearest = (_nearest_other(doc.lat, doc.lon, kid, self.pt, choice)
                        if K * len(self.pt) > MAX_NEAREST_PAIRS else None)
        # The same, counting regions too ("El Arish" beside "Gaza", a strip, not a town): for
        # the support a weak reading needs, not for the score's distance feature.
        self.pt_near = choice[_NEAR[kind[choice]] & ~fuzzy_names[kid[choice]]]
        # Each name's first container, looked up once: walking every link per name grows
        # with their product in a long list of "X, Y" pairs.
        self.first_container: dict[int, tuple[str, str]] = {}
        for (a, other), rel in doc.links.items():
            if rel in ("in", "near") and other != a:
                self.first_container.setdefault(doc.pos[a], (other, rel))
        # Per name, as Python numbers: an array element read one at a time costs more
        # than the arithmetic, thousands of times in a long list of names.
        self.local_choice = choice - doc.off[:-1]
        self.local = self.local_choice.tolist()
        self.sizes_l, self.shares = doc.sizes.tolist(), probs[choice].tolist()
        # Each candidate's support from the other names, as computed per chosen one below.
        self.sup_all = countries[doc.cc] - cv[doc.cc_votes.inv]
        self.has_cc_l, self.kind_l = doc.has_cc[choice].tolist(), kind[choice].tolist()
        self.sup_l = self.sup_all[choice].tolist()
        # The margin between each name's best and second-best scores (10 when alone).
        top = np.maximum.reduceat(scores, doc.seg.starts)
        rest = scores.copy()
        rest[choice] = -np.inf
        second = np.maximum.reduceat(rest, doc.seg.starts)
        self.margins = np.where(doc.sizes > 1, top - second, 10.0).tolist()

    def km_to_others(self, gi: int, i: int, points: np.ndarray) -> float:
        """From candidate gi (of name i) to the nearest of the other names' chosen points."""
        doc = self.doc
        others = points[doc.kid[points] != i]
        if not len(others):
            return float("inf")
        return float(_haversine_np(doc.lat[gi], doc.lon[gi], doc.lat[others], doc.lon[others]).min())

    def nearest_km(self, i: int) -> float:
        if self.nearest is not None:
            return float(self.nearest[i])
        return self.km_to_others(int(self.choice[i]), i, self.pt)

    def near_region_km(self, i: int, km: float) -> float:
        """km, or the chosen reading's distance to the nearest other point or region
        when that is nearer (the support a weak reading needs)."""
        if self.nearest is not None or km <= FUZZY_SUPPORT_KM:
            return km
        return min(km, self.km_to_others(int(self.choice[i]), i, self.pt_near))

    def others(self) -> int:
        return self.doc.K - 1

    def stray_container(self, i: int) -> bool:
        """Whether name i's container was read as a place far from the rest of the text while
        name i's own reading lies nearer to it: "Tara is a town in the Darling Downs region
        of Queensland" with the Downs read as a namesake 3,000 km off, Tara in Queensland
        beside the other places. The name then keeps its own reading; with the container
        among the others, the text's word that the name lies there stands."""
        o = self.doc.pos[self.first_container[i][0]]
        far = self.nearest_km(o)
        return far > STRAY_CONTAINER_KM and self.nearest_km(i) < far

    def chosen(self, i: int) -> _Reading:
        """Name i as _choose read it (or, with nothing of its own where the text puts
        it, at its container)."""
        doc, g = self.doc, self.doc.g
        k = doc.keys[i]
        idx = self.local[i]
        c = doc.infos[i].cands[idx]
        place = g.place(c.row)
        conf = 1.0 if self.sizes_l[i] == 1 else self.shares[i]
        inside = _unlisted_inside(g, i, self.first_container.get(i), doc.pos, self.fits, doc.infos,
                                  self.local_choice)
        if inside is not None and self.stray_container(i):
            inside = None
        if inside is not None:
            # "Weston is a town in Fairfield County": no Weston the gazetteer knows lies
            # there, so the best it can say is where the county is.
            place = dataclasses.replace(inside, id=f"{inside.id}/{k}", name=doc.groups[k][0].text, kind="city",
                                        population=0, geonameid=None, source=f"within:{inside.id}")
            conf = 0.5
        mentions = tuple(Mention(sp.start, sp.end, sp.text, demonym=(c.match == gz.MATCH_DEMONYM))
                         for sp in doc.groups[k])
        others = self.others()
        support = self.sup_l[i] / others if others and self.has_cc_l[i] else 0.0
        return _Reading(i, k, idx, c, place, conf, support, self.nearest_km(i), self.kind_l[i], mentions, inside)

    def reading(self, r: _Reading, j: int) -> _Reading:
        """Name r.i read as its candidate j instead (a weak reading given up): what the
        features need, measured on that candidate, not on the one given up."""
        doc = self.doc
        i = r.i
        inf, gi = doc.infos[i], int(doc.off[i]) + j
        c = inf.cands[j]
        near = self.km_to_others(gi, i, self.pt)
        mentions = tuple(Mention(sp.start, sp.end, sp.text, demonym=(c.match == gz.MATCH_DEMONYM))
                         for sp in doc.groups[r.k])
        return _Reading(i, r.k, j, c, doc.g.place(c.row), 1.0 if self.sizes_l[i] == 1 else float(self.probs[gi]),
                        float(self.sup_all[gi]) / (doc.K - 1), near, int(doc.kind[gi]), mentions, r.inside)

    def own_supported(self, r: _Reading) -> _Reading | None:
        """Name r.i read as its best candidate that bears the name as its own in a country
        the other names vote for, or None."""
        s = self.doc.sl[r.i]
        j = _own_supported(self.doc.infos[r.i], self.scores[s], self.sup_all[s], self.others())
        return None if j is None else self.reading(r, j)

    def resolved(self, r: _Reading) -> ResolvedPlace:
        """The reading as a place with its calibrated confidence."""
        doc, i, c = self.doc, r.i, r.c
        sp0 = doc.groups[r.k][0]
        feats = {
            "p": r.conf, "n": self.sizes_l[i], "kind": r.place.kind, "fuzzy": sp0.fuzzy,
            "similarity": float(c.similarity), "own": c.match == gz.MATCH_NAME, "demonym": c.match == gz.MATCH_DEMONYM,
            "importance": float(doc.g.importance[c.row]), "mentions": len(doc.groups[r.k]),
            "margin": self.margins[i],
            "support": r.support, "near_km": r.near_km, "within": r.inside is not None, "cue": sp0.cue,
            "acronym": sp0.acronym, "words": len(sp0.text.split()),
        }
        conf = confidence.probability(feats)
        if FEATURE_SINK is not None:
            FEATURE_SINK.setdefault(r.place.id, feats)  # the merge keeps the first name's score
        return ResolvedPlace(r.place, r.mentions, round(float(conf), 3))


# The rules below weigh a chosen reading against the rest of the text, in this order. Each
# takes (_Post, _Reading) and returns the reading kept, another reading of the same name,
# or None to leave the name out: silence beats a wrong dot.


def _fuzzy_needs_support(post: _Post, r: _Reading) -> _Reading | None:
    """"Farchana" in a story about Chad is not Faranah in Guinea: a misspelling resolves
    only where the rest of the text is (its country gets votes, or it lies near another
    place), or, for a country, when it is spelt nearly right."""
    if post.doc.groups[r.k][0].fuzzy and not (r.support > 0.2 or r.near_km <= FUZZY_SUPPORT_KM
                                               or (r.kind == _COUNTRY and r.c.similarity >= 0.9)):
        return None
    return r


def _weak_alternate_needs_support(post: _Post, r: _Reading) -> _Reading | None:
    """A reading only an obscure alternate name gives: "Kini" (now) is not Guinea, "Tine"
    not Tigné in France. The name's own bearer in a country the text names may stand in
    ("Lajas Blancas" in a story about Panama). A text that names one place alone
    ("Ewakuacja ludności do Chersonia trwa.") has nothing to weigh it by."""
    sp0 = post.doc.groups[r.k][0]
    if (r.inside is None and not sp0.fuzzy and post.others() and _weak_alternate(post.doc.g, r.c, sp0, r.kind)
            and not (r.support >= WEAK_ALT_SUPPORT or post.near_region_km(r.i, r.near_km) <= FUZZY_SUPPORT_KM)):
        return post.own_supported(r)
    return r


def _far_small_town(post: _Post, r: _Reading) -> _Reading | None:
    """A small town abroad, in a country no other name votes for and thousands of km from
    every other place of the text, is a word that happens to be its name: "Mako Polres
    Cianjur" (a police headquarters) is not Makó in Hungary. Only for names several places
    bear: one that names only Bicester means Bicester, and so does one that names Ras
    Tanura's town and its port beside it."""
    doc, inf = post.doc, post.doc.infos[r.i]
    if (r.inside is None and r.kind in (_CITY, _OTHER) and not doc.groups[r.k][0].fuzzy and post.sizes_l[r.i] > 1
            and float(doc.g.importance[r.c.row]) < OUTLIER_TOWN_IMPORTANCE and r.support < WEAK_ALT_SUPPORT
            and OUTLIER_KM < r.near_km < float("inf")
            and float(_haversine_np(inf.lat[r.idx], inf.lon[r.idx], inf.lat, inf.lon).max()) > NAMESAKE_KM):
        return post.own_supported(r)
    return r


def _given_name_town(post: _Post, r: _Reading) -> _Reading | None:
    """"Elena, que vuelve a España", "Olga, la traductrice": a given name alone is a person
    far more often than the small town of that name abroad."""
    doc = post.doc
    # near_region_km measures from the name's first choice, as it did before a rule above could replace it
    if (r.inside is None and post.others() and r.kind in (_CITY, _OTHER) and _person_name(doc.groups[r.k])
            and float(doc.g.importance[r.c.row]) < GIVEN_NAME_TOWN_IMPORTANCE
            and not (r.support >= WEAK_ALT_SUPPORT or post.near_region_km(r.i, r.near_km) <= FUZZY_SUPPORT_KM)):
        return None
    return r


POST_CHOICE_RULES = (_fuzzy_needs_support, _weak_alternate_needs_support, _far_small_town, _given_name_town)


def _merge(out: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """Several names may resolve to one place ("Korea Utara", "North Korea"): one place
    with all their mentions, in text order."""
    merged: dict[str, ResolvedPlace] = {}
    for rp in out:
        m = merged.get(rp.place.id)
        if m is None:
            merged[rp.place.id] = rp
        else:
            ms = tuple(sorted(m.mentions + rp.mentions, key=lambda x: x.start))
            # the first name's score: the calibration was fitted on the features behind it
            merged[rp.place.id] = ResolvedPlace(m.place, ms, m.score)
    return sorted(merged.values(), key=lambda rp: rp.mentions[0].start)


def _person_name(spans: list[Span]) -> bool:
    """Whether every mention of a name is one capitalised word that is a common given name
    (the US Census list in en.json, which holds most European ones) with no place cue
    before it ("in Elena" is still the town)."""
    names = _given_names()
    return all(" " not in s.text and not s.cue and s.text in names for s in spans)


_GIVEN: frozenset | None = None


def _given_names() -> frozenset:
    global _GIVEN
    if _GIVEN is None:
        from .lang import load_data

        _GIVEN = frozenset(load_data("en").get("given_names", ()))
    return _GIVEN


def _own_supported(inf: _Cands, scores: np.ndarray, sup: np.ndarray, others: int) -> int | None:
    """The best-scored candidate that bears the name as its own and lies in a country the
    other names vote for (an index into the name's candidates), or None."""
    if not others:
        return None
    ok = (inf.own > 0) & (inf.cc != 0) & (sup / others >= WEAK_ALT_SUPPORT)
    if not ok.any():
        return None
    return int(np.argmax(np.where(ok, scores, -np.inf)))


def _weak_alternate(g: gz.Gazetteer, c, sp: Span, kind: int) -> bool:
    """Whether candidate c answers to span sp only by an alternate name that the news seldom
    means it by: a small town's Latin-script alternate (a transliteration, a former or local
    name: "Khasan", "Yunin", "Tine"), or a short country name from a minor CLDR locale
    ("Konga", "Kini", "Aman"), which is more often a word or a village. Names in another
    script ("Женеве") and inflected forms read through a morphology library are not."""
    if c.match != gz.MATCH_ALT or not _LATIN.fullmatch(sp.text):
        return False
    if kind in (_CITY, _OTHER):
        # written with its diacritics ("Přemyšlu", "Torrejón") it is a language's own name
        # for the town, not a transliteration
        return sp.text.isascii() and float(g.importance[c.row]) < WEAK_ALT_IMPORTANCE
    if kind != _COUNTRY or " " in sp.key or len(sp.key) > 5 or sp.text.isupper():
        return False
    return sp.key not in _major_country_names(g.place(c.row).country_code)


_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F'’. -]+")
_MAJOR_NAMES: dict[str, frozenset] = {}


def _major_country_names(cc: str) -> frozenset:
    """Folded names of country cc in the major languages' CLDR data and geomap's aliases."""
    names = _MAJOR_NAMES.get(cc)
    if names is None:
        from babel import Locale

        found = set()
        for code in MAJOR_NAME_LOCALES:
            n = Locale.parse(code).territories.get(cc)
            if n:
                found.add(gz.fold(n))
        found |= _alias_names().get(cc, set())
        names = _MAJOR_NAMES[cc] = frozenset(found)
    return names


_ALIASES: dict[str, set] | None = None


def _alias_names() -> dict[str, set]:
    """Country code -> folded aliases.csv names that point at that country."""
    global _ALIASES
    if _ALIASES is None:
        import csv
        from pathlib import Path

        out: dict[str, set] = {}
        with open(Path(__file__).parent / "data" / "aliases.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                target = row.get("target") or ""
                if target.startswith("country:"):
                    out.setdefault(target.split(":", 1)[1], set()).add(gz.fold(row["alias"]))
        _ALIASES = out
    return _ALIASES


_CHAIN = 3  # "X is a town in Y County, Z, W": X lies in Y, Z and W
STRAY_CONTAINER_KM = 500.0  # a container read this far from the other places is not trusted over the name
ORPHAN_KM = 120.0  # a town in a first-level unit known only by its point (see _orphan_admin1)
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


def _unlisted_inside(g, i, container, pos, fits, infos, choice):
    """The place name i is said to lie in ("X is a town in Y"), when none of the
    name's own candidates can lie there; None otherwise. container: the first
    (container name, "in" or "near") the text gives name i, or None. choice: each
    name's chosen candidate, as an index into its own candidates."""
    if container is None:
        return None
    other, rel = container
    # only the first container named: "in Y County, Z" -> Y County
    o = pos[other]
    okind = infos[o].kinds[choice[o]]
    if okind not in ("city", "other", "admin2", "admin1") or rel == "near" and okind == "admin1":
        return None
    if any(kd not in ("city", "other") for kd in infos[i].kinds):
        return None
    f = fits.get((i, o))
    if f is not None and f[:, choice[o]].any():
        return None
    return g.place(int(infos[o].rows[choice[o]]))


def _fit(a: _Cands, b: _Cands, rel: str) -> np.ndarray:
    """fit[i, j] = 1 when candidate i of a name (a) can lie in candidate j of its container (b)."""
    ki, kj = a.kind[:, None], b.kind[None, :]
    same_cc = a.cc[:, None] == b.cc[None, :]
    f = (kj == _COUNTRY) & same_cc & (ki != _COUNTRY)
    # A region inside one country ("Bristol, England", "Khabarovsk, Russian Far East")
    # is held to its country: the gazetteer has no outline to test against.
    f |= (kj == _REGION) & (b.cc != 0)[None, :] & same_cc & (ki != _COUNTRY) & (ki != _REGION)
    f |= (kj == _ADMIN1_K) & (b.a1 != 0)[None, :] & (a.a1[:, None] == b.a1[None, :]) & (ki != _ADMIN1_K)
    if rel == ",":
        # "Georgia, Oklahoma, Pennsylvania and California" lists states: each is a state of the
        # country the next one is a state of (the country Georgia and the town of Oklahoma are not)
        f |= (ki == _ADMIN1_K) & (kj == _ADMIN1_K) & same_cc & (b.cc != 0)[None, :] & (a.a1[:, None] != b.a1[None, :])
    # "Cleveland, Columbus, Dayton" lists towns after commas: only a county or an
    # explicit "in"/"near" puts a town beside another place; then it lies close by
    # (a town in a county, a suburb of a city).
    near_cols = (b.kind == _ADMIN2) | (((b.kind == _CITY) | (b.kind == _OTHER) | (b.kind == _ADMIN2)) & (rel != ","))
    near_cols |= b.orphan
    if near_cols.any():
        dist = _haversine_np(a.lat[:, None], a.lon[:, None], b.lat[None, :], b.lon[None, :])
        can = ((ki == _CITY) | (ki == _OTHER)) | ((ki == _ADMIN2) & (kj != _ADMIN2))
        within = np.where(b.orphan, ORPHAN_KM, WITHIN_KM[rel])[None, :]
        f |= near_cols[None, :] & can & (dist <= within) & same_cc
    return f.astype(np.float64)


def _softmax(scores: np.ndarray) -> np.ndarray:
    z = np.exp(scores - scores.max())
    return z / z.sum()


def _haversine_np(lat, lon, lats, lons) -> np.ndarray:
    p1, p2 = np.radians(lat), np.radians(lats)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - lon) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
