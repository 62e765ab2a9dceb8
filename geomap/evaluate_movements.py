"""Score the movements (and places) geomap reads against movement gold.

Gold: JSON Lines in the shared movement format (one passage a line with ``text``,
``lang``, ``date``, ``places`` and ``movements``; see tests/data/README.md). A gold
movement is found when a predicted one has a matching destination and, where the gold
names an origin, a matching origin. Two ends match when they are within 161 km, or when
either is a country and both lie in the same country. Matching is one to one. Gold
movements without a destination are not scored.

Reports of one route are merged on both sides before matching: the same movement told
in three sentences is one movement, and a report without an origin joins a report of
the same destination that names one.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .distance import country_of, haversine_km
from .errors import InputError
from .evaluate import Scores, read_rows
from .gazetteer import fold

MATCH_KM = 161.0


# Places whose point is a convention, as a country's is: a continent, a region, a sea
AREA_KINDS = frozenset({"continent", "region", "sea", "ocean"})


@dataclass(frozen=True)
class End:
    """One end of a movement: a name and a point, whether it is a country, and whether it is an area
    whose point is a convention (a continent, region or sea)."""

    name: str
    lat: float
    lon: float
    country: bool = False
    area: bool = False

    @classmethod
    def of_place(cls, p) -> "End":
        """The end a resolved gazetteer place makes (models.Place)."""
        return cls(p.name, p.lat, p.lon, p.kind == "country", p.kind in AREA_KINDS)


@dataclass
class Route:
    doc: str
    destination: End
    origin: End | None
    evidence: list[str] = field(default_factory=list)
    mover: str | None = None


@dataclass
class MovementScores:
    lang: str
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    misses: list[Route] = field(default_factory=list)
    false_alarms: list[Route] = field(default_factory=list)
    unrecognised: int = 0  # missed gold movements with an end the geoparser found no place near

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def recall_recognised(self) -> float:
        """Recall over the gold movements whose ends the geoparser recognised: what the events stage could find."""
        n = self.gold - self.unrecognised
        return self.correct / n if n else 0.0

    def as_dict(self) -> dict:
        def route(r: Route) -> dict:
            return {"doc": r.doc, "origin": r.origin.name if r.origin else None, "destination": r.destination.name,
                    "mover": r.mover, "evidence": r.evidence}
        return {"lang": self.lang, "docs": self.docs, "gold": self.gold, "predicted": self.predicted,
                "correct": self.correct, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "unrecognised": self.unrecognised,
                "recall_recognised": round(self.recall_recognised, 4), "misses": [route(r) for r in self.misses],
                "false_alarms": [route(r) for r in self.false_alarms]}


def is_movement_gold(path: str | Path) -> bool:
    """Does the first row of ``path`` carry ``movements`` (rather than ``toponyms``)?"""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"gold file not found: {p}")
    with open(p, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    row = json.loads(line)
                except ValueError:
                    return False
                return isinstance(row, dict) and "movements" in row
    return False


def read_movement_gold(path: str | Path):
    def check(row):
        if not isinstance(row["text"], str) or not isinstance(row["movements"], list):
            raise TypeError("text must be a string and movements a list")

    def hint(e):
        missing_text = isinstance(e, KeyError) and e.args == ("text",)
        return " (real excerpts carry no text: build them with scripts/real_excerpts.py)" if missing_text else ""

    return read_rows(path, check, "a movement gold row", hint)


# An archipelago's representative point may lie at sea, farther than a coast's 50 km from
# any island (Indonesia at -2.5, 118 sits in the Makassar Strait): a country end looks wider.
COUNTRY_REACH = 2.0


def ends_match(a: End, b: End) -> bool:
    if haversine_km(a.lat, a.lon, b.lat, b.lon) <= MATCH_KM:
        return True
    if a.area and b.area and a.name and fold(a.name) == fold(b.name):
        # the same place: "South America" at the gold's -15,-60 and at GeoNames' -14.6,-57.7 (255 km)
        return True
    if a.country or b.country:
        ca = country_of(a.lat, a.lon, COUNTRY_REACH if a.country else 0.5)
        cb = country_of(b.lat, b.lon, COUNTRY_REACH if b.country else 0.5)
        return ca is not None and ca == cb
    return False


# --------------------------------------------------------------------------- routes

MERGE_KM = 50.0


def _same_end(a: End, b: End) -> bool:
    """Two reports name the same end: the same place, within 50 km (no country rule: Ukraine -> Poland
    and Odesa -> Przemysl are two routes; Pyongyang -> Russia and North Korea -> Russia too)."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= MERGE_KM


