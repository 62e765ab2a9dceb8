"""The fast paths of the events stage (issue 13) against the plain readings they stand for.

tests/test_scan_equality.py proves that the dev corpora read as before; these tests try the
shortcuts on texts written to stress them and on every hand-written events and movement set:
the place-noun pre-check of Anaphors.find, find_date's test before date_at, merge_numbers'
copy of the runs where no number starts, and the scorer's dot product and feature names.
"""
import json
import math
import random
import re
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geomap
from geomap.events import dates, find_events, load_cues, tokens
from geomap.events import scorer as S
from geomap.events.cues import DATA_DIR

from conftest import ROOT

_ANAPHOR_LANGS = sorted(p.stem for p in DATA_DIR.glob("*.json")
                        if json.loads(p.read_text("utf-8")).get("anaphors"))

# Pieces that meet the patterns' edges: the phrases' words in other cases, inside longer words
# ("report", "cityscape"), after a hyphen, with an adjective between, and the bare nouns after
# prepositions (Czech, Polish).
_PIECES = ["the", "The", "THE", "city", "City", "cityscape", "port", "report", "airport", "port-side",
           "capital", "island", "country", "town", "border", "northern", "kota", "itu", "tersebut", "ibu",
           "pelabuhan", "la", "ville", "le", "pays", "l'île", "île", "el", "país", "su", "ciudad", "autónoma",
           "do", "země", "města", "ve", "městě", "w", "mieście", "kraju", "z", "stolicy", "die", "Stadt",
           "stadt", "der", "Insel", "of", "Chad", "-", ",", ".", " ", "  ", "\n", "x"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_texts, st.integers(0, 6), st.integers(0, 6))
def test_anaphor_precheck_passes_over_only_sentences_without_a_match(text, cut_a, cut_b):
    s, e = min(cut_a, len(text)), max(0, len(text) - cut_b)
    for lang in _ANAPHOR_LANGS:
        a = load_cues(lang).anaphors
        if a._may is None or a._may.search(text, s, e) is not None:
            continue
        assert a.rx is None or a.rx.search(text, s, e) is None, (lang, text)
        assert a.bare_rx is None or a.bare_rx.search(text, s, e) is None, (lang, text)


def _plain_find_date(toks, lows, ranges, cues, doc, forward=False):
    """find_date as it read before its pre-check: date_at asked at every token."""
    for a, b in ranges:
        i = a
        while i < b:
            if cues.since.match(lows, i):
                for j in range(i + 1, min(b, i + 7)):
                    got = dates.date_at(toks, lows, j, cues, doc, forward)
                    if got:
                        if got[1] is None or doc is None:
                            return None
                        return f"{got[1].split('/')[0]}/{doc.isoformat()}"
            got = dates.date_at(toks, lows, i, cues, doc, forward)
            if got:
                return got[1]
            i += 1
    return None


def _plain_merge_numbers(toks, text, cues):
    """merge_numbers as it read before: a number tried at every token in turn."""
    lows = [t.low for t in toks]
    out, i = [], 0
    while i < len(toks):
        num, n = tokens.read_number(toks, lows, i, text, cues)
        out.append(num or toks[i])
        i += n
    return out


def _tok_rows(toks):
    return [(t.start, t.end, t.text, t.low, t.base, t.is_num, t.num) for t in toks]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["5", "000", "1,200", "12", "three", "hundred", "thousand", "dozens", "of",
                                 "about", "more", "than", "million", "juta", "ribuan", "50", "294", "tys.",
                                 "people", "fled", "x", ",", "\u00a0"]), max_size=16))
def test_merge_numbers_equals_the_plain_loop(words):
    text = " ".join(words)
    for lang in ("en", "id", "fr", "ru"):
        cues = load_cues(lang)
        raw = [tokens.Tok(m.start(), m.end(), m.group(), m.group().lower(), m.group().lower())
               for m in re.finditer(r"\S+", text)]
        assert _tok_rows(tokens.merge_numbers(list(raw), text, cues)) == \
            _tok_rows(_plain_merge_numbers(list(raw), text, cues)), (lang, text)


def _gold_texts():
    out = []
    for path in (ROOT / "tests/data/events_gold.jsonl", *sorted((ROOT / "tests/data/movements").glob("*.jsonl"))):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append((d["text"], d.get("lang", "en"), d.get("date")))
    return out


