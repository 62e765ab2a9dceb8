"""Value types that flow one way through the pipeline.

ingest -> Document; extract -> Mention; gazetteer/resolve -> Place; events -> Event;
everything for one document is gathered in a Result. All are frozen so a stage can
never edit what an earlier stage produced.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: the frames need geopandas, the pipeline does not
    import geopandas

    from .frames import Layer


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

    def to_geodataframe(self, layer: Layer = "places") -> geopandas.GeoDataFrame:
        """One layer ("places", "mentions", "movements" or "presences") as a
        geopandas.GeoDataFrame in EPSG:4326; see geomap.frames.to_geodataframe.

        >>> import geomap
        >>> r = geomap.extract("Ships carried troops from Vladivostok to Busan.")
        >>> r.to_geodataframe("mentions")[["name", "text", "start", "end"]]
                  name         text  start  end
        0  Vladivostok  Vladivostok     26   37
        1        Busan        Busan     41   46
        """
        from .frames import to_geodataframe  # geopandas only when asked for

        return to_geodataframe(self, layer)

    def _repr_html_(self) -> str:
        # Jupyter shows this instead of the dataclass repr, which prints the whole text.
        from .frames import summary_html

        return summary_html(self)


@dataclass(frozen=True)
class Failure:
    """A document, or a piece of input, that gave no Result; the run goes on without it."""

    error: str
    doc_id: str | None = None
    input: str | None = None  # the file or address it came from
    skipped: bool = False  # not an error: a special file in a folder, passed over with a note

