"""Value types that flow one way through the pipeline.

ingest -> Document; extract -> Mention; gazetteer/resolve -> Place; events -> Event;
everything for one document is gathered in a Result. All are frozen so a stage can
never edit what an earlier stage produced.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    text: str
    id: str = "doc"
    lang: str | None = None
    title: str | None = None
    date: str | None = None  # ISO date the text was published, if known
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    id: str
    name: str
    kind: str  # country, admin1, city, region, sea, ...
    country_code: str
    lat: float
    lon: float
    population: int = 0
    admin1: str = ""
    source: str = ""
    geonameid: int | None = None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A stretch of the document that names a place (offsets are Python str indices)."""

    start: int
    end: int
    text: str
    demonym: bool = False  # "North Korean troops" names North Korea as an adjective


@dataclass(frozen=True)
class ResolvedPlace:
    place: Place
    mentions: tuple[Mention, ...]
    score: float  # confidence of the resolution, 0..1


@dataclass(frozen=True)
class Event:
    kind: str  # movement, presence, incident
    evidence: Span
    origin: str | None = None  # place ids within the same Result
    destination: str | None = None
    place: str | None = None
    actor: str | None = None
    what: str | None = None
    quantity: str | None = None
    quantity_value: float | None = None
    date: str | None = None
    source: str | None = None
    certainty: str = "stated"  # stated, reported, likely, denied


@dataclass(frozen=True)
class Result:
    document: Document
    places: tuple[ResolvedPlace, ...] = ()
    events: tuple[Event, ...] = field(default_factory=tuple)

    def place(self, place_id: str) -> ResolvedPlace | None:
        for rp in self.places:
            if rp.place.id == place_id:
                return rp
        return None
