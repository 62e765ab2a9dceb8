"""What a gazetteer row is: its columns, its kinds of place, how a name matches it, and how
well known it is (the importance that orders a name's rows)."""
from __future__ import annotations

import math


INDEX_VERSION = 12
REQUIRED_COLUMNS = ("id", "name", "kind", "country_code", "lat", "lon")
COLUMNS = (
    "id", "name", "asciiname", "alternatenames", "kind", "country_code", "admin1",
    "lat", "lon", "population", "geonameid", "demonyms", "source",
)
KINDS = ("country", "admin1", "city", "region", "sea", "continent", "other", "admin2",
         # Route features (scripts/build_gazetteer.py: airportsdata, data/route_features.csv);
         # appended, so that the codes of the kinds above stay what cached indexes hold.
         "gulf", "strait", "canal", "cape", "crossing", "camp", "base", "port", "airport",
         "station")
# Features a route passes or ends at, which lie at one point like a town does.
POINT_FEATURES = frozenset({"canal", "cape", "crossing", "camp", "base", "port", "airport", "station"})
# Stretches of water, which a route crosses but no point stands for.
WATER = frozenset({"sea", "gulf", "strait"})
# How the name matched a row: its own name beats an alternate, and a demonym
# ("North Korean") is the weakest evidence that a place is meant.
MATCH_NAME, MATCH_ALT, MATCH_DEMONYM = 0, 1, 2
_MATCH_RANK = {MATCH_NAME: 0, MATCH_DEMONYM: 1, MATCH_ALT: 2}


_CITY = KINDS.index("city")


# A fuzzy target must be at least this well known (log10 of an effective population).
_FUZZY_MIN_IMPORTANCE = 4.7  # about 50,000 people; every country, region and sea


def importance(kind: str, population: int) -> float:
    """log10 of an effective population: how likely a bare mention means this row.

    Countries outrank every city of the same name (Georgia), a large city outranks
    the region named after it (Donetsk, Khabarovsk), and regions without population
    data sit where a mid-sized city would.
    """
    base = {"country": 9.0, "continent": 9.5, "region": 7.0, "sea": 7.0, "admin1": 5.7, "admin2": 5.0,
            "gulf": 7.0, "strait": 7.0, "canal": 6.0, "cape": 6.0,
            # Below the fuzzy floor (_FUZZY_MIN_IMPORTANCE): a camp's or an airport's name
            # is matched as written, never as a guess at a misspelling.
            "crossing": 4.6, "camp": 4.6, "base": 4.6, "port": 4.6, "airport": 4.6,
            "station": 4.6}.get(kind)
    if base is not None:
        return max(base, math.log10(population + 1)) if kind in ("country", "continent") else base
    return math.log10(population + 10)
