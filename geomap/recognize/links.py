"""What the text says between one mention and the next: a comma, "is a town in", "near"."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .langdata import Lang
from .tokens import Span

_MAX_GAP = 160
_COMMA_GAP = re.compile(r",\s*")
# compiled once: the gap tests below run for nearly every pair of neighbouring mentions
_BRACKETED = re.compile(r"\([^()]*\)")
_CLAUSE_END = re.compile(r"[.;:!?\n]")
_GAP_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _link(text: str, spans: list[Span], L: Lang) -> None:
    """Mark what the text says between each mention and the next: a comma, or that
    the first lies in or near the second ("X is a city in Y", "X, a town near Y").
    A mention inside brackets after the first is passed over: "Kingston (US:
    /ˈkɪŋztən/) is the capital of Jamaica"."""
    n = len(spans)
    nxt = _next_outside_brackets(text, spans)
    for i, a in enumerate(spans):
        j = nxt[i]
        if j >= n:
            break
        b = spans[j]
        rel = ""
        if _COMMA_GAP.fullmatch(text, a.end, b.start):
            rel = ","
        elif b.start - a.end <= _MAX_GAP and L.within_gap is not None:
            gap = text[a.end:b.start]
            if _words_ok(gap, L):
                if L.near_gap is not None and L.near_gap.fullmatch(gap):
                    rel = "near"
                elif L.within_gap.fullmatch(gap):
                    rel = "in"
        if rel:
            a.link_next, a.link_to = rel, b.start
            if rel != "," and a.kind_hint is None:
                a.kind_hint = _gap_kind(text[a.end:b.start], L)


def _next_outside_brackets(text: str, spans: list[Span]) -> list[int]:
    """For each span i, the first later span j with no more "(" than ")" between
    them (len(spans) when there is none), in O(n log n) for n spans.

    With depth(k) = the count of "(" minus that of ")" in text[:k], span j qualifies
    when depth(start_j) <= depth(end_i). Counting the brackets of each stretch anew
    costs a pass over the text per pair when a bracket is never closed; instead the
    depths come from bisecting the brackets' offsets, and the first qualifying j from
    a stack, built right to left, of the spans that are nearer and shallower than
    every span after them (the only ones that can be first): bisect it by depth.
    """
    n = len(spans)
    out = [n] * n
    if n < 2:
        return out
    opens = [m.start() for m in re.finditer(r"\(", text)]
    closes = [m.start() for m in re.finditer(r"\)", text)]
    if not opens:  # never deeper than at the start: the next span is always the one
        return list(range(1, n + 1))

    def depth(k: int) -> int:
        return bisect_left(opens, k) - bisect_left(closes, k)

    # The candidates, bottom (farthest) first; their depths rise strictly towards the
    # top, because a nearer span no deeper than a farther one hides it for good.
    depths: list[int] = []
    idx: list[int] = []
    for i in range(n - 2, -1, -1):
        j = i + 1
        dj = depth(spans[j].start)
        while depths and depths[-1] >= dj:
            depths.pop()
            idx.pop()
        depths.append(dj)
        idx.append(j)
        a = spans[i]
        if spans[j].start < a.end:  # overlapping: nothing lies between them
            out[i] = j
            continue
        # the nearest candidate no deeper than the end of span i: the top of the
        # bottom run of depths <= that depth
        k = bisect_right(depths, depth(a.end))
        out[i] = idx[k - 1] if k else n
    return out


def _gap_kind(gap: str, L: Lang) -> str | None:
    """What "X is a small town in Y" says X is: the first place noun of the gap, unless
    a second one follows it ("the county seat of": a seat, not a county)."""
    words = _GAP_WORD.findall(_BRACKETED.sub(" ", gap).lower())
    for w, nxt in zip(words, words[1:] + [""]):
        if w in L.within_kinds:
            return L.within_kinds.get(nxt) or L.within_kinds[w]
    return None


def _words_ok(gap: str, L: Lang) -> bool:
    """One clause, not too long, that speaks of places: "is a town in", "located in"
    ("the others in" does not)."""
    g = _BRACKETED.sub(" ", gap)
    if _CLAUSE_END.search(g):
        return False
    words = _GAP_WORD.findall(g.lower())
    if len(words) > 14 or not any(w in L.within_words for w in words):
        return False
    # The last two words hold the preposition that relates the names ("in", "north
    # of", "dari"): a breaker before them ends the clause ("the ship returned to the
    # port of").
    return not any(w in L.clause_breakers for w in words[:-2])
