"""Online geocoders that fail: every failure is one log line, the run goes on offline.

A Nominatim look-alike on 127.0.0.1 answers each query the way the test asks
(500, 429 with Retry-After, a slow or trickling answer, broken JSON, an HTML page,
a place without coordinates); the internet is never used.
"""
import json
import logging
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import GeocoderError
from geomap.geocode import NEGATIVE_TTL, OnlineGeocoder

from conftest import ROOT


class FakeNominatim:
    """Answers /search?q=NAME according to `modes[NAME]` (default: a place at `points[NAME]`)."""

    def __init__(self):
        self.modes: dict[str, str] = {}
        self.points: dict[str, tuple[float, float]] = {}
        self.hits: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                q = parse_qs(urlparse(self.path).query).get("q", [""])[0]
                outer.hits.append(q)
                mode = outer.modes.get(q, outer.modes.get("*", "ok"))
                if mode == "500":
                    return self._send(500, b"oops", "text/plain")
                if mode == "429":
                    return self._send(429, b"slow down", "text/plain", {"Retry-After": "3600"})
                if mode == "503":
                    return self._send(503, b"busy", "text/plain", {"Retry-After": "3600"})
                if mode == "badjson":
                    return self._send(200, b'[{"lat": "4', "application/json")
                if mode == "html":
                    return self._send(200, b"<html><body>Login required</body></html>", "text/html")
                if mode == "nocoords":
                    body = [{"display_name": f"{q}, Somewhere", "place_id": 7}]
                    return self._send(200, json.dumps(body).encode(), "application/json")
                if mode == "empty":
                    return self._send(200, b"[]", "application/json")
                if mode == "slow":
                    time.sleep(3)
                    return self._send(200, b"[]", "application/json")
                if mode == "trickle":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", "1000")
                    self.end_headers()
                    try:
                        for _ in range(60):
                            self.wfile.write(b" ")
                            self.wfile.flush()
                            time.sleep(0.1)
                    except OSError:
                        pass
                    return
                lat, lon = outer.points.get(q, (43.1056, 131.8735))
                body = [{"lat": str(lat), "lon": str(lon), "display_name": f"{q} (loopback)",
                         "place_id": 1, "class": "place", "type": "city"}]
                self._send(200, json.dumps(body).encode(), "application/json")

            def _send(self, code, data, ctype, headers=None):
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *a):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.domain = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    s = FakeNominatim()
    yield s
    s.close()


@pytest.fixture
def other_server():
    s = FakeNominatim()
    yield s
    s.close()


def closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def online(tmp_path, domain, **kw):
    kw.setdefault("min_delay_seconds", 0.0)
    kw.setdefault("cache_path", tmp_path / "online.sqlite")
    return OnlineGeocoder("nominatim", user_agent="geomap-test", domain=domain, scheme="http", **kw)


class FakeTime:
    """A clock that only moves when someone sleeps (or the test says so)."""

    def __init__(self):
        self.now = 1_000_000.0
        self.sleeps: list[float] = []

    def clock(self):
        return self.now

    def sleep(self, s):
        self.sleeps.append(s)
        self.now += s


# -- Retry-After ----------------------------------------------------------------

@pytest.mark.parametrize("mode", ["429", "503"])
def test_retry_after_an_hour_is_capped(server, tmp_path, mode):
    server.modes["*"] = mode
    t = FakeTime()
    g = online(tmp_path, server.domain, clock=t.clock, sleep=t.sleep)  # the default caps
    with pytest.raises(GeocoderError, match=r"failed for 'Vladivostok': HTTP " + mode):
        g.geocode("Vladivostok")
    assert t.sleeps, "a rate limit is retried"
    assert max(t.sleeps) <= 10, t.sleeps
    assert sum(t.sleeps) <= 30, "one name never waits past its deadline"
    assert len(server.hits) <= 3


def test_retry_after_in_real_time(server, tmp_path):
    server.modes["*"] = "429"
    g = online(tmp_path, server.domain, max_retry_after=0.2, name_deadline=1.0)
    t0 = time.monotonic()
    with pytest.raises(GeocoderError):
        g.geocode("Vladivostok")
    assert time.monotonic() - t0 < 3
    assert 2 <= len(server.hits) <= 3


def test_a_trickling_server_cannot_outlive_the_name_deadline(server, tmp_path):
    server.modes["*"] = "trickle"
    g = online(tmp_path, server.domain, name_deadline=1.0)
    t0 = time.monotonic()
    with pytest.raises(GeocoderError, match="no answer within 1 s"):
        g.geocode("Vladivostok")
    assert time.monotonic() - t0 < 2.5


