"""Record (or check) a compact fingerprint of geomap's output on every dev-corpus document.

    python scripts/scan_fixture.py record [--corpora DIR] [-o tests/data/scan_fingerprints.json]
    python scripts/scan_fixture.py check  [--corpora DIR] [--sample N]

A fingerprint is three short hashes per document: the recognised spans (offsets, key,
candidate rows and every flag find() sets), the resolved places (place ids and their
mentions; the scores are left out so a change to resolve's scoring alone does not
count), and the events. It was recorded from the code before the compiled candidate
scan (issue 13), so tests/test_scan_equality.py proves the faster scan reads every
document exactly as the old one did.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("lgl_dev.jsonl", "trnews_dev.jsonl", "geovirus.jsonl", "wiktor_dev.jsonl")
FIXTURE = ROOT / "tests" / "data" / "scan_fingerprints.json"


def _h(obj) -> str:
    return hashlib.blake2b(repr(obj).encode("utf-8"), digest_size=8).hexdigest()


def documents(folder: Path) -> list[tuple[str, str]]:
    """(corpus:index, text) of every dev document, in a fixed order."""
    out = []
    for name in CORPORA:
        path = folder / name
        if not path.is_file():
            raise FileNotFoundError(path)
        with path.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                if line.strip():
                    out.append((f"{name.split('.')[0]}:{i}", json.loads(line)["text"]))
    return out


def fingerprint(text: str, g) -> list[str]:
    from dataclasses import astuple

    from geomap.events import find_events
    from geomap.models import Document, Result
    from geomap.recognize import Extractor
    from geomap.resolve import resolve

    spans = Extractor(g).find(text, "en")
    span_rows = [(s.start, s.end, s.text, s.key, s.fuzzy, s.acronym, s.kind_hint, s.cue, s.link_next, s.link_to,
                  s.dateline, tuple((c.row, c.match, round(c.similarity, 6)) for c in s.candidates)) for s in spans]
    places = tuple(resolve(g, text, spans))
    place_rows = [(rp.place.id, tuple((m.start, m.end, m.text, m.demonym) for m in rp.mentions)) for rp in places]
    result = find_events(Result(document=Document(text=text, id="doc", lang="en"), places=places))
    event_rows = [astuple(e) for e in result.events]
    return [_h(span_rows), _h(place_rows), _h(event_rows)]


def compute(folder: Path, sample: int | None = None) -> dict[str, list[str]]:
    from geomap import gazetteer as gz

    g = gz.load(quiet=True)
    docs = documents(folder)
    if sample:
        docs = docs[::max(1, len(docs) // sample)]
    return {doc_id: fingerprint(text, g) for doc_id, text in docs}


def compare(expected: dict, got: dict) -> list[str]:
    """One line per document whose fingerprint differs: which parts changed."""
    parts = ("spans", "places", "events")
    return [f"{k}: {', '.join(p for p, a, b in zip(parts, expected[k], v) if a != b)} differ"
            for k, v in got.items() if expected.get(k) != v]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("record", "check"))
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("-o", "--output", type=Path, default=FIXTURE)
    ap.add_argument("--sample", type=int, default=None, help="check every k-th document only (about N of them)")
    args = ap.parse_args()
    got = compute(args.corpora, None if args.mode == "record" else args.sample)
    if args.mode == "record":
        args.output.write_text(json.dumps(got, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(got)} documents recorded in {args.output}")
        return
    expected = json.loads(args.output.read_text(encoding="utf-8"))
    diff = compare(expected, got)
    print(f"{len(got) - len(diff)}/{len(got)} documents read exactly as recorded")
    for line in diff[:40]:
        print("  " + line)
    sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
