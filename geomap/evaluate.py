"""Score geoparsing against gold corpora (the format of shared/eval/dev/*.jsonl).

Definitions follow Gritta et al. 2019, "A Pragmatic Guide to Geoparsing Evaluation":
recognition is precision/recall/F1 of predicted spans against gold spans (exact
start and end); resolution is measured on gold toponyms with coordinates whose span
was recognised: accuracy@161 km, AUC of the error curve (trapezoid area under the
sorted ln(1 + error_km), divided by ln(20039) and by the number of points minus one),
mean and median error in km.
"""
from __future__ import annotations

import json
import math
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .distance import haversine_km

MAX_ERROR_KM = 20039.0


@dataclass
class Scores:
    corpus: str
    docs: int
    gold: int
    predicted: int
    correct: int
    errors_km: list
    seconds: float
    words: int

    @property
    def precision(self):
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self):
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def acc161(self):
        e = self.errors_km
        return sum(1 for x in e if x <= 161) / len(e) if e else 0.0

    @property
    def auc(self):
        return auc(self.errors_km)

    @property
    def mean_km(self):
        return statistics.fmean(self.errors_km) if self.errors_km else 0.0

    @property
    def median_km(self):
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    def as_dict(self):
        return {"corpus": self.corpus, "docs": self.docs, "gold": self.gold, "predicted": self.predicted,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "resolved": len(self.errors_km), "acc161": round(self.acc161, 4), "auc": round(self.auc, 4),
                "mean_km": round(self.mean_km, 1), "median_km": round(self.median_km, 1),
                "seconds": round(self.seconds, 2), "words_per_second": round(self.words / self.seconds) if self.seconds else None}


def auc(errors_km) -> float:
    if len(errors_km) < 2:
        return 0.0
    ys = sorted(math.log(1 + min(e, MAX_ERROR_KM)) for e in errors_km)
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))
    return area / math.log(MAX_ERROR_KM) / (len(ys) - 1)


def read_rows(path: str | Path, check, what: str, hint=lambda e: ""):
    """The rows of a JSON Lines gold file; check(row) raises ValueError, KeyError or
    TypeError for a row that is not ``what``, reported with its line number."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"gold file not found: {p}")
    with open(p, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                check(row)
            except (ValueError, KeyError, TypeError) as e:
                raise InputError(f"{p}:{n}: not {what} ({e}){hint(e)}") from None
            yield row


def read_gold(path: str | Path):
    def check(doc):
        doc["text"], doc["toponyms"]

    return read_rows(path, check, "a gold document")


def score_corpus(path, predict, name: str | None = None) -> Scores:
    """predict(text) -> iterable of (start, end, lat, lon)."""
    gold_n = pred_n = correct = docs = words = 0
    errors = []
    t = time.perf_counter()
    for doc in read_gold(path):
        docs += 1
        words += len(doc["text"].split())
        gold = {(g["start"], g["end"]): g for g in doc["toponyms"]}
        preds = {(s, e): (la, lo) for s, e, la, lo in predict(doc["text"])}
        gold_n += len(gold)
        pred_n += len(preds)
        for span, g in gold.items():
            if span in preds:
                correct += 1
                if g.get("lat") is not None and g.get("lon") is not None:
                    la, lo = preds[span]
                    errors.append(haversine_km(g["lat"], g["lon"], la, lo))
    elapsed = time.perf_counter() - t
    return Scores(name or Path(path).stem, docs, gold_n, pred_n, correct, errors, elapsed, words)


def geomap_predictor(gazetteer=None, lang="en", include_demonyms=True):
    from . import gazetteer as gz
    from .api import extract

    g = gazetteer or gz.load()

    def predict(text):
        r = extract(text, lang=lang, gazetteer=g, events=False)
        for rp in r.places:
            for m in rp.mentions:
                if m.demonym and not include_demonyms:
                    continue
                yield m.start, m.end, rp.place.lat, rp.place.lon
    return predict


# -- calibration ---------------------------------------------------------------
CALIBRATION_BINS = 10
# Corpora that annotate only some names per document (WikToR: one ambiguous name):
# a place they do not mark is neither right nor wrong there.
PARTIAL_CORPORA = frozenset({"wiktor", "wiktor_dev"})
# Corpora that never mark a demonym ("Canadian officials"): a demonym geomap reads there is
# neither right nor wrong.
DEMONYM_FREE_CORPORA = frozenset({"geovirus"})


def reads_the_place(gold: dict, kind: str, lat: float, lon: float) -> bool:
    """Whether a prediction names the gold's place: within 161 km of the gold point, or, for
    a country, a gold point inside the same country. Corpora put a country at different
    points (Canada at 60,-95 in GeoVirus, at 60.1,-113.6 in TR-News: 1,031 km apart), so
    for a country the point is a convention and the country is the place. A@161 keeps
    the strict distance; the calibration asks whether the place is right."""
    if gold.get("lat") is None:
        return True
    if haversine_km(gold["lat"], gold["lon"], lat, lon) <= 161:
        return True
    if kind != "country":
        return False
    from .distance import country_of

    here = country_of(lat, lon)
    return here is not None and here == country_of(gold["lat"], gold["lon"])


def expected_calibration_error(scores, right, bins: int = CALIBRATION_BINS) -> float:
    """Sum over equal-width score bins of |mean score - share right|, weighted by the
    bin's share of places: 0 when a score of 0.9 is right 90% of the time."""
    sums = [[0.0, 0.0, 0] for _ in range(bins)]
    n = 0
    for s, r in zip(scores, right):
        b = sums[min(bins - 1, int(float(s) * bins))]
        b[0] += float(s)
        b[1] += 1.0 if r else 0.0
        b[2] += 1
        n += 1
    return sum(abs(b[0] - b[1]) / n for b in sums if b[2]) if n else 0.0


