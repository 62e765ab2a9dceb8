"""Throughput and start-up of geomap's extraction, against geotext as the yardstick.

    python bench/bench_extract.py [--corpora DIR] [--repeat N]

1. words/second of extraction + resolution (geomap.extract, events off) over the text of
   the English dev corpora (../shared/eval/dev/*.jsonl), and of geotext.GeoText on the
   same text in the same run; prints the ratio geomap / geotext.
2. start-up: the one-document CLI call `geomap extract F` (as `python -m geomap extract F`,
   events included, JSON written) against a bare
   `python -c "import geopy, shapely, click"` plus the warm index load; prints the ratio
   (target <= 1.3). Each command runs --repeat times; the median counts.
"""
from __future__ import annotations

import argparse
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


def _time(cmd: list[str], repeat: int) -> float:
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def startup(texts: list[str], repeat: int) -> None:
    doc = next((t for t in texts if 200 < len(t.split()) < 600), None) or \
        "Troops moved from Vladivostok to Khabarovsk, officials in Moscow said on Monday."
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(doc)
        path = f.name
    py = sys.executable
    _time([py, "-c", "import geomap; geomap.extract('Paris.')"], 1)  # build/warm the index
    ours = _time([py, "-m", "geomap", "extract", path, "--quiet"], repeat)
    bare = _time([py, "-c", "import geopy, shapely, click; from geomap import gazetteer as gz; gz.load(quiet=True)"],
                 repeat)
    Path(path).unlink()
    print(f"geomap extract, one {len(doc.split())}-word document: {ours * 1000:7.0f} ms")
    print(f"bare imports + warm index load:          {bare * 1000:7.0f} ms")
    print(f"ratio: {ours / bare:.2f}  (target <= 1.3)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = load_texts(args.corpora)
    if not texts:
        sys.exit(f"no corpora in {args.corpora}")
    throughput(texts)
    startup(texts, args.repeat)


if __name__ == "__main__":
    main()
