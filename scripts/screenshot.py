"""Screenshot a geomap page at desktop and phone sizes, offline.

Usage: python scripts/screenshot.py MAP.html OUTDIR [--full-page] [--wait MS]

Uses Playwright driving the system Chromium (/usr/bin/chromium, Debian package
"chromium"; never `playwright install`). Every request that is not file:// is
blocked, so the pictures show what a reader without network sees (country
outlines, no tiles). Writes OUTDIR/desktop.png (1280x800) and OUTDIR/phone.png
(375x740) and prints their paths.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys

CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
SIZES = {"desktop": (1280, 800), "phone": (375, 740)}


def shoot(html_path: str, outdir: str, full_page: bool = True, wait_ms: int = 400) -> list[str]:
    from playwright.sync_api import sync_playwright

    url = pathlib.Path(html_path).resolve().as_uri()
    os.makedirs(outdir, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, (w, h) in SIZES.items():
                page = browser.new_page(viewport={"width": w, "height": h},
                                        device_scale_factor=1)
                page.route("**/*", lambda route: route.continue_()
                           if route.request.url.startswith("file:") else route.abort())
                page.goto(url)
                try:
                    page.wait_for_function("window.geomapReady !== undefined", timeout=10000)
                except Exception:  # a page that is not a geomap map: shoot it anyway
                    pass
                page.wait_for_timeout(wait_ms)
                out = os.path.join(outdir, f"{name}.png")
                page.screenshot(path=out, full_page=full_page)
                written.append(out)
                page.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html")
    ap.add_argument("outdir")
    ap.add_argument("--viewport-only", action="store_true",
                    help="shoot the viewport instead of the whole page")
    ap.add_argument("--wait", type=int, default=400, help="ms to wait after the map is ready")
    args = ap.parse_args(argv)
    for path in shoot(args.html, args.outdir, not args.viewport_only, args.wait):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
