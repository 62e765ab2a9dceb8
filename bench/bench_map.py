"""Benchmark the seed map and a 1,000-document map: size and time to first render.

Usage: python bench/bench_map.py [--runs N] [--keep DIR]

Targets (issue 12), checked at the end (exit status 1 when one is missed):
the example map <= 400 KB and ready in <= 2x the bare Leaflet page; a map of 1,000
generated documents (Results built directly, no extraction) <= 3 MB and ready in <= 3 s.

Time to first render is measured in the browser (headless Chromium, network blocked,
file://): performance.now() when the page fires 'geomap:ready', i.e. from navigation
start until the markers and arcs are in the DOM. A baseline measured in the same run
gives the figure a scale: a bare Leaflet page with one marker, built from the same
inlined Leaflet JS/CSS, timed the same way. Medians of N fresh page loads.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import geomap  # noqa: E402
from geomap import render  # noqa: E402

SEED = ROOT.parent / "shared" / "examples" / "korea-utara-rusia.id.txt"

CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def baseline_html() -> str:
    js, css = render._leaflet_assets()
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<style>{css}</style><style>#m{{height:600px}}</style></head><body>"
        "<div id='m'></div>"
        f"<script>{js}</script>"
        "<script>var m=L.map('m').setView([43.1,131.9],5);"
        "L.marker([43.1,131.9],{icon:L.divIcon({html:'<b>x</b>'})}).addTo(m);"
        "window.geomapReady=performance.now();</script></body></html>"
    )


def time_pages(paths: dict[str, pathlib.Path], runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {k: [] for k in paths}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # Interleave the pages so drift in machine load hits both alike.
            for _ in range(runs + 1):
                for name, path in paths.items():
                    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                    page = ctx.new_page()
                    page.route("**/*", lambda r: r.continue_()
                               if r.request.url.startswith("file:") else r.abort())
                    page.goto(path.as_uri())
                    page.wait_for_function("window.geomapReady !== undefined", timeout=20000)
                    out[name].append(page.evaluate("window.geomapReady"))
                    ctx.close()
        finally:
            browser.close()
    # The first round warms the browser's caches and code paths; drop it.
    return {k: v[1:] for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", help="write the benchmarked pages into this folder")
    args = ap.parse_args(argv)

    # The real seed map: the Indonesian article through the whole pipeline.
    res = geomap.extract(SEED.read_text("utf-8"), date="2024-10-18")
    t0 = time.perf_counter()
    page = render.render_html([res])
    render_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    for _ in range(5):
        render.render_html([res])
    warm_ms = (time.perf_counter() - t0) * 1000 / 5
    size = len(page.encode("utf-8"))
    cdn_size = len(render.render_html([res], cdn=True).encode("utf-8"))
    base = baseline_html()

    folder = pathlib.Path(args.keep or tempfile.mkdtemp(prefix="geomap-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    from fixtures_results import corpus_results

    docs = corpus_results(1000)
    t0 = time.perf_counter()
    corpus_page = render.render_html(docs)
    corpus_ms = (time.perf_counter() - t0) * 1000
    corpus_size = len(corpus_page.encode("utf-8"))

    paths = {"geomap": folder / "seed_map.html", "baseline": folder / "baseline.html",
             "corpus": folder / "corpus_map.html"}
    paths["geomap"].write_text(page, encoding="utf-8")
    paths["baseline"].write_text(base, encoding="utf-8")
    paths["corpus"].write_text(corpus_page, encoding="utf-8")

    budget = render.BUDGET_BYTES
    print(f"seed map size      {size:>9,} bytes  = {size / budget:.2f} of the "
          f"{budget // 1024} KB budget")
    print(f"  cdn=True         {cdn_size:>9,} bytes")
    print(f"  baseline page    {len(base.encode()):>9,} bytes (Leaflet alone)  "
          f"ratio {size / len(base.encode()):.2f}")
    print(f"python render      {render_ms:9.1f} ms first call, {warm_ms:.1f} ms warm")

    times = time_pages(paths, args.runs)
    g = statistics.median(times["geomap"])
    b = statistics.median(times["baseline"])
    print(f"first render (median of {args.runs}, navigation start -> markers in DOM)")
    print(f"  geomap seed map  {g:9.1f} ms   (min {min(times['geomap']):.1f}, "
          f"max {max(times['geomap']):.1f})")
    print(f"  baseline         {b:9.1f} ms   (min {min(times['baseline']):.1f}, "
          f"max {max(times['baseline']):.1f})")
    print(f"  ratio            {g / b:9.2f} x baseline")
    c = statistics.median(times["corpus"])
    print(f"1,000-document map {corpus_size:>9,} bytes, python render {corpus_ms:.0f} ms")
    print(f"  first render     {c:9.1f} ms   (min {min(times['corpus']):.1f}, max {max(times['corpus']):.1f})")
    checks = [("example map <= 400 KB", size <= budget), ("example map ready <= 2x baseline", g <= 2 * b),
              ("1,000-document map <= 3 MB", corpus_size <= 3 * 1024 * 1024),
              ("1,000-document map ready <= 3 s", c <= 3000)]
    for name, ok in checks:
        print(f"  {'ok  ' if ok else 'MISS'} {name}")
    if not args.keep:
        for pth in paths.values():
            pth.unlink()
        folder.rmdir()
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
