"""Tokens and spans: the words find() reads and the mentions it hands on."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import gazetteer as gz
from .langdata import _VESSEL_LINKS, Lang

MAX_TOKENS = 6
# Words, with inner hyphens/apostrophes ("Stratford-upon-Avon", "Côte d'Ivoire"),
# and dotted abbreviations ("U.S.", "D.C.", "Kan.") kept whole.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w]*(?:['’\-][\w]+)*\.?|\d[\w]*", re.UNICODE)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # folded
    cap: bool  # starts with an upper-case letter
    sent_start: bool


@dataclass
class Span:
    """A recognised mention before resolution."""

    start: int
    end: int
    text: str
    key: str
    candidates: list = field(default_factory=list)  # gz.Candidate
    fuzzy: bool = False
    acronym: bool = False
    kind_hint: str | None = None
    cue: bool = False  # a place cue word stands before it
    tok_start: int = 0
    tok_end: int = 0
    # How this mention relates to the next one: "," ("Paris, Texas"), "in" ("X is a
    # town in Y"), "near" ("X, a village near Y"), or "" (nothing said).
    link_next: str = ""
    link_to: int = -1  # start offset of that next mention (one in brackets is skipped)
    dateline: bool = False  # in a wire dateline: where the story was filed

    @property
    def demonym(self) -> bool:
        return bool(self.candidates) and all(c.match == gz.MATCH_DEMONYM for c in self.candidates)


_ABBREV = re.compile(r"(?:[^\W\d_]\.){2,}")
# An Arabic article glued to a capitalised name inside a place's name ("Bab el-Mandeb",
# "Ras al-Khaimah"): it continues and may end the name.
_ARTICLE_NAME = re.compile(r"[ae][lnrstdz]h?-[^\W\d_]")
_POSSESSIVE = ("'s", "’s", "'S", "’S")
_BREAK_BEFORE = re.compile(r"[.!?…]['\"”’)]*\s+['\"“‘(]*$")
_SENTENCE_MARKS = (".", "!", "?", "…")
# "We're", "I’ll", "Don't": a pronoun or verb with a clitic, never a name.
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|d|m|t)$", re.IGNORECASE)
# "D-Charleston", "R-Elbow Lake": a US party letter glued to a legislator's home town.
_PARTY = re.compile(r"[DRI]-(?=[^\W\d_])")


def tokenize(text: str) -> list[Token]:
    """Every word as a Token; Extractor.find reads a thinned version of this list."""
    toks: list[Token] = []
    last_end, last_word = -1, ""
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        w = m.group()
        toks.extend(_full_tokens(text, s, e, w, last_end, last_word))
        last_end, last_word = e, w
    return toks


_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")
# gz.fold, remembered: the same capitalised words come back in every text.
_fold = lru_cache(maxsize=200_000)(gz.fold)

# A word _TOKEN reads that starts with an ASCII lower-case letter, in the order of _TOKEN's own
# alternatives ("e.g." as an abbreviation first), so it splits a text exactly as _TOKEN does.
_LOWER_WORD = r"(?:[a-z]\.(?:[^\W\d_]\.)+|[a-z]\w*(?:['’\-]\w+)*\.?)"
# The next word, or a whole run of such lower-case words in one C-level match: all of the run but
# its last word (group 1) goes unseen by Python. Each word and each gap is atomic, so the engine
# never backtracks into a shorter word than _TOKEN would take; nothing but spaces, punctuation and
# "_" (which cannot start a word) lies between two words of the run.
_NEXT_OR_RUN = re.compile(rf"(?:(?>{_LOWER_WORD}[\W_]*)(?=[a-z]))*+((?>{_LOWER_WORD}))|{_TOKEN.pattern}", re.UNICODE)


def _plain_token(s: int, e: int, t: str) -> Token:
    """The Token tokenize() makes of a word that starts with an ASCII lower-case letter."""
    if t[-1] == "." and not _ABBREV.fullmatch(t):
        t, e = t[:-1], e - 1
    return Token(s, e, t, t.lower(), False, False)


def _find_tokens(text: str, connectors: frozenset) -> list[Token]:
    """The tokens Extractor.find looks at: what tokenize() returns, less the plain
    lower-case words that touch nothing of interest.

    Most words of running text are lower-case and can neither start nor continue a
    name; building a Token for each cost a quarter of the extraction time. find() only
    ever steps from an interesting token (capitalised, all-caps, or a connector such as
    "of" right after one, which may continue a name: "Isle of Man") to its immediate
    neighbours, so keeping those tokens and the words right before and after them gives
    it the same neighbours as the full list: the token indices differ, nothing else does.
    A connector after a plain word ("the" in "to the") is itself a plain word.
    Between interesting tokens one regex match passes over the whole run of lower-case
    words (_NEXT_OR_RUN): only the run's last word can matter, as the neighbour before
    the next interesting token.
    """
    toks: list[Token] = []
    append = toks.append
    # the previous word, kept or not: its end says whether a sentence ends
    last_end, last_word = -1, ""
    pending = None  # the previous word when plain and not yet kept: a Token, or (start, end, word)
    want_next = False  # the previous token is interesting, so this one is its neighbour
    find_word, find_run = _TOKEN.search, _NEXT_OR_RUN.search
    pos = 0
    while True:
        m = find_word(text, pos) if want_next else find_run(text, pos)
        if m is None:
            break
        pos = e = m.end()
        if not want_next and m.lastindex:
            # a run of lower-case words after a plain word: only its last one is remembered
            s = m.start(1)
            last_end, last_word = e, text[s:e]
            pending = (s, e, last_word)
            continue
        s = m.start()
        t = m.group()
        if t[0] in _LOWER_ASCII:
            # Lower-case first letter: never capitalised nor all-caps; only a connector
            # after an interesting token matters in itself (no connector holds a period).
            if not want_next or (t[:-1].lower() if t[-1] == "." else t.lower()) not in connectors:
                if want_next:
                    append(_plain_token(s, e, t))
                    want_next = False
                    pending = None
                else:
                    pending = (s, e, t)
                last_end, last_word = e, t
                continue
            made = (_plain_token(s, e, t),)
        else:
            made = _full_tokens(text, s, e, t, last_end, last_word)
        last_end, last_word = e, t
        for tok in made:
            if tok.cap or tok.text.isupper() or (want_next and tok.key in connectors):
                if pending is not None:
                    append(pending if type(pending) is Token else _plain_token(*pending))
                    pending = None
                append(tok)
                want_next = True
            elif want_next:
                append(tok)
                want_next = False
            else:
                pending = tok
    return toks


def _full_tokens(text: str, s: int, e: int, t: str, last_end: int, last_word: str) -> tuple:
    """tokenize()'s reading of the word t at text[s:e], given the word before it (last_word,
    ending at last_end; -1 for none)."""
    if t[-1] == "." and not _ABBREV.fullmatch(t):
        t, e = t[:-1], e - 1
    cap = t[:1].isupper()
    if cap and t[1:2] == "-" and _PARTY.match(t):
        s += 2
        t = t[2:]
    elif cap and ("'" in t or "’" in t) and _CONTRACTION.search(t):
        cap = False
    if not cap:
        return (Token(s, e, t, t.lower(), False, False),)
    if last_end < 0:
        sent_start = True
    else:
        prev_end = last_end
        if text[prev_end - 1] == "." and not _ABBREV.fullmatch(last_word):
            prev_end -= 1
        sent_start = _is_sentence_break(text, prev_end, s)
    if len(t) > 3 and t[-2:] in _POSSESSIVE:
        base = t[:-2]
        return (Token(s, e - 2, base, _fold(base), True, sent_start), Token(e - 2, e, t[-2:], "s", False, False))
    return (Token(s, e, t, _fold(t), True, sent_start),)


def _is_sentence_break(text: str, prev_end: int, start: int) -> bool:
    gap = text[prev_end:start]
    if gap == " ":  # the usual gap: _BREAK_BEFORE then needs only the mark right before it
        return text[prev_end - 1:prev_end] in _SENTENCE_MARKS if prev_end else False
    if "\n" in gap:
        return True
    before = text[max(0, prev_end - 1):prev_end] + gap
    return bool(_BREAK_BEFORE.search(before))


def _joinable(text: str, a: Token, b: Token) -> bool:
    """Can tokens a and b belong to one name? Only spaces or a hyphen between them."""
    gap = text[a.end:b.start]
    return gap in (" ", "-", "- ", " - ") or (gap == ". " and a.text.isalpha() and len(a.text) <= 3) \
        or (gap == "." and len(a.text) == 1 and a.cap and b.cap)  # "W.Va."


# The shortest head of a compound counted ("-land", "-stadt"), and how common it must be.
_COMPOUND_HEAD_MIN, _COMPOUND_HEAD_ZIPF = 4, 3.5


def _compound_noun(word: str, L: Lang) -> bool:
    """Does the word end in an everyday word after a stem of three letters or more ("Küstenstadt",
    "Nachbarland")? Only where the language writes compounds (German)."""
    if not L.compound_nouns or L.common is None:
        return False
    w = word.lower()
    return any(L.common.get(w[i:], 0.0) >= _COMPOUND_HEAD_ZIPF for i in range(3, len(w) - _COMPOUND_HEAD_MIN + 1))


def _common(word: str, L: Lang) -> float:
    """How common the word is as an everyday (lower-case) word, on the Zipf scale."""
    w = word.lower()
    if L.common is not None:
        return L.common.get(w, 0.0)
    return gz.zipf(w, L.code)  # a cached table: wordfreq itself loads for a second


def _split_elisions(text: str, toks: list[Token], elisions: tuple[str, ...]) -> list[Token]:
    """"d'Odessa", "l'Ukraine", "jusqu'à": an elided article or preposition glued to
    a name is its own token, so the name is read (and its offsets start) after it. Inside
    a name ("Côte d'Ivoire") the word stays whole, as the name index has it."""
    out: list[Token] = []
    for t in toks:
        low = t.text.lower().replace("’", "'")
        cut = next((len(e) for e in elisions if low.startswith(e) and len(t.text) > len(e)), 0)
        if cut and t.text[cut:cut + 1].isupper() and not (
                out and out[-1].cap and text[out[-1].end:t.start] == " "):
            rest = t.text[cut:]
            out.append(Token(t.start, t.start + cut, t.text[:cut], gz.fold(t.text[:cut]), False, t.sent_start))
            out.append(Token(t.start + cut, t.end, rest, _fold(rest), True, False))
        else:
            out.append(t)
    return out


def _is_article_name(word: str) -> bool:
    if word[2:3] != "-" and word[3:4] != "-":  # _ARTICLE_NAME's hyphen, without the regex call
        return False
    m = _ARTICLE_NAME.match(word)
    return m is not None and word[m.end() - 1].isupper()


def _is_vessel(text: str, start: int, end: int, prev: Token | None, L: Lang) -> bool:
    """Is the name at text[start:end] a ship's? A vessel prefix glued before it ("MV",
    "HMS"), a vessel word right before it ("the cargo ship the Angara", "kapal
    Angara"), or an apposition after it ("the Angara, a Russian cargo ship")."""
    if L.vessel_before is None:
        return False
    if prev is not None and prev.text in L.vessel_prefixes and text[prev.end:start] == " ":
        return True
    lo = max(0, start - 40)
    tails = L.vessel_tails
    if tails is not None:
        # vessel_before ends on a vessel word, an optional comma and spaces, and perhaps "the"
        # (or "called" ...) and spaces: the window is only worth searching when the word before
        # the name, or before that "the", ends as a vessel word does (str.rstrip and split and
        # the pattern's \s take the same characters).
        words = text[lo:start].rsplit(None, 2)
        maybe = False
        if words:
            w = words[-1]
            if w.endswith(","):
                w = w[:-1]
            if not w.isascii() or w.lower().endswith(tails):
                maybe = True
            elif len(words) > 1 and w.lower() in _VESSEL_LINKS:
                w = words[-2][:-1] if words[-2].endswith(",") else words[-2]
                maybe = not w.isascii() or w.lower().endswith(tails)
    else:
        maybe = True
    if maybe and L.vessel_before.search(text, lo, start):
        return True
    # the apposition opens with its comma
    return text.startswith(",", end) and bool(L.vessel_after.match(text, end))


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 5 and word.isupper() and word.isalpha()


def lower_tail(word: str) -> int:
    """Where the lower-case hyphen pieces that end a capitalised word begin ("Sierra
    Leone-flagged" -> the hyphen before "flagged", "Kyiv-based-firm" -> before "based"),
    or -1: an adjective's suffix, not a word of the name."""
    pieces = word.split("-")
    k = len(pieces)
    while k > 1 and pieces[k - 1].isalpha() and pieces[k - 1].islower():
        k -= 1
    if k == len(pieces) or not pieces[0][:1].isupper():
        return -1
    return len("-".join(pieces[:k]))