def score_calibration(path, scored, name: str | None = None) -> dict:
    """ECE of the scores of every predicted place mention; right = a gold span that
    `reads_the_place`. scored(text) -> iterable of (start, end, lat, lon, score, kind,
    demonym)."""
    corpus = name or Path(path).stem
    no_demonyms = corpus.lower() in DEMONYM_FREE_CORPORA
    scores, right = [], []
    for doc in read_gold(path):
        partial = corpus.lower() in PARTIAL_CORPORA or str(doc.get("corpus", "")).lower() == "wiktor"
        gold = {(g["start"], g["end"]): g for g in doc["toponyms"]}
        for s, e, la, lo, sc, kind, demonym in scored(doc["text"]):
            g = gold.get((s, e))
            if g is None and (partial or (demonym and no_demonyms)):
                continue
            scores.append(sc)
            right.append(g is not None and reads_the_place(g, kind, la, lo))
    return {"corpus": corpus, "places": len(scores), "share_right": round(sum(right) / len(right), 4) if right else 0.0,
            "ece": round(expected_calibration_error(scores, right), 4)}


def geomap_scored_predictor(gazetteer=None, lang="en", include_demonyms=True, memo: dict | None = None):
    """Like geomap_predictor, with each mention's score; pass the same memo dict to run
    the extraction once for both."""
    from . import gazetteer as gz
    from .api import extract

    g = gazetteer or gz.load()
    memo = {} if memo is None else memo

    def scored(text):
        hit = memo.get(text)
        if hit is None:
            r = extract(text, lang=lang, gazetteer=g, events=False)
            hit = memo[text] = [(m.start, m.end, rp.place.lat, rp.place.lon, rp.score, rp.place.kind, m.demonym)
                                for rp in r.places for m in rp.mentions if include_demonyms or not m.demonym]
        return hit

    def predict(text):
        return [t[:4] for t in scored(text)]
    return scored, predict


def format_corpora(rows: list[dict]) -> str:
    """The text table `geomap evaluate` prints: one line per corpus, then each corpus's calibration error."""
    lines = [f"{'corpus':<14}{'docs':>6}{'gold':>7}{'P':>7}{'R':>7}{'F1':>7}{'A@161':>8}{'AUC':>7}{'mean km':>9}"
             f"{'median':>8}{'sec':>7}{'words/s':>9}"]
    for r in rows:
        lines.append(f"{r['corpus'][:13]:<14}{r['docs']:>6}{r['gold']:>7}{r['precision']:>7.3f}{r['recall']:>7.3f}"
                     f"{r['f1']:>7.3f}{r['acc161']:>8.3f}{r['auc']:>7.3f}{r['mean_km']:>9.0f}{r['median_km']:>8.1f}"
                     f"{r['seconds']:>7.1f}{r['words_per_second'] or 0:>9}")
    lines.append("calibration error (ECE, 10 bins; score = probability the place is right): "
                 + ", ".join(f"{r['corpus']} {r['calibration_error']:.3f}" for r in rows))
    return "\n".join(lines)
