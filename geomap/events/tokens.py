"""Tokens of one sentence: words, each place mention as one token, numbers merged and valued."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Mention, ResolvedPlace
from .cues import WORD as _WORD
from .cues import Cues

# Punctuation that ends a phrase (walks stop there) and that ends a clause.
PUNCT_BREAK = {",", ".", ";", ":", "!", "?", "(", ")", "“", "”", '"', "—", "–", "[", "]"}
PUNCT_BREAK_NO_BRACKETS = PUNCT_BREAK - {"(", ")"}
DASHES = ("–", "—", "-")
CLAUSE_BREAK = {";", ":", "—", "–"}

def parse_number(text: str, cues: Cues) -> float | None:
    """'1.500' (id) -> 1500, '1,2 juta' -> 1200000, '13,000' (en) -> 13000, 'six' -> 6; vague -> None."""
    low = text.lower().replace("’", "'")
    if cues.thousands == " ":  # "50 294", "1 067 000": a space between groups of three digits
        low = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", low)
    words = [cues.lemma(w) for w in low.split()] if cues.reads_lemmas else low.split()
    if not words:
        return None
    scale = 1.0
    m = cues.scales.match(words, len(words) - 1) if len(words) > 1 else None
    if m and m[0] == 1:
        scale = float(m[1])
        words = words[:-1]
    head = " ".join(words)
    if re.fullmatch(r"\d+(?:[.,]\d+)*", head):
        value = _parse_digits(head, cues.decimal, cues.thousands)
    else:
        hit = cues.number_words.match(words, 0)
        if not hit or hit[0] != len(words):
            return None
        value = float(hit[1])
    return None if value is None else value * scale


def _parse_digits(s: str, dec: str, thou: str) -> float | None:
    if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thou)}\d{{3}})+", s):
        return float(s.replace(thou, ""))
    whole, sep, frac = s.partition(dec)
    whole = whole.replace(thou, "")
    if not whole.isdigit() or (sep and not frac.isdigit()):
        return None
    return float(f"{whole}.{frac}" if sep else whole)


_ALNUM = re.compile(r"[^\W_]")


@dataclass(eq=False, slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    # low with reduplication folded ("kapal-kapal" -> "kapal"), or its lemma ("lemmas": "match"), for noun lookups
    base: str
    rp: ResolvedPlace | None = None
    demonym: bool = False
    possessive: bool = False
    is_num: bool = False
    num: float | None = None
    prep: str | None = None
    attr: bool = False
    trig: bool = False

    @property
    def alpha(self) -> bool:
        # [^\W_] is what str.isalnum() accepts (re's \w is that and "_"): one C-level search
        return self.rp is None and _ALNUM.search(self.low) is not None




def looks_demonym(text: str, name: str, suffixes: tuple[str, ...]) -> bool:
    t, n = text.lower(), name.lower()
    if not suffixes or t == n or n.startswith((t + " ", t + "-")):
        return False
    common = 0
    for x, y in zip(t, n):
        if x != y:
            break
        common += 1
    if common < min(4, len(n)):
        return False
    if len(t) == len(n) and len(t) - common <= 2 and n[-1] not in "aeiouy":
        # "Marrakech" for Marrakesh: another spelling of the name, not an adjective made from it (a demonym
        # as long as its name replaces a vowel ending: "Somalis" for Somalia)
        return False
    # the ending must be what follows the shared stem ("Israel|i", "Sudan|ese", "Syri|ans"), so a name the
    # gazetteer spells differently ("Zalingei" for Zalinjay) is not taken for a demonym
    if common == len(t):  # "German" for Germany, "Thai" for Thailand; not "Primorsk" for Primorsky Krai
        return t.endswith(suffixes)
    return any(t[max(0, common - k):] in suffixes for k in range(4))


def tokenize(text: str, s: int, e: int, mentions: list[tuple[Mention, ResolvedPlace]], cues: Cues) -> list[Tok]:
    toks: list[Tok] = []

    lemma, reads = (cues.lemma if cues.morphology else None), cues.reads_lemmas

    def words(a: int, b: int) -> None:
        for m in _WORD.finditer(text, a, b):
            word = m.group()
            low = word.lower()
            if lemma is None and "’" not in low and "'" not in low and "-" not in low:
                toks.append(Tok(m.start(), m.end(), word, low, low))  # a plain word: low is its base
                continue
            low = low.replace("’", "'")
            if reads:
                low = lemma(word.replace("’", "'"))  # "lemmas": "read", the word is its lemma
            parts = low.split("-")
            base = parts[0] if len(parts) > 1 and len(set(parts)) == 1 else low
            if low == "'" and toks and toks[-1].end == m.start() and toks[-1].low + "'" in cues.elisions:
                t = toks[-1]  # "d'Ukraine", "l'Irak": the elided word keeps its apostrophe, as the data lists it
                toks[-1] = Tok(t.start, m.end(), text[t.start:m.end()], t.low + "'", t.low + "'")
                continue
            head, apo, rest = low.partition("'")
            if rest and head + apo in cues.elisions and "-" not in low:  # "d'atteindre", "qu'ils": two words
                cut = m.start() + len(head) + 1
                toks.append(Tok(m.start(), cut, text[m.start():cut], head + apo, head + apo))
                toks.append(Tok(cut, m.end(), text[cut:m.end()], rest, rest))
                continue
            if lemma is not None and not reads and not low[:1].isdigit():
                base = lemma(word)  # "lemmas": "match", "uchodźców" -> "uchodźca": nouns and verbs looked up by lemma
            toks.append(Tok(m.start(), m.end(), m.group(), low, base))

    pos = s
    for m, rp in mentions:
        if m.start < pos:
            continue
        words(pos, m.start)
        end = m.end
        poss = m.text.endswith(("'s", "’s"))
        if text[end:end + 2] in ("'s", "’s"):
            poss, end = True, end + 2
        name_text = m.text[:-2] if m.text.endswith(("'s", "’s")) else m.text
        dem = m.demonym or looks_demonym(name_text, rp.place.name, cues.demonym_suffixes)
        toks.append(Tok(m.start, end, text[m.start:end], "\x00place", "\x00place", rp=rp, demonym=dem, possessive=poss))
        pos = end
    words(pos, e)
    return merge_numbers(toks, text, cues)


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def merge_numbers(toks: list[Tok], text: str, cues: Cues) -> list[Tok]:
    lows = [t.low for t in toks]
    vague_first, word_first = cues.vague.heads, cues.number_words.heads
    # Where a number may start; every other token is kept as it is, a run of them copied at once
    starts = [k for k, low in enumerate(lows) if low[:1].isdigit() or low in vague_first or low in word_first]
    if not starts:
        return toks
    out, i = [], 0
    for k in starts:
        if k < i:
            continue  # inside the number read before
        out += toks[i:k]
        i = k
        num, n = read_number(toks, lows, i, text, cues)
        out.append(num or toks[i])
        i += n
    out += toks[i:]
    return out


def read_number(toks: list[Tok], lows: list[str], i: int, text: str, cues: Cues) -> tuple[Tok | None, int]:
    """The number that starts at token i, as one token, and how many tokens it takes; (None, 1) when none does."""
    n, vague, spaced = 0, False, False
    low = lows[i]
    if _DIGITS.fullmatch(low):
        n = 1
        # "50 294 человека", "5 000 réfugiés": thousands grouped with a (narrow, no-break) space
        while ((cues.thousands == " " or (cues.space_thousands and len(low) <= 3)) and i + n < len(toks)
               and re.fullmatch(r"\d{3}", lows[i + n])
               and text[toks[i + n - 1].end:toks[i + n].start] in (" ", "\u00a0", "\u202f")):
            n += 1
            spaced = cues.space_thousands
    else:
        v = cues.vague.match(lows, i)
        w = cues.number_words.match(lows, i)
        if v and (not w or v[0] >= w[0]):
            n, vague = v[0], True
        elif w:
            n = w[0]
    if not n:
        return None, 1
    if not vague and i + n < len(toks):
        sc = cues.scales.match(lows, i + n)
        if sc:
            n += sc[0]
    a, b = toks[i].start, toks[i + n - 1].end
    t = Tok(a, b, text[a:b], " ".join(lows[i:i + n]), " ".join(lows[i:i + n]), is_num=True)
    if spaced:  # the groups are one number; a scale word after them ("2 000 millions") is not
        digits = "".join(re.findall(r"\d", "".join(lows[i:i + n]) if not any(
            cues.scales.match(lows, q) for q in range(i, i + n)) else ""))
        t.num = float(digits) if digits else parse_number(t.text, cues)
    else:
        t.num = None if vague else parse_number(t.text, cues)
    return t, n
