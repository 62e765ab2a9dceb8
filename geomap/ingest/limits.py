"""Size limits and the errors every input path shares."""
from __future__ import annotations

from geomap.errors import InputError

MAX_BYTES = 20_000_000
FETCH_TIMEOUT = 30.0
DATE_LINES = 5  # how many non-blank lines at the top of a text may carry its date
MAX_ID_CHARS = 1000  # a JSON Lines id is a label, not a document


class SkippedInput(InputError):
    """A folder entry that is not a regular file (a FIFO, socket or device): never
    opened, since reading one can block forever; reported as a notice, not a failure."""


def binary_error(name: str) -> InputError:
    return InputError(f"{name}: looks like a binary file, not text")


def human_size(n: int) -> str:
    """20000000 -> '20 MB' (decimal units, as limits are documented)."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def too_big(name: str, size: int | None, max_bytes: int) -> InputError:
    got = f" ({human_size(size)})" if size is not None else ""
    return InputError(f"{name}: too large{got}; the limit is {human_size(max_bytes)} ({max_bytes} bytes) per text")
