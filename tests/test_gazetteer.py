import csv

import pytest

from geomap import gazetteer as gz
from geomap.errors import GazetteerError

from conftest import ROOT


def test_fold_meets_across_scripts_and_diacritics():
    assert gz.fold("Благовещенск") == gz.fold("Blagoveshchensk") == "blagoveshchensk"
    assert gz.fold("Donets'k") == "donetsk"
    assert gz.fold("  São   Paulo ") == "sao paulo"


def test_csv_columns_and_deterministic_order():
    with open(ROOT / "gazetteer.csv", newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        assert header == list(gz.COLUMNS)
        rows = [(row[4], row[5], row[1], row[0]) for row in r]
    order = {"continent": 0, "country": 1, "region": 2, "sea": 3, "admin1": 4, "admin2": 5, "city": 6,
             "gulf": 7, "strait": 8, "canal": 9, "cape": 10, "crossing": 11, "camp": 12, "base": 13, "port": 14,
             "airport": 15, "station": 16}
    keys = [(order[k], cc, name, i) for k, cc, name, i in rows]
    assert keys == sorted(keys), "rows must be in the build script's order"
    assert len({r[3] for r in rows}) == len(rows), "ids are unique"
    assert len(rows) > 175_000


@pytest.mark.parametrize("code,city", [("VVO", "Vladivostok"), ("KHV", "Khabarovsk"), ("BQS", "Blagoveshchensk")])
def test_no_airport_codes_among_alternates(gaz, code, city):
    assert city not in {gaz.row(c.row)["name"] for c in gaz.lookup(code)}


@pytest.mark.parametrize("name,cc", [
    ("Donetsk Oblast", "UA"), ("Buryatia", "RU"), ("Khabarovsk Krai", "RU"),
    ("Primorsky Krai", "RU"), ("Amur Oblast", "RU"),
])
def test_required_admin1_regions(gaz, name, cc):
    hits = [c for c in gaz.lookup(name) if gaz.kind_name(c.row) == "admin1"]
    assert hits and gaz.country_code(hits[0].row) == cc


def test_cldr_and_curated_names(gaz):
    def countries(name):
        return {gaz.country_code(c.row) for c in gaz.lookup(name) if gaz.kind_name(c.row) == "country"}

    assert countries("Korea Utara") == {"KP"}
    assert countries("Rusia") == {"RU"}
    assert countries("Ukraina") == {"UA"}
    assert countries("Suriah") == {"SY"}
    assert countries("Inggris Raya") == {"GB"}
    assert countries("Inggris") == {"GB"}
    assert countries("Nordkorea") == {"KP"}  # German, from CLDR


def test_index_is_cached_and_reloads(gaz):
    again = gz.load(quiet=True)
    assert again.index_dir == gaz.index_dir
    assert (gaz.index_dir / "meta.json").is_file()
    assert gaz.stats()["rows"] == len(gaz)


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """A private cache folder, so adding a user gazetteer builds its own index."""
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path / "cache"))
    gz._load_cached.cache_clear()
    yield
    gz._load_cached.cache_clear()


def test_user_gazetteer_adds_places(tmp_path, fresh_cache):
    extra = tmp_path / "bases.csv"
    extra.write_text(
        "id,name,alternatenames,kind,country_code,lat,lon\n"
        "my:tiyas,Tiyas Air Base,Tiyas airbase|T-4 airbase,other,SY,34.5225,37.6297\n",
        encoding="utf-8",
    )
    g = gz.load([extra], quiet=True)
    hits = g.lookup("Tiyas airbase")
    assert hits and g.row(hits[0].row)["id"] == "my:tiyas"
    assert g.lookup("Vladivostok"), "the embedded gazetteer is still there"


def test_malformed_user_gazetteer_is_a_clear_error(tmp_path, fresh_cache):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat\nFoo,1\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="missing column"):
        gz.load([bad], quiet=True)
    with pytest.raises(GazetteerError, match="not found"):
        gz.load([tmp_path / "nope.csv"], quiet=True)


def test_user_row_with_an_embedded_id_replaces_it(tmp_path, fresh_cache):
    fix = tmp_path / "fix.csv"
    # Move Vladivostok's own row (gn:2013348) somewhere recognisable.
    fix.write_text("id,name,kind,country_code,lat,lon\ngn:2013348,Vladivostok,city,RU,1.5,2.5\n", encoding="utf-8")
    g = gz.load([fix], quiet=True)
    rows = [c.row for c in g.lookup("Vladivostok") if g.row(c.row)["id"] == "gn:2013348"]
    assert len(rows) == 1 and (float(g.lat[rows[0]]), float(g.lon[rows[0]])) == (1.5, 2.5)
