"""The map in a real browser (headless Chromium), opened from file:// with no network.

Counts come from the Result (fixtures_results.expected_counts), so these tests keep
working when the fixture is replaced by real pipeline output.

Chromium comes from Debian (`apt-get install chromium`), never from
`playwright install`. Without it (or without the playwright package) the tests skip
with the reason, except under CI=true, where they fail: CI must run them. The
fixtures live here rather than in a conftest.py because tests/ modules import
their conftest by name, which a second conftest.py would shadow.
"""
from __future__ import annotations

import json
import math
import os
import pathlib
import re
from dataclasses import dataclass, field

import pytest

from fixtures_results import (
    PAYLOAD_IMG, PAYLOAD_JS, PAYLOAD_SCRIPT, empty_result, expected_counts,
    hostile_result, seed_result,
)
from geomap.batch import run as run_batch
from geomap.layers import movements
from geomap.models import Result
from geomap.render import UNCERTAIN_BELOW, embed_snippet, render_html
from geomap.render.routes import group_routes
from geomap.render.words import place_label
from geomap.render_corpus import render_corpus_html

CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install playwright)"
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


_SHARED: dict = {"users": 0}


@pytest.fixture(scope="session")
def browser():
    # Other browser test modules import this fixture, which makes pytest hold one
    # session-scoped copy per module; Playwright's sync API allows one instance per
    # thread, so the copies share it and the last one out closes it.
    reason = _unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run: {reason}; they are required under CI=true")
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    if not _SHARED["users"]:
        _SHARED["pw"] = sync_playwright().start()
        _SHARED["browser"] = _SHARED["pw"].chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    _SHARED["users"] += 1
    try:
        yield _SHARED["browser"]
    finally:
        _SHARED["users"] -= 1
        if not _SHARED["users"]:
            _SHARED["browser"].close()
            _SHARED["pw"].stop()


@dataclass
class Opened:
    page: object
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)


@pytest.fixture
def open_map(browser, tmp_path):
    """open_map(html, width=1280, height=800) -> Opened, from file:// with no network."""
    contexts = []

    def _open(html: str, width: int = 1280, height: int = 800, name: str = "map.html",
              wait_ready: bool = True) -> Opened:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        ctx = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        page = ctx.new_page()
        got = Opened(page)

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                got.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: got.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: got.page_errors.append(str(e)))

        def dialog(d):
            got.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(pathlib.Path(path).as_uri())
        if wait_ready:
            page.wait_for_function("window.geomapReady !== undefined", timeout=15000)
            # On a loaded machine the fit-to-content zoom may still be animating;
            # a click aimed at a marker's old position would land on the map.
            page.wait_for_function("!document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim')",
                                   timeout=15000)
        return got

    yield _open
    for ctx in contexts:
        ctx.close()


TILE_URL = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")


def _real_errors(opened) -> list[str]:
    # Chromium reports each blocked tile as "Failed to load resource"; those are the
    # expected cost of having no network, anything else is a bug.
    return [e for e in opened.console_errors if not e.startswith("Failed to load resource")]


def _assert_clean(opened):
    assert opened.page_errors == []
    assert _real_errors(opened) == []
    assert opened.dialogs == []
    bad = [u for u in opened.blocked if not TILE_URL.match(u)]
    assert bad == [], f"page tried to fetch something other than tiles: {bad[:5]}"


def _marker_index(page, name: str) -> int:
    return page.evaluate(
        """name => Array.from(document.querySelectorAll('.gm-place')).findIndex(
               e => e.querySelector('.gm-sr').textContent.startsWith(name + ','))""",
        name,
    )


def _most_isolated(res: Result):
    def gap(rp):
        return min(
            (math.hypot(rp.place.lat - o.place.lat, rp.place.lon - o.place.lon)
             for o in res.places if o is not rp),
            default=math.inf,
        )

    return max(res.places, key=gap)


