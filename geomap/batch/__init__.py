"""Corpus scale: documents streamed in partitions through a scheduler into analyst tables.

    from geomap.batch import run
    summary = run(["feed.jsonl.gz"], "out/")          # all cores; a rerun resumes

Steps, one module each: partitions (stream and name the work), work (one partition in a worker),
schedulers (this process, a local Dask cluster, or a remote one), tables (GeoParquet), and this
module, which publishes the finished partitions as one file per table.
"""
from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import OutputError
from . import tables
from .partitions import Options, Partition, partitions
from .schedulers import open_runner
from .work import DONE, PartStats, finished, part_dir, process

__all__ = ["Options", "Summary", "run", "BATCH_GLOB"]

BATCH_GLOB = "*.txt|*.text|*.md|*.html|*.htm|*.jsonl|*.ndjson|*.jsonl.gz|*.ndjson.gz|*.parquet"
PARTITION_SIZE = 200


@dataclass
class Summary:
    documents: int = 0
    places: int = 0
    movements: int = 0
    failures: int = 0
    partitions: int = 0
    partitions_skipped: int = 0
    seconds: float = 0.0
    documents_per_second: float = 0.0
    scheduler: str = ""
    workers: int = 1
    tables: dict = field(default_factory=dict)

    def add(self, s: PartStats) -> None:
        self.documents += s.documents
        self.places += s.places
        self.movements += s.movements
        self.failures += s.failures
        self.partitions += 1
        self.partitions_skipped += s.skipped


class Progress:
    """Documents done, rate and ETA on one stderr line; silent when asked or not on a terminal."""

    def __init__(self, total: int | None, enabled: bool):
        self.total, self.enabled, self.t0, self.done, self.last = total, enabled, time.perf_counter(), 0, 0.0

    def update(self, docs: int) -> None:
        self.done += docs
        now = time.perf_counter()
        if not self.enabled or (now - self.last < 0.2 and self.done != self.total):
            return
        self.last = now
        rate = self.done / max(now - self.t0, 1e-9)
        line = f"geomap batch: {self.done:,}" + (f"/{self.total:,}" if self.total else "") + f" documents, {rate:,.0f}/s"
        if self.total and rate > 0:
            line += f", ETA {_clock((self.total - self.done) / rate)}"
        sys.stderr.write("\r" + line + " " * 8)
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            sys.stderr.write("\n")


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}h{s // 60 % 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


def run(inputs: Sequence[str], out: str | os.PathLike[str], *, options: Options = Options(),
        scheduler: str | None = None, workers: int | None = None, partition_size: int = PARTITION_SIZE,
        glob: str | None = None, jsonl: bool = False, quiet: bool = False) -> Summary:
    """Extract every document of ``inputs`` into tables under ``out``; finished partitions are kept.

    scheduler: None (this process for one partition, else a local Dask cluster of ``workers``
    processes), "sync", "processes", or a dask.distributed address such as "tcp://10.0.0.5:8786".
    """
    from ..ingest import count_documents, load_documents

    out_dir = Path(out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot create the output folder: {e.strerror or e}") from None
    if not out_dir.is_dir() or not os.access(out_dir, os.W_OK):
        raise OutputError(f"{out_dir}: not a writable folder")
    glob = glob or BATCH_GLOB
    t0 = time.perf_counter()
    total = count_documents(inputs, glob=glob, jsonl=jsonl)
    progress = Progress(total, enabled=not quiet and sys.stderr.isatty())
    parts = partitions(load_documents(inputs, glob=glob, jsonl=jsonl), partition_size, options)
    summary, seen = Summary(scheduler="none: every partition was already done"), []

    def todo():
        # Finished partitions are recognised here, before anything is sent to a worker.
        for part in parts:
            seen.append(part.name)
            done = finished(out_dir, part)
            if done is not None:
                summary.add(done)
                progress.update(done.documents)
            else:
                yield part

    work = todo()
    first = next(work, None)
    try:
        if first is not None:  # a cluster is started only when there is work for it
            runner = open_runner(scheduler, workers, small=total is not None and total <= partition_size)
            summary.scheduler, summary.workers = runner.name, runner.workers
            try:
                for stats in runner.map_unordered(process, itertools.chain([first], work), str(out_dir), options):
                    summary.add(stats)
                    progress.update(stats.documents)
            finally:
                runner.close()
    finally:
        progress.close()
    summary.tables = _publish(out_dir, sorted(seen))
    summary.seconds = round(time.perf_counter() - t0, 3)
    summary.documents_per_second = round(summary.documents / max(summary.seconds, 1e-9), 1)
    _atomic_text(out_dir / "summary.json", json.dumps(asdict(summary), indent=2) + "\n")
    return summary


def _publish(out_dir: Path, names: list[str]) -> dict[str, int]:
    """One file per table from this run's partitions, in input order; stale partitions removed."""
    parts = out_dir / "parts"
    keep = set(names)
    if parts.is_dir():
        for d in parts.iterdir():
            if d.name not in keep:  # an older input's partition, or a dead attempt's temp folder
                shutil.rmtree(d, ignore_errors=True)
    counts = {}
    for t in tables.TABLES:
        tmp = out_dir / f".{t}.parquet.tmp"
        counts[t] = tables.concatenate(t, [parts / n / f"{t}.parquet" for n in names], tmp)
        os.replace(tmp, out_dir / f"{t}.parquet")
    tmp = out_dir / ".documents.jsonl.tmp"
    with open(tmp, "wb") as w:
        for n in names:
            with open(parts / n / "documents.jsonl", "rb") as r:
                shutil.copyfileobj(r, w)
    os.replace(tmp, out_dir / "documents.jsonl")
    return counts


def _atomic_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
