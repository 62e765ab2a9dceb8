#!/usr/bin/env python3
"""Does geomap stay linear in the text? One document of growing size, events on.

    python bench/bench_scaling.py [--corpora DIR] [--repeat N]

Documents are the dev corpora's texts laid end to end (blank lines between) and cut
at a paragraph near the size asked for, so a longer document names more distinct
places, as a long report does. Each figure is measured in a fresh subprocess (the
median of --repeat runs counts) and set against a baseline from the same run:

1. time per KB of a 1 MB document against that of a 10 KB one (target <= 1.5x);
2. peak resident memory of the process that reads a 3 MB document (target <= 600 MB),
   next to the same process reading 10 KB;
3. a 200,000-character list of place names (the gazetteer's biggest cities, one a line,
   thousands of distinct names), a bracket opened after the first and never closed
   (the case that once re-counted brackets for every mention): target <= 2 s,
   also printed per KB against the 10 KB document.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from bench_extract import load_texts  # noqa: E402

from geomap.api import MAX_CHARS  # noqa: E402

RUN = r"""
import json, resource, sys, time
import geomap
from geomap import gazetteer as gz
g = gz.load(quiet=True)
# Warm-up on another text: the loads any first document pays (language data, the
# events' tables) are not the document's own cost.
geomap.extract(open(sys.argv[2], encoding="utf-8").read(), lang="en", gazetteer=g)
text = open(sys.argv[1], encoding="utf-8").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t, c = time.perf_counter(), time.process_time()
r = geomap.extract(text, lang="en", gazetteer=g, events=True)
dt, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"seconds": dt, "cpu": cpu, "places": len(r.places), "events": len(r.events), "rss_before_mb": before,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

def documents(texts: list[str], size: int) -> str:
    """The dev texts end to end until about size characters (whole texts)."""
    out, n, i = [], 0, 0
    while n < size:
        t = texts[i % len(texts)]
        i += 1
        out.append(t)
        n += len(t) + 2
    text = "\n\n".join(out)
    if len(text) > MAX_CHARS:  # geomap reads up to 3 million characters a document
        text = text[:MAX_CHARS].rsplit("\n\n", 1)[0]
    return text


def name_list(size: int) -> str:
    """The gazetteer's cities, most populous first, one a line, until size characters;
    a bracket opens after the first and never closes."""
    import csv

    from geomap import gazetteer as gz

    with open(gz.default_paths()[0], encoding="utf-8", newline="") as f:
        rows = [(int(float(r["population"] or 0)), r["name"]) for r in csv.DictReader(f) if r["kind"] == "city"]
    rows.sort(key=lambda pn: -pn[0])
    lines, n = [], 0
    for _, name in rows:
        if n >= size:
            break
        lines.append(name if lines else f"{name} (and, below, the other cities of the list:")
        n += len(lines[-1]) + 1
    return "\n".join(lines)[:size]


def measure(text: str, repeat: int, warm: str) -> dict:
    paths = []
    for t in (text, warm):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
            f.write(t)
            paths.append(f.name)
    runs = []
    try:
        for _ in range(repeat):
            p = subprocess.run([sys.executable, "-c", RUN, *paths], capture_output=True, text=True, cwd=ROOT)
            if p.returncode:
                sys.exit(p.stderr.strip().splitlines()[-1] if p.stderr.strip() else f"exit {p.returncode}")
            runs.append(json.loads(p.stdout.strip().splitlines()[-1]))
    finally:
        for path in paths:
            Path(path).unlink()
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = load_texts(args.corpora)
    if not texts:
        sys.exit(f"no corpora in {args.corpora}")

    warm = texts.pop()  # a text of its own: no document below contains it
    small_doc, big_doc, huge_doc = (documents(texts, n) for n in (10_000, 1_000_000, 3_000_000))
    small = measure(small_doc, max(args.repeat, 5), warm)
    big = measure(big_doc, args.repeat, warm)
    huge = measure(huge_doc, 1, warm)
    names_doc = name_list(200_000)
    names = measure(names_doc, args.repeat, warm)

    def per_kb(r: dict, doc: str) -> float:
        return r["seconds"] / (len(doc.encode("utf-8")) / 1024)

    base = per_kb(small, small_doc)
    ratio = per_kb(big, big_doc) / base
    print(f"10 KB document ({len(small_doc):,} chars, {small['places']:.0f} places): "
          f"{base * 1000:8.2f} ms/KB")
    print(f"1 MB document ({len(big_doc):,} chars, {big['places']:.0f} places):  "
          f"{per_kb(big, big_doc) * 1000:8.2f} ms/KB, {big['seconds']:.1f} s")
    print(f"  time per KB, 1 MB / 10 KB: {ratio:.2f}x  (target <= 1.5)  {verdict(ratio <= 1.5)}")
    print(f"3 MB document ({len(huge_doc):,} chars, {huge['places']:.0f} places): {huge['seconds']:.1f} s, "
          f"peak RSS {huge['rss_mb']:.0f} MB (the 10 KB run: {small['rss_mb']:.0f} MB; before the document "
          f"{huge['rss_before_mb']:.0f} MB)")
    print(f"  peak memory with a 3 MB document: {huge['rss_mb']:.0f} MB  (target <= 600)  "
          f"{verdict(huge['rss_mb'] <= 600)}")
    print(f"200k-character list of city names, bracket never closed ({names['places']:.0f} places): "
          f"{names['seconds']:.2f} s, {per_kb(names, names_doc) / base:.2f}x the 10 KB document's time per KB")
    print(f"  list of names: {names['seconds']:.2f} s  (target <= 2)  {verdict(names['seconds'] <= 2.0)}"
          f"  (CPU {names['cpu']:.2f} s; load average {os.getloadavg()[0]:.1f}: other jobs stretch the wall time)")


if __name__ == "__main__":
    main()
