"""Throughput and start-up of geomap's extraction, against geotext as the yardstick.

    python bench/bench_extract.py [--corpora DIR] [--repeat N] [--split]

1. words/second of extraction + resolution (geomap.extract, events off, then on) over the text of
   the English dev corpora (../shared/eval/dev/*.jsonl), and of geotext.GeoText on the
   same text in the same run; prints the ratio geomap / geotext.
2. start-up: the one-document CLI calls `geomap extract F` (JSON written, events included)
   and `geomap map F` (as `python -m geomap ...`) against the import floor of the card's
   packages, `python -c "import click, geopy, folium, shapely, geopandas"` (targets
   <= 0.5 and <= 1.2, issue 13), and which heavy packages extract imports (none is the
   target). Each command runs --repeat times; the median counts.
3. with --split, instead: where the time goes, as CPU seconds per stage (recognize, resolve,
   events) over the same text, best of --repeat passes with warm caches, and geotext's CPU
   seconds on it in the same passes, document by document, so a busy machine slows both alike.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("lgl_dev.jsonl", "trnews_dev.jsonl", "geovirus.jsonl", "wiktor_dev.jsonl")


def load_texts(folder: Path) -> list[str]:
    from geomap.evaluate import read_gold

    return [doc["text"] for name in CORPORA if (folder / name).is_file() for doc in read_gold(folder / name)]


def throughput(texts: list[str]) -> None:
    import geomap
    from geomap import gazetteer as gz

    g = gz.load(quiet=True)
    geomap.extract("Warm-up in Paris.", lang="en", gazetteer=g, events=False)
    words = sum(len(t.split()) for t in texts)

    t0 = time.perf_counter()
    n_geomap = 0
    for t in texts:
        n_geomap += sum(len(rp.mentions) for rp in geomap.extract(t, lang="en", gazetteer=g, events=False).places)
    geomap_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        geomap.extract(t, lang="en", gazetteer=g, events=True)
    events_s = time.perf_counter() - t0

    try:
        from geotext import GeoText
    except ImportError:
        print(f"geomap : {words / geomap_s:12,.0f} words/s ({words:,} words, {n_geomap:,} mentions)")
        print("geotext: not installed (pip install geotext)")
        return
    GeoText("Warm-up in Paris.")
    t0 = time.perf_counter()
    n_geotext = 0
    for t in texts:
        r = GeoText(t)
        n_geotext += len(r.cities) + len(r.countries)
    geotext_s = time.perf_counter() - t0
    print(f"geomap : {words / geomap_s:12,.0f} words/s ({words:,} words, {n_geomap:,} mentions)")
    print(f"geotext: {words / geotext_s:12,.0f} words/s ({n_geotext:,} mentions)")
    print(f"ratio geomap/geotext: {geotext_s / geomap_s:.3f}  (1.0 = as fast)")
    ratio = geotext_s / events_s
    print(f"geomap, events on: {words / events_s:12,.0f} words/s, ratio to geotext {ratio:.3f}  (target >= 0.10)  "
          f"{'PASS' if ratio >= 0.10 else 'FAIL'}")


# The packages on the project's card: the import floor any run of a tool built on them pays.
CARD_IMPORTS = "import click, geopy, folium, shapely, geopandas"


def _env() -> dict:
    """The environment of the timed commands: bytecode written and used, as in an
    installed copy (PYTHONDONTWRITEBYTECODE would make each run compile geomap anew)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _time(cmd: list[str], repeat: int) -> float:
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=_env())
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def _imported(cmd: list[str]) -> set[str]:
    """Top-level packages a command imports (python -X importtime)."""
    p = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True, text=True, cwd=ROOT, env=_env())
    return {line.split("|")[-1].strip().split(".")[0] for line in p.stderr.splitlines() if line.startswith("import time:")}


