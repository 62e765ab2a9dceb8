"""The seed article (Indonesian, from ../shared) and our English version of it."""

import geomap
from conftest import ROOT, shared_path
from geomap.geocode import haversine_km

EXPECTED = {  # name in the gazetteer: (lat, lon) within 60 km
    "Vladivostok": (43.11, 131.87), "Ussuriysk": (43.80, 131.96), "Khabarovsk": (48.48, 135.08),
    "Blagoveshchensk": (50.28, 127.53), "Republic of Buryatia": (52.9, 109.3), "Mongolia": (46.5, 104.0),
    "North Korea": (40.0, 127.0), "South Korea": (37.0, 127.5), "Russia": (60.0, 100.0),
    "Ukraine": (49.0, 32.0), "Pyongyang": (39.03, 125.75), "Brussels": (50.85, 4.35),
    "Berlin": (52.52, 13.41), "Russian Far East": (56.0, 135.0), "Syria": (35.0, 38.0),
    "Vietnam": (16.0, 106.0), "United States of America": (38.0, -97.0), "United Kingdom": (54.0, -2.0),
}
NOT_PLACES = ["Vladimir Putin", "Kim Jong Un", "Mark Rutte", "Matthew Miller", "Keir Starmer", "NIS", "NATO",
              "Reuters", "AFP", "The Independent", "Getty", "Jumat", "Kamis", "Friday", "Thursday",
              "Agustus", "August", "Oktober", "October", "Juni", "June", "Trump", "Harris", "Anda", "Zelensky"]


def _check(result, text):
    by_name = {rp.place.name: rp for rp in result.places}
    for name, (lat, lon) in EXPECTED.items():
        assert name in by_name, f"{name} not found; got {sorted(by_name)}"
        p = by_name[name].place
        km = 400 if p.kind in ("country", "region") else 60
        assert haversine_km(p.lat, p.lon, lat, lon) <= km, (name, p.lat, p.lon)
    donetsk = [rp for rp in result.places if rp.mentions[0].text == "Donetsk"]
    assert donetsk and donetsk[0].place.country_code == "UA"
    assert haversine_km(donetsk[0].place.lat, donetsk[0].place.lon, 48.0, 37.8) < 60
    for rp in result.places:
        for m in rp.mentions:
            assert text[m.start:m.end] == m.text
    spans = [(m.start, m.end) for rp in result.places for m in rp.mentions]
    for bad in NOT_PLACES:
        start = 0
        while (i := text.find(bad, start)) >= 0:
            overlapping = [s for s in spans if s[0] < i + len(bad) and i < s[1]]
            assert not overlapping, f"{bad!r} at {i} overlaps place mentions {overlapping}"
            start = i + 1
    return by_name


def test_seed_indonesian():
    text = shared_path("examples", "korea-utara-rusia.id.txt").read_text("utf-8")
    r = geomap.extract(text, events=False)
    assert r.document.lang == "id"
    by_name = _check(r, text)
    # the misspellings resolve to Ussuriysk
    assert {m.text for m in by_name["Ussuriysk"].mentions} == {"Usurisk", "Ussurisk"}
    assert {"AS", "Amerika"} <= {m.text for m in by_name["United States of America"].mentions}
    assert "Inggris" in {m.text for m in by_name["United Kingdom"].mentions}


def test_seed_english():
    text = (ROOT / "examples" / "north-korea-russia.en.txt").read_text("utf-8")
    r = geomap.extract(text, events=False)
    assert r.document.lang == "en"
    _check(r, text)
