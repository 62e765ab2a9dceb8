"""An opened index: exact and fuzzy look-ups of folded names, and rows read back from their
CSV by byte offset."""
from __future__ import annotations

import csv
import json
import mmap
import weakref
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..models import Place
from .names import fold
from .schema import _CITY, _FUZZY_MIN_IMPORTANCE, KINDS, MATCH_ALT, MATCH_NAME
from .store import _bucket_name


_MEMO_LIMIT = 200_000  # entries per memo; cleared past that so a long session stays bounded


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
