"""Write output files so that a crash never leaves a half-written one behind.

Data goes to a temporary file in the target's folder, which is fsynced and then
renamed over the target with os.replace (atomic on POSIX and Windows when both are on
the same file system, hence the same folder). Readers therefore see either the old
file or the complete new one.

On an exception, including KeyboardInterrupt (and SIGTERM, which the CLI turns into
an exception), the temporary file is removed. A process
killed outright (SIGKILL, power loss) cannot clean up: it may leave a hidden
``.<name>.tmp-XXXXXXXX`` file beside the target, which is safe to delete; the target
itself is untouched.

"-" as a path means standard output (written directly: nothing to make atomic).

Every command writes through this module, so the rules hold for all of them: only a
regular file (or stdout) is ever written, never a device, FIFO or socket; an output
never replaces one of the run's inputs (same inode, whatever the path says); a name
derived from an input (a URL, a file name, an id) is reduced to a safe base name that
stays in the output folder; any failure of the write itself is an OutputError.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from geomap.errors import OutputError

TEMP_INFIX = ".tmp-"

# Errors that mean the write itself failed (disk full, quota...), as opposed to a bug
# in the code producing the data; they become OutputError so the CLI reports them.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}

# A derived name is at most this many UTF-8 bytes before its suffix: file systems
# allow 255 per name, and the hidden temporary name adds about 20.
MAX_NAME_BYTES = 120
_SCHEME_RE = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*:")
# Separators, characters Windows refuses in names, controls and lone surrogates.
_UNSAFE_RE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\ud800-\udfff]+')
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def safe_name(raw: object, default: str = "map", *, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A base name made from untrusted text (a URL segment, a file stem, a document id).

    The result has no folder separator, no leading dot (so neither ".." nor a hidden
    file), no scheme ("javascript:"), no control character, and at most ``max_bytes``
    UTF-8 bytes; ``default`` when nothing usable is left.
    """
    name = unicodedata.normalize("NFC", str(raw))
    name = _SCHEME_RE.sub("", name)
    name = _UNSAFE_RE.sub("-", name)
    name = re.sub(r"\s+", " ", name).strip(" .-_")
    encoded = name.encode("utf-8")
    if len(encoded) > max_bytes:
        name = encoded[:max_bytes].decode("utf-8", "ignore").rstrip(" .-_")
    return name or default