def _click_for_popup(page, target):
    """Click and wait for the popup. Once in a full CI run a click on a loaded
    machine opened nothing (not reproduced since); one more click tells a lost
    click from a marker that opens no popup, which still fails."""
    popup = page.locator(".leaflet-popup-content").last
    for attempt in range(2):
        target.click()
        try:
            popup.wait_for(state="visible", timeout=5000 if attempt == 0 else 30000)
            return popup
        except Exception:
            if attempt:
                raise
    return popup


def _snippet_before(text: str, start: int, end: int) -> str:
    """The mention and up to 30 characters before it, within its sentence."""
    sentence_start = text.rfind(". ", 0, start)
    lo = max(sentence_start + 2 if sentence_start >= 0 else 0, start - 30)
    return text[lo:end].strip()


@pytest.fixture(scope="module", params=["id", "en"])
def seed(request):
    """The real pipeline's output for the seed article (Indonesian, from ../shared)
    and for our English version of it."""
    import geomap
    from conftest import ROOT, shared_path

    if request.param == "id":
        text = shared_path("examples", "korea-utara-rusia.id.txt").read_text("utf-8")
    else:
        text = (ROOT / "examples" / "north-korea-russia.en.txt").read_text("utf-8")
    res = geomap.extract(text, date="2024-10-18")
    assert movements(res), "the seed map must show movements"
    return res


def test_the_hand_built_fixture_still_renders(open_map):
    got = open_map(render_html([seed_result()]))
    assert got.page.locator(".gm-place").count() == expected_counts([seed_result()])["places"]
    _assert_clean(got)


def test_seed_map_draws_everything_offline(open_map, seed):
    got = open_map(render_html([seed]))
    page = got.page
    counts = expected_counts([seed])
    routes = group_routes([seed])
    assert page.locator(".gm-place").count() == counts["places"]
    assert page.locator("path.gm-arc").count() == len(routes)
    # Every arc ends in an arrowhead (an SVG marker on the path, not a hit target of its own).
    assert page.evaluate("Array.from(document.querySelectorAll('path.gm-arc')).every("
                         "p => /^url\\(#gm-ah-/.test(p.getAttribute('marker-end') || ''))")
    assert page.locator(".gm-role-presence").count() <= counts["presence"]
    # The country outline is drawn (beneath the tiles, which cannot load here).
    page.wait_for_function("document.querySelectorAll('path.gm-outline').length > 200", timeout=15000)
    assert page.evaluate(
        "Array.from(document.querySelectorAll('path.gm-outline'))"
        ".filter(p => (p.getAttribute('d') || '').length > 10).length") > 50
    # The plain-text alternative lists every place, even before it is opened.
    text = page.locator("#gm-text").text_content()
    for rp in seed.places:
        assert rp.place.name in text
    _assert_clean(got)
    assert got.blocked, "tiles were expected to be requested (and blocked)"


def test_clicking_a_marker_opens_its_popup_with_the_sentence(open_map, seed):
    got = open_map(render_html([seed]))
    page = got.page
    from geomap.render.story import build_story

    # no neighbour on top of it at the fitted zoom, and inside the opening view (a story place)
    framed = {pv.rp.place.id for pv in build_story([seed]).places if pv.role != "mentioned"}
    rp = _most_isolated(Result(seed.document, tuple(p for p in seed.places if p.place.id in framed), ()))
    i = _marker_index(page, place_label(rp))
    assert i >= 0
    popup = _click_for_popup(page, page.locator(".gm-place").nth(i))
    content = popup.inner_text()
    assert rp.place.name in content
    m = rp.mentions[0]
    assert _snippet_before(seed.document.text, m.start, m.end) in " ".join(content.split())
    assert "%" not in content  # no raw match confidence for readers (issues 12 and 16)
    assert ("Match uncertain" in content) == (rp.score < UNCERTAIN_BELOW)
    _assert_clean(got)


