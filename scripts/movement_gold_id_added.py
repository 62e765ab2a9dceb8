"""Append the Indonesian passages of tests/data/movements/src/id_added.py to tests/data/movements/id.jsonl.

    python scripts/movement_gold_id_added.py

id.jsonl's first 202 rows were written by hand; this keeps them and replaces every row from id-w-203 on with
a fresh build of id_added.py (so running it twice changes nothing)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import movement_gold as mg  # noqa: E402

FIRST = 203


def main() -> int:
    sys.path.insert(0, str(mg.SRC))
    try:
        import id_added
    finally:
        sys.path.remove(str(mg.SRC))
    path = mg.DATA / "id.jsonl"
    kept = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    kept = [r for r in kept if int(r["id"].rsplit("-", 1)[1]) < FIRST]
    rows = mg.build_rows("id", id_added.PASSAGES, id_added.PLACES)
    for n, r in enumerate(rows, FIRST):
        r["id"] = f"id-w-{n:03d}"
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept + rows)
    path.write_text(body, encoding="utf-8")
    print(path.relative_to(mg.ROOT), len(kept), "kept,", len(rows), "added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
