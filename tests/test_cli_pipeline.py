import json

import pytest
from click.testing import CliRunner

from conftest import ROOT
from geomap.cli import cli

EN = ROOT / "examples" / "north-korea-russia.en.txt"


def invoke(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], **kw)


def test_extract_json_contract():
    r = invoke("extract", EN)
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert {"id", "lang", "places", "events"} <= set(data)
    assert data["id"] == "north-korea-russia.en" and data["lang"] == "en"
    text = EN.read_text("utf-8")
    for p in data["places"]:
        assert {"id", "name", "kind", "country_code", "lat", "lon", "score", "mentions"} <= set(p)
        for m in p["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    assert "Vladivostok" in {p["name"] for p in data["places"]}


def test_extract_jsonl_keeps_order_and_ids(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join(json.dumps(d) for d in [
        {"id": "b", "text": "Ships sailed from Busan to Vladivostok."},
        {"doc_id": "a", "text": "Aid reached Khartoum from Port Sudan."},
        {"id": "c", "text": "Nothing here names a place at all."},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = invoke("extract", "--jsonl", src, "--format", "jsonl", "-o", out)
    assert r.exit_code == 0, r.output
    rows = [json.loads(l) for l in out.read_text().splitlines()]
    assert [row["id"] for row in rows] == ["b", "a", "c"]
    assert {p["name"] for p in rows[0]["places"]} >= {"Busan", "Vladivostok"}
    assert rows[2]["places"] == []


def test_geojson_is_rfc7946_points(tmp_path):
    out = tmp_path / "p.geojson"
    r = invoke("extract", EN, "--format", "geojson", "-o", out)
    assert r.exit_code == 0, r.output
    fc = json.loads(out.read_text())
    assert fc["type"] == "FeatureCollection"
    pts = [f for f in fc["features"] if f["geometry"]["type"] == "Point"]
    assert pts
    for f in pts:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lon, lat) == (f["properties"]["lon"], f["properties"]["lat"])


def test_csv_output():
    r = invoke("extract", EN, "--format", "csv")
    lines = r.stdout.splitlines()
    assert lines[0].startswith("doc_id,place_id,name,kind,country_code,lat,lon")
    assert any(",Vladivostok,city,RU," in l for l in lines[1:])


def test_map_default_output_path(tmp_path, monkeypatch):
    src = tmp_path / "story.txt"
    src.write_text("Troops were flown from Minsk to Kaliningrad on Monday.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = invoke("map", src)
    assert r.exit_code == 0, r.output
    html = (tmp_path / "output" / "story.html").read_text("utf-8")
    assert "Kaliningrad" in html and "GeoNames" in html
    assert "<script src=\"http" not in html  # self-contained by default


def test_map_refuses_to_overwrite_its_input(tmp_path):
    src = tmp_path / "story.html"
    src.write_text("<html><body><p>Rain fell on Oslo.</p></body></html>", encoding="utf-8")
    r = invoke("map", src, "-o", src)
    assert r.exit_code == 6 and "refusing to overwrite" in r.stderr
    assert "Oslo" in src.read_text()


def test_missing_input_and_partial_failure(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Refugees crossed from Sudan into Chad.", encoding="utf-8")
    r = invoke("extract", good, tmp_path / "missing.txt", "--format", "jsonl")
    assert r.exit_code == 2
    assert "missing.txt" in r.stderr and "Traceback" not in r.stderr
    assert json.loads(r.stdout.splitlines()[0])["id"] == "good"


def test_evaluate_on_hand_made_gold(tmp_path):
    # Two gold toponyms recognised exactly (one 0 km off, one placed at a wrong
    # point 392 km away on purpose), one gold name the tool cannot know.
    text = "Troops moved from Paris to Lyon, then on to Zzyzxville."
    gold = {"text": text, "toponyms": [
        {"start": 18, "end": 23, "name": "Paris", "lat": 48.85341, "lon": 2.3488},
        {"start": 27, "end": 31, "name": "Lyon", "lat": 45.76 + 3.5, "lon": 4.835},
        {"start": 41, "end": 51, "name": "Zzyzxville", "lat": None, "lon": None},
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    r = invoke("evaluate", path, "--format", "json")
    assert r.exit_code == 0, r.output
    row = json.loads(r.stdout)[0]
    assert row["gold"] == 3 and row["predicted"] == 2
    assert row["precision"] == 1.0 and row["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert row["f1"] == pytest.approx(0.8, abs=1e-4)
    assert row["resolved"] == 2 and row["acc161"] == 0.5
    from geomap.geocode import GazetteerGeocoder, haversine_km

    lyon = GazetteerGeocoder().geocode("Lyon")
    d = haversine_km(45.76 + 3.5, 4.835, lyon.latitude, lyon.longitude)
    assert 380 < d < 400
    assert row["mean_km"] == pytest.approx(d / 2, abs=0.1) and row["median_km"] == pytest.approx(d / 2, abs=0.1)
    # AUC of [ln 1, ln(1+d)]: one trapezoid of height ln(1+d)/2, scaled by ln(20039)
    import math
    assert row["auc"] == pytest.approx(math.log(1 + d) / 2 / math.log(20039), abs=1e-3)


def test_text_without_places_gives_a_valid_empty_map(tmp_path):
    src = tmp_path / "weather.txt"
    src.write_text("It rained all day and nobody went out.", encoding="utf-8")
    out = tmp_path / "m.html"
    r = invoke("map", src, "-o", out)
    assert r.exit_code == 0
    assert "no places found" in r.stderr
    html = out.read_text("utf-8")
    assert html.rstrip().endswith("</html>") and "No places found" in html


def test_html_page_title_becomes_the_map_title(tmp_path):
    src = tmp_path / "page.html"
    src.write_text("<html><head><title>Convoy reaches Khartoum</title></head><body><article>"
                   "<h1>Convoy reaches Khartoum</h1><p>An aid convoy travelled from Port Sudan to Khartoum "
                   "on Tuesday, the UN said, after a week on the road through the desert.</p></article></body></html>",
                   encoding="utf-8")
    out = tmp_path / "m.html"
    r = invoke("map", src, "-o", out)
    assert r.exit_code == 0, r.output
    html = out.read_text("utf-8")
    assert "<title>Convoy reaches Khartoum" in html or ">Convoy reaches Khartoum<" in html


def test_geopackage_has_places_and_movements(tmp_path):
    import pyogrio

    out = tmp_path / "seed.gpkg"
    r = invoke("extract", EN, "--format", "gpkg", "-o", out, "--date", "2024-10-18")
    assert r.exit_code == 0, r.output
    layers = {name for name, _ in pyogrio.list_layers(out)}
    assert layers == {"places", "movements"}
    places = pyogrio.read_dataframe(out, layer="places")
    assert "Vladivostok" in set(places["name"])
    moves = pyogrio.read_dataframe(out, layer="movements")
    assert len(moves) > 0 and set(moves.geometry.geom_type) <= {"LineString", "MultiLineString"}
    assert not list(tmp_path.glob(".*tmp*")), "no temporary file is left behind"


def test_gpkg_to_stdout_is_a_usage_error():
    r = invoke("extract", EN, "--format", "gpkg")
    assert r.exit_code == 2 and "needs a file" in r.output


def test_unknown_language_is_a_usage_error():
    r = invoke("extract", EN, "--lang", "xx")
    assert r.exit_code == 2 and "'xx' is not one of cs, de, en, es, fr, id, pl, ru, uk" in r.output


STORIES = ROOT / "tests" / "data" / "stories"


@pytest.mark.parametrize("form", ["slash", "existing"])
def test_map_into_a_folder(tmp_path, form):
    if form == "slash":
        out = f"{tmp_path / 'maps'}/"
    else:
        (tmp_path / "maps").mkdir()
        out = tmp_path / "maps"
    r = invoke("map", STORIES / "sudan-chad.txt", "-o", out)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "maps" / "sudan-chad.html").is_file()
    assert not (tmp_path / "maps").is_file()


def test_resolve_output_path(tmp_path):
    from geomap.output import resolve_output_path

    assert resolve_output_path(None, "a", ".html") == "output/a.html"
    assert resolve_output_path("x/", "a", ".html") == "x/a.html"
    assert resolve_output_path(str(tmp_path), "a", ".html") == str(tmp_path / "a.html")
    assert resolve_output_path(str(tmp_path / "m.html"), "a", ".html") == str(tmp_path / "m.html")
    assert resolve_output_path("-", "a", ".html") == "-"


def test_embed_uses_the_title(tmp_path):
    r = invoke("map", STORIES / "sudan-chad.txt", "-o", tmp_path / "m.html", "--title", "Fleeing Darfur", "--embed")
    assert r.exit_code == 0, r.output
    assert 'title="Fleeing Darfur"' in r.stdout and 'src="m.html"' in r.stdout


def test_cdn_map_says_it_needs_a_network(tmp_path):
    r = invoke("map", STORIES / "sudan-chad.txt", "-o", tmp_path / "m.html", "--cdn")
    assert r.exit_code == 0, r.output
    html = (tmp_path / "m.html").read_text("utf-8")
    assert "needs a network" in html and "if(!window.L)" in html


def test_csv_has_a_movements_table(tmp_path):
    out = tmp_path / "places.csv"
    r = invoke("extract", STORIES / "vladivostok-rajin.txt", "--format", "csv", "-o", out)
    assert r.exit_code == 0, r.output
    moves = (tmp_path / "places.movements.csv").read_text("utf-8").splitlines()
    assert moves[0].startswith("doc_id,origin_id,origin,")
    assert any(",Vladivostok," in m and ",Rajin," in m for m in moves[1:])
    r = invoke("extract", STORIES / "vladivostok-rajin.txt", "--format", "csv")
    tables = r.stdout.split("\n\n")
    assert len(tables) == 2 and tables[1].startswith("doc_id,origin_id")


def test_png_of_the_opening_view(tmp_path):
    png = tmp_path / "card.png"
    r = invoke("map", STORIES / "beirut-larnaca.txt", "-o", tmp_path / "m.html", "--png", png)
    assert r.exit_code == 0, r.output
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
