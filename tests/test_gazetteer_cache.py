"""The gazetteer index cache: concurrent first runs, damaged files, no usable cache folder.

These tests swap the embedded gazetteer for a small one written here, so that each
rebuild takes milliseconds; the code paths are the ones the real index takes.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap import gazetteer as gz
from geomap.geocode import GazetteerGeocoder

from conftest import ROOT

HEADER = ",".join(gz.COLUMNS)
ROWS = [
    "gn:2017370,Russia,Russia,Russian Federation|Rusia|Россия,country,RU,,60.0,100.0,144000000,2017370,Russian,test",
    "gn:2017623,Primorsky Krai,Primorsky Krai,Primorye|Primorskiy Kray,admin1,RU,RU.59,45.0,134.0,1900000,2017623,,test",
    "gn:2022888,Khabarovsk Krai,Khabarovsk Krai,Khabarovskiy Kray,admin1,RU,RU.27,54.0,135.0,1300000,2022888,,test",
    "gn:2013348,Vladivostok,Vladivostok,Wladiwostok|Владивосток,city,RU,RU.59,43.10562,131.87353,587022,2013348,,test",
    "gn:2014006,Ussuriysk,Ussuriysk,Ussuriisk|Ussurijsk|Уссурийск,city,RU,RU.59,43.80467,131.95734,157068,2014006,,test",
    "gn:2022890,Khabarovsk,Khabarovsk,Chabarowsk|Хабаровск,city,RU,RU.27,48.48271,135.08379,579000,2022890,,test",
    "gn:2026609,Blagoveshchensk,Blagoveshchensk,Blagoveščensk|Благовещенск,city,RU,RU.05,50.27961,127.5405,221296,2026609,,test",
    "gn:2017999,Nakhodka,Nakhodka,Находка,city,RU,RU.59,42.8138,132.8735,159551,2017999,,test",
]


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    """A small embedded gazetteer and an empty cache folder; returns the CSV path."""
    csv_path = tmp_path / "tiny.csv"
    csv_path.write_text(HEADER + "\n" + "\n".join(ROWS) + "\n", encoding="utf-8")
    gz.words._common_table()  # the word table (not under test here) is copied, not rebuilt per process
    cache = tmp_path / "cache"
    cache.mkdir()
    for f in gz.cache_dir().glob("common-words-*"):
        shutil.copy(f, cache / f.name)
    monkeypatch.setattr(gz.cache, "default_paths", lambda: [csv_path])
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(cache))
    gz._load_cached.cache_clear()
    yield csv_path
    gz._load_cached.cache_clear()


def fresh_load():
    gz._load_cached.cache_clear()
    return gz.load(quiet=True)


def assert_answers_right(g):
    geo = GazetteerGeocoder(g)
    u = geo.geocode("Usurisk")  # fuzzy: needs the fuzzy buckets
    assert u is not None and u.raw["name"] == "Ussuriysk"
    assert u.address == "Ussuriysk, Primorsky Krai, Russia"  # admin1.json and countries.json
    assert (round(u.latitude, 4), round(u.longitude, 4)) == (43.8047, 131.9573)
    v = geo.geocode("Владивосток")  # the trie and postings
    assert v.raw["id"] == "gn:2013348" and (round(v.latitude, 4), round(v.longitude, 4)) == (43.1056, 131.8735)
    assert geo.geocode("Khabarovsk", kinds=["city"]).raw["population"] == "579000"  # row offsets
    assert geo.geocode("Khabarovsk Krai").raw["kind"] == "admin1"  # kinds
    assert geo.geocode("Nakhodka").raw["country_code"] == "RU"  # countries
    assert geo.geocode("Russian").raw["match"] == "demonym"  # post_match
    assert len(g) == len(ROWS)


def test_a_fresh_index_verifies(tiny):
    g = fresh_load()
    assert gz.verify_index(g.index_dir) is None
    assert_answers_right(g)
    meta = json.loads((g.index_dir / "meta.json").read_text())
    assert set(meta["files"]) == set(gz.INDEX_FILES)


# -- damaged files ------------------------------------------------------------------

def _missing(p: Path):
    p.unlink()


def _empty(p: Path):
    p.write_bytes(b"")


def _truncated(p: Path):
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def _garbled(p: Path):
    """Bytes changed in the middle, size kept: only a checksum sees it."""
    data = bytearray(p.read_bytes())
    mid = len(data) // 2
    for i in range(mid, min(len(data), mid + 16)):
        data[i] ^= 0x5A
    p.write_bytes(bytes(data))


def _last_byte(p: Path):
    data = bytearray(p.read_bytes())
    data[-1] ^= 0x01
    p.write_bytes(bytes(data))


def _appended(p: Path):
    with open(p, "ab") as f:
        f.write(b"\x00junk")


def _swapped(p: Path):
    """Another index file of the very same size put in its place."""
    for other in sorted(p.parent.iterdir()):
        if other != p and other.is_file() and other.stat().st_size == p.stat().st_size:
            p.write_bytes(other.read_bytes())
            return
    _garbled(p)


DAMAGE = [_missing, _empty, _truncated, _garbled, _last_byte, _appended, _swapped]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("name", ["meta.json", *gz.INDEX_FILES])
def test_each_damaged_file_is_noticed_and_answers_stay_right(tiny, capsys, name, damage):
    g = fresh_load()
    index = g.index_dir
    pristine = (index / name).read_bytes()
    del g
    damage(index / name)
    capsys.readouterr()
    g = fresh_load()
    assert_answers_right(g)
    assert g.index_dir == index
    assert (index / name).read_bytes() == pristine, "the damaged file was rebuilt"
    assert gz.verify_index(index) is None
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "damaged" in err[0], err


def _meta_edit(field, value):
    def edit(index: Path):
        meta = json.loads((index / "meta.json").read_text())
        if value is None:
            meta.pop(field, None)
        else:
            meta[field] = value
        (index / "meta.json").write_text(json.dumps(meta))
    edit.__name__ = f"meta_{field}_{'removed' if value is None else 'edited'}"
    return edit


def _index_folder_emptied(index: Path):
    shutil.rmtree(index)
    index.mkdir()


def _index_folder_is_a_file(index: Path):
    shutil.rmtree(index)
    index.write_text("not a folder")


def _meta_not_json_object(index: Path):
    (index / "meta.json").write_text("[1, 2, 3]")


def _stray_files(index: Path):
    (index / "fuzzy").mkdir()  # the folder of buckets an older index had
    (index / "fuzzy" / gz.store._bucket_name("z", 40)).write_text("zzzzzzzz")
    (index / "extra.npy").write_bytes(b"junk")


WHOLE = [
    _meta_edit("rows", 3), _meta_edit("headers", [["id", "name"]]), _meta_edit("version", 8),
    _meta_edit("checksum", None), _meta_edit("files", None), _meta_edit("files", {"lat.npy": [1, "0"]}),
    _meta_not_json_object, _index_folder_emptied,
    _index_folder_is_a_file,
]


@pytest.mark.parametrize("damage", WHOLE, ids=lambda f: f.__name__.strip("_"))
def test_damaged_index_folder_or_metadata_is_rebuilt(tiny, capsys, damage):
    index = fresh_load().index_dir
    damage(index)
    capsys.readouterr()
    g = fresh_load()
    assert_answers_right(g)
    assert gz.verify_index(index) is None
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "damaged" in err[0] and "rebuilding" in err[0], err
    assert not list(index.parent.glob(".trash-*")) and not list(index.parent.glob(".build-*"))


def test_stray_files_are_harmless(tiny, capsys):
    index = fresh_load().index_dir
    _stray_files(index)
    g = fresh_load()
    assert_answers_right(g)
    assert g._fuzzy_bucket("z", 40) == [], "only buckets in the manifest are read"
    assert capsys.readouterr().err == ""


def test_garbled_stamps_only_cost_a_hash(tiny):
    index = fresh_load().index_dir
    (index.parent / "stamps.json").write_text("{not json")
    g = fresh_load()
    assert g.index_dir == index
    assert_answers_right(g)


def test_garbled_common_words_table_is_rebuilt(tmp_path, monkeypatch):
    gz.words._common_table()
    for f in gz.cache_dir().glob("common-words-*"):  # a whole table to start from: one rebuild, not two
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path))
    gz.words._common_table.cache_clear()
    gz.is_common_word.cache_clear()
    try:
        assert gz.is_common_word("because")
        [table] = tmp_path.glob("common-words-*.marisa")
        pristine = table.read_bytes()
        _garbled(table)
        gz.words._common_table.cache_clear()
        gz.is_common_word.cache_clear()
        assert gz.is_common_word("because") and not gz.is_common_word("Ussuriysk")
        assert table.read_bytes() == pristine
    finally:
        gz.words._common_table.cache_clear()
        gz.is_common_word.cache_clear()


# -- publishing ----------------------------------------------------------------------

def test_publish_keeps_a_concurrent_winner(tiny, tmp_path):
    index = fresh_load().index_dir
    before = {p.name: p.stat().st_ino for p in index.iterdir()}
    gz.build_index([tiny], index)  # a second build finds the target taken
    assert {p.name: p.stat().st_ino for p in index.iterdir()} == before, "the winner is kept as it is"
    assert not list(index.parent.glob(".build-*")), "the loser's build is removed"


RACER = r"""
import json, os, sys, time
from pathlib import Path
from geomap import gazetteer as gz
from geomap.geocode import GazetteerGeocoder

