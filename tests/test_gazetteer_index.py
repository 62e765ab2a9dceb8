"""The column-by-column index build gives what a plain row-by-row reading of the
CSV says it should: the same keys, the same postings in the same order, the same
errors with the same line numbers."""
import csv

import numpy as np
import pytest

from geomap import gazetteer as gz
from geomap.errors import GazetteerError

from conftest import ROOT

RANK = {gz.MATCH_NAME: 0, gz.MATCH_DEMONYM: 1, gz.MATCH_ALT: 2}


def test_bulk_folding_equals_fold_on_every_gazetteer_name():
    _, rows, _, _ = gz.read_table(ROOT / "gazetteer.csv")
    names = set()
    for r in rows:
        names.update((r[1], r[2]))
        names.update(r[3].split("|"))
        names.update(r[11].split("|"))
    names = sorted(names)
    assert len(names) > 900_000
    assert gz.fold_many(names) == [gz.fold(n) for n in names]


@pytest.mark.parametrize("names", [
    ["Σοφία", "ΟΔΥΣΣΕΥΣ", "Ὀδυσσεύς"],  # Greek capital sigma, final or not
    ["", " ", "  -- ", "_a_", "a__b", "a'-b", "a -'- b", "it`s", "O’Brien", "Sa\u0301o Paulo"],
    ["İstanbul", "ǅemal", "ﬁnal", "Straße", "北京", "القاهرة", "Київ", "x\ty", "\x0b\x0cz"],
    ["a", "b\nc", "d"],  # a name holding a newline: folded one by one
])
def test_bulk_folding_equals_fold_on_awkward_names(names):
    assert gz.fold_many(names) == [gz.fold(n) for n in names]
    assert gz.fold_many(names[::-1]) == [gz.fold(n) for n in names[::-1]]


def _reference(paths):
    """Postings per key as the index promises them, read row by row with the csv module."""
    rows = []
    for fi, path in enumerate(paths):
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows += [(fi, r) for r in csv.DictReader(f) if any((v or "").strip() for v in r.values())]
    last = {r["id"]: i for i, (_, r) in enumerate(rows)}
    postings = {}
    for i, (_, r) in enumerate(rows):
        if last[r["id"]] != i:
            continue  # a later file's row with the same id replaces it
        kind = r["kind"] if r["kind"] in gz.KINDS else "other"
        imp = gz.importance(kind, int(float(r.get("population") or 0)))
        best = {}
        for m, group in ((gz.MATCH_NAME, [r["name"], r.get("asciiname") or ""]),
                         (gz.MATCH_ALT, (r.get("alternatenames") or "").split("|")),
                         (gz.MATCH_DEMONYM, (r.get("demonyms") or "").split("|"))):
            for n in group:
                k = gz.fold(n)
                if k and (k not in best or RANK[m] < RANK[best[k]]):
                    best[k] = m
        for k, m in best.items():
            postings.setdefault(k, []).append((m, -float(np.float32(imp)), i))
    return {k: [(i, m) for m, _, i in sorted(v)] for k, v in postings.items()}, len(rows)


def test_index_postings_equal_a_row_by_row_reading(tmp_path):
    main = tmp_path / "main.csv"
    main.write_text(
        "\ufeffid,name,asciiname,alternatenames,kind,country_code,admin1,lat,lon,population,geonameid,demonyms,source\n"
        "a1,Springfield,Springfield,Springfeld|Спрингфилд,city,US,US.IL,39.8,-89.6,116000,1,,x\n"
        "a2,Springfield,Springfield,,city,US,US.MA,42.1,-72.6,155000,2,,x\n"
        "\n"
        "a3,\"Georgia, the country\",Georgia,Sakartvelo|Georgian,country,GE,,42.0,43.5,3700000,3,Georgian|Georgians,y\n"
        "a4,Georgia,Georgia,GA,admin1,US,US.GA,32.7,-83.4,10000000,4,Georgian,\n"
        "   \n"
        "a5,Øresund,Oresund,Öresund|The Sound,strait,,,55.9,12.7,,5,,\n"
        "a6,Nowhere,,,weird-kind,zz,,0,0,0,6,,\n",
        encoding="utf-8")
    user = tmp_path / "user.csv"
    user.write_text("id,name,kind,country_code,lat,lon\na2,Springfield,city,US,40.0,-70.0\n"
                    "u1,Sound,sea,,1,1\n", encoding="utf-8")
    index = tmp_path / "index"
    gz.build_index([main, user], index)
    g = gz.Gazetteer([main, user], index)
    want, n_rows = _reference([main, user])
    assert len(g) == n_rows == 8
    assert set(g.trie.keys()) == set(want)
    for key, postings in want.items():
        assert [(c.row, c.match) for c in g.lookup(key)] == postings, key
    # Rows read back from their byte offsets, across a BOM, a blank line and quotes.
    assert g.row(2)["name"] == "Georgia, the country" and g.row(4)["alternatenames"] == "Öresund|The Sound"
    assert g.row(6)["id"] == "a2" and (float(g.lat[6]), float(g.lon[6])) == (40.0, -70.0)
    assert g.kind_name(5) == "other" and g.country_code(5) == "ZZ" and g.country_code(4) == ""
    assert g.admin1_code(1) == "US.MA" and g.admin1_name("US", "US.GA") == "Georgia"
    assert g.country_name("GE") == "Georgia, the country"
    assert g.stats()["sources"] == {"x": 2, "y": 1, "main.csv": 3, "user.csv": 2}


@pytest.mark.parametrize("body,where,what", [
    ("x1,A,city,US,91,0\n", ":2:", "coordinates out of range"),
    ("x1,A,city,US,1,0\nx2,B,city,US,north,0\n", ":3:", "could not convert"),
    ("x1,A,city,US,1,0\n\nx2,B,city,US\n", ":4:", "4 fields, header has 6"),
    ("x1,A,city,US,1,0,extra\n", ":2:", "7 fields"),
])
def test_bad_rows_are_reported_with_their_line(tmp_path, body, where, what):
    p = tmp_path / "bad.csv"
    p.write_text("id,name,kind,country_code,lat,lon\n" + body, encoding="utf-8")
    with pytest.raises(GazetteerError) as e:
        gz.build_index([p], tmp_path / "index")
    assert f"{p}{where}" in str(e.value) and what in str(e.value)
    assert not (tmp_path / "index").exists()


def test_a_bad_byte_is_reported_with_its_line(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_bytes(b"id,name,kind,country_code,lat,lon\nx1,A,city,US,1,0\nx2,B\xff,city,US,1,0\n")
    with pytest.raises(GazetteerError, match=r"bad\.csv:3: unreadable row"):
        gz.build_index([p], tmp_path / "index")


def test_crlf_lines_and_a_last_line_without_newline(tmp_path):
    p = tmp_path / "crlf.csv"
    p.write_bytes(b"id,name,alternatenames,kind,country_code,lat,lon\r\n"
                  b"c1,Lyon,Lugdunum,city,FR,45.75,4.85\r\n"
                  b"c2,\"Saint-\xc3\x89tienne\",,city,FR,45.43,4.39")
    gz.build_index([p], tmp_path / "index")
    g = gz.Gazetteer([p], tmp_path / "index")
    assert [(c.row, c.match) for c in g.lookup("Lugdunum")] == [(0, gz.MATCH_ALT)]
    assert g.row(0)["lon"] == "4.85" and g.row(1)["name"] == "Saint-Étienne"
    assert [c.row for c in g.lookup("saint etienne")] == [1]
