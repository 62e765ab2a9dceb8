"""The map's own words in nine languages, checked in a real browser (headless Chromium
from file://): one paragraph per language (tests/test_languages.py's, and ours for English
and Indonesian) drawn to a map whose legend, date filter, list and text version are in
that language; --ui-lang overriding it; a hostile translation staying text."""
from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from test_map_browser import _assert_clean, browser, open_map  # noqa: F401  (fixtures)
from test_languages import PARAGRAPHS
from geomap.models import Event, Span
from geomap.render import render_html
from geomap.render.ui import UI

TEXTS = {
    **{code: p[0] for code, p in PARAGRAPHS.items()},
    "en": ("KYIV (Reuters) - Ukraine moved troops from Kharkiv to Pokrovsk on Friday, officials said. "
           "Refugees arrived in Lviv and Warsaw."),
    "id": ("JAKARTA - Pemerintah mengirim pasukan dari Surabaya ke Jayapura pada Jumat, kata pejabat. "
           "Ribuan pengungsi tiba di Makassar dan Ambon."),
}


@pytest.fixture(scope="module")
def results(gaz):
    import geomap

    out = {}
    for code, text in TEXTS.items():
        res = geomap.extract(text, gazetteer=gaz)
        assert res.document.lang == code, (code, res.document.lang)
        # Two dated reports between two of its places, there and back: routes, their legend and the
        # date filter, whatever movements the events stage reads in the language.
        a, b = res.places[0].place.id, res.places[1].place.id
        span = Span(0, len(text.split(".")[0]), text.split(".")[0])
        extra = tuple(Event("movement", span, origin=o, destination=t, what=None, date=d, certainty=c)
                      for o, t, d, c in ((a, b, "2024-10-18", "likely"), (b, a, "2024-11", "stated")))
        out[code] = dataclasses.replace(res, events=res.events + extra)
    return out


def _words(page) -> dict:
    return page.evaluate("""() => ({
        lang: document.documentElement.lang,
        legend: Array.from(document.querySelectorAll('.gm-legend h3')).map(h => h.textContent),
        legendLabel: document.querySelector('.gm-legend').getAttribute('aria-label'),
        roles: Array.from(document.querySelectorAll('.gm-legend li')).map(li => li.textContent),
        when: document.querySelector('label[for=gm-when]').textContent,
        options: Array.from(document.querySelectorAll('#gm-when option')).map(o => o.textContent),
        list: document.querySelector('#gm-list-h').textContent,
        summary: document.querySelector('#gm-text summary').textContent,
        zoomIn: document.querySelector('.leaflet-control-zoom-in').title,
        map: document.querySelector('.gm-map').getAttribute('aria-label'),
    })""")


@pytest.mark.parametrize("code", ["en", "id", "ru", "uk", "de", "fr", "es", "pl", "cs"])
def test_the_map_speaks_the_paragraphs_language(open_map, results, code):
    res = results[code]
    got = open_map(render_html([res], tiles="none"))
    page, ui = got.page, UI(code)
    w = _words(page)
    assert w["lang"] == code
    assert w["legend"][:2] == [ui("legend.colour"), ui("legend.width")]
    assert ui("legend.shape") in w["legend"] and ui("legend.dashes") in w["legend"]
    assert w["legendLabel"] == ui("legend.aria")
    assert ui("role.origin") in w["roles"] and ui("cert.likely") in w["roles"]
    assert w["when"] == ui("when.label")
    assert w["options"] == [ui("when.all"), ui("when.upto", date=ui.date(2024, 10, 18)),
                            ui("when.upto", date=ui.date(2024, 11))]
    assert w["list"] == ui("list.heading")
    n_routes = page.evaluate("geomap.data.routes.length")
    assert w["summary"] == ui("text.summary", movements=ui("count.movements", n=n_routes),
                              places=ui("count.places", n=len(res.places)))
    assert w["zoomIn"] == ui("js.zoom_in") and w["map"] == ui("map.aria")
    # The filter's status line is written by the browser, in the language's plural.
    page.select_option("#gm-when", index=1)
    status = page.locator("#gm-when-status").text_content()
    shown = page.evaluate("document.querySelectorAll('#gm-moves li:not([hidden])').length")
    forms = ui.words["js.status"]
    assert status in {f.format(shown=shown, total=n_routes) for f in forms.values()}, status
    if code != "en":
        assert "Colour" not in page.locator(".gm-legend").inner_text()
    # A place's popup and the text version name the place as the article does.
    labels = page.evaluate("geomap.data.places.map(p => p.n)")
    text = page.locator("#gm-text").text_content()
    assert all(lab in text for lab in labels)
    _assert_clean(got)


def test_ui_lang_overrides_in_the_browser(open_map, results, tmp_path):
    from geomap.cli import cli

    src = tmp_path / "de.txt"
    src.write_text(TEXTS["de"], encoding="utf-8")
    out = tmp_path / "de.html"
    r = CliRunner().invoke(cli, ["map", str(src), "-o", str(out), "--tiles", "none", "--ui-lang", "pl"])
    assert r.exit_code == 0, r.output
    got = open_map(out.read_text(encoding="utf-8"))
    ui = UI("pl")
    assert got.page.evaluate("document.documentElement.lang") == "pl"
    assert got.page.locator("#gm-text summary").text_content().startswith("Wersja tekstowa")
    assert got.page.locator(".gm-legend h3").first.text_content() in {ui("legend.colour"), ui("legend.shape")}
    # the labels stay the article's own German names
    assert "Deutschland" in got.page.evaluate("geomap.data.places.map(p => p.n)")
    _assert_clean(got)


def test_a_hostile_translation_stays_text_in_the_browser(open_map, results, tmp_path, monkeypatch):
    from test_ui_lang import hostile_ui
    from geomap.render import ui as ui_mod

    code = hostile_ui(tmp_path, monkeypatch)
    try:
        html = render_html([results["en"]], tiles="none", ui_lang=code)
    finally:
        ui_mod._load.cache_clear()
    got = open_map(html)
    page = got.page
    page.select_option("#gm-when", index=1)  # the status line: written by the runtime
    page.locator(".gm-move").first.click()  # a popup
    page.wait_for_selector(".leaflet-popup")
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    assert "<img src=x" in page.locator("#gm-when-status").text_content()
    assert "<img src=x" in page.locator(".leaflet-popup").inner_text()
    _assert_clean(got)
