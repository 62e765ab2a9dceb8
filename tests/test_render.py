"""The HTML map page: escaping, self-containment, determinism, size, options."""
from __future__ import annotations

import hashlib
import html as htmllib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fixtures_results import (
    PAYLOAD_IMG, PAYLOAD_JS, PAYLOAD_SCRIPT, empty_result, expected_counts,
    hostile_result, seed_result,
)
from geomap import render
from geomap.layers import movements
from geomap.render import TILES, date_key, embed_snippet, render_html

ROOT = Path(__file__).resolve().parent.parent


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def _parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    p.close()
    return p


@pytest.fixture(scope="module")
def seed_page() -> str:
    return render_html([seed_result()])


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return render_html([hostile_result()])


# ------------------------------------------------------------------ escaping

@pytest.mark.parametrize("payload", [PAYLOAD_SCRIPT, PAYLOAD_IMG, PAYLOAD_JS])
def test_payloads_never_appear_raw(hostile_page, payload):
    assert payload not in hostile_page
    # Nor any piece that would open a tag: the only <script> and <img> tags are ours.
    tags = _parse(hostile_page).tags
    assert [t for t, _ in tags].count("script") == 3  # leaflet, runtime, map
    assert not any(t == "img" for t, _ in tags)
    assert not any(k.startswith("on") for _, attrs in tags for k in attrs)


def test_payloads_are_shown_as_text(hostile_page):
    text = "".join(_parse(hostile_page).text)
    # Title, plain-text list and legend carry the names as readable text.
    assert PAYLOAD_SCRIPT + "Title" in text
    assert PAYLOAD_IMG + "Southport" in text
    assert PAYLOAD_SCRIPT + "troops" in text  # legend: what moved
    assert "`${window.__pwned=1}`" in text


def test_scripts_hold_article_text_only_as_escaped_json(hostile_page):
    scripts = _parse(hostile_page).scripts
    map_script = scripts[-1]
    for bad in ("</script", "<script", "<img", "<!--"):
        assert bad not in map_script
    # Backticks only ever occur inside JSON strings: no template literal is built from
    # article text (the browser test proves nothing runs).
    assert not re.search(r"\(\s*`", map_script)
    # The escaped payload is there, as JSON-escaped HTML entities.
    assert "\\u0026lt;img src=x onerror=" in map_script


def test_title_and_caption_are_escaped():
    page = render_html([seed_result()], title="<b>T</b>", caption="<i onmouseover=x>c</i>")
    assert "<b>T</b>" not in page and "&lt;b&gt;T&lt;/b&gt;" in page
    assert "<i onmouseover" not in page and "&lt;i onmouseover=x&gt;c&lt;/i&gt;" in page


# --------------------------------------------------------- self-contained

def test_self_contained_page_loads_nothing_from_the_network(seed_page):
    tags = _parse(seed_page).tags
    for tag, attrs in tags:
        if tag == "script":
            assert "src" not in attrs, attrs
        if tag == "link":
            assert attrs.get("href", "").startswith("data:"), attrs
        if tag in ("img", "iframe", "embed", "object", "audio", "video", "source"):
            pytest.fail(f"unexpected <{tag}> in page")
    for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", seed_page):
        assert url.startswith(("data:", "#")), url
    assert "@import" not in seed_page


def test_only_tile_templates_are_fetched_from_http(seed_page):
    scripts = "\n".join(_parse(seed_page).scripts)
    urls = set(re.findall(r"https?://[^\s\"'\\)]+", scripts))
    tile = TILES["osm"].url
    # Links in attribution text are <a href>s, not fetches; anything else is a leak.
    fetched = {u for u in urls if "{z}" in u or u.endswith((".js", ".css", ".png", ".json"))}
    assert fetched == {tile}


def test_cdn_mode_links_leaflet_and_drops_the_outline():
    page = render_html([seed_result()], cdn=True)
    tags = _parse(page).tags
    srcs = [a["src"] for t, a in tags if t == "script" and "src" in a]
    hrefs = [a["href"] for t, a in tags if t == "link" and a.get("rel") == "stylesheet"]
    assert len(srcs) == 1 and srcs[0].startswith("https://") and "leaflet" in srcs[0]
    assert len(hrefs) == 1 and "leaflet" in hrefs[0]
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()
    assert "L.geoJSON(" not in page
    assert len(page.encode()) < len(render_html([seed_result()]).encode()) / 2