def test_the_movement_list_drives_the_map_by_keyboard(open_map, seed):
    got = open_map(render_html([seed]))
    page = got.page
    routes = group_routes([seed])
    assert routes
    for k, rt in enumerate(routes):
        button = page.locator(".gm-move").nth(k)
        button.focus()
        page.keyboard.press("Enter")
        popup = page.locator(".leaflet-popup-content").last
        popup.wait_for(state="visible")
        content = " ".join(popup.inner_text().split())
        for r in rt.reports:  # every report of the route, with its sentence and source
            assert " ".join(r.event.evidence.text.split())[:60] in content
            if r.event.source:
                assert " ".join(r.event.source.split()) in content
        # its arc is highlighted, the others dimmed
        assert page.evaluate(f"document.querySelector('path.gm-arc.gm-sel').getAttribute('data-route')") == str(k)
        assert button.get_attribute("aria-pressed") == "true"
        page.keyboard.press("Escape")
        page.wait_for_function("!document.querySelector('.leaflet-popup')")
        assert page.evaluate("document.activeElement.classList.contains('gm-move')")
    _assert_clean(got)


def test_tab_reaches_a_place_marker_and_enter_opens_it(open_map, seed):
    got = open_map(render_html([seed]))
    page = got.page
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('gm-place')"):
            break
    else:
        pytest.fail("no place marker reached with Tab")
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content").last.wait_for(state="visible")
    _assert_clean(got)


def test_phone_width_has_no_overflow(open_map, seed):
    got = open_map(render_html([seed]), width=375, height=740)
    page = got.page

    def widths():
        return page.evaluate(
            "[document.documentElement.scrollWidth, document.body.scrollWidth]")

    assert max(widths()) <= 375
    page.locator("#gm-text summary").click()
    assert max(widths()) <= 375
    page.locator(".gm-move").first.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content").last.wait_for(state="visible")
    assert max(widths()) <= 375
    # The map is at least 60% of the phone's height.
    assert page.evaluate("document.querySelector('.gm-map').getBoundingClientRect().height") >= 0.6 * 740
    assert page.locator(".gm-place").count() == expected_counts([seed])["places"]
    _assert_clean(got)


def test_hostile_text_is_shown_and_never_run(open_map):
    res = hostile_result()
    got = open_map(render_html([res]))
    page = got.page
    counts = expected_counts([res])
    assert page.locator(".gm-place").count() == counts["places"]
    # Open every popup and tooltip, the text version and the date filter.
    for i in range(page.locator(".gm-place").count()):
        page.locator(".gm-place").nth(i).focus()
        page.keyboard.press("Enter")
        page.locator(".leaflet-popup-content").last.wait_for(state="visible")
    for i in range(page.locator(".gm-move").count()):
        page.locator(".gm-move").nth(i).focus()
        page.keyboard.press("Enter")
        content = page.locator(".leaflet-popup-content").last.inner_text()
        assert PAYLOAD_SCRIPT + "Northland" in content
        assert PAYLOAD_IMG + "Southport" in content
    page.locator("path.gm-arc").first.hover(force=True)
    page.locator("#gm-text summary").click()
    sel = page.locator("#gm-when")
    if sel.count():
        sel.select_option(index=1)
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert got.dialogs == []
    text = page.locator("#gm-text").text_content()
    assert PAYLOAD_IMG + "Southport" in text
    assert PAYLOAD_JS in text
    assert page.locator("h1").inner_text() == PAYLOAD_SCRIPT + "Title"
    # Only our own scripts exist; no <img> was created from the payload.
    assert page.evaluate("document.querySelectorAll('img:not(.leaflet-tile)').length") == 0
    _assert_clean(got)


