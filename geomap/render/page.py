"""The page: folium's map with its tiles, outline, layer groups and layer control, one
data block of places and routes that runtime.js draws into those groups, and the HTML
around it (title, movement list, legend, date filter, credits, text version)."""
from __future__ import annotations

import re
from collections.abc import Iterable

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from ..models import Result
from . import text
from .assets import (_ID_LOCK, _esc_folium, _LIGHT, OUTLINE_DECODE, TILES, _cdn_assets, _esc, _js, _leaflet_assets, _outline_js,
                     _squeeze, _stable_ids, page_head, runtime_js)
from .palette import ROLE_STYLE, arc_width, dash
from .popups import place_popup, place_sr, place_tooltip, route_popup, route_summary
from .story import Story, build_story
from .ui import known_code, languages

BUDGET_BYTES = 400 * 1024


class _Map(folium.Map):
    """folium.Map without folium's page furniture (links to bootstrap, jQuery,
    font-awesome..., a zoom-locking viewport tag and full-page CSS): the page around
    the map is written by _page_html.

    The map starts with no view: its script fits the story (or the world) once, so
    tiles are fetched for the opening view only, not for a placeholder view first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options.pop("zoom", None)

    default_js: list = []
    default_css: list = []
    _template = Template("""
{% macro html(this, kwargs) %}<div class="gm-map" id={{ this.get_name()|tojson }} role="region" aria-label="{{ this.aria_label }}"></div>{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {{ this.options|tojavascript }});
{% endmacro %}
""")


class _Outline(MacroElement):
    """The offline basemap: drawn just after the story (a task later), as tiles arrive
    after it too; it stands in for tiles that cannot load, so the story need not wait."""

    _template = Template("""{% macro script(this, kwargs) %}
var {{ this.get_name() }} = null;
setTimeout(function () { {{ this.get_name() }} = L.geoJSON(({{ this.decode }})({{ this.data }}), {pane: "gmOutline", interactive: false, style: {{ this.style }}}).addTo({{ this._parent.get_name() }}); }, 0);
{% endmacro %}""")

    def __init__(self, palette: dict):
        super().__init__()
        self._name = "Outline"
        self.data = _outline_js()
        self.decode = OUTLINE_DECODE
        self.style = _js({"color": palette["border"], "weight": 0.7, "opacity": 1,
                          "fillColor": palette["land"], "fillOpacity": 1,
                          "className": "gm-outline"})


class _Story(MacroElement):
    """The data block: the runtime draws it into folium's own layer groups."""

    _template = Template("""{% macro script(this, kwargs) %}
geomapInit({map: {{ this._parent.get_name() }}, places: {{ this.places.get_name() }}, routes: {{ this.routes.get_name() }}, data: {{ this.data }}});
{% endmacro %}""")

    def __init__(self, data: str, places: folium.FeatureGroup, routes: folium.FeatureGroup):
        super().__init__()
        self._name = "Story"
        self.data, self.places, self.routes = data, places, routes


def story_data(story: Story) -> dict:
    ui = story.ui
    places = [{"n": pv.label, "y": round(pv.rp.place.lat, 4), "x": round(pv.rp.place.lon, 4), "r": pv.role,
               "k": ROLE_STYLE[pv.role]["shape"], "c": pv.colour, "s": place_sr(pv, ui), "t": place_tooltip(pv, ui),
               "h": place_popup(story, pv)} for pv in story.places]
    routes = []
    for rt in story.routes:
        w = arc_width(rt.total, len(rt.reports))
        cert = rt.certainty
        routes.append({"p": [[list(pt) for pt in part] for part in rt.parts()], "c": rt.category.colour,
                       "w": w, "d": dash(cert, w), "o": 0.55 if cert == "denied" else 0.88,
                       "t": _esc(route_summary(story, rt)), "h": route_popup(story, rt), "k": rt.key,
                       "n": len(rt.reports), "g": rt.category.key})
    frame = None
    if story.frame:
        lats = [p[0] for p in story.frame]
        lons = [p[1] for p in story.frame]
        frame = [[round(min(lats), 3), round(min(lons), 3)], [round(max(lats), 3), round(max(lons), 3)]]
    # The words the browser writes; plural forms are picked there with Intl.PluralRules.
    return {"places": places, "routes": routes, "frame": frame, "lang": ui.code, "ui": ui.js()}


