"""The offline gazetteer: CSV files in, a name index out.

Reading 175k rows and folding ~850k names costs seconds, which a CLI cannot pay on
every run. So the index is built once per gazetteer content (keyed by a hash of the
files), written to the user's cache directory, and afterwards memory-mapped: a
marisa trie maps folded names to key ids, numpy arrays hold postings and the
numeric columns, and a row's text is read back from the CSV by byte offset only
when someone asks for it.
"""
from __future__ import annotations

import csv
import errno
import hashlib
import itertools
import json
import math
import mmap
import os
import re
import shutil
import sys
import tempfile
import unicodedata
import weakref
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import GazetteerError
from .models import Place

INDEX_VERSION = 12
REQUIRED_COLUMNS = ("id", "name", "kind", "country_code", "lat", "lon")
COLUMNS = (
    "id", "name", "asciiname", "alternatenames", "kind", "country_code", "admin1",
    "lat", "lon", "population", "geonameid", "demonyms", "source",
)
KINDS = ("country", "admin1", "city", "region", "sea", "continent", "other", "admin2",
         # Route features (scripts/build_gazetteer.py: airportsdata, data/route_features.csv);
         # appended, so that the codes of the kinds above stay what cached indexes hold.
         "gulf", "strait", "canal", "cape", "crossing", "camp", "base", "port", "airport")
# Features a route passes or ends at, which lie at one point like a town does.
POINT_FEATURES = frozenset({"canal", "cape", "crossing", "camp", "base", "port", "airport"})
# Stretches of water, which a route crosses but no point stands for.
WATER = frozenset({"sea", "gulf", "strait"})
# How the name matched a row: its own name beats an alternate, and a demonym
# ("North Korean") is the weakest evidence that a place is meant.
MATCH_NAME, MATCH_ALT, MATCH_DEMONYM = 0, 1, 2
_MATCH_RANK = {MATCH_NAME: 0, MATCH_DEMONYM: 1, MATCH_ALT: 2}

_APOSTROPHES = re.compile(r"['’ʼ`´‘]")
# Everything but letters and digits (of any script) separates words.
_NON_ALNUM = re.compile(r"[\W_]+")


def fold(name: str) -> str:
    """The key names meet under: ASCII, lower case, punctuation as single spaces.

    "Blagoveščensk", "Благовещенск" and "Blagoveshchensk" differ by transliteration
    scheme; anyascii brings the Cyrillic to the same spelling as the English one, and
    the gazetteer's alternate names carry the scholarly spellings.
    """
    if name.isascii():
        s = name.lower()
    else:
        s = _transliterate(unicodedata.normalize("NFC", name)).lower()
    s = _APOSTROPHES.sub("", s)
    return _NON_ALNUM.sub(" ", s).strip()


_TRANSLITERATED_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


