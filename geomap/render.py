"""Draw Results as one interactive HTML map (folium / Leaflet).

The page is self-contained by default: Leaflet's JS and CSS (from the XStatic-Leaflet
package) and a Natural Earth country outline are inlined, so it opens from file:// with
no network; only map tiles are fetched, and the outline shows land when they cannot be.
Output is byte-for-byte deterministic for the same input and options.

Every string that comes from an article (names, sentences, sources...) is HTML-escaped
before it reaches the page, and anything placed inside <script> is JSON-encoded with
<, > and & escaped, so article text can never become markup or code.
"""
from __future__ import annotations

import base64
import bisect
import functools
import hashlib
import html
import itertools
import json
import math
import os
import re
import threading
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template
from folium.utilities import JsCode

from .sentences import split_sentences
from .layers import ROLES, geodesic_points, movements, place_roles, split_antimeridian
from .models import Event, Result, ResolvedPlace

__all__ = ["build_map", "render_html", "embed_snippet", "TILES", "date_key"]

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
OUTLINE_PATH = os.path.join(DATA_DIR, "world_outline.geojson")

GEONAMES_CREDIT = (
    'Place data © <a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)'
)
NATURAL_EARTH_CREDIT = (
    'Country outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a> '
    "(public domain)"
)
OSM_ATTR = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'

# Scores are calibrated probabilities (geomap/confidence.py): below this the map says so.
UNCERTAIN_BELOW = 0.5
_LIGHT = {"sea": "#dce8ef", "land": "#f5f3ee", "border": "#a4afb7", "ink": "#1a1a1a"}
_DARK = {"sea": "#1c2630", "land": "#2e343a", "border": "#56616b", "ink": "#1a1a1a"}


@dataclass(frozen=True)
class TileSpec:
    label: str
    url: str | None
    attribution: str
    max_zoom: int = 19
    subdomains: str = "abc"
    palette: dict | None = None


