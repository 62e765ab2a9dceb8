#!/usr/bin/env python3
"""Fit the confidence calibration (geomap/data/calibration.json) and measure it.

Reads the records of bench/place_records.py (each predicted place with resolve's
features and whether it is right), fits a logistic model of "right" on
geomap.confidence.vector(features) over the dev corpora pooled, and prints per corpus:
the expected calibration error (ECE: 10 equal-width score bins, |mean score - share
right| weighted by the bin's share of places) in-sample and when the model is fitted
on the other three corpora only (leave one corpus out), the number of fuzzy matches
and how many are right, and the gold toponyms resolved over 161 km away.

    python bench/place_records.py --raw -o /tmp/records.jsonl
    python bench/fit_calibration.py /tmp/records.jsonl --write --plot docs/reliability.png
"""
import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap import confidence  # noqa: E402
from geomap.evaluate import expected_calibration_error  # noqa: E402

L2 = 1.0  # ridge on the weights (not the intercept): keeps rare features' weights sane


def corpus_weights(corpus: np.ndarray) -> np.ndarray:
    """Each corpus weighs the same in the fit (mean weight 1): TR-News's 884 places would
    otherwise count a fifth of WikToR's 4,348, and the scores would fit local news and
    ambiguity tests rather than the world news most readers bring."""
    names, counts = np.unique(corpus, return_counts=True)
    per = {n: len(corpus) / (len(names) * c) for n, c in zip(names, counts)}
    return np.array([per[c] for c in corpus])


def fit(X: np.ndarray, y: np.ndarray, sw: np.ndarray | None = None, iters: int = 60) -> np.ndarray:
    """Weighted logistic regression by Newton's method; returns [intercept, *weights]."""
    sw = np.ones(len(y)) if sw is None else sw
    A = np.hstack([np.ones((len(X), 1)), X])
    w = np.zeros(A.shape[1])
    reg = np.full(A.shape[1], L2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(A @ w)))
        grad = A.T @ (sw * (p - y)) + reg * w
        H = (A * (sw * p * (1 - p))[:, None]).T @ A + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(H, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, X: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(w[0] + X @ w[1:])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("records")
    ap.add_argument("--write", action="store_true", help="write geomap/data/calibration.json")
    ap.add_argument("--plot", metavar="PNG", help="draw the reliability diagram (needs matplotlib)")
    a = ap.parse_args()
    recs = [json.loads(line) for line in open(a.records, encoding="utf-8")]
    recs = [r for r in recs if r["features"] is not None]
    corpora = sorted({r["corpus"] for r in recs})
    X = np.array([confidence.vector(r["features"]) for r in recs])
    y = np.array([1.0 if r["right"] else 0.0 for r in recs])
    corpus = np.array([r["corpus"] for r in recs])
    sw = corpus_weights(corpus)
    w = fit(X, y, sw)
    p_in = predict(w, X)
    p_cv = np.zeros(len(y))
    for c in corpora:
        held = corpus == c
        p_cv[held] = predict(fit(X[~held], y[~held], corpus_weights(corpus[~held])), X[held])
    print(f"{'corpus':<12}{'places':>8}{'right':>8}{'ECE in':>9}{'ECE cv':>9}{'ECE raw':>9}{'fuzzy':>7}{'right':>7}{'>161km':>8}")
    for c in corpora:
        m = corpus == c
        raw = [r["score"] for r, k in zip(recs, m) if k]
        fz = [r for r, k in zip(recs, m) if k and r["features"]["fuzzy"]]
        far = sum(1 for r, k in zip(recs, m) if k and r["error_km"] is not None and r["error_km"] > 161)
        print(f"{c:<12}{int(m.sum()):>8}{y[m].mean():>8.3f}{expected_calibration_error(p_in[m], y[m]):>9.3f}"
              f"{expected_calibration_error(p_cv[m], y[m]):>9.3f}{expected_calibration_error(raw, y[m]):>9.3f}"
              f"{len(fz):>7}{sum(r['right'] for r in fz):>7}{far:>8}")
    if a.write:
        out = {"about": "logistic calibration of geomap's place scores, fitted in-sample on the dev corpora "
                        "(" + ", ".join(corpora) + ") by bench/fit_calibration.py",
               "features": list(confidence.FEATURE_NAMES), "intercept": round(float(w[0]), 6),
               "weights": [round(float(x), 6) for x in w[1:]], "places": len(y)}
        path = ROOT / "geomap" / "data" / "calibration.json"
        path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    if a.plot:
        plot(a.plot, corpora, corpus, p_in, p_cv, y)


def plot(path, corpora, corpus, p_in, p_cv, y):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(10, 4.6), sharey=True)
    for ax, p, title in ((axes[0], p_in, "fitted on all four corpora"),
                         (axes[1], p_cv, "fitted on the other three (held out)")):
        ax.plot([0, 1], [0, 1], color="#999", lw=1, ls="--")
        for c in corpora:
            m = corpus == c
            xs, ys = [], []
            bins = defaultdict(list)
            for pi, yi in zip(p[m], y[m]):
                bins[min(9, int(pi * 10))].append((pi, yi))
            for b in sorted(bins):
                v = np.array(bins[b])
                if len(v) >= 10:
                    xs.append(v[:, 0].mean())
                    ys.append(v[:, 1].mean())
            ax.plot(xs, ys, marker="o", label=f"{c} (ECE {expected_calibration_error(p[m], y[m]):.3f})")
        ax.set_title(title)
        ax.set_xlabel("score (mean in bin)")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.legend(loc="upper left", fontsize=8)
    axes[0].set_ylabel("share right (within 161 km; a country: the same country)")
    fig.suptitle("geomap place scores: reliability on the dev corpora")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
