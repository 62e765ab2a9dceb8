#!/usr/bin/env python3
"""How much of the dev corpora's gold a gazetteer can answer at all.

For each gold toponym with coordinates: is its name in the gazetteer (recall of
names), and is one of the rows it names within 161 km of the gold point (the
ceiling on accuracy@161 that any resolver over this gazetteer can reach)? Run it
on the embedded gazetteer and on an alternative build to weigh a size trade:

    python scripts/build_gazetteer.py --cities 500 -o /tmp/gaz500.csv
    python bench/gazetteer_coverage.py gazetteer.csv /tmp/gaz500.csv

With --misses N it also lists, per corpus, the N most frequent gold names that the
gazetteer lacks and those whose candidates are all farther than 161 km (to see
which kind of place is missing; never to copy names or points from the gold).
"""
import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap import gazetteer as gz  # noqa: E402
from geomap.distance import haversine_km  # noqa: E402
from geomap.evaluate import read_gold  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev"


def coverage(g, corpus, missing: Counter, far: Counter):
    """Shares of gold toponyms whose name the gazetteer knows, and that have a candidate
    within 161 km; the names it lacks go to missing, those only far off to far."""
    named = near = total = 0
    for doc in read_gold(corpus):
        for t in doc["toponyms"]:
            if t.get("lat") is None:
                continue
            total += 1
            cands = g.lookup(t["name"])
            if cands:
                named += 1
                if any(haversine_km(t["lat"], t["lon"], float(g.lat[c.row]), float(g.lon[c.row])) <= 161 for c in cands):
                    near += 1
                else:
                    far[t["name"]] += 1
            else:
                missing[t["name"]] += 1
    return named / total, near / total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gazetteers", nargs="*", type=Path)
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="list the N most frequent misses per corpus")
    args = ap.parse_args()
    paths = [p.resolve() for p in args.gazetteers] or [ROOT / "gazetteer.csv"]
    print(f"{'gazetteer':<28}{'size MB':>8}{'rows':>9}  " + "  ".join(f"{c.stem[:10]:>10} names/≤161km" for c in sorted(DEV.glob('*.jsonl'))))
    for p in paths:
        with tempfile.TemporaryDirectory() as cache:
            index = Path(cache) / "index"
            gz.build_index([p], index)
            g = gz.Gazetteer([p], index)
            cells, misses = [], []
            for corpus in sorted(DEV.glob("*.jsonl")):
                missing, far = Counter(), Counter()
                named, near = coverage(g, corpus, missing, far)
                cells.append(f"{named:>10.3f} / {near:.3f}    ")
                if args.misses:
                    misses.append((corpus.stem, missing, far))
            print(f"{p.name:<28}{os.path.getsize(p) / 1e6:>8.1f}{len(g):>9}  " + "  ".join(cells))
            for stem, missing, far in misses:
                print(f"  {stem}: not in the gazetteer: " + ", ".join(f"{n} ({k})" for n, k in missing.most_common(args.misses)))
                print(f"  {stem}: no candidate within 161 km: " + ", ".join(f"{n} ({k})" for n, k in far.most_common(args.misses)))


if __name__ == "__main__":
    main()