def test_fast_paths_read_every_written_set_as_the_plain_readings(gaz, monkeypatch):
    texts = _gold_texts()
    results = [geomap.extract(t, lang=lang, date=date, gazetteer=gaz, events=False) for t, lang, date in texts]
    fast = [find_events(r).events for r in results]
    monkeypatch.setattr(dates, "find_date", _plain_find_date)
    import geomap.events.frames as frames
    monkeypatch.setattr(frames, "find_date", _plain_find_date)
    monkeypatch.setattr(tokens, "merge_numbers", _plain_merge_numbers)
    for lang in _ANAPHOR_LANGS:
        monkeypatch.setattr(load_cues(lang).anaphors, "_may", None)
    plain = [find_events(r).events for r in results]
    assert sum(map(len, fast)) > 100  # the sets give events: the comparison compares something
    assert fast == plain


def test_scorer_dot_product_adds_as_the_plain_sum():
    rng = random.Random(7)
    model = S.load_model()
    names = list(model.weights)
    for _ in range(2000):
        feats = {rng.choice(names + ["unweighted_" + str(k) for k in range(5)]): rng.choice(
            [1.0, 0.0, rng.random(), rng.uniform(-3, 3), math.log1p(rng.random() * 9)]) for _ in range(80)}
        z = sum(model.weights.get(k, 0.0) * v for k, v in feats.items())
        assert model.score(feats) == 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def test_prefixed_names_are_the_joined_strings():
    named = S._Prefixed("same|")
    assert [named[k] for k in ("o_before_d", "bias", "o_before_d")] == ["same|o_before_d", "same|bias",
                                                                         "same|o_before_d"]
    assert named["bias"] is named["bias"]  # made once


def test_anaphor_precheck_keeps_the_pointing_nouns():
    """Each phrase of the data, written out, passes the pre-check (a noun the check missed would lose an
    event). A language that matches its phrases in any case has no pre-check."""
    checked = 0
    for lang in _ANAPHOR_LANGS:
        a = load_cues(lang).anaphors
        if a._may is None:
            continue
        for key in a.kinds:
            if len(key.split()) > 1 or a.bare_rx is not None:
                text = f"x {key} y"
                assert a._may.search(text, 0, len(text)), (lang, key)
                checked += 1
    assert checked > 20


def _plain_scan(phrases, lows, a=0, b=None, alt=None):
    """Phrases.scan as it read before: a dict probe at every word."""
    b = len(lows) if b is None else b
    out, i = [], a
    while i < b:
        if lows[i] not in phrases._first and (alt is None or alt[i] not in phrases._first):
            i += 1
            continue
        m = phrases.match(lows, i, alt)
        if m and i + m[0] <= b:
            out.append((i, m[0], m[1]))
            i += m[0]
        else:
            i += 1
    return out


def test_phrase_scan_equals_the_word_by_word_walk():
    from geomap.events.cues import Phrases

    rng = random.Random(11)
    vocab = list("abcdefg")
    for _ in range(20000):
        ph = Phrases((" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 3))), rng.randint(0, 9))
                     for _ in range(rng.randint(0, 6)))
        lows = [rng.choice(vocab) for _ in range(rng.randint(0, 12))]
        alt = [rng.choice(vocab) for _ in lows] if rng.random() < 0.3 else None
        a = rng.randint(-3, len(lows))  # rules start a window a few words back, before the first at times
        b = rng.choice([None, rng.randint(max(a, 0), len(lows)), rng.randint(-2, 1)])
        assert _outcome(ph.scan, lows, a, b, alt) == _outcome(partial(_plain_scan, ph), lows, a, b, alt), \
            (lows, a, b, alt)


def _outcome(f, *args):
    try:
        return f(*args)
    except IndexError:  # a window reaching before the first of no words: both fail alike
        return IndexError


def test_alnum_pattern_is_isalnum_on_every_code_point():
    """Tok.alpha searches [^\\W_] where it asked str.isalnum() of each character."""
    import sys

    assert all((tokens._ALNUM.search(c) is not None) == c.isalnum() for c in map(chr, range(sys.maxunicode + 1)))
