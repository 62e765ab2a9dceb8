"""Write the Indonesian passages of tests/data/movements/src/id_real_added.py into tests/data/movements/id.jsonl.

    python scripts/movement_gold_id_real.py

They take the ids id-w-400 to id-w-499 (the passages for the rules read off the real excerpts); every other
row is kept as it is, so running it twice changes nothing and the other builders' rows stay."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import movement_gold as mg  # noqa: E402

FIRST, LAST = 400, 499


def main() -> int:
    sys.path.insert(0, str(mg.SRC))
    try:
        import id_real_added
    finally:
        sys.path.remove(str(mg.SRC))
    path = mg.DATA / "id.jsonl"
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    kept = [r for r in rows if not FIRST <= int(r["id"].rsplit("-", 1)[1]) <= LAST]
    added = mg.build_rows("id", id_real_added.PASSAGES, id_real_added.PLACES)
    if len(added) > LAST - FIRST + 1:
        raise SystemExit(f"{len(added)} passages do not fit in id-w-{FIRST}..{LAST}")
    for n, r in enumerate(added, FIRST):
        r["id"] = f"id-w-{n:03d}"
    out = sorted(kept + added, key=lambda r: int(r["id"].rsplit("-", 1)[1]))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    print(path.relative_to(mg.ROOT), len(kept), "kept,", len(added), "added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