class _Page(Figure):
    """The page a geomap map lives in: rendering it gives the whole geomap page.

    folium's Map.save(), Jupyter's display of a Map and render_html all render the
    map's root, so with this root they all write the same bytes, including anything a
    caller added to the map with folium after build_map.
    """

    def __init__(self, story: Story, title: str | None, caption: str | None, tiles: str, cdn: bool):
        super().__init__()
        self.header._children.pop("meta_http", None)  # the page writes its own charset
        # Jupyter's inline frame is this share of its width high: enough for the title,
        # the map and the movement list; the text version scrolls.
        self.ratio = "75%"
        self._page_args = (story, title, caption, tiles, cdn)

    def render(self, **kwargs) -> str:
        # folium's render adds children as it goes (an addTo per layer, each under a
        # fresh name), so a second render (display, then save) would repeat them. Every
        # child list is put back as it was afterwards: each render starts from the map
        # as built plus what the caller added. Under the id lock: those children are new
        # folium elements, and a map being built in another thread at the same moment
        # must not hand them its counter ids.
        with _ID_LOCK:
            saved = [(el, el._children.copy()) for root in (self, self.header, self.html, self.script)
                     for el in _walk(root)]
            try:
                for child in list(self._children.values()):
                    child.render(**kwargs)
                head, body, script = self.header.render(), self.html.render(), self.script.render()
            finally:
                for el, children in saved:
                    el._children = children
        return _page_html(head, body, script, *self._page_args)


def _walk(root: Element) -> list[Element]:
    out, todo = [], [root]
    while todo:
        el = todo.pop()
        out.append(el)
        todo.extend(el._children.values())
    return out


def build_map(results: Result | Iterable[Result], *, title: str | None = None,
              caption: str | None = None, tiles: str = "osm", cdn: bool = False,
              ui_lang: str | None = None, gazetteer=None) -> folium.Map:
    """The map as a folium.Map; saving or displaying it writes the whole page.

    results: one Result or several (their places and routes are merged: one marker per
    place, one arc per route, each popup naming its stories).
    tiles: one of TILES; "none" draws only the offline country outlines.
    cdn: link Leaflet from folium's CDN instead of inlining it (smaller file, needs
    network, and the offline outline is left out unless tiles="none").
    ui_lang: the language of the map's own words (legend, popups, date filter, text
    version); default: the documents' language. A language without interface data
    gets English; a code that names no language is a ValueError.
    gazetteer: the one the results came from (labels in an inflected language are led
    back to its names); default: the embedded one, loaded only when needed.
    """
    if tiles not in TILES:
        raise ValueError(f"unknown tiles {tiles!r}; choose one of: {', '.join(TILES)}")
    if ui_lang is not None and not known_code(ui_lang):
        raise ValueError(f"unknown interface language {ui_lang!r}; geomap has interface words for: "
                         f"{', '.join(languages())}")
    results = [results] if isinstance(results, Result) else list(results)
    story = build_story(results, ui_lang, gazetteer)
    ui = story.ui
    spec = TILES[tiles]
    palette = spec.palette or _LIGHT
    with _stable_ids():
        m = _Map(location=[25.0, 20.0], tiles=None, zoom_start=2, zoom_control=True,
                 scroll_wheel_zoom=False, zoom_snap=0.5, minZoom=1, world_copy_jump=False)
        m.aria_label = _esc_folium(ui("map.aria"))
        if spec.url:
            folium.TileLayer(tiles=spec.url, attr=spec.attribution, max_zoom=spec.max_zoom,
                             max_native_zoom=spec.max_zoom, subdomains=spec.subdomains,
                             control=False, name=spec.label).add_to(m)
        if not cdn or spec.url is None:
            # Beneath the tiles (tile pane is z-index 200) so it shows only where tiles
            # failed to load, or everywhere with tiles="none".
            folium.map.CustomPane("gmOutline", z_index=150, pointer_events=False).add_to(m)
            m.add_child(_Outline(palette))
        places = folium.FeatureGroup(name=_esc_folium(ui("layer.places")), show=True).add_to(m)
        routes = folium.FeatureGroup(name=_esc_folium(ui("layer.movements")), show=True).add_to(m)
        # Collapsed on every screen: open, it would sit over the map's top right corner.
        folium.LayerControl(position="topright", collapsed=True).add_to(m)
        m.add_child(_Story(_js(story_data(story)), places, routes))
    _Page(story, title, caption, tiles, cdn).add_child(m)
    return m


