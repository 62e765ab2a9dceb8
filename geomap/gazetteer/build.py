"""Building the name index from the CSVs, column by column, in steps: read the columns,
derive the per-row arrays, list every (name, row) pair, pick the fuzzy targets, number the
keys in a trie with their postings, and write the files as one folder."""
from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .names import fold_many
from .schema import (_CITY, _FUZZY_MIN_IMPORTANCE, _MATCH_RANK, COLUMNS, INDEX_VERSION, KINDS, MATCH_ALT,
                     MATCH_DEMONYM, MATCH_NAME, importance)
from .store import INDEX_FILES, _bucket_name, _file_digest, _meta_checksum, _publish
from .table import _numbers_error, read_table


def build_index(paths: list[Path], index_dir: Path, progress=None) -> None:
    """Read the CSVs and write the index files into index_dir (atomically, as a folder).

    Column by column rather than row by row: 250k rows and 1.5M names cost seconds
    as a Python loop per row and name, a fraction of that as list passes and numpy
    sorts. The result is the same bytes the row-by-row build wrote."""
    import gc

    # Millions of short-lived lists and strings, none in a reference cycle: the cyclic
    # collector would walk them again and again for nothing (a third of the build).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        _build_index(paths, index_dir, progress)
    finally:
        if was_enabled:
            gc.enable()


def _build_index(paths: list[Path], index_dir: Path, progress) -> None:
    table = _read_columns(paths, progress)
    rows = _row_arrays(table)
    names = _name_postings(table)  # frees the text columns once every one is read
    fuzzy_keys = _fuzzy_keys(names, rows)
    keep = rows.live[names.row_of]
    trie, postings = _trie_postings(names.keys, names.key_arr, names.row_of[keep], names.key_of[keep],
                                    names.match_of[keep], rows.importance)
    arrays = {
        "lat": table.lat, "lon": table.lon,
        "population": np.asarray(table.pop, dtype=np.int64), "kind": rows.kind,
        "country": rows.country, "file": np.concatenate(table.file_no),
        "offset": np.concatenate(table.offsets).astype(np.int64), "importance": rows.importance,
        **postings,
        "admin1_id": np.asarray(rows.admin1_id, dtype=np.int32),
    }
    meta = {"version": INDEX_VERSION, "paths": [str(p) for p in paths], "headers": table.headers,
            "rows": len(table.lat), "names": len(trie), "fuzzy_names": len(fuzzy_keys),
            "kinds": dict(Counter(rows.kind_names)), "sources": rows.sources}
    _write_index(index_dir, arrays, trie, rows, fuzzy_keys, meta)


@dataclass
class _Table:
    """Every file's columns, joined: the text columns as lists, the numbers as arrays."""

    headers: list
    cols: dict
    offsets: list
    file_no: list
    lat: np.ndarray
    lon: np.ndarray
    pop: list


def _read_columns(paths: list[Path], progress) -> _Table:
    """The CSVs' columns, each file's numbers checked (an error names the first bad line)."""
    headers, cols, offsets, file_no, lat, lon, pop = [], {c: [] for c in COLUMNS}, [], [], [], [], []
    for fi, path in enumerate(paths):
        header, rows, starts, linenos = read_table(path)
        headers.append(header)
        n = len(rows)
        columns = dict(zip(header, map(list, zip(*rows)))) if rows else {c: [] for c in header}
        del rows
        columns["source"] = [s or path.name for s in columns.get("source", [""] * n)]
        for c in COLUMNS:
            cols[c].extend(columns.get(c) or [""] * n)
        offsets.append(starts)
        file_no.append(np.full(n, fi, dtype=np.int16))
        try:
            la = np.array(list(map(float, columns["lat"])), dtype=np.float64)
            lo = np.array(list(map(float, columns["lon"])), dtype=np.float64)
            pop.extend(int(float(p or 0)) for p in columns.get("population", [""] * n))
            if not ((la >= -90) & (la <= 90) & (lo >= -180) & (lo <= 180)).all():
                raise ValueError("coordinates out of range")
        except (ValueError, OverflowError):
            raise _numbers_error(path, linenos, columns["lat"], columns["lon"],
                                 columns.get("population", [""] * n)) from None
        lat.append(la)
        lon.append(lo)
        if progress:
            progress(len(cols["id"]))
    return _Table(headers, cols, offsets, file_no, np.concatenate(lat), np.concatenate(lon), pop)


