"""Hostile or faulty inputs and outputs (issue 15): where outputs may go, what they may
replace, what may hang a run, and how each failure is reported.

Everything runs on loopback servers and temporary folders.
"""
from __future__ import annotations

import base64
import hashlib
import http.server
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.errors import OutputError
from geomap.ingest import SkippedInput, load_documents
from geomap.output import check_target, guard_inputs, resolve_output_path, safe_name

ROOT = Path(__file__).resolve().parent.parent
STORY = "Troops were flown from Minsk to Kaliningrad on Monday, officials said.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def temp_leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if ".tmp-" in p.name]


def one_line(stderr: str) -> str:
    lines = [l for l in stderr.splitlines() if l.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("geomap: ") and "Traceback" not in stderr
    return lines[0]


# ------------------------------------------------------------------ loopback server

TRICKLE_SECONDS = 8.0


class Handler(http.server.BaseHTTPRequestHandler):
    redirect_to = ""

    def _text(self, body: bytes, length: int | None = None, ctype: str = "text/plain; charset=utf-8"):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's naming)
        path = self.path
        if path == "/redirect":
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.end_headers()
        elif path == "/short":  # promises 1,000 bytes, sends 24, closes
            self._text(b"Kapal tiba di Natuna ya.", length=1000)
        elif path == "/trickle":  # a byte at a time, for longer than any timeout
            self._text(b"", length=1000)
            self._drip(b"Natuna " * 200)
        elif path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            self._drip(b"X-Slow: " + b"a" * 400 + b"\r\n")
        elif path == "/no-length":  # close-delimited, over the cap
            self._text(b"Kendari " * 500)
        elif path.startswith("/page-"):
            self._text(STORY.encode(), length=len(STORY.encode()))
        else:  # any other path is a story: the attack is in the path
            self._text(STORY.encode(), length=len(STORY.encode()))

    def _drip(self, data: bytes):
        end = time.monotonic() + TRICKLE_SECONDS
        for i in range(len(data)):
            if time.monotonic() > end:
                break
            try:
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
            except OSError:
                break
            time.sleep(0.05)

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


@pytest.fixture
def server():
    httpd = _Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# ------------------------------------------------------------------ 1. output names


@pytest.mark.parametrize("raw, expected", [
    ("../../x", "x"),
    ("/tmp/abs.x", "tmp-abs.x"),
    ("javascript:alert(1)", "alert(1)"),
    ("..", "map"),
    (".hidden", "hidden"),
    ("", "map"),
    ("a\x00b\nc\x7fd", "a-b-c-d"),
    ("C:\\Windows\\evil", "Windows-evil"),
    ("lone\ud800surrogate", "lone-surrogate"),
    ("Korea Utara–Rusia", "Korea Utara–Rusia"),
])
def test_safe_name(raw, expected):
    assert safe_name(raw) == expected


def test_safe_name_is_bounded_and_stays_in_its_folder(tmp_path):
    name = safe_name("é" * 300)
    assert len(name.encode()) <= 120 and name == "é" * 60
    for raw in ("../../etc/passwd", "/abs/path", "..\\..\\x", "a/../../b", "%2e%2e"):
        assert Path(resolve_output_path(None, raw, ".html")).parent == Path("output")
        assert Path(resolve_output_path(f"{tmp_path}/", raw, ".html")).parent == tmp_path


def test_url_path_cannot_choose_where_the_map_goes(server, tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    r = invoke("map", f"{server}/..%2F..%2Fx", "-q")
    assert r.exit_code == 0, r.output
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html")] == ["work/output/x.html"]


def test_redirect_cannot_choose_where_the_map_goes(server, tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    target = tmp_path / "abs"
    Handler.redirect_to = "/" + quote(f"{target}.x", safe="")
    r = invoke("map", f"{server}/redirect", "-q")
    assert r.exit_code == 0, r.output
    written = list(tmp_path.rglob("*.html"))
    assert len(written) == 1 and written[0].parent == work / "output", written
    assert not (tmp_path / "abs.html").exists()


def test_file_and_jsonl_names_are_reduced_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    odd = tmp_path / "..evil\x01name.txt"
    odd.write_text(STORY, encoding="utf-8")
    r = invoke("map", odd, "-q")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "output" / "evil-name.html").is_file()


# ------------------------------------------------------------------ 2. embed snippet


def test_embed_never_carries_a_script_address(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("map", f"{server}/javascript:alert(1)", "--embed", "-q")
    assert r.exit_code == 0, r.output
    assert 'src="alert%281%29.html"' in r.stdout
    # A file name chosen with -o is made a relative address as well.
    r = invoke("map", f"{server}/page-1", "-o", "javascript:alert(2).html", "--embed", "-q")
    assert r.exit_code == 0, r.output
    assert 'src="javascript%3Aalert%282%29.html"' in r.stdout
    for snippet in (r.stdout,):
        src = snippet.split('src="', 1)[1].split('"', 1)[0]
        assert ":" not in src


@pytest.mark.parametrize("src", ["javascript:alert(1)", " JavaScript:alert(1)", "\tjavascript:x",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x"])
def test_embed_snippet_src_is_relative_or_http(src):
    from geomap.render import embed_snippet

    out = embed_snippet(src).split('src="', 1)[1].split('"', 1)[0]
    assert ":" not in out and not out.startswith("//") and "<" not in out


def test_embed_snippet_keeps_http_addresses():
    from geomap.render import embed_snippet

    assert 'src="https://maps.example.org/a.html?x=1&amp;y=2"' in embed_snippet("https://maps.example.org/a.html?x=1&y=2")


# ------------------------------------------------------------------ 3. input/output guard


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text("Ships reached Natuna from Jakarta.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", [["map"], ["extract", "--format", "json"], ["extract", "--format", "gpkg"]])
def test_output_inside_an_input_folder_is_refused(news, command):
    before = (news / "b.txt").read_bytes()
    r = invoke(*command, news, "-o", news / "b.txt", "-q")
    assert r.exit_code == 6, r.output
    assert "refusing to overwrite input" in one_line(r.stderr)
    assert (news / "b.txt").read_bytes() == before
    assert temp_leftovers(news) == []


def test_guard_sees_through_links_globs_and_linked_folders(news, tmp_path):
    before = (news / "b.txt").read_bytes()
    (tmp_path / "hard.txt").hardlink_to(news / "b.txt")
    (tmp_path / "soft.txt").symlink_to(news / "b.txt")
    (tmp_path / "news-link").symlink_to(news)
    cases = [
        (["map", news, "-o", tmp_path / "hard.txt"]),  # a hard link elsewhere: same inode
        (["map", news, "-o", tmp_path / "soft.txt"]),
        (["map", news, "--glob", "*.txt", "-o", news / "sub" / ".." / "b.txt"]),
        (["map", tmp_path / "news-link", "-o", news / "b.txt"]),
        (["extract", tmp_path / "news-link", "-o", tmp_path / "hard.txt"]),
    ]
    for args in cases:
        r = invoke(*args, "-q")
        assert r.exit_code == 6, (args, r.output)
        one_line(r.stderr)
    assert (news / "b.txt").read_bytes() == before
    # A file the glob does not read is not an input.
    (news / "notes.csv").write_text("x")
    r = invoke("map", news, "--glob", "*.txt", "-o", news / "notes.csv", "-q")
    assert r.exit_code == 0, r.output


def test_guard_compares_files_not_paths(news, tmp_path):
    (tmp_path / "copy-of-b.txt").hardlink_to(news / "b.txt")
    with pytest.raises(OutputError, match="read from folder"):
        guard_inputs(tmp_path / "copy-of-b.txt", [news])
    with pytest.raises(OutputError, match="read from folder"):
        guard_inputs(news / "x" / ".." / "a.txt", [str(news) + "/"])
    # Same content is not the same file; a file the glob leaves out is no input.
    (tmp_path / "twin.txt").write_bytes((news / "b.txt").read_bytes())
    guard_inputs(tmp_path / "twin.txt", [news])
    guard_inputs(tmp_path / "copy-of-b.txt", [news], glob="*.html")


def test_guard_is_checked_before_the_slow_work(news, monkeypatch):
    import geomap.cli as c

    def boom(*a, **k):
        raise AssertionError("the pipeline ran")

    monkeypatch.setattr(c, "_run_pipeline", boom)
    r = invoke("map", news, "-o", news / "a.txt")
    assert r.exit_code == 6


# ------------------------------------------------------------------ 4. regular files only


def test_fifo_as_output_is_refused(tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    src = tmp_path / "s.txt"
    src.write_text(STORY)
    for args in (["map", src, "-o", fifo], ["extract", src, "-o", fifo], ["extract", src, "--format", "gpkg", "-o", fifo]):
        r = invoke(*args, "-q")
        assert r.exit_code == 6, r.output
        assert "not a regular file" in one_line(r.stderr)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not IS_ROOT, reason="creating a device node needs root (CI runs as root)")
def test_device_node_is_never_replaced(tmp_path):
    dev = tmp_path / "null-copy"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    src = tmp_path / "s.txt"
    src.write_text(STORY)
    for args in (["map", src, "-o", dev], ["extract", src, "--format", "gpkg", "-o", dev]):
        r = invoke(*args, "-q")
        assert r.exit_code == 6, r.output
        assert "not a regular file" in one_line(r.stderr)
        st = dev.lstat()
        assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
    with pytest.raises(OutputError):
        check_target("/dev/null")


# ------------------------------------------------------------------ 5. no hangs


def _run_cli(args, timeout=90, **kw):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, "-m", "geomap", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=kw.pop("cwd", ROOT), env=env, **kw)


def test_fifo_and_socket_in_an_input_folder_are_skipped(news):
    os.mkfifo(news / "pipe.txt")  # no writer: opening it would wait forever
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(news / "sock.txt"))
        r = _run_cli(["extract", news, "--format", "jsonl", "-q"], timeout=120)
    finally:
        sock.close()
    assert r.returncode == 0, r.stderr
    assert [json.loads(l)["id"] for l in r.stdout.splitlines()] == ["a", "b"]
    notes = r.stderr.splitlines()
    assert len(notes) == 2 and all(n.startswith("geomap: note: ") and "skipped" in n for n in notes)


@pytest.mark.skipif(not IS_ROOT, reason="creating a device node needs root (CI runs as root)")
def test_device_in_an_input_folder_is_skipped(news):
    os.mknod(news / "zero.txt", stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero: endless
    items = list(load_documents([news]))
    assert [type(i).__name__ for i in items] == ["SkippedInput", "Document", "Document"]
    assert "zero.txt: skipped, not a regular file" in str(items[0])


def test_a_fifo_swapped_in_after_listing_is_not_opened(tmp_path):
    from geomap.ingest.sources import file_documents

    os.mkfifo(tmp_path / "late.txt")
    (err,) = file_documents(tmp_path / "late.txt", jsonl=False, used=set(), max_bytes=1000, in_folder=True)
    assert isinstance(err, SkippedInput)


def test_a_trickling_body_hits_the_whole_request_deadline(server):
    start = time.monotonic()
    (err,) = load_documents([f"{server}/trickle"], timeout=1.0)
    took = time.monotonic() - start
    assert str(err) == f"could not fetch URL: {server}/trickle: timed out after 1 s"
    assert took < TRICKLE_SECONDS / 2, took  # the server goes on for TRICKLE_SECONDS


def test_trickling_headers_hit_the_deadline_too(server):
    start = time.monotonic()
    (err,) = load_documents([f"{server}/trickle-headers"], timeout=1.0)
    assert "timed out after 1 s" in str(err)
    assert time.monotonic() - start < TRICKLE_SECONDS / 2


def test_a_truncated_download_is_an_error(server):
    (err,) = load_documents([f"{server}/short"], timeout=10)
    assert str(err) == f"could not fetch URL: {server}/short: download cut short (24 of 1,000 bytes)"


def test_a_download_without_length_is_capped(server):
    (err,) = load_documents([f"{server}/no-length"], timeout=10, max_bytes=1000)
    assert "too large" in str(err) and "1000 bytes" in str(err)


# ------------------------------------------------------------------ 6. JSON Lines


def _bad_corpus(path: Path) -> Path:
    lines = [
        json.dumps({"id": "good-1", "text": "Troops moved from Minsk to Kaliningrad."}),
        '{"id": ' + "7" * 5000 + ', "text": "Kupang"}',
        '{"id": "deep", "text": "Ambon", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "surrogate", "text": "Padang \\ud800 Medan"}',
        '{"id": "broken", "text": ',
        json.dumps({"id": "types", "text": 5}),
        json.dumps({"id": ["list"], "text": "Bitung"}),
        json.dumps({"id": "good-2", "text": "Ships reached Natuna from Jakarta."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_each_json_lines_line_is_its_own_unit(tmp_path, fmt):
    corpus = _bad_corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / f"out.{fmt}"
    r = invoke("extract", corpus, "--format", fmt, "-o", out, "-q")
    assert r.exit_code == 2, r.output
    errors = r.stderr.splitlines()
    assert [e.split(":")[1] for e in (x.removeprefix(f"geomap: {corpus}") for x in errors)] == \
        ["2", "3", "4", "5", "6", "7"], errors
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr
    text = out.read_text("utf-8")
    assert "good-1" in text and "good-2" in text and "Natuna" in text
    if fmt == "jsonl":
        assert [json.loads(l)["id"] for l in text.splitlines()] == ["good-1", "good-2"]


def test_map_of_a_partly_bad_corpus_is_written(tmp_path):
    corpus = _bad_corpus(tmp_path / "corpus.jsonl")
    r = invoke("map", corpus, "-o", tmp_path / "m.html", "-q")
    assert r.exit_code == 2
    page = (tmp_path / "m.html").read_text("utf-8")
    assert "Kaliningrad" in page and "Natuna" in page


# ------------------------------------------------------------------ 9. exit codes, leftovers


def _unwritable_folder(tmp_path: Path) -> Path:
    if IS_ROOT:
        # Permission bits do not stop root; sysfs refuses new files to everyone.
        return Path("/sys/geomap-test-folder")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.mark.parametrize("fmt", ["gpkg", "json"])
def test_read_only_folder_is_exit_6(tmp_path, fmt):
    src = tmp_path / "s.txt"
    src.write_text(STORY)
    r = invoke("extract", src, "--format", fmt, "-o", _unwritable_folder(tmp_path) / f"out.{fmt}", "-q")
    assert r.exit_code == 6, r.output
    assert "cannot write" in one_line(r.stderr)


FULL_DISK = textwrap.dedent("""
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    from geomap.cli import main
    sys.argv = ["geomap", *sys.argv[1:]]
    main()
""")


@pytest.mark.parametrize("args", [["extract", "--format", "gpkg"], ["map"], ["extract", "--format", "json"]])
def test_full_disk_is_exit_6_and_leaves_nothing(tmp_path, args):
    # A file size limit fails writes as a full disk does (EFBIG rather than ENOSPC).
    src = tmp_path / "s.txt"
    src.write_text(STORY * 40)
    out = tmp_path / "out" / "result.bin"
    r = subprocess.run([sys.executable, "-c", FULL_DISK, args[0], str(src), *args[1:], "-o", str(out), "-q"],
                       capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 6, r.stderr
    assert "cannot write" in one_line(r.stderr)
    assert not out.exists() and temp_leftovers(tmp_path) == []


@pytest.mark.parametrize("command", [["extract", "--format", "json"], ["geocode", "Vladivostok"]])
def test_stdout_to_dev_full_is_exit_6(tmp_path, command):
    src = tmp_path / "s.txt"
    src.write_text(STORY)
    args = command + ([src] if command[0] == "extract" else [])
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "geomap", *map(str, args)], stdout=full, stderr=subprocess.PIPE,
                           text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 6, r.stderr
    assert "No space left" in one_line(r.stderr)


def test_symlink_loop_and_long_name_are_exit_6(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text(STORY)
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    for out in (tmp_path / "loop1", tmp_path / ("n" * 300 + ".html")):
        for args in (["map"], ["extract", "--format", "gpkg"], ["extract"]):
            r = invoke(*args, src, "-o", out, "-q")
            assert r.exit_code == 6, (out, args, r.output)
            one_line(r.stderr)
    assert temp_leftovers(tmp_path) == []


SLOW_MAP = textwrap.dedent("""
    import sys, time
    from contextlib import contextmanager
    import geomap.output as output

    real = output.atomic_writer

    @contextmanager
    def slow_writer(path, mode="w", **kw):
        with real(path, mode, **kw) as fh:
            class Slow:
                def write(self, data):
                    fh.write(data[:100])
                    fh.flush()
                    print("writing", flush=True)
                    time.sleep(60)
            yield Slow()

    output.atomic_writer = slow_writer
    from geomap.cli import main
    sys.argv = ["geomap", *sys.argv[1:]]
    main()
""")


@pytest.mark.parametrize("sig, code, word", [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")])
def test_signals_remove_the_temporary_file(tmp_path, sig, code, word):
    src = tmp_path / "s.txt"
    src.write_text(STORY)
    out = tmp_path / "out" / "map.html"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_MAP, "map", str(src), "-o", str(out), "-q"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        assert len(temp_leftovers(out.parent)) == 1  # mid-write, the hidden file exists
    finally:
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert one_line(err) == f"geomap: {word}"
    assert not out.exists() and temp_leftovers(tmp_path) == []


def test_utf16_without_bom_is_text(tmp_path):
    src = tmp_path / "windows.txt"
    src.write_bytes(STORY.encode("utf-16-le"))
    r = invoke("extract", src, "--format", "jsonl", "-q")
    assert r.exit_code == 0, r.output
    names = {p["name"] for p in json.loads(r.stdout)["places"]}
    assert {"Minsk", "Kaliningrad"} <= names


def test_csv_cells_cannot_start_a_formula(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": i, "text": "Troops moved from Minsk to Kaliningrad."}
            for i in ("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "plain")]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    r = invoke("extract", corpus, "--format", "csv", "-q")
    assert r.exit_code == 0, r.output
    import csv
    import io

    # On standard output the places come first, then a blank line, then the movements.
    places_csv, moves_csv = r.stdout.split("\n\n")
    expected = {"'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "plain"}
    for text, coords in ((places_csv, (5, 6)), (moves_csv, (3, 4, 7, 8))):
        table = list(csv.reader(io.StringIO(text)))[1:]
        assert {row[0] for row in table} == expected
        for row in table:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), row
            [float(row[i]) for i in coords]  # coordinates stay numbers


def test_cdn_leaflet_has_subresource_integrity(gaz):
    import xstatic.pkg.leaflet as xl

    import geomap
    from geomap.render import render_html

    page = render_html([geomap.extract(STORY, gazetteer=gaz)], cdn=True)
    for name, tag in (("leaflet.js", "<script src="), ("leaflet.css", '<link rel="stylesheet" href=')):
        data = (Path(xl.BASE_DIR) / name).read_bytes()
        sri = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
        url = f"https://cdn.jsdelivr.net/npm/leaflet@{xl.VERSION}/dist/{name}"
        assert f'{tag}"{url}" integrity="{sri}" crossorigin="anonymous"' in page


def test_bad_gazetteer_is_reported_before_the_index_is_built(tmp_path):
    # An empty cache folder: loading the gazetteer would build the index (seconds).
    cache = tmp_path / "cache"
    bad = tmp_path / "mine.csv"
    src = tmp_path / "s.txt"
    src.write_text(STORY)
    cases = {
        "id,name,kind\n1,Camp X,city\n": "missing column(s) country_code, lat, lon",
        "id,name,kind,country_code,lat,lon\n1,Camp X,city,XX,north,12\n": "mine.csv:2: bad number",
        "id,name,kind,country_code,lat,lon\n1,Camp X,city,XX,95,12\n": "mine.csv:2: coordinates out of range",
        "id,name,kind,country_code,lat,lon\n1,Camp X,city\n": "mine.csv:2: 3 fields",
    }
    for content, message in cases.items():
        bad.write_text(content, encoding="utf-8")
        r = subprocess.run([sys.executable, "-m", "geomap", "map", str(src), "--gazetteer", str(bad), "-o",
                            str(tmp_path / "m.html")], capture_output=True, text=True, timeout=120, cwd=ROOT,
                           env={**os.environ, "GEOMAP_CACHE_DIR": str(cache)})
        assert r.returncode == 3, r.stderr
        # The only line: before the index work, which announces itself on stderr
        # ("building the gazetteer index") on an empty cache and takes seconds.
        assert message in one_line(r.stderr) and "index" not in r.stderr
    bad.write_bytes(b"\xff\xfe\x00binary")
    r = invoke("map", src, "--gazetteer", bad)
    assert r.exit_code == 3 and "not a UTF-8 CSV" in one_line(r.stderr)


@pytest.mark.parametrize("name", ["\n", " padded.gpkg ", "tab\there.gpkg", "!", "a!b.gpkg", "out.zip"])
def test_geopackage_under_an_odd_name_is_written_there(tmp_path, name):
    # GDAL trims names, and pyogrio reads "!" and ".zip" as archive syntax: GDAL must
    # never be given the user's path.
    src = tmp_path / "s.txt"
    src.write_text(STORY)
    out = tmp_path / "o" / name
    r = invoke("extract", src, "--format", "gpkg", "-o", out, "-q")
    assert r.exit_code == 0, r.output
    assert os.listdir(tmp_path / "o") == [name]
    assert out.read_bytes().startswith(b"SQLite format 3")


def test_a_lang_field_that_names_no_language_is_ignored(tmp_path):
    # Found by the fuzz: "lang": "0" was an internal error once languages came from data.
    src = tmp_path / "l.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Troops moved from Minsk to Kaliningrad.", "lang": "0"}) + "\n")
    r = invoke("extract", src, "--format", "jsonl", "-q")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["lang"] == "en" and {p["name"] for p in out["places"]} == {"Minsk", "Kaliningrad"}


def test_article_text_is_never_a_jinja_template(tmp_path):
    # Found by the fuzz ("Vladivostok {{" ended in an internal error): branca compiles each
    # rendered script as a Jinja template again, so article text reaching the map's data
    # block could be evaluated there ({{ 12345*11 }} -> 135795, or worse).
    from geomap.render import render_html

    text = ("Troops moved from Minsk to Kaliningrad {{ 12345*11 }} on Monday, {% if 1 %}officials{% endif %} said. "
            "{# note #} Ships sailed from Odesa to Istanbul {{ ''.__class__ }}.")
    src = tmp_path / "a.txt"
    src.write_text(text)
    r = invoke("map", src, "-o", tmp_path / "m.html", "-q")
    assert r.exit_code == 0, r.output
    page = (tmp_path / "m.html").read_text("utf-8")
    assert "135795" not in page and "<class" not in page
    assert "\\u007b{ 12345*11 }}" in page and "\\u007b% if 1 %}" in page  # kept as text, escaped
    import geomap

    page = render_html(geomap.extract(text))
    assert "__class__ }}" in page and "<class" not in page and "135795" not in page
