"""The map's visual grammar, as data: one colour per category of what moved, the same on
every map, and place roles told apart by shape and outline rather than a second palette.

Colours are the Okabe-Ito set (Okabe & Ito 2008), chosen to stay apart under the common
colour-vision deficiencies; "other" is a neutral grey. The README's colour grammar table
is this list.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    colour: str
    words: tuple[str, ...]  # the events stage's categories and plain nouns that fall in it


CATEGORIES: tuple[Category, ...] = (
    Category("troops", "Troops", "#D55E00",
             ("troops", "troop", "soldiers", "soldier", "forces", "special forces", "fighters",
              "mercenaries", "military", "army", "marines", "units", "personnel")),
    Category("cargo", "Weapons and cargo", "#E69F00",
             ("weapons", "arms", "ammunition", "munitions", "shells", "missiles", "rockets",
              "artillery", "aid", "supplies", "cargo", "equipment", "food", "fuel", "grain")),
    Category("people", "Refugees and civilians", "#009E73",
             ("refugees", "civilians", "evacuees", "displaced", "migrants", "residents",
              "citizens", "nationals", "people", "families", "children", "asylum seekers")),
    Category("ships", "Ships", "#0072B2",
             ("ships", "ship", "vessels", "vessel", "warships", "freighter", "tanker", "ferry",
              "boats", "fleet", "submarine")),
    Category("aircraft", "Aircraft", "#56B4E9",
             ("aircraft", "planes", "plane", "jets", "jet", "flights", "helicopters", "drones",
              "bombers")),
    Category("officials", "Officials", "#CC79A7",
             ("officials", "diplomats", "delegation", "envoys", "envoy", "minister", "president",
              "leader", "ministers")),
    Category("other", "Other or unspecified", "#595959", ()),
)
BY_KEY = {c.key: c for c in CATEGORIES}
_WORDS = sorted(((w, c) for c in CATEGORIES for w in c.words), key=lambda t: -len(t[0]))


def category_of(what: str | None) -> Category:
    """The category of an event's `what` (a category name of the events stage, or a noun
    phrase such as "1,500 special forces"); "other" when nothing matches."""
    text = f" {(what or '').strip().lower()} "
    if text.strip() in BY_KEY:
        return BY_KEY[text.strip()]
    for word, cat in _WORDS:
        if f" {word} " in text or f" {word}s " in text:
            return cat
    return BY_KEY["other"]


# Place roles: shape and outline only. Movement ends are dark ink (a hollow ring sends, a
# filled dot receives); a reported presence is a square filled with its category's colour;
# a place only mentioned is a small grey dot with a lighter name.
ROLE_STYLE = {
    "origin": {"label": "Where a movement starts", "shape": "ring"},
    "destination": {"label": "Where a movement ends", "shape": "dot"},
    "presence": {"label": "Reported to be there", "shape": "square"},
    "mentioned": {"label": "Only mentioned", "shape": "small"},
}
INK = "#222222"
QUIET = "#8c8c8c"

# Line dashes for how sure the report is (dash, gap per unit of width).
CERTAINTY_DASH = {"likely": (2.2, 1.5), "denied": (0.4, 1.6)}


def arc_width(total: float | None, reports: int) -> float:
    """Line width: how many moved (log scale), or a little wider per repeated report when
    no number is given; capped so a busy route does not hide its neighbours."""
    import math

    if total and total > 0:
        return round(min(9.0, max(2.5, 1.5 + 1.6 * math.log10(max(total, 1.0)))), 1)
    return round(min(6.0, 2.5 + 0.8 * math.log2(max(reports, 1))), 1)


def dash(certainty: str, width: float) -> str | None:
    # A fixed dash pattern turns into a row of squares on a thick line: scale it.
    if certainty not in CERTAINTY_DASH:
        return None
    d, g = CERTAINTY_DASH[certainty]
    return f"{max(2.0, d * width):.0f} {max(3.0, g * width):.0f}"
