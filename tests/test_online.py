"""The online path, against a Nominatim look-alike on 127.0.0.1 (never the internet)."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geomap.errors import GeocoderError
from geomap.geocode import OnlineGeocoder


@pytest.fixture
def fake_nominatim():
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlparse(self.path)
            q = parse_qs(url.query).get("q", [""])[0]
            hits.append((url.path, q, self.headers.get("User-Agent")))
            if url.path != "/search":
                self.send_response(404); self.end_headers(); return
            body = [] if q == "Nowhere" else [{
                "lat": "43.1056", "lon": "131.8735", "display_name": f"{q}, Primorsky Krai, Russia",
                "place_id": 1, "class": "place", "type": "city",
            }]
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *a):
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"127.0.0.1:{srv.server_address[1]}", hits
    srv.shutdown()


def test_nominatim_with_rate_limit_and_cache(fake_nominatim, tmp_path):
    domain, hits = fake_nominatim
    g = OnlineGeocoder("nominatim", user_agent="geomap-test", min_delay_seconds=0.0,
                       cache_path=tmp_path / "c.sqlite", domain=domain, scheme="http")
    loc = g.geocode("Vladivostok")
    assert (round(loc.latitude, 4), round(loc.longitude, 4)) == (43.1056, 131.8735)
    assert hits[0][0] == "/search" and hits[0][1] == "Vladivostok" and hits[0][2] == "geomap-test"
    again = g.geocode("Vladivostok")
    assert again.address == loc.address
    assert len(hits) == 1, "the second answer comes from the disk cache"
    assert g.geocode("Nowhere") is None
    assert g.geocode("Nowhere") is None and len(hits) == 2, "misses are cached too"
    # a new geocoder over the same cache file needs no request
    g2 = OnlineGeocoder("nominatim", user_agent="geomap-test", min_delay_seconds=0.0,
                        cache_path=tmp_path / "c.sqlite", domain=domain, scheme="http")
    assert g2.geocode("Vladivostok").address == loc.address and len(hits) == 2


def test_unreachable_service_is_a_clear_error(tmp_path):
    import socket

    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    g = OnlineGeocoder("nominatim", user_agent="geomap-test", min_delay_seconds=0.0,
                       cache_path=tmp_path / "c.sqlite", domain=f"127.0.0.1:{port}", scheme="http", timeout=2)
    with pytest.raises(GeocoderError, match=r"nominatim \(http://127.0.0.1:\d+\) failed for .Vladivostok.: cannot connect"):
        g.geocode("Vladivostok")


def test_unknown_service():
    with pytest.raises(GeocoderError):
        OnlineGeocoder("no-such-service")


def test_cli_geocode_through_nominatim(fake_nominatim, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from geomap.cli import cli

    domain, hits = fake_nominatim
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path))
    args = ["geocode", "Vladivostok", "--geocoder", "nominatim", "--user-agent", "geomap-test",
            "--min-delay", "0", "--geocoder-option", f"domain={domain}", "--geocoder-option", "scheme=http",
            "--format", "json"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out[0]["address"] == "Vladivostok, Primorsky Krai, Russia" and out[0]["lat"] == 43.1056
    r = CliRunner().invoke(cli, args[:-2] + ["--format", "text"])
    assert r.exit_code == 0 and len(hits) == 1, "the second run is answered from the disk cache"
    r = CliRunner().invoke(cli, ["geocode", "Nowhere"] + args[2:])
    assert r.exit_code == 4 and "no place found for 'Nowhere'" in r.stderr