def _merge(routes: list[Route]) -> list[Route]:
    """One route per (origin, destination); an origin-less report joins a route to the same destination."""
    out: list[Route] = []
    for r in sorted(routes, key=lambda r: r.origin is None):
        same = next((o for o in out if _same_end(o.destination, r.destination) and (
            r.origin is None or (o.origin is not None and _same_end(o.origin, r.origin)))), None)
        if same is None:
            out.append(r)
        else:
            same.evidence.extend(e for e in r.evidence if e not in same.evidence)
            same.mover = same.mover or r.mover
    return out


def gold_end(row: dict):
    """A reader of one gold row's ends: origin/destination dict -> End, or None without a point; a
    country by its own kind or by the kind of the row's place at the same offsets."""
    kinds = {(p.get("start"), p.get("end")): p.get("kind") for p in row.get("places", [])}

    def end(x: dict | None) -> End | None:
        if not x or x.get("lat") is None or x.get("lon") is None:
            return None
        kind = x.get("kind") or kinds.get((x.get("start"), x.get("end")))
        return End(x.get("name") or "", float(x["lat"]), float(x["lon"]), kind == "country", kind in AREA_KINDS)
    return end


def gold_routes(row: dict) -> list[Route]:
    text = row["text"]
    end = gold_end(row)
    routes = []
    for m in row["movements"]:
        d = end(m.get("destination"))
        if d is None:
            continue  # origin-only movements ("fled Sudan") are kept in the gold but not scored
        ev = m.get("evidence") or {}
        evidence = text[ev["start"]:ev["end"]] if "start" in ev and "end" in ev else ""
        routes.append(Route(str(row.get("id")), d, end(m.get("origin")), [evidence], m.get("mover")))
    return _merge(routes)


def predicted_routes(doc_id: str, result) -> list[Route]:
    places = {rp.place.id: rp.place for rp in result.places}

    def end(pid: str | None) -> End | None:
        p = places.get(pid) if pid else None
        return None if p is None else End.of_place(p)

    routes = []
    for e in result.events:
        if e.kind != "movement" or end(e.destination) is None:
            continue
        routes.append(Route(doc_id, end(e.destination), end(e.origin), [e.evidence.text],
                            " ".join(x for x in (e.quantity, e.actor, e.what) if x) or None))
    return _merge(routes)


def match(gold: list[Route], pred: list[Route]) -> tuple[int, list[Route], list[Route]]:
    """One-to-one matching: (matched, gold not found, predictions that match nothing).

    The largest matching, not a greedy one: a prediction that fits two gold movements (a
    country origin fits every city in it) goes to the one no other prediction can take.
    Each gold tries its fitting predictions nearest destination first."""
    def fits(g: Route, p: Route) -> bool:
        return ends_match(g.destination, p.destination) and (
            g.origin is None or (p.origin is not None and ends_match(g.origin, p.origin)))

    order = sorted(range(len(gold)), key=lambda i: gold[i].origin is None)  # the stricter gold first
    edges = {i: sorted((j for j, p in enumerate(pred) if fits(gold[i], p)),
                       key=lambda j: haversine_km(gold[i].destination.lat, gold[i].destination.lon,
                                                  pred[j].destination.lat, pred[j].destination.lon))
             for i in order}
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in order:
        augment(i, set())
    matched = set(owner.values())
    missed = [gold[i] for i in order if i not in matched]
    return len(gold) - len(missed), missed, [p for j, p in enumerate(pred) if j not in owner]


