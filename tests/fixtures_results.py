"""Hand-made Results for the map tests, standing in for the pipeline's output.

seed_result() is the seed story (North Korean troops sent to Russia's Far East);
its text is written for these tests. Mentions are found by searching the text, so
offsets stay right if the text is edited. hostile_result() carries HTML/JS payloads in
every field that reaches the page. Tests should count markers and arcs from the Result
(see expected_counts) so this module can later be swapped for real pipeline output.
"""
from __future__ import annotations

import re

from geomap.layers import movements
from geomap.models import Document, Event, Mention, Place, ResolvedPlace, Result, Span

SEED_TEXT = (
    "SEOUL — North Korea has sent 1,500 special forces to Vladivostok by sea in early "
    "October 2024, according to South Korea's National Intelligence Service (NIS). "
    "The North Korean troops are reported to be training at bases in Vladivostok, "
    "Ussuriysk, Khabarovsk and Blagoveshchensk. "
    "Pyongyang is expected to send a total of 12,000 troops to Russia by December 2024, "
    "the NIS said. "
    "Officials in Brussels and Berlin condemned the deployment. "
    "Ukraine's military intelligence said North Korean soldiers could be sent to the "
    "front near Donetsk. "
    "Russia has not confirmed the reports."
)

# (id, name, kind, country_code, lat, lon, population, score, [(surface, demonym)])
_SEED_PLACES = [
    ("kp", "North Korea", "country", "KP", 40.0, 127.0, 25_549_819, 0.97,
     [("North Korea", False), ("North Korean", True)]),
    ("ru", "Russia", "country", "RU", 60.0, 100.0, 144_478_050, 0.95, [("Russia", False)]),
    ("ua", "Ukraine", "country", "UA", 49.0, 32.0, 44_622_516, 0.9, [("Ukraine", False)]),
    ("kr", "South Korea", "country", "KR", 36.5, 127.75, 51_635_256, 0.9,
     [("South Korea", False)]),
    ("vladivostok", "Vladivostok", "city", "RU", 43.1056, 131.8735, 604_901, 0.96,
     [("Vladivostok", False)]),
    ("ussuriysk", "Ussuriysk", "city", "RU", 43.8047, 131.9573, 173_415, 0.92,
     [("Ussuriysk", False)]),
    ("khabarovsk", "Khabarovsk", "city", "RU", 48.4827, 135.0838, 579_000, 0.94,
     [("Khabarovsk", False)]),
    ("blagoveshchensk", "Blagoveshchensk", "city", "RU", 50.2759, 127.5264, 221_296, 0.9,
     [("Blagoveshchensk", False)]),
    ("donetsk", "Donetsk", "city", "UA", 48.023, 37.8022, 929_063, 0.8, [("Donetsk", False)]),
    ("pyongyang", "Pyongyang", "city", "KP", 39.0339, 125.7543, 3_222_000, 0.85,
     [("Pyongyang", False)]),
    ("brussels", "Brussels", "city", "BE", 50.8505, 4.3488, 1_019_022, 0.88,
     [("Brussels", False)]),
    ("berlin", "Berlin", "city", "DE", 52.5244, 13.4105, 3_426_354, 0.9, [("Berlin", False)]),
    ("seoul", "Seoul", "city", "KR", 37.566, 126.9784, 10_349_312, 0.75, [("SEOUL", False)]),
]


def _mentions(text: str, surfaces) -> tuple[Mention, ...]:
    found = []
    for surface, demonym in surfaces:
        # Whole words only, and "North Korea" must not also claim "North Korean".
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", text):
            found.append(Mention(m.start(), m.end(), m.group(0), demonym=demonym))
    return tuple(sorted(found, key=lambda m: m.start))


def _sentence(text: str, needle: str) -> Span:
    start = text.index(needle)
    # Walk back to the previous sentence end and on to this sentence's full stop.
    s = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) >= 0 else 0
    e = text.find(". ", start)
    e = len(text) if e < 0 else e + 1
    return Span(s, e, text[s:e])


def _places(text: str, table) -> tuple[ResolvedPlace, ...]:
    out = []
    for pid, name, kind, cc, lat, lon, pop, score, surfaces in table:
        mentions = _mentions(text, surfaces)
        assert mentions, f"fixture text does not name {name}"
        out.append(ResolvedPlace(
            Place(pid, name, kind, cc, lat, lon, population=pop, source="fixture"),
            mentions, score,
        ))
    return tuple(out)


def seed_result() -> Result:
    text = SEED_TEXT
    first = _sentence(text, "North Korea has sent")
    bases = _sentence(text, "The North Korean troops are reported")
    total = _sentence(text, "Pyongyang is expected")
    events = [
        Event("movement", first, origin="kp", destination="vladivostok",
              actor="North Korea", what="special forces", quantity="1,500",
              quantity_value=1500.0, date="early October 2024", source="NIS",
              certainty="reported"),
        *[
            Event("presence", bases, place=pid, actor="North Korean troops",
                  what="troops", source="NIS", certainty="reported")
            for pid in ("vladivostok", "ussuriysk", "khabarovsk", "blagoveshchensk")
        ],
        Event("movement", total, origin="kp", destination="ru", actor="North Korea",
              what="troops", quantity="12,000", quantity_value=12000.0,
              date="December 2024", source="NIS", certainty="likely"),
    ]
    doc = Document(text=text, id="seed", lang="en",
                   title="North Korean troops in Russia's Far East", date="2024-10-18")
    return Result(doc, _places(text, _SEED_PLACES), tuple(events))


PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = "<img src=x onerror=\"window.__pwned=1;alert(1)\">"
# Text that would break out of a JS template literal or string if it were pasted raw.
PAYLOAD_JS = "`${window.__pwned=1}` '\" </script><script>window.__pwned=1</script>"


def hostile_result() -> Result:
    """A Result whose article text and every derived field carries HTML/JS payloads."""
    text = (
        f"Troops from {PAYLOAD_SCRIPT}Northland moved to {PAYLOAD_IMG}Southport "
        f"by ship. Witnesses in {PAYLOAD_JS} Southport saw them."
    )
    north_name = PAYLOAD_SCRIPT + "Northland"
    south_name = PAYLOAD_IMG + "Southport"
    n_start = text.index(north_name)
    s_start = text.index(south_name)
    j_start = text.index(PAYLOAD_JS)
    places = (
        ResolvedPlace(
            Place("north", north_name, "city", "XX", 10.0, 20.0, source="fixture"),
            (Mention(n_start, n_start + len(north_name), north_name),), 0.5),
        ResolvedPlace(
            Place("south", south_name, "city<b>", "<i>", 12.0, 24.0, source="fixture"),
            (Mention(s_start, s_start + len(south_name), south_name),), 0.6),
        ResolvedPlace(
            Place("odd", PAYLOAD_JS, "region", "YY", 11.0, 26.0, source="fixture"),
            (Mention(j_start, j_start + len(PAYLOAD_JS), PAYLOAD_JS),), 0.4),
    )
    first = Span(0, text.index(" Witnesses"), text[: text.index(" Witnesses")])
    events = (
        Event("movement", first, origin="north", destination="south",
              actor=PAYLOAD_IMG, what=PAYLOAD_SCRIPT + "troops",
              quantity=PAYLOAD_JS, quantity_value=300.0, date=PAYLOAD_IMG + " May 2024",
              source=PAYLOAD_SCRIPT, certainty="reported"),
        Event("presence", Span(j_start, len(text), text[j_start:]), place="odd",
              actor=PAYLOAD_JS, what=PAYLOAD_IMG, source=PAYLOAD_IMG),
    )
    doc = Document(text=text, id="hostile" + PAYLOAD_IMG, title=PAYLOAD_SCRIPT + "Title")
    return Result(doc, places, events)


def empty_result() -> Result:
    return Result(Document(text="Nothing to see here.", id="empty", title="Empty"))


def expected_counts(results) -> dict[str, int]:
    """What the map must show for these Results, derived from the Results themselves."""
    return {
        "places": sum(len(r.places) for r in results),
        "arcs": sum(len(movements(r)) for r in results),
        "presence": sum(
            len({e.place for e in r.events
                 if e.kind == "presence" and e.place and r.place(e.place)})
            for r in results
        ),
    }


_WHATS = ("troops", "weapons", "refugees", "ships", "aircraft", "officials", "aid", "civilians")


def corpus_results(n_docs: int = 1000, n_places: int = 150, n_pairs: int = 400, seed: int = 7) -> list[Result]:
    """n_docs short generated wire stories (no extraction: built directly as Results), over
    a pool of n_places invented towns, whose movements repeat along n_pairs routes as a
    real corpus's do. For the size and speed of corpus-sized maps."""
    import random

    rnd = random.Random(seed)
    pool = [Place(f"p{i}", f"Town {i}", "city", "XX", round(rnd.uniform(-35, 60), 3),
                  round(rnd.uniform(-20, 140), 3)) for i in range(n_places)]
    pairs = [tuple(rnd.sample(range(n_places), 2)) for _ in range(n_pairs)]
    out = []
    for d in range(n_docs):
        a, b = pairs[rnd.randrange(n_pairs)]
        c, e = rnd.sample(range(n_places), 2)
        what = _WHATS[rnd.randrange(len(_WHATS))]
        qty = rnd.choice([None, 50, 300, 1200, 20000])
        day = f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        A, B, C, E = (pool[i].name for i in (a, b, c, e))
        s1 = f"{A} — {qty or 'Some'} {what} moved from {A} to {B} on {day}, officials said."
        s2 = f" Residents of {C} reported {what} in {C} this week."
        s3 = f" Talks in {E} made no progress."
        text = s1 + s2 + s3

        def rp(i, surface_in):
            p = pool[i]
            ms = tuple(Mention(m.start(), m.end(), m.group(0))
                       for m in re.finditer(re.escape(p.name) + r"\b", text))
            return ResolvedPlace(p, ms or (Mention(0, 1, surface_in),), 0.9)

        places = {}
        for i in (a, b, c, e):
            places.setdefault(i, rp(i, pool[i].name))
        ev = [Event("movement", Span(0, len(s1), s1), origin=pool[a].id, destination=pool[b].id, what=what,
                    quantity=f"{qty:,}" if qty else None, quantity_value=float(qty) if qty else None,
                    date=day, source="officials")]
        ev.append(Event("presence", Span(len(s1), len(s1) + len(s2), s2.strip()), place=pool[c].id, what=what))
        out.append(Result(Document(text, id=f"d{d}", title=f"Story {d}: {what} to {B}"), tuple(places.values()),
                          tuple(ev)))
    return out
