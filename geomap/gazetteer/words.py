"""Everyday words (wordfreq's Zipf scale): a word spelled right on purpose is never a
misspelt place."""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from .store import atomic_write_bytes, _file_digest, cache_dir, dist_version


COMMON_WORD_LANGS = ("en", "id", "fr", "de", "es", "pt", "it", "nl")
_ZIPF_FLOOR = 2.5  # rarer words are not stored: about 3 uses in 10 million words


def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of a word, from a compact cached table.

    wordfreq itself spends about a second unpacking its lists on first use, which a
    CLI run cannot afford; the words at or above the floor are kept in a marisa trie
    in the cache folder, built once per wordfreq version.
    """
    rec = _common_table().get(f"{lang}:{word.lower()}")
    return rec[0][0] / 10.0 if rec else 0.0


@lru_cache(maxsize=65536)
def is_common_word(text: str, threshold: float = 3.3) -> bool:
    """True when text is an everyday word (or words) in a language we read.

    A common word is spelled right on purpose; it is never a misspelt place. The
    threshold is on wordfreq's Zipf scale: 3.3 is about two uses per million words.
    """
    t = text.strip().lower()
    return any(zipf(t, lang) >= threshold for lang in COMMON_WORD_LANGS)


@lru_cache(maxsize=1)
def _common_table():
    import marisa_trie

    version = dist_version("wordfreq")
    path = cache_dir() / f"common-words-{version}-{'-'.join(COMMON_WORD_LANGS)}.marisa"
    check = path.with_name(path.name + ".json")  # its size and CRC: a damaged file is rebuilt
    try:
        if json.loads(check.read_bytes()) == _file_digest(path):
            trie = marisa_trie.RecordTrie("<B")
            trie.mmap(str(path))
            return trie
    except (OSError, ValueError, TypeError):
        pass
    from wordfreq import iter_wordlist, zipf_frequency

    keys, values = [], []
    for lang in COMMON_WORD_LANGS:
        for w in iter_wordlist(lang, "best"):
            z = zipf_frequency(w, lang)
            if z < _ZIPF_FLOOR:
                break
            keys.append(f"{lang}:{w}")
            values.append((int(round(z * 10)),))
    trie = marisa_trie.RecordTrie("<B", zip(keys, values))
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
        trie.save(tmp)
        digest = _file_digest(Path(tmp))
        os.replace(tmp, path)
        atomic_write_bytes(check, json.dumps(digest).encode())
    except OSError:
        pass  # no usable cache folder: the table lives in memory for this run
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
    return trie