@lru_cache(maxsize=4096)
def _script_ok(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(_TRANSLITERATED_SCRIPTS)


def _transliterate(s: str) -> str:
    """ASCII for Latin, Cyrillic and Greek letters; other scripts stay as written.

    Romanising Arabic, Chinese or Burmese names loses so much that they collide with
    unrelated places (one of Lebanon's names comes out as "Lyon"); kept in their own
    script they still match text written in it.
    """
    return s.translate(_TRANSLIT)


class _Translit(dict):
    """str.translate's table, filled as characters come: each one's anyascii form,
    or itself outside the transliterated scripts. A C-level pass per name, where a
    call per character made folding half of the index build."""

    def __missing__(self, code: int) -> str:
        from anyascii import anyascii

        ch = chr(code)
        out = self[code] = anyascii(ch) if ch.isascii() or _script_ok(ch) else ch
        return out


_TRANSLIT = _Translit()


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


def dist_version(name: str) -> str:
    """An installed distribution's version, from its .dist-info folder's name beside
    the package: importlib.metadata costs a one-document run ~10 ms of imports (its
    e-mail parser) to say the same. Falls back to it for other layouts."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is not None and spec.origin:
        site = Path(spec.origin).resolve().parent.parent
        found = sorted(site.glob(f"{name}-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len(name) + 1:-len(".dist-info")]
    import importlib.metadata

    return importlib.metadata.version(name)


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
        _atomic_write_bytes(check, json.dumps(digest).encode())
    except OSError:
        pass  # no usable cache folder: the table lives in memory for this run
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
    return trie


def default_paths() -> list[Path]:
    here = Path(__file__).resolve().parent
    for p in (here / "data" / "gazetteer.csv", here.parent / "gazetteer.csv"):
        if p.is_file():
            return [p]
    raise GazetteerError("the embedded gazetteer.csv is missing: reinstall geomap or run scripts/build_gazetteer.py")


def cache_dir() -> Path:
    env = os.environ.get("GEOMAP_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap"))


def _content_key(paths: list[Path]) -> str:
    """Hash of the gazetteer files, remembered per (path, size, mtime) so a warm run
    need not re-read 30 MB to learn it is unchanged."""
    stamp_file = cache_dir() / "stamps.json"
    try:
        stamps = json.loads(stamp_file.read_text())
    except (OSError, ValueError):
        stamps = {}
    h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    changed = False
    for p in paths:
        st = p.stat()
        sig = f"{st.st_size}:{st.st_mtime_ns}"
        entry = stamps.get(str(p))
        if entry and entry[0] == sig:
            digest = entry[1]
        else:
            fh = hashlib.sha256()
            with open(p, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    fh.update(chunk)
            digest = fh.hexdigest()
            stamps[str(p)] = [sig, digest]
            changed = True
        h.update(digest.encode())
    if changed:
        try:
            stamp_file.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write_bytes(stamp_file, json.dumps(stamps).encode())
        except OSError:
            pass  # a read-only cache only costs the hash next time
    return h.hexdigest()[:24]


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@dataclass(frozen=True)
class Candidate:
    """A gazetteer row that a name may refer to, and how well the name matched."""

    row: int
    match: int  # MATCH_NAME, MATCH_ALT or MATCH_DEMONYM
    similarity: float = 1.0  # 1.0 exact; below for fuzzy matches


def _close_all(files: dict) -> None:
    for f in files.values():
        f.close()
    files.clear()


class Gazetteer:
    """Name lookups over one or more gazetteer CSV files (the embedded one first)."""

    def __init__(self, paths: list[Path], index_dir: Path):
        import marisa_trie

        self.paths = paths
        self.index_dir = index_dir
        a = {k: np.load(index_dir / f"{k}.npy", mmap_mode="r") for k in (
            "lat", "lon", "population", "kind", "country", "file", "offset",
            "post_start", "post_rows", "post_match", "importance", "admin1_id")}
        # Columns read per candidate are copied into memory (a few MB): indexing a
        # memmap element by element costs several times more than an ndarray.
        self.lat, self.lon = np.array(a["lat"]), np.array(a["lon"])
        self.population = a["population"]
        self.kind, self.country, self.file, self.offset = np.array(a["kind"]), np.array(a["country"]), a["file"], a["offset"]
        self._post_start, self._post_rows, self._post_match = a["post_start"], a["post_rows"], a["post_match"]
        self.importance = np.array(a["importance"])
        self._admin1_id = np.array(a["admin1_id"])
        self._admin1_codes: list[str] | None = None
        self.trie = marisa_trie.Trie()
        self.trie.mmap(str(index_dir / "names.marisa"))
        self._files: dict[int, object] = {}
        # The CSVs stay open for row reads; they are closed with the gazetteer, or at exit,
        # rather than left to the garbage collector's ResourceWarning.
        weakref.finalize(self, _close_all, self._files)
        self._places: dict[int, Place] = {}
        self._fuzzy_memo: dict[tuple, tuple] = {}
        self._buckets: dict[tuple[str, int], list[str]] = {}
        self._header = json.loads((index_dir / "meta.json").read_text())["headers"]

    def __len__(self) -> int:
        return len(self.lat)

    # -- lookups ---------------------------------------------------------------
    def lookup(self, name: str) -> list[Candidate]:
        """Exact lookup of a folded name: every row it names, best-known first."""
        key = fold(name)
        kid = self.trie.get(key) if key else None
        if kid is None:
            return []
        lo, hi = self._post_start[kid:kid + 2].tolist()
        # tolist(): one conversion per slice instead of a memmap access per element.
        return [Candidate(r, m) for r, m in zip(self._post_rows[lo:hi].tolist(), self._post_match[lo:hi].tolist())]

    def fuzzy(self, name: str, *, min_similarity: float = 0.84, limit: int = 5) -> list[Candidate]:
        """Near spellings of a name, remembered per (name, similarity, limit)."""
        key = (name, min_similarity, limit)
        hit = self._fuzzy_memo.get(key)
        if hit is None:
            if len(self._fuzzy_memo) > _MEMO_LIMIT:
                self._fuzzy_memo.clear()
            hit = self._fuzzy_memo[key] = tuple(self._fuzzy(name, min_similarity, limit))
        return list(hit)

    def _fuzzy(self, name: str, min_similarity: float, limit: int) -> list[Candidate]:
        """Near spellings ("Usurisk" -> Ussuriysk) among well-known places' names.

        Only keys of places important enough to be misspelled in the news take part
        (countries, regions, cities over a population floor): a small town's name
        is never a fuzzy target, which keeps random words from matching.
        """
        from rapidfuzz import fuzz, process

        key = fold(name)
        if len(key) < 5:
            return []
        found: dict[str, float] = {}
        # Keys bucketed by first letter and length: a ratio above the floor allows
        # at most two characters of length difference, so five buckets hold them all.
        for n in range(len(key) - 2, len(key) + 3):
            choices = self._fuzzy_bucket(key[0], n)
            if not choices:
                continue
            for k, score, _ in process.extract(key, choices, scorer=fuzz.ratio, limit=limit * 3,
                                               score_cutoff=min_similarity * 100):
                if k != key:
                    found[k] = score / 100
        best: dict[int, Candidate] = {}
        for k, s in sorted(found.items(), key=lambda kv: -kv[1])[: limit * 3]:
            for c in self.lookup(k):
                if (self.importance[c.row] >= _FUZZY_MIN_IMPORTANCE
                        and (c.match == MATCH_NAME or (c.match == MATCH_ALT and self.kind[c.row] != _CITY))):
                    old = best.get(c.row)
                    if old is None or (s, -c.match) > (old.similarity, -old.match):
                        best[c.row] = Candidate(c.row, c.match, s)
        out = sorted(best.values(), key=lambda c: (-c.similarity, c.match, -self.importance[c.row]))
        return out[:limit]

    def _fuzzy_bucket(self, first: str, length: int) -> list[str]:
        """Fuzzy keys with this first letter and length: one stretch of fuzzy.txt,
        found by its offset in fuzzy.idx, so a one-document run reads a handful of
        buckets, never all 190k keys. The file is checked (size and CRC) with the rest
        of the index when it loads."""
        cache = self._buckets
        b = cache.get((first, length))
        if b is None:
            at = self._fuzzy_stretch(_bucket_name(first, length))
            if at is None:
                b = []
            else:
                with open(self.index_dir / "fuzzy.txt", "rb") as f:  # no shared handle: threads, pickling
                    f.seek(at[0])
                    b = f.read(at[1]).decode("utf-8").split("\n")
            cache[(first, length)] = b
        return b

    def _fuzzy_stretch(self, name: str) -> tuple[int, int] | None:
        """(offset, length) of a bucket in fuzzy.txt, from fuzzy.idx (a line
        "name offset length" per bucket): one find in its text, where parsing 9,000
        entries as JSON cost a one-document run 7 ms."""
        idx = getattr(self, "_fuzzy_idx", None)
        if idx is None:
            idx = self._fuzzy_idx = (self.index_dir / "fuzzy.idx").read_text("ascii")
        i = idx.find(f"\n{name} ")
        if i < 0:
            return None
        _, at, n = idx[i + 1:idx.index("\n", i + 1)].split(" ")
        return int(at), int(n)

    # -- rows ------------------------------------------------------------------
    def row(self, i: int) -> dict[str, str]:
        """The gazetteer row as written in its CSV file (all columns, as strings)."""
        fi = int(self.file[i])
        f = self._files.get(fi)
        if f is None:
            f = self._files[fi] = open(self.paths[fi], "rb")
        f.seek(int(self.offset[i]))
        line = f.readline().decode("utf-8")
        values = next(csv.reader([line]))
        return dict(zip(self._header[fi], values))

    def place(self, i: int) -> Place:
        """Row i as a Place, remembered: building one reads and parses a CSV line, and
        a run asks for the same rows again and again."""
        p = self._places.get(i)
        if p is None:
            if len(self._places) > _MEMO_LIMIT:
                self._places.clear()
            p = self._places[i] = self._read_place(i)
        return p

    def _read_place(self, i: int) -> Place:
        r = self.row(i)
        gid = r.get("geonameid") or ""
        return Place(
            id=r["id"], name=r["name"], kind=r["kind"], country_code=r.get("country_code", ""),
            lat=float(self.lat[i]), lon=float(self.lon[i]), population=int(self.population[i]),
            admin1=r.get("admin1", ""), source=r.get("source", ""),
            geonameid=int(gid) if gid.isdigit() else None,
        )

    def admin1_code(self, i: int) -> str:
        """Row i's admin1 column ("RU.05"), without reading its CSV line."""
        if self._admin1_codes is None:
            self._admin1_codes = json.loads((self.index_dir / "admin1_codes.json").read_text())
        return self._admin1_codes[int(self._admin1_id[i])]

    def kind_name(self, i: int) -> str:
        return KINDS[int(self.kind[i])]

    def country_code(self, i: int) -> str:
        return bytes(self.country[i]).decode("ascii").strip()

    def admin1_name(self, country: str, code: str) -> str | None:
        """Name of the first-level region a city's admin1 code ("RU.05") points to."""
        if not hasattr(self, "_admin1"):
            self._admin1 = json.loads((self.index_dir / "admin1.json").read_text())
        return self._admin1.get(code)

    def country_name(self, code: str) -> str | None:
        if not hasattr(self, "_countries"):
            self._countries = json.loads((self.index_dir / "countries.json").read_text())
        return self._countries.get(code)

    def stats(self) -> dict:
        return json.loads((self.index_dir / "meta.json").read_text())


_CITY = KINDS.index("city")
_MEMO_LIMIT = 200_000  # entries per memo; cleared past that so a long session stays bounded
# A fuzzy target must be at least this well known (log10 of an effective population).
_FUZZY_MIN_IMPORTANCE = 4.7  # about 50,000 people; every country, region and sea


def importance(kind: str, population: int) -> float:
    """log10 of an effective population: how likely a bare mention means this row.

    Countries outrank every city of the same name (Georgia), a large city outranks
    the region named after it (Donetsk, Khabarovsk), and regions without population
    data sit where a mid-sized city would.
    """
    base = {"country": 9.0, "continent": 9.5, "region": 7.0, "sea": 7.0, "admin1": 5.7, "admin2": 5.0,
            "gulf": 7.0, "strait": 7.0, "canal": 6.0, "cape": 6.0,
            # Below the fuzzy floor (_FUZZY_MIN_IMPORTANCE): a camp's or an airport's name
            # is matched as written, never as a guess at a misspelling.
            "crossing": 4.6, "camp": 4.6, "base": 4.6, "port": 4.6, "airport": 4.6}.get(kind)
    if base is not None:
        return max(base, math.log10(population + 1)) if kind in ("country", "continent") else base
    return math.log10(population + 10)


def _iter_rows(path: Path, fi: int):
    """Yield (byte offset, row dict) for every record; a record must be one line."""
    with open(path, "rb") as f:
        header_line = f.readline()
        try:
            header = next(csv.reader([header_line.decode("utf-8-sig")]))
        except (StopIteration, UnicodeDecodeError) as e:
            raise GazetteerError(f"{path}: not a UTF-8 CSV file with a header ({e})") from None
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}; needs at least {', '.join(REQUIRED_COLUMNS)}")
        yield header
        offset = len(header_line)
        lineno = 1
        for raw in f:
            lineno += 1
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
                body = line[:-1] if line.endswith("\n") else line
                # A line without quotes or carriage returns is its commas' fields: what
                # the csv module returns, without building a reader for each of 250k lines.
                values = body.split(",") if '"' not in body and "\r" not in body else next(csv.reader([line]))
            except (UnicodeDecodeError, csv.Error) as e:
                raise GazetteerError(f"{path}:{lineno}: unreadable row ({e})") from None
            if len(values) != len(header):
                raise GazetteerError(f"{path}:{lineno}: {len(values)} fields, header has {len(header)} (multi-line fields are not supported)")
            yield start, dict(zip(header, values)), lineno


