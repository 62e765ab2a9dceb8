"""Build the self-written passages of tests/data/movements/src/<lang>_*added*.py into tests/data/movements/<lang>.jsonl.

    python scripts/movement_gold_added.py en|id

The first rows of en.jsonl and id.jsonl were written by hand, before the builder existed. Each source file
below owns a range of ids: from its first one up to the next source's first, and at most a hundred. A run
replaces each range with a fresh build of its file (markup as in scripts/movement_gold.py) and keeps every
other row as it is, so running it twice changes nothing and rows written by hand in between stay.
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import movement_gold as mg  # noqa: E402

# language -> source module in tests/data/movements/src -> the number of its first row
SOURCES = {
    "en": {"en_added": 300},
    "id": {"id_added": 203, "id_added_300": 300, "id_real_added": 400},
}


def _num(row: dict) -> int:
    return int(row["id"].rsplit("-", 1)[1])


def build(lang: str) -> tuple[int, int]:
    """Rebuild lang's source ranges in its jsonl; (rows kept, rows built)."""
    sources = SOURCES[lang]
    sys.path.insert(0, str(mg.SRC))
    try:
        modules = {name: importlib.import_module(name) for name in sources}
    finally:
        sys.path.remove(str(mg.SRC))
    path = mg.DATA / f"{lang}.jsonl"
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    built = []
    for name, first in sources.items():
        new = mg.build_rows(lang, modules[name].PASSAGES, modules[name].PLACES)
        for n, r in enumerate(new, first):
            r["id"] = f"{lang}-w-{n:03d}"
        nxt = min([f for f in sources.values() if f > first] + [first + 100])
        if first + len(new) > nxt:
            raise mg.GoldError(f"{name}: {len(new)} passages from {lang}-w-{first:03d} run into {lang}-w-{nxt:03d}")
        rows = [r for r in rows if not first <= _num(r) < nxt]
        built += new
    rows = sorted(rows + built, key=_num)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows) - len(built), len(built)


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1] not in SOURCES:
        sys.exit(f"usage: movement_gold_added.py {'|'.join(SOURCES)}")
    kept, built = build(sys.argv[1])
    print(f"tests/data/movements/{sys.argv[1]}.jsonl: {kept} kept, {built} built")
    return 0


if __name__ == "__main__":
    sys.exit(main())
