"""The learned movement scorer (geomap/events/scorer.py): its candidates and features on sentences written
for these tests, the shipped weights, and the figure the training script recorded for them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import geomap
from geomap.evaluate_movements import gold_routes, match, predicted_routes, read_movement_gold
from geomap.events import find_events, read_events
from geomap.events.scorer import MODEL_FILE, choose, load_model
from geomap.models import Document
from test_movement_rules import ISSUE_SENTENCES

ROOT = Path(__file__).resolve().parent.parent


def _reading(text: str, gaz, lang: str = "en"):
    r = geomap.extract(Document(text=text, lang=lang, date="2024-10-18"), lang=lang, gazetteer=gaz, events=False)
    return r, read_events(r)


def _cands(reading):
    return {(c.origin.place.name if c.origin else None, c.dest.place.name): c for c in reading.candidates}


def test_features_of_a_from_to_sentence(gaz):
    _, rd = _reading("Ships carried troops from Vladivostok to Busan on Monday.", gaz)
    cands = _cands(rd)
    pair = cands[("Vladivostok", "Busan")].feats
    assert pair["rule_pair"] == 1.0 and pair["o_same"] == 1.0 and pair["from_to"] == 1.0
    assert pair["d_role_destination"] == 1.0 and pair["o_role_origin"] == 1.0 and pair["o_before_d"] == 1.0
    assert pair["d_kind_town"] == 1.0 and pair["what_troops"] == 1.0
    assert pair["rule|from_to"] == 1.0  # the rules' pairs are weighed by their own copy of each feature
    backwards = cands[("Busan", "Vladivostok")].feats
    assert backwards["rule_pair"] == 0.0 and backwards["d_role_origin"] == 1.0 and backwards["o_before_d"] == 0.0
    assert cands[(None, "Busan")].feats["o_none"] == 1.0


def test_origin_from_the_sentence_before_and_from_a_demonym(gaz):
    _, rd = _reading("The convoy left Dadaab on Saturday. Somali refugees reached Mombasa on Sunday.", gaz)
    cands = _cands(rd)
    assert cands[("Dadaab", "Mombasa")].kind == "prev1"
    assert cands[("Dadaab", "Mombasa")].feats["po_role_direct"] == 1.0  # "left Dadaab": the verb's object
    assert cands[("Somalia", "Mombasa")].kind == "demonym"


def test_no_candidate_where_the_rules_read_no_movement(gaz):
    # negated, cancelled, a distance: the rules' vetoes hold for the scorer too
    for text in ("Troops did not move from Lviv to Kyiv on Monday.",
                 "Jetstar cancelled at least 30 flights from Denpasar to Sydney on Wednesday."):
        _, rd = _reading(text, gaz)
        assert rd.candidates == []
    _, rd = _reading("256 people were flown from Port Sudan, about 800km from the capital Khartoum, to Jeddah.", gaz)
    assert {c.dest.place.name for c in rd.candidates} == {"Port Sudan", "Jeddah"}
    assert all(c.origin is None or c.origin.place.name != "Khartoum" for c in rd.candidates)


def test_a_passing_mention_gets_a_low_score(gaz):
    model = load_model()
    _, rd = _reading("The minister, speaking in Geneva, said 400 refugees had crossed from Sudan into Chad.", gaz)
    cands = _cands(rd)
    assert model.score(cands[("Sudan", "Chad")].feats) > model.threshold
    assert all(model.score(c.feats) < model.threshold for c in rd.candidates if c.dest.place.name == "Geneva")
    assert [(c.origin.place.name, c.dest.place.name) for c in choose(rd.candidates, model)] == [("Sudan", "Chad")]


@pytest.mark.parametrize("text,route", ISSUE_SENTENCES)
def test_issue_sentences_through_the_scorer(gaz, text, route):
    r, _ = _reading(text, gaz)
    scored = find_events(r)
    names = {(r.place(e.origin).place.name if e.origin else None,
              r.place(e.destination).place.name if e.destination else None)
             for e in scored.events if e.kind == "movement"}
    assert route in names
    # the scorer adds nothing the sentence does not report: one destination at most
    assert len({d for _, d in names if d}) <= 1


def test_model_file_is_weights_only():
    d = json.loads(MODEL_FILE.read_text("utf-8"))
    assert set(d) >= {"features", "weights", "threshold", "rule_bonus", "figures"}
    assert len(d["features"]) == len(d["weights"]) == len(set(d["features"]))
    assert all(" " not in f for f in d["features"])  # feature names, never words of a passage
    assert MODEL_FILE.stat().st_size < 100_000
    m = load_model()
    assert 0.0 < m.threshold < 1.0 and m.weights["bias"] == d["weights"][d["features"].index("bias")]


def _figures(path: Path, gaz):
    """Movement P/R/F1 of the rules alone and with the scorer, counted as geomap evaluate counts them."""
    out = {}
    for scorer in (False, True):
        gold = pred = found = 0
        for row in read_movement_gold(path):
            doc = Document(text=row["text"], id=str(row["id"]), lang=row["lang"], date=row.get("date"))
            r = geomap.extract(doc, lang=row["lang"], gazetteer=gaz, events=False)
            g, p = gold_routes(row), predicted_routes(doc.id, find_events(r, scorer=scorer))
            n, _, _ = match(g, p)
            gold, pred, found = gold + len(g), pred + len(p), found + n
        P, R = found / pred, found / gold
        out[scorer] = (P, R, 2 * P * R / (P + R))
    return out


@pytest.mark.parametrize("lang", ["en", "id"])
def test_documented_figure_on_the_self_written_set(gaz, lang):
    """The in-sample figure the training script wrote into the model file (and the README) is what the
    shipped model gives, and it is above the rules alone."""
    figs = _figures(ROOT / "tests" / "data" / "movements" / f"{lang}.jsonl", gaz)
    recorded = json.loads(MODEL_FILE.read_text("utf-8"))["figures"][f"self-{lang}"]
    assert [round(x, 3) for x in figs[False]] == recorded["rules"]
    assert [round(x, 3) for x in figs[True]] == recorded["in_sample"]
    assert figs[True][2] > figs[False][2]
