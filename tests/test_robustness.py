"""Random and pathological input never crashes geomap; GeoJSON follows RFC 7946."""
import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geomap
from geomap.cli import cli
from geomap.models import Document, Event, Result, Span
from geomap.serialize import to_geojson


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_random_text_never_crashes_extract(gaz, text):
    r = geomap.extract(text, gazetteer=gaz)
    for rp in r.places:
        for m in rp.mentions:
            assert text[m.start:m.end] == m.text
    for e in r.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text





@pytest.mark.parametrize("text,lang", [
    ("Thousands of refugees fled from Kyiv to", "en"),
    ("Refugees crossed into Chad in order to", "en"),
    ("Les migrants ont traversé la Manche afin d'", "fr"),
    ("Los migrantes salieron de Tánger a fin de", "es"),
    ("Pengungsi dari Aceh menuju", "id"),
    ("Flüchtlinge kamen aus Kiew nach", "de"),
])
def test_a_text_cut_off_after_a_preposition_still_reads(gaz, text, lang):
    # rules look one word past a "to" or a purpose phrase; at the end of the text there is none
    r = geomap.extract(text, lang, gazetteer=gaz)
    assert r.places


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600))
def test_random_bytes_give_a_result_or_a_clear_error(tmp_path, data):
    f = tmp_path / "in.txt"
    f.write_bytes(data)
    r = CliRunner().invoke(cli, ["extract", str(f), "--format", "jsonl", "-q"])
    assert r.exit_code in (0, 2), r.output
    assert "Traceback" not in r.output and "internal error" not in r.output
    if r.exit_code == 2:
        assert r.stderr.startswith("geomap: ")


def test_title_case_torrent_of_names_finishes(gaz):
    # 40,000 capitalised words, many of them place names, in one comma-separated line.
    words = ("Paris Berlin Springfield Lagos Georgia Kim Jong Vladivostok Usurisk Donetsk "
             "Washington Post Reuters Monday ").split()
    text = ", ".join(words[i % len(words)] for i in range(40_000))
    r = geomap.extract(text, gazetteer=gaz)
    assert {"Paris", "Vladivostok", "Donetsk"} <= {rp.place.name for rp in r.places}
    assert sum(len(rp.mentions) for rp in r.places) > 10_000


def test_oversized_input_is_refused_with_its_limit(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.seek(50_000_000)
        f.write(b"x")
    r = CliRunner().invoke(cli, ["map", str(big), "-o", str(tmp_path / "m.html")])
    assert r.exit_code == 2
    assert "MB" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "m.html").exists()


def _pt(pid, name, lat, lon):
    from geomap.models import Mention, Place, ResolvedPlace

    return ResolvedPlace(Place(pid, name, "city", "XX", lat, lon), (Mention(0, 1, "x"),), 1.0)


def test_geojson_rfc7946_rules_across_the_antimeridian():
    text = "x" * 10
    places = (_pt("a", "Vladivostok", 43.1056, 131.8735), _pt("b", "Anchorage", 61.2181, -149.9003),
              _pt("c", "Lima", -12.0432, -77.0282))
    events = (Event("movement", Span(0, 1, "x"), origin="a", destination="b"),
              Event("movement", Span(0, 1, "x"), origin="c", destination="b"))
    fc = to_geojson([Result(Document(text), places, events)])
    json.dumps(fc, allow_nan=False)  # no NaN/Infinity: RFC 7946 is plain JSON
    lines = [f for f in fc["features"] if f["geometry"]["type"] != "Point"]
    assert [f["geometry"]["type"] for f in lines] == ["MultiLineString", "LineString"]
    for f in fc["features"]:
        g = f["geometry"]
        parts = [g["coordinates"]] if g["type"] == "Point" else (
            [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"])
        flat = parts if g["type"] == "Point" else [p for part in parts for p in part]
        for lon, lat in flat:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
        if g["type"] != "Point":
            for part in parts:
                for (x0, _), (x1, _) in zip(part, part[1:]):
                    assert abs(x1 - x0) < 180, "a segment must not cross the antimeridian"
    first = lines[0]["geometry"]["coordinates"]
    assert first[0][0] == [131.8735, 43.1056] and first[-1][-1] == [-149.9003, 61.2181]
    assert {abs(first[0][-1][0]), abs(first[1][0][0])} == {180.0}


def test_a_ten_megabyte_line_is_refused_quickly_with_its_limit(tmp_path):
    big = tmp_path / "oneline.txt"
    big.write_text("Troops moved from Vladivostok to Khabarovsk, officials said. " * 170_000, encoding="utf-8")
    r = CliRunner().invoke(cli, ["map", str(big), "-o", str(tmp_path / "m.html")])
    assert r.exit_code == 2
    assert "million characters" in r.stderr and "--jsonl" in r.stderr
    assert not (tmp_path / "m.html").exists()
