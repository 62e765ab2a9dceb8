"""Property-based fuzz of the CLI's inputs: files, JSON Lines, HTML and options.

Whatever the input, geomap exits with a documented code (never 70), prints no
traceback, leaves no temporary file behind, and any HTML it writes is a whole page.
Runs in-process through click's CliRunner with a bounded number of examples, so the
whole module stays well under a minute.
"""
from __future__ import annotations

import json
import os
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from geomap.cli import cli
from geomap.output import encodable

DOCUMENTED_EXITS = {0, 2, 3, 4, 5, 6}
PLACES = ["Vladivostok", "Khabarovsk", "Minsk", "Kaliningrad", "Natuna", "Jakarta", "Paris", "Usurisk", "Donetsk"]
WORDS = PLACES + ["troops", "moved", "from", "to", "di", "dari", "ke", "said", "on", "Monday", "<b>", "&amp;",
                  "</script>", "\"", "'", "2024-10-18", "=SUM(A1)", "\ufeff", "\u2028", "\x0c"]

any_text = st.text(max_size=120)
news_text = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), min_size=0, max_size=40).map(" ".join)


@st.composite
def html_page(draw):
    body = draw(news_text)
    title = draw(any_text)
    lang = draw(st.sampled_from(["", ' lang="en"', ' lang="id"', ' lang="fr"', " lang=x"]))
    tag = draw(st.sampled_from(["p", "div", "article", "script", "style", "title", "textarea"]))
    page = f"<!doctype html><html{lang}><head><title>{title}</title></head><body><{tag}>{body}</{tag}>"
    if draw(st.booleans()):
        page += "</body></html>"
    return page.encode(draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le"])), "surrogatepass")


json_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | any_text
json_value = st.recursive(json_scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
                          max_leaves=8)


@st.composite
def jsonl_file(draw):
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 5))
        if choice == 0:  # not JSON at all
            lines.append(draw(any_text).replace("\n", " ").encode("utf-8", "surrogatepass"))
            continue
        record = {"text": draw(json_value) if choice == 2 else draw(news_text)}
        if draw(st.booleans()):
            record["id"] = draw(st.integers() | any_text | json_value)
        for key in ("lang", "date", "title", "url"):
            if draw(st.integers(0, 5)) == 0:
                record[key] = draw(any_text | json_value)
        line = json.dumps(record, ensure_ascii=draw(st.booleans()), allow_nan=True)
        if choice == 1:
            line = line.replace('"text": "', '"text": "\\ud800', 1)
        lines.append(line.encode("utf-8", "surrogatepass"))
    return b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"]))


@st.composite
def text_file(draw):
    text = draw(news_text)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]))
    return text.encode(encoding, "replace")


input_file = st.one_of(
    st.tuples(st.just(".txt"), text_file()),
    st.tuples(st.just(".html"), html_page()),
    st.tuples(st.just(".jsonl"), jsonl_file()),
    st.tuples(st.sampled_from([".txt", ".md", ""]), st.binary(max_size=300)),
)


@st.composite
def options(draw, for_map=True):
    opts = []
    if for_map and draw(st.booleans()):
        opts += ["--title", draw(any_text)]
    if for_map and draw(st.integers(0, 3)) == 0:
        opts += ["--caption", draw(any_text)]
    # Mostly sensible values, so that most runs get as far as writing; now and then a
    # bad one (a usage error must be one too, exit 2).
    if draw(st.integers(0, 9)) == 0:
        opts += ["--lang", draw(st.sampled_from(["en", "id", "xx", ""]))]
    roll = draw(st.integers(0, 9))
    if roll == 0:
        opts += ["--date", draw(any_text)]
    elif roll < 3:
        opts += ["--date", draw(st.sampled_from(["2024-10-18", "2024-02-30"]))]
    if draw(st.integers(0, 5)) == 0:
        opts += ["--glob", draw(st.sampled_from(["*.txt", "*.html|*.jsonl", "**/*", "", "[", "*"]))]
    if draw(st.integers(0, 9)) == 0:
        opts.append("--jsonl")
    return opts


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.opened: list[str] = []
        self.closed: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.opened.append(tag)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self.closed.append(tag)
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def assert_whole_page(html: str, title: str | None):
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    page = _Page()
    page.feed(html)
    page.close()
    for tag in ("html", "head", "body", "title", "h1"):
        assert page.opened.count(tag) == 1 and page.closed.count(tag) == 1, tag
    assert page.opened.count("script") == page.closed.count("script")
    if title is not None:  # the title comes back as given: escaped, not markup
        assert page.title == encodable(title), (page.title, title)


