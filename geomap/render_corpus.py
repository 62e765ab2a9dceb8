"""The corpus map: a batch output's routes as one page, the busiest labelled, filterable by month.

Routes go into the page as one data block that a small script draws, so the page's size depends
on the number of routes kept (flows.MAX_ROUTES), not on the corpus. Built from the same pieces as
the article map (render.py): inlined Leaflet, the offline outline, escaped data.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import folium
import shapely
from branca.element import MacroElement
from folium.template import Template

from .batch.flows import Route, routes
from .render import (category_of, TILES, _LIGHT, _esc, _js, _leaflet_assets, _Map,
                     _Outline, _squeeze, _stable_ids)
from .render.assets import _esc_folium, GEONAMES_LINKS, NATURAL_EARTH_LINK, page_head
from .render.ui import UI, known_code, languages

LABELLED = 10


def color(cat: str) -> str:
    """The category's colour of the article map's fixed grammar (render.palette)."""
    return category_of(cat).colour


def _latlon_parts(wkb: bytes) -> list[list[list[float]]]:
    g = shapely.from_wkb(wkb)
    lines = list(g.geoms) if g.geom_type == "MultiLineString" else [g]
    return [[[round(y, 3), round(x, 3)] for x, y in line.coords] for line in lines]


def _route_data(rt: Route, ui: UI) -> dict:
    return {"o": rt.origin_name, "d": rt.destination_name, "c": ui("cat." + category_of(rt.category).key),
            "k": color(rt.category),
            "n": rt.reports, "u": rt.undated, "m": dict(sorted(rt.months.items())),
            "docs": len(rt.documents), "p": _latlon_parts(rt.line)}


class _Flows(MacroElement):
    _template = Template("""{% macro script(this, kwargs) %}
