"""The index on disk: the cache folder, atomic writes, the size-and-CRC digests that prove a
file whole, and publishing a finished build with one rename."""
from __future__ import annotations

import errno
import hashlib
import json
import mmap
import os
import shutil
import tempfile
import zlib
from pathlib import Path

from ..errors import GazetteerError
from .schema import INDEX_VERSION


def cache_dir() -> Path:
    env = os.environ.get("GEOMAP_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def dist_version(name: str) -> str:
    """An installed distribution's version, from its .dist-info folder's name beside
    the package: importlib.metadata costs a one-document run ~10 ms of imports (its
    e-mail parser) to say the same. Falls back to it for other layouts."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is not None and spec.origin:
        site = Path(spec.origin).resolve().parent.parent
        found = sorted(site.glob(f"{name}-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len(name) + 1:-len(".dist-info")]
    import importlib.metadata

    return importlib.metadata.version(name)


ARRAYS = ("lat", "lon", "population", "kind", "country", "file", "offset",
          "post_start", "post_rows", "post_match", "importance", "admin1_id")
# Every file of an index but meta.json, which lists them.
INDEX_FILES = tuple(f"{a}.npy" for a in ARRAYS) + ("names.marisa", "admin1.json", "admin1_codes.json",
                                                   "countries.json", "fuzzy.idx", "fuzzy.txt")


def _crc(data) -> str:
    return f"{zlib.crc32(data):08x}"


def _file_digest(path: Path) -> list:
    """[size, CRC-32] of a file. zlib's CRC runs at GB/s and reads through a
    memory map, so the whole index is checked in a few ms (a hash of samples would
    miss a damaged page in the middle of an array)."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size == 0:
            return [0, _crc(b"")]
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return [size, _crc(m)]


def _meta_checksum(meta: dict) -> str:
    body = {k: v for k, v in meta.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]


def verify_index(index_dir: Path) -> str | None:
    """Why the index in index_dir cannot be used, or None when it is whole.

    Checks that meta.json is this version's and unedited (its own checksum), that
    every file it lists has the recorded size and CRC.

    Reading 25 MB for the CRCs costs a fresh process more than the rest of its
    load, so a file that passed once is remembered in verified.json by size,
    mtime and inode (as the content key remembers the CSVs): any write through the
    file system changes those and brings the full check back. Files younger than
    a few seconds are never remembered, since a write in the same clock tick could
    leave the mtime unchanged.
    """
    import time

    try:
        meta = json.loads((index_dir / "meta.json").read_bytes())
    except OSError as e:
        if not index_dir.exists():  # also when a file stands where its parent folder should
            return "missing"
        return "meta.json is missing" if isinstance(e, FileNotFoundError) else \
            f"meta.json is unreadable ({type(e).__name__})"
    except ValueError as e:
        return f"meta.json is unreadable ({type(e).__name__})"
    if not isinstance(meta, dict) or meta.get("version") != INDEX_VERSION:
        return "meta.json is from another version"
    if meta.get("checksum") != _meta_checksum(meta):
        return "meta.json does not match its checksum"
    files = meta.get("files")
    if not isinstance(files, dict) or set(files) != set(INDEX_FILES):
        return "meta.json lists the wrong files"
    try:
        seen = json.loads((index_dir / VERIFIED).read_bytes())
        seen = seen if isinstance(seen, dict) else {}
    except (OSError, ValueError):
        seen = {}
    remember = {}
    now = time.time()
    for name, want in files.items():
        try:
            st = os.stat(index_dir / name)
            if st.st_size != want[0]:
                return f"{name} has {st.st_size} bytes, not {want[0]}"
            stamp = [st.st_size, st.st_mtime_ns, st.st_ino, want[1]]
            if seen.get(name) == stamp:
                continue
            got = _file_digest(index_dir / name)
        except OSError as e:
            return f"{name} is unreadable ({e.strerror or type(e).__name__})"
        if got != want:
            return f"{name} fails its checksum"
        if now - st.st_mtime > _SETTLED_SECONDS:
            remember[name] = stamp
    if remember:
        try:
            atomic_write_bytes(index_dir / VERIFIED, json.dumps({**seen, **remember}).encode())
        except OSError:
            pass  # a read-only cache: checked in full each time
    return None


VERIFIED = "verified.json"
_SETTLED_SECONDS = 2.0  # far above any file system clock tick (a few ms)


def _publish(tmp: Path, index_dir: Path) -> None:
    """Rename a finished build into place. Another process may have published the
    same index meanwhile: a whole one is kept (ours is dropped), a damaged one is
    moved aside first. Each step is one rename, so a reader never sees half an index."""
    for _ in range(10):
        try:
            os.rename(tmp, index_dir)
            return
        except OSError as e:
            if e.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
                raise
        if verify_index(index_dir) is None:
            shutil.rmtree(tmp, ignore_errors=True)
            return
        trash = Path(tempfile.mkdtemp(dir=index_dir.parent, prefix=".trash-"))
        try:
            os.rename(index_dir, trash / "old")
        except FileNotFoundError:
            pass  # someone else moved it: try again
        shutil.rmtree(trash, ignore_errors=True)
    raise GazetteerError(f"cannot publish the gazetteer index in {index_dir}: it keeps changing")


def _bucket_name(first: str, length: int) -> str:
    return f"{ord(first):x}-{length}.txt"
