"""Geocoders: the offline gazetteer behind geopy's contract, and online ones on request.

`GazetteerGeocoder` is a geopy `Geocoder`, so any code written for geopy (and
geopy's RateLimiter) works with it, and any geopy geocoder can stand in its place:
`online_geocoder("nominatim", ...)` wraps one with rate limiting and an on-disk cache.
"""
from __future__ import annotations

import json
import logging
import math
import sqlite3
import threading
import time
from pathlib import Path

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from . import gazetteer as gz
from .distance import haversine_km  # noqa: F401  (re-exported: part of the API)
from .errors import GeocoderError, GeocoderSetupError

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


log = logging.getLogger("geomap.geocode")

# Options that change who asks or how long, never what the answer is; credentials
# also stay out of the cache file.
_NOT_IN_KEY = {"user_agent", "timeout", "proxies", "ssl_context", "adapter_factory"}
_SECRET = ("key", "secret", "token", "password", "username", "client_id")
NEGATIVE_TTL = 24 * 3600  # an empty answer is asked again after a day


class _DiskCache:
    """A tiny sqlite cache of online answers, so a repeated map costs no requests.

    Answers are keyed by endpoint (service, scheme, domain and the options that
    shape answers) as well as query, so one bad server never answers for another.
    A cache that cannot be opened costs requests, never the run: it falls back to
    memory with one warning.
    """

    def __init__(self, path: Path | None):
        self._lock = threading.Lock()
        self._db = None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = self._open(str(path))
            except (OSError, sqlite3.Error) as e:
                log.warning("online cache %s is unusable (%s); answers are kept in memory for this run", path, e)
        if self._db is None:
            self._db = self._open(":memory:")

    @staticmethod
    def _open(where: str):
        db = sqlite3.connect(where, check_same_thread=False, timeout=10)
        with db:
            # The first table ignored the endpoint, so its answers may be another server's.
            db.execute("DROP TABLE IF EXISTS answers")
            db.execute("CREATE TABLE IF NOT EXISTS answers_v2 (endpoint TEXT, query TEXT, answer TEXT, "
                       "stored REAL, PRIMARY KEY (endpoint, query))")
        return db

    def get(self, endpoint: str, query: str):
        """(answer, stored_at) or None."""
        try:
            with self._lock:
                row = self._db.execute("SELECT answer, stored FROM answers_v2 WHERE endpoint=? AND query=?",
                                       (endpoint, query)).fetchone()
            return None if row is None else (json.loads(row[0]), row[1] or 0.0)
        except (sqlite3.Error, ValueError) as e:
            self._give_up(e)
            return None

    def put(self, endpoint: str, query: str, answer, stored: float) -> None:
        try:
            with self._lock, self._db:
                self._db.execute("INSERT OR REPLACE INTO answers_v2 VALUES (?, ?, ?, ?)",
                                 (endpoint, query, json.dumps(answer), stored))
        except sqlite3.Error as e:
            self._give_up(e)

    def _give_up(self, e: Exception) -> None:
        """A file that fails once (damaged, disk full) is left for memory: one warning, not one per name."""
        log.warning("online cache failed (%s); answers are kept in memory for this run", e)
        with self._lock:
            self._db = self._open(":memory:")


