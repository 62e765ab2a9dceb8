"""A learned movement scorer applied after the rules.

The rules (``sentence``) read each movement from the preposition or verb that governs a place. They
miss, or mis-pair, ends that real reporting leaves to context. This step lists, for every sentence with
a movement cue, each usable place as a possible destination paired with each possible origin (none, a
place of the same sentence, a demonym's country, a place of the one or two sentences before, the
origin the rules chose, or an origin the discourse state carries: where the group was last said to be, the
place it last left, the last place reached, however far back) and scores each pair with a logistic model over language-neutral features: the
role the language data gave each end, the cue's class and distance, order, kinds, hedges, quotes,
whether the rules made the pair. Per sentence and destination the best pair is kept if it scores over
the threshold chosen in training. The other fields (mover, quantity, date, certainty, source) come
from the rules' event for that sentence.

The weights are ``data/events/movement_scorer.json``, trained by ``scripts/train_movements.py`` on the
movement gold sets (no text is stored in it). Without that file the rules' events are kept as they are.
"""
from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import repeat

from ..models import Event, Span
from .cues import DATA_DIR
from .roles import contains

MODEL_FILE = DATA_DIR / "movement_scorer.json"
ROLES = ("destination", "origin", "transit", "locative", "target", "direct", "near_direct", "between")
FLAGS = ("arrival", "departure", "destination_direct", "origin_direct", "nominal", "self", "deploy", "headline",
         "flee", "crossing", "onward", "origin_statement")
ROUTE_ROLES = {"destination", "origin", "transit", "between"}
QUOTES = ('"', "“", "”", "«", "»", "„")
HISTORY = 2  # sentences before whose places may be an origin


def _kind(place) -> str:
    k = place.kind
    if k == "country":
        return "country"
    if k.startswith("admin") or k in ("region", "continent"):
        return "region"
    if k in ("sea", "ocean", "water", "lake", "river", "bay", "strait", "gulf"):
        return "water"
    return "town"


@dataclass(frozen=True)
class End:
    """A place token that may be one end of a movement."""

    place: object  # models.Place
    start: int
    end: int
    tok: int  # token index in its sentence
    role: str | None
    demonym: bool = False


@dataclass
class Candidate:
    sentence: int
    span: tuple[int, int]
    dest: End
    origin: End | None
    feats: dict
    kind: str  # none, same, demonym, prev1, prev2, rule, carried
    rule: Event | None = None  # the rules' event for exactly this pair in this sentence


@dataclass
class Reading:
    """The rules' events and the candidates, per sentence, for one document."""

    events: list  # (sentence index, [Event])
    candidates: list  # Candidate