def score_movements(paths, gazetteer=None, *, include_demonyms: bool = True) -> tuple[list[MovementScores], list[Scores]]:
    """Movement scores and place scores (recognition and A@161), one of each per language."""
    import time

    from .api import extract
    from .models import Document

    by_lang: dict[str, MovementScores] = {}
    place_counts: dict[str, dict] = defaultdict(lambda: {"docs": 0, "gold": 0, "pred": 0, "correct": 0,
                                                           "errors": [], "seconds": 0.0, "words": 0})
    for path in paths:
        for row in read_movement_gold(path):
            lang = row.get("lang") or "en"
            doc = Document(text=row["text"], id=str(row.get("id")), lang=lang, date=row.get("date"))
            t = time.perf_counter()
            result = extract(doc, lang=lang, gazetteer=gazetteer)
            pc = place_counts[lang]
            pc["seconds"] += time.perf_counter() - t
            pc["docs"] += 1
            pc["words"] += len(row["text"].split())
            s = by_lang.setdefault(lang, MovementScores(lang))
            s.docs += 1
            gold, pred = gold_routes(row), predicted_routes(doc.id, result)
            n, missed, extra = match(gold, pred)
            s.gold += len(gold)
            s.predicted += len(pred)
            s.correct += n
            s.misses += missed
            found = [End.of_place(rp.place) for rp in result.places]
            s.unrecognised += sum(1 for g in missed if not all(
                any(ends_match(e, f) for f in found) for e in (g.destination, g.origin) if e is not None))
            s.false_alarms += extra
            # Sets that annotate no adjectives ("hondureños", "українських") are scored with
            # include_demonyms=False, as the toponym corpora are with --no-demonyms.
            spans = {(m.start, m.end): rp.place for rp in result.places for m in rp.mentions
                     if include_demonyms or not m.demonym}
            gold_places = {(p["start"], p["end"]): p for p in row.get("places", [])}
            pc["gold"] += len(gold_places)
            pc["pred"] += len(spans)
            for span, g in gold_places.items():
                if span in spans:
                    pc["correct"] += 1
                    if g.get("lat") is not None and g.get("lon") is not None:
                        p = spans[span]
                        pc["errors"].append(haversine_km(g["lat"], g["lon"], p.lat, p.lon))
    moves = [by_lang[k] for k in sorted(by_lang)]
    places = [Scores(f"places-{k}", v["docs"], v["gold"], v["pred"], v["correct"], v["errors"], v["seconds"], v["words"])
              for k, v in sorted(place_counts.items())]
    return moves, places


def format_text(moves: list[MovementScores], places: list[Scores], max_list: int = 200) -> str:
    lines = [f"{'movements':<14}{'docs':>6}{'gold':>7}{'pred':>7}{'found':>7}{'P':>7}{'R':>7}{'F1':>7}{'unrec':>7}{'R*':>7}"]
    for s in moves:
        lines.append(f"{s.lang:<14}{s.docs:>6}{s.gold:>7}{s.predicted:>7}{s.correct:>7}"
                     f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.unrecognised:>7}{s.recall_recognised:>7.3f}")
    lines.append("(unrec: missed gold movements with an end the geoparser recognised no place near; "
                 "R*: recall over the others)")
    lines.append("")
    lines.append(f"{'places':<14}{'docs':>6}{'gold':>7}{'P':>7}{'R':>7}{'F1':>7}{'A@161':>8}")
    for p in places:
        lines.append(f"{p.corpus:<14}{p.docs:>6}{p.gold:>7}{p.precision:>7.3f}{p.recall:>7.3f}{p.f1:>7.3f}{p.acc161:>8.3f}")

    def show(r: Route) -> str:
        route = f"{r.origin.name if r.origin else '?'} -> {r.destination.name}"
        ev = " | ".join(" ".join(e.split()) for e in r.evidence)
        return f"  {r.doc}: {route}" + (f" [{r.mover}]" if r.mover else "") + f"\n      {ev}"

    for s in moves:
        for title, rows in ((f"misses ({s.lang}): gold movements not found", s.misses),
                            (f"false alarms ({s.lang}): predicted movements not in the gold", s.false_alarms)):
            if rows:
                lines.append("")
                lines.append(f"{title}: {len(rows)}")
                lines.extend(show(r) for r in rows[:max_list])
                if len(rows) > max_list:
                    lines.append(f"  ... and {len(rows) - max_list} more (--format json lists all)")
    return "\n".join(lines)
