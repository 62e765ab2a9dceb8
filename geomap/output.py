"""Write output files so that a crash never leaves a half-written one behind.

Data goes to a temporary file in the target's folder, which is fsynced and then
renamed over the target with os.replace (atomic on POSIX and Windows when both are on
the same file system, hence the same folder). Readers therefore see either the old
file or the complete new one.

On an exception, including KeyboardInterrupt, the temporary file is removed. A process
killed outright (SIGKILL, power loss) cannot clean up: it may leave a hidden
``.<name>.tmp-XXXXXXXX`` file beside the target, which is safe to delete; the target
itself is untouched.

"-" as a path means standard output (written directly: nothing to make atomic).
"""
from __future__ import annotations

import errno
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from geomap.errors import OutputError

TEMP_INFIX = ".tmp-"

# Errors that mean the write itself failed (disk full, quota...), as opposed to a bug
# in the code producing the data; they become OutputError so the CLI reports them.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}


def temp_prefix(path: str | os.PathLike[str]) -> str:
    """Name prefix of the temporary files written for ``path`` (hidden, recognisable)."""
    return f".{Path(path).name}{TEMP_INFIX}"


def _umask() -> int:
    # mkstemp creates files 0600; the final file should get the usual permissions.
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _target(path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    if target.is_symlink():
        # Replace the file the link points to, keeping the link (as editors do).
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    return target


@contextmanager
def atomic_writer(
    path: str | os.PathLike[str],
    mode: str = "w",
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """Open ``path`` for writing ("w" text or "wb" bytes); the file appears only whole.

    The target's folders are created if missing. Its permissions are kept when it
    exists, otherwise they follow the umask like any new file.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_writer mode must be 'w' or 'wb', not {mode!r}")
    binary = mode == "wb"
    if os.fspath(path) == "-":
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return

    target = _target(path)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(target), dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        try:
            existing = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            existing = 0o666 & ~_umask()
        try:
            os.fchmod(fd, existing)
        except OSError:  # some file systems (FAT, certain mounts) have no modes
            pass
        kwargs: dict[str, Any] = {} if binary else {"encoding": encoding, "newline": newline}
        with os.fdopen(fd, mode, **kwargs) as fh:
            fd = -1  # now owned by fh
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        if fd != -1:
            os.close(fd)
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform/file system.
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write all of ``data`` to ``path`` atomically ("-" writes to stdout)."""
    mode = "wb" if isinstance(data, (bytes, bytearray)) else "w"
    with atomic_writer(path, mode, encoding=encoding) as fh:
        fh.write(data)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # catches hard links and symlinks too
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def guard_inputs(
    output_path: str | os.PathLike[str],
    input_paths: Iterable[str | os.PathLike[str]],
    *,
    glob: str | None = None,
) -> None:
    """Raise OutputError if writing ``output_path`` would overwrite one of the inputs.

    With ``glob`` (the pattern used to search input folders), an existing output file
    inside an input folder that the search would read also counts as an input.
    """
    from geomap import ingest

    out = os.fspath(output_path)
    if out == "-":
        return
    out_path = Path(out)
    for item in input_paths:
        item_str = os.fspath(item)
        if item_str == "-" or ingest.is_url(item_str):
            continue
        in_path = Path(item_str)
        if in_path.is_dir():
            if glob is None or not out_path.is_file():
                continue
            folder = Path(os.path.realpath(in_path))
            real_out = Path(os.path.realpath(out_path))
            if folder in real_out.parents:
                rel = real_out.relative_to(folder).as_posix()
                hidden = any(part.startswith(".") for part in rel.split("/"))
                if not hidden and ingest.matches_glob(rel, glob):
                    raise OutputError(f"refusing to overwrite input {out} (it is read from folder {item_str})")
        elif _same_file(out_path, in_path):
            raise OutputError(f"refusing to overwrite input {item_str}")


def resolve_output_path(out: str | None, stem: str, suffix: str) -> str:
    """Where `-o OUT` writes: OUT itself, or `<stem><suffix>` inside OUT when OUT is a
    folder (an existing one, or any path ending in a slash); output/<stem><suffix> when
    no OUT is given. "-" stays standard output."""
    name = f"{stem or 'map'}{suffix}"
    if out is None:
        return str(Path("output") / name)
    if out == "-":
        return out
    if out.endswith(("/", os.sep)) or Path(out).is_dir():
        return str(Path(out) / name)
    return out