class Collector:
    """Builds the candidates of one document, sentence by sentence, next to the rules."""

    def __init__(self, cues):
        self.cues = cues
        self.prev: list[tuple[int, list[End], set, set]] = []  # (sentence, ends, rule origins, rule dests)

    def add(self, index: int, sent, events: list[Event]) -> list[Candidate]:
        """Candidates of sentence ``index`` (a read ``Sentence``) beside the rules' ``events`` for it."""
        toks = sent.toks
        roles = getattr(sent, "roles", {})
        trigs = [t for t in getattr(sent, "trigs", ()) if t.kind == "movement"]
        moves = [e for e in events if e.kind == "movement"]
        ends = [End(t.rp.place, t.start, t.end, k, roles.get(k)) for k, t in enumerate(toks)
                if t.rp is not None and sent._usable(k)]
        rule_orig = {e.origin for e in moves if e.origin}
        rule_dest = {e.destination for e in moves if e.destination}
        out: list[Candidate] = []
        # a sentence with a movement cue, a movement the rules read, or a place that a "to"/"from"/"via"/
        # "between" governs ("Overnight trains from Lviv to Przemysl have been packed")
        if ends and (trigs or any(e.destination for e in moves) or any(e.role in ROUTE_ROLES for e in ends)):
            out = self._candidates(index, sent, ends, trigs, moves)
        self.prev = [p for p in self.prev if index - p[0] < HISTORY] + [(index, ends, rule_orig, rule_dest)]
        self.prev = self.prev[-HISTORY:]
        return out

    def _candidates(self, index, sent, ends, trigs, moves) -> list[Candidate]:
        c, toks, lows = self.cues, sent.toks, sent.lows
        span = (sent.s, sent.e)
        n = len(toks)
        demonyms = [End(t.rp.place, t.start, t.end, k, None, True) for k, t in enumerate(toks)
                    if t.rp is not None and t.demonym and not t.attr]
        neg = bool(c.negation.scan(lows))
        hedge = {str(v) for _, _, v in c.hedges.scan(lows)}
        cond = bool(c.conditionals.scan(lows))
        quote = any(q in sent.text[sent.s:sent.e] for q in QUOTES)
        has_what = bool(getattr(sent, "what_hits", ()))
        first_tok = ends[0].tok
        by_pair = {(e.origin, e.destination): e for e in moves if e.destination}
        rule_dests = {e.destination for e in moves if e.destination}
        rule_origs = {e.origin for e in moves if e.origin}
        prev_orig = set().union(*(p[2] for p in self.prev)) if self.prev else set()
        prev_dest = set().union(*(p[3] for p in self.prev)) if self.prev else set()
        common = {"bias": 1.0, "cancel": float(bool(c.cancel_words.scan(lows))), "n_places": math.log1p(len(ends)), "neg": float(neg), "cond": float(cond),
                  "quote": float(quote), "has_what": float(has_what), "n_trigs": math.log1p(len(trigs)),
                  "no_trig": float(not trigs), "first_sentence": float(index == 0)}
        for h in hedge:
            common["hedge_" + h] = 1.0
        for _, _, cat in getattr(sent, "what_hits", ())[:2]:
            common["what_" + cat] = 1.0
        end_roles = [e.role for e in ends]
        common["lang_" + c.lang] = 1.0  # how far each language's rules can be trusted differs
        common["has_from"] = float("origin" in end_roles)
        common["n_to"] = math.log1p(end_roles.count("destination"))
        vetoed = getattr(sent, "vetoed", ())
        paths = {p for e in moves for p in e.path}
        # "about 800km from the capital Khartoum": where, not whence nor whither
        # ... and "about the distance from Los Angeles to New York": a measure's span, not a trip
        far = {e.tok for e in ends if any(lows[q] in c.distance_units or lows[q] in c.measure_nouns
                                          for q in range(max(0, e.tok - 4), e.tok))}
        out = []
        for d in ends:
            if d.place.id not in rule_dests and (d.tok in far or d.place.id in paths
                                                  or any(a <= d.tok < b for a, b in vetoed)):
                # the rules read that frame as no movement (negated, cancelled, money, weather), or the
                # place as a way through ("through the Rafah crossing"), not an end
                continue
            fd = dict(common)
            fd["d_role_" + (d.role or "none")] = 1.0
            fd["d_kind_" + _kind(d.place)] = 1.0
            fd["d_first"] = float(d.tok == first_tok)
            fd["d_last"] = float(d is ends[-1])
            fd["d_rel_pos"] = d.tok / max(1, n)
            if index == 0 and d.tok <= 1 and d.tok + 1 < n and toks[d.tok + 1].text in ("(", "-", "—", "–", ","):
                fd["dateline"] = 1.0
            if trigs:
                t = min(trigs, key=lambda t: abs(t.i - d.tok))
                dist = abs(t.i - d.tok)
                fd["trig_dist"] = math.log1p(dist)
                fd["trig_near"] = float(dist <= 3)
                fd["trig_before"] = float(t.i < d.tok)
                for f in t.flags:
                    if f in FLAGS:
                        fd["trig_" + f] = 1.0
                if d.role == "destination":
                    fd["d_dest_x_trig_before"] = float(t.i < d.tok)
                if d.role in ("locative", None) and "arrival" in t.flags:
                    fd["d_loc_x_arrival"] = 1.0
                if d.role in ("direct", "near_direct"):
                    fd["d_direct_x_" + ("dest" if "destination_direct" in t.flags else
                                        "orig" if "origin_direct" in t.flags else "other")] = 1.0
            rd = d.place.id in rule_dests
            fd["rule_dest"] = float(rd)
            fd["d_was_rule_origin"] = float(d.place.id in rule_origs)
            fd["d_prev_dest"] = float(d.place.id in prev_dest)
            fd["d_prev_orig"] = float(d.place.id in prev_orig)
            origins: list[tuple[str, End | None]] = [("none", None)]
            origins += [("same", o) for o in ends if o.place.id != d.place.id and o.tok not in far]
            origins += [("demonym", o) for o in demonyms if o.place.id != d.place.id]
            for sidx, pends, _, _ in self.prev:
                kind = "prev1" if index - sidx == 1 else "prev2"
                origins += [(kind, o) for o in pends if o.place.id != d.place.id]
            have = {o.place.id for _, o in origins if o is not None}
            carried = {}
            for how, pid in getattr(sent, "carried", ()):  # the discourse state's origins, however far back
                p = sent.state.places.get(pid)
                if p is not None and pid != d.place.id:
                    carried.setdefault(pid, []).append(how)
                    if pid not in have:
                        origins.append(("carried", End(p, -1, -1, -1, None)))
                        have.add(pid)
            for e in moves:  # an origin the rules took from further back
                if e.destination == d.place.id and e.origin and e.origin not in have:
                    p = sent.state.places.get(e.origin)
                    if p is not None:
                        origins.append(("rule", End(p, -1, -1, -1, None)))
                        have.add(e.origin)
            seen = set()
            for kind, o in origins:
                oid = o.place.id if o is not None else None
                if oid in seen:
                    continue
                seen.add(oid)
                f = dict(fd)
                f["o_" + kind] = 1.0
                rule = by_pair.get((oid, d.place.id))
                f["rule_pair"] = float(rule is not None)
                f["rule_dest_other"] = float(rd and rule is None)
                if o is not None:
                    f["o_kind_" + _kind(o.place)] = 1.0
                    f["o_was_rule_origin"] = float(oid in rule_origs)
                    f["o_prev_orig"] = float(oid in prev_orig)
                    f["o_prev_dest"] = float(oid in prev_dest)
                    f["o_contains_d"] = float(contains(o.place, d.place))
                    f["d_contains_o"] = float(contains(d.place, o.place))
                    f["same_country"] = float(bool(o.place.country_code) and
                                              o.place.country_code == d.place.country_code)
                    if kind == "same":
                        f["o_role_" + (o.role or "none")] = 1.0
                        f["o_before_d"] = float(o.tok < d.tok)
                        f["od_dist"] = math.log1p(abs(o.tok - d.tok))
                        a, b = sorted((o.tok, d.tok))
                        # "... ke Rusia, kata badan tersebut, ... disita dari garis depan di Ukraina": a saying
                        # or a clause between the two ends makes them two frames
                        f["od_attr_between"] = float(any(toks[q].attr for q in range(a, b)))
                        f["od_commas"] = math.log1p(sum(1 for q in range(a, b) if toks[q].text == ","))
                        f["od_trig_between"] = float(any(a < t.i < b for t in trigs))
                        if o.role == "origin" and d.role in ("destination", "direct"):
                            f["from_to"] = 1.0
                    elif kind in ("prev1", "prev2"):
                        f["po_role_" + (o.role or "none")] = 1.0
                    elif kind == "demonym":
                        f["dem_before_d"] = float(o.tok < d.tok)
                    for how in carried.get(oid, ()):  # whatever its kind, the story carries this origin
                        f["o_carried_" + how] = 1.0
                # each origin kind weighs the evidence its own way: a model per kind, sharing the plain features
                group = "rule" if rule is not None else kind
                named = _GROUP_KEYS.get(group)
                if named is None:
                    named = _GROUP_KEYS[group] = _Prefixed(group + "|")
                f.update(zip(map(named.__getitem__, list(f)), list(f.values())))
                out.append(Candidate(index, span, d, o, f, kind, rule))
        return out