def startup(texts: list[str], repeat: int) -> None:
    doc = next((t for t in texts if 200 < len(t.split()) < 600), None) or \
        "Troops moved from Vladivostok to Khabarovsk, officials in Moscow said on Monday."
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(doc)
        path = f.name
    out = tempfile.mkdtemp()
    py = sys.executable
    extract = [py, "-m", "geomap", "extract", path, "--quiet", "-o", f"{out}/one.json"]
    map_ = [py, "-m", "geomap", "map", path, "--quiet", "-o", f"{out}/one.html"]
    for cmd in (extract, map_):  # build/warm the index and the bytecode
        _time(cmd, 1)
    floor = _time([py, "-c", CARD_IMPORTS], repeat)
    ours = _time(extract, repeat)
    drawn = _time(map_, repeat)
    bare = _time([py, "-c", "import geopy, shapely, click; from geomap import gazetteer as gz; gz.load(quiet=True)"],
                 repeat)
    heavy = {"folium", "pandas", "geopandas", "dask", "pyarrow", "dateparser", "pymorphy3", "simplemma"}
    loaded = sorted(_imported(extract) & heavy)
    Path(path).unlink()
    shutil.rmtree(out, ignore_errors=True)
    print(f"import floor ({CARD_IMPORTS}): {floor * 1000:7.0f} ms")
    print(f"geomap extract, one {len(doc.split())}-word document: {ours * 1000:7.0f} ms  "
          f"ratio {ours / floor:.2f}  (target <= 0.5)  {'PASS' if ours / floor <= 0.5 else 'FAIL'}")
    print(f"geomap map, the same document:          {drawn * 1000:7.0f} ms  "
          f"ratio {drawn / floor:.2f}  (target <= 1.2)  {'PASS' if drawn / floor <= 1.2 else 'FAIL'}")
    print(f"geomap extract imports none of {', '.join(sorted(heavy))}: {'yes' if not loaded else 'no: ' + ', '.join(loaded)}")
    print(f"(bare geopy, shapely, click + warm index load: {bare * 1000:.0f} ms; extract / that: {ours / bare:.2f})")


def split(texts: list[str], repeat: int) -> None:
    import gc

    from geomap import gazetteer as gz
    from geomap.events import find_events
    from geomap.models import Document, Result
    from geomap.recognize import Extractor
    from geomap.resolve import resolve

    try:
        from geotext import GeoText
    except ImportError:
        GeoText = None
    g = gz.load(quiet=True)
    words = sum(len(t.split()) for t in texts)
    clock = time.process_time
    best: dict[str, float] = {}
    for rep in range(repeat + 1):  # the first pass warms the caches and is not counted
        acc = dict.fromkeys(("recognize", "resolve", "events", "geotext"), 0.0)
        gc.disable()  # as api.extract runs
        try:
            for t in texts:
                a = clock()
                spans = Extractor(g).find(t, "en")
                b = clock()
                places = tuple(resolve(g, t, spans))
                c = clock()
                find_events(Result(document=Document(text=t, id="doc", lang="en"), places=places))
                d = clock()
                if GeoText is not None:
                    GeoText(t)
                acc["recognize"] += b - a
                acc["resolve"] += c - b
                acc["events"] += d - c
                acc["geotext"] += clock() - d
        finally:
            gc.enable()
        if rep:
            for k, v in acc.items():
                best[k] = min(best.get(k, float("inf")), v)
    total = best["recognize"] + best["resolve"] + best["events"]
    print(f"CPU seconds over {len(texts):,} documents ({words:,} words), best of {repeat}:")
    for k in ("recognize", "resolve", "events"):
        print(f"  {k:9s} {best[k]:6.2f} s  {best[k] / total:4.0%}")
    print(f"  total     {total:6.2f} s  ({words / total:,.0f} words/s)")
    if GeoText is not None:
        print(f"  geotext   {best['geotext']:6.3f} s  ({words / best['geotext']:,.0f} words/s); "
              f"ratio geomap (events on) / geotext, CPU: {best['geotext'] / total:.3f}  (target >= 0.10)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--split", action="store_true", help="CPU seconds per stage instead (see 3. above)")
    args = ap.parse_args()
    texts = load_texts(args.corpora)
    if not texts:
        sys.exit(f"no corpora in {args.corpora}")
    if args.split:
        split(texts, args.repeat)
        return
    throughput(texts)
    startup(texts, args.repeat)


if __name__ == "__main__":
    main()