TILES: dict[str, TileSpec] = {
    "osm": TileSpec("OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                    OSM_ATTR, 19, "abc", _LIGHT),
    "carto-light": TileSpec(
        "CARTO Positron", "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        OSM_ATTR + ' © <a href="https://carto.com/attributions">CARTO</a>', 20, "abcd", _LIGHT),
    "carto-dark": TileSpec(
        "CARTO Dark Matter",
        "https://{s}.basemaps.cartocdn.com/dark_all/{z}/{x}/{y}{r}.png",
        OSM_ATTR + ' © <a href="https://carto.com/attributions">CARTO</a>', 20, "abcd", _DARK),
    "esri-imagery": TileSpec(
        "Esri World Imagery",
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        "Tiles © Esri — Source: Esri, i-cubed, USDA, USGS, AEX, GeoEye, Getmapping, "
        "Aerogrid, IGN, IGP, UPR-EGP, and the GIS User Community", 18, "abc", _DARK),
    "none": TileSpec("No tiles (country outlines only)", None, "", 10, "abc", _LIGHT),
}

ROLE_COLORS = {
    "origin": "#c2410c",
    "destination": "#1d4ed8",
    "presence": "#7e22ce",
    "mentioned": "#6b7280",
}
ROLE_LABELS = {
    "origin": "Origin of a movement",
    "destination": "Destination of a movement",
    "presence": "Reported presence",
    "mentioned": "Mentioned",
}
# Colours for "what moved"; chosen apart from the role colours above so an arc is
# never mistaken for a marker's role.
ARC_PALETTE = ["#b91c1c", "#0f766e", "#a16207", "#be185d", "#4d7c0f", "#1e3a8a", "#111827"]
ARC_UNSPECIFIED = "#57534e"
PRESENCE_COLOR = ROLE_COLORS["presence"]
CERTAINTY_DASH = {"likely": (2.2, 1.5), "denied": (0.4, 1.6)}  # dash, gap per unit of width
CERTAINTY_TEXT = {"likely": "likely", "denied": "denied", "reported": "reported", "stated": "stated"}

BUDGET_BYTES = 600 * 1024
ARC_BOW = 0.16  # sideways bulge of an arc, as a share of its length on screen
MAX_QUOTES = 4

_ID_LOCK = threading.RLock()  # re-entered by a page rendered while a map is built


# --------------------------------------------------------------------------- helpers

def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _js(value) -> str:
    """JSON for a <script> block: nothing in it can close the script or open a tag."""
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


@contextmanager
def _stable_ids():
    """Give folium elements counter-based ids instead of random ones while building.

    branca draws every element id from os.urandom, which makes two renders of the same
    map differ; swapping the id factory for the duration of one build (under a lock,
    since it is process-wide) makes the output reproducible.
    """
    counter = itertools.count(1)
    original = Element.__dict__["_generate_id"]
    with _ID_LOCK:
        Element._generate_id = classmethod(lambda cls: str(next(counter)))
        try:
            yield
        finally:
            Element._generate_id = original


_MONTHS = {
    m: i for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")], 1)
    for m in names
}
_PART_DAY = {"early": 1, "beginning": 1, "start": 1, "mid": 15, "middle": 15, "late": 25,
             "end": 28}


def date_key(text: str | None) -> str | None:
    """Sortable 'YYYY-MM-DD' for a date as written in the news, or None.

    Understands ISO dates and forms like '8 October 2024', 'October 8, 2024',
    'early October 2024', 'October 2024' and '2024'. Missing parts sort first (00),
    'early/mid/late' pick day 1/15/25.
    """
    if not text:
        return None
    t = text.strip().lower()
    m = re.search(r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b", t)
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3] or 0):02d}"
    y = re.search(r"\b(1[6-9]\d\d|2\d\d\d)\b", t)
    if not y:
        return None
    month = 0
    mm = re.search(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", t)
    if mm:
        month = _MONTHS[mm[1]]
    day = 0
    rest = t[: y.start()] + " " + t[y.end():]
    d = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", rest)
    if d and month and 1 <= int(d[1]) <= 31:
        day = int(d[1])
    elif month:
        p = re.search(r"\b(" + "|".join(_PART_DAY) + r")\b", t)
        if p:
            day = _PART_DAY[p[1]]
    return f"{int(y[1]):04d}-{month:02d}-{day:02d}"


def _quantity(ev: Event) -> str | None:
    if ev.quantity:
        return ev.quantity
    if ev.quantity_value is not None and ev.quantity_value > 0:
        return f"{ev.quantity_value:,.0f}"
    return None


def _certainty_note(ev: Event) -> str | None:
    # "according to X" already says the claim is reported, so only add what it doesn't.
    c = (ev.certainty or "").lower()
    if c in ("likely", "denied"):
        return c
    if c == "reported" and not ev.source:
        return "reported"
    return None


def movement_summary(ev: Event, origin: str, destination: str) -> str:
    """One line (plain text) such as '1,500 troops · A → B · October 2024 · according to X'."""
    head = " ".join(x for x in (_quantity(ev), ev.what) if x) or "Movement"
    return _with_attribution([head, f"{origin} → {destination}"], ev)


def _with_attribution(parts: list[str], ev: Event) -> str:
    """Append when, who says so and how sure, joined as one line."""
    if ev.date:
        parts.append(ev.date)
    if ev.source:
        parts.append(f"according to {ev.source}")
    note = _certainty_note(ev)
    if note:
        parts.append(note)
    return " · ".join(parts)


def _event_line(ev: Event, res: Result) -> str:
    """Plain-text line for any event kind, naming its places."""
    def name(pid):
        rp = res.place(pid) if pid else None
        return rp.place.name if rp else (pid or "?")

    if ev.kind == "movement":
        return movement_summary(ev, name(ev.origin), name(ev.destination))
    who = ev.actor or ev.what or ("Event" if ev.kind != "presence" else "Presence")
    parts = [f"{who} in {name(ev.place)}" if ev.place else who]
    if ev.kind == "incident":
        parts[0] = "Incident: " + parts[0]
    return _with_attribution(parts, ev)


class _Sentences:
    """Sentence boundaries of one document, so each mention maps to its sentence.

    The events stage's splitter, so a popup quotes the same sentence an event cites
    ("Mr. Putin" and "U.S. troops" do not end one)."""

    def __init__(self, text: str, lang: str | None):
        self.text = text
        self.spans = split_sentences(text, lang)
        self.starts = [a for a, _ in self.spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0 or self.spans[i][1] < end:
            # outside any sentence (only whitespace around it): quote just the mention
            return start, end
        return self.spans[i]


def _quote_html(text: str, s: int, e: int, marks: Sequence[tuple[int, int]],
                limit: int = 320) -> str:
    """Escaped sentence text[s:e] with the mentions in <mark>, trimmed around them."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    lead = trail = ""
    if e - s > limit and marks:
        centre = marks[0][0]
        s2 = max(s, centre - limit // 2)
        e2 = min(e, s2 + limit)
        lead = "… " if s2 > s else ""
        trail = " …" if e2 < e else ""
        s, e = s2, e2
    out, pos = [], s
    for ms, me in sorted(marks):
        ms, me = max(ms, pos), min(me, e)
        if ms >= me:
            continue
        out.append(_esc(text[pos:ms]))
        out.append("<mark>" + _esc(text[ms:me]) + "</mark>")
        pos = me
    out.append(_esc(text[pos:e]))
    return lead + "".join(out) + trail


def _place_quotes(rp: ResolvedPlace, sents: _Sentences) -> list[str]:
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for m in sorted(rp.mentions, key=lambda m: (m.start, m.end)):
        if not (0 <= m.start < m.end <= len(sents.text)):
            continue
        groups.setdefault(sents.around(m.start, m.end), []).append((m.start, m.end))
    return [_quote_html(sents.text, s, e, marks) for (s, e), marks in groups.items()]


def _radius(count: int) -> int:
    # Area grows with the number of times the text names the place; capped so a
    # much-repeated country does not swallow its neighbours.
    return int(min(18, 5 + 2.6 * math.sqrt(max(count, 0))))


def _arc_width(value: float | None) -> float:
    if value is None or value <= 0:
        return 2.5
    return round(min(11.0, max(2.0, 1.5 + 1.8 * math.log10(max(value, 1.0)))), 1)


def _merc(lon: float, lat: float) -> tuple[float, float]:
    lat = max(min(lat, 85.0), -85.0)
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _unmerc(x: float, y: float) -> tuple[float, float]:
    return math.degrees(x), math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def _bowed(points: Sequence[tuple[float, float]], bow: float) -> list[tuple[float, float]]:
    """Bend a line sideways (to the left of travel) in Web Mercator.

    Short geodesics look straight on a web map; the bulge makes every movement read
    as a flow and keeps A→B and B→A apart. Works on continuous longitudes.
    """
    xy = [_merc(lon, lat) for lon, lat in points]
    (x0, y0), (x1, y1) = xy[0], xy[-1]
    dx, dy = x1 - x0, y1 - y0
    n = len(xy) - 1
    out = []
    for i, (x, y) in enumerate(xy):
        off = bow * math.sin(math.pi * i / n)
        out.append(_unmerc(x - dy * off, y + dx * off))
    out[0], out[-1] = tuple(points[0]), tuple(points[-1])
    return out


def _screen_angle(points: Sequence[tuple[float, float]]) -> float:
    """Direction of travel at the end of a line, in screen degrees (0 = east, clockwise)."""
    (x0, y0), (x1, y1) = _merc(*points[-2]), _merc(*points[-1])
    return math.degrees(math.atan2(-(y1 - y0), x1 - x0))


@functools.lru_cache(maxsize=None)
def _leaflet_assets() -> tuple[str, str]:
    import xstatic.pkg.leaflet as xl

    base = xl.BASE_DIR
    with open(os.path.join(base, "leaflet.js"), encoding="utf-8") as fh:
        js = fh.read()
    # The source map is not shipped in the page; a dangling reference makes devtools fetch it.
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)
    with open(os.path.join(base, "leaflet.css"), encoding="utf-8") as fh:
        css = fh.read()

    def inline(m: re.Match) -> str:
        rel = m.group(1).strip("'\"")
        path = os.path.join(base, rel)
        if rel.startswith(("data:", "#")) or not os.path.isfile(path):
            return m.group(0)
        with open(path, "rb") as img:
            data = base64.b64encode(img.read()).decode("ascii")
        return f'url("data:image/png;base64,{data}")'

    css = re.sub(r"url\(([^)]+)\)", inline, css)
    # Comments and indentation are a third of leaflet.css.
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,])\s*", r"\1", css).strip()
    return js.replace("</script", "<\\/script"), css


@functools.lru_cache(maxsize=None)
def _outline_js() -> str:
    with open(OUTLINE_PATH, encoding="utf-8") as fh:
        data = json.load(fh)
    return _js(data)


@functools.lru_cache(maxsize=None)
def _cdn_assets() -> tuple[tuple[str, str], tuple[str, str]]:
    """((URL, SRI hash) of leaflet.js, (URL, SRI hash) of leaflet.css) on jsDelivr.

    The URLs name the version of the xstatic-leaflet package that is inlined otherwise,
    whose files are byte for byte the npm package's dist files that jsDelivr serves, so
    the hashes are computed from the local copies and a tampered CDN file is refused."""
    import xstatic.pkg.leaflet as xl

    version = xl.VERSION
    out = []
    for name in ("leaflet.js", "leaflet.css"):
        with open(os.path.join(xl.BASE_DIR, name), "rb") as fh:
            digest = base64.b64encode(hashlib.sha384(fh.read()).digest()).decode("ascii")
        out.append((f"https://cdn.jsdelivr.net/npm/leaflet@{version}/dist/{name}", f"sha384-{digest}"))
    return out[0], out[1]


# --------------------------------------------------------------------- folium pieces

class _Map(folium.Map):
    """folium.Map without folium's page furniture (links to bootstrap, jQuery,
    font-awesome..., a zoom-locking viewport tag and full-page CSS): the page around
    the map is written by render_html."""

    default_js: list = []
    default_css: list = []
    _template = Template("""
{% macro html(this, kwargs) %}<div class="gm-map" id={{ this.get_name()|tojson }} role="region" aria-label="{{ this.aria_label }}"></div>{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {center: {{ this.location|tojson }}, ...{{ this.options|tojavascript }}});
{% endmacro %}
""")


class _Call(MacroElement):
    """`parent.method(args...)` in the map script, e.g. bindPopup on a marker.

    Arguments are JSON-encoded by _js, so article text inside them stays data."""

    _template = Template("""{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.{{ this.method }}({{ this.args }});
{% endmacro %}""")

    def __init__(self, method: str, *args):
        super().__init__()
        self._name = "Call"
        self.method = method
        self.args = ",".join(_js(a) for a in args)


class _Outline(MacroElement):
    _template = Template("""{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.geoJSON({{ this.data }}, {pane: "gmOutline", interactive: false, style: {{ this.style }}}).addTo({{ this._parent.get_name() }});
{% endmacro %}""")

    def __init__(self, palette: dict):
        super().__init__()
        self._name = "Outline"
        self.data = _outline_js()
        self.style = _js({"color": palette["border"], "weight": 0.7, "opacity": 1,
                          "fillColor": palette["land"], "fillOpacity": 1,
                          "className": "gm-outline"})


class _Runtime(MacroElement):
    _template = Template("""{% macro script(this, kwargs) %}
geomapInit({map: {{ this._parent.get_name() }}, items: [{{ this.items }}], labels: [{{ this.labels }}]});
{% endmacro %}""")

    def __init__(self, items: str, labels: str):
        super().__init__()
        self._name = "Runtime"
        self.items = items
        self.labels = labels


def _bind(layer: Element, popup_html: str | None, tooltip_html: str | None,
          sticky: bool = False) -> None:
    if popup_html:
        layer.add_child(_Call("bindPopup", popup_html,
                              {"maxWidth": 300, "maxHeight": 320, "className": "gm-popup",
                               "autoPanPadding": [12, 12]}))
    if tooltip_html:
        opts = {"sticky": True} if sticky else {"direction": "top", "offset": [0, -8]}
        layer.add_child(_Call("bindTooltip", tooltip_html, opts))


# ------------------------------------------------------------------------ the page

def _presence(res: Result) -> dict[str, list[Event]]:
    """Presence events by place id, for places the Result knows."""
    out: dict[str, list[Event]] = {}
    for ev in res.events:
        if ev.kind == "presence" and ev.place and res.place(ev.place):
            out.setdefault(ev.place, []).append(ev)
    return out


@dataclass
class _DocGroups:
    places: folium.FeatureGroup | None = None
    arcs: folium.FeatureGroup | None = None
    presence: folium.FeatureGroup | None = None


class _Builder:
    def __init__(self, results: list[Result], tiles: str, cdn: bool):
        self.results = results
        self.spec = TILES[tiles]
        self.cdn = cdn
        self.multi = len(results) > 1
        self.what_colors: dict[str, str] = {}
        for res in results:
            for mv in movements(res):
                key = (mv.event.what or "").strip().lower()
                if key and key not in self.what_colors:
                    n = len(self.what_colors)
                    self.what_colors[key] = ARC_PALETTE[n] if n < len(ARC_PALETTE) else ARC_UNSPECIFIED
        self.items: list[str] = []   # runtime entries for the date filter
        self.labels: list[tuple[tuple, str]] = []  # (priority, marker var) for decluttering
        self.bounds: list[tuple[float, float]] = []  # (lat, lon)
        self._sentences: dict[int, _Sentences] = {}  # by id() of a result self.results holds
        self.dates: dict[str, str] = {}  # key -> first label written that way
        self.roles_seen: list[str] = []
        self.certainties_seen: list[str] = []
        self.group_names: list[str] = []
        self.n_places = sum(len(r.places) for r in results)

    def arc_color(self, what: str | None) -> str:
        return self.what_colors.get((what or "").strip().lower(), ARC_UNSPECIFIED)

    def doc_label(self, res: Result, i: int) -> str:
        return res.document.title or res.document.id or f"Document {i + 1}"

    def group(self, m, label: str, kind: str) -> folium.FeatureGroup:
        if len(label) > 40:  # the layer control must stay narrower than a phone
            label = label[:38].rstrip() + "…"
        name = kind if not self.multi else f"{label} — {kind.lower()}"
        # The layer control is keyed by name: two documents with one title would
        # otherwise lose a group from it.
        base, n = name, 2
        while name in self.group_names:
            name, n = f"{base} ({n})", n + 1
        self.group_names.append(name)
        return folium.FeatureGroup(name=_esc(name), show=True).add_to(m)

    def note_date(self, ev: Event, res: Result) -> str | None:
        """Date-filter key of an event; an undated claim counts as of publication."""
        key, label = date_key(ev.date), ev.date
        if key is None and res.document.date:
            key = date_key(res.document.date)
            label = f"{res.document.date} (publication)"
        if key and key not in self.dates:
            self.dates[key] = label
        return key

    # ---------------------------------------------------------------- build the map
    def build(self) -> folium.Map:
        spec = self.spec
        palette = spec.palette or _LIGHT
        m = _Map(location=[25.0, 20.0], tiles=None, zoom_start=2, zoom_control=True,
                 scroll_wheel_zoom=False, zoom_snap=0.5, minZoom=1, world_copy_jump=False)
        m.aria_label = _esc("Map of places and movements; the text version below lists "
                            "the same information")

        if spec.url:
            folium.TileLayer(tiles=spec.url, attr=spec.attribution, max_zoom=spec.max_zoom,
                             max_native_zoom=spec.max_zoom, subdomains=spec.subdomains,
                             control=False, name=spec.label).add_to(m)
        if not self.cdn or spec.url is None:
            # Beneath the tiles (tile pane is z-index 200) so it shows only where tiles
            # failed to load, or everywhere with tiles="none".
            folium.map.CustomPane("gmOutline", z_index=150, pointer_events=False).add_to(m)
            m.add_child(_Outline(palette))

        for i, res in enumerate(self.results):
            label = self.doc_label(res, i)
            g = _DocGroups()
            if res.places:
                g.places = self.group(m, label, "Places")
            if movements(res):
                g.arcs = self.group(m, label, "Movements")
            if _presence(res):
                g.presence = self.group(m, label, "Presence")
            self.add_result(res, g)

        if self.bounds:
            lats = [b[0] for b in self.bounds]
            lons = [b[1] for b in self.bounds]
            # More room on the right: place names are written to the right of markers.
            m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]],
                         padding_top_left=(20, 24), padding_bottom_right=(80, 20),
                         max_zoom=7)
        folium.LayerControl(position="topright",
                            collapsed=JsCode("window.innerWidth < 720")).add_to(m)
        labels = [name for _, name in sorted(self.labels, key=lambda t: t[0])]
        m.add_child(_Runtime(",".join(self.items), ",".join(labels)))
        return m

    def sentences(self, res: Result) -> _Sentences:
        """The result's sentence boundaries, split once for the map and the text version."""
        sents = self._sentences.get(id(res))
        if sents is None:
            sents = self._sentences[id(res)] = _Sentences(res.document.text, res.document.lang)
        return sents

    def add_result(self, res: Result, g: _DocGroups) -> None:
        roles = place_roles(res)
        radii = {rp.place.id: _radius(len(rp.mentions)) for rp in res.places}
        sents = self.sentences(res)
        by_place: dict[str, list[Event]] = {}
        for ev in res.events:
            for pid in (ev.origin, ev.destination, ev.place):
                if pid and ev not in by_place.setdefault(pid, []):
                    by_place[pid].append(ev)

        for rp in res.places:
            p = rp.place
            role = roles[p.id]
            if role not in self.roles_seen:
                self.roles_seen.append(role)
            r = radii[p.id]
            d = 2 * r
            count = len(rp.mentions)
            sr = f"{p.name}, {ROLE_LABELS[role].lower()}, named {count} time{'s' if count != 1 else ''}"
            icon_html = (
                f'<span class="gm-dot" style="width:{d}px;height:{d}px;background:{ROLE_COLORS[role]}"></span>'
                f'<span class="gm-name" aria-hidden="true">{_esc(p.name)}</span>'
                f'<span class="gm-sr">{_esc(sr)}</span>'
            )
            icon = folium.DivIcon(html=icon_html, icon_size=(d, d), icon_anchor=(r, r),
                                  popup_anchor=(0, -r), class_name=f"gm-place gm-role-{role}")
            marker = folium.Marker([p.lat, p.lon], icon=icon, rise_on_hover=True,
                                   z_index_offset=(40 - r) * 1000)
            marker.add_to(g.places)
            _bind(marker, self.place_popup(res, rp, role, sents, by_place.get(p.id, [])),
                  f"<strong>{_esc(p.name)}</strong> · {_esc(ROLE_LABELS[role].lower())}")
            priority = (list(ROLES).index(role), -count, p.name)
            self.labels.append((priority, marker.get_name()))
            self.bounds.append((p.lat, p.lon))

        for pid, evs in _presence(res).items():
            p = res.place(pid).place
            ring = folium.CircleMarker([p.lat, p.lon], radius=radii[pid] + 5,
                                       color=PRESENCE_COLOR, weight=2, dash_array="4 3",
                                       fill=False, class_name="gm-presence")
            ring.options["interactive"] = False
            ring.add_to(g.presence)
            keys = [k for k in (self.note_date(e, res) for e in evs) if k]
            self.items.append(
                f"{{layers:[{ring.get_name()}],group:{g.presence.get_name()},key:{_js(min(keys) if keys else None)}}}")

        for mv in movements(res):
            self.add_arc(res, mv, g, radii)

    def add_arc(self, res: Result, mv, g: _DocGroups, radii: dict[str, int]) -> None:
        ev, a, b = mv.event, mv.origin.place, mv.destination.place
        color = self.arc_color(ev.what)
        width = _arc_width(ev.quantity_value)
        cert = (ev.certainty or "stated").lower()
        if cert in CERTAINTY_DASH and cert not in self.certainties_seen:
            self.certainties_seen.append(cert)
        pts = _bowed(geodesic_points(a.lon, a.lat, b.lon, b.lat), ARC_BOW)
        parts = split_antimeridian(pts)
        locations = [[[round(lat, 4), round(lon, 4)] for lon, lat in part] for part in parts]
        for part in locations:
            self.bounds.extend((la, lo) for la, lo in part[:: max(1, len(part) // 8)])

        summary = movement_summary(ev, a.name, b.name)
        popup = self.arc_popup(res, mv)
        line = folium.PolyLine(locations if len(locations) > 1 else locations[0],
                               color=color, weight=width,
                               opacity=0.55 if cert == "denied" else 0.85,
                               dash_array=_dash(cert, width), line_cap="butt",
                               class_name="gm-arc", smooth_factor=0.5)
        line.add_to(g.arcs)
        _bind(line, popup, _esc(summary), sticky=True)

        # Arrowhead: a focusable marker at the destination, drawn so that its tip
        # touches the destination marker's edge whatever the zoom.
        r = radii.get(b.id, 6) + 2
        length, half = 8 + 0.9 * width, 4 + 0.6 * width
        box = int(math.ceil(r + length + 3))
        ang = round(_screen_angle(pts), 1)
        tip, base = -r, -r - length
        poly = f"{tip},0 {base:.1f},{half:.1f} {base + length * 0.25:.1f},0 {base:.1f},{-half:.1f}"
        arrow_html = (
            f'<svg width="{2 * box}" height="{2 * box}" viewBox="{-box} {-box} {2 * box} {2 * box}" aria-hidden="true">'
            f'<g transform="rotate({ang})"><polygon points="{poly}" fill="{color}" '
            f'stroke="#fff" stroke-width="1.2" stroke-linejoin="round"/></g></svg>'
            f'<span class="gm-sr">Movement: {_esc(summary)}</span>'
        )
        icon = folium.DivIcon(html=arrow_html, icon_size=(2 * box, 2 * box),
                              icon_anchor=(box, box), popup_anchor=(0, 0),
                              class_name="gm-arrow")
        arrow = folium.Marker([b.lat, b.lon], icon=icon, z_index_offset=100000)
        arrow.add_to(g.arcs)
        _bind(arrow, popup, _esc(summary))
        key = self.note_date(ev, res)
        self.items.append(
            f"{{layers:[{line.get_name()},{arrow.get_name()}],group:{g.arcs.get_name()},key:{_js(key)}}}")

    # ------------------------------------------------------------------ popups
    def place_popup(self, res: Result, rp: ResolvedPlace, role: str, sents: _Sentences,
                    events: list[Event]) -> str:
        p = rp.place
        count = len(rp.mentions)
        meta = " · ".join(_esc(x) for x in (p.kind, p.country_code) if x)
        out = [
            f'<div class="gm-pop"><h3>{_esc(p.name)}</h3>',
            f'<p class="gm-meta">{meta}</p>' if meta else "",
            f'<p class="gm-meta"><span class="gm-chip" style="background:{ROLE_COLORS[role]}"></span>'
            f"{_esc(ROLE_LABELS[role])}</p>",
            f'<p class="gm-meta">Named {count} time{"s" if count != 1 else ""}'
            + (f" · uncertain match ({round(100 * float(rp.score))}% likely right)" if rp.score < UNCERTAIN_BELOW else "")
            + "</p>",
        ]
        quotes = _place_quotes(rp, sents)
        if quotes:
            out.append("<h4>In the text</h4><ul class=\"gm-quotes\">")
            out.extend(f"<li>{q}</li>" for q in quotes[:MAX_QUOTES])
            out.append("</ul>")
            if len(quotes) > MAX_QUOTES:
                out.append(f'<p class="gm-meta">and {len(quotes) - MAX_QUOTES} more '
                           "in the text version below the map</p>")
        if events:
            out.append("<h4>Reported here</h4><ul class=\"gm-events\">")
            out.extend(f"<li>{_esc(_event_line(e, res))}</li>" for e in events)
            out.append("</ul>")
        if self.multi:
            out.append(f'<p class="gm-meta">From: {_esc(res.document.title or res.document.id)}</p>')
        out.append("</div>")
        return "".join(out)

    def arc_popup(self, res: Result, mv) -> str:
        ev, a, b = mv.event, mv.origin.place, mv.destination.place
        rows = [
            ("What", ev.what), ("How many", _quantity(ev)), ("Who", ev.actor),
            ("When", ev.date),
            ("Source", f"according to {ev.source}" if ev.source else "not attributed"),
            ("Certainty", CERTAINTY_TEXT.get((ev.certainty or "").lower(), ev.certainty)),
        ]
        dl = "".join(f"<dt>{k}</dt><dd>{_esc(v)}</dd>" for k, v in rows if v)
        ev_text = ev.evidence.text if ev.evidence else ""
        if len(ev_text) > 500:
            ev_text = ev_text[:500].rstrip() + " …"
        out = [
            f'<div class="gm-pop"><h3>{_esc(a.name)} → {_esc(b.name)}</h3>',
            f'<dl class="gm-dl">{dl}</dl>',
            f"<blockquote>{_esc(ev_text)}</blockquote>" if ev_text else "",
        ]
        if self.multi:
            out.append(f'<p class="gm-meta">From: {_esc(res.document.title or res.document.id)}</p>')
        out.append("</div>")
        return "".join(out)

    # -------------------------------------------------------------- page parts
    def legend_html(self) -> str:
        blocks = []
        if self.n_places:
            keys = "".join(
                f'<li><span class="gm-sw" style="background:{ROLE_COLORS[r]}"></span>{_esc(ROLE_LABELS[r])}</li>'
                for r in ROLES if r in self.roles_seen
            )
            keys += '<li><span class="gm-sw gm-sw-sm"></span><span class="gm-sw gm-sw-lg"></span>Size: how often the text names it</li>'
            blocks.append(f'<div class="gm-leg"><h2>Places</h2><ul>{keys}</ul></div>')
        if any(movements(r) for r in self.results):
            keys = "".join(
                f'<li>{_line_swatch(c)}{_esc(w)}</li>' for w, c in self.what_colors.items()
            )
            if any(not (mv.event.what or "").strip() for r in self.results for mv in movements(r)):
                keys += f"<li>{_line_swatch(ARC_UNSPECIFIED)}unspecified</li>"
            keys += (f'<li>{_line_swatch("#555", 2)}{_line_swatch("#555", 8)}'
                     "Width: how many moved (log scale)</li>")
            for cert in self.certainties_seen:
                keys += f'<li>{_line_swatch("#555", 3, _dash(cert, 3))}{_esc(cert)}</li>'
            blocks.append(f'<div class="gm-leg"><h2>Movements</h2><ul>{keys}</ul></div>')
        if any(_presence(r) for r in self.results):
            blocks.append(
                '<div class="gm-leg"><h2>Presence</h2><ul><li><span class="gm-sw gm-ring"></span>'
                "Dashed ring: reported to be there</li></ul></div>")
        if not blocks:
            return ""
        return f'<section class="gm-legend" aria-label="Legend">{"".join(blocks)}</section>'

    def timeline_html(self) -> str:
        if not self.dates:
            return ""
        opts = "".join(
            f'<option value="{_esc(k)}">Up to {_esc(self.dates[k])}</option>'
            for k in sorted(self.dates)
        )
        return (
            '<div class="gm-when"><label for="gm-when">Dates</label>'
            f'<select id="gm-when"><option value="">All dates</option>{opts}</select>'
            '<output id="gm-when-status" for="gm-when" aria-live="polite"></output></div>'
        )

    def credits_html(self) -> str:
        parts = [GEONAMES_CREDIT]
        if not self.cdn or self.spec.url is None:
            parts.append(NATURAL_EARTH_CREDIT)
        if self.spec.url:
            parts.append(f"Map tiles: {self.spec.attribution}")
        parts.append('Drawn with <a href="https://leafletjs.com/">Leaflet</a>')
        return '<p class="gm-credits">' + " · ".join(parts) + "</p>"

    def text_html(self) -> str:
        n_arcs = sum(len(movements(r)) for r in self.results)
        summary = (f"Text version: {self.n_places} place{'s' if self.n_places != 1 else ''}"
                   f", {n_arcs} movement{'s' if n_arcs != 1 else ''}")
        out = [f'<details class="gm-text" id="gm-text"><summary>{summary}</summary>']
        if not self.n_places:
            out.append("<p>No places found.</p>")
        for i, res in enumerate(self.results):
            if not res.places and not res.events:
                continue
            if self.multi:
                out.append(f"<h2>{_esc(self.doc_label(res, i))}</h2>")
            roles = place_roles(res)
            sents = self.sentences(res)
            out.append("<h3>Places</h3><ul>")
            for rp in res.places:
                p, count = rp.place, len(rp.mentions)
                meta = ", ".join(x for x in (p.kind, p.country_code) if x)
                out.append(
                    f"<li><strong>{_esc(p.name)}</strong> ({_esc(meta)}): "
                    f"{_esc(ROLE_LABELS[roles[p.id]].lower())}; named {count} "
                    f"time{'s' if count != 1 else ''}; match confidence "
                    f"{round(100 * float(rp.score))}%.")
                quotes = _place_quotes(rp, sents)
                if quotes:
                    out.append("<ul>" + "".join(f"<li>{q}</li>" for q in quotes) + "</ul>")
                out.append("</li>")
            out.append("</ul>")
            drawn = {mv.index for mv in movements(res)}
            kinds = [("Movements", lambda e: e.kind == "movement"),
                     ("Presence", lambda e: e.kind == "presence"),
                     ("Other events", lambda e: e.kind not in ("movement", "presence"))]
            for heading, keep in kinds:
                evs = [(j, e) for j, e in enumerate(res.events) if keep(e)]
                if not evs:
                    continue
                out.append(f"<h3>{heading}</h3><ul>")
                for j, e in evs:
                    note = "" if e.kind != "movement" or j in drawn else " (not on the map: a place is unknown)"
                    quote = f' <q>{_esc(e.evidence.text)}</q>' if e.evidence and e.evidence.text else ""
                    out.append(f"<li>{_esc(_event_line(e, res))}{note}.{quote}</li>")
                out.append("</ul>")
        out.append("</details>")
        return "".join(out)



def _dash(certainty: str, width: float) -> str | None:
    # A fixed dash pattern turns into a row of squares on a thick line: scale it.
    if certainty not in CERTAINTY_DASH:
        return None
    dash, gap = CERTAINTY_DASH[certainty]
    return f"{max(2.0, dash * width):.0f} {max(3.0, gap * width):.0f}"


def _line_swatch(color: str, width: float = 4, dash: str | None = None) -> str:
    d = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg class="gm-line" width="30" height="12" aria-hidden="true"><line x1="1" y1="6" x2="29" y2="6" '
            f'stroke="{color}" stroke-width="{width}"{d}/></svg>')


class _Page(Figure):
    """The page a geomap map lives in: rendering it gives the whole geomap page.

    folium's Map.save(), Jupyter's display of a Map and render_html all render the
    map's root, so with this root they all write the same bytes, including anything a
    caller added to the map with folium after build_map.
    """

    def __init__(self, builder: "_Builder", title: str | None, caption: str | None,
                 tiles: str, cdn: bool):
        super().__init__()
        self.header._children.pop("meta_http", None)  # the page writes its own charset
        # Jupyter's inline frame is this share of its width high: enough for the title,
        # the map (58% of the width) and the legend; the text version scrolls.
        self.ratio = "75%"
        self._page_args = (builder, title, caption, tiles, cdn)

    def render(self, **kwargs) -> str:
        # folium's render adds children as it goes (a setIcon call per marker, an
        # addTo per layer, each under a fresh name), so a second render (display, then
        # save) would repeat them. Every child list is put back as it was afterwards:
        # each render starts from the map as built plus what the caller added.
        # Under the id lock: those children are new folium elements, and a map being
        # built in another thread at the same moment must not hand them its counter ids.
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
              caption: str | None = None, tiles: str = "osm", cdn: bool = False) -> folium.Map:
    """The map as a folium.Map; saving or displaying it writes the whole page.

    results: one Result or several (one layer group per document when several).
    tiles: one of TILES; "none" draws only the offline country outlines.
    cdn: link Leaflet from folium's CDN instead of inlining it (smaller file, needs
    network, and the offline outline is left out unless tiles="none").
    """
    if tiles not in TILES:
        raise ValueError(f"unknown tiles {tiles!r}; choose one of: {', '.join(TILES)}")
    results = [results] if isinstance(results, Result) else list(results)

    with _stable_ids():
        b = _Builder(results, tiles, cdn)
        m = b.build()
    _Page(b, title, caption, tiles, cdn).add_child(m)
    return m


def render_html(results: Result | Iterable[Result], *, title: str | None = None,
                caption: str | None = None, tiles: str = "osm", cdn: bool = False) -> str:
    """The whole map page as a string: what build_map(...).save() writes (same options)."""
    return build_map(results, title=title, caption=caption, tiles=tiles, cdn=cdn).get_root().render()


def _page_html(head: str, body: str, script: str, b: "_Builder", title: str | None,
               caption: str | None, tiles: str, cdn: bool) -> str:
    results = b.results
    if title is None:
        titles = [r.document.title for r in results if r.document.title]
        title = titles[0] if len(results) == 1 and titles else "Places and movements"
    palette = TILES[tiles].palette or _LIGHT

    if cdn:
        (js_url, js_sri), (css_url, css_sri) = _cdn_assets()
        css_block = f'<link rel="stylesheet" href="{_esc(css_url)}" integrity="{css_sri}" crossorigin="anonymous">'
        js_block = f'<script src="{_esc(js_url)}" integrity="{js_sri}" crossorigin="anonymous"></script>'
    else:
        leaflet_js, leaflet_css = _leaflet_assets()
        css_block = f"<style>{leaflet_css}</style>"
        js_block = f"<script>{leaflet_js}</script>"

    empty = ('<div class="gm-empty" role="status">No places found</div>'
             if not b.n_places else "")
    caption_html = f'<p class="gm-caption">{_esc(caption)}</p>' if caption else ""
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="geomap">
<title>{_esc(title)}</title>
<link rel="icon" href="data:,">
{css_block}
<style>{_PAGE_CSS.replace("SEA", palette["sea"])}</style>
{_squeeze(head)}
</head>
<body>
<div class="gm-page">
<header class="gm-head"><h1>{_esc(title)}</h1></header>
<div class="gm-map-wrap">
{_squeeze(body)}
{empty}<div class="gm-hint" id="gm-hint" aria-hidden="true">Click the map to zoom with the scroll wheel</div>
</div>
<noscript><p class="gm-noscript">The interactive map needs JavaScript. The text version below lists the same places and movements.</p></noscript>
<div class="gm-below">
{caption_html}{b.timeline_html()}{b.legend_html()}
{b.credits_html()}
{b.text_html()}
</div>
</div>
{js_block}
<script>{_RUNTIME_JS}</script>
<script>
{_squeeze(script)}
</script>
</body>
</html>
"""
    return page


def _squeeze(code: str) -> str:
    # folium's templates indent heavily; the indentation is a fifth of the script.
    # Safe because no template used here puts a multi-line string literal in the page.
    return "\n".join(line.strip() for line in code.splitlines() if line.strip())


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
.gm-map-wrap{position:relative;width:100%}
.gm-map{width:100%;height:clamp(300px,58vw,660px)}
.gm-map.leaflet-container{background:SEA;font:inherit;font-size:13px}
.gm-below{padding:.5rem .9rem 1rem;display:flex;flex-direction:column;gap:.55rem}
.gm-caption{margin:0;color:#333}
.gm-credits{margin:0;font-size:12px;color:#555}
.gm-credits a,.gm-text a{color:inherit}
.gm-noscript{margin:.5rem .9rem;padding:.5rem;background:#fff6d6}
.gm-empty{position:absolute;left:50%;top:50%;transform:translate(-50%,-50%);z-index:800;background:rgba(255,255,255,.92);padding:.5rem .9rem;border-radius:6px;font-weight:600;pointer-events:none;box-shadow:0 1px 4px rgba(0,0,0,.25)}
.gm-hint{position:absolute;left:50%;bottom:2.2rem;transform:translateX(-50%);z-index:900;background:rgba(20,20,20,.82);color:#fff;padding:.35rem .7rem;border-radius:4px;font-size:13px;opacity:0;transition:opacity .2s;pointer-events:none;white-space:nowrap;max-width:90%}
.gm-hint.gm-on{opacity:1}
.gm-sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.gm-place{background:none;border:0}
.gm-dot{display:block;border-radius:50%;border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.35),0 1px 3px rgba(0,0,0,.3)}
.gm-name{position:absolute;left:calc(100% + 4px);top:50%;transform:translateY(-50%);white-space:nowrap;font-size:12px;font-weight:600;line-height:1;color:#111;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff;pointer-events:none}
.gm-place:focus{outline:none}
.gm-place:focus-visible .gm-dot{outline:3px solid #111;outline-offset:2px}
.leaflet-marker-icon.gm-arrow.leaflet-interactive,.leaflet-marker-icon.gm-arrow{pointer-events:none;background:none;border:0;outline:none}
.gm-arrow svg{display:block;overflow:visible}
.gm-arrow polygon{pointer-events:visiblePainted;cursor:pointer}
.gm-arrow:focus-visible polygon{stroke:#111;stroke-width:2.5}
.gm-arc{cursor:pointer}
.gm-popup .leaflet-popup-content{margin:10px 12px;font-size:13px;line-height:1.4}
.gm-pop h3{margin:0 0 .2rem;font-size:15px}
.gm-pop h4{margin:.5rem 0 .15rem;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#555}
.gm-pop ul{margin:0;padding-left:1.1rem}
.gm-pop li{margin:.15rem 0}
.gm-pop p.gm-meta{margin:0;color:#444}
.gm-chip{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px}
.gm-pop mark{background:#fde68a;color:inherit;padding:0 1px}
.gm-pop blockquote{margin:.4rem 0 0;padding:.1rem 0 .1rem .55rem;border-left:3px solid #bbb;color:#333}
.gm-dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.3rem 0}
.gm-dl dt{color:#555}
.gm-dl dd{margin:0}
.gm-legend{display:flex;flex-wrap:wrap;gap:.4rem 1.6rem;font-size:13px}
.gm-leg h2{font-size:12px;text-transform:uppercase;letter-spacing:.04em;margin:0 0 .15rem;color:#444}
.gm-leg ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.15rem .9rem}
.gm-leg li{display:flex;align-items:center;gap:.35rem}
.gm-sw{display:inline-block;width:12px;height:12px;border-radius:50%;border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.35);flex:none}
.gm-sw-sm{width:9px;height:9px;background:#888}
.gm-sw-lg{width:16px;height:16px;background:#888}
.gm-ring{width:18px;height:18px;background:none;border:2px dashed #7e22ce;box-shadow:none}
.gm-line{flex:none}
.gm-when{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .6rem;font-size:14px}
.gm-when label{font-weight:600}
.gm-when select{font:inherit;max-width:100%}
.gm-when output{color:#555;font-size:13px}
.gm-text{font-size:14px}
.gm-text summary{cursor:pointer;font-weight:600}
.gm-text h2{font-size:1rem;margin:.6rem 0 .2rem}
.gm-text h3{font-size:.95rem;margin:.5rem 0 .2rem}
.gm-text ul{margin:.1rem 0;padding-left:1.2rem}
.gm-text mark{background:#fde68a;color:inherit}
.leaflet-control-attribution{font-size:10px;max-width:100%;white-space:normal}
.leaflet-tooltip{width:max-content;max-width:260px;white-space:normal}
.gm-label-off .gm-name{visibility:hidden}
.gm-label-left .gm-name{left:auto;right:calc(100% + 4px)}
"""

_RUNTIME_JS = r"""
function geomapInit(cfg){
"use strict";
var map=cfg.map,box=map.getContainer(),hint=document.getElementById("gm-hint"),timer=0;
map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
function say(on){if(!hint)return;hint.classList.toggle("gm-on",on);clearTimeout(timer);if(on)timer=setTimeout(function(){hint.classList.remove("gm-on");},1600);}
map.on("click",function(){map.scrollWheelZoom.enable();say(false);});
map.on("mouseout",function(){map.scrollWheelZoom.disable();});
box.addEventListener("wheel",function(){if(!map.scrollWheelZoom.enabled())say(true);},{passive:true});
var opener=null;
map.on("popupopen",function(e){opener=e.popup._source||null;if(opener&&opener.closeTooltip)opener.closeTooltip();});
box.addEventListener("keydown",function(e){if((e.key==="Escape"||e.key==="Esc")&&map.closePopup){var o=opener;map.closePopup();opener=null;
var el=o&&o.getElement&&o.getElement();if(el&&el.focus)el.focus();}});
function overlaps(a,b){return a.left<b.right&&b.left<a.right&&a.top<b.bottom&&b.top<a.bottom;}
function declutter(){
var taken=[],i,el,lab;
for(i=0;i<cfg.labels.length;i++){el=cfg.labels[i].getElement&&cfg.labels[i].getElement();if(el&&el.isConnected)taken.push(el.firstChild.getBoundingClientRect());}
var arrows=document.querySelectorAll(".gm-arrow polygon");for(i=0;i<arrows.length;i++){var a=arrows[i].getBoundingClientRect();if(a.width>0)taken.push(a);}
function free(r){for(var j=0;j<taken.length;j++){if(overlaps(r,taken[j]))return false;}return true;}
for(i=0;i<cfg.labels.length;i++){el=cfg.labels[i].getElement&&cfg.labels[i].getElement();if(!el||!el.isConnected)continue;
el.classList.remove("gm-label-off","gm-label-left");lab=el.querySelector(".gm-name");if(!lab)continue;var r=lab.getBoundingClientRect();
if(!free(r)){el.classList.add("gm-label-left");r=lab.getBoundingClientRect();}
if(free(r))taken.push(r);else{el.classList.remove("gm-label-left");el.classList.add("gm-label-off");}}
}
map.on("zoomend moveend overlayadd overlayremove",declutter);
var sel=document.getElementById("gm-when"),out=document.getElementById("gm-when-status");
function filter(){
var lim=sel?sel.value:"",shown=0;
cfg.items.forEach(function(it){var ok=!lim||(it.key!==null&&it.key<=lim);if(ok)shown++;
it.layers.forEach(function(l){if(ok){if(!it.group.hasLayer(l))it.group.addLayer(l);}else if(it.group.hasLayer(l))it.group.removeLayer(l);});});
if(out)out.textContent=lim?"Showing "+shown+" of "+cfg.items.length:"";
declutter();
}
if(sel){sel.addEventListener("change",filter);filter();}
var last=-1;
function post(){if(window.parent===window)return;var h=Math.ceil(document.body.getBoundingClientRect().height);
if(h!==last){last=h;window.parent.postMessage({type:"geomap:height",height:h},"*");}}
if(window.ResizeObserver)new ResizeObserver(post).observe(document.body);
window.addEventListener("load",post);window.addEventListener("resize",post);
var txt=document.getElementById("gm-text");if(txt)txt.addEventListener("toggle",post);
declutter();post();
window.geomapReady=performance.now();
document.dispatchEvent(new CustomEvent("geomap:ready",{detail:{ms:window.geomapReady}}));
}
"""
