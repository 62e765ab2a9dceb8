"""Write a self-written movement gold file (tests/data/movements/<lang>.jsonl) from marked passages.

    python tests/data/movements/src/pl.py      (each source file calls build())

In a passage, [[surface|KEY]] marks a place: KEY names its row in the coordinates table
(tests/data/movements/src/coords.py, points written by hand). Offsets are computed here, never by
hand; a movement names its ends by their surface ("Lwowa", or "Lwowa#1" for the second in its
sentence), looked up in the movement's sentence first, then before it.
"""
import json
import re

MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")

def build(lang, passages, out, C):
    rows = []
    for n, p in enumerate(passages, 1):
        sents = p["s"]
        text, places, sent_spans = "", [], []
        for si, s in enumerate(sents):
            if si:
                text += " "
            a = len(text)
            pos = 0
            for m in MARK.finditer(s):
                text += s[pos:m.start()]
                surf, key = m.group(1), m.group(2)
                name, lat, lon, kind = C[key]
                places.append({"start": len(text), "end": len(text) + len(surf), "name": surf, "lat": lat, "lon": lon, "kind": kind, "_s": si})
                text += surf
                pos = m.end()
            text += s[pos:]
            sent_spans.append((a, len(text)))
        for pl in places:
            assert text[pl["start"]:pl["end"]] == pl["name"]

        def ref(surf, si):
            if surf is None:
                return None
            occ = 0
            if "#" in surf:
                surf, occ = surf.split("#"); occ = int(occ)
            same = [x for x in places if x["name"] == surf and x["_s"] == si]
            before = [x for x in places if x["name"] == surf and x["_s"] < si]
            cand = same[occ:occ + 1] or before[-1:] or [x for x in places if x["name"] == surf][:1]
            assert cand, (p, surf)
            x = cand[0]
            return {"name": x["name"], "start": x["start"], "end": x["end"], "lat": x["lat"], "lon": x["lon"]}
        moves = []
        for m in p.get("m", []):
            si = m.get("s", 0)
            ev_a, ev_b = sent_spans[si][0], sent_spans[m.get("e", si)][1]
            mv = {"origin": ref(m.get("o"), si), "destination": ref(m.get("d"), si)}
            if m.get("p"):
                mv["path"] = [ref(x, si) for x in m["p"]]
            mv.update({"mover": MARK.sub(lambda x: x.group(1), m["w"]) if m.get("w") else None, "quantity": m.get("q"), "evidence": {"start": ev_a, "end": ev_b},
                       "certainty": m.get("c", "stated"), "date": m.get("t")})
            if mv["mover"] is not None:
                assert mv["mover"] in text, (mv["mover"], text)
            moves.append(mv)
        pres = []
        for m in p.get("pr", []):
            si = m.get("s", 0)
            pres.append({"place": ref(m["at"], si), "mover": m.get("w"), "evidence": {"start": sent_spans[si][0], "end": sent_spans[si][1]}})
        for x in places:
            del x["_s"]
        row = {"id": f"{lang}-w-{n:03d}", "lang": lang, "date": p["date"], "text": text, "story": p["story"], "places": places, "movements": moves}
        if pres:
            row["presences"] = pres
        rows.append(row)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(out, len(rows), "passages", sum(len(r["movements"]) for r in rows), "movements", sum(1 for r in rows if not r["movements"]), "without movements")