geomapFlows({map: {{ this._parent.get_name() }}, routes: {{ this.data }}, labelled: {{ this.labelled }}, lang: {{ this.lang }}, ui: {{ this.ui }}});
{% endmacro %}""")

    def __init__(self, data: str, ui: UI):
        super().__init__()
        self._name = "Flows"
        self.data = data
        self.labelled = LABELLED
        self.lang, self.ui = _js(ui.code), _js(ui.js())


def corpus_language(out_dir: Path, sample: int = 500) -> str | None:
    """The language most of the corpus's first documents are in (a bounded read)."""
    langs: list[str] = []
    try:
        with open(out_dir / "documents.jsonl", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= sample:
                    break
                try:
                    code = json.loads(line).get("lang")
                except (ValueError, AttributeError):
                    continue
                if code:
                    langs.append(code)
    except OSError:
        return None
    return max(dict.fromkeys(langs), key=langs.count) if langs else None


def _named(kept: list[Route], lang: str | None) -> list[Route]:
    """The routes with their places named as the corpus's language writes them
    (Москва, not Moscow), for a language read through a morphology library."""
    import dataclasses

    from .lang import available, load_data
    from .models import Place
    from .render.spelling import Speller

    if not kept or lang not in available() or not load_data(lang).get("morphology"):
        return kept
    from . import gazetteer as gz

    spell = Speller(gz.load(quiet=True), lang)
    names: dict[str, str] = {}

    def name(pid: str, default: str) -> str:
        if pid not in names:
            names[pid] = spell.own(Place(pid, default, "", "", 0.0, 0.0), []) or default
        return names[pid]

    return [dataclasses.replace(rt, origin_name=name(rt.origin, rt.origin_name),
                                destination_name=name(rt.destination, rt.destination_name)) for rt in kept]


def render_corpus_html(out_dir: str | Path, *, title: str | None = None, tiles: str = "carto-light",
                       ui_lang: str | None = None) -> str:
    """The flow map of a `geomap batch` output folder as a self-contained page.

    ui_lang: the language of the page's words (default: the corpus's language)."""
    out_dir = Path(out_dir)
    if ui_lang is not None and not known_code(ui_lang):
        raise ValueError(f"unknown interface language {ui_lang!r}; geomap has interface words for: "
                         f"{', '.join(languages())}")
    lang = corpus_language(out_dir)
    ui = UI(ui_lang or lang)
    summary = json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))
    kept, total = routes(out_dir)
    spec = TILES[tiles]
    palette = spec.palette or _LIGHT
    title = title or ui("corpus.title", name=out_dir.name or ui("corpus.the_corpus"))
    data = [_route_data(rt, ui) for rt in _named(kept, lang)]
    with _stable_ids():
        m = _Map(location=[25.0, 20.0], tiles=None, zoom_start=2, zoom_control=True, scroll_wheel_zoom=False,
                 zoom_snap=0.5, minZoom=1)
        m.aria_label = _esc_folium(ui("corpus.aria"))
        if spec.url:
            folium.TileLayer(tiles=spec.url, attr=spec.attribution, max_zoom=spec.max_zoom,
                             subdomains=spec.subdomains, control=False).add_to(m)
        folium.map.CustomPane("gmOutline", z_index=150, pointer_events=False).add_to(m)
        m.add_child(_Outline(palette))
        m.add_child(_Flows(_js(data), ui))
        fig = m.get_root()
        fig.header._children.pop("meta_http", None)
        for child in list(fig._children.values()):
            child.render()
        body, script = fig.html.render(), fig.script.render()
    js, css = _leaflet_assets()
    months = sorted({k for d in data for k in d["m"]})
    lo, hi = (months[0], months[-1]) if months else ("", "")
    shown = ui("corpus.busiest", n=len(kept)) if len(kept) < total else ui("corpus.routes", n=len(kept))
    stats = ui("corpus.stats", documents=ui("corpus.documents", n=summary.get("documents", 0)),
               reports=ui("corpus.reports_known", n=total), shown=shown)
    credits = f'{ui.html("credit.geonames", **GEONAMES_LINKS)}. {ui.html("credit.outline", source=NATURAL_EARTH_LINK)}.'
    return page_head(title, ui.code) + f"""<style>{css}</style>
<style>{_CSS.replace("SEA", palette["sea"])}</style>
</head>
<body>
<header class="gf-head"><h1>{_esc(title)}</h1><p>{_esc(stats)}</p></header>
{_squeeze(body)}
<section class="gf-below">
<form class="gf-when" onsubmit="return false">
<label>{_esc(ui("corpus.from"))} <input type="month" id="gf-from" value="{_esc(lo)}" min="{_esc(lo)}" max="{_esc(hi)}"></label>
<label>{_esc(ui("corpus.to"))} <input type="month" id="gf-to" value="{_esc(hi)}" min="{_esc(lo)}" max="{_esc(hi)}"></label>
<label><input type="checkbox" id="gf-undated" checked> {_esc(ui("corpus.undated"))}</label>
<output id="gf-status"></output>
</form>
<table class="gf-table"><caption>{_esc(ui("corpus.caption"))}</caption>
<thead><tr><th scope="col">{_esc(ui("corpus.col_route"))}</th><th scope="col">{_esc(ui("corpus.col_what"))}</th><th scope="col">{_esc(ui("corpus.col_reports"))}</th><th scope="col">{_esc(ui("corpus.col_documents"))}</th></tr></thead>
<tbody id="gf-rows"></tbody></table>
<p class="gf-credits">{credits} {_esc(ui("corpus.drawn"))}</p>
</section>
<script>{js}</script>
<script>{_RUNTIME}</script>
<script>
{_squeeze(script)}
</script>
</body>
</html>
"""


_CSS = """
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a}
.gf-head{padding:.5rem .9rem}.gf-head h1{font-size:1.15rem;margin:0}.gf-head p{margin:.1rem 0 0;color:#444;font-size:13px}
.gm-map{width:100%;height:clamp(320px,62vh,720px)}.gm-map.leaflet-container{background:SEA}
.gf-below{padding:.5rem .9rem 1rem}.gf-when{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;margin-bottom:.5rem}
.gf-table{border-collapse:collapse;width:100%;max-width:900px;font-size:14px}.gf-table caption{text-align:left;font-weight:600;padding:.3rem 0}
.gf-table th,.gf-table td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd}.gf-table td:nth-child(n+3){text-align:right}
.gf-table tr{cursor:pointer}.gf-table tr:focus{outline:2px solid #111}
.gf-chip{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px}
.gf-credits{font-size:12px;color:#555}.gf-label{font-weight:600;font-size:12px}
"""