def render_html(results: Result | Iterable[Result], *, title: str | None = None,
                caption: str | None = None, tiles: str = "osm", cdn: bool = False,
                ui_lang: str | None = None, gazetteer=None) -> str:
    """The whole map page as a string: what build_map(...).save() writes (same options)."""
    return build_map(results, title=title, caption=caption, tiles=tiles, cdn=cdn,
                     ui_lang=ui_lang, gazetteer=gazetteer).get_root().render()


def _page_html(head: str, body: str, script: str, story: Story, title: str | None,
               caption: str | None, tiles: str, cdn: bool) -> str:
    results = story.results
    ui = story.ui
    if title is None:
        title = story.doc_name(0) if len(results) == 1 and results[0].document.title else ui("title.default")
    spec = TILES[tiles]
    palette = spec.palette or _LIGHT

    if cdn:
        (js_url, js_sri), (css_url, css_sri) = _cdn_assets()
        css_block = f'<link rel="stylesheet" href="{_esc(css_url)}" integrity="{css_sri}" crossorigin="anonymous">'
        js_block = f'<script src="{_esc(js_url)}" integrity="{js_sri}" crossorigin="anonymous"></script>'
    else:
        leaflet_js, leaflet_css = _leaflet_assets()
        css_block = f"<style>{leaflet_css}</style>"
        js_block = f"<script>{leaflet_js}</script>"

    empty = f'<div class="gm-empty" role="status">{_esc(ui("map.empty"))}</div>' if not story.places else ""
    offline = (f'<div class="gm-offline" id="gm-offline" role="status" hidden>{_esc(ui("map.offline"))}</div>'
               if cdn else "")
    caption_html = f'<p class="gm-caption">{_esc(caption)}</p>' if caption else ""
    # With --cdn and no network, L is missing: say so instead of leaving a blank box.
    guarded = (f'if(!window.L){{document.getElementById("gm-offline").hidden=false;}}else{{\n{_squeeze(script)}\n}}'
               if cdn else _squeeze(script))
    return page_head(title, ui.code) + f"""{css_block}
<style>{_PAGE_CSS.replace("SEA", palette["sea"])}</style>
{_squeeze(head)}
</head>
<body>
<div class="gm-page">
<header class="gm-head"><h1>{_esc(title)}</h1>{caption_html}</header>
<div class="gm-map-wrap">
{_squeeze(body)}
{empty}{offline}<div class="gm-hint" id="gm-hint" aria-hidden="true">{_esc(ui("map.hint"))}</div>
</div>
<noscript><p class="gm-noscript">{_esc(ui("map.noscript"))}</p></noscript>
<div class="gm-below">
{text.timeline(story)}{text.movement_list(story)}{text.legend(story)}
{text.credits(spec, cdn, ui)}
{text.text_version(story)}
</div>
</div>
{js_block}
<script>{runtime_js("runtime.js")}</script>
<script>
{guarded}
</script>
</body>
</html>
"""


def _embed_src(src: str) -> str:
    from urllib.parse import quote, urlsplit

    src = str(src)
    # Browsers drop leading and trailing whitespace and controls before reading a scheme.
    if re.fullmatch(r"https?://[^\x00-\x20\x7f-\x9f\\]+", src, flags=re.IGNORECASE) and urlsplit(src).netloc:
        return quote(src, safe=":/?#[]@!$&'()*+,;=%~")
    # A relative address: ":" (so no scheme), whitespace, controls and quotes are
    # percent-encoded; what makes a path, query or fragment is kept.
    path = quote(src, safe="/?#&=;,+!$'()*@[]~%")
    # "//host/x" would be another host; one slash keeps it a path on this one.
    return "/" + path.lstrip("/") if path.startswith("//") else path


