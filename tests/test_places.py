"""Places a desk would publish: route features, names that are not places, guarded
fuzzy matches, containment within a clause, calibrated scores (issue 16)."""
import json

import pytest

import geomap
from geomap import confidence
from geomap.evaluate import expected_calibration_error
from geomap.geocode import haversine_km


def _places(text, lang="en"):
    r = geomap.extract(text, lang=lang, events=False)
    return {m.text: rp for rp in r.places for m in rp.mentions}


@pytest.mark.parametrize("text, mention, kind, cc, lat, lon", [
    ("The freighter passed through the Panama Canal on Tuesday.", "Panama Canal", "canal", "PA", 9.1, -79.7),
    ("The tanker used the Kiel Canal to reach the Baltic.", "Kiel Canal", "canal", "DE", 54.2, 9.6),
    ("Houthi drones struck a ship near Bab el-Mandeb.", "Bab el-Mandeb", "strait", "", 12.6, 43.3),
    ("The convoy sailed around Cape Horn in a storm.", "Cape Horn", "cape", "CL", -56.0, -67.3),
    ("Ships diverted around the Cape of Good Hope.", "Cape of Good Hope", "cape", "ZA", -34.4, 18.5),
    ("The minister landed at Heathrow Airport late on Sunday.", "Heathrow Airport", "airport", "GB", 51.47, -0.46),
    ("Passengers queued at Ben Gurion Airport for hours.", "Ben Gurion Airport", "airport", "IL", 32.0, 34.9),
    ("The plane left Soekarno-Hatta for Bali.", "Soekarno-Hatta", "airport", "ID", -6.13, 106.66),
    ("Aid trucks entered Gaza through the Kerem Shalom crossing.", "Kerem Shalom crossing", "crossing", "IL", 31.2, 34.3),
    ("Tankers crossed the Strait of Hormuz and the Suez Canal.", "Suez Canal", "canal", "EG", 30.7, 32.3),
    ("Refugees from Sudan reached Farchana in eastern Chad.", "Farchana", "camp", "TD", 13.6, 21.8),
])
def test_route_features(text, mention, kind, cc, lat, lon):
    rp = _places(text)[mention]
    assert rp.place.kind == kind and rp.place.country_code == cc
    assert haversine_km(rp.place.lat, rp.place.lon, lat, lon) < 50


@pytest.mark.parametrize("text, mention, kind, cc, lat, lon", [
    # German reporting names stations, air bases and arrival centres as a movement's ends
    ("Am Berliner Hauptbahnhof kamen 1.300 Flüchtlinge aus Polen an.", "Berliner Hauptbahnhof", "station", "DE", 52.5, 13.4),
    ("Die Maschinen waren aus dem jordanischen Al-Asrak Richtung Sudan gestartet.", "Al-Asrak", "base", "JO", 31.8, 36.8),
    ("Am Ankunftszentrum Tegel wurden 625 Menschen verteilt.", "Ankunftszentrum Tegel", "camp", "DE", 52.56, 13.29),
])
def test_german_route_features(text, mention, kind, cc, lat, lon):
    rp = _places(text, "de")[mention]
    assert rp.place.kind == kind and rp.place.country_code == cc
    assert haversine_km(rp.place.lat, rp.place.lon, lat, lon) < 10


def test_farchana_never_faranah():
    # a town the gazetteer lacks stays out rather than going to Guinea
    got = _places("Refugees from Sudan reached Farchanah, a town in eastern Chad, on foot.")
    assert all(rp.place.country_code != "GN" for rp in got.values())


@pytest.mark.parametrize("text, not_place", [
    ("The cargo ship the Angara docked at Rajin on Friday.", "Angara"),
    ("The vessel MV Angara left port.", "Angara"),
    ("Hamas said it would respond.", "Hamas"),
    ("Hezbollah and the IDF traded fire; Wagner fighters left Mali.", "Wagner"),
    ("Hezbollah and the IDF traded fire.", "IDF"),
    ("The Post reported the story first.", "The Post"),
    ("Flight GA 991 landed safely.", "GA"),
    ("Veterans of the Korean War met in Seoul.", "Korean"),
])
def test_names_that_are_not_places(text, not_place):
    got = _places(text)
    assert not any(not_place in m for m in got), sorted(got)


def test_a_place_of_a_war_keeps_its_place():
    got = _places("The Gaza war entered its second year.")
    assert got["Gaza"].place.country_code == "PS"


def test_ship_name_in_indonesian():
    got = _places("Kapal kargo Angara berlabuh di Vladivostok.", lang="id")
    assert "Angara" not in got and "Vladivostok" in got


def test_containment_never_crosses_a_clause():
    got = _places("After unloading in Rajin, the ship returned to the port of Dunai near Nakhodka.")
    assert got["Rajin"].place.country_code == "KP"
    assert got["Rajin"].place.source != "" and not got["Rajin"].place.source.startswith("within:")
    assert got["Nakhodka"].place.country_code == "RU"


def test_fuzzy_needs_context():
    # With Russian places around, the misspelling is Ussuriysk; alone, it is nothing.
    got = _places("Troops moved from Vladivostok to Usurisk and on to Khabarovsk.")
    assert got["Usurisk"].place.name == "Ussuriysk"
    assert "Usurisk" not in _places("Reporters saw Usurisk yesterday.")


