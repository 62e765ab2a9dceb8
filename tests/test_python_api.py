"""The notebook-facing API: geomap.read, geomap.map (a folium.Map whose saved page is
the CLI's, byte for byte) and the docstring examples of the public modules."""
from __future__ import annotations

import doctest
import importlib
import json
import shutil

import folium
import pytest
from click.testing import CliRunner

import geomap
from conftest import ROOT
from fixtures_results import seed_result
from geomap.cli import cli
from geomap.errors import InputError
from geomap.models import Document, Result

ARTICLES = ROOT / "examples" / "articles"


def _cli_map(*args) -> bytes:
    r = CliRunner().invoke(cli, ["map", *map(str, args)])
    assert r.exit_code == 0, r.output
    out = args[args.index("-o") + 1]
    return out.read_bytes()


@pytest.fixture(scope="module")
def docs():
    return geomap.read(ARTICLES)


# ------------------------------------------------------------------ geomap.map

@pytest.mark.parametrize("options, flags", [
    ({}, []),
    ({"title": "Week <b>41</b>", "caption": "Wire copy & notes", "tiles": "none"},
     ["--title", "Week <b>41</b>", "--caption", "Wire copy & notes", "--tiles", "none"]),
    ({"cdn": True, "tiles": "osm"}, ["--cdn", "--tiles", "osm"]),
], ids=["defaults", "title-caption-no-tiles", "cdn"])
def test_saved_map_is_the_cli_page_byte_for_byte(tmp_path, docs, options, flags):
    cli_bytes = _cli_map(ARTICLES, "-o", tmp_path / "cli.html", *flags)
    m = geomap.map(docs, **options)
    assert isinstance(m, folium.Map)
    m.save(tmp_path / "api.html")
    assert (tmp_path / "api.html").read_bytes() == cli_bytes
    # from Results too, and whatever was shown before saving
    results = [geomap.extract(d) for d in docs]
    m = geomap.map(results, **options)
    m._repr_html_()
    m.save(str(tmp_path / "again.html"))
    assert (tmp_path / "again.html").read_bytes() == cli_bytes


def test_lang_and_date_options_match_the_cli(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("Early this month a ship carried 200 tonnes of rice from Busan to Vladivostok.",
                   encoding="utf-8")
    cli_bytes = _cli_map(src, "-o", tmp_path / "cli.html", "--date", "2024-10-18", "--lang", "en")
    m = geomap.map(geomap.read(src), date="2024-10-18", lang="en")
    m.save(tmp_path / "api.html")
    assert (tmp_path / "api.html").read_bytes() == cli_bytes
    assert "2024-10" in cli_bytes.decode("utf-8")  # the relative date was read against --date


def test_map_shows_inline_and_takes_folium_layers(docs):
    m = geomap.map(docs, tiles="none")
    shown = m._repr_html_()
    assert shown.startswith("<div") and "<iframe srcdoc=" in shown
    page = m.get_root().render()
    assert page == m.get_root().render(), "rendering twice gives the same page"
    folium.Circle([34.92, 33.62], radius=30_000, tooltip="Larnaca reception centre").add_to(m)
    extended = m.get_root().render()
    assert "Larnaca reception centre" in extended and "L.circle(" in extended
    assert extended.count("L.marker(") == page.count("L.marker(")
    assert 'class="gm-legend"' in extended


def test_map_takes_texts_documents_and_results():
    text = "Ships carried troops from Vladivostok to Busan."
    page = geomap.map([text, Document(text="Aid reached Khartoum from Port Sudan.", id="sd"),
                       seed_result()], tiles="none").get_root().render()
    for name in ("Vladivostok", "Busan", "Khartoum", "Port Sudan", "Ussuriysk"):
        assert name in page
    # each report in the text version names its story, never a file name or id
    section = page[page.index('id="gm-text"'):]
    assert "Story 1:" in section and "Story 2:" in section and "sd:" not in section
    two = geomap.map([text, text], tiles="none").get_root().render()
    assert two.count("Vladivostok → Busan · 2 reports") >= 1


def test_map_refuses_what_it_cannot_draw():
    with pytest.raises(TypeError, match="not int"):
        geomap.map([42])
    with pytest.raises(ValueError, match="unknown tiles 'mapbox'"):
        geomap.map(seed_result(), tiles="mapbox")


# ----------------------------------------------------------------- geomap.read

def test_read_is_what_the_cli_reads(tmp_path, docs):
    assert [d.id for d in docs] == sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert all(d.date and d.text.strip() for d in docs)
    jl = tmp_path / "wire.jsonl"
    jl.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                            [("a", "Ships left Busan."), ("b", "Troops reached Khabarovsk.")]) + "\n")
    page = tmp_path / "story.html"
    page.write_text("<!doctype html><html lang=en><head><title>Convoy reaches Khartoum</title></head>"
                    "<body><article><h1>Convoy reaches Khartoum</h1><p>" + "A convoy drove from Port Sudan "
                    "to Khartoum with food and medicine for the city. " * 4 + "</p></article></body></html>",
                    encoding="utf-8")
    got = geomap.read([jl, page])
    assert [d.id for d in got] == ["a", "b", "story"]
    assert got[2].title == "Convoy reaches Khartoum" and "<p>" not in got[2].text


def test_read_warns_about_what_it_skips_and_fails_when_nothing_is_left(tmp_path):
    shutil.copy(ARTICLES / "sudan-chad.txt", tmp_path / "ok.txt")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    with pytest.warns(UserWarning, match="bad.txt"):
        got = geomap.read(tmp_path)
    assert [d.id for d in got] == ["ok"]
    with pytest.raises(InputError, match="missing.txt"):
        geomap.read(tmp_path / "missing.txt")


# ---------------------------------------------------------------- public names

def test_public_names_are_few_and_documented():
    assert set(geomap.__all__) == {"__version__", "Document", "Result", "extract", "map", "read",
                                   "to_geodataframe"}
    for name in geomap.__all__[1:]:
        obj = getattr(geomap, name)
        assert obj.__doc__ and obj.__doc__.strip(), name
    assert geomap.Result is Result and geomap.to_geodataframe(seed_result()).crs.to_epsg() == 4326
    with pytest.raises(AttributeError):
        geomap.render_html  # noqa: B018


@pytest.mark.parametrize("module", ["geomap", "geomap.api", "geomap.frames", "geomap.models"])
def test_docstring_examples_run(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE,
                             report=True, verbose=False)
    assert result.attempted > 0, f"{module} has no examples"
    assert result.failed == 0, f"{result.failed} failing example(s) in {module}"


def test_lookup_gives_each_name_its_matches_in_order_and_an_empty_list_for_none():
    from geomap.api import lookup

    got = list(lookup(["Usurisk", "Qwxzzy Nowhere", "Springfield"], country=["US"], limit=2))
    assert [name for name, _ in got] == ["Usurisk", "Qwxzzy Nowhere", "Springfield"]
    assert got[0][1] == []  # --country US leaves out Ussuriysk
    assert got[1][1] == []
    assert len(got[2][1]) == 2 and all(r["country_code"] == "US" for r in got[2][1])
    (name, (best,)), = lookup(["Usurisk"])
    assert best["name"] == "Ussuriysk" and best["kind"] == "city" and best["country_code"] == "RU"
    # one name and one country may be given bare, not read letter by letter
    ((name, records),) = lookup("Springfield", country="US", limit=2)
    assert name == "Springfield" and len(records) == 2 and {r["country_code"] for r in records} == {"US"}