def test_date_filter_hides_later_movements(open_map, seed):
    got = open_map(render_html([seed]))
    page = got.page
    sel = page.locator("#gm-when")
    values = page.evaluate(
        "Array.from(document.querySelectorAll('#gm-when option')).map(o => o.value)")
    assert values[0] == ""  # all dates
    routes = group_routes([seed])
    for value in values[1:]:
        sel.select_option(value=value)
        # a route shows from its first dated report on; undated routes always stay
        expected = sum(1 for rt in routes if rt.key is None or rt.key <= value)
        assert page.locator("path.gm-arc").count() == expected
        assert page.locator(".gm-move:visible").count() == expected
    sel.select_option(value="")
    assert page.locator("path.gm-arc").count() == len(routes)
    _assert_clean(got)


def test_map_without_events_and_empty_map(open_map, seed):
    got = open_map(render_html([Result(seed.document, seed.places, ())]))
    assert got.page.locator(".gm-place").count() == len(seed.places)
    assert got.page.locator("path.gm-arc").count() == 0
    _assert_clean(got)

    got = open_map(render_html([empty_result()]), name="empty.html")
    assert got.page.locator(".gm-place").count() == 0
    assert got.page.get_by_text("No places found").first.is_visible()
    got.page.wait_for_function("document.querySelectorAll('path.gm-outline').length > 200", timeout=15000)
    _assert_clean(got)


def test_scroll_wheel_zooms_only_after_a_click(open_map, seed):
    got = open_map(render_html([seed]))
    page = got.page
    zoom = "window[document.querySelector('.gm-map').id].getZoom()"
    # A spot on the bare map: not a marker, arc or control.
    x, y = page.evaluate("""() => {
        const r = document.querySelector('.gm-map').getBoundingClientRect();
        for (let fy = 0.9; fy > 0.3; fy -= 0.05) for (let fx = 0.3; fx < 0.7; fx += 0.05) {
            const x = r.left + r.width * fx, y = r.top + r.height * fy;
            const el = document.elementFromPoint(x, y);
            if (el && !el.closest('.leaflet-interactive, .leaflet-control, .leaflet-marker-icon'))
                return [x, y];
        }
        return [r.left + r.width / 2, r.top + r.height / 2];
    }""")
    z0 = page.evaluate(zoom)
    page.mouse.move(x, y)
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(500)
    assert page.evaluate(zoom) == z0, "the wheel zoomed the map before it was clicked"
    page.mouse.click(x, y)
    page.mouse.wheel(0, -400)
    page.wait_for_function(f"{zoom} !== {z0}", timeout=3000)
    _assert_clean(got)


def test_embedded_map_reports_its_height_to_the_parent(open_map, seed, tmp_path):
    (tmp_path / "map.html").write_text(render_html([seed]), encoding="utf-8")
    parent = (
        "<!DOCTYPE html><html><body><script>window.__heights=[];"
        "addEventListener('message',e=>{if(e.data&&e.data.type==='geomap:height')"
        "window.__heights.push(e.data.height)});</script>"
        + embed_snippet("map.html", height=200) + "</body></html>"
    )
    got = open_map(parent, width=900, height=700, name="parent.html", wait_ready=False)
    page = got.page
    page.wait_for_function("window.__heights.length > 0", timeout=15000)
    reported = page.evaluate("window.__heights[window.__heights.length - 1]")
    assert reported > 300
    page.wait_for_function(
        f"Math.abs(document.querySelector('iframe').offsetHeight - {reported}) <= 1",
        timeout=5000)
    _assert_clean(got)


# ----------------------------------------------------- the corpus map of geomap batch
# Here rather than in a module of its own: the browser fixture is session-wide, and a
# second module importing it would start a second Playwright inside the first one's loop.

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
    run_batch([str(src)], tmp_path / "out", scheduler="sync", quiet=True)
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


# ------------------------------------------------------------ a map a desk would publish

SIZES = [(1280, 800), (375, 740)]
STORIES = sorted((pathlib.Path(__file__).resolve().parent.parent / "data" / "stories").glob("*.txt"))


@pytest.fixture(scope="module")
def stories():
    import geomap

    assert len(STORIES) == 3
    return [geomap.extract(p.read_text("utf-8")) for p in STORIES]


