"""Turn the user's inputs (files, folders, stdin, URLs, JSON Lines) into Documents.

Everything that can go wrong with one input becomes an InputError that is yielded in
that input's place, so one unreadable file never costs the rest of the run.

Limits, so a stray huge or hostile input fails fast and clearly:
- a file, a download or stdin larger than ``MAX_BYTES`` (20 MB by default) is refused
  before it is read whole; in a JSON Lines file the limit applies to each line, since
  such files are corpora of many documents;
- a URL is fetched within ``FETCH_TIMEOUT`` seconds for the whole request (not per
  read), up to ``MAX_BYTES``, and a body shorter than its Content-Length is an error.

Heavy libraries (charset_normalizer, trafilatura, dateparser) are imported inside the
functions that need them: this module is imported by the CLI on every run, including
``--help``.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import fnmatch
import gzip
import json
import os
import re
import stat
import sys
import threading
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from geomap.errors import InputError
from geomap.models import Document

MAX_BYTES = 20_000_000
FETCH_TIMEOUT = 30.0
DEFAULT_GLOB = "*.txt|*.text|*.md|*.html|*.htm"
DEFAULT_JSONL_GLOB = "*.jsonl|*.ndjson"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DATE_LINES = 5
MAX_ID_CHARS = 1000  # a JSON Lines id is a label, not a document  # how many non-blank lines at the top of a text may carry its date

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# Formats that people plausibly point a text tool at by mistake. Most contain NUL
# bytes anyway; the signatures catch the ones that happen not to near the start.
_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\x1f\x8b",  # gzip
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"%PDF-",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"\xfd7zXZ\x00",
    b"(\xb5/\xfd",  # zstd
    b"7z\xbc\xaf\x27\x1c",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old MS Office
)

# C0/C1 controls other than the usual whitespace; real text has almost none of them.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_HTML_SNIFF_RE = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG_RE = re.compile(r"""<html[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


class SkippedInput(InputError):
    """A folder entry that is not a regular file (a FIFO, socket or device): never
    opened, since reading one can block forever; reported as a notice, not a failure."""


def _binary_error(name: str) -> InputError:
    return InputError(f"{name}: looks like a binary file, not text")


def human_size(n: int) -> str:
    """20000000 -> '20 MB' (decimal units, as limits are documented)."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def _too_big(name: str, size: int | None, max_bytes: int) -> InputError:
    got = f" ({human_size(size)})" if size is not None else ""
    return InputError(f"{name}: too large{got}; the limit is {human_size(max_bytes)} ({max_bytes} bytes) per text")


def _finish_text(text: str, name: str) -> str:
    """Checks and normalisation shared by every decoding path."""
    if "\x00" in text:
        raise _binary_error(name)
    controls = len(_CONTROL_RE.findall(text))
    # A stray form feed or DOS end-of-file mark is fine; many controls mean the bytes
    # were never text (or were decoded with the wrong charset).
    if controls > 8 and controls > len(text) // 100:
        raise _binary_error(name)
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: contains only whitespace, no text")
    return text


def _codec(label: str | None) -> str | None:
    """A Python codec name for a declared charset, or None if unknown."""
    if not label:
        return None
    try:
        found = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    # As browsers do: pages labelled Latin-1 or ASCII are in practice Windows-1252.
    if found in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return found


def _guess_single_byte(data: bytes, name: str) -> str:
    import charset_normalizer

    try:
        matches = charset_normalizer.from_bytes(data)
    except Exception as exc:  # a detector bug must not crash the run
        raise InputError(f"{name}: cannot detect the text encoding ({exc})") from exc
    best = matches.best()
    if best is None:
        raise _binary_error(name)
    # Short Western texts are ambiguous between many code pages and the detector often
    # ranks an exotic one first (cp1250, cp1257...). Windows-1252 (a superset of
    # Latin-1's printable range) is by far the likeliest for English/Indonesian news,
    # so take it whenever it reads as well as the detector's favourite.
    for match in matches:
        if (
            {"cp1252", "latin_1"} & set(match.could_be_from_charset)
            and match.chaos <= best.chaos + 0.1
            and match.coherence >= best.coherence - 0.05
        ):
            return str(match)
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark, or None.

    Text in a Latin script is mostly ASCII, which UTF-16 stores with a zero byte on
    one side of every character (the odd bytes in little-endian, the even ones in
    big-endian); binary data has no such rhythm. What decodes is still checked by
    _finish_text for NULs and control characters.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        codec = "utf-16-le"
    elif even >= 0.3 * pairs and odd <= 0.02 * pairs:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode(data: bytes, name: str, declared: str | None = None) -> str:
    if not data:
        raise InputError(f"{name}: is empty")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _finish_text(data[len(bom):].decode(codec), name)
            except UnicodeDecodeError as exc:
                if label != "UTF-8":
                    raise InputError(f"{name}: starts with a {label} byte-order mark but is not valid {label}") from exc
                # A UTF-8 BOM followed by a few Windows-1252 bytes: let detection decide.
                data = data[len(bom):]
                break
    if b"\x00" in data and not data.startswith(_MAGIC):
        text = _utf16_without_bom(data)
        if text is not None:
            return _finish_text(text, name)
    if b"\x00" in data or data.startswith(_MAGIC):
        raise _binary_error(name)
    # Strict UTF-8 first: it is by far the commonest, almost never validates by
    # accident, and is fast even on a 10 MB single line.
    try:
        return _finish_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    codec = _codec(declared)
    if codec and codec != "utf-8":
        try:
            return _finish_text(data.decode(codec), name)
        except UnicodeDecodeError:
            pass
    return _finish_text(_guess_single_byte(data, name), name)


def read_text_bytes(data: bytes, name: str) -> str:
    """Decode one text file's bytes to str with line endings normalised to ``\\n``.

    Handles UTF-8 (with or without BOM), UTF-16/32 with a BOM, and single-byte
    encodings (Windows-1252, Latin-1 and others through charset-normalizer). Raises
    InputError for binary data, undecodable bytes and empty or whitespace-only text.
    """
    return _decode(data, name)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF_RE.search(text[:2048]))


# --------------------------------------------------------------------------- dates

_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_NUMERIC_RE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_DAY_MONTH_YEAR_RE = re.compile(r"\b\d{1,2}\.?\s+[^\W\d_]{3,}\.?,?\s+\d{4}\b")
_MONTH_DAY_YEAR_RE = re.compile(r"\b[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b")


def _make_date(year: int, month: int, day: int) -> _dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _date_in_line(line: str) -> _dt.date | None:
    m = _ISO_RE.search(line)
    if m:
        found = _make_date(int(m[1]), int(m[2]), int(m[3]))
        if found:
            return found
    m = _NUMERIC_RE.search(line)
    if m:
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        # Day first, as in Indonesian and British usage, unless that is impossible.
        found = _make_date(year, second, first) if first <= 31 and second <= 12 else None
        found = found or _make_date(year, first, second)
        if found:
            return found
    candidates = [m.group(0) for m in _DAY_MONTH_YEAR_RE.finditer(line)]
    candidates += [m.group(0) for m in _MONTH_DAY_YEAR_RE.finditer(line)]
    if not candidates:
        return None
    # dateparser's own search_dates misreads lines such as "24 October 2024 09.30 BST"
    # (as 9 October), so the regexes above find the date and dateparser only reads it,
    # which also makes it understand Indonesian month names. The month names of the
    # table below need no dateparser (a third of a one-article run's start-up).
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"}
    for candidate in candidates:
        known = _date_by_table(candidate)
        if known is not None:
            if known:
                return known
            continue
        import dateparser

        try:
            parsed = dateparser.parse(candidate, languages=["en", "id"], settings=settings)
        except Exception:  # dateparser raises assorted errors on odd strings
            continue
        if parsed is not None and 1900 <= parsed.year <= 2100:
            return parsed.date()
    return None


# English and Indonesian month names and their usual short forms; an English ordinal
# ("October 24th") goes only with an English one, as in dateparser.
_EN_MONTHS = {w: i for i, ws in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sep sept", "october oct", "november nov", "december dec"), 1) for w in ws.split()}
_MONTHS = {**_EN_MONTHS, **{w: i for i, ws in enumerate((
    "januari", "februari pebruari", "maret", "", "mei", "juni", "juli", "agustus agu agt", "",
    "oktober okt", "nopember", "desember des"), 1) for w in ws.split()}}
_DMY_PARTS = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MDY_PARTS = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(st|nd|rd|th)?,?\s+(\d{4})")


def _date_by_table(candidate: str) -> _dt.date | bool | None:
    """A candidate read with the month table: its date, False when it names a month
    but no real day ("31 February 2024"), None when its word is no month the table
    knows (dateparser reads it)."""
    m = _DMY_PARTS.fullmatch(candidate)
    if m:
        day, word, year = m[1], m[2], m[3]
    else:
        m = _MDY_PARTS.fullmatch(candidate)
        if not m:
            return None
        word, day, year = m[1], m[2], m[4]
        if m[3] and word.lower() not in _EN_MONTHS:
            return None
    month = _MONTHS.get(word.lower())
    if month is None:
        return None
    return _make_date(int(year), month, int(day)) or False


def find_date(text: str, lines: int = DATE_LINES) -> str | None:
    """The ISO date carried by the first few non-blank lines of a text, if any.

    Only the top is searched: dates further down are usually about events, not about
    when the text was published.
    """
    seen = 0
    for line in text.split("\n", 50)[:50]:
        line = line.strip()
        if not line:
            continue
        found = _date_in_line(line[:300])
        if found:
            return found.isoformat()
        seen += 1
        if seen >= lines:
            break
    return None


def _normalise_date(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return find_date(value, lines=1)


# --------------------------------------------------------------------------- HTML


def _html_lang(html: str) -> str | None:
    m = _HTML_LANG_RE.search(html[:4096])
    return m[1].lower() if m else None


def _field(result: object, key: str) -> str | None:
    # trafilatura 2 returns an object, 1.x a dict (and either may be None).
    value = result.get(key) if isinstance(result, dict) else getattr(result, key, None)
    return value if isinstance(value, str) else None


def html_document(html: str, name: str, *, doc_id: str, url: str | None = None, path: str | None = None) -> Document:
    """Main text and metadata of a web page; navigation, ads and footers are dropped."""
    import trafilatura

    text = title = date = page_url = None
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
        )
    except Exception:  # trafilatura/lxml can trip over broken markup; fall back below
        extracted = None
    if extracted is not None:
        text, title, date, page_url = (_field(extracted, k) for k in ("text", "title", "date", "url"))
    if not (text and text.strip()):
        # No article found (a short page, a listing...): keep whatever text the page
        # has rather than nothing, and still read its metadata.
        try:
            meta = trafilatura.extract_metadata(html, default_url=url)
            title = title or _field(meta, "title")
            date = date or _field(meta, "date")
            page_url = page_url or _field(meta, "url")
        except Exception:
            pass
        try:
            text = trafilatura.html2txt(html)
        except Exception:
            text = None
    if not (text and text.strip()):
        raise InputError(f"{name}: no text found in this HTML page")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(
        text=text,
        id=doc_id,
        lang=_html_lang(html),
        title=title or None,
        date=(_normalise_date(date) if date else None) or find_date(text),
        url=page_url or url,
        path=path,
    )


def text_document(
    data: bytes,
    name: str,
    *,
    doc_id: str,
    html: bool | None = None,
    url: str | None = None,
    path: str | None = None,
    declared_charset: str | None = None,
) -> Document:
    """One document from raw bytes; ``html=None`` sniffs the content."""
    declared = declared_charset
    if declared is None and (html or html is None):
        m = _META_CHARSET_RE.search(data[:4096])
        declared = m[1].decode("ascii") if m else None
    text = _decode(data, name, declared)
    if html or (html is None and looks_like_html(text)):
        return html_document(text, name, doc_id=doc_id, url=url, path=path)
    return Document(text=text, id=doc_id, date=find_date(text), url=url, path=path)


# --------------------------------------------------------------------------- sources


def _split_globs(glob: str | Sequence[str]) -> list[str]:
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
    for pattern in _split_globs(glob):
        pattern = pattern.lower()
        if "/" not in pattern:
            if fnmatch.fnmatchcase(parts[-1], pattern):
                return True
        elif _match_parts(parts, pattern.strip("/").split("/")):
            return True
    return False


def _walk(folder: Path, glob: str | Sequence[str]) -> tuple[list[Path], list[InputError]]:
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


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(name, None, max_bytes)
    return data


def _open(path: Path, regular_only: bool) -> BinaryIO:
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


def _read_file(path: Path, max_bytes: int, regular_only: bool = False) -> bytes:
    name = str(path)
    with _open(path, regular_only) as fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise _too_big(name, size, max_bytes)
            # Read with a cap too: special files (FIFOs, /dev/...) report size 0.
            return _read_limited(fh, name, max_bytes)
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc


def is_url(value: str) -> bool:
    return bool(re.match(r"(?i)https?://", value))


def _url_id(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    segment = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    # "%2F" decodes to a separator: keep only what follows the last one.
    segment = re.split(r"[/\\]", segment)[-1]
    stem = segment.rsplit(".", 1)[0] if "." in segment.lstrip(".") else segment
    return stem or parts.hostname or "url"


def _fetch(url: str, *, max_bytes: int, timeout: float) -> tuple[bytes, str, str | None, bool | None]:
    """(body, final URL, declared charset, is-HTML) or InputError, within ``timeout``
    seconds for the whole request: connecting, headers and body together.

    Socket timeouts apply to each read, so a server that trickles a byte every few
    seconds would never time out; the request therefore runs in a worker thread that
    is abandoned at the deadline (it stops by itself at its next read).
    """
    deadline = time.monotonic() + timeout
    outcome: list = []

    def work() -> None:
        try:
            outcome.append(_fetch_now(url, max_bytes=max_bytes, timeout=timeout, deadline=deadline))
        except BaseException as exc:  # handed to the caller's thread
            outcome.append(exc)

    worker = threading.Thread(target=work, name="geomap-fetch", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise InputError(f"could not fetch URL: {url}: timed out after {timeout:g} s")
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _fetch_now(url: str, *, max_bytes: int, timeout: float, deadline: float) -> tuple[bytes, str, str | None, bool | None]:
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "geomap (news map maker)", "Accept-Encoding": "identity"})
    prefix = f"could not fetch URL: {url}"
    timed_out = InputError(f"{prefix}: timed out after {timeout:g} s")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            expected = int(length) if length and length.strip().isdigit() else None
            if expected is not None and expected > max_bytes:
                raise _too_big(url, expected, max_bytes)
            chunks, got = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise timed_out
                chunk = resp.read1(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
                if got > max_bytes:
                    raise _too_big(url, None, max_bytes)
            body = b"".join(chunks)
            if expected is not None and got < expected:
                raise InputError(f"{prefix}: download cut short ({got:,} of {expected:,} bytes)")
            ctype = resp.headers.get_content_type()
            charset = resp.headers.get_content_charset()
            final = resp.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(f"{prefix}: HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise timed_out from exc
        detail = getattr(reason, "strerror", None) or str(reason)
        raise InputError(f"{prefix}: {detail}") from exc
    except TimeoutError as exc:
        raise timed_out from exc
    except http.client.IncompleteRead as exc:
        raise InputError(f"{prefix}: download cut short") from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise InputError(f"{prefix}: {exc}") from exc
    if ctype in ("text/html", "application/xhtml+xml"):
        html: bool | None = True
    elif ctype == "text/plain":
        html = False
    else:
        html = None
    return body, final, charset, html


def _unique(candidate: str, used: set[str]) -> str:
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


def _jsonl_documents(
    stream: BinaryIO, name: str, stem: str, used: set[str], max_bytes: int, path: str | None
) -> Iterator[Document | InputError]:
    head = stream.read(8192)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield InputError(f"{name}: is UTF-16; JSON Lines must be UTF-8")
        return
    if b"\x00" in head or head.startswith(_MAGIC):
        # Otherwise every "line" of a binary file would give an error of its own.
        yield _binary_error(name)
        return
    any_line = False
    for lineno, raw in _iter_lines(_Prefixed(head, stream), max_bytes):
        where = f"{name}:{lineno}"
        if raw is None:
            any_line = True
            yield _too_big(where, None, max_bytes)
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
    return _record_document(record, where, stem, lineno, used, path)


def _record_document(record: object, where: str, stem: str, lineno: int, used: set[str], path: str | None) -> Document:
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
        if value and _SURROGATE_RE.search(value):
            raise InputError(f'{where}: "{key}" contains a lone surrogate escape (such as \\ud800), not valid Unicode')
    if fields["date"]:
        date = _normalise_date(fields["date"])
        if date is None:
            raise InputError(f'{where}: "date" {fields["date"]!r} is not a date (use YYYY-MM-DD)')
        fields["date"] = date
    else:
        fields["date"] = find_date(text)
    return Document(
        text=text,
        id=_unique(doc_id, used),
        lang=fields["lang"],
        title=fields["title"],
        date=fields["date"],
        url=fields["url"],
        path=path,
    )


def _file_documents(
    path: Path, *, jsonl: bool, used: set[str], max_bytes: int, in_folder: bool = False
) -> Iterator[Document | InputError]:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from _parquet_documents(path, used)
        return
    gzipped = suffix == ".gz"
    if gzipped:
        suffix = Path(path.stem).suffix.lower()
    if jsonl or suffix in JSONL_SUFFIXES:
        try:
            raw = _open(path, in_folder)
        except InputError as exc:
            yield exc
            return
        # GzipFile leaves the file it reads open: both are closed here.
        with raw, (gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw) as fh:
            stem = Path(path.stem).stem if gzipped else path.stem
            try:
                yield from _jsonl_documents(fh, name, stem, used, max_bytes, name)
            except (OSError, EOFError, zlib.error) as exc:  # EOFError, zlib.error: a damaged gzip stream
                yield InputError(f"{name}: cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    try:
        data = _read_file(path, max_bytes, in_folder)
        html = True if suffix in HTML_SUFFIXES else None
        yield text_document(data, name, doc_id=_unique(path.stem, used), html=html, path=name)
    except InputError as exc:
        yield exc


PARQUET_FIELDS = ("id", "doc_id", "text", "lang", "date", "title", "url")


def _parquet_documents(path: Path, used: set[str]) -> Iterator[Document | InputError]:
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
                    yield _record_document(record, f"{name}: row {row}", path.stem, row, used, name)
                except InputError as exc:
                    yield exc
    except ImportError:
        yield InputError(f"{name}: reading Parquet needs pyarrow (pip install pyarrow)")
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        yield InputError(f"{name}: not a readable Parquet file: {exc}")


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
            for file in _walk(path, glob)[0]:
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
                body, final, charset, html = _fetch(item_str, max_bytes=max_bytes, timeout=timeout)
                yield text_document(
                    body, item_str, doc_id=_unique(_url_id(final), used), html=html, url=final, declared_charset=charset
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
                files, errors = _walk(path, glob)
                yield from errors
                if not files and all(isinstance(e, SkippedInput) for e in errors):
                    yield InputError(f"{item_str}: no files matching {'|'.join(_split_globs(glob))} in this folder")
                for file in files:
                    yield from _file_documents(file, jsonl=jsonl, used=used, max_bytes=max_bytes, in_folder=True)
            else:
                yield from _file_documents(path, jsonl=jsonl, used=used, max_bytes=max_bytes)


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
            yield from _jsonl_documents(stream, "stdin", "stdin", used, max_bytes, None)
            return
        data = _read_limited(stream, "stdin", max_bytes)
        yield text_document(data, "stdin", doc_id=_unique("stdin", used))
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"stdin: cannot read: {exc.strerror or exc}")
