"""Build a self-written movement set (tests/data/movements/<lang>.jsonl) from passages written with markup.

    python scripts/gold/make_written_set.py scripts/gold/ru_written.py ru tests/data/movements/ru.jsonl

Each passage in the source's ``P`` list is (date, story, text, movements, presences). In the text a place is
written ``[[surface|English name]]`` (``[[surface|English name|d]]`` for a demonym); movement ends and presence
places name a marker by its surface (first occurrence). Offsets are computed here, never by hand, and each
referent's coordinates come from ``geomap geocode`` on the English name chosen by the writer (or FIX below
where the gazetteer's first answer is another place of that name): the gold says what the text means, not
what geomap reads in it. Evidence is the sentence holding the movement's end.
"""
import json, re, subprocess, sys, importlib.util
src, lang, out = sys.argv[1], sys.argv[2], sys.argv[3]
spec = importlib.util.spec_from_file_location("src", src); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)(?:\|(d))?\]\]")
names = sorted({mm.group(2) for _, _, t, _, _ in m.P for mm in MARK.finditer(t)})
geo = json.loads(subprocess.run(["geomap", "geocode", "--format", "json", "--limit", "1", *names], capture_output=True, text=True).stdout)
G = {r["query"]: r for r in geo}
FIX = {"Geneva": (46.2022, 6.1457, "city"), "Mykolaiv": (46.9659, 31.9974, "city"), "Stepanakert": (39.8153, 46.7519, "city"),
       "Zaporizhzhia": (47.8229, 35.1903, "city"), "Odesa": (46.4857, 30.7438, "city"), "Kherson": (46.6354, 32.6169, "city"),
       "Dnipro": (48.4593, 35.0387, "city"), "Kyiv": (50.4547, 30.5238, "city"), "Sumy": (50.9216, 34.8003, "city"), "Chernihiv": (51.5055, 31.2849, "city"),
       "Kharkiv": (49.9818, 36.2548, "city"), "Lviv": (49.8383, 24.0232, "city"), "Dnieper": (46.5, 32.3, "river")}
for k, (la, lo, kind) in FIX.items():
    G[k] = {"lat": la, "lon": lo, "kind": kind}
missing = [n for n in names if n not in G]
if missing: print("NOT FOUND", missing, file=sys.stderr)
def sentences(text):
    out, a = [], 0
    for mm in re.finditer(r"[.!?](?:\s+|$)", text):
        out.append((a, mm.start() + 1)); a = mm.end()
    if a < len(text): out.append((a, len(text)))
    return out
rows = []
for n, (date, story, marked, moves, pres) in enumerate(m.P, 1):
    text, places, pos = "", [], 0
    for mm in MARK.finditer(marked):
        text += marked[pos:mm.start()]
        s = len(text); text += mm.group(1)
        g = G[mm.group(2)]
        p = {"start": s, "end": len(text), "name": mm.group(1), "lat": round(g["lat"], 4), "lon": round(g["lon"], 4), "kind": g["kind"]}
        if mm.group(3): p["demonym"] = True
        places.append(p); pos = mm.end()
    text += marked[pos:]
    for p in places: assert text[p["start"]:p["end"]] == p["name"]
    def ref(surface):
        if surface is None: return None
        p = next(p for p in places if p["name"] == surface)
        return {k: p[k] for k in ("name", "start", "end", "lat", "lon")}
    def evid(*refs):
        pts = [r["start"] for r in refs if r]
        for a, b in sentences(text):
            if a <= pts[0] < b: return {"start": a, "end": b}
    mv = []
    for o, d, mover, q, cert, mdate in moves:
        ro, rd = ref(o), ref(d)
        assert mover in text, mover
        mv.append({"origin": ro, "destination": rd, "path": [], "mover": mover, "quantity": q, "evidence": evid(rd or ro, ro), "certainty": cert, "date": mdate})
    pr = [{"place": ref(s), "mover": mo, "evidence": evid(ref(s))} for s, mo in pres]
    row = {"id": f"{lang}-w-{n:03d}", "lang": lang, "date": date, "text": text, "story": story, "places": places, "movements": mv}
    if pr: row["presences"] = pr
    rows.append(row)
with open(out, "w", encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "rows,", sum(len(r["movements"]) for r in rows), "movements,", sum(not r["movements"] for r in rows), "without", file=sys.stderr)
