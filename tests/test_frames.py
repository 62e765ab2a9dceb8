"""Results as GeoDataFrames: columns shared with the GeoPackage, GeoParquet round trip,
and the summary a notebook shows for a Result."""
from __future__ import annotations

import html as htmllib
import subprocess
import sys

import geopandas
import pytest
from geopandas.testing import assert_geodataframe_equal

from conftest import ROOT
from fixtures_results import (
    PAYLOAD_IMG, PAYLOAD_JS, PAYLOAD_SCRIPT, empty_result, hostile_result, seed_result,
)
from geomap import frames, layers
from geomap.models import Document, Event, Mention, Place, ResolvedPlace, Result, Span


def _pacific() -> Result:
    def rp(pid, name, lon, lat):
        return ResolvedPlace(Place(pid, name, "city", "XX", lat, lon), (Mention(0, 1, "x"),), 0.9)

    ev = Span(0, 12, "Ships sailed")
    return Result(Document(text="Ships sailed from Vladivostok to Anchorage.", id="pacific", date="2024-10-01"),
                  (rp("vvo", "Vladivostok", 131.8735, 43.1056), rp("anc", "Anchorage", -149.9003, 61.2181)),
                  (Event("movement", ev, origin="vvo", destination="anc", what="ships", date="2024-10-03"),))


RESULTS = [seed_result(), hostile_result(), _pacific(), empty_result()]


@pytest.mark.parametrize("layer", frames.LAYERS)
def test_every_layer_has_its_columns_types_and_crs(layer):
    frame = frames.to_geodataframe(RESULTS, layer)
    assert list(frame.columns) == [*frames.COLUMNS[layer], "geometry"]
    assert frame.crs.to_epsg() == 4326
    for col, dtype in frames.COLUMNS[layer].items():
        assert str(frame[col].dtype) == dtype, col
    assert len(frame) > 0 and frame.geometry.notna().all()
    empty = frames.to_geodataframe([empty_result()], layer)
    assert len(empty) == 0 and list(empty.columns) == list(frame.columns)
    assert empty.crs.to_epsg() == 4326


def test_row_counts_follow_the_results():
    seed = seed_result()
    mentions = frames.to_geodataframe(seed, "mentions")
    assert len(mentions) == sum(len(rp.mentions) for rp in seed.places)
    text = seed.document.text
    assert all(text[s:e] == t for s, e, t in zip(mentions["start"], mentions["end"], mentions["text"]))
    assert mentions[mentions["text"] == "North Korean"]["demonym"].all()
    presences = frames.to_geodataframe(seed, "presences")
    want = [(i, e.place) for i, e in enumerate(seed.events) if e.kind == "presence"]
    assert list(zip(presences["event_index"], presences["place"])) == want
    vvo = seed.place("vladivostok").place
    row = presences[presences["place"] == "vladivostok"].iloc[0]
    assert (row.geometry.x, row.geometry.y) == (vvo.lon, vvo.lat)
    assert row["source"] == "NIS" and row["doc_date"] == "2024-10-18"


def test_presence_at_an_unknown_place_has_no_row():
    res = Result(Document(text="x", id="d"), (), (Event("presence", Span(0, 1, "x"), place="nowhere"),))
    assert len(frames.to_geodataframe(res, "presences")) == 0


def test_movements_cross_the_antimeridian_as_multilinestrings():
    moves = frames.to_geodataframe(_pacific(), "movements")
    row = moves.iloc[0]
    assert row.geometry.geom_type == "MultiLineString" and row.crosses_antimeridian
    for part in row.geometry.geoms:
        assert all(-180 <= x <= 180 for x, _ in part.coords)
    assert row["doc_date"] == "2024-10-01" and row["date"] == "2024-10-03"
    assert row["distance_km"] == pytest.approx(layers.distance_km(131.8735, 43.1056, -149.9003, 61.2181))


@pytest.mark.parametrize("layer", frames.LAYERS)
@pytest.mark.parametrize("results", [RESULTS, [empty_result()]], ids=["results", "empty"])
def test_geoparquet_round_trip_keeps_every_value_and_type(tmp_path, layer, results):
    frame = frames.to_geodataframe(results, layer)
    path = tmp_path / f"{layer}.parquet"
    frame.to_parquet(path)
    back = geopandas.read_parquet(path)
    assert_geodataframe_equal(back, frame, check_dtype=True, check_crs=True, check_less_precise=False)


def test_geopackage_layers_are_the_frames(tmp_path):
    import pyogrio

    from geomap.serialize import write_geopackage

    out = tmp_path / "r.gpkg"
    write_geopackage(RESULTS, str(out))
    for layer in ("places", "movements"):
        read = pyogrio.read_dataframe(out, layer=layer)
        assert list(read.columns) == [*frames.COLUMNS[layer], "geometry"]
        frame = frames.to_geodataframe(RESULTS, layer)
        assert list(read["doc_id"]) == list(frame["doc_id"])


def test_result_delegates_to_frames():
    seed = seed_result()
    for layer in frames.LAYERS:
        assert_geodataframe_equal(seed.to_geodataframe(layer), frames.to_geodataframe([seed], layer))
    with pytest.raises(ValueError, match="unknown layer 'arcs'"):
        seed.to_geodataframe("arcs")


def test_result_summary_is_an_escaped_table():
    page = hostile_result()._repr_html_()
    for payload in (PAYLOAD_SCRIPT, PAYLOAD_IMG, PAYLOAD_JS):
        assert payload not in page
    assert htmllib.escape(PAYLOAD_SCRIPT + "Northland") in page
    seed = seed_result()
    page = seed._repr_html_()
    assert page.count("<table>") == 2  # places, then movements
    assert page.count("<tr>") == 2 + len(seed.places) + len(layers.movements(seed))
    assert "North Korea</td><td>Vladivostok</td><td>special forces</td>" in page
    assert f"{len(seed.places)} places, {len(layers.movements(seed))} movements" in page
    assert "North Korean troops in Russia&#x27;s Far East · en · 2024-10-18" in page
    assert empty_result()._repr_html_().count("<table>") == 0


def test_long_summaries_are_cut():
    places = tuple(ResolvedPlace(Place(f"p{i}", f"P{i}", "city", "XX", 0.0, float(i)), (), 0.5)
                   for i in range(40))
    page = Result(Document(text="", id="many"), places)._repr_html_()
    assert page.count("<tr>") == 1 + frames._SUMMARY_ROWS
    assert "and 25 more" in page


def test_geomap_extract_never_imports_geopandas_or_folium(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Ships carried troops from Vladivostok to Busan.", encoding="utf-8")
    code = ("import sys; from geomap.cli import cli\n"
            "try:\n    cli(['extract', sys.argv[1], '--format', 'geojson', '-o', sys.argv[2]])\n"
            "except SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in ('geopandas', 'folium', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(src), str(tmp_path / "a.geojson")],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert "Busan" in (tmp_path / "a.geojson").read_text("utf-8")
