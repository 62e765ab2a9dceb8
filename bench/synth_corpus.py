"""A synthetic news corpus of any size, made from the dev corpora's texts, for batch benchmarks.

    python bench/synth_corpus.py N OUT.jsonl.gz [--corpora DIR] [--seed S]

Each document stitches 3-12 sentences drawn from different dev documents (seeded, so the same
N and seed give the same corpus), with a date spread over a year: no text is one document
repeated, and its places, lengths and movements vary as a feed's do. The output stays outside
the repository (the dev texts are evaluation data, not ours to commit).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from bench_extract import load_texts  # noqa: E402

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def sentences(folder: Path) -> list[str]:
    out = []
    for text in load_texts(folder):
        out += [s.strip() for s in _SENT.split(text) if 30 <= len(s.strip()) <= 600]
    return out


def write_corpus(n: int, path: Path, folder: Path, seed: int = 7) -> int:
    pool = sentences(folder)
    if not pool:
        sys.exit(f"synth_corpus: no dev texts in {folder}")
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=3) as f:
        for i in range(n):
            body = " ".join(rng.choice(pool) for _ in range(rng.randint(3, 12)))
            date = (start + dt.timedelta(days=rng.randrange(366))).isoformat()
            f.write(json.dumps({"id": f"syn-{i:07d}", "date": date, "text": body}, ensure_ascii=False) + "\n")
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    write_corpus(a.n, a.out, a.corpora, a.seed)
    print(f"wrote {a.out}: {a.n:,} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