class _Prefixed(dict):
    """feature name -> the same name in one origin kind's group ("same|o_before_d"), made once: a document
    makes thousands of candidates from a few hundred names, and a string made once keeps its hash."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def __missing__(self, name: str) -> str:
        full = self[name] = self.prefix + name
        return full


_GROUP_KEYS: dict[str, _Prefixed] = {}


@dataclass(frozen=True)
class Model:
    weights: dict
    threshold: float
    rule_bonus: float = 0.0  # added to the score of the pairs the rules made: how far the rules are trusted

    @property
    def kinds(self) -> frozenset:
        """The origin kinds (none, same, prev1, ...) the model has weights for."""
        k = self.__dict__.get("_kinds")
        if k is None:
            k = frozenset(f[2:] for f in self.weights if f.startswith("o_") and "|" not in f)
            object.__setattr__(self, "_kinds", k)
        return k

    def score(self, feats: dict) -> float:
        # the same products added in the same order as a generator over feats.items() (so the same float),
        # in C: a candidate has about 80 features and a document hundreds of candidates
        z = sum(map(operator.mul, map(self.weights.get, feats, repeat(0.0)), feats.values()))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> Model | None:
    from pathlib import Path

    p = Path(path) if path else MODEL_FILE
    if not p.is_file():
        return None
    d = json.loads(p.read_text("utf-8"))
    return Model(dict(zip(d["features"], d["weights"], strict=True)), float(d["threshold"]), float(d["rule_bonus"]))


def choose(cands: list[Candidate], model: Model, scores=None) -> list[Candidate]:
    """Per sentence and destination place, the best-scoring pair, if it scores over the threshold
    (``scores``: the model's score of each candidate, when the caller has them already). A kind of
    origin the model was not trained on (no weight for ``o_<kind>``: "carried" before a refit) is listed
    for training but never chosen."""
    best: dict[tuple[int, str], tuple[float, Candidate]] = {}
    more: list[tuple[float, Candidate]] = []
    for i, cand in enumerate(cands):
        if cand.rule is None and cand.kind not in model.kinds:
            continue
        s = model.score(cand.feats) if scores is None else scores[i]
        if cand.rule is not None:
            s += model.rule_bonus
        if s < model.threshold:
            continue
        key = (cand.sentence, cand.dest.place.id)
        if key not in best or s > best[key][0]:
            if key in best and best[key][1].rule is not None:
                more.append(best[key])
            best[key] = (s, cand)
        elif cand.rule is not None:
            more.append((s, cand))  # "from Karachi and Peshawar": the rules' list of origins stays a list
    picked = list(best.values()) + [m for m in more if m[1].origin is not None]
    return [c for _, c in sorted(picked, key=lambda x: (x[1].sentence, x[1].dest.start))]


def apply(reading: Reading, model: Model, text: str, scores=None) -> list[Event]:
    """The document's events with the movements the model chose in place of the rules' movements."""
    chosen: dict[int, list[Candidate]] = {}
    for cand in choose(reading.candidates, model, scores):
        chosen.setdefault(cand.sentence, []).append(cand)
    scored = {c.sentence for c in reading.candidates}
    out: list[Event] = []
    for index, events in reading.events:
        if index not in scored:
            out.extend(events)
            continue
        picked = chosen.get(index, [])
        kept = {id(c.rule) for c in picked if c.rule is not None}
        dests = {c.dest.place.id for c in reading.candidates if c.sentence == index}
        moves = [e for e in events if e.kind == "movement" and e.destination]
        # origin-only movements ("fled Sudan"), presences, incidents, and movements whose destination the
        # discourse carried over from an earlier sentence stay as the rules read them
        out.extend(e for e in events if not (e.kind == "movement" and e.destination)
                   or e.destination not in dests or id(e) in kept)
        for cand in picked:
            if cand.rule is not None:
                continue
            oid = cand.origin.place.id if cand.origin is not None else None
            did = cand.dest.place.id
            # the rules' frame for this destination, else the sentence's first movement, gives mover,
            # quantity, date, certainty and source
            base = next((e for e in moves if e.destination == did), None) or (moves[0] if moves else None)
            if base is not None:
                out.append(replace(base, origin=oid, destination=did,
                                   path=tuple(p for p in base.path if p not in (oid, did))))
            else:
                s, e = cand.span
                out.append(Event(kind="movement", evidence=Span(s, e, text[s:e]), origin=oid, destination=did))
    return out