class OnlineGeocoder:
    """A geopy geocoder behind geopy's RateLimiter and an on-disk cache.

    Opt-in only (``--geocoder nominatim``): geomap never goes online by itself.
    A failed request (HTTP error, rate limit, timeout, unreadable answer, no
    server) is logged in one line and, when a ``fallback`` geocoder is given
    (or a callable that makes one), that name is answered offline instead;
    without one, or with ``strict=True``, it raises GeocoderError.

    Waiting is bounded: a ``Retry-After`` is honoured up to ``max_retry_after``
    seconds, and one name never takes more than ``name_deadline`` seconds in
    all, however slowly the server answers. ``clock`` and ``sleep`` are
    injectable so tests need not wait.
    """

    def __init__(self, service: str, *, user_agent: str = "geomap", min_delay_seconds: float = 1.0,
                 cache_path: Path | None = None, fallback=None, strict: bool = False,
                 max_retry_after: float = 10.0, name_deadline: float = 30.0, max_attempts: int = 3,
                 error_wait: float = 2.0, negative_ttl: float = NEGATIVE_TTL, give_up_after: int = 3,
                 clock=time.time, sleep=time.sleep, **options):
        from geopy.exc import ConfigurationError
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import get_geocoder_for_service

        try:
            cls = get_geocoder_for_service(service)
        except Exception as e:  # geopy raises GeocoderNotFound
            raise GeocoderSetupError(str(e)) from None
        options.setdefault("adapter_factory", _adapter_without_retries)
        options.setdefault("timeout", min(10.0, name_deadline))
        try:
            self.geocoder = cls(user_agent=user_agent, **options)
        except (TypeError, ConfigurationError) as e:
            if "api_key" in str(e) and "api_key" not in options:  # geopy's text names its own argument
                raise GeocoderSetupError(f"{service}: needs an API key (--geocoder-option api_key=KEY)") from None
            raise GeocoderSetupError(f"{service}: {_one_line(e)}") from None
        self.service = service
        self.endpoint = _endpoint_key(service, self.geocoder, options)
        self._where = _where(self.geocoder) or service
        # Retries are ours (bounded); the RateLimiter only spaces the requests.
        self._limited = RateLimiter(self.geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)
        self.timeout = float(options["timeout"])
        self.strict = strict
        self._fallback = fallback
        self.max_retry_after, self.name_deadline = max_retry_after, name_deadline
        self.max_attempts, self.error_wait, self.negative_ttl = max_attempts, error_wait, negative_ttl
        self.give_up_after = give_up_after
        self._failures_in_a_row = 0
        self.clock, self.sleep = clock, sleep
        if cache_path is None:
            cache_path = _online_cache_path()
        self.cache = _DiskCache(cache_path)
        self.failures: list[str] = []  # one line per name that fell back, for a caller's summary

    def geocode(self, query: str, *, exactly_one=True, **kwargs):
        """geopy's contract; a failure falls back (or raises, see the class)."""
        try:
            return self.online(query, exactly_one=exactly_one, **kwargs)
        except GeocoderError as e:
            fallback = self._fallback_geocoder()
            if fallback is None:
                raise
            self.degrade(e, "using the embedded gazetteer")
            return fallback.geocode(query, exactly_one=exactly_one)

    def degrade(self, error: GeocoderError, instead: str) -> None:
        """Go on without the service for one name: one log line, or the error when strict."""
        if self.strict:
            raise error
        self.failures.append(str(error))
        log.warning("%s; %s", error, instead)

    def online(self, query: str, *, exactly_one=True, **kwargs):
        """The service's answer (cached), None when it knows no such place; a
        GeocoderError when it could not be asked."""
        key = json.dumps([query, exactly_one, sorted(kwargs.items())])
        hit = self.cache.get(self.endpoint, key)
        if hit is not None:
            data, stored = hit
            if not data.get("none") or self.clock() - stored < self.negative_ttl:
                try:
                    return _from_json(data, exactly_one)
                except (KeyError, TypeError, ValueError, AttributeError):
                    pass  # an entry that is not ours (edited by hand?): ask again
        if self.give_up_after and self._failures_in_a_row >= self.give_up_after:
            raise GeocoderError(f"{self._where} not asked for {query!r} after "
                                f"{self._failures_in_a_row} failures in a row")
        try:
            answer = _with_coordinates(self._ask(query, exactly_one, kwargs))
        except GeocoderError:
            self._failures_in_a_row += 1
            raise
        self._failures_in_a_row = 0
        self.cache.put(self.endpoint, key, _to_json(answer), self.clock())
        return answer

    def _fallback_geocoder(self):
        fb = self._fallback
        if fb is not None and not hasattr(fb, "geocode"):
            fb = self._fallback = fb()  # built on first need: loading it costs time
        return fb

    def _ask(self, query: str, exactly_one: bool, kwargs: dict):
        """One name's answer, retrying rate limits and outages within the deadline."""
        deadline = self.clock() + self.name_deadline
        attempt = 0
        while True:
            attempt += 1
            left = deadline - self.clock()
            try:
                return _call_within(lambda: self._limited(query, exactly_one=exactly_one,
                                                          timeout=max(0.1, min(self.timeout, left)), **kwargs),
                                    left)
            except _Slow:
                raise GeocoderError(f"{self._where} failed for {query!r}: no answer within "
                                    f"{self.name_deadline:g} s") from None
            except Exception as e:  # geopy's errors, and any parser's on a malformed answer
                wait = _retry_wait(e, self.error_wait)
                if wait is None or attempt >= self.max_attempts:
                    raise GeocoderError(f"{self._where} failed for {query!r}: {_describe(e)}") from None
                wait = min(wait, self.max_retry_after)
                if self.clock() + wait >= deadline:
                    raise GeocoderError(f"{self._where} failed for {query!r}: {_describe(e)} "
                                        f"(no retry within {self.name_deadline:g} s)") from None
                log.debug("%s: %s; retrying in %.1f s", self._where, _describe(e), wait)
                self.sleep(wait)


class _Slow(Exception):
    pass


