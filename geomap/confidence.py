"""Turn what resolve knows about a reading into the probability that it is right.

`score` means: of the places given this score, this share lies within 161 km of where
the text means (and names a place at all). A logistic model over features resolve
already computes (the softmax share among candidates, how many candidates, kind, how
well known, the other names' support, distance to them, a fuzzy match) maps them to
that probability. Its weights are fitted on the dev corpora by
bench/fit_calibration.py and shipped in data/calibration.json; without that file the
softmax share is used as it is.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib.resources import files

# Groups of kinds that behave alike; every other kind counts as "city". The dev corpora
# annotate few seas, airports, camps or crossings (and mark a name like "Heathrow
# Airport" as a toponym in one corpus, its town in another), so they cannot teach how
# often those are right: water counts as a region, a point feature as a town.
KIND_GROUPS = {
    "country": "country", "admin1": "admin", "admin2": "admin", "region": "region", "continent": "region",
    "sea": "region", "gulf": "region", "strait": "region",
}
GROUPS = ("country", "admin", "region")


def vector(f: dict) -> list[float]:
    """The model's inputs, in the order of the weights in data/calibration.json."""
    p = min(0.995, max(0.005, f["p"]))
    group = KIND_GROUPS.get(f["kind"], "city")
    near = f["near_km"]
    share = math.log(p / (1 - p))
    town = 1.0 if group == "city" else 0.0
    support = min(1.0, f["support"])
    near_term = math.log10(1 + near) / 4 if near != float("inf") else 1.0
    return [
        share,
        1.0 if f["n"] == 1 else 0.0,
        math.log(f["n"]),
        1.0 if f["fuzzy"] else 0.0,
        1.0 if f["own"] else 0.0,
        1.0 if f["demonym"] else 0.0,
        f["importance"] / 10.0,
        math.log(f["mentions"]),
        min(f["margin"], 10.0) / 10.0,
        support,
        near_term,
        1.0 if near == float("inf") else 0.0,
        1.0 if f["within"] else 0.0,
        1.0 if f["cue"] else 0.0,
        1.0 if f["acronym"] else 0.0,
        min(f["words"], 4) / 4.0,
        *[1.0 if group == gname else 0.0 for gname in GROUPS],
        # A town's fame, its namesakes and its lead over them say more than a region's
        # (a region's name is rarely shared); and a clear share counts for more when the
        # other names agree or lie near. Without these a linear model is sure of
        # ambiguous towns in local news and unsure of capitals in world news.
        town * f["importance"] / 10.0,
        town * math.log(f["n"]),
        town * min(f["margin"], 10.0) / 10.0,
        share * share / 10.0,
        share * support,
        share * near_term,
    ]


FEATURE_NAMES = ("logit_share", "single", "log_candidates", "fuzzy", "own_name", "demonym", "importance",
                 "log_mentions", "margin", "country_support", "log_near_km", "alone", "within", "cue", "acronym",
                 "words", *[f"kind_{gname}" for gname in GROUPS],
                 "town_importance", "town_log_candidates", "town_margin", "share_squared", "share_support",
                 "share_near")


USE_MODEL = True  # bench/place_records.py turns it off to record features for a refit


@lru_cache(maxsize=1)
def _model():
    try:
        d = json.loads(files("geomap").joinpath("data/calibration.json").read_text("utf-8"))
    except FileNotFoundError:
        return None
    if tuple(d["features"]) != FEATURE_NAMES:
        raise ValueError("data/calibration.json was fitted on other features: rerun bench/fit_calibration.py")
    return d["intercept"], d["weights"]


def probability(f: dict) -> float:
    model = _model() if USE_MODEL else None
    if model is None:
        return f["p"] * (f["similarity"] if f["fuzzy"] else 1.0)
    b, w = model
    z = b + sum(wi * xi for wi, xi in zip(w, vector(f)))
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