def embed_snippet(src: str, height: int = 640, title: str = "Map of places and movements") -> str:
    """HTML to put a rendered map in another page: an iframe that grows to fit the map.

    The map page posts {type: "geomap:height", height} to its parent; the small script
    resizes this iframe when a message comes from it.

    src: an http(s) URL, or else a path relative to the embedding page; anything else
    ("javascript:...", "data:...") is made a relative path by percent-encoding, so the
    iframe never runs what its address says.
    """
    return (
        f'<iframe src="{_esc(_embed_src(src))}" title="{_esc(title)}" loading="lazy" '
        f'style="width:100%;max-width:100%;border:0;display:block" height="{int(height)}"></iframe>'
        "<script>(function(f){window.addEventListener(\"message\",function(e){"
        "var d=e.data;if(e.source===f.contentWindow&&d&&d.type===\"geomap:height\""
        "&&typeof d.height===\"number\"&&d.height>0){f.style.height=Math.ceil(d.height)+\"px\";}"
        "});})(document.currentScript.previousElementSibling);</script>"
    )


_PAGE_CSS = """
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
.gm-page{width:100%;max-width:100%;overflow:hidden}
.gm-head{padding:.55rem .9rem .45rem}
.gm-head h1{font-size:1.15rem;line-height:1.25;margin:0}
.gm-caption{margin:.15rem 0 0;color:#333}
.gm-map-wrap{position:relative;width:100%}
.gm-map{width:100%;height:max(300px,min(62vh,560px),min(58vw,660px))}
.gm-embedded .gm-map{height:clamp(300px,58vw,660px)}
.gm-map.leaflet-container{background:SEA;font:inherit;font-size:13px}
.gm-below{padding:.5rem .9rem 1rem;display:flex;flex-direction:column;gap:.7rem}
.gm-credits{margin:0;font-size:12px;color:#555}
.gm-credits a,.gm-text a{color:inherit}
.gm-noscript{margin:.5rem .9rem;padding:.5rem;background:#fff6d6}
.gm-empty,.gm-offline{position:absolute;left:50%;top:50%;transform:translate(-50%,-50%);z-index:800;background:rgba(255,255,255,.95);padding:.5rem .9rem;border-radius:6px;font-weight:600;pointer-events:none;box-shadow:0 1px 4px rgba(0,0,0,.25);max-width:90%}
.gm-offline[hidden]{display:none}
.gm-hint{position:absolute;left:50%;bottom:2.2rem;transform:translateX(-50%);z-index:900;background:rgba(20,20,20,.82);color:#fff;padding:.35rem .7rem;border-radius:4px;font-size:13px;opacity:0;transition:opacity .2s;pointer-events:none;white-space:nowrap;max-width:90%}
.gm-hint.gm-on{opacity:1}
.gm-sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.gm-place{background:none;border:0}
.gm-dot{display:block;box-sizing:border-box}
.gm-dot.gm-dot{border-radius:50%;background:#222;border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.5)}
.gm-dot.gm-ring{border-radius:50%;background:#fff;border:3.5px solid #222;box-shadow:0 0 0 1px #fff}
.gm-dot.gm-square{border-radius:2px;background:#595959;border:2px solid #222;box-shadow:0 0 0 1px #fff}
.gm-dot.gm-small{border-radius:50%;background:#8c8c8c;border:1.5px solid #fff}
.gm-name{position:absolute;left:calc(100% + 4px);top:50%;transform:translateY(-50%);white-space:nowrap;font-size:12px;font-weight:650;line-height:1;color:#111;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff;pointer-events:none}
.gm-role-mentioned .gm-name{font-weight:400;color:#555;font-size:11px}
.gm-place:focus{outline:none}
.gm-place:focus-visible .gm-dot{outline:3px solid #111;outline-offset:2px}
.gm-arc{cursor:pointer}
.gm-focus path.gm-arc{opacity:.25}
.gm-focus path.gm-arc.gm-sel{opacity:1}
.gm-popup .leaflet-popup-close-button{z-index:2;background:#fff;border-radius:0 12px 0 4px}
.gm-popup .leaflet-popup-content{margin:10px 12px;font-size:13px;line-height:1.4;overflow-y:auto}
.gm-pop h3{margin:0 1.2rem .2rem 0;font-size:15px}
.gm-pop h4{margin:.5rem 0 .15rem;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#555}
.gm-pop ul,.gm-pop ol{margin:0;padding-left:1.1rem}
.gm-pop li{margin:.15rem 0}
.gm-pop p.gm-meta{margin:0;color:#444}
.gm-unsure{font-style:italic}
.gm-src{color:#555}
.gm-chip{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;flex:none}
.gm-pop mark,.gm-text mark{background:#fde68a;color:inherit;padding:0 1px}
.gm-pop blockquote{margin:.2rem 0 .4rem;padding:.1rem 0 .1rem .55rem;border-left:3px solid #bbb;color:#333}
.gm-dl{display:grid;grid-template-columns:auto 1fr;gap:.05rem .6rem;margin:.3rem 0 0}
.gm-dl dt{color:#555}
.gm-dl dd{margin:0}
.gm-list h2{font-size:1rem;margin:0}
.gm-hint-text{margin:0 0 .3rem;color:#555;font-size:13px}
.gm-moves{margin:0;padding:0;list-style:none;display:flex;flex-direction:column;gap:.2rem;max-height:22rem;overflow-y:auto}
.gm-move{display:flex;align-items:baseline;gap:.1rem;width:100%;text-align:left;font:inherit;font-size:14px;background:#f6f6f4;border:1px solid #ddd;border-radius:4px;padding:.3rem .5rem;cursor:pointer;color:inherit}
.gm-move:hover{background:#ecebe6}
.gm-move:focus-visible{outline:3px solid #111;outline-offset:1px}
.gm-move[aria-pressed="true"]{border-color:#222;background:#fff}
.gm-count{font-weight:700;margin-left:auto;padding-left:.4rem;white-space:nowrap}
.gm-legend{display:flex;flex-wrap:wrap;gap:.4rem 1.6rem;font-size:13px}
.gm-leg h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;margin:0 0 .15rem;color:#444}
.gm-leg ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.15rem .9rem}
.gm-leg li{display:flex;align-items:center;gap:.35rem}
.gm-sw{display:inline-block;width:13px;height:13px;flex:none;box-sizing:border-box}
.gm-sw.gm-dot{border-radius:50%;background:#222;border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.5)}
.gm-sw.gm-ring{border-radius:50%;background:#fff;border:3px solid #222}
.gm-sw.gm-square{border-radius:2px;border:2px solid #222}
.gm-sw.gm-small{width:8px;height:8px;border-radius:50%;background:#8c8c8c}
.gm-line{flex:none}
.gm-when{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .6rem;font-size:14px}
.gm-when label{font-weight:600}
.gm-when select{font:inherit;max-width:100%}
.gm-when output{color:#555;font-size:13px}
.gm-text{font-size:14px}
.gm-text summary{cursor:pointer;font-weight:600}
.gm-text h2{font-size:1rem;margin:.6rem 0 .2rem}
.gm-text ul,.gm-text ol{margin:.1rem 0;padding-left:1.2rem}
.leaflet-control-attribution{font-size:10px;max-width:100%;white-space:normal}
.leaflet-tooltip{width:max-content;max-width:260px;white-space:normal}
.gm-label-off .gm-name{visibility:hidden}
.gm-label-left .gm-name{left:auto;right:calc(100% + 4px)}
@media (max-width:600px){.gm-moves{max-height:none}.gm-head h1{font-size:1rem}.leaflet-control-attribution{font-size:9px}}
"""
