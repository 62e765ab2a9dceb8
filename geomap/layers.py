"""Geometry layers built from Results: place points and movement arcs.

Pure geometry (shapely, pyproj) with no drawing code, so the same layers feed the HTML
map, the GeoJSON export and the GeoDataFrames of frames.py.
Coordinates are always (lon, lat), EPSG:4326.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .models import Event, Result, ResolvedPlace

CRS = "EPSG:4326"
ARC_POINTS = 64

# A place can play several parts in one story; it gets the first role in this order.
# Movement endpoints come first because the map draws arcs to them and the marker
# colour is what lets a reader match an arc end to its place; origin beats destination
# because a place that both sends and receives is a staging point, whose outgoing
# movements are the news.
ROLES = ("origin", "destination", "presence", "mentioned")


@lru_cache(maxsize=1)
def _geod():
    """WGS84 geodesics, imported when a movement is drawn: pyproj costs a map of
    places alone a tenth of a second to load."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


@dataclass(frozen=True)
class Movement:
    """A movement event whose two ends are both places of its Result."""

    index: int  # position in Result.events
    event: Event
    origin: ResolvedPlace
    destination: ResolvedPlace


def place_roles(result: Result) -> dict[str, str]:
    """Role of every place of the Result, keyed by place id (see ROLES)."""
    found: dict[str, set[str]] = {rp.place.id: set() for rp in result.places}
    for ev in result.events:
        if ev.kind == "movement":
            if ev.origin in found:
                found[ev.origin].add("origin")
            if ev.destination in found:
                found[ev.destination].add("destination")
        elif ev.kind == "presence" and ev.place in found:
            found[ev.place].add("presence")
    return {pid: next((r for r in ROLES if r in got), "mentioned") for pid, got in found.items()}


def movements(result: Result) -> list[Movement]:
    """Movement events that can be drawn: both ends known and not the same point."""
    out = []
    for i, ev in enumerate(result.events):
        if ev.kind != "movement" or not ev.origin or not ev.destination:
            continue
        a, b = result.place(ev.origin), result.place(ev.destination)
        if a is None or b is None:
            continue
        if (a.place.lon, a.place.lat) == (b.place.lon, b.place.lat):
            continue
        out.append(Movement(i, ev, a, b))
    return out


def geodesic_points(lon1: float, lat1: float, lon2: float, lat2: float,
                    npts: int = ARC_POINTS) -> list[tuple[float, float]]:
    """Points along the geodesic, ends included, with longitudes left continuous.

    Longitudes are unwrapped (they may run past ±180) so that consecutive points never
    differ by more than 180 degrees; split_antimeridian() folds them back.
    """
    npts = max(int(npts), 2)
    mid = _geod().npts(lon1, lat1, lon2, lat2, npts - 2) if npts > 2 else []
    pts = [(float(lon1), float(lat1)), *mid, (float(lon2), float(lat2))]
    out = [pts[0]]
    for lon, lat in pts[1:]:
        prev = out[-1][0]
        lon += 360.0 * round((prev - lon) / 360.0)
        out.append((lon, lat))
    return out


def split_antimeridian(points: Sequence[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a line with continuous longitudes into parts within [-180, 180].

    Where the line crosses ±180 the crossing point is interpolated and ends one part
    and starts the next on the other side, so no segment jumps across the map.
    """
    if len(points) < 2:
        return [list(points)] if points else []

    def band(lon: float) -> int:
        # Which 360-degree copy of the world a longitude sits in; 180 itself belongs
        # to the copy on its west so a line ending exactly on the antimeridian stays put.
        return math.ceil((lon - 180.0) / 360.0)

    parts: list[list[tuple[float, float]]] = []
    # Start in the copy the first point was given in, so an end on -180 stays -180.
    k = 0 if -180.0 <= points[0][0] <= 180.0 else band(points[0][0])
    cur = [(points[0][0] - 360.0 * k, points[0][1])]
    for (lon0, lat0), (lon1, lat1) in zip(points, points[1:]):
        k1 = band(lon1)
        while k1 != k:
            step = 1 if k1 > k else -1
            edge = 180.0 + 360.0 * (k if step > 0 else k - 1)
            t = (edge - lon0) / (lon1 - lon0)
            lat = lat0 + t * (lat1 - lat0)
            cur.append((edge - 360.0 * k, lat))
            parts.append(cur)
            k += step
            cur = [(edge - 360.0 * k, lat)]
        cur.append((lon1 - 360.0 * k, lat1))
    parts.append(cur)
    # A line that ends exactly on ±180 leaves a zero-length stub on the far side.
    return [p for p in parts if len(set(p)) >= 2]


def line_geometry(parts: Sequence[Sequence[tuple[float, float]]]):
    """LineString for one part, MultiLineString for several."""
    from shapely.geometry import LineString, MultiLineString

    if len(parts) == 1:
        return LineString(parts[0])
    return MultiLineString([list(p) for p in parts])


def arc_geometry(lon1: float, lat1: float, lon2: float, lat2: float,
                 npts: int = ARC_POINTS):
    """Great-circle arc from (lon1, lat1) to (lon2, lat2), split at the antimeridian."""
    parts = split_antimeridian(geodesic_points(lon1, lat1, lon2, lat2, npts))
    # Interpolation leaves float noise on the ends; the ends must be the places.
    # An end on ±180 may have been folded to the other sign; that is the same point.
    if parts[0][0][0] not in (180.0, -180.0):
        parts[0][0] = (float(lon1), float(lat1))
    if parts[-1][-1][0] not in (180.0, -180.0):
        parts[-1][-1] = (float(lon2), float(lat2))
    return line_geometry(parts)


def distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    return _geod().inv(lon1, lat1, lon2, lat2)[2] / 1000.0
