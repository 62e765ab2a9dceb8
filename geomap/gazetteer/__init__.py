"""The offline gazetteer: CSV files in, a name index out.

Reading 250k rows and folding a million names costs seconds, which a CLI cannot pay on
every run. So the index is built once per gazetteer content (keyed by a hash of the
files), written to the user's cache folder, and afterwards memory-mapped: a marisa trie
maps folded names to key ids, numpy arrays hold postings and the numeric columns, and a
row's text is read back from the CSV by byte offset only when someone asks for it.

The steps, one module each: `schema` (columns, kinds, match ranks, importance), `names`
(folding), `table` (reading a CSV), `build` (the index), `store` (the index's files:
cache folder, digests, publishing), `index` (look-ups over an opened index), `cache`
(`load`: find or build the index for the files given), `words` (everyday words).
"""
from __future__ import annotations

from .build import build_index
from .cache import _load_cached, default_paths, load
from .index import Candidate, Gazetteer
from .names import fold, fold_many
from .schema import (_MATCH_RANK, COLUMNS, INDEX_VERSION, KINDS, MATCH_ALT, MATCH_DEMONYM, MATCH_NAME,
                     POINT_FEATURES, REQUIRED_COLUMNS, WATER, importance)
from .store import INDEX_FILES, VERIFIED, atomic_write_bytes, cache_dir, dist_version, verify_index
from .table import iter_rows, read_table
from .words import COMMON_WORD_LANGS, is_common_word, zipf

__all__ = [
    "COLUMNS", "COMMON_WORD_LANGS", "INDEX_FILES", "INDEX_VERSION", "KINDS", "MATCH_ALT", "MATCH_DEMONYM",
    "MATCH_NAME", "POINT_FEATURES", "REQUIRED_COLUMNS", "VERIFIED", "WATER", "Candidate", "Gazetteer",
    "atomic_write_bytes", "build_index", "cache_dir", "default_paths", "dist_version", "fold", "fold_many",
    "importance", "is_common_word", "iter_rows", "load", "read_table", "verify_index", "zipf", "_MATCH_RANK", "_load_cached",
]