# -- each failure: one line, no traceback, the gazetteer answers ---------------------

FAILURES = {
    "500": "HTTP 500",
    "429": "HTTP 429",
    "slow": "timed out",
    "badjson": "unreadable answer",
    "html": "unreadable answer",
    "closed": "cannot connect",
}


@pytest.mark.parametrize("mode", list(FAILURES))
def test_each_failure_is_one_line_and_falls_back(server, tmp_path, geocoder, caplog, mode):
    domain = f"127.0.0.1:{closed_port()}" if mode == "closed" else server.domain
    server.modes["*"] = mode
    g = online(tmp_path, domain, fallback=geocoder, timeout=0.5, max_retry_after=0.1, name_deadline=2)
    with caplog.at_level(logging.DEBUG):
        loc = g.geocode("Vladivostok")
    assert loc.raw["id"].startswith("gn:"), "the embedded gazetteer answered"
    assert abs(loc.latitude - 43.1056) < 0.1
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    msg = warnings[0].getMessage()
    assert FAILURES[mode] in msg and "'Vladivostok'" in msg and "using the embedded gazetteer" in msg
    assert "\n" not in msg
    assert not any(r.exc_info for r in caplog.records), "no traceback is logged"
    assert g.failures == [msg.rsplit("; ", 1)[0]]


@pytest.mark.parametrize("mode", list(FAILURES))
def test_each_failure_without_fallback_is_a_geocoder_error(server, tmp_path, mode):
    domain = f"127.0.0.1:{closed_port()}" if mode == "closed" else server.domain
    server.modes["*"] = mode
    g = online(tmp_path, domain, timeout=0.5, max_retry_after=0.1, name_deadline=2)
    with pytest.raises(GeocoderError, match=FAILURES[mode]):
        g.geocode("Vladivostok")


def test_failures_are_not_cached(server, tmp_path):
    server.modes["*"] = "500"
    g = online(tmp_path, server.domain)
    with pytest.raises(GeocoderError):
        g.geocode("Vladivostok")
    server.modes.clear()
    assert g.geocode("Vladivostok").address == "Vladivostok (loopback)"


def test_a_dead_server_is_not_asked_for_every_name(tmp_path, geocoder, caplog):
    g = online(tmp_path, f"127.0.0.1:{closed_port()}", fallback=geocoder, give_up_after=2)
    with caplog.at_level(logging.WARNING):
        for name in ("Vladivostok", "Khabarovsk", "Blagoveshchensk", "Ussuriysk"):
            assert g.geocode(name) is not None
    msgs = [r.getMessage() for r in caplog.records if r.name.startswith("geomap")]
    assert len(msgs) == 4, "still one line per name"
    assert "cannot connect" in msgs[1] and "not asked for 'Blagoveshchensk' after 2 failures" in msgs[2]


# -- the cache: keyed by endpoint, negative answers expire ----------------------------

def test_cache_is_keyed_by_endpoint(server, other_server, tmp_path):
    other_server.points["Vladivostok"] = (1.25, 2.5)  # a wrong server
    bad = online(tmp_path, other_server.domain)
    assert (bad.geocode("Vladivostok").latitude, bad.geocode("Vladivostok").longitude) == (1.25, 2.5)
    good = online(tmp_path, server.domain)
    loc = good.geocode("Vladivostok")
    assert (loc.latitude, loc.longitude) == (43.1056, 131.8735), "the other server's answer is not reused"
    assert server.hits == ["Vladivostok"]
    # and the same endpoint over https is yet another key
    https = OnlineGeocoder("nominatim", user_agent="t", min_delay_seconds=0, cache_path=tmp_path / "online.sqlite",
                           domain=server.domain, scheme="https")
    assert https.endpoint not in (good.endpoint, bad.endpoint)
    assert good.endpoint == online(tmp_path, server.domain, timeout=3).endpoint, "a timeout does not shape answers"


def test_negative_answers_expire(server, tmp_path):
    server.modes["Nowhere"] = "empty"
    t = FakeTime()
    g = online(tmp_path, server.domain, clock=t.clock, sleep=t.sleep)
    assert g.geocode("Nowhere") is None
    assert g.geocode("Nowhere") is None and len(server.hits) == 1, "cached for a while"
    t.now += NEGATIVE_TTL - 60
    assert g.geocode("Nowhere") is None and len(server.hits) == 1
    t.now += 120
    server.modes.clear()  # the place now exists
    assert g.geocode("Nowhere").address == "Nowhere (loopback)" and len(server.hits) == 2
    t.now += 10 * NEGATIVE_TTL
    assert g.geocode("Nowhere") is not None and len(server.hits) == 2, "positive answers stay"