@dataclass
class _Rows:
    """What the index keeps per row besides its numbers."""

    kind: np.ndarray
    kind_names: list
    importance64: np.ndarray
    importance: np.ndarray  # float32, as stored
    country: np.ndarray
    admin1_codes: dict
    admin1_id: list
    admin1: dict  # admin1 code -> the region's name
    countries: dict  # country code -> the country's name
    sources: dict
    live: np.ndarray  # False for a row a later file's row of the same id replaces


def _row_arrays(t: _Table) -> _Rows:
    cols = t.cols
    n_rows = len(cols["id"])
    kind_index = {k: i for i, k in enumerate(KINDS)}
    other = kind_index["other"]
    kind = np.array([kind_index.get(k, other) for k in cols["kind"]], dtype=np.int8)
    kind_names = [KINDS[k] for k in kind.tolist()]
    imp64 = np.array(list(map(importance, kind_names, t.pop)), dtype=np.float64)
    cc_of = {c: c[:2].upper() for c in set(cols["country_code"])}
    ccs = [cc_of[c] for c in cols["country_code"]]
    country = np.array([c.encode("ascii", "replace").ljust(2) for c in ccs], dtype="S2")
    admin1_codes: dict[str, int] = {"": 0}
    admin1_id = [admin1_codes.setdefault(a, len(admin1_codes)) for a in cols["admin1"]]
    admin1: dict[str, str] = {}
    countries: dict[str, str] = {}
    for i in np.flatnonzero((kind == kind_index["admin1"]) | (kind == kind_index["country"])).tolist():
        if kind_names[i] == "admin1" and cols["admin1"][i]:
            admin1[cols["admin1"][i]] = cols["name"][i]
        elif kind_names[i] == "country" and ccs[i]:
            countries[ccs[i]] = cols["name"][i]
    # A user gazetteer may correct an embedded row: the later file's row with the same id wins.
    last_of = {x: i for i, x in enumerate(cols["id"])}
    live = np.ones(n_rows, dtype=bool)
    if len(last_of) != n_rows:
        live[[i for i, x in enumerate(cols["id"]) if last_of[x] != i]] = False
    return _Rows(kind, kind_names, imp64, imp64.astype(np.float32), country, admin1_codes, admin1_id,
                 admin1, countries, dict(Counter(cols["source"])), live)


@dataclass
class _Names:
    """Every (row, folded key) pair once, with how the row names it."""

    row_of: np.ndarray
    key_of: np.ndarray
    match_of: np.ndarray
    keys: list  # key number -> folded text
    key_arr: object  # the same, as a pyarrow array


