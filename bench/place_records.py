#!/usr/bin/env python3
"""Every place geomap predicts on the dev corpora, with whether it is right.

One JSON line per predicted mention: corpus, document, span, name, kind, score, the
calibration features resolve computed for it, and against the gold: whether the span is
a gold toponym (`gold`), its error in km when the gold has coordinates, and `right`
(a gold span that geomap.evaluate.reads_the_place: within 161 km, or for a country the
same country; a gold span without coordinates counts as right).
WikToR marks one name per document, and GeoVirus no demonyms, so mentions those corpora
could not have marked are left out: nothing says whether they are right.

    python bench/place_records.py --raw -o /tmp/records.jsonl   # then bench/fit_calibration.py
    python bench/place_records.py --corpus lgl_dev --far   # gold toponyms resolved over 161 km

The calibration (bench/fit_calibration.py) and the error counts in the README read these.
"""
import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap import confidence  # noqa: E402
from geomap import gazetteer as gz  # noqa: E402
from geomap import resolve as rs  # noqa: E402
from geomap.recognize import Extractor  # noqa: E402
from geomap.distance import haversine_km  # noqa: E402
from geomap.evaluate import DEMONYM_FREE_CORPORA, read_gold, reads_the_place  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev"
CORPORA = ("lgl_dev", "trnews_dev", "geovirus", "wiktor_dev")
PARTIAL = {"wiktor_dev"}  # corpora that annotate only some names


def nearest_candidate_km(g, span, t) -> float | None:
    """km from the gold point to the nearest candidate the gazetteer offered for the span
    (the first resolve weighs): over 161 km, no reading of the name could have been right."""
    if span is None or t.get("lat") is None:
        return None
    rows = [c.row for c in span.candidates[:rs.MAX_CANDIDATES]]
    return round(min(haversine_km(t["lat"], t["lon"], float(g.lat[r]), float(g.lon[r])) for r in rows), 1)


def records(g, corpus: str):
    path = DEV / f"{corpus}.jsonl"
    ex = Extractor(g)
    for doc in read_gold(path):
        gold = {(t["start"], t["end"]): t for t in doc["toponyms"]}
        feats = {}
        rs.FEATURE_SINK = feats if hasattr(rs, "FEATURE_SINK") else None
        # what geomap.extract(text, lang="en", events=False) does, keeping the spans
        spans = ex.find(doc["text"], "en")
        at = {(sp.start, sp.end): sp for sp in spans}
        for rp in rs.resolve(g, doc["text"], spans):
            for m in rp.mentions:
                t = gold.get((m.start, m.end))
                if t is None and (corpus in PARTIAL or (m.demonym and corpus in DEMONYM_FREE_CORPORA)):
                    continue
                err = None
                if t is not None and t.get("lat") is not None:
                    err = haversine_km(t["lat"], t["lon"], rp.place.lat, rp.place.lon)
                yield {"corpus": corpus, "doc": doc.get("doc_id"), "start": m.start, "end": m.end, "text": m.text,
                       "name": rp.place.name, "kind": rp.place.kind, "cc": rp.place.country_code,
                       "lat": rp.place.lat, "lon": rp.place.lon,
                       "gold_lat": t.get("lat") if t else None, "gold_lon": t.get("lon") if t else None,
                       "score": rp.score, "features": feats.get(rp.place.id),
                       "gold": None if t is None and corpus in PARTIAL else t is not None,
                       "gold_name": t["name"] if t else None,
                       "error_km": None if err is None else round(err, 1),
                       "candidate_km": nearest_candidate_km(g, at.get((m.start, m.end)), t) if t else None,
                       "right": t is not None and reads_the_place(t, rp.place.kind, rp.place.lat, rp.place.lon)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", choices=CORPORA)
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--far", action="store_true", help="only gold toponyms resolved over 161 km")
    ap.add_argument("--raw", action="store_true", help="scores without the shipped calibration (to refit it)")
    a = ap.parse_args()
    g = gz.load(quiet=True)
    if a.raw:
        confidence.USE_MODEL = False  # features only: the shipped model may predate them
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")
    for c in a.corpus or CORPORA:
        for rec in records(g, c):
            if a.far and not (rec["error_km"] is not None and rec["error_km"] > 161):
                continue
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.close()


if __name__ == "__main__":
    main()
