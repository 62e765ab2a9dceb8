"""Local files: folder walks with globs, and reads that never block on a FIFO or exceed the limit."""
from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from geomap.errors import InputError

from .limits import SkippedInput, too_big


def split_globs(glob: str | Sequence[str]) -> list[str]:
    parts = glob.split("|") if isinstance(glob, str) else list(glob)
    return [p.strip() for p in parts if p.strip()]


def _match_parts(parts: list[str], pattern: list[str]) -> bool:
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_match_parts(parts[i:], pattern[1:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], pattern[0]) and _match_parts(parts[1:], pattern[1:])


def matches_glob(relpath: str, glob: str | Sequence[str]) -> bool:
    """Whether a file (path relative to the folder searched) matches any pattern.

    Case-insensitive, so STORY.TXT counts as *.txt. A pattern without "/" looks at the
    file name only, at any depth; one with "/" at the whole relative path, where "*"
    stays within one folder and "**" spans any number of them (as in shell globs).
    """
    relpath = relpath.replace(os.sep, "/").lower()
    parts = relpath.split("/")
    for pattern in split_globs(glob):
        pattern = pattern.lower()
        if "/" not in pattern:
            if fnmatch.fnmatchcase(parts[-1], pattern):
                return True
        elif _match_parts(parts, pattern.strip("/").split("/")):
            return True
    return False


def walk(folder: Path, glob: str | Sequence[str]) -> tuple[list[Path], list[InputError]]:
    found: list[tuple[str, Path]] = []
    errors: list[InputError] = []

    def onerror(exc: OSError) -> None:
        errors.append(InputError(f"{exc.filename}: cannot read folder: {exc.strerror}"))

    for root, dirs, files in os.walk(folder, onerror=onerror):
        # Hidden folders are VCS metadata, caches and the like, never news.
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for fname in files:
            if fname.startswith("."):
                continue
            full = Path(root, fname)
            rel = full.relative_to(folder).as_posix()
            if not matches_glob(rel, glob):
                continue
            try:
                mode = os.stat(full).st_mode
            except OSError:
                mode = stat.S_IFREG  # a dangling link: reading it says why
            if stat.S_ISREG(mode):
                found.append((rel, full))
            else:
                errors.append(SkippedInput(f"{full}: skipped, not a regular file (a FIFO, socket or device)"))
    found.sort(key=lambda item: item[0])
    return [full for _, full in found], errors


def read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_big(name, None, max_bytes)
    return data


def open_input(path: Path, regular_only: bool) -> BinaryIO:
    """Open an input for reading. A file found in a folder must be a regular file: it is
    opened without blocking (a FIFO swapped in after the folder was listed would
    otherwise wait forever for a writer) and refused if it is anything else."""
    name = str(path)
    try:
        if not regular_only:
            return open(path, "rb")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise SkippedInput(f"{name}: skipped, not a regular file (a FIFO, socket or device)")
        return os.fdopen(fd, "rb")
    except FileNotFoundError as exc:
        raise InputError(f"{name}: no such file or directory") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{name}: is a folder") from exc
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    except ValueError as exc:  # a NUL or an unencodable character in the name
        raise InputError(f"{name!r}: not a valid file name ({exc})") from exc


def read_file(path: Path, max_bytes: int, regular_only: bool = False) -> bytes:
    name = str(path)
    with open_input(path, regular_only) as fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise too_big(name, size, max_bytes)
            # Read with a cap too: special files (FIFOs, /dev/...) report size 0.
            return read_limited(fh, name, max_bytes)
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
