"""http(s) inputs, fetched within one deadline for the whole request."""
from __future__ import annotations

import re
import threading
import time

from geomap.errors import InputError

from .limits import too_big


def is_url(value: str) -> bool:
    return bool(re.match(r"(?i)https?://", value))


def url_id(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    segment = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    # "%2F" decodes to a separator: keep only what follows the last one.
    segment = re.split(r"[/\\]", segment)[-1]
    stem = segment.rsplit(".", 1)[0] if "." in segment.lstrip(".") else segment
    return stem or parts.hostname or "url"


def fetch(url: str, *, max_bytes: int, timeout: float) -> tuple[bytes, str, str | None, bool | None]:
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
                raise too_big(url, expected, max_bytes)
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
                    raise too_big(url, None, max_bytes)
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
