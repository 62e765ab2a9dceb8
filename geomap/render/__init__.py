"""Draw Results as one interactive HTML map (folium / Leaflet), in steps:

story.py (places with their roles, routes, the frame) <- routes.py (repeated reports
grouped, country ends made specific, routes bent apart) <- palette.py (the fixed visual
grammar) and words.py (the article's spelling, dates as people write them); popups.py
and text.py write the words, page.py the folium map and the page, runtime.js draws the
data block in the browser; static.py writes a PNG of the opening view.

The page is self-contained by default: Leaflet's JS and CSS (from the XStatic-Leaflet
package) and a Natural Earth country outline are inlined, so it opens from file:// with
no network; only map tiles are fetched, and the outline shows land when they cannot be.
Output is byte-for-byte deterministic for the same input and options.

Every string that comes from an article (names, sentences, sources...) is HTML-escaped
before it reaches the page, and anything placed inside <script> is JSON-encoded with
<, > and & escaped, so article text can never become markup or code.
"""
from __future__ import annotations

from . import _folium  # noqa: F401  (first: folium without pandas, see _folium.py)
from .assets import (_LIGHT, GEONAMES_CREDIT, NATURAL_EARTH_CREDIT, OUTLINE_PATH, TILES, _esc, _js,
                     _leaflet_assets, _squeeze, _stable_ids)
from .page import BUDGET_BYTES, _Map, _Outline, build_map, embed_snippet, render_html
from .palette import CATEGORIES, category_of
from .words import UNCERTAIN_BELOW, date_key, human_date

__all__ = ["build_map", "render_html", "embed_snippet", "TILES", "date_key", "human_date",
           "CATEGORIES", "category_of", "BUDGET_BYTES", "UNCERTAIN_BELOW", "OUTLINE_PATH", "GEONAMES_CREDIT",
           "NATURAL_EARTH_CREDIT", "_LIGHT", "_esc", "_js", "_leaflet_assets", "_squeeze",
           "_stable_ids", "_Map", "_Outline"]
