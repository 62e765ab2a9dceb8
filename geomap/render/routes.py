"""Movements as routes: repeated reports of one trip become one arc, a trip to a country
ends where the text places it, and routes that share their ends are bent apart.

group_routes works on Events alone, keyed by (origin, destination, category); it is what
the page, the text version, the movement list and the static image all draw from.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..layers import geodesic_points, movements, split_antimeridian
from ..models import Event, ResolvedPlace, Result
from .palette import Category, category_of
from .words import date_key

ARC_BOW = 0.16  # sideways bulge of an arc, as a share of its length on screen
ARC_STEP = 0.13  # extra bulge for each further route between the same two places
ARC_POINTS = 24
# Most specific first: a city named with its country is where a movement ends.
_SPECIFIC = {"country": 9, "continent": 10, "region": 6, "sea": 7, "admin1": 5, "admin2": 4}


@dataclass(frozen=True)
class Report:
    """One movement event, drawn as part of a route."""

    doc: int  # index of its Result
    result: Result
    event: Event
    origin: ResolvedPlace
    destination: ResolvedPlace
    named_with: ResolvedPlace | None = None  # the country the text sent it to, if refined

    @property
    def key(self) -> str | None:
        return date_key(self.event.date)


@dataclass
class Route:
    origin: ResolvedPlace
    destination: ResolvedPlace
    category: Category
    reports: list[Report] = field(default_factory=list)
    bow: float = ARC_BOW

    @property
    def key(self) -> str | None:
        """Date-filter key: its earliest dated report."""
        keys = [r.key for r in self.reports if r.key]
        return min(keys) if keys else None

    @property
    def undated(self) -> bool:
        return any(r.key is None for r in self.reports)

    @property
    def total(self) -> float | None:
        vals = [r.event.quantity_value for r in self.reports if r.event.quantity_value]
        return max(vals) if vals else None  # repeated reports of one trip: not a sum

    @property
    def certainty(self) -> str:
        """How sure, as drawn: the reports' shared certainty; mixed reports draw as stated."""
        certs = {(r.event.certainty or "stated").lower() for r in self.reports}
        return certs.pop() if len(certs) == 1 else "stated"

    def points(self) -> list[tuple[float, float]]:
        a, b = self.origin.place, self.destination.place
        return _bowed(geodesic_points(a.lon, a.lat, b.lon, b.lat, ARC_POINTS), self.bow)

    def parts(self) -> list[list[tuple[float, float]]]:
        """(lat, lon) parts split at the antimeridian, rounded for the page."""
        return [[(round(lat, 3), round(lon, 3)) for lon, lat in part]
                for part in split_antimeridian(self.points())]


def specific_end(res: Result, ev: Event, dest: ResolvedPlace, avoid: str | None) -> ResolvedPlace | None:
    """The most specific place of dest's country that the event's sentence names, if
    dest is a country; None when the text gives none."""
    if dest.place.kind != "country" or ev.evidence is None:
        return None
    s, e = ev.evidence.start, ev.evidence.end
    best, best_rank = None, None
    for rp in res.places:
        p = rp.place
        if p.id in (dest.place.id, avoid) or p.country_code != dest.place.country_code or p.kind == "country":
            continue
        inside = [m.start for m in rp.mentions if s <= m.start and m.end <= e and not m.demonym]
        if not inside:
            continue
        rank = (_SPECIFIC.get(p.kind, 0), min(inside))
        if best_rank is None or rank < best_rank:
            best, best_rank = rp, rank
    return best


def group_routes(results: Sequence[Result]) -> list[Route]:
    """One Route per (origin, destination, category), with every report of it, in the
    order of their earliest date (undated last), then of first appearance."""
    by_key: dict[tuple[str, str, str], Route] = {}
    for doc, res in enumerate(results):
        for mv in movements(res):
            dest, named_with = mv.destination, None
            better = specific_end(res, mv.event, dest, mv.origin.place.id)
            if better is not None:
                dest, named_with = better, mv.destination
            if (dest.place.lat, dest.place.lon) == (mv.origin.place.lat, mv.origin.place.lon):
                continue
            cat = category_of(mv.event.what)
            k = (mv.origin.place.id, dest.place.id, cat.key)
            if k not in by_key:
                by_key[k] = Route(mv.origin, dest, cat)
            by_key[k].reports.append(Report(doc, res, mv.event, mv.origin, dest, named_with))
    routes = list(by_key.values())
    for rt in routes:
        rt.reports.sort(key=lambda r: (r.key is None, r.key or ""))
    order = {id(rt): i for i, rt in enumerate(routes)}
    routes.sort(key=lambda rt: (rt.key is None, rt.key or "", order[id(rt)]))
    _spread(routes)
    return routes


def _spread(routes: list[Route]) -> None:
    # Routes between the same two places (say troops and weapons) would lie on one
    # curve; each further one bends further out. A->B and B->A already bend to
    # opposite sides, so the count is per direction.
    seen: dict[tuple[str, str], int] = {}
    for rt in routes:
        k = (rt.origin.place.id, rt.destination.place.id)
        n = seen.get(k, 0)
        seen[k] = n + 1
        rt.bow = ARC_BOW + ARC_STEP * n


def _merc(lon: float, lat: float) -> tuple[float, float]:
    lat = max(min(lat, 85.0), -85.0)
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _unmerc(x: float, y: float) -> tuple[float, float]:
    return math.degrees(x), math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def _bowed(points: Sequence[tuple[float, float]], bow: float) -> list[tuple[float, float]]:
    """Bend a line sideways (to the left of travel) in Web Mercator.

    Short geodesics look straight on a web map; the bulge makes every movement read
    as a flow and keeps A→B and B→A apart. Works on continuous longitudes.
    """
    xy = [_merc(lon, lat) for lon, lat in points]
    (x0, y0), (x1, y1) = xy[0], xy[-1]
    dx, dy = x1 - x0, y1 - y0
    n = len(xy) - 1
    out = []
    for i, (x, y) in enumerate(xy):
        off = bow * math.sin(math.pi * i / n)
        out.append(_unmerc(x - dy * off, y + dx * off))
    out[0], out[-1] = tuple(points[0]), tuple(points[-1])
    return out
