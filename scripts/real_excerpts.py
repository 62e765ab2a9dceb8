#!/usr/bin/env python3
"""Real-news excerpts for the movement and language dev sets: annotations in the repo, texts never.

The repository keeps, per excerpt, its address, the search query and rank it was found by, its language,
the SHA-256 of its text and the gold places and movements (offsets into that text). The texts themselves
are copyrighted news: they are re-collected during a working session into eval/real/texts/ (git-ignored),
one file per excerpt named by its SHA-256, and joined with the annotations only in eval/real/build/
(git-ignored), which `geomap evaluate` reads.

    python scripts/real_excerpts.py add --lang en --url URL --query Q --rank N [--date D] < excerpt.txt
    python scripts/real_excerpts.py check [ANNOTATIONS.jsonl ...]   # addresses free, texts present, offsets right
    python scripts/real_excerpts.py build                           # eval/real/build/<lang>.jsonl with texts
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "eval" / "real"
TEXTS = REAL / "texts"
BUILD = REAL / "build"
RESERVED = ROOT.parent / "shared" / "eval" / "reserved.py"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def reserved(urls: list[str]) -> set[str]:
    """Addresses that reserved.py reports as reserved; all of them when it cannot be asked."""
    if not RESERVED.exists():
        sys.exit(f"real_excerpts: {RESERVED} is missing; no address can be checked")
    out = subprocess.run([sys.executable, str(RESERVED), *urls], capture_output=True, text=True).stdout
    return {line.split("\t", 1)[1] for line in out.splitlines() if line.startswith("reserved\t")}


def annotation_files(paths: list[str]) -> list[Path]:
    return [Path(p) for p in paths] if paths else sorted(REAL.glob("*.jsonl"))


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON: {e}")
    return rows


def text_of(row: dict) -> str | None:
    if "text" in row:
        return row["text"]
    f = TEXTS / f"{row.get('sha256', '')}.txt"
    return f.read_text(encoding="utf-8") if f.exists() else None


def _spans(row: dict):
    """Every (what, start, end, name) the annotation claims about its text."""
    for p in row.get("places", []):
        yield "place", p["start"], p["end"], p["name"]
    for key in ("movements", "presences"):
        for m in row.get(key, []):
            for role in ("origin", "destination", "place"):
                e = m.get(role)
                if e:
                    yield f"{key}.{role}", e["start"], e["end"], e["name"]
            for e in m.get("path") or []:
                yield f"{key}.path", e["start"], e["end"], e["name"]
            ev = m.get("evidence")
            if ev:
                yield f"{key}.evidence", ev["start"], ev["end"], None


def problems(row: dict, text: str) -> list[str]:
    out = []
    for what, s, e, name in _spans(row):
        if not (0 <= s < e <= len(text)):
            out.append(f"{what} [{s}:{e}] outside the text")
        elif name is not None and text[s:e] != name:
            out.append(f"{what} [{s}:{e}] is {text[s:e]!r}, not {name!r}")
    for m in row.get("movements", []):
        if not m.get("origin") and not m.get("destination"):
            out.append("a movement with neither origin nor destination")
    return out


def cmd_add(args) -> int:
    text = sys.stdin.read()
    if not text.strip():
        sys.exit("real_excerpts: empty excerpt on standard input")
    if reserved([args.url]):
        sys.exit(f"real_excerpts: {args.url} is reserved for independent evaluation; leave it out")
    digest = sha256(text)
    TEXTS.mkdir(parents=True, exist_ok=True)
    (TEXTS / f"{digest}.txt").write_text(text, encoding="utf-8")
    print(json.dumps({"url": args.url, "query": args.query, "rank": args.rank, "lang": args.lang,
                      "date": args.date, "sha256": digest, "chars": len(text)}, ensure_ascii=False))
    return 0


def cmd_check(args) -> int:
    bad = 0
    for path in annotation_files(args.files):
        rows = read_jsonl(path)
        urls = [r["url"] for r in rows if r.get("url")]
        hits = reserved(urls) if urls else set()
        missing, movements, stories = 0, 0, Counter()
        for r in rows:
            rid = r.get("id", "?")
            if r.get("url") in hits:
                print(f"{path.name} {rid}: RESERVED address {r['url']}"); bad += 1
            text = text_of(r)
            if text is None:
                missing += 1
                continue
            if "text" not in r and sha256(text) != r["sha256"]:
                print(f"{path.name} {rid}: text does not match its sha256"); bad += 1
                continue
            for p in problems(r, text):
                print(f"{path.name} {rid}: {p}"); bad += 1
            movements += len(r.get("movements", []))
            stories[r.get("story")] += 1
        print(f"{path.name}: {len(rows)} excerpts, {len(rows) - missing} with text, {movements} movements, "
              f"{len(stories)} stories")
    return 1 if bad else 0


def cmd_build(args) -> int:
    BUILD.mkdir(parents=True, exist_ok=True)
    for path in annotation_files(args.files):
        rows, skipped = [], 0
        for r in read_jsonl(path):
            text = text_of(r)
            if text is None or sha256(text) != r.get("sha256"):
                skipped += 1
                continue
            rows.append({**r, "text": text})
        out = BUILD / path.name
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{out}: {len(rows)} excerpts" + (f" ({skipped} without their text, left out)" if skipped else ""))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("add", help="store one excerpt's text (stdin) under its SHA-256")
    a.add_argument("--lang", required=True)
    a.add_argument("--url", required=True)
    a.add_argument("--query", required=True)
    a.add_argument("--rank", type=int, required=True)
    a.add_argument("--date")
    a.set_defaults(func=cmd_add)
    for name, func in (("check", cmd_check), ("build", cmd_build)):
        p = sub.add_parser(name)
        p.add_argument("files", nargs="*")
        p.set_defaults(func=func)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
