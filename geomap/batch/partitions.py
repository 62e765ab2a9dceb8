"""Documents streamed into fixed-size partitions, each named by what it holds.

A partition's key hashes geomap's version, the run's options and every document in it, so a rerun
over the same input finds the partitions it already finished, and a change to the input, to the
options or to geomap itself makes the affected partitions new work.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .. import __version__
from ..errors import InputError
from ..models import Document


@dataclass(frozen=True)
class Partition:
    index: int
    key: str
    documents: tuple[Document, ...]
    errors: tuple[str, ...] = ()  # input that could not be read, reported in this partition's failures

    @property
    def name(self) -> str:
        return f"{self.index:06d}-{self.key[:20]}"


@dataclass(frozen=True)
class Options:
    lang: str | None = None
    date: str | None = None
    gazetteers: tuple[str, ...] = ()
    events: bool = True

    def fingerprint(self) -> str:
        return json.dumps([__version__, self.lang, self.date, list(self.gazetteers), self.events])


def _key(options: Options, docs: list[Document], errors: list[str]) -> str:
    h = hashlib.sha256(options.fingerprint().encode())
    for d in docs:
        for v in (d.id, d.text, d.lang, d.date, d.title, d.url):
            h.update(b"\x1f" + (v or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1e")
    for e in errors:
        h.update(b"\x1d" + e.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def partitions(items: Iterable[Document | InputError], size: int, options: Options) -> Iterator[Partition]:
    """Group the stream into partitions of ``size`` documents without reading ahead of them."""
    docs: list[Document] = []
    errors: list[str] = []
    index = 0
    from ..ingest import SkippedInput

    for item in items:
        if isinstance(item, SkippedInput):
            continue  # a FIFO or device in a folder: passed over, as every command does
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        if options.date and not item.date:
            item = dataclasses.replace(item, date=options.date)
        if options.lang:
            item = dataclasses.replace(item, lang=options.lang)
        docs.append(item)
        if len(docs) >= size:
            yield Partition(index, _key(options, docs, errors), tuple(docs), tuple(errors))
            docs, errors, index = [], [], index + 1
    if docs or errors:
        yield Partition(index, _key(options, docs, errors), tuple(docs), tuple(errors))
