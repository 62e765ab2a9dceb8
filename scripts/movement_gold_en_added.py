"""Put the English passages of tests/data/movements/src/en_added.py into tests/data/movements/en.jsonl.

    python scripts/movement_gold_en_added.py

en.jsonl's rows were written by hand; this keeps every row outside en-w-300..399 and replaces that range
with a fresh build of en_added.py, in id order (so running it twice changes nothing)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import movement_gold as mg  # noqa: E402

FIRST, LAST = 300, 399


def main() -> int:
    sys.path.insert(0, str(mg.SRC))
    try:
        import en_added
    finally:
        sys.path.remove(str(mg.SRC))
    path = mg.DATA / "en.jsonl"
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]

    def number(r):
        return int(r["id"].rsplit("-", 1)[1])

    kept = [r for r in rows if not FIRST <= number(r) <= LAST]
    added = mg.build_rows("en", en_added.PASSAGES, en_added.PLACES)
    if len(added) > LAST - FIRST + 1:
        raise SystemExit(f"{len(added)} passages do not fit in en-w-{FIRST}..{LAST}")
    for n, r in enumerate(added, FIRST):
        r["id"] = f"en-w-{n:03d}"
    out = sorted(kept + added, key=number)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    print(path.relative_to(mg.ROOT), len(kept), "kept,", len(added), "added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
