"""One interface over where partitions run: this process, a local Dask cluster, or a remote one.

`map_unordered` keeps only a few partitions in flight (twice the workers), so the input is read
as fast as the workers consume it and never held whole, whatever its size.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator

from ..errors import InputError


class InProcess:
    """Partitions one after another in this process: no start-up cost, for small inputs."""

    name = "sync"
    workers = 1

    def map_unordered(self, fn: Callable, items: Iterable, *args) -> Iterator:
        for item in items:
            yield fn(item, *args)

    def close(self) -> None:
        pass


class DaskRunner:
    """Partitions as tasks of a dask.distributed cluster (a LocalCluster, or one given by address)."""

    def __init__(self, address: str | None = None, workers: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError as e:  # pragma: no cover - a dependency of geomap
            raise InputError("geomap batch needs dask.distributed (pip install 'dask[distributed]')") from e
        self.cluster = None
        if address:
            try:
                self.client = Client(address, timeout="15s")
            except (OSError, TimeoutError) as e:
                raise InputError(f"cannot reach the Dask scheduler at {address}: {e}") from None
            self.name = address
        else:
            n = workers or os.cpu_count() or 1
            # One single-threaded process per core: extraction holds the GIL, so threads would not help.
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
            self.name = f"local processes ({n})"
        self.workers = max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})) or (workers or 1))

    def map_unordered(self, fn: Callable, items: Iterable, *args) -> Iterator:
        from distributed import as_completed

        it = iter(items)
        window = 2 * self.workers
        pending = as_completed()
        for item in it:
            # A worker killed mid-partition is replaced and its partition retried elsewhere.
            pending.add(self.client.submit(fn, item, *args, pure=False, retries=2))
            if pending.count() >= window:
                break
        for fut in pending:
            yield fut.result()
            nxt = next(it, None)
            if nxt is not None:
                pending.add(self.client.submit(fn, nxt, *args, pure=False, retries=2))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def open_runner(scheduler: str | None, workers: int | None, small: bool):
    """The runner a run asks for: 'sync', 'processes' (a LocalCluster), or a scheduler address."""
    if scheduler == "sync" or (scheduler is None and (small or workers == 1)):
        return InProcess()
    if scheduler in (None, "processes"):
        return DaskRunner(workers=workers)
    if "://" not in scheduler:
        raise InputError(f"--scheduler {scheduler!r}: expected sync, processes or an address such as tcp://HOST:8786")
    return DaskRunner(address=scheduler)
