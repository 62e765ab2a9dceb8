"""Corpus-scale throughput of `geomap batch`: one worker against two, memory per worker over the run.

    python bench/bench_batch.py [--docs 20000] [--big 0] [--partition-size 200]

1. Makes a synthetic corpus of --docs documents from the dev texts (bench/synth_corpus.py), then
   runs the whole batch (LocalCluster of 1 worker, then of 2, same code path, fresh output each)
   and prints documents/s of each and the ratio (target >= 1.7 on 2 cores). While each runs, the
   resident memory of every worker process is sampled; the report gives it after the first tenth
   of the run and at the end (flat = no growth with the number of documents).
2. With --big N (e.g. 100000), one more run over N documents with all cores: time and peak memory.
The figures go into README.md by hand; machines here are noisy, so compare ratios, not seconds.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from synth_corpus import write_corpus  # noqa: E402


class Sampler(threading.Thread):
    """Resident memory of the Dask worker processes, every 0.5 s.

    A LocalCluster's nannies live in this process and start each worker with
    multiprocessing's spawn, so the workers are this process's children (besides
    multiprocessing's resource tracker)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples: list[tuple[float, dict[int, int]]] = []
        self.stop = threading.Event()
        self.t0 = time.perf_counter()

    def run(self):
        me = psutil.Process()
        while not self.stop.wait(0.5):
            rss = {}
            for p in me.children(recursive=True):
                try:
                    if "spawn_main" in " ".join(p.cmdline()):
                        rss[p.pid] = p.memory_info().rss
                except psutil.Error:
                    pass
            self.samples.append((time.perf_counter() - self.t0, rss))

    def report(self) -> str:
        live = [(t, r) for t, r in self.samples if r]
        if len(live) < 4:
            return "too short to sample"
        early = live[max(1, len(live) // 10)][1]
        late = live[-2][1]
        mb = lambda d: ", ".join(f"{v / 2**20:.0f}" for v in sorted(d.values()))  # noqa: E731
        peak = max(sum(r.values()) for _, r in live)
        return f"worker RSS MB at 10%: [{mb(early)}], at end: [{mb(late)}]; peak total {peak / 2**20:.0f} MB"


def timed_run(src: Path, workers: int, partition_size: int) -> tuple[float, int, str]:
    from geomap.batch import run

    out = Path(tempfile.mkdtemp(prefix="geomap-bench-batch-"))
    sampler = Sampler()
    sampler.start()
    try:
        s = run([str(src)], out, workers=workers, scheduler="processes", partition_size=partition_size, quiet=True)
    finally:
        sampler.stop.set()
        sampler.join()
        shutil.rmtree(out, ignore_errors=True)
    return s.documents / s.seconds, s.documents, sampler.report()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--big", type=int, default=0)
    ap.add_argument("--partition-size", type=int, default=200)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl.gz"
        write_corpus(a.docs, src, a.corpora)
        rate1, n, mem1 = timed_run(src, 1, a.partition_size)
        print(f"1 worker : {rate1:8.1f} documents/s over {n:,} documents; {mem1}")
        rate2, n, mem2 = timed_run(src, 2, a.partition_size)
        print(f"2 workers: {rate2:8.1f} documents/s over {n:,} documents; {mem2}")
        print(f"ratio 2/1: {rate2 / rate1:.2f} (target >= 1.7)")
        if a.big:
            big = Path(tmp) / "big.jsonl.gz"
            write_corpus(a.big, big, a.corpora)
            t0 = time.perf_counter()
            rate, n, mem = timed_run(big, None, a.partition_size)
            client = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{n:,} documents, all cores: {time.perf_counter() - t0:.0f} s ({rate:.1f} documents/s); {mem}; "
                  f"client peak {client:.0f} MB")


if __name__ == "__main__":
    main()
