"""Bytes to text: byte-order marks, UTF-16 without one, UTF-8, a declared charset, then detection.

Binary files and text that is only whitespace are refused here, for every input path."""
from __future__ import annotations

import codecs
import re

from geomap.errors import InputError

from .limits import binary_error

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
MAGIC = (
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
_HTML_SNIFF_RE = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)


def _finish_text(text: str, name: str) -> str:
    """Checks and normalisation shared by every decoding path."""
    if "\x00" in text:
        raise binary_error(name)
    controls = len(_CONTROL_RE.findall(text))
    # A stray form feed or DOS end-of-file mark is fine; many controls mean the bytes
    # were never text (or were decoded with the wrong charset).
    if controls > 8 and controls > len(text) // 100:
        raise binary_error(name)
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
        raise binary_error(name)
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


def decode(data: bytes, name: str, declared: str | None = None) -> str:
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
    if b"\x00" in data and not data.startswith(MAGIC):
        text = _utf16_without_bom(data)
        if text is not None:
            return _finish_text(text, name)
    if b"\x00" in data or data.startswith(MAGIC):
        raise binary_error(name)
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
    return decode(data, name)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF_RE.search(text[:2048]))