def test_scores_are_probabilities_from_the_shipped_model():
    from importlib.resources import files

    d = json.loads(files("geomap").joinpath("data/calibration.json").read_text("utf-8"))
    assert tuple(d["features"]) == confidence.FEATURE_NAMES and len(d["weights"]) == len(confidence.FEATURE_NAMES)
    for rp in _places("Troops moved from Vladivostok to Khabarovsk in Russia.").values():
        assert 0.0 <= rp.score <= 1.0


def test_expected_calibration_error():
    assert expected_calibration_error([0.9] * 10, [True] * 9 + [False]) == pytest.approx(0.0)
    assert expected_calibration_error([0.9] * 10, [False] * 10) == pytest.approx(0.9)
    assert expected_calibration_error([0.25, 0.75], [False, True]) == pytest.approx(0.25)


def test_a_country_is_right_where_its_point_is_a_convention():
    from geomap.evaluate import reads_the_place

    # GeoVirus puts Canada at Wikipedia's 60,-95, GeoNames at 60.1,-113.6: 1,031 km, the same country.
    assert reads_the_place({"lat": 60.0, "lon": -95.0}, "country", 60.10867, -113.64258)
    # A town is right only near the gold point, even inside the same country ...
    assert not reads_the_place({"lat": 43.65, "lon": -79.38}, "city", 45.50, -73.57)  # Toronto vs Montreal
    assert reads_the_place({"lat": 43.65, "lon": -79.38}, "city", 43.70, -79.42)
    # ... and a country is wrong when the gold point lies in another one.
    assert not reads_the_place({"lat": 60.0, "lon": -95.0}, "country", 39.8, -98.6)  # Canada read as the US
    assert reads_the_place({"lat": None, "lon": None}, "city", 0.0, 0.0)  # gold without a point


def test_calibration_skips_what_a_corpus_never_marks(tmp_path):
    from geomap.evaluate import score_calibration

    text = "Canadian officials met in Ottawa."
    gold = tmp_path / "geovirus.jsonl"
    gold.write_text(json.dumps({"text": text, "toponyms": [
        {"start": 26, "end": 32, "name": "Ottawa", "lat": 45.42, "lon": -75.70}]}) + "\n", encoding="utf-8")
    preds = [(0, 8, 60.1, -113.6, 0.9, "country", True), (26, 32, 45.41, -75.69, 0.8, "city", False)]
    # GeoVirus marks no demonyms: "Canadian" is neither right nor wrong there ...
    assert score_calibration(gold, lambda t: preds)["places"] == 1
    # ... while a corpus that marks them counts the unmarked one as wrong.
    other = score_calibration(gold, lambda t: preds, name="lgl")
    assert other["places"] == 2 and other["share_right"] == 0.5


def test_nearest_other_place_by_tree_equals_every_pair():
    import numpy as np

    from geomap.resolve import _haversine_np, _nearest_other

    rng = np.random.default_rng(7)
    n_names, per_name = 300, 3
    lat = rng.uniform(-80, 80, n_names * per_name)
    lon = rng.uniform(-180, 180, n_names * per_name)
    lat[5], lon[5] = lat[40], lon[40]  # two names at one point
    kid = np.repeat(np.arange(n_names), per_name)
    choice = np.arange(n_names) * per_name + rng.integers(0, per_name, n_names)
    pt = choice[rng.random(n_names) < 0.7]  # some names have no point that counts
    got = _nearest_other(lat, lon, kid, pt, choice)
    for i in range(n_names):
        others = pt[kid[pt] != i]
        want = _haversine_np(lat[choice[i]], lon[choice[i]], lat[others], lon[others]).min()
        assert got[i] == pytest.approx(want, rel=1e-9, abs=1e-9)
    assert np.isinf(_nearest_other(lat, lon, kid, pt[:1], choice)[kid[pt[0]]])


@pytest.mark.parametrize("n_names", [40, 400])  # the formula, then a long document's chord
def test_distance_term_is_the_median_km_to_the_other_names_points(n_names):
    import numpy as np

    from geomap.resolve import MAX_DISTANCE_POINTS, W_DISTANCE, _distance_term, _haversine_np

    rng = np.random.default_rng(11)
    per_name = 3
    lat = rng.uniform(-70, 70, n_names * per_name)
    lon = rng.uniform(-180, 180, n_names * per_name)
    kid = np.repeat(np.arange(n_names), per_name)
    pt = np.arange(n_names) * per_name  # each name's first candidate is its point
    placelike = rng.random(len(kid)) < 0.8
    rad = np.radians(lat)
    got = _distance_term(rad, np.cos(rad), lon, kid, pt, placelike, n_names)
    used = pt if len(pt) <= MAX_DISTANCE_POINTS else \
        pt[np.linspace(0, len(pt) - 1, MAX_DISTANCE_POINTS).round().astype(np.int64)]
    for i in range(len(kid)):
        others = used[kid[used] != kid[i]]
        want = W_DISTANCE * np.log10(1 + np.median(_haversine_np(lat[i], lon[i], lat[others], lon[others])) / 50.0) \
            if placelike[i] else 0.0
        assert got[i] == pytest.approx(want, rel=1e-9, abs=1e-12)
