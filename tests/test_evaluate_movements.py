"""Movement scoring (geomap.evaluate_movements) on hand-made routes and a tiny self-written gold file."""
from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import ROOT

from geomap.cli import cli
from geomap.evaluate_movements import End, Route, ends_match, gold_routes, is_movement_gold, match

TINY = ROOT / "tests" / "data" / "movements_tiny.jsonl"

VLADIVOSTOK = End("Vladivostok", 43.1056, 131.8735)
USSURIYSK = End("Ussuriysk", 43.8, 131.95)  # about 80 km north
KHABAROVSK = End("Khabarovsk", 48.48, 135.08)
RUSSIA = End("Russia", 60.0, 100.0, country=True)
BEIRUT, LARNACA = End("Beirut", 33.89, 35.50), End("Larnaca", 34.92, 33.63)
LEBANON = End("Lebanon", 33.83, 35.83, country=True)


def _r(dest, origin=None):
    return Route("d", dest, origin)


def test_ends_match_by_distance_and_by_country():
    assert ends_match(VLADIVOSTOK, USSURIYSK)  # within 161 km
    assert not ends_match(VLADIVOSTOK, KHABAROVSK)  # 600 km apart, neither a country
    assert ends_match(RUSSIA, KHABAROVSK) and ends_match(KHABAROVSK, RUSSIA)  # a city in the country named
    assert not ends_match(LEBANON, LARNACA)  # Cyprus is not Lebanon
    assert ends_match(LEBANON, BEIRUT)


def test_an_area_is_the_same_place_by_its_name_wherever_its_point():
    # a continent's point is a convention, as a country's: GeoNames and the gold put South America 255 km apart
    gold, ours = End("South America", -15.0, -60.0, area=True), End("South America", -14.6, -57.7, area=True)
    assert ends_match(gold, ours) and ends_match(ours, gold)
    assert not ends_match(gold, End("Central America", 12.8, -85.0, area=True))
    # towns keep the distance rule, whatever their names: two Springfields are two places
    assert not ends_match(End("Springfield", 39.80, -89.64), End("Springfield", 37.21, -93.29))


def test_origin_counts_only_where_the_gold_names_one():
    n, missed, extra = match([_r(LARNACA, BEIRUT)], [_r(LARNACA)])
    assert (n, len(missed), len(extra)) == (0, 1, 1)  # gold names Beirut: a prediction without origin misses
    n, missed, extra = match([_r(LARNACA)], [_r(LARNACA, BEIRUT)])
    assert (n, missed, extra) == (1, [], [])  # gold without origin: the destination decides
    n, _, _ = match([_r(LARNACA, LEBANON)], [_r(LARNACA, BEIRUT)])
    assert n == 1  # Beirut is in Lebanon


def test_matching_is_one_to_one():
    n, missed, extra = match([_r(VLADIVOSTOK), _r(USSURIYSK)], [_r(VLADIVOSTOK)])
    assert n == 1 and len(missed) == 1 and not extra
    n, missed, extra = match([_r(VLADIVOSTOK)], [_r(VLADIVOSTOK), _r(USSURIYSK)])
    assert n == 1 and not missed and len(extra) == 1


def test_matching_is_the_largest_not_the_first_fit():
    # Both predictions fit gold Russia -> Vladivostok, which picks first (nearest destination, a tie);
    # a first-fit pick takes Khabarovsk -> Vladivostok, the only one the second gold can use.
    irkutsk = End("Irkutsk", 52.29, 104.28)  # in Russia, far from Khabarovsk
    gold = [_r(VLADIVOSTOK, RUSSIA), _r(VLADIVOSTOK, KHABAROVSK)]
    pred = [_r(VLADIVOSTOK, KHABAROVSK), _r(VLADIVOSTOK, irkutsk)]
    n, missed, extra = match(gold, pred)
    assert (n, missed, extra) == (2, [], [])


def test_gold_reports_of_one_route_merge_and_origin_only_is_not_scored():
    rows = [json.loads(x) for x in TINY.read_text("utf-8").splitlines()]
    routes = gold_routes(rows[0])
    assert [(r.origin.name, r.destination.name) for r in routes] == [
        ("North Korea", "Vladivostok"), ("Vladivostok", "Khabarovsk")]
    assert routes[0].origin.country  # the kind comes from the gold places
    assert gold_routes(rows[1]) == []  # "fled Sudan": destination null
    twice = dict(rows[0], movements=rows[0]["movements"][:1] * 2 + [dict(rows[0]["movements"][0], origin=None)])
    (one,) = gold_routes(twice)  # the same route told again, and once without its origin, is one movement
    assert one.origin.name == "North Korea"


def test_cli_scores_movements_and_places_per_language():
    assert is_movement_gold(TINY)
    res = CliRunner().invoke(cli, ["evaluate", str(TINY), "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    moves = {m["lang"]: m for m in out["movements"]}
    assert set(moves) == {"en", "id"}
    assert moves["en"]["gold"] == 2 and moves["id"]["gold"] == 1
    assert moves["id"]["correct"] == 1  # Korea Utara -> Rusia
    for m in moves.values():
        assert m["correct"] + len(m["misses"]) == m["gold"]
        assert m["correct"] + len(m["false_alarms"]) == m["predicted"]
    assert {p["corpus"] for p in out["places"]} == {"places-en", "places-id"}
    assert all(p["gold"] > 0 and p["recall"] > 0.5 for p in out["places"])
    text = CliRunner().invoke(cli, ["evaluate", str(TINY)])
    assert text.exit_code == 0 and "movements" in text.output and "places-id" in text.output


def test_cli_refuses_movement_rows_without_text(tmp_path):
    bad = tmp_path / "real.jsonl"
    bad.write_text(json.dumps({"id": "en-r-001", "lang": "en", "places": [], "movements": []}) + "\n", "utf-8")
    res = CliRunner().invoke(cli, ["evaluate", str(bad)])
    assert res.exit_code == 2
    assert "real_excerpts.py" in res.output and "Traceback" not in res.output


def test_routes_merge_by_distance_not_by_country():
    from geomap.evaluate_movements import _merge

    odesa, przemysl = End("Odesa", 46.48, 30.72), End("Przemysl", 49.78, 22.77)
    ukraine, poland = End("Ukraine", 49.0, 32.0, country=True), End("Poland", 52.0, 20.0, country=True)
    merged = _merge([Route("d", przemysl, odesa), Route("d", poland, ukraine)])
    assert len(merged) == 2  # two routes, though each end lies in the other's country


def test_no_demonyms_scores_places_for_sets_that_annotate_no_adjectives(tmp_path):
    # Written for this test: the gold names Sudan and Chad, not the adjective "Sudanese".
    text = "Sudanese refugees crossed from Sudan into Chad on Monday."
    gold = {"id": "t", "lang": "en", "text": text, "movements": [],
            "places": [{"start": text.index(f" {n} ") + 1, "end": text.index(f" {n} ") + 1 + len(n), "name": n,
                        "lat": lat, "lon": lon} for n, lat, lon in (("Sudan", 15.5, 32.5), ("Chad", 15.0, 19.0))]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    from geomap.evaluate_movements import score_movements

    with_adj = score_movements([path])[1][0].as_dict()
    without = score_movements([path], include_demonyms=False)[1][0].as_dict()
    assert with_adj["precision"] < 1.0 and with_adj["recall"] == 1.0
    assert without["precision"] == 1.0 and without["recall"] == 1.0