_RUNTIME = r"""
function geomapFlows(cfg){
"use strict";
var map=cfg.map,rows=document.getElementById("gf-rows"),from=document.getElementById("gf-from"),
to=document.getElementById("gf-to"),und=document.getElementById("gf-undated"),status=document.getElementById("gf-status");
// The page's words (geomap/data/ui), plural forms by the browser's CLDR rules; set as text.
var W=cfg.ui||{},plural=window.Intl&&Intl.PluralRules?new Intl.PluralRules(cfg.lang||"en"):null;
function say(key,vals,n){var t=W[key];if(t&&typeof t==="object")t=t[plural?plural.select(n):"other"]||t.other;
  return String(t||"").replace(/\{(\w+)\}/g,function(m,k){return k in vals?String(vals[k]):m;});}
var lines=cfg.routes.map(function(r){
  var l=L.polyline(r.p,{color:r.k,opacity:.75,weight:2,className:"gf-route"});
  var box=document.createElement("div"),h=document.createElement("strong");h.textContent=r.o+" \u2192 "+r.d;box.appendChild(h);
  var p=document.createElement("div");box.appendChild(p);l.bindPopup(box);l.gfInfo=p;return l;});
function count(r){var a=from.value,b=to.value,n=und.checked?r.u:0;
  for(var k in r.m){if((!a||k>=a)&&(!b||k<=b))n+=r.m[k];}return n;}
function draw(){
  var shown=[],bounds=[];
  cfg.routes.forEach(function(r,i){var n=count(r),l=lines[i];l.unbindTooltip();
    if(n>0){l.setStyle({weight:1.5+2.2*Math.log2(1+n)});l.gfInfo.textContent=say("c_info",{what:r.c,reports:say("c_reports",{n:n},n),documents:say("c_documents",{n:r.docs},r.docs)});
      if(!map.hasLayer(l))l.addTo(map);shown.push([n,i]);}
    else if(map.hasLayer(l))map.removeLayer(l);});
  shown.sort(function(x,y){return y[0]-x[0]||x[1]-y[1];});
  while(rows.firstChild)rows.removeChild(rows.firstChild);
  shown.forEach(function(s,rank){var r=cfg.routes[s[1]],l=lines[s[1]];
    if(rank<cfg.labelled)l.bindTooltip(r.o+" \u2192 "+r.d+" ("+s[0]+")",{permanent:true,direction:"center",className:"gf-label"});
    if(rank<25){var tr=document.createElement("tr");tr.tabIndex=0;
      [r.o+" \u2192 "+r.d,r.c,String(s[0]),String(r.docs)].forEach(function(v,j){var td=document.createElement("td");
        if(j===1){var c=document.createElement("span");c.className="gf-chip";c.style.background=r.k;td.appendChild(c);}
        td.appendChild(document.createTextNode(v));tr.appendChild(td);});
      var open=function(){map.fitBounds(l.getBounds(),{maxZoom:6,padding:[30,30]});l.openPopup();};
      tr.addEventListener("click",open);tr.addEventListener("keydown",function(e){if(e.key==="Enter"||e.key===" "){e.preventDefault();open();}});
      rows.appendChild(tr);}
    bounds.push(l.getBounds());});
  status.textContent=say("c_status",{shown:shown.length,total:cfg.routes.length},cfg.routes.length);
  return bounds;}
[from,to,und].forEach(function(el){el.addEventListener("change",draw);});
var b=draw();
if(b.length){var all=b[0];for(var i=1;i<Math.min(b.length,cfg.labelled*3);i++)all.extend(b[i]);map.fitBounds(all,{padding:[20,20],maxZoom:6});}
else map.setView([25,20],2);
window.geomapReady=performance.now();
document.dispatchEvent(new CustomEvent("geomap:ready",{detail:{ms:window.geomapReady}}));
}
"""