def encodable(text: str) -> str:
    """``text`` with lone surrogates (undecodable file names, say) as U+FFFD, so it
    can be written as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE_RE.sub("\ufffd", text)
    return text


def temp_prefix(path: str | os.PathLike[str]) -> str:
    """Name prefix of the temporary files written for ``path`` (hidden, recognisable).

    Made of the target's safe name: a writer such as GDAL trims or rejects odd
    characters in the name it is given, and would then write somewhere else."""
    return f".{safe_name(Path(path).name, 'output')}{TEMP_INFIX}"


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


def check_target(path: str | os.PathLike[str]) -> Path:
    """The file to replace when writing ``path``, or OutputError.

    A symlink is followed (the link is kept and its target replaced, as editors do).
    Only a regular file, or nothing yet, may be replaced: os.replace onto a device node
    (as root) or a FIFO would put a plain file in its place.
    """
    target = Path(path)
    try:
        st: os.stat_result | None = os.stat(target)  # follows links; a loop is ELOOP
    except FileNotFoundError:
        # "news/new/../b.txt" does not exist until the missing folders are created,
        # and then it is news/b.txt: the lexical form is what will be written.
        if ".." in target.parts:
            return check_target(os.path.abspath(target))
        st = None
    except OSError as exc:  # a symlink loop, a name too long, a file used as a folder...
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:  # a NUL or an unencodable character in the name
        raise OutputError(f"cannot write {path!r}: not a valid file name ({exc})") from exc
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if st is None:
        return target
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"cannot write {path}: not a regular file (a device, FIFO or socket)")
    return target


def _write_failed(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    where = "standard output" if os.fspath(path) == "-" else os.fspath(path)
    return OutputError(f"cannot write {where}: {exc.strerror or exc}")


def _detach_stdout(stream: IO[Any]) -> None:
    # After a failed write to stdout (a full disk, a closed pipe) the interpreter would
    # fail again flushing it at exit and print a traceback of its own: point the file
    # descriptor at /dev/null so what is left in the buffer goes nowhere quietly.
    try:
        fileno = stream.fileno()
    except (OSError, ValueError):
        return  # not a real file (a test runner's buffer)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fileno)
    finally:
        os.close(devnull)


def stdout_failed(exc: OSError) -> bool:
    """Whether ``exc`` is a failed write to an already open stream (a full disk or a
    closed pipe behind standard output, say); stdout is then made quiet."""
    if exc.errno not in _WRITE_ERRNOS | {errno.EPIPE} or exc.filename is not None:
        return False
    try:
        sys.stdout.flush()
    except OSError:
        _detach_stdout(sys.stdout)
    return True


@contextmanager
def _stdout_writer(binary: bool) -> Iterator[IO[Any]]:
    stream = sys.stdout.buffer if binary else sys.stdout
    try:
        yield stream
        stream.flush()
    except OSError as exc:
        if exc.errno not in _WRITE_ERRNOS | {errno.EPIPE}:
            raise
        _detach_stdout(stream)
        raise _write_failed("-", exc) from exc


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
        with _stdout_writer(binary) as stream:
            yield stream
        return

    target = check_target(path)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(target), dir=folder)
    except OSError as exc:
        raise _write_failed(path, exc) from exc
    tmp = Path(tmp_name)
    own_step = False  # an OSError in our own steps (not the caller's) is an output failure
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
            own_step = True
            fh.flush()
            os.fsync(fh.fileno())
        # The target may have become something else while the data was produced.
        check_target(path)
        os.replace(tmp, target)
    except BaseException as exc:
        if fd != -1:
            os.close(fd)
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and (own_step or exc.errno in _WRITE_ERRNOS):
            raise _write_failed(path, exc) from exc
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
    if mode == "w":
        data = encodable(data)  # type: ignore[arg-type]
    with atomic_writer(path, mode, encoding=encoding) as fh:
        fh.write(data)


def guard_inputs(
    output_path: str | os.PathLike[str],
    input_paths: Iterable[str | os.PathLike[str]],
    *,
    glob: str | None = None,
    jsonl: bool = False,
) -> None:
    """Raise OutputError if writing ``output_path`` would overwrite one of the inputs.

    Inputs are compared by identity (device and inode), so a different spelling, a
    symlink or a hard link to an input is caught; a folder input stands for every file
    the run reads from it (``glob`` and ``jsonl`` as given to ingest.load_documents).
    """
    from geomap import ingest

    out = os.fspath(output_path)
    if out == "-":
        return
    try:
        try:
            out_st = os.stat(out)
        except FileNotFoundError:
            out_st = os.stat(os.path.abspath(out))  # as check_target: "new/../b.txt" is b.txt
    except (OSError, ValueError):
        return  # nothing there yet, so no input; the write reports any other problem
    for item, path in ingest.input_files(input_paths, glob=glob, jsonl=jsonl):
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        if (st.st_dev, st.st_ino) == (out_st.st_dev, out_st.st_ino):
            if Path(item) == Path(path):
                raise OutputError(f"refusing to overwrite input {item}")
            raise OutputError(f"refusing to overwrite input {out} (it is read from folder {item})")


def resolve_output_path(out: str | None, stem: str, suffix: str) -> str:
    """Where `-o OUT` writes: OUT itself, or `<stem><suffix>` inside OUT when OUT is a
    folder (an existing one, or any path ending in a slash); output/<stem><suffix> when
    no OUT is given. "-" stays standard output. The stem comes from an input (a file
    name, a URL), so it is reduced to a plain name first (safe_name)."""
    name = f"{safe_name(stem, 'map')}{suffix}"
    if out is None:
        path = Path("output") / name
        # safe_name leaves no separator, so this holds; checked because it is the promise.
        if path.parent != Path("output"):
            raise OutputError(f"cannot derive an output name from {stem!r}")
        return str(path)
    if out == "-":
        return out
    if names_folder(out):
        return str(Path(out) / name)
    return out


def names_folder(out: str | None) -> bool:
    """Whether `-o OUT` names a folder to write into (an existing one, or a path ending in a slash)."""
    if out is None or out == "-":
        return False
    try:
        return out.endswith(("/", os.sep)) or Path(out).is_dir()
    except (OSError, ValueError):  # a name too long, a NUL: writing it will say so
        return False