def run_and_check(args: list[str], folder: Path, title: str | None):
    old = os.getcwd()
    os.chdir(folder)
    try:
        r = CliRunner().invoke(cli, args)
    finally:
        os.chdir(old)
    out = r.stdout + r.stderr
    event(f"{args[0]} exit {r.exit_code}")
    if os.environ.get("FUZZ_DEBUG"):
        print(r.exit_code, r.stderr[:300].replace("\n", " | "))
    assert r.exit_code in DOCUMENTED_EXITS, (args, r.exit_code, out, r.exc_info)
    assert "Traceback" not in out and "internal error" not in out, (args, out)
    assert not [p for p in folder.rglob("*") if ".tmp-" in p.name], list(folder.rglob("*"))
    usage = "Usage: " in r.stderr  # click's own usage error: three lines, exit 2
    for err_line in r.stderr.splitlines():
        assert usage or err_line.startswith(("geomap: ", "wrote ")), err_line
    written = [p for p in folder.rglob("*") if p.is_file() and "inputs" not in p.parts]
    for path in written:
        if path.suffix == ".html" or "map" in args[:1]:
            assert_whole_page(path.read_bytes().decode("utf-8"), title)
    if args[0] == "map" and "-o" in args and args[args.index("-o") + 1] == "-" and r.exit_code in (0, 2) and r.stdout:
        assert_whole_page(r.stdout, title)
    return r


@settings(max_examples=int(os.environ.get("GEOMAP_FUZZ_EXAMPLES", 150)), deadline=None, suppress_health_check=list(HealthCheck))
@given(files=st.lists(input_file, min_size=1, max_size=3), opts=options(),
       out=st.sampled_from([None, "-", "name"]) | st.text(st.characters(blacklist_characters="/\x00"), max_size=40),
       flags=st.sets(st.sampled_from(["--cdn", "--embed"])),
       tiles=st.sampled_from([None, "carto-light", "none", "osm", "nonsense"]), as_folder=st.booleans(),
       good=st.booleans())
def test_fuzz_map(gaz, files, opts, out, flags, tiles, as_folder, good):
    with tempfile.TemporaryDirectory(prefix="geomap-fuzz-") as tmp:
        folder = Path(tmp)
        paths = write_inputs(folder, files, good)
        args = ["map", *([str(folder / "inputs")] if as_folder else paths), "-q", *opts, *sorted(flags)]
        if tiles:
            args += ["--tiles", tiles]
        if out is not None:
            args += ["-o", out if out == "-" else str(folder / "o" / out)]
        title = opts[opts.index("--title") + 1] if "--title" in opts else None
        run_and_check(args, folder, title)


@settings(max_examples=int(os.environ.get("GEOMAP_FUZZ_EXAMPLES", 150)), deadline=None, suppress_health_check=list(HealthCheck))
@given(files=st.lists(input_file, min_size=1, max_size=3), opts=options(for_map=False),
       fmt=st.sampled_from(["json", "jsonl", "geojson", "csv", "gpkg"]),
       out=st.sampled_from(["-", "result"]) | st.text(st.characters(blacklist_characters="/\x00"), max_size=40),
       as_folder=st.booleans(), good=st.booleans())
def test_fuzz_extract(gaz, files, opts, fmt, out, as_folder, good):
    with tempfile.TemporaryDirectory(prefix="geomap-fuzz-") as tmp:
        folder = Path(tmp)
        paths = write_inputs(folder, files, good)
        args = ["extract", *([str(folder / "inputs")] if as_folder else paths), "-q", "--format", fmt, *opts]
        args += ["-o", out if out == "-" else str(folder / "o" / out)]
        r = run_and_check(args, folder, None)
        if r.exit_code == 0 and out == "-" and fmt in ("json", "geojson"):
            json.loads(r.stdout)


GOOD = "Troops were flown from Vladivostok to Khabarovsk on Monday, officials said.\n".encode()


def write_inputs(folder: Path, files, good: bool) -> list[str]:
    """The fuzzed files, after a plain good story when ``good`` (so that runs with
    some bad inputs still get as far as writing)."""
    (folder / "inputs").mkdir()
    files = [(".txt", GOOD), *files] if good else files
    paths = []
    for i, (suffix, data) in enumerate(files):
        path = folder / "inputs" / f"in{i}{suffix}"
        path.write_bytes(data)
        paths.append(str(path))
    return paths
