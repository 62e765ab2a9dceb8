#!/usr/bin/env python3
"""Start-up cost of the languages: one `geomap extract` of one paragraph per language,
each in a fresh process (warm caches: gazetteer index, simplemma tries, lemma indexes
built by a first untimed run), against a baseline from the same run: the English
example read with `--lang en`, which loads neither lingua nor a morphology library.

    python bench/bench_languages.py [--repeat 3]

Prints, per case, the median wall time, its ratio to the baseline and the peak
resident memory. The paragraphs are those of tests/test_languages.py.
"""
import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = r"""
import json, resource, sys, time
t = time.perf_counter()
from geomap.cli import cli
try:
    cli.main(sys.argv[1:], prog_name="geomap", standalone_mode=False)
finally:
    print(json.dumps({"seconds": time.perf_counter() - t,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)
"""


def measure(args: list[str], repeat: int) -> dict:
    runs = []
    for _ in range(repeat + 1):  # the first run fills the caches and is not counted
        # Output to a pipe that is read and dropped: "-o /dev/null" is refused now (only
        # regular files are replaced), and an older geomap run as root replaced the device.
        p = subprocess.run([sys.executable, "-c", RUN, "extract", *args, "-o", "-", "--quiet"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
        runs.append(json.loads(p.stderr.strip().splitlines()[-1]))
    runs = runs[1:]
    return {"seconds": statistics.median(r["seconds"] for r in runs), "rss_mb": max(r["rss_mb"] for r in runs)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("paragraphs", ROOT / "tests" / "test_languages.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    example = str(ROOT / "examples" / "north-korea-russia.en.txt")
    with tempfile.TemporaryDirectory() as d:
        cases = [("baseline: en example, --lang en", [example, "--lang", "en"]),
                 ("en example, language detected", [example])]
        for code, (text, _) in sorted(mod.PARAGRAPHS.items()):
            path = Path(d) / f"{code}.txt"
            path.write_text(text, "utf-8")
            cases.append((f"{code} paragraph, detected", [str(path)]))
        base = None
        print(f"{'case':40} {'seconds':>8} {'ratio':>6} {'peak MB':>8}")
        for name, args in cases:
            m = measure(args, a.repeat)
            base = base or m["seconds"]
            print(f"{name:40} {m['seconds']:8.2f} {m['seconds'] / base:6.2f} {m['rss_mb']:8.0f}")


if __name__ == "__main__":
    main()