def _call_within(fn, seconds: float):
    """fn() in a daemon thread, abandoned after `seconds`: a server that trickles
    bytes resets every per-read timeout, so only a wall-clock bound holds."""
    box: dict = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as e:  # handed to the caller's thread
            box["error"] = e

    t = threading.Thread(target=run, daemon=True, name="geomap-online")
    t.start()
    t.join(max(0.0, seconds))
    if t.is_alive():
        raise _Slow()
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _retry_wait(e: Exception, default: float) -> float | None:
    """Seconds to wait before asking again, or None when asking again cannot help."""
    from geopy.adapters import get_retry_after
    from geopy.exc import GeocoderRateLimited, GeocoderTimedOut, GeocoderUnavailable

    if isinstance(e, GeocoderRateLimited):
        return e.retry_after if e.retry_after is not None else default
    if isinstance(e, (GeocoderUnavailable, GeocoderTimedOut)):
        headers = getattr(e.__cause__, "headers", None)
        after = get_retry_after(headers) if headers else None
        if after is None and getattr(e.__cause__, "status_code", None) is None:
            return None if isinstance(e, GeocoderUnavailable) else default  # no server: do not insist
        return after if after is not None else default
    return None


def _describe(e: Exception) -> str:
    """A short reason: urllib3's messages run to several hundred characters."""
    from geopy.exc import GeocoderParseError, GeocoderTimedOut, GeocoderUnavailable

    status = getattr(e.__cause__, "status_code", None)
    if status is not None:
        return f"HTTP {status}"
    if isinstance(e, GeocoderTimedOut):
        return "timed out"
    if isinstance(e, GeocoderUnavailable):
        return "cannot connect" + (" (connection refused)" if "refused" in str(e).lower() else "")
    if isinstance(e, (GeocoderParseError, ValueError, KeyError, TypeError, AttributeError, IndexError)):
        return f"unreadable answer ({type(e).__name__}: {_one_line(e)})"
    return f"{type(e).__name__}: {_one_line(e)}"


def _one_line(e: Exception) -> str:
    text = " ".join(str(e).split())
    return text[:200] + ("…" if len(text) > 200 else "")


def _adapter_without_retries(*, proxies, ssl_context):
    """geopy's requests adapter with urllib3's own retries off: ours are bounded."""
    from geopy.adapters import RequestsAdapter, URLLibAdapter

    if RequestsAdapter.is_available:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)


def _where(geocoder) -> str:
    scheme, domain = getattr(geocoder, "scheme", None), getattr(geocoder, "domain", None)
    name = type(geocoder).__name__.lower()
    return f"{name} ({scheme}://{domain})" if scheme and domain else name


def _endpoint_key(service: str, geocoder, options: dict) -> str:
    shaping = {k: str(v) for k, v in options.items()
               if k not in _NOT_IN_KEY and not any(s in k.lower() for s in _SECRET)}
    shaping["scheme"] = str(getattr(geocoder, "scheme", shaping.get("scheme", "")))
    shaping["domain"] = str(getattr(geocoder, "domain", shaping.get("domain", "")))
    shaping["api"] = str(getattr(geocoder, "api", ""))
    return json.dumps([service.lower(), sorted(shaping.items())])


def _online_cache_path() -> Path | None:
    try:
        return gz.cache_dir() / "online.sqlite"
    except Exception:  # no home folder to put a cache in: memory will do
        return None


def _usable(loc) -> bool:
    """A Location with real coordinates: geopy turns a missing lat/lon into (0, 0)."""
    try:
        la, lo = float(loc.latitude), float(loc.longitude)
    except (TypeError, ValueError, AttributeError):
        return False
    if not (math.isfinite(la) and math.isfinite(lo) and -90 <= la <= 90 and -180 <= lo <= 180):
        return False
    raw = loc.raw if isinstance(loc.raw, dict) else {}
    if (la, lo) == (0.0, 0.0):
        # (0, 0) is open sea: only believe it when the service sent those numbers.
        sent = [raw.get(k) for k in ("lat", "lon", "latitude", "longitude")]
        return any(v not in (None, "") for v in sent) and all(
            v in (None, "") or _is_zero(v) for v in sent)
    return True


def _is_zero(v) -> bool:
    try:
        return float(v) == 0.0
    except (TypeError, ValueError):
        return False


def _with_coordinates(answer):
    """Drop locations without coordinates: such an answer is 'not found', never (0, 0)."""
    if answer is None:
        return None
    if isinstance(answer, list):
        kept = [a for a in answer if _usable(a)]
        return kept or None
    return answer if _usable(answer) else None


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


def relocate(places, geocoder: OnlineGeocoder, gazetteer: gz.Gazetteer):
    """The resolved places with the online service's coordinates.

    The gazetteer still decides which place a name means (it reads the whole
    document); the service is asked for that place by name and country. A place
    the service does not know, or cannot be asked about, keeps the gazetteer's point.
    """
    import dataclasses

    out = []
    for rp in places:
        p = rp.place
        country = gazetteer.country_name(p.country_code) if p.kind != "country" else None
        query = f"{p.name}, {country}" if country else p.name
        try:
            loc = geocoder.online(query, exactly_one=True)
        except GeocoderError as e:
            geocoder.degrade(e, "keeping the embedded gazetteer's point")
            loc = None
        if loc is not None:
            rp = dataclasses.replace(rp, place=dataclasses.replace(
                p, lat=float(loc.latitude), lon=float(loc.longitude), source=geocoder.service))
        out.append(rp)
    return tuple(out)
