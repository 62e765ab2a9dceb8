#!/usr/bin/env python3
"""Where the origins of missed movements are: the measurement behind carried origins (issue #10).

    python scripts/origin_sources.py [GOLD.jsonl ...] [--list KIND] [--oracle]

Default gold: the built real excerpts eval/real/build/{en,id}.jsonl (``python scripts/real_excerpts.py
build eval/real/LANG.jsonl`` first; the texts are read only from those built files). For every gold
movement with a destination and an origin that no predicted movement matches (destination and origin,
as ``geomap evaluate`` matches them, not one to one), the origin's nearest mention (the gold's own, or
another gold place of the same name or point, the last one at or before the destination's sentence) is
placed relative to the sentence of the destination's mention:

  same        in the destination's sentence
  back-1/2/3+ one, two, three or more sentences before it
  lead        in the first line (title, dateline or lead) when the destination is three or more sentences on
  later       after the destination's sentence
  demonym     the origin is told by a nationality word ("Sudanese refugees") or is not capitalised
  no-span     the gold gives the origin no mention in the text (implied: "home", "back")

Each miss is also split by what geomap did with its destination: ``dest found`` when some predicted
movement reaches the gold destination (so only its origin is wrong or missing), ``dest missed`` otherwise.
``--oracle`` also prints the scorer's ceiling: recall and precision when every candidate pair the scorer
lists is kept exactly when it is a gold pair (scripts/train_movements.py's labels).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "eval" / "real" / "build" / f"{lang}.jsonl" for lang in ("en", "id")]
KINDS = ("same", "back-1", "back-2", "back-3+", "lead", "later", "demonym", "no-span")


def sentence_of(sents: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(sents):
        if pos < e:
            return i if pos >= s else max(0, i - 1)
    return len(sents) - 1


def where(row: dict, m: dict, sents, demonyms: set) -> str:
    o, d = m["origin"], m["destination"]
    if o.get("start") is None or d.get("start") is None:
        return "no-span"
    name = row["text"][o["start"]:o["end"]]
    if not name[:1].isupper() or any(a < o["end"] and o["start"] < b for a, b in demonyms):
        return "demonym"
    sd = sentence_of(sents, d["start"])
    # the origin's nearest mention at or before the destination's sentence (the gold may point at any of them)
    near = [sentence_of(sents, p["start"]) for p in row.get("places", []) if p.get("lat") is not None
            and (p["name"] == o.get("name") or o.get("lat") is not None
                 and abs(p["lat"] - o["lat"]) + abs(p["lon"] - o["lon"]) < 0.5)] + [sentence_of(sents, o["start"])]
    before = [x for x in near if x <= sd]
    so = max(before) if before else min(near)
    if so == sd:
        return "same"
    if so > sd:
        return "later"
    lead_end = row["text"].find("\n")
    if so == 0 and sd - so >= 3 and (lead_end < 0 or o["start"] < lead_end or o["start"] < sents[0][1]):
        return "lead"
    return {1: "back-1", 2: "back-2"}.get(sd - so, "back-3+")


def analyse(paths, show: str | None) -> None:
    from geomap.api import extract
    from geomap.evaluate_movements import ends_match, gold_end, predicted_routes, read_movement_gold
    from geomap.models import Document
    from geomap.sentences import split_sentences

    for path in paths:
        table: Counter = Counter()
        total = missed = with_origin = 0
        listed = []
        for row in read_movement_gold(path):
            lang = row.get("lang") or "en"
            doc = Document(text=row["text"], id=str(row.get("id")), lang=lang, date=row.get("date"))
            result = extract(doc, lang=lang)
            pred = predicted_routes(doc.id, result)
            end = gold_end(row)
            sents = split_sentences(row["text"], lang)
            demonyms = {(x.start, x.end) for rp in result.places for x in rp.mentions if x.demonym}
            for m in row["movements"]:
                d, o = end(m.get("destination")), end(m.get("origin"))
                if d is None:
                    continue
                total += 1
                if o is None:
                    continue
                with_origin += 1
                if any(ends_match(d, p.destination) and p.origin is not None and ends_match(o, p.origin) for p in pred):
                    continue
                missed += 1
                kind = where(row, m, sents, demonyms)
                dest_found = any(ends_match(d, p.destination) for p in pred)
                table[(kind, dest_found)] += 1
                if show in (kind, "all"):
                    got = sorted({p.origin.name if p.origin else "-" for p in pred if ends_match(d, p.destination)})
                    listed.append(f"  {row['id']} [{kind}] {o.name} -> {d.name}  predicted origins: {got or 'dest missed'}")
        print(f"{set_name(Path(path))}: {total} gold movements with a destination, {with_origin} with an origin, "
              f"{missed} of those not found with their origin")
        print(f"  {'origin is':<10}{'dest found':>11}{'dest missed':>12}{'all':>6}")
        for k in KINDS:
            a, b = table[(k, True)], table[(k, False)]
            if a or b:
                print(f"  {k:<10}{a:>11}{b:>12}{a + b:>6}")
        print("\n".join(listed))


def set_name(path: Path) -> str:
    return ("real-" if path.parent.name == "build" else "self-") + path.stem


def oracle(paths) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_movements as tm
    from geomap.evaluate_movements import match, predicted_routes
    from geomap.events.scorer import Model, apply, load_model
    from dataclasses import replace

    docs = tm.load([(set_name(p), str(p)) for p in paths])
    shipped = load_model()
    counts: dict[str, list[list[int]]] = {}
    for d in docs:
        rows = counts.setdefault(d.set, [[0, 0, 0], [0, 0, 0]])
        perfect = [1.0 if lab == 1 else 0.0 for lab in d.labels]
        every_kind = Model({"o_" + c.kind: 0.0 for c in d.reading.candidates}, 0.5, 0.0)
        for i, (model, scores) in enumerate(((every_kind, perfect), (shipped, None))):
            events = apply(d.reading, model, d.text, scores)
            pred = predicted_routes("x", replace(d.result, events=tuple(events)))
            n, _, _ = match(d.gold, pred)
            rows[i][0] += len(d.gold)
            rows[i][1] += len(pred)
            rows[i][2] += n
    print(f"{'set':<8}{'gold':>6}  {'oracle P / R':>14}  {'shipped P / R':>14}  candidates")
    for name, (orc, real) in counts.items():
        cands = sum(len(d.reading.candidates) for d in docs if d.set == name)
        print(f"{name:<8}{orc[0]:>6}  {tm.prf(orc)[0]:>6.3f} / {tm.prf(orc)[1]:.3f}  "
              f"{tm.prf(real)[0]:>6.3f} / {tm.prf(real)[1]:.3f}  {cands}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", help="built gold files (default: eval/real/build/{en,id}.jsonl)")
    ap.add_argument("--list", metavar="KIND", help=f"list the misses of one kind ({', '.join(KINDS)}, or all)")
    ap.add_argument("--oracle", action="store_true", help="also print the scorer's oracle ceiling")
    a = ap.parse_args(argv)
    paths = [Path(p) for p in a.gold] if a.gold else DEFAULT
    for p in paths:
        if not p.is_file():
            print(f"origin_sources: {p} not found (build it with scripts/real_excerpts.py build)", file=sys.stderr)
            return 2
    analyse(paths, a.list)
    if a.oracle:
        oracle(paths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
