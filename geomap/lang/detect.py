"""Which language a text is in: lingua's n-gram models, restricted to the languages
geomap has data for plus a few common others (so that, say, an Italian text is told
apart rather than read as Spanish with Spanish stop words).

lingua's low-accuracy mode (trigrams only) is used: its models load in a fraction of
a second, where the full 1-5-gram models cost seconds on every run, and on a paragraph
of news it is as good. On a sentence or two a few foreign names can outweigh the rest;
there the language whose own function words the text uses decides (_short_text_vote).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import available, load_data

# Told apart so that their texts get the language-neutral path rather than another
# language's stop words. Close neighbours of a language geomap reads are left out on
# purpose (Malay for Indonesian, Slovak for Czech, Belarusian for Ukrainian): a text in
# one of them is better read with its neighbour's data than with none.
OTHERS = ("it", "pt", "nl", "sv", "da", "tr", "ro", "hu", "fi", "el", "ar", "he", "fa", "hi", "zh", "ja", "ko", "vi")
SAMPLE_CHARS = 4000
SHORT_WORDS = 25  # below this many words, trigrams of a few names can outweigh the rest
_WORD = re.compile(r"[^\W\d_]+")
# A word in slashes, or with IPA's own letters and stress marks (U+0250-U+02FF).
_IPA = re.compile(r"^[(\[]?/|[\u0250-\u02ff]")
PLAIN_ENGLISH_WORDS = 40  # a text this long or longer ...
PLAIN_ENGLISH_SHARE = 0.3  # ... with this share of English function words is English


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = []
    for c in codes:
        try:
            langs.append(Language.from_iso_code_639_1(IsoCode639_1.from_str(c)))
        except (ValueError, AttributeError):
            continue  # a made-up or unsupported code: only the function-word vote knows it
    if len(langs) < 2:
        return None
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


@lru_cache(maxsize=None)
def _function_words(code: str) -> frozenset:
    return frozenset(w.lower() for w in load_data(code).get("function_words", ()))


def detect(text: str, default: str = "en", fast: bool = True) -> str:
    """The ISO 639-1 code of the text's language; ``default`` when nothing tells.
    fast=False asks lingua even of unmistakable English (see _plain_english)."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if not words:
        return default
    known = available()
    if fast and len(words) >= PLAIN_ENGLISH_WORDS and "en" in known and _plain_english(words, known):
        return "en"
    try:
        det = _detector(tuple(sorted(set(known) | set(OTHERS))))
    except ImportError:  # lingua missing: the function-word vote alone
        det = None
    ranked = []
    if det is not None:
        # Names are left out: lingua rules out every language whose alphabet lacks a
        # letter of the text, so one "Araxá" or "Łódź" would make English Portuguese
        # or Polish. The everyday (lower-case) words carry the language.
        # Pronunciations go too: IPA's "æ" in "/ˈlæŋkæstər/" made an English text Danish.
        plain = [w for w in sample.split() if not w[:1].isupper() and not _IPA.search(w)]
        probe = " ".join(plain) if len(plain) >= 5 else sample
        ranked = [(v.language.iso_code_639_1.name.lower(), v.value)
                  for v in det.compute_language_confidence_values(probe) if v.value > 0]
    if ranked and len(words) >= SHORT_WORDS:
        top = ranked[0][0]
        if top in known:
            # Odd letters can still mislead lingua (IPA in "Lancaster /ˈleɪŋkᵻstər/"
            # reads as German): a language whose function words are a clear share of
            # the text, and twice those of lingua's pick, overrules it.
            rates = {c: sum(1 for w in words if w in _function_words(c)) / len(words) for c in known}
            best = max(rates, key=rates.get)
            if best != top and rates[best] >= 0.12 and rates[best] >= 2 * rates[top]:
                return best
        return top
    confidence = dict(ranked)
    vote = _short_text_vote(words, known, confidence)
    if ranked and len(words) >= 4 and ranked[0][0] not in known and ranked[0][1] >= 0.6 and (
            vote is None or (vote in _lingua_codes() and confidence.get(vote, 0.0) < 0.05)):
        # A sure call for a language geomap has no data for stands even on one sentence
        # (an Italian "a", "la", "con" would otherwise vote for Spanish or Czech), unless
        # lingua also sees the language the function words vote for.
        return ranked[0][0]
    if vote:
        return vote
    # A few words and no function word of any language ("Kyiv", "Paris, Texas"): lingua's
    # call on so little is a guess, taken only when it names a language geomap reads.
    known_ranked = [c for c, _ in ranked if c in known]
    if len(words) < 4:
        return known_ranked[0] if known_ranked and known_ranked[0] == ranked[0][0] else default
    return ranked[0][0] if ranked else default


def _plain_english(words: list[str], known) -> bool:
    """Unmistakable English: a third of the words are English function words ("the",
    "of", "said"), three times the share of any other language geomap reads. Loading
    lingua's models costs a one-article run 150 ms, more than the rest of its work;
    on every such text of the dev corpora (1,300 of 1,700) lingua says English too."""
    counts = {c: 0 for c in known}
    sets = [(c, _function_words(c)) for c in known]
    for w in words:
        for c, fw in sets:
            if w in fw:
                counts[c] += 1
    en = counts.pop("en") / len(words)
    return en >= PLAIN_ENGLISH_SHARE and all(en >= 3 * n / len(words) for n in counts.values())


@lru_cache(maxsize=1)
def _lingua_codes() -> frozenset:
    try:
        from lingua import Language
    except ImportError:
        return frozenset()
    return frozenset(lang.iso_code_639_1.name.lower() for lang in Language.all())


def _short_text_vote(words: list[str], known, confidence: dict[str, float]) -> str | None:
    """For a sentence or two, where trigrams of a few names can outweigh the rest
    ("Russian troops moved from Vladivostok to Khabarovsk" scores as Czech): the
    language whose function words the text uses most, lingua's confidence breaking
    ties ("do" is Polish and Czech). None when no function word of any is used."""
    counts = {c: sum(1 for w in words if w in _function_words(c)) for c in known}
    top = max(counts.values(), default=0)
    if top == 0:
        return None
    tied = [c for c in known if counts[c] == top]
    return max(tied, key=lambda c: (confidence.get(c, 0.0), c == "en"))