@pytest.fixture(scope="module", params=["seed-id", "seed-en", "stories"])
def story_map(request, stories):
    import geomap
    from conftest import ROOT, shared_path

    if request.param == "stories":
        return stories
    if request.param == "seed-id":
        text = shared_path("examples", "korea-utara-rusia.id.txt").read_text("utf-8")
    else:
        text = (ROOT / "examples" / "north-korea-russia.en.txt").read_text("utf-8")
    return [geomap.extract(text, date="2024-10-18")]


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_the_opening_view_frames_the_story(open_map, story_map, size):
    from geomap.render.story import build_story

    story = build_story(story_map)
    got = open_map(render_html(story_map), width=size[0], height=size[1])
    page = got.page
    view = page.evaluate("(() => { const b = geomap.map.getBounds(); "
                         "return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()")
    s, w, n, e = view

    def inside(lat, lon):
        return s <= lat <= n and w <= lon <= e

    ends = [(p.place.lat, p.place.lon) for rt in story.routes for p in (rt.origin, rt.destination)]
    ends += [(pv.rp.place.lat, pv.rp.place.lon) for pv in story.places if pv.role == "presence"]
    assert ends
    for lat, lon in ends:
        assert inside(lat, lon), (lat, lon, view)
    # A place only mentioned and far from the story does not widen the view.
    lats, lons = [p[0] for p in ends], [p[1] for p in ends]
    pad_lat, pad_lon = max(lats) - min(lats) + 15, max(lons) - min(lons) + 15
    for pv in story.places:
        lat, lon = pv.rp.place.lat, pv.rp.place.lon
        far = not (min(lats) - pad_lat <= lat <= max(lats) + pad_lat and min(lons) - pad_lon <= lon <= max(lons) + pad_lon)
        if pv.role == "mentioned" and far:
            assert not inside(lat, lon), (pv.label, view)
    # No label is clipped by the map's edges.
    clipped = page.evaluate("""(() => { const b = document.querySelector('.gm-map').getBoundingClientRect();
        return Array.from(document.querySelectorAll('.gm-place:not(.gm-label-off) .gm-name')).map(e => [e.textContent, e.getBoundingClientRect()])
          .filter(([t, r]) => r.width > 0 && (r.left < b.left || r.right > b.right || r.top < b.top || r.bottom > b.bottom)).map(([t]) => t); })()""")
    assert clipped == []
    _assert_clean(got)


_EVERY_POPUP = """async () => {
    const g = window.geomap, bad = [];
    // settled: the map has not moved for three ticks in a row (autopan has finished)
    const settle = () => new Promise(res => { let n = 0, last = ''; const tick = () => {
        const now = JSON.stringify(g.map.getCenter()) + g.map.getZoom();
        n = now === last ? n + 1 : 0; last = now;
        if (n > 2) return res();
        setTimeout(tick, 60); }; setTimeout(tick, 60); });
    async function check(name, open) {
        g.map.closePopup(); open(); await settle();
        const all = document.querySelectorAll('.leaflet-popup-close-button'), btn = all[all.length - 1];
        if (!btn) { bad.push(name + ': no popup'); return; }
        const r = btn.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
        const el = document.elementFromPoint(x, y);
        if (!el || !(el === btn || btn.contains(el))) bad.push(name + ': covered by ' + (el ? el.className || el.tagName : 'nothing'));
        const map = g.map.getContainer().getBoundingClientRect(), box = document.querySelector('.leaflet-popup').getBoundingClientRect();
        if (box.height > map.height) bad.push(name + ': taller than the map');
    }
    for (let i = 0; i < g.places.length; i++) await check('place ' + g.data.places[i].n, () => g.places[i].fire('click'));
    for (let i = 0; i < g.routes.length; i++) await check('route ' + i, () => g.select(i));
    return bad;
}"""


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_every_popup_close_button_is_uncovered(open_map, story_map, size):
    got = open_map(render_html(story_map), width=size[0], height=size[1])
    assert got.page.evaluate(_EVERY_POPUP) == []
    _assert_clean(got)


