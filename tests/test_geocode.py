import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from wordfreq import top_n_list

from geomap.geocode import haversine_km


def near(loc, lat, lon, km=30):
    return haversine_km(loc.latitude, loc.longitude, lat, lon) <= km


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)
    loc = geocoder.geocode("Vladivostok")
    assert isinstance(loc, Location)
    assert loc.raw["id"].startswith("gn:") and loc.raw["kind"] == "city"
    assert near(loc, 43.1056, 131.8735, 5)


@pytest.mark.parametrize("query,name,cc,lat,lon", [
    ("Ussurisk", "Ussuriysk", "RU", 43.80, 131.96),
    ("Usurisk", "Ussuriysk", "RU", 43.80, 131.96),
    ("Blagoveshchensk", "Blagoveshchensk", "RU", 50.28, 127.53),  # Amur, not Bashkortostan
    ("Korea Utara", "North Korea", "KP", 40.0, 127.0),
    ("Inggris", "United Kingdom", "GB", 54.76, -2.70),  # GeoNames' point for the UK
    ("Timur Jauh Rusia", "Russian Far East", "RU", 56.0, 135.0),
    ("Donetsk", "Donetsk", "UA", 48.02, 37.80),  # the city in Ukraine, not Russia's
    ("Vladivostock", "Vladivostok", "RU", 43.11, 131.87),
    ("Благовещенск", "Blagoveshchensk", "RU", 50.28, 127.53),
    ("Blagoveščensk", "Blagoveshchensk", "RU", 50.28, 127.53),
])
def test_issue_examples(geocoder, query, name, cc, lat, lon):
    loc = geocoder.geocode(query)
    assert loc is not None, query
    assert loc.raw["name"] == name and loc.raw["country_code"] == cc
    assert near(loc, lat, lon)


def test_blagoveshchensk_larger_first_and_both_listed(geocoder):
    locs = geocoder.geocode("Blagoveshchensk", exactly_one=False)
    assert [l.raw["admin1_name"] for l in locs[:2]] == ["Amur Oblast", "Bashkortostan"]


def test_country_hint_and_bias(geocoder):
    assert geocoder.geocode("Donetsk", country_codes="RU").raw["country_code"] == "RU"
    # next to the Russian town of that name (Rostov Oblast), distance wins over size
    assert geocoder.geocode("Donetsk", bias=(48.3, 39.9)).raw["country_code"] == "RU"
    assert geocoder.geocode("Donetsk", kinds=["admin1"]).raw["name"] == "Donetsk Oblast"


def test_country_outranks_same_named_cities(geocoder):
    assert geocoder.geocode("Georgia").raw["kind"] == "country"
    assert geocoder.geocode("Jordan").raw["kind"] == "country"


@pytest.mark.parametrize("word", ["xylophone", "Berita", "pasukan", "kemungkinan", "Qwzrtpl", "Bantuan"])
def test_random_words_do_not_match_a_town(geocoder, word):
    assert geocoder.geocode(word) is None


def test_common_words_never_fuzzy_match(geocoder, gaz):
    # Everyday words that are not themselves gazetteer names must not be bent into one.
    words = [w for lang in ("en", "id") for w in top_n_list(lang, 400) if len(w) >= 5 and w.isalpha()]
    leaks = [w for w in words if not gaz.lookup(w) and geocoder.geocode(w) is not None]
    assert leaks == []


def test_fuzzy_limits(geocoder):
    assert geocoder.geocode("Vladivostok", fuzzy=False) is not None
    assert geocoder.geocode("Vladivostock", fuzzy=False) is None
    assert geocoder.geocode("Khabarosk").raw["name"] == "Khabarovsk"
    assert geocoder.geocode("Zzabarovsk") is None


def test_empty_query_is_rejected(geocoder):
    with pytest.raises(ValueError):
        geocoder.geocode("  ")


def test_limit_and_list(geocoder):
    locs = geocoder.geocode("Springfield", exactly_one=False, limit=3, country_codes=["US"])
    assert len(locs) == 3 and all(l.raw["country_code"] == "US" for l in locs)
    pops = [int(l.raw["population"]) for l in locs]
    assert pops == sorted(pops, reverse=True)
