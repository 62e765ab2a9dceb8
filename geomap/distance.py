"""Where points are: great-circle distance, and the country a point lies in. Kept apart from
geocode.py so the pipeline need not import geopy; shapely loads only when a country is asked."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib.resources import files

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=1)
def _countries():
    from shapely.geometry import shape
    from shapely.strtree import STRtree

    d = json.loads(files("geomap").joinpath("data/world_outline.geojson").read_text("utf-8"))
    geoms = [shape(f["geometry"]) for f in d["features"]]
    codes = [f["properties"].get("a3") for f in d["features"]]
    return STRtree(geoms), geoms, codes


@lru_cache(maxsize=4096)
def country_of(lat: float, lon: float, reach: float = 0.5) -> str | None:
    """ISO alpha-3 code of the country outline holding the point, or the nearest within `reach`
    degrees (about 50 km by default: coasts)."""
    from shapely.geometry import Point

    tree, geoms, codes = _countries()
    pt = Point(lon, lat)
    for i in tree.query(pt):
        if geoms[i].covers(pt):
            return codes[i]
    i = tree.nearest(pt)
    return codes[i] if geoms[i].distance(pt) < reach else None
