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
    certainty: str = "stated"  # stated, reported, likely, planned, denied
    mover: str | None = None  # who or what moved, as the text names it ("1,500 North Korean troops")
    path: tuple[str, ...] = ()  # place ids passed through on the way ("via Jeddah"), in text order


@dataclass(frozen=True)
class Movement:
    """One route (origin, destination, what moved) and every report of it in a document.

    The map draws one arc per Movement; each report keeps its own evidence, source, date
    and certainty. ``origin`` is None when no report names where it came from.
    """

    origin: str | None
    destination: str
    what: str | None
    reports: tuple[Event, ...]


def group_movements(events) -> list[Movement]:
    """Movement events grouped by (origin, destination, what), in order of first report.

    A report that names no origin joins the group of the same destination and what that
    does name one, when exactly one such group exists: "They reached Mombasa" after "...
    left Dadaab for Mombasa" is the same journey told again.
    """
    groups: dict[tuple, list[Event]] = {}
    moves = [e for e in events if e.kind == "movement" and e.destination]
    for e in moves:
        if e.origin is not None:
            groups.setdefault((e.origin, e.destination, e.what), []).append(e)
    for e in moves:
        if e.origin is None:
            known = [k for k in groups if k[1] == e.destination and k[2] == e.what and k[0] is not None]
            key = known[0] if len(known) == 1 else (None, e.destination, e.what)
            groups.setdefault(key, []).append(e)
    order = {id(e): i for i, e in enumerate(moves)}
    out = [Movement(k[0], k[1], k[2], tuple(sorted(v, key=lambda e: order[id(e)]))) for k, v in groups.items()]
    return sorted(out, key=lambda m: order[id(m.reports[0])])


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

