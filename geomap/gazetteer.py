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
         "gulf", "strait", "canal", "cape", "crossing", "camp", "base", "port", "airport",
         "station")
# Features a route passes or ends at, which lie at one point like a town does.
POINT_FEATURES = frozenset({"canal", "cape", "crossing", "camp", "base", "port", "airport", "station"})
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
        m = self._files.get(fi)
        if m is None:
            # A memory map: a row is a slice, with no file position shared between threads.
            with open(self.paths[fi], "rb") as f:
                m = self._files[fi] = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        start = int(self.offset[i])
        end = m.find(b"\n", start)
        line = m[start:end + 1 if end >= 0 else len(m)].decode("utf-8")
        body = line[:-1] if line.endswith("\n") else line
        # As the index build reads it: a line without quotes or carriage returns is its commas' fields.
        values = body.split(",") if '"' not in body and "\r" not in body else next(csv.reader([line]))
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
        return self.admin1_code_of(int(self._admin1_id[i]))

    @property
    def admin1_id(self) -> np.ndarray:
        """Each row's admin1 code as a number (admin1_code_of gives its text), so that
        many rows' codes are compared or looked up at once."""
        return self._admin1_id

    def admin1_code_of(self, admin1_id: int) -> str:
        if self._admin1_codes is None:
            self._admin1_codes = json.loads((self.index_dir / "admin1_codes.json").read_text())
        return self._admin1_codes[admin1_id]

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
            "crossing": 4.6, "camp": 4.6, "base": 4.6, "port": 4.6, "airport": 4.6,
            "station": 4.6}.get(kind)
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


_BYTES_SPACE = " \t\n\r\x0b\x0c"  # what bytes.strip() strips: a blank line is skipped


def _read_table(path: Path) -> tuple[list[str], list[list[str]], np.ndarray, list[int]]:
    """A CSV file's header, its records (lists of fields), each record's byte offset
    and line number, read in whole-file passes. Anything unusual (a bad byte, a
    quoted line the csv module rejects, a wrong field count) is handed to
    _iter_rows, which reads row by row and raises the error with its line number."""
    data = path.read_bytes()
    nl = data.find(b"\n")
    head_len = nl + 1 if nl >= 0 else len(data)
    starts = np.flatnonzero(np.frombuffer(data, np.uint8, offset=head_len) == 10) + (head_len + 1)
    starts = np.concatenate(([head_len], starts))
    try:
        header = next(csv.reader([data[:head_len].decode("utf-8-sig")]))
        # Line by line: the whole text as one str would take four bytes a character
        # (it holds Chinese names), each line takes what its own characters need.
        lines = [line.decode("utf-8") for line in data[head_len:].split(b"\n")]
    except (StopIteration, UnicodeDecodeError, csv.Error):
        _raise_row_error(path)
        raise  # _raise_row_error found nothing: not expected, but never pass bad data on
    del data
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}; needs at least {', '.join(REQUIRED_COLUMNS)}")
    keep = [i for i, line in enumerate(lines) if line.strip(_BYTES_SPACE)]
    last = len(lines) - 1
    try:
        # A line without quotes or carriage returns is its commas' fields, as in _iter_rows.
        rows = [lines[i].split(",") if '"' not in lines[i] and "\r" not in lines[i]
                else next(csv.reader([lines[i] + ("\n" if i < last else "")])) for i in keep]
    except csv.Error:
        _raise_row_error(path)
        raise
    width = len(header)
    if any(len(r) != width for r in rows):
        _raise_row_error(path)
        raise GazetteerError(f"{path}: a row's fields do not match the header")  # not reached
    return header, rows, starts[keep], [i + 2 for i in keep]


def _raise_row_error(path: Path) -> None:
    """Read path row by row to raise its first error as _iter_rows words it."""
    for _ in _iter_rows(path, 0):
        pass


def _numbers_error(path: Path, linenos: list[int], lat: list[str], lon: list[str], pop: list[str]) -> GazetteerError:
    """The first row whose numbers do not read, worded as the row-by-row reader did."""
    for lineno, la, lo, p in zip(linenos, lat, lon, pop):
        try:
            la, lo = float(la), float(lo)
            if not (-90 <= la <= 90 and -180 <= lo <= 180):
                raise ValueError("coordinates out of range")
            int(float(p or 0))
        except ValueError as e:
            return GazetteerError(f"{path}:{lineno}: bad number ({e})")
    return GazetteerError(f"{path}: bad number")


_NON_ALNUM_LINE = re.compile(r"(?:[^\w\n]|_)+")


def fold_many(names: list[str]) -> list[str]:
    """fold() of each name, in a few passes over all of them joined by newlines
    (which no name holds) rather than a dozen Python steps per name. Every step of
    fold() works character by character, so joining changes nothing: NFC does not
    compose across a newline, and the transliteration leaves no Greek capital
    sigma, the one letter whose lower case depends on its neighbours. ASCII names
    (half of them) take a byte-table pass instead of the Unicode regexes."""
    if not names:
        return []
    is_ascii = list(map(str.isascii, names))
    ascii_out = iter(_fold_joined([n for n, a in zip(names, is_ascii) if a], True))
    other_out = iter(_fold_joined([n for n, a in zip(names, is_ascii) if not a], False))
    return [next(ascii_out) if a else next(other_out) for a in is_ascii]


