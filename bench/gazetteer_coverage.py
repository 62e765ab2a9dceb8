#!/usr/bin/env python3
"""How much of the dev corpora's gold a gazetteer can answer at all.

For each gold toponym with coordinates: is its name in the gazetteer (recall of
names), and is one of the rows it names within 161 km of the gold point (the
ceiling on accuracy@161 that any resolver over this gazetteer can reach)? Run it
on the embedded gazetteer and on an alternative build to weigh a size trade:

    python scripts/build_gazetteer.py --cities 500 -o /tmp/gaz500.csv
    python bench/gazetteer_coverage.py gazetteer.csv /tmp/gaz500.csv
"""
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap import gazetteer as gz  # noqa: E402
from geomap.geocode import haversine_km  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev"


def coverage(g, corpus):
    named = near = total = 0
    for line in open(corpus, encoding="utf-8"):
        doc = json.loads(line)
        for t in doc["toponyms"]:
            if t.get("lat") is None:
                continue
            total += 1
            cands = g.lookup(t["name"])
            if cands:
                named += 1
                if any(haversine_km(t["lat"], t["lon"], float(g.lat[c.row]), float(g.lon[c.row])) <= 161 for c in cands):
                    near += 1
    return total, named / total, near / total


def main():
    paths = [Path(p).resolve() for p in sys.argv[1:]] or [ROOT / "gazetteer.csv"]
    print(f"{'gazetteer':<28}{'size MB':>8}{'rows':>9}  " + "  ".join(f"{c.stem[:10]:>10} names/≤161km" for c in sorted(DEV.glob('*.jsonl'))))
    for p in paths:
        with tempfile.TemporaryDirectory() as cache:
            index = Path(cache) / "index"
            gz.build_index([p], index)
            g = gz.Gazetteer([p], index)
            cells = []
            for corpus in sorted(DEV.glob("*.jsonl")):
                total, named, near = coverage(g, corpus)
                cells.append(f"{named:>10.3f} / {near:.3f}    ")
            print(f"{p.name:<28}{os.path.getsize(p) / 1e6:>8.1f}{len(g):>9}  " + "  ".join(cells))


if __name__ == "__main__":
    main()