tiny, sync, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
gz.cache.default_paths = lambda: [tiny]
publish = gz.build._publish

def together(tmp, index_dir):
    # Every process reaches its rename at the same moment: all but one find the target taken.
    (sync / str(os.getpid())).touch()
    end = time.time() + 60
    while len(list(sync.iterdir())) < n and time.time() < end:
        time.sleep(0.005)
    publish(tmp, index_dir)

if n:
    gz.build._publish = together
loc = GazetteerGeocoder().geocode("Usurisk")
print(json.dumps({"name": loc.raw["name"], "address": loc.address}))
"""


@pytest.mark.parametrize("barrier", [True, False], ids=["renames-at-once", "free-start"])
def test_four_processes_on_an_empty_cache(tiny, tmp_path, barrier):
    sync = tmp_path / "sync"
    sync.mkdir()
    env = dict(os.environ, GEOMAP_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(tiny), str(sync), str(4 if barrier else 0)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert json.loads(out) == {"name": "Ussuriysk", "address": "Ussuriysk, Primorsky Krai, Russia"}
        assert "Traceback" not in err
    if barrier:
        assert len(list(sync.iterdir())) == 4, "all four built, so three publishes met a winner"
    cache = tmp_path / "cache"
    indexes = list(cache.glob("index-*"))
    assert len(indexes) == 1 and gz.verify_index(indexes[0]) is None
    assert not list(cache.glob(".build-*")) and not list(cache.glob(".trash-*"))


# -- no usable cache folder ------------------------------------------------------------

def _under_a_file(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    return blocker / "cache"


def test_no_usable_cache_folder_builds_in_a_temporary_one(tiny, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(_under_a_file(tmp_path)))
    g = fresh_load()
    assert_answers_right(g)
    assert not str(g.index_dir).startswith(str(tmp_path)), "built elsewhere"
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is unusable" in err[0] and "for this run" in err[0], err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_cache_folder(tiny, tmp_path, monkeypatch, capsys):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(ro))
    try:
        assert_answers_right(fresh_load())
    finally:
        ro.chmod(0o700)
    assert "is unusable" in capsys.readouterr().err


def test_read_only_cache_with_a_whole_index_is_used(tiny, tmp_path, monkeypatch, capsys):
    """A read-only cache that already holds the index needs no writing at all."""
    g = fresh_load()
    index = g.index_dir
    monkeypatch.setattr(gz.cache, "_cache_problem", lambda folder: "Read-only file system")
    assert fresh_load().index_dir == index
    assert capsys.readouterr().err == ""


def test_cli_with_an_unusable_cache_folder_says_so_once(tiny, tmp_path, monkeypatch):
    from geomap.cli import cli

    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(_under_a_file(tmp_path)))
    r = CliRunner().invoke(cli, ["geocode", "Usurisk", "Vladivostok"])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Usurisk -> Ussuriysk, Primorsky Krai, Russia")
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("geomap: cache folder") and "unusable" in err[0], err


def test_builds_left_by_a_killed_process_are_pruned_later(tmp_path):
    import time

    current = tmp_path / "index-current"
    current.mkdir()
    stale, running = tmp_path / ".build-stale", tmp_path / ".build-running"
    stale.mkdir()
    running.mkdir()
    os.utime(stale, (time.time() - 7200,) * 2)
    gz.cache._prune(current)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build-running", "index-current"]


def _age(index: Path, seconds: float):
    import time

    for p in index.rglob("*"):
        if p.is_file():
            os.utime(p, (time.time() - seconds,) * 2)


@pytest.mark.parametrize("damage", [_garbled, _swapped, _last_byte], ids=lambda f: f.__name__.strip("_"))
def test_a_file_checked_before_is_checked_again_once_written(tiny, capsys, damage):
    """A settled index is remembered as verified (no CRC on warm loads), until a file is written."""
    index = fresh_load().index_dir
    _age(index, 3600)
    assert gz.verify_index(index) is None
    seen = json.loads((index / gz.VERIFIED).read_text())
    assert set(seen) == set(gz.INDEX_FILES), "every settled file is remembered"
    pristine = (index / "post_rows.npy").read_bytes()
    damage(index / "post_rows.npy")
    capsys.readouterr()
    g = fresh_load()
    assert_answers_right(g)
    assert (index / "post_rows.npy").read_bytes() == pristine
    assert "post_rows.npy fails its checksum" in capsys.readouterr().err


def test_a_young_index_is_not_remembered(tiny):
    index = fresh_load().index_dir
    assert gz.verify_index(index) is None
    assert not (index / gz.VERIFIED).exists(), "files written seconds ago may share a clock tick with a change"


def test_a_garbled_verified_list_only_costs_a_full_check(tiny, capsys):
    index = fresh_load().index_dir
    _age(index, 3600)
    (index / gz.VERIFIED).write_text("{garbage")
    assert_answers_right(fresh_load())
    assert json.loads((index / gz.VERIFIED).read_text()).keys() == set(gz.INDEX_FILES)
    assert capsys.readouterr().err == ""
