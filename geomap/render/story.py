"""What the map tells: its places (one per gazetteer entry across all documents, with the
role it plays in the story), its routes, and the frame the opening view fits."""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..sentences import split_sentences
from ..models import Event, ResolvedPlace, Result
from .palette import category_of
from .routes import Route, group_routes
from .spelling import spellers
from .ui import UI, choose
from .words import place_label

ROLES = ("origin", "destination", "presence", "mentioned")


class Sentences:
    """Sentence boundaries of one document, so each mention maps to its sentence.

    The events stage's splitter, so a popup quotes the same sentence an event cites
    ("Mr. Putin" and "U.S. troops" do not end one)."""

    def __init__(self, text: str, lang: str | None):
        self.text = text
        self.spans = split_sentences(text, lang)
        self.starts = [a for a, _ in self.spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0 or self.spans[i][1] < end:
            # outside any sentence (only whitespace around it): quote just the mention
            return start, end
        return self.spans[i]


@dataclass
class PlaceView:
    rp: ResolvedPlace  # the first document's
    label: str
    role: str = "mentioned"
    seen: list[tuple[int, ResolvedPlace]] = field(default_factory=list)  # (doc, its entry)
    presence: list[tuple[int, Event]] = field(default_factory=list)
    events: list[tuple[int, Event]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(rp.mentions) for _, rp in self.seen)

    @property
    def colour(self) -> str | None:
        """A presence square's fill: the category of what is reported there."""
        return category_of(self.presence[0][1].what).colour if self.presence else None


@dataclass
class Story:
    results: list[Result]
    places: list[PlaceView]
    routes: list[Route]
    frame: list[tuple[float, float]]  # (lat, lon) points the opening view must hold
    ui: UI = field(default_factory=UI)  # the interface's words
    _sentences: dict[int, Sentences] = field(default_factory=dict)

    @property
    def multi(self) -> bool:
        return len(self.results) > 1

    def sentences(self, doc: int) -> Sentences:
        s = self._sentences.get(doc)
        if s is None:
            d = self.results[doc].document
            s = self._sentences[doc] = Sentences(d.text, d.lang)
        return s

    def doc_name(self, doc: int) -> str:
        """The document's title or headline, never its file name."""
        d = self.results[doc].document
        if d.title:
            return d.title
        first = d.text.strip().split("\n", 1)[0].strip()
        if 0 < len(first) <= 120 and not first.endswith((".", "!", "?")):
            return first  # a headline line
        return self.ui("story.n", n=doc + 1)


def build_story(results: Sequence[Result], ui_lang: str | None = None, gazetteer=None) -> Story:
    """ui_lang: the interface's language (default: the documents' language); gazetteer:
    the one the results came from, for labels in an inflected language's own spelling
    (default: the embedded one, loaded only for such a language)."""
    results = list(results)
    ui = choose(results, ui_lang)
    spell = spellers(results, gazetteer)
    routes = group_routes(results)
    places: dict[str, PlaceView] = {}
    for doc, res in enumerate(results):
        for rp in res.places:
            pv = places.get(rp.place.id)
            if pv is None:
                pv = places[rp.place.id] = PlaceView(rp, place_label(rp, spell.get(res.document.lang)))
            pv.seen.append((doc, rp))
        for ev in res.events:
            for pid in dict.fromkeys((ev.origin, ev.destination, ev.place)):
                if pid and pid in places:
                    places[pid].events.append((doc, ev))
            if ev.kind == "presence" and ev.place in places:
                places[ev.place].presence.append((doc, ev))
    # Roles from what is drawn: a country whose movements end at a city named with it
    # is only mentioned, and so does not pull the opening view to its centre.
    ends: dict[str, set[str]] = {}
    for rt in routes:
        ends.setdefault(rt.origin.place.id, set()).add("origin")
        ends.setdefault(rt.destination.place.id, set()).add("destination")
    for pid, pv in places.items():
        got = ends.get(pid, set()) | ({"presence"} if pv.presence else set())
        pv.role = next((r for r in ROLES if r in got), "mentioned")

    frame: list[tuple[float, float]] = []
    for pv in places.values():
        if pv.role != "mentioned":
            frame.append((pv.rp.place.lat, pv.rp.place.lon))
    for rt in routes:
        for part in rt.parts():
            frame.extend(part[:: max(1, len(part) // 6)])
    if not frame:
        frame = [(pv.rp.place.lat, pv.rp.place.lon) for pv in places.values()]
    ordered = sorted(places.values(), key=lambda pv: (ROLES.index(pv.role), -pv.count, pv.label))
    return Story(results, ordered, routes, frame, ui)
