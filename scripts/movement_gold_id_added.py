"""Append the Indonesian passages of tests/data/movements/src/id_added*.py to tests/data/movements/id.jsonl.

    python scripts/movement_gold_id_added.py

id.jsonl's first 202 rows were written by hand; this keeps them and rebuilds each source's rows in its own
id range (id_added.py from id-w-203, id_added_300.py from id-w-300 to id-w-399), leaving every other row as
it is (so running it twice changes nothing)."""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import movement_gold as mg  # noqa: E402

# source module in tests/data/movements/src -> the number of its first row
SOURCES = {"id_added": 203, "id_added_300": 300}


def _num(row: dict) -> int:
    return int(row["id"].rsplit("-", 1)[1])


def main() -> int:
    sys.path.insert(0, str(mg.SRC))
    try:
        modules = {name: importlib.import_module(name) for name in SOURCES}
    finally:
        sys.path.remove(str(mg.SRC))
    path = mg.DATA / "id.jsonl"
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    built = []
    for name, first in SOURCES.items():
        new = mg.build_rows("id", modules[name].PASSAGES, modules[name].PLACES)
        for n, r in enumerate(new, first):
            r["id"] = f"id-w-{n:03d}"
        # a source owns the ids up to the next source's first, and at most a hundred (rows past it, such as
        # id-w-400 on, are other passes' and kept)
        nxt = min([f for f in SOURCES.values() if f > first] + [first + 100])
        if first + len(new) > nxt:
            raise mg.GoldError(f"{name}: {len(new)} passages from id-w-{first:03d} run into id-w-{nxt:03d}")
        rows = [r for r in rows if not first <= _num(r) < nxt]
        built += new
    rows = sorted(rows + built, key=_num)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(path.relative_to(mg.ROOT), len(rows) - len(built), "kept,", len(built), "built")
    return 0


if __name__ == "__main__":
    sys.exit(main())
