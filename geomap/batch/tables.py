"""The analyst's tables as GeoParquet: the notebook's layers (frames.COLUMNS) plus failures.

Schemas are fixed up front from frames.COLUMNS (not inferred from the rows), so every
partition's file has the same columns and types however few rows it holds, and partitions
concatenate into one file; geopandas reads them back with the same columns as
Result.to_geodataframe. Geometry is WKB with GeoParquet metadata; no CRS is written, which the
specification reads as OGC:CRS84 (WGS 84 longitude/latitude, EPSG:4326 in lon/lat order).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import shapely

from ..frames import COLUMNS, LAYERS, layer_rows
from ..models import Result

_ARROW = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
FAILURE_COLUMNS = {"doc_id": "string", "input": "string", "error": "string"}
GEOMETRY_TYPES = {"places": ["Point"], "mentions": ["Point"], "presences": ["Point"],
                  "movements": ["LineString", "MultiLineString"]}
TABLES = (*LAYERS, "failures")


def schema(table: str) -> pa.Schema:
    columns = FAILURE_COLUMNS if table == "failures" else COLUMNS[table]
    fields = [pa.field(name, _ARROW[kind]) for name, kind in columns.items()]
    if table not in GEOMETRY_TYPES:
        return pa.schema(fields)
    geo = {"version": "1.1.0", "primary_column": "geometry",
           "columns": {"geometry": {"encoding": "WKB", "geometry_types": GEOMETRY_TYPES[table]}}}
    return pa.schema([*fields, pa.field("geometry", pa.binary())], metadata={b"geo": json.dumps(geo).encode()})


def rows(results: Iterable[Result]) -> dict[str, list[dict]]:
    """Every layer's rows for these results (failures are the caller's)."""
    results = list(results)
    return {layer: layer_rows(results, layer) for layer in LAYERS}


def to_arrow(table: str, records: list[dict]) -> pa.Table:
    sch = schema(table)
    cols = {}
    for f in sch:
        if f.name == "geometry":
            cols["geometry"] = pa.array([None if r.get("geometry") is None else shapely.to_wkb(r["geometry"])
                                         for r in records], pa.binary())
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
