"""Loading: one index per gazetteer content, found in the cache folder or built there once
(or in a temporary folder when the cache cannot be written)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from ..errors import GazetteerError
from .build import build_index
from .index import Gazetteer
from .schema import INDEX_VERSION
from .store import atomic_write_bytes, cache_dir, verify_index


def default_paths() -> list[Path]:
    here = Path(__file__).resolve().parent.parent  # the geomap package
    for p in (here / "data" / "gazetteer.csv", here.parent / "gazetteer.csv"):
        if p.is_file():
            return [p]
    raise GazetteerError("the embedded gazetteer.csv is missing: reinstall geomap or run scripts/build_gazetteer.py")


def _content_key(paths: list[Path]) -> str:
    """Hash of the gazetteer files, remembered per (path, size, mtime) so a warm run
    need not re-read 30 MB to learn it is unchanged."""
    stamp_file = cache_dir() / "stamps.json"
    try:
        stamps = json.loads(stamp_file.read_text())
    except (OSError, ValueError):
        stamps = {}
    h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    changed = False
    for p in paths:
        st = p.stat()
        sig = f"{st.st_size}:{st.st_mtime_ns}"
        entry = stamps.get(str(p))
        if entry and entry[0] == sig:
            digest = entry[1]
        else:
            fh = hashlib.sha256()
            with open(p, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    fh.update(chunk)
            digest = fh.hexdigest()
            stamps[str(p)] = [sig, digest]
            changed = True
        h.update(digest.encode())
    if changed:
        try:
            stamp_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(stamp_file, json.dumps(stamps).encode())
        except OSError:
            pass  # a read-only cache only costs the hash next time
    return h.hexdigest()[:24]


def _warn(msg: str) -> None:
    if sys.stderr is not None:
        print(f"geomap: {msg}", file=sys.stderr)


def _stderr_progress(msg: str):
    def report(i: int) -> None:
        print(f"\r{msg} {i:,} rows", end="", file=sys.stderr, flush=True)
    return report


KEEP_INDEXES = 4


def _prune(current: Path) -> None:
    """Drop all but the most recent indexes (each is ~30 MB of cache), and builds
    that a killed process left behind."""
    import time

    def mtime(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:  # another process removed it meanwhile
            return 0.0

    others = sorted((p for p in current.parent.glob("index-*") if p != current), key=mtime, reverse=True)
    for old in others[KEEP_INDEXES - 1:]:
        shutil.rmtree(old, ignore_errors=True)
    for left in (*current.parent.glob(".build-*"), *current.parent.glob(".trash-*")):
        if time.time() - (mtime(left) or time.time()) > 3600:  # surely not a build still running
            shutil.rmtree(left, ignore_errors=True)


def _cache_problem(folder: Path) -> str | None:
    """Why an index cannot be built in folder (it cannot be created or written), or None."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.rmdir(tempfile.mkdtemp(dir=folder, prefix=".probe-"))
    except OSError as e:
        return e.strerror or type(e).__name__
    return None


_TEMP_ROOTS: list[Path] = []


def _temporary_root() -> Path:
    """A folder for this process's index when the cache folder is unusable; removed at exit."""
    if not _TEMP_ROOTS:
        import atexit

        _TEMP_ROOTS.append(Path(tempfile.mkdtemp(prefix="geomap-index-")))
        atexit.register(shutil.rmtree, _TEMP_ROOTS[0], True)
    return _TEMP_ROOTS[0]


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[Path, ...], quiet: bool) -> Gazetteer:
    key = _content_key(list(paths))
    index_dir = cache_dir() / f"index-{key}"
    problem = verify_index(index_dir)
    if problem is None:
        return _open(paths, index_dir)
    if problem != "missing":
        _warn(f"the gazetteer index in {index_dir} is damaged ({problem}); rebuilding it")
    unusable = _cache_problem(index_dir.parent)
    if unusable:
        try:
            index_dir = _temporary_root() / index_dir.name
        except OSError as e:
            raise GazetteerError(f"no folder to build the gazetteer index in: {index_dir.parent} "
                                 f"({unusable}) nor a temporary one ({e.strerror})") from None
        _warn(f"cache folder {cache_dir()} is unusable ({unusable}); building the gazetteer index "
              f"in {index_dir.parent} for this run (set GEOMAP_CACHE_DIR to keep it)")
    if verify_index(index_dir) is not None:  # a temporary one may be there already
        tty = sys.stderr is not None and sys.stderr.isatty()
        quiet = quiet or bool(unusable)  # the warning above already says it is building
        if not quiet and not tty:  # a log gets one line, not a carriage-return counter
            print("geomap: building the gazetteer index (once, about 4 s)…", file=sys.stderr)
        progress = _stderr_progress("geomap: building the gazetteer index (once)…") if not quiet and tty else None
        build_index(list(paths), index_dir, progress)
        if not quiet and tty:
            print("\rgeomap: gazetteer index built.".ljust(60), file=sys.stderr)
        problem = verify_index(index_dir)
        if problem is not None:
            raise GazetteerError(f"the gazetteer index just built in {index_dir} is damaged ({problem})")
    if not unusable:
        _prune(index_dir)
    return _open(paths, index_dir)


def _open(paths: tuple[Path, ...], index_dir: Path) -> Gazetteer:
    try:
        return Gazetteer(list(paths), index_dir)
    except (OSError, ValueError) as e:
        raise GazetteerError(f"gazetteer index in {index_dir} is unreadable ({e}); delete it to rebuild") from None


def load(extra: list[str | Path] | tuple = (), *, quiet: bool = False) -> Gazetteer:
    """The embedded gazetteer plus any user gazetteers of the same schema."""
    paths = default_paths()
    for p in extra:
        p = Path(p).expanduser()
        if not p.is_file():
            raise GazetteerError(f"gazetteer file not found: {p}")
        paths.append(p.resolve())
    return _load_cached(tuple(paths), quiet)
