"""What a worker does with one partition: extract every document, write the tables, publish them.

This runs inside Dask worker processes (or in the caller's process for small inputs). The
gazetteer index is memory-mapped once per process and kept, so a worker pays for it once,
whatever the number of partitions it is given.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import tables
from .partitions import Options, Partition

DONE = "done.json"  # written last: a partition folder without it is not finished


@dataclass(frozen=True)
class PartStats:
    index: int
    name: str
    documents: int
    places: int
    movements: int
    failures: int
    seconds: float
    skipped: bool = False


def part_dir(out: Path, part: Partition) -> Path:
    return out / "parts" / part.name


def finished(out: Path, part: Partition) -> PartStats | None:
    """The stats of a partition an earlier run published, or None."""
    try:
        d = json.loads((part_dir(out, part) / DONE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if d.get("key") != part.key:
        return None
    return PartStats(part.index, part.name, d["documents"], d["places"], d["movements"], d["failures"],
                     d["seconds"], skipped=True)


def _extract_all(part: Partition, options: Options):
    from .. import gazetteer as gz
    from ..api import extract_many
    from ..errors import InputError
    from ..models import Failure

    g = gz.load(list(options.gazetteers), quiet=True)
    items = [*(InputError(e) for e in part.errors), *part.documents]
    results, failures = [], []
    # Options were applied to the documents when the partition was made (they are part of its key).
    for out in extract_many(items, gazetteer=g, events=options.events):
        if isinstance(out, Failure):
            failures.append({"doc_id": out.doc_id, "input": out.input, "error": out.error})
        else:
            results.append(out)
    return results, failures


def process(part: Partition, out: str, options: Options) -> PartStats:
    """Extract one partition and publish its tables under out/parts/<name>/ (atomically)."""
    from ..serialize import result_to_dict

    out_dir = Path(out)
    done = finished(out_dir, part)
    if done is not None:
        return done
    t0 = time.perf_counter()
    results, failures = _extract_all(part, options)
    rows = tables.rows(results)
    rows["failures"] = failures
    parts = out_dir / "parts"
    parts.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{part.name}.", dir=parts))
    try:
        for name in tables.TABLES:
            tables.write(name, rows[name], tmp / f"{name}.parquet")
        with open(tmp / "documents.jsonl", "w", encoding="utf-8") as f:
            for r in results:
                f.write(json.dumps(result_to_dict(r), ensure_ascii=False) + "\n")
        stats = PartStats(part.index, part.name, len(part.documents), len(rows["places"]),
                          len(rows["movements"]), len(failures), round(time.perf_counter() - t0, 3))
        (tmp / DONE).write_text(json.dumps({"key": part.key, **{k: getattr(stats, k) for k in (
            "documents", "places", "movements", "failures", "seconds")}}), encoding="utf-8")
        target = part_dir(out_dir, part)
        if target.exists():  # a half-published folder of a killed run, or a concurrent retry
            if finished(out_dir, part) is not None:
                return finished(out_dir, part)
            shutil.rmtree(target, ignore_errors=True)
        try:
            os.rename(tmp, target)
        except OSError:  # another attempt of the same partition won the race; theirs is as good
            if finished(out_dir, part) is None:
                raise
        return stats
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
