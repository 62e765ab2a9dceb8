"""Results as tables: GeoDataFrames (EPSG:4326) and a short HTML summary for notebooks.

The GeoPackage that ``geomap extract --format gpkg`` writes is these frames, one layer
each, so COLUMNS is the one definition of both. geopandas is imported only when a frame
is built: it costs about a second, which ``geomap extract`` to JSON never pays.

    >>> import geomap
    >>> r = geomap.extract("Ships carried troops from Vladivostok to Busan.")
    >>> to_geodataframe(r, "movements")[["origin_name", "destination_name", "what"]]
      origin_name destination_name    what
    0 Vladivostok            Busan  troops
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from shapely.geometry import Point

from .layers import ARC_POINTS, CRS, arc_geometry, distance_km, movements, place_roles
from .models import Event, Result

if TYPE_CHECKING:
    import geopandas

__all__ = ["COLUMNS", "LAYERS", "Layer", "layer_rows", "to_geodataframe"]

Layer = Literal["places", "mentions", "movements", "presences"]
LAYERS: tuple[str, ...] = ("places", "mentions", "movements", "presences")

# Column -> pandas dtype, per layer, in order; every frame also has "geometry".
# Text is pandas' "string" dtype so a column with no value in any row still reads back
# from GeoParquet as text, and numbers keep their type when every value is missing.
_TEXT, _INT, _FLOAT, _BOOL = "string", "int64", "float64", "bool"
_EVENT_FIELDS = {
    "actor": _TEXT, "what": _TEXT, "quantity": _TEXT, "quantity_value": _FLOAT,
    "date": _TEXT, "source": _TEXT, "certainty": _TEXT, "evidence": _TEXT,
    "evidence_start": _INT, "evidence_end": _INT,
}
COLUMNS: dict[str, dict[str, str]] = {
    # one row per (document, place): the place's point
    "places": {
        "id": _TEXT, "name": _TEXT, "kind": _TEXT, "country_code": _TEXT, "score": _FLOAT,
        "mention_count": _INT, "role": _TEXT, "doc_id": _TEXT, "doc_date": _TEXT,
    },
    # one row per stretch of text naming a place: the place's point
    "mentions": {
        "doc_id": _TEXT, "place_id": _TEXT, "name": _TEXT, "text": _TEXT,
        "start": _INT, "end": _INT, "demonym": _BOOL, "doc_date": _TEXT,
    },
    # one row per movement with both ends on the map: its great-circle line, split
    # into a MultiLineString where it crosses the antimeridian
    "movements": {
        "event_index": _INT, "doc_id": _TEXT, "origin": _TEXT, "destination": _TEXT,
        "origin_name": _TEXT, "destination_name": _TEXT, **_EVENT_FIELDS,
        "distance_km": _FLOAT, "crosses_antimeridian": _BOOL, "doc_date": _TEXT,
    },
    # one row per presence event at a known place: the place's point
    "presences": {
        "event_index": _INT, "doc_id": _TEXT, "place": _TEXT, "place_name": _TEXT,
        **_EVENT_FIELDS, "doc_date": _TEXT,
    },
}


def to_geodataframe(results: Result | Iterable[Result], layer: Layer = "places", *,
                    npts: int = ARC_POINTS) -> "geopandas.GeoDataFrame":
    """One layer of one or several Results as a GeoDataFrame in EPSG:4326.

    layer: "places", "mentions", "movements" or "presences" (columns in COLUMNS, plus
    geometry). npts: points along each movement's great circle.

    >>> import geomap
    >>> r = geomap.extract("Troops moved from Vladivostok to Khabarovsk.", doc_id="a")
    >>> places = to_geodataframe(r)
    >>> places[["name", "role", "doc_id"]]
              name         role doc_id
    0  Vladivostok       origin      a
    1   Khabarovsk  destination      a
    >>> places.crs.to_epsg()
    4326
    """
    return _frame(layer_rows(results, layer, npts=npts), COLUMNS[layer])


def layer_rows(results: Result | Iterable[Result], layer: Layer, *, npts: int = ARC_POINTS) -> list[dict]:
    """One layer's rows as dicts (COLUMNS[layer] plus a shapely "geometry"): what the
    GeoDataFrames, the GeoPackage and geomap batch's GeoParquet tables are made of."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; choose one of: {', '.join(LAYERS)}")
    results = [results] if isinstance(results, Result) else list(results)
    return [row for res in results for row in _ROWS[layer](res, npts)]


