"""Geocoders: the offline gazetteer behind geopy's contract, and online ones on request.

`GazetteerGeocoder` is a geopy `Geocoder`, so any code written for geopy (and
geopy's RateLimiter) works with it, and any geopy geocoder can stand in its place:
`online_geocoder("nominatim", ...)` wraps one with rate limiting and an on-disk cache.
"""
from __future__ import annotations

import json
import math
import sqlite3
import threading
from pathlib import Path

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from . import gazetteer as gz
from .distance import haversine_km  # noqa: F401  (re-exported: part of the API)
from .errors import GeocoderError

MATCH_WEIGHT = {gz.MATCH_NAME: 1.0, gz.MATCH_ALT: 0.95, gz.MATCH_DEMONYM: 0.7}


class GazetteerGeocoder(Geocoder):
    """Offline geocoding over geomap's gazetteer, ranked by match, kind and population.

    >>> GazetteerGeocoder().geocode("Usurisk").raw["name"]
    'Ussuriysk'
    """

    def __init__(self, gazetteer: gz.Gazetteer | None = None, *, extra_gazetteers=(), fuzzy: bool = True,
                 min_similarity: float = 0.84):
        super().__init__()
        self.gazetteer = gazetteer or gz.load(list(extra_gazetteers))
        self.fuzzy = fuzzy
        self.min_similarity = min_similarity

    def candidates(self, query: str, *, country_codes=None, bias=None, kinds=None, fuzzy=None):
        """Scored candidates, best first: list of (rank, score, Candidate)."""
        g = self.gazetteer
        cands = g.lookup(query)
        use_fuzzy = self.fuzzy if fuzzy is None else fuzzy
        if not cands and use_fuzzy and not gz.is_common_word(query):
            cands = g.fuzzy(query, min_similarity=self.min_similarity, limit=10)
        if country_codes:
            wanted = {c.upper() for c in ([country_codes] if isinstance(country_codes, str) else country_codes)}
            cands = [c for c in cands if g.country_code(c.row) in wanted]
        if kinds:
            cands = [c for c in cands if g.kind_name(c.row) in kinds]
        scored = []
        for c in cands:
            rank = float(g.importance[c.row]) + (1.0 if c.match == gz.MATCH_NAME else 0.0)
            rank -= (1.0 - c.similarity) * 10
            if c.match == gz.MATCH_DEMONYM:
                rank -= 1.0
            if bias is not None:
                # Log distance: 20 km vs 200 km matters, 5,000 vs 6,000 km hardly.
                d = haversine_km(bias[0], bias[1], float(g.lat[c.row]), float(g.lon[c.row]))
                rank -= 2.0 * math.log10(1.0 + d / 10.0)
            scored.append((rank, MATCH_WEIGHT[c.match] * c.similarity, c))
        scored.sort(key=lambda t: -t[0])
        return scored

    def geocode(self, query, *, exactly_one=True, timeout=None, limit=None, country_codes=None,
                bias=None, kinds=None, fuzzy=None):
        """geopy's contract: a Location (or a list of them), None when nothing matches.

        ``country_codes`` keeps only those countries; ``bias`` (lat, lon) prefers
        entries near that point; ``kinds`` keeps only those kinds (city, country, ...).
        """
        if not isinstance(query, str) or not query.strip():
            raise ValueError("query must be a non-empty string")
        scored = self.candidates(query, country_codes=country_codes, bias=bias, kinds=kinds, fuzzy=fuzzy)
        if not scored:
            return None
        locations = [self._location(c, score)
                     for _rank, score, c in scored[: 1 if exactly_one else (limit or len(scored))]]
        return locations[0] if exactly_one else locations

    def _location(self, c: gz.Candidate, score: float) -> Location:
        g = self.gazetteer
        raw = dict(g.row(c.row))
        raw["kind"] = g.kind_name(c.row)
        raw["score"] = round(score, 3)
        raw["match"] = {gz.MATCH_NAME: "name", gz.MATCH_ALT: "alternate", gz.MATCH_DEMONYM: "demonym"}[c.match]
        raw["similarity"] = round(c.similarity, 3)
        raw["country"] = g.country_name(raw.get("country_code", "")) or raw.get("country_code", "")
        raw["admin1_name"] = g.admin1_name(raw.get("country_code", ""), raw.get("admin1", "")) or ""
        lat, lon = float(g.lat[c.row]), float(g.lon[c.row])
        parts = [raw["name"]]
        if raw["kind"] == "city" and raw["admin1_name"]:
            parts.append(raw["admin1_name"])
        if raw["kind"] != "country" and raw["country"]:
            parts.append(raw["country"])
        return Location(", ".join(parts), (lat, lon, 0.0), raw)

    def reverse(self, query, *, exactly_one=True, timeout=None):
        raise NotImplementedError("reverse geocoding is not offered by the gazetteer geocoder")


class _DiskCache:
    """A tiny sqlite cache of online answers, so a repeated map costs no requests."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS answers (service TEXT, query TEXT, answer TEXT, PRIMARY KEY (service, query))")
        self._lock = threading.Lock()

    def get(self, service: str, query: str):
        with self._lock:
            row = self._db.execute("SELECT answer FROM answers WHERE service=? AND query=?", (service, query)).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, service: str, query: str, answer) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (service, query, json.dumps(answer)))


class OnlineGeocoder:
    """A geopy geocoder behind geopy's RateLimiter and an on-disk cache.

    Opt-in only (``--geocoder nominatim``): geomap never goes online by itself.
    """

    def __init__(self, service: str, *, user_agent: str = "geomap", min_delay_seconds: float = 1.0,
                 cache_path: Path | None = None, **options):
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import get_geocoder_for_service

        try:
            cls = get_geocoder_for_service(service)
        except Exception as e:  # geopy raises GeocoderNotFound
            raise GeocoderError(str(e)) from None
        try:
            self.geocoder = cls(user_agent=user_agent, **options)
        except TypeError as e:
            raise GeocoderError(f"{service}: {e}") from None
        self.service = service
        self._limited = RateLimiter(self.geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=1, swallow_exceptions=False)
        if cache_path is None:
            cache_path = gz.cache_dir() / "online.sqlite"
        self.cache = _DiskCache(cache_path)

    def geocode(self, query: str, *, exactly_one=True, **kwargs):
        key = json.dumps([query, exactly_one, sorted(kwargs.items())])
        hit = self.cache.get(self.service, key)
        if hit is not None:
            return _from_json(hit, exactly_one)
        try:
            answer = self._limited(query, exactly_one=exactly_one, **kwargs)
        except Exception as e:
            raise GeocoderError(f"{self.service} failed for {query!r}: {e}") from None
        self.cache.put(self.service, key, _to_json(answer))
        return answer


def _to_json(answer):
    if answer is None:
        return {"none": True}
    items = answer if isinstance(answer, list) else [answer]
    return {"items": [{"address": a.address, "point": [a.latitude, a.longitude], "raw": a.raw} for a in items]}


def _from_json(data, exactly_one):
    if data.get("none"):
        return None
    locs = [Location(i["address"], tuple(i["point"]), i["raw"]) for i in data["items"]]
    return locs[0] if exactly_one else locs
