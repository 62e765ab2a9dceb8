"""What the user named (files, folders, "-", URLs) turned into Documents, or an InputError in each one's place."""
from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from geomap.errors import InputError
from geomap.models import Document

from .files import open_input, read_file, read_limited, split_globs, walk
from .limits import FETCH_TIMEOUT, MAX_BYTES, SkippedInput
from .pages import text_document
from .records import jsonl_documents, parquet_documents, unique_id
from .urls import fetch, is_url, url_id

DEFAULT_GLOB = "*.txt|*.text|*.md|*.html|*.htm"
DEFAULT_JSONL_GLOB = "*.jsonl|*.ndjson"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def file_documents(
    path: Path, *, jsonl: bool, used: set[str], max_bytes: int, in_folder: bool = False
) -> Iterator[Document | InputError]:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from parquet_documents(path, used)
        return
    gzipped = suffix == ".gz"
    if gzipped:
        suffix = Path(path.stem).suffix.lower()
    if jsonl or suffix in JSONL_SUFFIXES:
        try:
            raw = open_input(path, in_folder)
        except InputError as exc:
            yield exc
            return
        # GzipFile leaves the file it reads open: both are closed here.
        with raw, (gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw) as fh:
            stem = Path(path.stem).stem if gzipped else path.stem
            try:
                yield from jsonl_documents(fh, name, stem, used, max_bytes, name)
            except (OSError, EOFError, zlib.error) as exc:  # EOFError, zlib.error: a damaged gzip stream
                yield InputError(f"{name}: cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    try:
        data = read_file(path, max_bytes, in_folder)
        html = True if suffix in HTML_SUFFIXES else None
        yield text_document(data, name, doc_id=unique_id(path.stem, used), html=html, path=name)
    except InputError as exc:
        yield exc


def input_files(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    glob: str | Sequence[str] | None = None,
    jsonl: bool = False,
) -> Iterator[tuple[str, Path]]:
    """(input as given, file) for every local file that load_documents would read."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if glob is None:
        glob = DEFAULT_JSONL_GLOB if jsonl else DEFAULT_GLOB
    for item in inputs:
        item_str = os.fspath(item)
        if item_str == "-" or is_url(item_str):
            continue
        path = Path(item_str)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            for file in walk(path, glob)[0]:
                yield item_str, file
        else:
            yield item_str, path


def load_documents(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    glob: str | Sequence[str] | None = None,
    jsonl: bool = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = FETCH_TIMEOUT,
) -> Iterator[Document | InputError]:
    """Yield one Document per text found in ``inputs``, or an InputError in its place.

    inputs: files; folders (searched recursively for ``glob``, a "|"-separated list of
    patterns, in sorted order, hidden entries skipped); "-" for stdin; http(s) URLs.
    jsonl: read every input as JSON Lines, one ``{"id": ..., "text": ...}`` per line
    (files named *.jsonl / *.ndjson are read so anyway). Document ids are file stems,
    made unique within the run in input order ("report", "report-2"), "stdin" for
    standard input.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one path given bare would otherwise be read letter by letter
    if glob is None:
        glob = DEFAULT_JSONL_GLOB if jsonl else DEFAULT_GLOB
    used: set[str] = set()
    for item in inputs:
        item_str = os.fspath(item)
        if item_str == "-":
            yield from _stdin_documents(jsonl=jsonl, used=used, max_bytes=max_bytes)
        elif is_url(item_str):
            try:
                body, final, charset, html = fetch(item_str, max_bytes=max_bytes, timeout=timeout)
                yield text_document(
                    body, item_str, doc_id=unique_id(url_id(final), used), html=html, url=final, declared_charset=charset
                )
            except InputError as exc:
                yield exc
        else:
            path = Path(item_str)
            try:
                is_dir = path.is_dir()
            except OSError:  # e.g. no permission on a parent: reading it says why
                is_dir = False
            if is_dir:
                files, errors = walk(path, glob)
                yield from errors
                if not files and all(isinstance(e, SkippedInput) for e in errors):
                    yield InputError(f"{item_str}: no files matching {'|'.join(split_globs(glob))} in this folder")
                for file in files:
                    yield from file_documents(file, jsonl=jsonl, used=used, max_bytes=max_bytes, in_folder=True)
            else:
                yield from file_documents(path, jsonl=jsonl, used=used, max_bytes=max_bytes)


def count_documents(
    inputs: Iterable[str | os.PathLike[str]], *, glob: str | Sequence[str] | None = None, jsonl: bool = False
) -> int | None:
    """How many documents load_documents will give, cheaply (lines, Parquet metadata); None if unknowable.

    Progress needs a total before the first document is read; this costs a quick pass over the
    bytes of line-based files and nothing for the rest.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    named = [os.fspath(item) for item in inputs]
    if "-" in named:
        return None
    urls = sum(1 for item in named if is_url(item))
    return urls + sum(_count_in_file(f, jsonl) for _, f in input_files(named, glob=glob, jsonl=jsonl))


def _count_in_file(path: Path, jsonl: bool) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        gzipped = suffix == ".gz"
        if gzipped:
            suffix = Path(path.stem).suffix.lower()
        if not (jsonl or suffix in JSONL_SUFFIXES):
            return 1
        n = 0
        with (gzip.open(path, "rb") if gzipped else open(path, "rb")) as fh:
            for line in fh:
                n += bool(line.strip())
        return n
    except (ImportError, OSError, EOFError, ValueError, zlib.error):
        return 1  # reading it for real will say what is wrong


def _stdin_documents(*, jsonl: bool, used: set[str], max_bytes: int) -> Iterator[Document | InputError]:
    stream = getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
    if stream is None:
        yield InputError("stdin: no standard input to read")
        return
    try:
        if jsonl:
            yield from jsonl_documents(stream, "stdin", "stdin", used, max_bytes, None)
            return
        data = read_limited(stream, "stdin", max_bytes)
        yield text_document(data, "stdin", doc_id=unique_id("stdin", used))
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"stdin: cannot read: {exc.strerror or exc}")
