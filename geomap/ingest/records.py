"""Articles given as fields: JSON Lines (a file or stdin) and Parquet rows."""
from __future__ import annotations

import codecs
import datetime as _dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from geomap.errors import InputError
from geomap.models import Document

from .dates import find_date, normalise_date
from .decode import MAGIC
from .limits import MAX_ID_CHARS, binary_error, too_big

SURROGATE_RE = re.compile("[\ud800-\udfff]")


def unique_id(candidate: str, used: set[str]) -> str:
    """Same stem twice in one run (a/report.txt, b/report.txt): report, report-2..."""
    candidate = candidate or "doc"
    doc_id, n = candidate, 1
    while doc_id in used:
        n += 1
        doc_id = f"{candidate}-{n}"
    used.add(doc_id)
    return doc_id


class _Prefixed:
    """A binary stream whose first bytes were already read (to sniff them)."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self.head = head
        self.stream = stream

    def readline(self, limit: int) -> bytes:
        if not self.head:
            return self.stream.readline(limit)
        end = self.head.find(b"\n", 0, limit)
        if end >= 0 or len(self.head) >= limit:
            cut = end + 1 if end >= 0 else limit
            line, self.head = self.head[:cut], self.head[cut:]
            return line
        line, self.head = self.head, b""
        return line + self.stream.readline(limit - len(line))


def _iter_lines(stream: BinaryIO | _Prefixed, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over the size limit.

    readline is capped so one enormous line cannot be pulled into memory whole.
    """
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
        else:
            yield lineno, line


def jsonl_documents(
    stream: BinaryIO, name: str, stem: str, used: set[str], max_bytes: int, path: str | None
) -> Iterator[Document | InputError]:
    head = stream.read(8192)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield InputError(f"{name}: is UTF-16; JSON Lines must be UTF-8")
        return
    if b"\x00" in head or head.startswith(MAGIC):
        # Otherwise every "line" of a binary file would give an error of its own.
        yield binary_error(name)
        return
    any_line = False
    for lineno, raw in _iter_lines(_Prefixed(head, stream), max_bytes):
        where = f"{name}:{lineno}"
        if raw is None:
            any_line = True
            yield too_big(where, None, max_bytes)
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        any_line = True
        try:
            yield _jsonl_record(raw, where, stem, lineno, used, path)
        except InputError as exc:
            yield exc
    if not any_line:
        yield InputError(f"{name}: is empty")


def _jsonl_record(raw: bytes, where: str, stem: str, lineno: int, used: set[str], path: str | None) -> Document:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: line is not valid UTF-8 (JSON Lines must be UTF-8)") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(f"{where}: not usable JSON: nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"{where}: not usable JSON: {exc}") from exc
    return record_document(record, where, stem, lineno, used, path)


def record_document(record: object, where: str, stem: str, lineno: int, used: set[str], path: str | None) -> Document:
    """One article given as fields (a JSON Lines object, a Parquet row) as a Document."""
    if not isinstance(record, dict):
        raise InputError(f'{where}: expected a JSON object like {{"id": ..., "text": ...}}')
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f'{where}: missing "text" string')
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError(f'{where}: "text" contains NUL characters')
    if not text.strip():
        raise InputError(f'{where}: "text" is empty')
    raw_id = record.get("id", record.get("doc_id"))
    if raw_id is None:
        raw_id = f"{stem}-{lineno}"
    elif not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
        raise InputError(f'{where}: "id" must be a string or a number')
    fields: dict[str, str | None] = {}
    for key in ("lang", "date", "title", "url"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'{where}: "{key}" must be a string')
        fields[key] = value or None
    doc_id = str(raw_id)
    if len(doc_id) > MAX_ID_CHARS:
        raise InputError(f'{where}: "id" is {len(doc_id):,} characters long; at most {MAX_ID_CHARS} are allowed')
    for key, value in (("text", text), ("id", doc_id), *fields.items()):
        # JSON can spell a lone surrogate ("\ud800"), which is no character: it could
        # not be written out as UTF-8 later, so the line is refused here.
        if value and SURROGATE_RE.search(value):
            raise InputError(f'{where}: "{key}" contains a lone surrogate escape (such as \\ud800), not valid Unicode')
    if fields["date"]:
        date = normalise_date(fields["date"])
        if date is None:
            raise InputError(f'{where}: "date" {fields["date"]!r} is not a date (use YYYY-MM-DD)')
        fields["date"] = date
    else:
        fields["date"] = find_date(text)
    return Document(
        text=text,
        id=unique_id(doc_id, used),
        lang=fields["lang"],
        title=fields["title"],
        date=fields["date"],
        url=fields["url"],
        path=path,
    )


PARQUET_FIELDS = ("id", "doc_id", "text", "lang", "date", "title", "url")


def parquet_documents(path: Path, used: set[str]) -> Iterator[Document | InputError]:
    """Articles from a Parquet file, one row at a time (a batch of rows in memory, never the file)."""
    name = str(path)
    try:
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        columns = [c for c in PARQUET_FIELDS if c in pf.schema_arrow.names]
        if "text" not in columns:
            yield InputError(f'{name}: no "text" column (Parquet input needs id, text and optional date, url, title, lang)')
            return
        row = 0
        for batch in pf.iter_batches(batch_size=256, columns=columns):
            for record in batch.to_pylist():
                row += 1
                record = {k: v for k, v in record.items() if v is not None}
                if isinstance(record.get("date"), (_dt.date, _dt.datetime)):
                    record["date"] = record["date"].isoformat()[:10]
                try:
                    yield record_document(record, f"{name}: row {row}", path.stem, row, used, name)
                except InputError as exc:
                    yield exc
    except ImportError:
        yield InputError(f"{name}: reading Parquet needs pyarrow (pip install pyarrow)")
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        yield InputError(f"{name}: not a readable Parquet file: {exc}")
