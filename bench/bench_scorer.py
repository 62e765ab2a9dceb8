"""What the learned movement scorer costs: extraction time with it against the rules alone, same run.

    python bench/bench_scorer.py [--corpora DIR] [--repeat N]

Places are found once per dev-corpus document (../shared/eval/dev/*.jsonl); then the events stage runs
over all of them with the scorer and without, alternately, --repeat times. Prints the fastest events time
each way and the whole extraction (places + events) with the scorer as a ratio of the rules alone
(target: at most 1.10, issue 10: extraction may not slow by more than 10%).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def main(argv=None) -> int:
    from bench_extract import load_texts

    import geomap
    from geomap import gazetteer as gz
    from geomap.events import find_events

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    texts = load_texts(a.corpora)
    if not texts:
        print(f"no dev corpora in {a.corpora}", file=sys.stderr)
        return 2
    g = gz.load(quiet=True)
    t0 = time.perf_counter()
    results = [geomap.extract(t, lang="en", gazetteer=g, events=False) for t in texts]
    places_s = time.perf_counter() - t0
    find_events(results[0])  # loads the cue data and the model
    times = {True: [], False: []}
    for i in range(a.repeat):
        for scorer in ((False, True) if i % 2 == 0 else (True, False)):  # neither always runs first
            t0 = time.perf_counter()
            for r in results:
                find_events(r, scorer=scorer)
            times[scorer].append(time.perf_counter() - t0)
    # the fastest run of each: the least disturbed by other work on a shared machine
    rules, scored = min(times[False]), min(times[True])
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} documents, {words:,} words; places {places_s:.2f} s")
    print(f"events, rules alone {rules:.2f} s; with the scorer {scored:.2f} s ({scored / rules:.2f}x)")
    ratio = (places_s + scored) / (places_s + rules)
    print(f"whole extraction with the scorer / rules alone: {ratio:.3f}  (target <= 1.10)")
    return 0 if ratio <= 1.10 else 1


if __name__ == "__main__":
    sys.exit(main())
