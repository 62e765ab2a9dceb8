"""What every geomap page is built from: inlined Leaflet, the offline outline, basemaps,
credits, and the two escapes (HTML text, JSON inside <script>)."""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import itertools
import json
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from branca.element import Element

DATA_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
OUTLINE_PATH = os.path.join(DATA_DIR, "world_outline.geojson")

# The sources' names and links: the interface's words around them are translated
# (geomap/data/ui), these never are.
GEONAMES_LINKS = {"geonames": '<a href="https://www.geonames.org/">GeoNames</a>',
                  "licence": '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'}
NATURAL_EARTH_LINK = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>'
GEONAMES_CREDIT = "Place data © {geonames} ({licence})".format(**GEONAMES_LINKS)
NATURAL_EARTH_CREDIT = f"Country outlines: {NATURAL_EARTH_LINK} (public domain)"
OSM_ATTR = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'

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

_ID_LOCK = threading.RLock()  # re-entered by a page rendered while a map is built


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _esc_folium(value) -> str:
    """Escaped text for a folium element's HTML or names (the map's aria label, layer
    names): branca compiles that output as a Jinja template once more, so a "{" is
    written as a character reference and a translation's "{{" stays text."""
    return _esc(value).replace("{", "&#123;").replace("}", "&#125;")


def _js(value) -> str:
    """JSON for a <script> block: nothing in it can close the script, open a tag, or
    start a Jinja tag.

    branca compiles each element's rendered script as a Jinja template once more
    (MacroElement.render wraps it in Element(...)), so article text with "{{", "{%" or
    "{#" would be evaluated there: a "{" before one of those is written \\u007b. In
    compact JSON a structural "{" is always followed by '"' or '}', never by these.
    """
    text = (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
    return _JINJA_OPEN.sub(r"\\u007b", text)


_JINJA_OPEN = re.compile(r"\{(?=[{%#])")


def page_head(title: str, lang: str = "en") -> str:
    """The opening of every geomap page, up to the stylesheets (the title escaped)."""
    return f"""<!DOCTYPE html>
<html lang="{_esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="geomap">
<title>{_esc(title)}</title>
<link rel="icon" href="data:,">
"""


def _squeeze(code: str) -> str:
    # folium's templates indent heavily; the indentation is a fifth of the script.
    # Safe because no template used here puts a multi-line string literal in the page.
    return "\n".join(line.strip() for line in code.splitlines() if line.strip())


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
    """The outline as delta-coded hundredths of a degree, one list per country
    (polygons of rings of [x0, y0, dx1, dy1, ...]): 40% of the GeoJSON's size.
    OUTLINE_DECODE turns it back into GeoJSON in the page.

    Coding it costs a one-map run 70 ms, so the result is kept in the cache folder,
    named by the GeoJSON's CRC and checked by its own (a damaged copy is coded anew)."""
    import zlib

    from ..gazetteer import atomic_write_bytes, cache_dir

    with open(OUTLINE_PATH, "rb") as fh:
        raw = fh.read()
    cached = cache_dir() / f"outline-{zlib.crc32(raw):08x}.js"
    try:
        crc, _, js = cached.read_bytes().partition(b"\n")
        if crc == f"{zlib.crc32(js):08x}".encode():
            return js.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    js = _outline_coded(json.loads(raw))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        data = js.encode("utf-8")
        atomic_write_bytes(cached, f"{zlib.crc32(data):08x}\n".encode() + data)
    except OSError:
        pass  # a read-only cache: coded again next run
    return js


def _outline_coded(data: dict) -> str:
    feats = []
    for f in data["features"]:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        out = []
        for poly in polys:
            rings = []
            for ring in poly:
                flat, px, py = [], 0, 0
                for x, y in ring:
                    ix, iy = round(x * 100), round(y * 100)
                    flat += [ix - px, iy - py]
                    px, py = ix, iy
                rings.append(flat)
            out.append(rings)
        feats.append(out)
    return _js(feats)


# Inverse of _outline_js, inlined where the outline is drawn.
OUTLINE_DECODE = ("function(fs){return {type:'FeatureCollection',features:fs.map(function(f){"
                  "return {type:'Feature',properties:{},geometry:{type:'MultiPolygon',coordinates:f.map(function(p){"
                  "return p.map(function(r){var o=[],x=0,y=0;for(var i=0;i<r.length;i+=2){x+=r[i];y+=r[i+1];"
                  "o.push([x/100,y/100]);}return o;});})}};})};}")


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


@functools.lru_cache(maxsize=None)
def runtime_js(name: str) -> str:
    """A script shipped beside this module (runtime.js), ready to inline."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), name), encoding="utf-8") as fh:
        return fh.read().replace("</script", "<\\/script")
