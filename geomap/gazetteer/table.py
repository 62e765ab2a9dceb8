"""Reading a gazetteer CSV: its header, records and byte offsets, with errors that name the
file and line."""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from ..errors import GazetteerError
from .schema import REQUIRED_COLUMNS


def iter_rows(path: Path, fi: int):
    """Yield (byte offset, row dict) for every record; a record must be one line."""
    with open(path, "rb") as f:
        header_line = f.readline()
        try:
            header = next(csv.reader([header_line.decode("utf-8-sig")]))
        except (StopIteration, UnicodeDecodeError) as e:
            raise GazetteerError(f"{path}: not a UTF-8 CSV file with a header ({e})") from None
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}; needs at least {', '.join(REQUIRED_COLUMNS)}")
        yield header
        offset = len(header_line)
        lineno = 1
        for raw in f:
            lineno += 1
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
                body = line[:-1] if line.endswith("\n") else line
                # A line without quotes or carriage returns is its commas' fields: what
                # the csv module returns, without building a reader for each of 250k lines.
                values = body.split(",") if '"' not in body and "\r" not in body else next(csv.reader([line]))
            except (UnicodeDecodeError, csv.Error) as e:
                raise GazetteerError(f"{path}:{lineno}: unreadable row ({e})") from None
            if len(values) != len(header):
                raise GazetteerError(f"{path}:{lineno}: {len(values)} fields, header has {len(header)} (multi-line fields are not supported)")
            yield start, dict(zip(header, values)), lineno


_BYTES_SPACE = " \t\n\r\x0b\x0c"  # what bytes.strip() strips: a blank line is skipped


def read_table(path: Path) -> tuple[list[str], list[list[str]], np.ndarray, list[int]]:
    """A CSV file's header, its records (lists of fields), each record's byte offset
    and line number, read in whole-file passes. Anything unusual (a bad byte, a
    quoted line the csv module rejects, a wrong field count) is handed to
    iter_rows, which reads row by row and raises the error with its line number."""
    data = path.read_bytes()
    nl = data.find(b"\n")
    head_len = nl + 1 if nl >= 0 else len(data)
    starts = np.flatnonzero(np.frombuffer(data, np.uint8, offset=head_len) == 10) + (head_len + 1)
    starts = np.concatenate(([head_len], starts))
    try:
        header = next(csv.reader([data[:head_len].decode("utf-8-sig")]))
        # Line by line: the whole text as one str would take four bytes a character
        # (it holds Chinese names), each line takes what its own characters need.
        lines = [line.decode("utf-8") for line in data[head_len:].split(b"\n")]
    except (StopIteration, UnicodeDecodeError, csv.Error):
        _raise_row_error(path)
        raise  # _raise_row_error found nothing: not expected, but never pass bad data on
    del data
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}; needs at least {', '.join(REQUIRED_COLUMNS)}")
    keep = [i for i, line in enumerate(lines) if line.strip(_BYTES_SPACE)]
    last = len(lines) - 1
    try:
        # A line without quotes or carriage returns is its commas' fields, as in iter_rows.
        rows = [lines[i].split(",") if '"' not in lines[i] and "\r" not in lines[i]
                else next(csv.reader([lines[i] + ("\n" if i < last else "")])) for i in keep]
    except csv.Error:
        _raise_row_error(path)
        raise
    width = len(header)
    if any(len(r) != width for r in rows):
        _raise_row_error(path)
        raise GazetteerError(f"{path}: a row's fields do not match the header")  # not reached
    return header, rows, starts[keep], [i + 2 for i in keep]


def _raise_row_error(path: Path) -> None:
    """Read path row by row to raise its first error as iter_rows words it."""
    for _ in iter_rows(path, 0):
        pass


def _numbers_error(path: Path, linenos: list[int], lat: list[str], lon: list[str], pop: list[str]) -> GazetteerError:
    """The first row whose numbers do not read, worded as the row-by-row reader did."""
    for lineno, la, lo, p in zip(linenos, lat, lon, pop):
        try:
            la, lo = float(la), float(lo)
            if not (-90 <= la <= 90 and -180 <= lo <= 180):
                raise ValueError("coordinates out of range")
            int(float(p or 0))
        except ValueError as e:
            return GazetteerError(f"{path}:{lineno}: bad number ({e})")
    return GazetteerError(f"{path}: bad number")
