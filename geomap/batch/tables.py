"""The analyst's tables: one fixed Arrow schema each, written as GeoParquet.

Schemas are fixed up front (not inferred from the rows) so that every partition's file has the
same columns and types, however few rows it holds, and the partitions concatenate into one file.
Geometry is WKB with GeoParquet metadata; no CRS is written, which the specification reads as
OGC:CRS84 (WGS 84 longitude/latitude, i.e. EPSG:4326 in lon/lat order).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import shapely

from ..layers import arc_geometry, distance_km
from ..models import Result

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "places": [("doc_id", _S), ("doc_date", _S), ("place_id", _S), ("name", _S), ("kind", _S),
               ("country_code", _S), ("lat", _F), ("lon", _F), ("score", _F), ("mention_count", _I),
               ("role", _S)],
    "mentions": [("doc_id", _S), ("doc_date", _S), ("place_id", _S), ("name", _S), ("start", _I),
                 ("end", _I), ("text", _S), ("demonym", _B)],
    "movements": [("doc_id", _S), ("doc_date", _S), ("event_index", _I), ("origin_id", _S),
                  ("origin_name", _S), ("destination_id", _S), ("destination_name", _S), ("actor", _S),
                  ("what", _S), ("quantity", _S), ("quantity_value", _F), ("date", _S), ("source", _S),
                  ("certainty", _S), ("evidence", _S), ("evidence_start", _I), ("evidence_end", _I),
                  ("distance_km", _F)],
    "presences": [("doc_id", _S), ("doc_date", _S), ("event_index", _I), ("place_id", _S),
                  ("place_name", _S), ("what", _S), ("quantity", _S), ("quantity_value", _F),
                  ("date", _S), ("source", _S), ("certainty", _S), ("evidence", _S),
                  ("evidence_start", _I), ("evidence_end", _I)],
    "failures": [("doc_id", _S), ("input", _S), ("error", _S)],
}
GEOMETRY_TYPES = {"places": ["Point"], "mentions": ["Point"], "presences": ["Point"],
                  "movements": ["LineString", "MultiLineString"]}
TABLES = tuple(SCHEMAS)


def schema(table: str) -> pa.Schema:
    fields = [pa.field(n, t) for n, t in SCHEMAS[table]]
    if table not in GEOMETRY_TYPES:
        return pa.schema(fields)
    geo = {"version": "1.1.0", "primary_column": "geometry",
           "columns": {"geometry": {"encoding": "WKB", "geometry_types": GEOMETRY_TYPES[table]}}}
    return pa.schema([*fields, pa.field("geometry", pa.binary())], metadata={b"geo": json.dumps(geo).encode()})


def rows(results: Iterable[Result]) -> dict[str, list[dict]]:
    """Every table's rows for these results; geometry as shapely objects (None where unknown)."""
    from ..layers import place_roles

    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for res in results:
        doc = res.document
        base = {"doc_id": doc.id, "doc_date": doc.date}
        roles = place_roles(res)
        for rp in res.places:
            p = rp.place
            pt = shapely.Point(p.lon, p.lat)
            out["places"].append({**base, "place_id": p.id, "name": p.name, "kind": p.kind,
                                  "country_code": p.country_code, "lat": p.lat, "lon": p.lon,
                                  "score": float(rp.score), "mention_count": len(rp.mentions),
                                  "role": roles[p.id], "geometry": pt})
            for m in rp.mentions:
                out["mentions"].append({**base, "place_id": p.id, "name": p.name, "start": m.start,
                                        "end": m.end, "text": m.text, "demonym": m.demonym, "geometry": pt})
        for i, ev in enumerate(res.events):
            said = {"event_index": i, "what": ev.what, "quantity": ev.quantity,
                    "quantity_value": ev.quantity_value, "date": ev.date, "source": ev.source,
                    "certainty": ev.certainty, "evidence": ev.evidence.text,
                    "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end}
            if ev.kind == "movement":
                a = res.place(ev.origin) if ev.origin else None
                b = res.place(ev.destination) if ev.destination else None
                geom, km = None, None
                if a and b and (a.place.lon, a.place.lat) != (b.place.lon, b.place.lat):
                    geom = arc_geometry(a.place.lon, a.place.lat, b.place.lon, b.place.lat)
                    km = distance_km(a.place.lon, a.place.lat, b.place.lon, b.place.lat)
                out["movements"].append({**base, **said, "origin_id": ev.origin,
                                         "origin_name": a.place.name if a else None,
                                         "destination_id": ev.destination,
                                         "destination_name": b.place.name if b else None,
                                         "actor": ev.actor, "distance_km": km, "geometry": geom})
            elif ev.kind == "presence" and ev.place:
                rp = res.place(ev.place)
                out["presences"].append({**base, **said, "place_id": ev.place,
                                         "place_name": rp.place.name if rp else None,
                                         "geometry": shapely.Point(rp.place.lon, rp.place.lat) if rp else None})
    return out


def to_arrow(table: str, records: list[dict]) -> pa.Table:
    sch = schema(table)
    cols = {}
    for f in sch:
        if f.name == "geometry":
            geoms = [r.get("geometry") for r in records]
            cols["geometry"] = pa.array([None if g is None else shapely.to_wkb(g) for g in geoms], pa.binary())
        else:
            cols[f.name] = pa.array([r.get(f.name) for r in records], f.type)
    return pa.table(cols, schema=sch)


def write(table: str, records: list[dict], path: Path) -> None:
    pq.write_table(to_arrow(table, records), path, compression="zstd")


def concatenate(table: str, parts: list[Path], path: Path) -> int:
    """Parts in order into one file, one part in memory at a time; the number of rows."""
    n = 0
    with pq.ParquetWriter(path, schema(table), compression="zstd") as w:
        for part in parts:
            t = pq.read_table(part, schema=schema(table))
            n += t.num_rows
            if t.num_rows:
                w.write_table(t)
    return n