# ASCII folding as one bytes.translate: letters and digits to lower case, a newline
# kept (it separates the names), everything else a space; the apostrophes are deleted.
_ASCII_TABLE = bytes(c if chr(c).isalnum() and c < 128 or c == 10 else 32 for c in range(256)).lower()
_SPACES = re.compile(rb"  +")
_SPACES_STR = re.compile("  +")
_FOLD_TABLE: dict[int, str] = {}  # each character's fold, as characters come (str.translate's table)
_FOLD_SEEN: set[str] = set()


def _fold_joined(names: list[str], ascii_only: bool) -> list[str]:
    if not names:
        return []
    joined = "\n".join(names)
    if joined.count("\n") != len(names) - 1:  # a name with a newline in it
        return [fold(n) for n in names]
    if ascii_only:
        b = _SPACES.sub(b" ", joined.encode("ascii").translate(_ASCII_TABLE, b"'`"))
        s = b.decode("ascii")
    else:
        # Few names are not in NFC already (131 of 500k here): only those are normalised.
        joined = "\n".join(n if unicodedata.is_normalized("NFC", n) else unicodedata.normalize("NFC", n)
                            for n in names)
        # Every step after NFC maps one character to a string, whatever its neighbours
        # (runs of separators aside, which the last pass squeezes): one table does them all.
        table = _FOLD_TABLE
        for c in set(joined).difference(_FOLD_SEEN):
            table[ord(c)] = _NON_ALNUM_LINE.sub(" ", _APOSTROPHES.sub("", _transliterate(c).lower()))
            _FOLD_SEEN.add(c)
        s = _SPACES_STR.sub(" ", joined.translate(table))
    out = s.replace(" \n", "\n").replace("\n ", "\n").strip(" ").split("\n")
    if len(out) != len(names):  # a transliteration made a newline: fold one by one
        return [fold(n) for n in names]
    return out


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
    import marisa_trie

    headers, cols, offsets, file_no, lat, lon, pop = [], {c: [] for c in COLUMNS}, [], [], [], [], []
    for fi, path in enumerate(paths):
        header, rows, starts, linenos = _read_table(path)
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
    del columns
    n_rows = len(cols["id"])
    lat, lon = np.concatenate(lat), np.concatenate(lon)
    kind_index = {k: i for i, k in enumerate(KINDS)}
    other = kind_index["other"]
    kind = np.array([kind_index.get(k, other) for k in cols["kind"]], dtype=np.int8)
    kind_names = [KINDS[k] for k in kind.tolist()]
    imp64 = np.array(list(map(importance, kind_names, pop)), dtype=np.float64)
    imp_arr = imp64.astype(np.float32)
    cc_of = {c: c[:2].upper() for c in set(cols["country_code"])}
    ccs = [cc_of[c] for c in cols["country_code"]]
    country = np.array([c.encode("ascii", "replace").ljust(2) for c in ccs], dtype="S2")
    admin1_codes: dict[str, int] = {"": 0}
    admin1_id = [admin1_codes.setdefault(a, len(admin1_codes)) for a in cols["admin1"]]
    from collections import Counter

    sources = dict(Counter(cols["source"]))
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
    del last_of

    # Every name of every row, with the row and how it names it; the strings are
    # split, numbered and looked up in pyarrow's C++ hash tables, since Python dicts
    # over 1.7M names cost more than the rest of the build.
    import pyarrow as pa
    import pyarrow.compute as pc

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
    del cols  # every column is read by now: its 3 million strings need not wait for the rest
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
    row_of, key_of, match_of = row_of[first], key_of[first], match_of[first]

    # City alternates carry historical and foreign forms (Aleppo's "Beroea") that sit
    # one typo away from ordinary words; only a city's own name, and the curated
    # names of larger units, are fuzzy targets (of places important enough to be
    # misspelled in the news).
    key_len = pc.utf8_length(key_arr).to_numpy()
    fuzzy = ((imp64[row_of] >= _FUZZY_MIN_IMPORTANCE) & (key_len[key_of] >= 5)
             & ((match_of == MATCH_NAME) | ((match_of == MATCH_ALT) & (kind[row_of] != _CITY))))
    fuzzy_keys = sorted(keys[k] for k in np.flatnonzero(np.bincount(key_of[fuzzy], minlength=len(keys))).tolist())

    keep = live[row_of]
    row_of, key_of, match_of = row_of[keep], key_of[keep], match_of[keep]
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
    flat_rows = row_of[order].astype(np.int32)
    flat_match = match_of[order].astype(np.int8)
    starts = np.zeros(n_keys + 1, dtype=np.int64)
    starts[1:] = np.cumsum(np.bincount(post, minlength=n_keys))

    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=index_dir.parent, prefix=".build-"))
    try:
        arrays = {
            "lat": lat, "lon": lon,
            "population": np.asarray(pop, dtype=np.int64), "kind": kind,
            "country": country, "file": np.concatenate(file_no),
            "offset": np.concatenate(offsets).astype(np.int64), "importance": imp_arr,
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
        kinds = Counter(kind_names)
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
            print("geomap: building the gazetteer index (once, about 4 s)…", file=sys.stderr)
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