def test_no_folium_extras_are_pulled_in(seed_page):
    low = seed_page.lower()
    for extra in ("jquery", "bootstrap", "awesome-markers", "font-awesome", "fontawesome"):
        assert extra not in low


# --------------------------------------------------------------- determinism

def test_same_input_gives_identical_bytes():
    a = render_html([seed_result(), hostile_result()], title="t", caption="c")
    b = render_html([seed_result(), hostile_result()], title="t", caption="c")
    assert a == b


def test_identical_across_processes_and_hash_seeds():
    code = (
        "import sys, hashlib; sys.path.insert(0, 'tests');"
        "from fixtures_results import seed_result, hostile_result;"
        "from geomap.render import render_html;"
        "print(hashlib.sha256(render_html([seed_result(), hostile_result()]).encode()).hexdigest())"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    here = hashlib.sha256(render_html([seed_result(), hostile_result()]).encode()).hexdigest()
    assert digests == {here}


def test_folium_ids_are_not_random_after_rendering():
    # The id factory is restored, so folium used elsewhere keeps its random ids.
    render_html([seed_result()])
    import folium

    assert len(folium.Map()._id) == 32


# ---------------------------------------------------------------- content

def _data(page: str) -> dict:
    """The page's data block: the one JSON object the runtime draws."""
    import json

    script = _parse(page).scripts[-1]
    start = script.index("data: ") + len("data: ")
    return json.loads(script[start:script.rindex("});")])


def test_one_data_block_no_template_per_marker(seed_page):
    res = seed_result()
    data = _data(seed_page)
    assert len(data["places"]) == len(res.places)
    # Movements with the same ends and category are one route.
    keys = {(mv.origin.place.id, mv.destination.place.id, render.category_of(mv.event.what).key)
            for mv in movements(res)}
    assert len(data["routes"]) == len(keys) <= expected_counts([res])["arcs"]
    script = _parse(seed_page).scripts[-1]
    assert "L.marker(" not in script and "L.polyline(" not in script and "bindPopup" not in script


def test_plain_text_alternative_lists_every_place_and_movement(seed_page):
    res = seed_result()
    section = seed_page[seed_page.index('<details class="gm-text"'):]
    section = section[: section.index("</details>")]
    for rp in res.places:
        assert f"<strong>{htmllib.escape(rp.place.name)}</strong>" in section
    assert "1,500 special forces · North Korea → Vladivostok · early October 2024 · " \
           "according to NIS" in section


def test_tooltip_reads_like_a_sentence(seed_page):
    assert ("1,500 special forces · North Korea → Vladivostok · early October 2024 · "
            "according to NIS") in seed_page
    assert "12,000 troops · North Korea → Russia · December 2024 · according to NIS · likely" \
        in seed_page


def test_credits_and_legend(seed_page):
    assert "GeoNames" in seed_page and "CC BY 4.0" in seed_page
    assert "Natural Earth" in seed_page and "OpenStreetMap" in seed_page
    assert 'class="gm-legend"' in seed_page
    text = "".join(_parse(seed_page).text)
    for what in ("special forces", "troops"):
        assert what in text


def test_date_filter_only_when_events_are_dated():
    assert 'id="gm-when"' in render_html([seed_result()])
    res = seed_result()
    undated = type(res)(res.document.__class__(text=res.document.text, id="u"), res.places,
                        tuple(e.__class__(**{**e.__dict__, "date": None}) for e in res.events))
    assert 'id="gm-when"' not in render_html([undated])


def test_without_events_the_map_still_renders_places():
    res = seed_result()
    page = render_html([type(res)(res.document, res.places, ())])
    data = _data(page)
    assert len(data["places"]) == len(res.places) and data["routes"] == []
    assert {p["r"] for p in data["places"]} == {"mentioned"}
    assert 'id="gm-moves"' not in page


def test_empty_map_says_no_places_found():
    for results in ([], [empty_result()]):
        page = render_html(results)
        assert "No places found" in page
        data = _data(page)
        assert data["places"] == [] and data["frame"] is None
        assert "L.map(" in page


def test_several_documents_share_markers_and_name_their_stories():
    page = render_html([seed_result(), hostile_result()])
    data = _data(page)
    names = [p["n"] for p in data["places"]]
    assert len(names) == len(set(names)) or len(set((p["y"], p["x"]) for p in data["places"])) == len(names)
    # Layer control: one group of places, one of movements, whatever the number of documents.
    script = _parse(page).scripts[-1]
    overlays = script[script.index("overlays"):script.index("};", script.index("overlays"))]
    assert overlays.count('"Places"') == 1 and overlays.count('"Movements"') == 1
    # Popups name the story by its title, never by file name.
    pops = " ".join(p["h"] for p in data["places"])
    assert "North Korean troops in Russia" in pops
    assert "seed.txt" not in pops


def test_unknown_tiles_name_the_choices():
    with pytest.raises(ValueError) as err:
        render_html([seed_result()], tiles="stamen")
    for name in TILES:
        assert name in str(err.value)


@pytest.mark.parametrize("tiles", sorted(TILES))
def test_every_basemap_renders_with_its_attribution(tiles):
    page = render_html([seed_result()], tiles=tiles)
    spec = TILES[tiles]
    if spec.url:
        assert spec.url in page
        assert "Map tiles:" in page
    else:
        assert "L.tileLayer(" not in page
        assert "L.geoJSON(" in page  # the outline is the basemap


# ------------------------------------------------------------------ size

def test_seed_map_within_budget(seed_page):
    assert len(seed_page.encode("utf-8")) <= render.BUDGET_BYTES


def test_outline_file_is_small_and_valid():
    import json

    path = Path(render.OUTLINE_PATH)
    assert path.stat().st_size < 200 * 1024
    data = json.loads(path.read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) > 200


# --------------------------------------------------------------- helpers

@pytest.mark.parametrize("text,key", [
    ("2024-10-08", "2024-10-08"), ("2024-10", "2024-10-00"), ("2024", "2024-00-00"),
    ("early October 2024", "2024-10-01"), ("mid-October 2024", "2024-10-15"),
    ("8 October 2024", "2024-10-08"), ("October 8, 2024", "2024-10-08"),
    ("Dec. 2024", "2024-12-00"), ("last week", None), (None, None),
])
def test_date_key(text, key):
    assert date_key(text) == key


def test_embed_snippet_escapes_and_listens():
    s = embed_snippet('map.html?a=1&b="x"', height=500)
    assert 'src="map.html?a=1&amp;b=%22x%22"' in s
    assert 'height="500"' in s and "geomap:height" in s and "e.source===f.contentWindow" in s


def test_dollar_signs_survive():
    res = seed_result()
    rp = res.places[0]
    odd = type(rp)(type(rp.place)(**{**rp.place.__dict__, "name": "A $$ B"}), rp.mentions,
                   rp.score)
    res = type(res)(res.document, (odd, *res.places[1:]), res.events)
    page = render_html([res, seed_result()])
    assert "A $$ B" in page


def test_outline_cached_copy_is_the_coded_outline_and_a_damaged_one_is_redone(tmp_path, monkeypatch):
    import json as _json

    from geomap.render import assets

    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path))
    with open(assets.OUTLINE_PATH, encoding="utf-8") as fh:
        coded = assets._outline_coded(_json.load(fh))
    assets._outline_js.cache_clear()
    try:
        assert assets._outline_js() == coded
        [cached] = tmp_path.glob("outline-*.js")
        data = bytearray(cached.read_bytes())
        data[-2] ^= 1
        cached.write_bytes(bytes(data))
        assets._outline_js.cache_clear()
        assert assets._outline_js() == coded
        assert cached.read_bytes().endswith(coded.encode())
    finally:
        assets._outline_js.cache_clear()
