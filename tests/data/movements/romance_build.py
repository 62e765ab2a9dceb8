"""Write tests/data/movements/{de,fr,es}.jsonl from the passages in romance_passages.py.

    python tests/data/movements/romance_build.py

The passages mark every place as {Surface} or {Surface=Key} ({Surface=Key|d} for a
demonym); Key names a row of COORDS (a referent's point and kind, written by hand).
Movements name their ends by surface form, "Surface#n" for its n-th marked occurrence
(from 0). Offsets are computed here, never by hand, and checked.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from romance_passages import COORDS, PASSAGES  # noqa: E402

_MARK = re.compile(r"\{([^{}=|]+)(?:=([^{}|]+))?(\|d)?\}")
_SENT = re.compile(r"[^.!?]+(?:[.!?]+[»«\"“”]?|$)")


def parse(marked: str):
    text, places, pos = [], [], 0
    out_len = 0
    for m in _MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        text.append(chunk)
        out_len += len(chunk)
        surface, key, dem = m.group(1), m.group(2) or m.group(1), bool(m.group(3))
        if key not in COORDS:
            raise SystemExit(f"no coordinates for {key!r} in {marked[:60]!r}")
        lat, lon, kind = COORDS[key]
        p = {"start": out_len, "end": out_len + len(surface), "name": surface, "lat": lat, "lon": lon, "kind": kind}
        if dem:
            p["demonym"] = True
        places.append(p)
        text.append(surface)
        out_len += len(surface)
        pos = m.end()
    text.append(marked[pos:])
    t = "".join(text)
    for p in places:
        assert t[p["start"]:p["end"]] == p["name"], p
    return t, places


def find(places, ref):
    if ref is None:
        return None
    name, _, n = ref.partition("#")
    hits = [p for p in places if p["name"] == name]
    if not hits:
        raise SystemExit(f"{ref!r} is not a marked place")
    p = hits[int(n or 0)]
    return {k: p[k] for k in ("name", "start", "end", "lat", "lon")}


def sentence_span(text, ends):
    spans = [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()]
    pts = [e["start"] for e in ends if e]
    hit = [s for s in spans if any(s[0] <= q < s[1] for q in pts)] or spans[:1]
    a = min(s[0] for s in hit)
    while text[a] == " ":
        a += 1
    return {"start": a, "end": max(s[1] for s in hit)}


def build(lang: str) -> list[dict]:
    rows = []
    for n, p in enumerate((p for p in PASSAGES if p["lang"] == lang), 1):
        text, places = parse(p["text"])
        moves = []
        for mv in p.get("moves", []):
            o, d = find(places, mv[0]), find(places, mv[1])
            mover = _MARK.sub(lambda m: m.group(1), mv[2]) if len(mv) > 2 and mv[2] else None
            if mover is not None:
                assert mover in text, (mover, text)
            moves.append({"origin": o, "destination": d, "mover": mover,
                          "quantity": mv[3] if len(mv) > 3 else None,
                          "evidence": sentence_span(text, [o, d]),
                          "certainty": mv[4] if len(mv) > 4 else "stated",
                          "date": mv[5] if len(mv) > 5 else None})
        pres = []
        for pr in p.get("presences", []):
            pl = find(places, pr[0])
            pres.append({"place": pl, "mover": _MARK.sub(lambda m: m.group(1), pr[1]), "evidence": sentence_span(text, [pl])})
        row = {"id": f"{lang}-w-{n:03d}", "lang": lang, "date": p["date"], "text": text, "story": p["story"],
               "places": places, "movements": moves}
        if pres:
            row["presences"] = pres
        rows.append(row)
    return rows


if __name__ == "__main__":
    for lang in ("de", "fr", "es"):
        rows = build(lang)
        with open(HERE / f"{lang}.jsonl", "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(lang, len(rows), "passages,", sum(len(r["movements"]) for r in rows), "movements,",
              sum(not r["movements"] for r in rows), "without movement")