def _frame(rows: list[dict], columns: dict[str, str]) -> "geopandas.GeoDataFrame":
    import geopandas
    import pandas as pd

    data = {c: pd.Series([r[c] for r in rows], dtype=t) for c, t in columns.items()}
    geometry = geopandas.GeoSeries([r["geometry"] for r in rows], crs=CRS)
    return geopandas.GeoDataFrame(pd.DataFrame(data), geometry=geometry, crs=CRS)


def _event_fields(ev: Event) -> dict:
    return {
        "actor": ev.actor, "what": ev.what, "quantity": ev.quantity,
        "quantity_value": ev.quantity_value, "date": ev.date, "source": ev.source,
        "certainty": ev.certainty, "evidence": ev.evidence.text,
        "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
    }


def _place_rows(res: Result, npts: int) -> Iterable[dict]:
    roles = place_roles(res)
    for rp in res.places:
        p = rp.place
        yield {"id": p.id, "name": p.name, "kind": p.kind, "country_code": p.country_code,
               "score": float(rp.score), "mention_count": len(rp.mentions), "role": roles[p.id],
               "doc_id": res.document.id, "doc_date": res.document.date, "geometry": Point(p.lon, p.lat)}


def _mention_rows(res: Result, npts: int) -> Iterable[dict]:
    for rp in res.places:
        p = rp.place
        for m in rp.mentions:
            yield {"doc_id": res.document.id, "place_id": p.id, "name": p.name, "text": m.text,
                   "start": m.start, "end": m.end, "demonym": m.demonym,
                   "doc_date": res.document.date, "geometry": Point(p.lon, p.lat)}


def _movement_rows(res: Result, npts: int) -> Iterable[dict]:
    for mv in movements(res):
        a, b, ev = mv.origin.place, mv.destination.place, mv.event
        geom = arc_geometry(a.lon, a.lat, b.lon, b.lat, npts)
        yield {"event_index": mv.index, "doc_id": res.document.id,
               "origin": a.id, "destination": b.id,
               "origin_name": a.name, "destination_name": b.name, **_event_fields(ev),
               "distance_km": distance_km(a.lon, a.lat, b.lon, b.lat),
               "crosses_antimeridian": geom.geom_type == "MultiLineString",
               "doc_date": res.document.date, "geometry": geom}


def _presence_rows(res: Result, npts: int) -> Iterable[dict]:
    for i, ev in enumerate(res.events):
        rp = res.place(ev.place) if ev.kind == "presence" and ev.place else None
        if rp is None:
            continue
        yield {"event_index": i, "doc_id": res.document.id, "place": rp.place.id,
               "place_name": rp.place.name, **_event_fields(ev), "doc_date": res.document.date,
               "geometry": Point(rp.place.lon, rp.place.lat)}


_ROWS = {"places": _place_rows, "mentions": _mention_rows, "movements": _movement_rows,
         "presences": _presence_rows}


# ------------------------------------------------------------- notebook summary

_SUMMARY_ROWS = 15


def summary_html(res: Result) -> str:
    """A short HTML summary of one Result: its places and movements as tables.

    Every value from the text is escaped.
    """
    esc = lambda v: html.escape("" if v is None else str(v), quote=True)  # noqa: E731
    doc = res.document
    moves = movements(res)
    head = " · ".join(esc(x) for x in (doc.title or doc.id, doc.lang, doc.date) if x)
    out = [f"<div><p><strong>{head}</strong>: {len(res.places)} place{'s' if len(res.places) != 1 else ''}, "
           f"{len(moves)} movement{'s' if len(moves) != 1 else ''}</p>"]

    def table(header: list[str], rows: list[list]) -> None:
        out.append("<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr></thead><tbody>")
        for row in rows[:_SUMMARY_ROWS]:
            out.append("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>")
        out.append("</tbody></table>")
        if len(rows) > _SUMMARY_ROWS:
            out.append(f"<p>… and {len(rows) - _SUMMARY_ROWS} more</p>")

    if res.places:
        roles = place_roles(res)
        table(["Place", "Kind", "Country", "Role", "Named", "Score"],
              [[rp.place.name, rp.place.kind, rp.place.country_code, roles[rp.place.id],
                len(rp.mentions), f"{float(rp.score):.2f}"] for rp in res.places])
    if moves:
        table(["From", "To", "What", "How many", "When", "Source", "Certainty"],
              [[mv.origin.place.name, mv.destination.place.name, mv.event.what,
                mv.event.quantity, mv.event.date, mv.event.source, mv.event.certainty]
               for mv in moves])
    out.append("</div>")
    return "".join(out)
