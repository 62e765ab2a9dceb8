"""One Document from raw bytes: plain text as it is, a web page through trafilatura."""
from __future__ import annotations

import re

from geomap.errors import InputError
from geomap.models import Document

from .dates import find_date, normalise_date
from .decode import decode, looks_like_html

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG_RE = re.compile(r"""<html[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


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
        date=(normalise_date(date) if date else None) or find_date(text),
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
    text = decode(data, name, declared)
    if html or (html is None and looks_like_html(text)):
        return html_document(text, name, doc_id=doc_id, url=url, path=path)
    return Document(text=text, id=doc_id, date=find_date(text), url=url, path=path)
