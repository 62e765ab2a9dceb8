"""Results as plain data: JSON objects, GeoJSON (RFC 7946) and CSV rows.

Field names here are a public contract (other tools parse them), so they change
only by addition.
"""
from __future__ import annotations

import csv
import io
import os

from .models import Event, Result

CSV_COLUMNS = ["doc_id", "place_id", "name", "kind", "country_code", "lat", "lon", "score",
               "mentions", "mention_texts", "first_start", "first_end"]


def result_to_dict(r: Result) -> dict:
    d = {
        "id": r.document.id,
        "lang": r.document.lang,
        "places": [{
            "id": rp.place.id,
            "name": rp.place.name,
            "kind": rp.place.kind,
            "country_code": rp.place.country_code,
            "lat": round(rp.place.lat, 5),
            "lon": round(rp.place.lon, 5),
            "score": rp.score,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text, **({"demonym": True} if m.demonym else {})}
                         for m in rp.mentions],
        } for rp in r.places],
        "events": [event_to_dict(e) for e in r.events],
    }
    for key in ("title", "date", "url", "path"):
        v = getattr(r.document, key)
        if v:
            d[key] = v
    return d


def event_to_dict(e: Event) -> dict:
    return {
        "kind": e.kind, "origin": e.origin, "destination": e.destination, "place": e.place,
        "actor": e.actor, "what": e.what, "quantity": e.quantity, "quantity_value": e.quantity_value,
        "date": e.date, "source": e.source, "certainty": e.certainty, "mover": e.mover, "path": list(e.path),
        "evidence": {"start": e.evidence.start, "end": e.evidence.end, "text": e.evidence.text},
    }


def to_geojson(results: list[Result]) -> dict:
    """A FeatureCollection: a Point per place per document, a LineString per movement.

    Movement lines follow the great circle and are split at the antimeridian into a
    MultiLineString, as RFC 7946 section 3.1.9 asks; coordinates are [lon, lat].
    """
    from .layers import arc_geometry, movements

    features = []
    for r in results:
        for rp in r.places:
            p = rp.place
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(p.lon, 5), round(p.lat, 5)]},
                "properties": {
                    "doc_id": r.document.id, "id": p.id, "name": p.name, "kind": p.kind,
                    "country_code": p.country_code, "lat": round(p.lat, 5), "lon": round(p.lon, 5),
                    "score": rp.score, "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in rp.mentions],
                },
            })
        for mv in movements(r):  # both ends on the map and apart
            e, a, b = mv.event, mv.origin.place, mv.destination.place
            line = arc_geometry(a.lon, a.lat, b.lon, b.lat)
            parts = [line] if line.geom_type == "LineString" else list(line.geoms)
            coords = [[[round(x, 5), round(y, 5)] for x, y in part.coords] for part in parts]
            geom = {"type": "LineString", "coordinates": coords[0]} if len(coords) == 1 else \
                {"type": "MultiLineString", "coordinates": coords}
            features.append({"type": "Feature", "geometry": geom,
                             "properties": {"doc_id": r.document.id, **event_to_dict(e)}})
    return {"type": "FeatureCollection", "features": features}


# A spreadsheet runs a cell that starts with one of these as a formula
# ("=HYPERLINK(...)" in a document id or a user gazetteer's name).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A text cell made inert for spreadsheets: a leading ' when it could start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(results: list[Result]) -> str:
    """One row per place per document. Text cells are neutralised (csv_cell); numbers
    are written by geomap, so a minus sign there stays a number."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in results:
        for rp in r.places:
            p = rp.place
            w.writerow([csv_cell(r.document.id), csv_cell(p.id), csv_cell(p.name), csv_cell(p.kind),
                        csv_cell(p.country_code), f"{p.lat:.5f}", f"{p.lon:.5f}",
                        rp.score, len(rp.mentions), csv_cell("|".join(m.text for m in rp.mentions)),
                        rp.mentions[0].start, rp.mentions[0].end])
    return buf.getvalue()


MOVEMENT_COLUMNS = ["doc_id", "origin_id", "origin", "origin_lat", "origin_lon", "destination_id", "destination",
                    "destination_lat", "destination_lon", "what", "quantity", "quantity_value", "date", "source",
                    "certainty", "evidence"]


def to_movements_csv(results: list[Result]) -> str:
    """The movements with both ends known, one row each, as the map draws them. Text
    cells are neutralised like the places' (csv_cell)."""
    from .layers import movements

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(MOVEMENT_COLUMNS)
    for r in results:
        for mv in movements(r):
            ev, a, b = mv.event, mv.origin.place, mv.destination.place
            # Text cells through csv_cell (a sentence or source may start with "=" or "-").
            w.writerow([csv_cell(r.document.id), csv_cell(a.id), csv_cell(a.name), f"{a.lat:.5f}", f"{a.lon:.5f}",
                        csv_cell(b.id), csv_cell(b.name), f"{b.lat:.5f}", f"{b.lon:.5f}", csv_cell(ev.what),
                        csv_cell(ev.quantity), "" if ev.quantity_value is None else ev.quantity_value,
                        csv_cell(ev.date), csv_cell(ev.source), csv_cell(ev.certainty),
                        csv_cell(" ".join(ev.evidence.text.split()) if ev.evidence else "")])
    return buf.getvalue()


def write_geopackage(results: list[Result], path: str) -> None:
    """Places and movements as two layers of one GeoPackage, written atomically.

    The layers are frames.to_geodataframe's, so their columns are frames.COLUMNS.
    GDAL writes into a private scratch folder, never at a path the user chose: pyogrio
    reads "!" and "scheme://" in a path as archive and URL syntax, and GDAL trims names,
    so it could write somewhere else. The finished file is then copied to ``path``
    through output.atomic_writer, with the checks every output gets."""
    import os
    import shutil
    import tempfile

    from .errors import OutputError
    from .frames import to_geodataframe
    from .output import atomic_writer, check_target

    check_target(path)
    places = to_geodataframe(results, "places")
    arcs = to_geodataframe(results, "movements")
    try:
        with tempfile.TemporaryDirectory(prefix="geomap-gpkg-") as scratch:
            tmp = os.path.join(scratch, "layers.gpkg")
            try:
                places.to_file(tmp, layer="places", driver="GPKG")
                if len(arcs):
                    arcs.to_file(tmp, layer="movements", driver="GPKG")
            except Exception as e:
                # GDAL reports a full disk or a file size limit as its own error types.
                if type(e).__module__.split(".")[0] in ("pyogrio", "fiona"):
                    raise OutputError(f"cannot write {path}: {e}") from e
                raise
            with open(tmp, "rb") as src, atomic_writer(path, "wb") as dst:
                shutil.copyfileobj(src, dst)
    except OSError as e:  # the scratch folder itself (no space in the temporary folder)
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from e