def _arc_colours(page) -> dict[str, str]:
    return page.evaluate("""(() => { const out = {}; geomap.data.routes.forEach((r, i) => {
        const el = document.querySelector('path.gm-arc[data-route="' + i + '"]');
        if (el) out[r.g] = el.getAttribute('stroke'); }); return out; })()""")


def test_each_category_has_the_same_colour_on_two_maps(open_map, seed, stories):
    from geomap.render.palette import BY_KEY

    a = _arc_colours(open_map(render_html([seed]), name="a.html").page)
    b = _arc_colours(open_map(render_html(stories), name="b.html").page)
    assert a and b
    for cat, colour in {**a, **b}.items():
        assert colour.lower() == BY_KEY[cat].colour.lower()
    for cat in set(a) & set(b):
        assert a[cat] == b[cat]


def test_repeated_reports_give_one_arc_with_their_count(open_map, stories):
    routes = group_routes(stories)
    repeated = [(i, rt) for i, rt in enumerate(routes) if len(rt.reports) > 1]
    assert repeated, "the three stories repeat at least one report (El Geneina to Adre)"
    got = open_map(render_html(stories))
    page = got.page
    assert page.locator("path.gm-arc").count() == len(routes)
    assert len(routes) < sum(len(movements(r)) for r in stories)
    for i, rt in repeated:
        button = page.locator(f'.gm-move[data-route="{i}"]')
        assert f"×{len(rt.reports)}" in button.inner_text()
        button.click()
        popup = page.locator(".leaflet-popup-content").last
        popup.wait_for(state="visible")
        assert f"{len(rt.reports)} reports" in popup.inner_text()
        assert popup.locator(".gm-reports > li").count() == len(rt.reports)
    _assert_clean(got)


def test_a_thousand_document_map_is_small_and_opens(open_map):
    import time

    from fixtures_results import corpus_results

    results = corpus_results(1000)
    html = render_html(results)
    assert len(html.encode("utf-8")) <= 3 * 1024 * 1024
    t0 = time.perf_counter()
    got = open_map(html, name="corpus.html")
    # Generous bound for a loaded test machine; bench/bench_map.py measures the 3 s target.
    assert time.perf_counter() - t0 < 30
    page = got.page
    assert page.locator("path.gm-arc").count() == len(group_routes(results))
    assert page.evaluate("window.geomapReady") > 0
    _assert_clean(got)


def test_a_place_takes_the_click_before_an_arrowhead(open_map, seed):
    from geomap.render.story import build_story

    story = build_story([seed])
    got = open_map(render_html([seed]))
    page = got.page
    ends = {rt.destination.place.id for rt in story.routes}
    hits = page.evaluate("""ids => geomap.places.map((m, i) => {
        const el = m.getElement(); if (!el) return null;
        const r = el.querySelector('.gm-dot').getBoundingClientRect();
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return [geomap.data.places[i].n, !!(at && at.closest('.gm-place'))];  // a place, never an arc
    })""", sorted(ends))
    labels = {pv.label for pv in story.places if pv.rp.place.id in ends}
    checked = [(n, ok) for n, ok in (h for h in hits if h) if n in labels]
    assert checked and all(ok for _, ok in checked), checked
    _assert_clean(got)


def test_a_cdn_map_offline_says_it_needs_a_network(open_map, seed):
    got = open_map(render_html([seed], cdn=True, ui_lang="en"), wait_ready=False)
    page = got.page
    page.wait_for_function("!document.getElementById('gm-offline').hidden", timeout=15000)
    assert "needs a network" in page.locator("#gm-offline").inner_text()
    assert page.locator("#gm-moves .gm-move").count() > 0  # the list still tells the story
    assert got.page_errors == []