def _name_postings(t: _Table) -> _Names:
    # Every name of every row, with the row and how it names it; the strings are
    # split, numbered and looked up in pyarrow's C++ hash tables, since Python dicts
    # over 1.7M names cost more than the rest of the build.
    import pyarrow as pa
    import pyarrow.compute as pc

    cols = t.cols
    n_rows = len(cols["id"])
    names, rows_of, matches = [], [], []
    for col, m in (("name", MATCH_NAME), ("asciiname", MATCH_NAME),
                   ("alternatenames", MATCH_ALT), ("demonyms", MATCH_DEMONYM)):
        arr = pa.array(cols[col], type=pa.string())
        if m == MATCH_NAME:
            rows_of.append(np.arange(n_rows, dtype=np.int64))
        else:
            lists = pc.split_pattern(arr, "|")
            rows_of.append(pc.list_parent_indices(lists).to_numpy().astype(np.int64))
            arr = pc.list_flatten(lists)
        names.append(arr)
        matches.append(np.full(len(arr), m, dtype=np.int8))
    row_of, match_of = np.concatenate(rows_of), np.concatenate(matches)
    t.cols = {}  # every column is read by now: its 3 million strings need not wait for the rest
    del cols
    # Each distinct name folded once, each distinct key numbered once.
    by_name = pa.concat_arrays(names).dictionary_encode()
    by_key = pa.array(fold_many(by_name.dictionary.to_pylist()), type=pa.string()).dictionary_encode()
    key_of = by_key.indices.to_numpy().astype(np.int64)[by_name.indices.to_numpy()]
    key_arr = by_key.dictionary
    keys = key_arr.to_pylist()
    del names, by_name, by_key
    ok = key_of != (keys.index("") if "" in keys else -1)
    row_of, match_of, key_of = row_of[ok], match_of[ok], key_of[ok]
    # One entry per (row, key): a row's own name wins, then its demonym over an
    # alternate that folds the same ("Israeli" is listed as both; Cyrillic "Герман"
    # folds to "german"): the word is used as an adjective.
    rank = np.array([_MATCH_RANK[m] for m in (MATCH_NAME, MATCH_ALT, MATCH_DEMONYM)], dtype=np.int8)[match_of]
    order = np.lexsort((rank, key_of, row_of))
    row_of, key_of, match_of = row_of[order], key_of[order], match_of[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (row_of[1:] != row_of[:-1]) | (key_of[1:] != key_of[:-1])
    return _Names(row_of[first], key_of[first], match_of[first], keys, key_arr)


def _fuzzy_keys(names: _Names, rows: _Rows) -> list[str]:
    """The keys a misspelling may be matched to.

    City alternates carry historical and foreign forms (Aleppo's "Beroea") that sit
    one typo away from ordinary words; only a city's own name, and the curated
    names of larger units, are fuzzy targets (of places important enough to be
    misspelled in the news)."""
    import pyarrow.compute as pc

    row_of, key_of, match_of = names.row_of, names.key_of, names.match_of
    key_len = pc.utf8_length(names.key_arr).to_numpy()
    fuzzy = ((rows.importance64[row_of] >= _FUZZY_MIN_IMPORTANCE) & (key_len[key_of] >= 5)
             & ((match_of == MATCH_NAME) | ((match_of == MATCH_ALT) & (rows.kind[row_of] != _CITY))))
    keys = names.keys
    return sorted(keys[k] for k in np.flatnonzero(np.bincount(key_of[fuzzy], minlength=len(keys))).tolist())


def _trie_postings(keys, key_arr, row_of, key_of, match_of, imp_arr):
    """The trie of the live rows' keys, and each key's rows as one flat array with start offsets."""
    import marisa_trie
    import pyarrow as pa
    import pyarrow.compute as pc

    used = np.flatnonzero(np.bincount(key_of, minlength=len(keys)))
    trie = marisa_trie.Trie([keys[k] for k in used.tolist()])
    n_keys = len(trie)
    # Two passes over the trie rather than a list of its 820k (key, id) pairs.
    trie_id = np.full(len(keys), -1, dtype=np.int64)
    in_trie = pa.array((k for k, _ in trie.iteritems()), type=pa.string(), size=n_keys)
    trie_id[pc.index_in(in_trie, value_set=key_arr).to_numpy()] = \
        np.fromiter((i for _, i in trie.iteritems()), dtype=np.int64, count=n_keys)
    del in_trie
    # Best first: own name before alternate, then by importance, then in file order.
    post = trie_id[key_of]
    order = np.lexsort((row_of, -imp_arr[row_of], match_of, post))
    starts = np.zeros(n_keys + 1, dtype=np.int64)
    starts[1:] = np.cumsum(np.bincount(post, minlength=n_keys))
    return trie, {"post_start": starts, "post_rows": row_of[order].astype(np.int32),
                  "post_match": match_of[order].astype(np.int8)}


def _write_index(index_dir: Path, arrays: dict, trie, rows: _Rows, fuzzy_keys: list[str], meta: dict) -> None:
    """Write every file into a fresh folder beside index_dir, then publish it with one rename."""
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=index_dir.parent, prefix=".build-"))
    try:
        for name, arr in arrays.items():
            np.save(tmp / f"{name}.npy", arr)
        trie.save(str(tmp / "names.marisa"))
        (tmp / "admin1.json").write_text(json.dumps(rows.admin1))
        (tmp / "admin1_codes.json").write_text(json.dumps(list(rows.admin1_codes)))
        (tmp / "countries.json").write_text(json.dumps(rows.countries))
        buckets: dict[str, list[str]] = {}
        for k in sorted(fuzzy_keys):
            buckets.setdefault(_bucket_name(k[0], len(k)), []).append(k)
        # One file of buckets, each a stretch at a known offset: thousands of tiny
        # files cost the first run more in the file system than their content.
        lines, chunks, at = [], [], 0
        for name, keys in buckets.items():
            data = "\n".join(keys).encode("utf-8")
            lines.append(f"{name} {at} {len(data)}")
            chunks.append(data)
            at += len(data)
        (tmp / "fuzzy.txt").write_bytes(b"".join(chunks))
        (tmp / "fuzzy.idx").write_text("\n" + "\n".join(lines) + "\n", "ascii")
        meta = {**meta, "files": {f: _file_digest(tmp / f) for f in INDEX_FILES}}
        meta["checksum"] = _meta_checksum(meta)
        (tmp / "meta.json").write_text(json.dumps(meta))
        _publish(tmp, index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