def test_an_answer_without_coordinates_is_not_found(server, tmp_path):
    server.modes["Atlantis"] = "nocoords"
    g = online(tmp_path, server.domain)
    assert g.geocode("Atlantis") is None
    assert g.geocode("Atlantis", exactly_one=False) is None


def test_a_garbled_cache_file_costs_requests_not_the_run(server, tmp_path, caplog):
    cache = tmp_path / "online.sqlite"
    cache.write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING):
        g = online(tmp_path, server.domain, cache_path=cache)
        assert g.geocode("Vladivostok").latitude == 43.1056
    assert len([r for r in caplog.records if "unusable" in r.getMessage()]) == 1


def test_no_cache_folder_keeps_answers_in_memory(server, tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with caplog.at_level(logging.WARNING):
        g = online(tmp_path, server.domain, cache_path=blocker / "sub" / "online.sqlite")
        g.geocode("Vladivostok")
        g.geocode("Vladivostok")
    assert len(server.hits) == 1
    assert len(caplog.records) == 1 and "kept in memory" in caplog.records[0].getMessage()


# -- the command line -------------------------------------------------------------

def private_online_cache(monkeypatch, tmp_path):
    """The online cache in tmp_path; the gazetteer index stays where it is (warm)."""
    import geomap.geocode

    monkeypatch.setattr(geomap.geocode, "_online_cache_path", lambda: tmp_path / "online.sqlite")


def geocode_args(domain, *names):
    return ["geocode", *names, "--geocoder", "nominatim", "--user-agent", "geomap-test", "--min-delay", "0",
            "--geocoder-option", f"domain={domain}", "--geocoder-option", "scheme=http"]


def test_cli_paris_berlin_where_berlin_fails(server, tmp_path, monkeypatch):
    private_online_cache(monkeypatch, tmp_path)
    server.points["Paris"] = (48.8566, 2.3522)
    server.modes["Berlin"] = "500"
    r = CliRunner().invoke(cli, geocode_args(server.domain, "Paris", "Berlin"))
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Paris -> Paris (loopback)  (48.8566, 2.3522)")
    assert lines[1].startswith("Berlin -> Berlin") and "DE" in lines[1], "the gazetteer's Berlin"
    err = r.stderr.splitlines()
    assert len(err) == 1 and "HTTP 500" in err[0] and "'Berlin'" in err[0] and "embedded gazetteer" in err[0]
    assert "Traceback" not in r.stderr


def test_cli_strict_online_makes_a_failure_fatal(server, tmp_path, monkeypatch):
    private_online_cache(monkeypatch, tmp_path)
    server.modes["Berlin"] = "500"
    r = CliRunner().invoke(cli, geocode_args(server.domain, "Paris", "Berlin", "Rome") + ["--strict-online"])
    assert r.exit_code == 5
    assert r.stdout.startswith("Paris -> Paris (loopback)") and "Rome" not in r.stdout
    assert r.stderr.strip().splitlines() == [r.stderr.strip()] and "HTTP 500" in r.stderr
    assert server.hits == ["Paris", "Berlin"]


def test_cli_answer_without_coordinates_is_not_found(server, tmp_path, monkeypatch):
    private_online_cache(monkeypatch, tmp_path)
    server.modes["Atlantis"] = "nocoords"
    r = CliRunner().invoke(cli, geocode_args(server.domain, "Atlantis"))
    assert r.exit_code == 4 and "(0.0000, 0.0000)" not in r.stdout
    assert "no place found for 'Atlantis'" in r.stderr


@pytest.mark.parametrize("command", [["geocode", "Paris"], ["map", "-"], ["extract", "-"]])
def test_cli_googlev3_without_a_key_is_a_usage_error(tmp_path, monkeypatch, command):
    private_online_cache(monkeypatch, tmp_path)
    r = CliRunner().invoke(cli, command + ["--geocoder", "googlev3", "-o" if command[0] != "geocode" else "--limit",
                                           str(tmp_path / "x.html") if command[0] != "geocode" else "1"],
                           input="Troops left Vladivostok.")
    assert r.exit_code == 2, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("geomap: googlev3:") and "api_key" in lines[0]
    assert not (tmp_path / "x.html").exists()


def test_cli_unknown_geocoder_option_is_a_usage_error(tmp_path, monkeypatch):
    private_online_cache(monkeypatch, tmp_path)
    r = CliRunner().invoke(cli, ["geocode", "Paris", "--geocoder", "nominatim", "--geocoder-option", "colour=blue"])
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1 and "colour" in r.stderr


TEXT = "Troops moved from Vladivostok to Khabarovsk on Monday."


def test_cli_extract_with_an_online_geocoder(server, tmp_path, monkeypatch):
    private_online_cache(monkeypatch, tmp_path)
    server.points["Vladivostok, Russia"] = (43.25, 131.5)
    server.modes["Khabarovsk, Russia"] = "500"
    src = tmp_path / "story.txt"
    src.write_text(TEXT)
    args = ["extract", str(src), "--geocoder", "nominatim", "--user-agent", "geomap-test", "--min-delay", "0",
            "--geocoder-option", f"domain={server.domain}", "--geocoder-option", "scheme=http", "-q"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    places = {p["name"]: p for p in json.loads(r.stdout)["places"]}
    assert set(server.hits) == {"Vladivostok, Russia", "Khabarovsk, Russia"}
    assert (places["Vladivostok"]["lat"], places["Vladivostok"]["lon"]) == (43.25, 131.5), "the service's point"
    assert abs(places["Khabarovsk"]["lat"] - 48.48) < 0.1, "the gazetteer's point where the service failed"
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and "'Khabarovsk, Russia'" in err[0] and "keeping the embedded gazetteer's point" in err[0]
    r = CliRunner().invoke(cli, args + ["--strict-online", "-o", str(tmp_path / "out.json")])
    assert r.exit_code == 5 and not (tmp_path / "out.json").exists()
    assert len(r.stderr.strip().splitlines()) == 1


def test_cli_map_with_an_online_geocoder(server, tmp_path, monkeypatch):
    private_online_cache(monkeypatch, tmp_path)
    server.points["Vladivostok, Russia"] = (43.25, 131.5)
    out = tmp_path / "m.html"
    r = CliRunner().invoke(cli, ["map", "-", "-o", str(out), "--geocoder", "nominatim", "--min-delay", "0",
                                 "--geocoder-option", f"domain={server.domain}", "--geocoder-option", "scheme=http"],
                           input=TEXT)
    assert r.exit_code == 0, r.output
    assert "43.25" in out.read_text() and set(server.hits) == {"Vladivostok, Russia", "Khabarovsk, Russia"}


def test_no_traceback_from_a_real_process(server, tmp_path, gaz):
    """geopy and urllib3 log through `logging`; in a real process nothing but our lines reach stderr."""
    import os

    from geomap import gazetteer as gz

    server.modes["Berlin"] = "500"
    port = closed_port()
    cache = tmp_path / "cache"
    cache.mkdir()
    index = gaz.index_dir  # the warm index, seen through a link: a fresh online cache, no rebuild
    (cache / index.name).symlink_to(index)
    (cache / "stamps.json").write_bytes((gz.cache_dir() / "stamps.json").read_bytes())
    env = dict(os.environ, GEOMAP_CACHE_DIR=str(cache))
    for domain, want in ((server.domain, "HTTP 500"), (f"127.0.0.1:{port}", "cannot connect")):
        args = geocode_args(domain, "Berlin") + ["--geocoder-option", "timeout=2"]
        p = subprocess.run([sys.executable, "-m", "geomap", *args], capture_output=True, text=True, env=env,
                           cwd=ROOT, timeout=120)
        assert p.returncode == 0, p.stderr
        err = p.stderr.strip().splitlines()
        assert len(err) == 1 and want in err[0] and "Traceback" not in p.stderr, p.stderr
        assert p.stdout.startswith("Berlin -> Berlin")


def test_a_cache_that_fails_later_warns_once(server, tmp_path, caplog):
    cache = tmp_path / "online.sqlite"
    g = online(tmp_path, server.domain, cache_path=cache)
    with g.cache._db:
        g.cache._db.execute("DROP TABLE answers_v2")  # as if the file were damaged under a running process
        g.cache._db.execute("CREATE TABLE answers_v2 (x)")
    with caplog.at_level(logging.WARNING):
        for name in ("Vladivostok", "Khabarovsk", "Vladivostok"):
            assert g.geocode(name) is not None
    assert len(caplog.records) == 1 and "kept in memory" in caplog.records[0].getMessage()
    assert server.hits == ["Vladivostok", "Khabarovsk"], "the memory cache still answers repeats"


def test_a_malformed_cache_entry_is_asked_again(server, tmp_path):
    g = online(tmp_path, server.domain)
    g.cache.put(g.endpoint, json.dumps(["Vladivostok", True, []]), {"items": [{"oops": 1}]}, g.clock())
    assert g.geocode("Vladivostok").address == "Vladivostok (loopback)" and server.hits == ["Vladivostok"]
