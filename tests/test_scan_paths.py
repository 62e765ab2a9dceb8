"""The fast paths of recognition (issue 13) against the plain readings they stand for.

tests/test_scan_equality.py proves that the dev corpora read as before; these tests try
the same shortcuts on texts written to stress them: runs of lower-case words skipped in one
regex match, the vessel pre-check, the one-space sentence break and kind cues of several
lengths.
"""
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.recognize import Mention, language
from geomap.recognize import rules as R
from geomap.recognize import tokens as T

# Pieces that meet the tokenizer's edge cases: abbreviations, a lower-case word with a
# capital inside ("iPhone") or after a hyphen ("pro-Moscow"), "_", possessives, party letters,
# contractions, elisions, connectors, non-ASCII letters, digits, sentence marks and line breaks.
_PIECES = ["Paris", "the", "of", "de", "la", "Isle", "Man", "e.g.", "U.S.", "iPhone", "pro-Moscow", "foo_Bar",
           "_x", "Obama's", "D-Charleston", "We're", "d'Ivoire", "Côte", "élan", "Ārva", "1,200", "42nd",
           "Kan.", "etc.", ".", ",", "!", "?", "…", " ", "  ", "\n", "\"", "(", ")", "-", "'", "’", "ship",
           "the", "called", "cargo ship", "warship,", "ſhip", "KAPAL", "kapal", "town of", "city of", "x"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _thinned(text: str, connectors) -> list:
    """What _find_tokens keeps, read straight from its definition over tokenize(): every
    interesting token (capitalised, all-caps, or a connector right after an interesting one)
    and the tokens right before and after one."""
    full = T.tokenize(text)
    interesting = []
    for k, t in enumerate(full):
        interesting.append(t.cap or t.text.isupper() or (k > 0 and interesting[k - 1] and t.key in connectors))
    n = len(full)
    return [full[k] for k in range(n)
            if interesting[k] or (k > 0 and interesting[k - 1]) or (k + 1 < n and interesting[k + 1])]


def _rows(toks):
    return [(t.start, t.end, t.text, t.key, t.cap, t.sent_start) for t in toks]


@settings(max_examples=600, deadline=None)
@given(_texts)
def test_find_tokens_keeps_what_its_definition_keeps(text):
    for code in ("en", "id", "fr"):
        connectors = language(code).connectors
        assert _rows(T._find_tokens(text, connectors)) == _rows(_thinned(text, connectors)), text


def test_find_tokens_on_written_cases():
    en = language("en").connectors
    text = ("officials said on monday that the iPhone maker and pro-Moscow groups met in the Isle of Man. "
            "e.g. the talks in Washington, D.C. ended.\nnew rules for the U.S. came")
    got = [t.text for t in T._find_tokens(text, en)]
    assert got == [t.text for t in _thinned(text, en)]
    # the long lower-case stretches are left out; the neighbours of names stay
    assert "officials" not in got and "maker" not in got and "rules" not in got
    assert got[got.index("Isle") - 1:got.index("Man") + 1] == ["the", "Isle", "of", "Man"]
    assert got[got.index("Washington") - 1] == "in"


@settings(max_examples=600, deadline=None)
@given(_texts, st.integers(min_value=0, max_value=60))
def test_vessel_precheck_changes_no_answer(text, at):
    for code in ("en", "id"):
        L = language(code)
        plain = replace(L, vessel_tails=None)  # no pre-check: the window is always searched
        s = min(at, len(text))
        e = min(len(text), s + 6)
        assert T._is_vessel(text, s, e, None, L) == T._is_vessel(text, s, e, None, plain), (text, s)


def test_vessel_precheck_written_cases():
    L = language("en")
    text = "the cargo ship the Angara, the warship, Angara and the Angara docked near Relationship Angara"
    starts = [i for i in range(len(text)) if text.startswith("Angara", i)]
    assert [T._is_vessel(text, s, s + 6, None, L) for s in starts] == [True, True, False, False]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", ".", "!", "?", "…", " ", "  ", "\n", "\"", "(", "’", ")"]),
                min_size=1, max_size=12).map("".join))
def test_one_space_sentence_break_is_the_pattern(text):
    for prev_end in range(len(text)):
        start = prev_end + 1
        if text[prev_end:start] != " ":
            continue
        before = text[max(0, prev_end - 1):prev_end] + " "
        assert T._is_sentence_break(text, prev_end, start) == bool(T._BREAK_BEFORE.search(before))


@pytest.fixture(scope="module")
def ex(gaz):
    from geomap.recognize import Extractor

    return Extractor(gaz)


def test_kind_cue_listed_last_wins_across_lengths(ex):
    # Two cues of different lengths both end the words before the name: as when each cue was
    # tried in turn, the one listed last decides.
    ctx = ex.context("In the port of Leeds.", "en")
    si = next(i for i, sp in enumerate(ctx.spans) if sp.text == "Leeds")
    for cues, want in (({"port of": "city", "of": "admin2"}, "admin2"), ({"of": "admin2", "port of": "city"}, "city"),
                       ({"the port of": "admin1", "of": "admin2", "port of": "city"}, "city"),
                       ({"port of": "city", "the port of": "admin1"}, "admin1")):
        ctx.L = replace(ctx.L, kind_cues_before=cues, kind_cues_after={})
        m = Mention(ctx, si, ctx.spans[si])
        m.sp.kind_hint = None
        assert R.kind_cues(ctx, m) is R.KEEP
        assert m.sp.kind_hint == want, cues