def build_index(paths: list[Path], index_dir: Path, progress=None) -> None:
    """Read the CSVs and write the index files into index_dir (atomically, as a folder)."""
    import marisa_trie

    lat, lon, pop, kind, country, file_no, offset, imp = [], [], [], [], [], [], [], []
    admin1_id: list[int] = []
    admin1_codes: dict[str, int] = {"": 0}
    postings: dict[str, list[tuple[int, int]]] = {}
    ids: dict[str, int] = {}
    superseded: set[int] = set()
    admin1: dict[str, str] = {}
    countries: dict[str, str] = {}
    headers = []
    fuzzy_keys: set[str] = set()
    kind_index = {k: i for i, k in enumerate(KINDS)}
    fold_cache: dict[str, str] = {}
    sources: dict[str, int] = {}

    for fi, path in enumerate(paths):
        rows = _iter_rows(path, fi)
        headers.append(next(rows))
        for start, r, lineno in rows:
            try:
                la, lo = float(r["lat"]), float(r["lon"])
                if not (-90 <= la <= 90 and -180 <= lo <= 180):
                    raise ValueError("coordinates out of range")
                p = int(float(r.get("population") or 0))
            except ValueError as e:
                raise GazetteerError(f"{path}:{lineno}: bad number ({e})") from None
            k = r["kind"] if r["kind"] in kind_index else "other"
            i = len(lat)
            if r["id"] in ids:
                # A user gazetteer may correct an embedded row: the later file wins.
                superseded.add(ids[r["id"]])
            ids[r["id"]] = i
            lat.append(la); lon.append(lo); pop.append(p); kind.append(kind_index[k])
            cc = (r.get("country_code") or "")[:2].upper()
            country.append(cc.encode("ascii", "replace").ljust(2))
            file_no.append(fi); offset.append(start)
            a1 = r.get("admin1") or ""
            a1_id = admin1_codes.get(a1)
            if a1_id is None:
                a1_id = admin1_codes[a1] = len(admin1_codes)
            admin1_id.append(a1_id)
            src = r.get("source") or path.name
            sources[src] = sources.get(src, 0) + 1
            im = importance(k, p)
            imp.append(im)
            if k == "admin1" and r.get("admin1"):
                admin1[r["admin1"]] = r["name"]
            if k == "country" and cc:
                countries[cc] = r["name"]
            seen: dict[str, int] = {}
            for group, m in (((r["name"], r.get("asciiname") or ""), MATCH_NAME),
                             ((r.get("alternatenames") or "").split("|"), MATCH_ALT),
                             ((r.get("demonyms") or "").split("|"), MATCH_DEMONYM)):
                rank = _MATCH_RANK[m]
                for n in group:
                    if not n:
                        continue
                    key = fold_cache.get(n)
                    if key is None:
                        key = fold_cache[n] = fold(n)
                    # A row's own name wins, then its demonym over an alternate that
                    # folds the same ("Israeli" is listed as both; Cyrillic "Герман"
                    # folds to "german"): the word is used as an adjective.
                    if key and (key not in seen or rank < _MATCH_RANK[seen[key]]):
                        seen[key] = m
            fuzzy_ok = im >= _FUZZY_MIN_IMPORTANCE
            for key, m in seen.items():
                pl = postings.get(key)
                if pl is None:
                    postings[key] = [(i, m)]
                else:
                    pl.append((i, m))
                # City alternates carry historical and foreign forms (Aleppo's
                # "Beroea") that sit one typo away from ordinary words; only a city's
                # own name, and the curated names of larger units, are fuzzy targets.
                if (fuzzy_ok and len(key) >= 5
                        and (m == MATCH_NAME or (m == MATCH_ALT and k != "city"))):
                    fuzzy_keys.add(key)
            if progress and i % 20000 == 0:
                progress(i)

    imp_arr = np.asarray(imp, dtype=np.float32)
    if superseded:
        postings = {k: kept for k, pl in postings.items() if (kept := [rm for rm in pl if rm[0] not in superseded])}
    trie = marisa_trie.Trie(postings.keys())
    n_keys = len(trie)
    starts = np.zeros(n_keys + 1, dtype=np.int64)
    ordered: list[list[tuple[int, int]]] = [None] * n_keys  # type: ignore[list-item]
    neg_imp = (-imp_arr).tolist()  # the float32 values as Python floats: no numpy scalar per comparison
    for key, plist in postings.items():
        # Best first: own name before alternate, then by importance.
        if len(plist) > 1:
            plist.sort(key=lambda rm: (rm[1], neg_imp[rm[0]]))
        ordered[trie[key]] = plist
    lengths = np.fromiter((len(p) for p in ordered), dtype=np.int64, count=n_keys)
    starts[1:] = np.cumsum(lengths)
    flat = np.fromiter(itertools.chain.from_iterable(ordered), dtype=[("row", np.int32), ("match", np.int8)],
                       count=int(starts[-1]))
    flat_rows, flat_match = flat["row"].copy(), flat["match"].copy()
    del flat

    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=index_dir.parent, prefix=".build-"))
    try:
        arrays = {
            "lat": np.asarray(lat, dtype=np.float64), "lon": np.asarray(lon, dtype=np.float64),
            "population": np.asarray(pop, dtype=np.int64), "kind": np.asarray(kind, dtype=np.int8),
            "country": np.asarray(country, dtype="S2"), "file": np.asarray(file_no, dtype=np.int16),
            "offset": np.asarray(offset, dtype=np.int64), "importance": imp_arr,
            "post_start": starts, "post_rows": flat_rows, "post_match": flat_match,
            "admin1_id": np.asarray(admin1_id, dtype=np.int32),
        }
        for name, arr in arrays.items():
            np.save(tmp / f"{name}.npy", arr)
        trie.save(str(tmp / "names.marisa"))
        (tmp / "admin1.json").write_text(json.dumps(admin1))
        (tmp / "admin1_codes.json").write_text(json.dumps(list(admin1_codes)))
        (tmp / "countries.json").write_text(json.dumps(countries))
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
        from collections import Counter

        kinds = Counter(KINDS[k] for k in kind)
        meta = {
            "version": INDEX_VERSION, "paths": [str(p) for p in paths], "headers": headers,
            "rows": len(lat), "names": n_keys, "fuzzy_names": len(fuzzy_keys), "kinds": dict(kinds),
            "sources": sources, "files": {f: _file_digest(tmp / f) for f in INDEX_FILES},
        }
        meta["checksum"] = _meta_checksum(meta)
        (tmp / "meta.json").write_text(json.dumps(meta))
        _publish(tmp, index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


ARRAYS = ("lat", "lon", "population", "kind", "country", "file", "offset",
          "post_start", "post_rows", "post_match", "importance", "admin1_id")
# Every file of an index but meta.json, which lists them.
INDEX_FILES = tuple(f"{a}.npy" for a in ARRAYS) + ("names.marisa", "admin1.json", "admin1_codes.json",
                                                   "countries.json", "fuzzy.idx", "fuzzy.txt")


def _crc(data) -> str:
    return f"{zlib.crc32(data):08x}"


def _file_digest(path: Path) -> list:
    """[size, CRC-32] of a file. zlib's CRC runs at GB/s and reads through a
    memory map, so the whole index is checked in a few ms (a hash of samples would
    miss a damaged page in the middle of an array)."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size == 0:
            return [0, _crc(b"")]
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return [size, _crc(m)]


def _meta_checksum(meta: dict) -> str:
    body = {k: v for k, v in meta.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]


def verify_index(index_dir: Path) -> str | None:
    """Why the index in index_dir cannot be used, or None when it is whole.

    Checks that meta.json is this version's and unedited (its own checksum), that
    every file it lists has the recorded size and CRC.

    Reading 25 MB for the CRCs costs a fresh process more than the rest of its
    load, so a file that passed once is remembered in verified.json by size,
    mtime and inode (as the content key remembers the CSVs): any write through the
    file system changes those and brings the full check back. Files younger than
    a few seconds are never remembered, since a write in the same clock tick could
    leave the mtime unchanged.
    """
    import time

    try:
        meta = json.loads((index_dir / "meta.json").read_bytes())
    except OSError as e:
        if not index_dir.exists():  # also when a file stands where its parent folder should
            return "missing"
        return "meta.json is missing" if isinstance(e, FileNotFoundError) else \
            f"meta.json is unreadable ({type(e).__name__})"
    except ValueError as e:
        return f"meta.json is unreadable ({type(e).__name__})"
    if not isinstance(meta, dict) or meta.get("version") != INDEX_VERSION:
        return "meta.json is from another version"
    if meta.get("checksum") != _meta_checksum(meta):
        return "meta.json does not match its checksum"
    files = meta.get("files")
    if not isinstance(files, dict) or set(files) != set(INDEX_FILES):
        return "meta.json lists the wrong files"
    try:
        seen = json.loads((index_dir / VERIFIED).read_bytes())
        seen = seen if isinstance(seen, dict) else {}
    except (OSError, ValueError):
        seen = {}
    remember = {}
    now = time.time()
    for name, want in files.items():
        try:
            st = os.stat(index_dir / name)
            if st.st_size != want[0]:
                return f"{name} has {st.st_size} bytes, not {want[0]}"
            stamp = [st.st_size, st.st_mtime_ns, st.st_ino, want[1]]
            if seen.get(name) == stamp:
                continue
            got = _file_digest(index_dir / name)
        except OSError as e:
            return f"{name} is unreadable ({e.strerror or type(e).__name__})"
        if got != want:
            return f"{name} fails its checksum"
        if now - st.st_mtime > _SETTLED_SECONDS:
            remember[name] = stamp
    if remember:
        try:
            _atomic_write_bytes(index_dir / VERIFIED, json.dumps({**seen, **remember}).encode())
        except OSError:
            pass  # a read-only cache: checked in full each time
    return None


VERIFIED = "verified.json"
_SETTLED_SECONDS = 2.0  # far above any file system clock tick (a few ms)


def _publish(tmp: Path, index_dir: Path) -> None:
    """Rename a finished build into place. Another process may have published the
    same index meanwhile: a whole one is kept (ours is dropped), a damaged one is
    moved aside first. Each step is one rename, so a reader never sees half an index."""
    for _ in range(10):
        try:
            os.rename(tmp, index_dir)
            return
        except OSError as e:
            if e.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
                raise
        if verify_index(index_dir) is None:
            shutil.rmtree(tmp, ignore_errors=True)
            return
        trash = Path(tempfile.mkdtemp(dir=index_dir.parent, prefix=".trash-"))
        try:
            os.rename(index_dir, trash / "old")
        except FileNotFoundError:
            pass  # someone else moved it: try again
        shutil.rmtree(trash, ignore_errors=True)
    raise GazetteerError(f"cannot publish the gazetteer index in {index_dir}: it keeps changing")


def _warn(msg: str) -> None:
    if sys.stderr is not None:
        print(f"geomap: {msg}", file=sys.stderr)


def _bucket_name(first: str, length: int) -> str:
    return f"{ord(first):x}-{length}.txt"


def _stderr_progress(msg: str):
    def report(i: int) -> None:
        print(f"\r{msg} {i:,} rows", end="", file=sys.stderr, flush=True)
    return report


KEEP_INDEXES = 4


def _prune(current: Path) -> None:
    """Drop all but the most recent indexes (each is ~30 MB of cache), and builds
    that a killed process left behind."""
    import time

    def mtime(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:  # another process removed it meanwhile
            return 0.0

    others = sorted((p for p in current.parent.glob("index-*") if p != current), key=mtime, reverse=True)
    for old in others[KEEP_INDEXES - 1:]:
        shutil.rmtree(old, ignore_errors=True)
    for left in (*current.parent.glob(".build-*"), *current.parent.glob(".trash-*")):
        if time.time() - (mtime(left) or time.time()) > 3600:  # surely not a build still running
            shutil.rmtree(left, ignore_errors=True)


def _cache_problem(folder: Path) -> str | None:
    """Why an index cannot be built in folder (it cannot be created or written), or None."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.rmdir(tempfile.mkdtemp(dir=folder, prefix=".probe-"))
    except OSError as e:
        return e.strerror or type(e).__name__
    return None


_TEMP_ROOTS: list[Path] = []


def _temporary_root() -> Path:
    """A folder for this process's index when the cache folder is unusable; removed at exit."""
    if not _TEMP_ROOTS:
        import atexit

        _TEMP_ROOTS.append(Path(tempfile.mkdtemp(prefix="geomap-index-")))
        atexit.register(shutil.rmtree, _TEMP_ROOTS[0], True)
    return _TEMP_ROOTS[0]


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[Path, ...], quiet: bool) -> Gazetteer:
    key = _content_key(list(paths))
    index_dir = cache_dir() / f"index-{key}"
    problem = verify_index(index_dir)
    if problem is None:
        return _open(paths, index_dir)
    if problem != "missing":
        _warn(f"the gazetteer index in {index_dir} is damaged ({problem}); rebuilding it")
    unusable = _cache_problem(index_dir.parent)
    if unusable:
        try:
            index_dir = _temporary_root() / index_dir.name
        except OSError as e:
            raise GazetteerError(f"no folder to build the gazetteer index in: {index_dir.parent} "
                                 f"({unusable}) nor a temporary one ({e.strerror})") from None
        _warn(f"cache folder {cache_dir()} is unusable ({unusable}); building the gazetteer index "
              f"in {index_dir.parent} for this run (set GEOMAP_CACHE_DIR to keep it)")
    if verify_index(index_dir) is not None:  # a temporary one may be there already
        tty = sys.stderr is not None and sys.stderr.isatty()
        quiet = quiet or bool(unusable)  # the warning above already says it is building
        if not quiet and not tty:  # a log gets one line, not a carriage-return counter
            print("geomap: building the gazetteer index (once, about 8 s)…", file=sys.stderr)
        progress = _stderr_progress("geomap: building the gazetteer index (once)…") if not quiet and tty else None
        build_index(list(paths), index_dir, progress)
        if not quiet and tty:
            print("\rgeomap: gazetteer index built.".ljust(60), file=sys.stderr)
        problem = verify_index(index_dir)
        if problem is not None:
            raise GazetteerError(f"the gazetteer index just built in {index_dir} is damaged ({problem})")
    if not unusable:
        _prune(index_dir)
    return _open(paths, index_dir)


def _open(paths: tuple[Path, ...], index_dir: Path) -> Gazetteer:
    try:
        return Gazetteer(list(paths), index_dir)
    except (OSError, ValueError) as e:
        raise GazetteerError(f"gazetteer index in {index_dir} is unreadable ({e}); delete it to rebuild") from None


def load(extra: list[str | Path] | tuple = (), *, quiet: bool = False) -> Gazetteer:
    """The embedded gazetteer plus any user gazetteers of the same schema."""
    paths = default_paths()
    for p in extra:
        p = Path(p).expanduser()
        if not p.is_file():
            raise GazetteerError(f"gazetteer file not found: {p}")
        paths.append(p.resolve())
    return _load_cached(tuple(paths), quiet)
