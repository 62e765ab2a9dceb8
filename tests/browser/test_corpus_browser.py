"""The corpus map of a `geomap batch` output, in a real Chromium from file:// with no network."""
from __future__ import annotations

import json

import pytest

from geomap.batch import run
from geomap.render_corpus import render_corpus_html
from test_map_browser import _assert_clean, browser, open_map  # noqa: F401  (fixtures)

# Written for this test: one route reported in three documents in two months, one in one.
ARTICLES = [
    ("a1", "2024-01-05", "Trucks carried aid from Amman to Baghdad on Friday, the agency said."),
    ("a2", "2024-01-20", "More trucks carried aid from Amman to Baghdad, officials said."),
    ("a3", "2024-03-02", "A third convoy carried aid from Amman to Baghdad."),
    ("b1", "2024-03-09", "Ships carried grain from Odesa to Istanbul last week."),
    ("c1", "2024-03-10", "The minister spoke in Paris about the weather."),
]


@pytest.fixture
def corpus_html(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text("".join(json.dumps({"id": i, "date": d, "text": t}) + "\n" for i, d, t in ARTICLES))
    run([str(src)], tmp_path / "out", scheduler="sync", quiet=True)
    return render_corpus_html(tmp_path / "out", title="Feed <b>test</b>", tiles="osm")


def test_corpus_map_draws_merged_routes_and_filters_by_month(open_map, corpus_html):
    assert "<b>test</b>" not in corpus_html  # the title is escaped
    o = open_map(corpus_html)
    _assert_clean(o)
    page = o.page
    rows = page.eval_on_selector_all("#gf-rows tr", "rs => rs.map(r => Array.from(r.cells).map(c => c.textContent))")
    assert rows[0][0] == "Amman → Baghdad" and rows[0][2] == "3" and rows[0][3] == "3"
    assert any(r[0] == "Odesa → Istanbul" and r[2] == "1" for r in rows)
    assert page.locator(".gf-label").count() == len(rows)  # fewer routes than the ten labelled
    page.fill("#gf-from", "2024-03")
    page.dispatch_event("#gf-from", "change")
    rows = page.eval_on_selector_all("#gf-rows tr", "rs => rs.map(r => Array.from(r.cells).map(c => c.textContent))")
    assert rows[0][0] in ("Amman → Baghdad", "Odesa → Istanbul") and all(r[2] == "1" for r in rows)
    # A row opens its route's popup.
    page.locator("#gf-rows tr").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    assert "→" in page.inner_text(".leaflet-popup-content")
    _assert_clean(o)
