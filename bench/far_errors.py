#!/usr/bin/env python3
"""Gold toponyms resolved over 161 km away on the dev corpora, counted by cause.

Reads the records of bench/place_records.py and sorts each far error into the first
cause that explains it:

- gold sign: geomap's point lies within 161 km of the gold point with its latitude or
  longitude sign flipped (WikToR writes some western longitudes without their minus:
  Windsor, Missouri at 38.5, 93.5), so the answer is right and the gold point is not;
- country point: a country, and the gold point lies in that country (the corpora put
  countries at different points: GeoVirus at Wikipedia's, the others at GeoNames');
- area point: a first-level region, region, continent or sea, and the gazetteer has no
  place of the name within 161 km of the gold point: the gold puts the area at another
  point (GeoVirus's Queensland 392 km from GeoNames', its Europe in Germany);
- not in gazetteer: none of the name's candidates lies within 161 km of the gold point,
  so no reading could have been right (WikToR's small towns; a place known by another name);
- same country: another place of the name, or the region of a city's name, in the gold's
  country, when one near the gold point was among the candidates;
- other country: likewise, a namesake abroad.

The last two are the resolver's own wrong dots; the first four are the gold's conventions
and errors or the gazetteer's coverage.

    python bench/place_records.py -o /tmp/records.jsonl
    python bench/far_errors.py /tmp/records.jsonl [--list CAUSE]
"""
import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap.distance import country_of, haversine_km  # noqa: E402

CAUSES = ("gold sign", "country point", "area point", "not in gazetteer", "same country", "other country")
AREAS = frozenset({"admin1", "region", "continent", "sea", "gulf", "strait"})


def cause(r: dict) -> str:
    glat, glon, lat, lon = r["gold_lat"], r["gold_lon"], r["lat"], r["lon"]
    if min(haversine_km(glat, -glon, lat, lon), haversine_km(-glat, glon, lat, lon)) <= 161:
        return "gold sign"
    here, there = country_of(lat, lon), country_of(glat, glon)
    if r["kind"] == "country" and here is not None and here == there:
        return "country point"
    far_from_candidates = r.get("candidate_km") is not None and r["candidate_km"] > 161
    if far_from_candidates:
        return "area point" if r["kind"] in AREAS else "not in gazetteer"
    return "same country" if here is not None and here == there else "other country"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("records")
    ap.add_argument("--list", choices=CAUSES, help="print the errors of one cause")
    a = ap.parse_args()
    far = [r for r in map(json.loads, open(a.records, encoding="utf-8"))
           if r["error_km"] is not None and r["error_km"] > 161]
    table = defaultdict(Counter)
    for r in far:
        c = cause(r)
        table[r["corpus"]][c] += 1
        if a.list == c:
            print(f'{r["corpus"]}\t{r["doc"]}\t{r["text"]}\t-> {r["name"]} ({r["cc"]}, {r["kind"]})\t{r["error_km"]:.0f} km')
    print(f"{'corpus':<12}{'far':>6}" + "".join(f"{c:>17}" for c in CAUSES))
    for corpus in sorted(table):
        row = table[corpus]
        print(f"{corpus:<12}{sum(row.values()):>6}" + "".join(f"{row[c]:>17}" for c in CAUSES))
    total = Counter()
    for row in table.values():
        total.update(row)
    print(f"{'all':<12}{sum(total.values()):>6}" + "".join(f"{total[c]:>17}" for c in CAUSES))


if __name__ == "__main__":
    main()
