"""Build the self-written movement sets, tests/data/movements/<lang>.jsonl, from marked passages.

    python scripts/movement_gold.py LANG...      (e.g. `python scripts/movement_gold.py pl cs`)

Sources live in tests/data/movements/src/<lang>.py, one per language. Each defines ``PLACES`` (a table
from tests/data/movements/src/coords.py: key -> (..., lat, lon, kind), points fixed in the source, so a
rebuild never depends on the gazetteer) and ``PASSAGES``, a list of dicts:

    date, story        the article's date and the story it belongs to
    text               the passage; a place is marked ``[[surface|KEY]]``, ``[[surface]]`` when KEY is the
                       surface itself, and ``[[surface|KEY|d]]`` for a demonym ("Ukrainer")
    moves              movements: o / d = origin / destination, p = path stops (a movement that has ``p``,
                       even empty, writes "path"), w = mover (plain text, must occur in the text),
                       q = quantity, c = certainty ("stated" unless given), t = date, ev = evidence override
    presences          dict(at=place, w=who is there, ev=evidence override)

Ends, stops and presence places name a marked place by its surface: "Lwowa" is its first marked occurrence
in the passage, "Lwowa#1" the second (counted from 0). Offsets are computed here, never by hand, and checked.
Evidence is the run of sentences from the first to the last one holding a named end; ``ev=i`` (or
``ev=(i, j)``) gives sentence i (or i..j, from 0) instead, for a movement told in one sentence with an end
named in another.

A sentence ends at . ! or ? (with a closing quote) before a space or the end of the text, so "2.000"
stays one number.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "movements"
SRC = DATA / "src"

MARK = re.compile(r"\[\[([^|\]]+)(?:\|([^|\]]+))?(\|d)?\]\]")
_END = re.compile(r"[.!?]+[»«\"“”]?(?=\s|$)")


class GoldError(Exception):
    pass


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of text, without the spaces between them."""
    out, a = [], 0
    for m in _END.finditer(text):
        out.append((a, m.end()))
        a = m.end()
        while a < len(text) and text[a].isspace():
            a += 1
    if a < len(text):
        out.append((a, len(text)))
    return out


def unmark(s: str) -> str:
    return MARK.sub(lambda m: m.group(1), s)


def parse(marked: str, table: dict) -> tuple[str, list[dict]]:
    text, places, pos = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[pos:m.start()]
        surface, key = m.group(1), m.group(2) or m.group(1)
        if key not in table:
            raise GoldError(f"no coordinates for {key!r} in {marked[:60]!r}")
        lat, lon, kind = table[key][-3:]
        p = {"start": len(text), "end": len(text) + len(surface), "name": surface, "lat": lat, "lon": lon, "kind": kind}
        if m.group(3):
            p["demonym"] = True
        places.append(p)
        text += surface
        pos = m.end()
    text += marked[pos:]
    for p in places:
        assert text[p["start"]:p["end"]] == p["name"], p
    return text, places


def ref(places: list[dict], name: str | None) -> dict | None:
    if name is None:
        return None
    surface, _, n = name.partition("#")
    hits = [p for p in places if p["name"] == surface]
    if len(hits) <= int(n or 0):
        raise GoldError(f"{name!r} is not a marked place")
    p = hits[int(n or 0)]
    return {k: p[k] for k in ("name", "start", "end", "lat", "lon")}


def evidence(sents: list[tuple[int, int]], ends: list[dict | None], ev=None) -> dict:
    if ev is not None:
        i, j = (ev, ev) if isinstance(ev, int) else ev
        return {"start": sents[i][0], "end": sents[j][1]}
    hit = [s for s in sents if any(e and s[0] <= e["start"] < s[1] for e in ends)]
    if not hit:
        raise GoldError("no named end to take the evidence from; give ev=(i, j)")
    return {"start": hit[0][0], "end": hit[-1][1]}


def build_rows(lang: str, passages: list[dict], table: dict) -> list[dict]:
    rows = []
    for n, p in enumerate(passages, 1):
        text, places = parse(p["text"], table)
        sents = sentences(text)
        moves = []
        for m in p.get("moves", ()):
            o, d = ref(places, m.get("o")), ref(places, m.get("d"))
            mv = {"origin": o, "destination": d}
            if "p" in m:
                mv["path"] = [ref(places, x) for x in m["p"]]
            mover = m.get("w")
            if mover is not None and mover not in text:
                raise GoldError(f"{p['date']}: mover {mover!r} is not in the text")
            mv.update({"mover": mover, "quantity": m.get("q"), "evidence": evidence(sents, [o, d], m.get("ev")),
                       "certainty": m.get("c", "stated"), "date": m.get("t")})
            moves.append(mv)
        pres = []
        for m in p.get("presences", ()):
            at = ref(places, m["at"])
            pres.append({"place": at, "mover": m.get("w"), "evidence": evidence(sents, [at], m.get("ev"))})
        row = {"id": f"{lang}-w-{n:03d}", "lang": lang, "date": p["date"], "text": text, "story": p["story"],
               "places": places, "movements": moves}
        if pres:
            row["presences"] = pres
        rows.append(row)
    return rows


def load(lang: str):
    path = SRC / f"{lang}.py"
    if not path.is_file():
        raise GoldError(f"no source {path.relative_to(ROOT)}")
    sys.path.insert(0, str(SRC))
    try:
        spec = importlib.util.spec_from_file_location(f"movement_src_{lang}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(str(SRC))
    return mod


def build(lang: str) -> Path:
    mod = load(lang)
    rows = build_rows(lang, mod.PASSAGES, mod.PLACES)
    out = DATA / f"{lang}.jsonl"
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    out.write_text(body, encoding="utf-8")   # built whole first: an error leaves the old file
    print(out.relative_to(ROOT), len(rows), "passages,", sum(len(r["movements"]) for r in rows), "movements,",
          sum(not r["movements"] for r in rows), "without")
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python scripts/movement_gold.py LANG...", file=sys.stderr)
        return 2
    try:
        for lang in argv:
            build(lang)
    except GoldError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
