"""Tests for geomap.ingest: decoding, HTML, folders, stdin, JSON Lines, URLs, limits."""
from __future__ import annotations

import codecs
import gzip
import http.server
import io
import socket
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.errors import InputError
from geomap.ingest import find_date, load_documents, matches_glob, read_text_bytes
from geomap.models import Document

DATA = Path(__file__).parent / "data" / "ingest"

# Accented Western and Indonesian text that every single-byte Western code page under
# test can represent.
WESTERN = (
    "Café in São Paulo: the naïve façade near Zürich's Hôtel de Ville.\n"
    "Pasukan TNI tiba di Jayapura pada hari Jumat; menteri mengatakan situasi aman.\n"
    "Les élèves sont arrivés à Besançon après une journée très longue.\n"
)
# Windows-1252 only: curly quotes, dash and euro sign live in 0x80-0x9F.
CP1252_ONLY = "Menteri berkata “situasi aman” – biaya 5€ per orang, kata señor Muñoz.\n"


def docs_and_errors(items):
    items = list(items)
    return [d for d in items if isinstance(d, Document)], [e for e in items if isinstance(e, InputError)]


def png_bytes() -> bytes:
    """A real 1x1 PNG, built here rather than shipped as a fixture."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1", "utf-16-le", "utf-16-be"])
def test_each_encoding_decodes(encoding):
    data = WESTERN.encode(encoding)
    if encoding.startswith("utf-16"):
        data = codecs.BOM_UTF16_LE + data if encoding.endswith("le") else codecs.BOM_UTF16_BE + data
    assert read_text_bytes(data, "t.txt") == WESTERN


def test_windows_1252_punctuation():
    assert read_text_bytes(CP1252_ONLY.encode("cp1252"), "t.txt") == CP1252_ONLY


@pytest.mark.parametrize("text", ["é", "Bogotá", "señor Muñoz viajó a Bogotá", "Rp 5.000 – “murah”"])
def test_short_western_texts_are_not_read_as_exotic_code_pages(text):
    assert read_text_bytes(text.encode("cp1252"), "t.txt") == text


def test_other_single_byte_code_pages_still_detected():
    # Preferring Windows-1252 must not turn clearly Cyrillic or Polish text to mojibake.
    russian = "Москва и Санкт-Петербург — крупнейшие города России, где живут миллионы людей.\n"
    polish = "Zażółć gęślą jaźń w Łodzi i Krakowie, powiedział minister.\n"
    assert read_text_bytes(russian.encode("cp1251"), "ru.txt") == russian
    assert read_text_bytes(polish.encode("cp1250"), "pl.txt") == polish


def test_utf8_bom_is_dropped():
    assert read_text_bytes(codecs.BOM_UTF8 + b"Kota Medan", "t.txt") == "Kota Medan"


def test_utf16_with_python_bom():
    text = "Jakarta, Surabaya dan Makassar — kota-kota besar\n"
    assert read_text_bytes(text.encode("utf-16"), "t.txt") == text


def test_utf16_truncated_is_a_clear_error():
    with pytest.raises(InputError, match="UTF-16"):
        read_text_bytes("Bandung".encode("utf-16")[:-1], "t.txt")


def test_mixed_line_endings_normalised():
    data = b"baris satu\r\nbaris dua\rbaris tiga\nbaris empat\r\n"
    assert read_text_bytes(data, "t.txt") == "baris satu\nbaris dua\nbaris tiga\nbaris empat\n"
    data = "a\r\nb\rc".encode("cp1252")
    assert read_text_bytes(data, "t.txt") == "a\nb\nc"
    assert read_text_bytes("a\r\nb\r".encode("utf-16"), "t.txt") == "a\nb\n"


@pytest.mark.parametrize(
    "data",
    [
        b"text with a \x00 NUL byte",
        b"\x89PNG\r\n\x1a\n",
        gzip.compress(b"Jakarta " * 100),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        bytes(range(256)) * 4,
    ],
    ids=["nul", "png-magic", "gzip", "pdf", "all-bytes"],
)
def test_binary_refused(data):
    with pytest.raises(InputError, match=r"^pic\.bin: looks like a binary file, not text$"):
        read_text_bytes(data, "pic.bin")


def test_real_png_refused():
    with pytest.raises(InputError, match="looks like a binary file"):
        read_text_bytes(png_bytes(), "map.png")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\u3000\n".encode(), codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_or_whitespace_refused(data):
    with pytest.raises(InputError, match=r"^empty\.txt: (is empty|contains only whitespace)"):
        read_text_bytes(data, "empty.txt")


def test_ten_megabyte_single_line():
    line = ("Pasukan bergerak dari Jayapura ke Merauke. " * 250_000).encode()
    assert len(line) > 10_000_000 and b"\n" not in line
    text = read_text_bytes(line, "big.txt")
    assert len(text) == len(line)


def test_ten_megabyte_single_line_windows_1252():
    line = ("Café “São Paulo” naïve. " * 420_000).encode("cp1252")
    assert len(line) > 10_000_000
    assert read_text_bytes(line, "big.txt").startswith("Café “São Paulo”")


BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.tuples(st.sampled_from(BOMS), st.binary(max_size=500)).map(b"".join),
        st.tuples(st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "cp1251"])).map(
            lambda pair: pair[0].encode(pair[1], errors="ignore")
        ),
    )
)
def test_random_bytes_only_raise_input_error(data):
    try:
        text = read_text_bytes(data, "random.bin")
    except InputError:
        return
    assert isinstance(text, str)
    assert "\r" not in text and "\x00" not in text and text.strip()


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published: 24 October 2024\n\nTroops moved.", "2024-10-24"),
        ("2024-10-24\nTroops moved.", "2024-10-24"),
        ("Posted 2024-10-24T09:30:00Z by the desk", "2024-10-24"),
        ("Jumat, 18 Oktober 2024\n\nBanjir di Jakarta.", "2024-10-18"),
        ("Rabu, 23 Okt 2024 14:05 WIB\nGempa di Palu.", "2024-10-23"),
        ("JAKARTA, Senin (21/10/2024) - Pasukan tiba", "2024-10-21"),
        ("Thursday 24 October 2024 09.30 BST", "2024-10-24"),
        ("Updated Oct. 24, 2024 at 3:15 p.m. ET", "2024-10-24"),
        ("Headline\nBy Jane Example\nSeoul\nWednesday\n\nOctober 24, 2024", "2024-10-24"),
        ("North Korean troops arrive in Russia\nAbout 3,000 soldiers moved in 2024.", None),
        ("Line one\nLine two\nLine three\nLine four\nLine five\nLine six: 24 October 2024", None),
        ("Kapal tiba di Natuna.", None),
    ],
)
def test_find_date(text, expected):
    assert find_date(text) == expected


def test_plain_text_document_gets_date(tmp_path):
    (tmp_path / "note.txt").write_text("Jumat, 18 Oktober 2024\nBanjir di Jakarta Utara.\n", encoding="utf-8")
    (doc,) = load_documents([tmp_path / "note.txt"])
    assert doc.date == "2024-10-18" and doc.id == "note" and doc.path == str(tmp_path / "note.txt")


def test_import_is_light():
    # The CLI imports ingest on every run; the heavy libraries must wait until needed.
    code = (
        "import sys, geomap.ingest, geomap.output\n"
        "heavy = {'trafilatura', 'charset_normalizer', 'dateparser', 'lxml'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- HTML


def test_html_page_text_and_metadata():
    (doc,) = load_documents([DATA / "news_page.html"])
    assert isinstance(doc, Document)
    assert doc.id == "news_page"
    assert doc.title == "Troops reach Kursk region, officials say"
    assert doc.date == "2024-10-24"
    assert doc.url == "https://news.example.org/world/2024/10/troops-reach-kursk"
    assert doc.lang == "en"
    assert "About 3,000 soldiers travelled by train from Vladivostok" in doc.text
    assert "Diplomats in Brussels and Washington" in doc.text
    for boilerplate in ("Subscribe", "Most read", "recipes", "Copyright", "Cookie"):
        assert boilerplate not in doc.text


def test_html_sniffed_without_extension(tmp_path):
    page = (DATA / "news_page.html").read_bytes()
    (tmp_path / "saved_page.txt").write_bytes(page)
    (doc,) = load_documents([tmp_path / "saved_page.txt"])
    assert doc.title == "Troops reach Kursk region, officials say"
    assert "Copyright" not in doc.text


def test_html_windows_1252_with_meta_charset(tmp_path):
    html = (
        '<html lang="id"><head><meta charset="windows-1252"><title>Banjir “besar” di Bekasi</title></head>'
        "<body><p>Banjir “besar” merendam Bekasi – warga mengungsi ke Cikarang.</p></body></html>"
    )
    (tmp_path / "bekasi.htm").write_bytes(html.encode("cp1252"))
    (doc,) = load_documents([tmp_path / "bekasi.htm"])
    assert doc.title == "Banjir “besar” di Bekasi"
    assert "Banjir “besar” merendam Bekasi – warga" in doc.text
    assert doc.lang == "id"


def test_html_without_article_falls_back_to_page_text(tmp_path):
    html = (
        "<html><head><title>Gempa</title></head>"
        "<body><div>Gempa di Palu.</div><div>Diterbitkan 2024-09-28</div></body></html>"
    )
    (tmp_path / "gempa.html").write_text(html, encoding="utf-8")
    (doc,) = load_documents([tmp_path / "gempa.html"])
    assert "Gempa di Palu." in doc.text
    assert doc.title == "Gempa"
    assert doc.date == "2024-09-28"


def test_html_without_text_is_an_error(tmp_path):
    (tmp_path / "blank.html").write_text("<!doctype html><html><head></head><body><img src=x></body></html>")
    (err,) = load_documents([tmp_path / "blank.html"])
    assert isinstance(err, InputError) and "no text found" in str(err)


# --------------------------------------------------------------------------- files and folders


def test_missing_file_does_not_lose_others(tmp_path):
    (tmp_path / "ok.txt").write_text("Kapal tiba di Natuna.", encoding="utf-8")
    items = list(load_documents([tmp_path / "nope.txt", tmp_path / "ok.txt"]))
    assert isinstance(items[0], InputError)
    assert str(items[0]) == f"{tmp_path / 'nope.txt'}: no such file or directory"
    assert isinstance(items[1], Document) and items[1].text == "Kapal tiba di Natuna."


def test_binary_and_empty_files_yield_errors_in_place(tmp_path):
    (tmp_path / "a.txt").write_text("Medan", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(png_bytes())
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.txt").write_text("Padang", encoding="utf-8")
    items = list(load_documents([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "Document"]
    assert str(items[1]) == f"{tmp_path / 'b.txt'}: looks like a binary file, not text"
    assert "is empty" in str(items[2])


def test_folder_recursion_with_default_glob():
    docs, errors = docs_and_errors(load_documents([DATA / "corpus"]))
    assert errors == []
    # Sorted by path inside the folder; .hidden/ and *.csv skipped; *.TXT matched.
    assert [Path(d.path).relative_to(DATA / "corpus").as_posix() for d in docs] == [
        "jakarta.txt",
        "sub/deeper/jakarta.txt",
        "sub/papua.TXT",
    ]
    assert [d.id for d in docs] == ["jakarta", "jakarta-2", "papua"]
    assert [d.date for d in docs] == ["2024-10-18", None, "2024-10-24"]


def test_folder_with_custom_glob():
    docs, _ = docs_and_errors(load_documents([DATA / "corpus"], glob="*.csv"))
    assert [d.id for d in docs] == ["readme"]
    docs, _ = docs_and_errors(load_documents([DATA / "corpus"], glob="sub/*.txt|*.md"))
    assert [d.id for d in docs] == ["papua"]


def test_folder_without_matches_is_an_error(tmp_path):
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    (err,) = load_documents([tmp_path])
    assert isinstance(err, InputError) and "no files matching" in str(err)


def test_ids_unique_across_inputs_and_deterministic(tmp_path):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"Laporan dari {folder}", encoding="utf-8")
    (tmp_path / "report-2.txt").write_text("Laporan lain", encoding="utf-8")
    inputs = [tmp_path / "a", tmp_path / "b", tmp_path / "report-2.txt", tmp_path / "c"]
    ids = [d.id for d in load_documents(inputs)]
    assert ids == ["report", "report-2", "report-2-2", "report-3"]
    assert [d.id for d in load_documents(inputs)] == ids


def test_single_path_not_iterated_as_letters(tmp_path):
    (tmp_path / "one.txt").write_text("Kota Sorong", encoding="utf-8")
    (doc,) = load_documents(tmp_path / "one.txt")
    assert doc.text == "Kota Sorong"


def test_matches_glob():
    assert matches_glob("STORY.TXT", "*.txt")
    assert matches_glob("a/b/story.html", "*.txt|*.html")
    assert not matches_glob("a/story.csv", ["*.txt", "*.html"])
    assert matches_glob("sub/x.txt", "sub/*.txt") and not matches_glob("other/x.txt", "sub/*.txt")
    assert not matches_glob("sub/deeper/x.txt", "sub/*.txt")
    assert matches_glob("sub/deeper/x.txt", "sub/**/*.txt") and matches_glob("sub/x.txt", "sub/**/*.txt")


def test_size_limit_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    (tmp_path / "small.txt").write_bytes(b"Bali")
    items = list(load_documents([big, tmp_path / "small.txt"], max_bytes=1000))
    assert isinstance(items[0], InputError)
    assert str(items[0]) == f"{big}: too large (2 kB); the limit is 1 kB (1000 bytes) per text"
    assert items[1].text == "Bali"


def test_size_limit_without_reliable_size():
    # Pipes and special files report size 0: the cap must hold while reading, too.
    code = (
        "import sys\n"
        "from geomap.ingest import load_documents\n"
        "(item,) = load_documents(['/dev/zero'], max_bytes=1000)\n"
        "print(item)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "/dev/zero: too large; the limit is 1 kB (1000 bytes) per text"


def test_default_limit_is_documented():
    import geomap.ingest as ingest

    assert ingest.MAX_BYTES == 20_000_000
    assert "20 MB" in ingest.__doc__


# --------------------------------------------------------------------------- stdin


class FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin("Published: 24 October 2024\r\nKapal tiba di Ambon.".encode("cp1252")))
    (doc,) = load_documents(["-"])
    assert doc.id == "stdin" and doc.path is None
    assert doc.text == "Published: 24 October 2024\nKapal tiba di Ambon."
    assert doc.date == "2024-10-24"


def test_stdin_html(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin((DATA / "news_page.html").read_bytes()))
    (doc,) = load_documents(["-"])
    assert doc.id == "stdin" and doc.title == "Troops reach Kursk region, officials say"


def test_stdin_empty_and_missing(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    (err,) = load_documents(["-"])
    assert str(err) == "stdin: is empty"
    monkeypatch.setattr(sys, "stdin", None)
    (err,) = load_documents(["-"])
    assert isinstance(err, InputError)


def test_stdin_in_a_real_process():
    code = "from geomap.ingest import load_documents\nprint([d.text for d in load_documents(['-'])])"
    out = subprocess.run([sys.executable, "-c", code], input="Kota Ternate\r\n".encode("utf-16"),
                         capture_output=True, check=True, cwd=Path(__file__).parent.parent)
    assert out.stdout.decode().strip() == "['Kota Ternate\\n']"


# --------------------------------------------------------------------------- JSON Lines


def test_jsonl_with_bad_lines():
    items = list(load_documents([DATA / "articles.jsonl"], jsonl=True))
    docs, errors = docs_and_errors(items)
    assert [d.id for d in docs] == ["a1", "a2", "articles-5", "7"]
    a1 = docs[0]
    assert (a1.lang, a1.date, a1.title, a1.url) == ("en", "2024-10-24", "Troops move", "https://news.example.org/a1")
    assert docs[2].date == "2024-10-24"  # "24 October 2024" normalised
    assert docs[1].text == "Kapal patroli tiba di Natuna pada hari Senin."
    name = str(DATA / "articles.jsonl")
    assert [str(e).split(": ")[0] for e in errors] == [f"{name}:4", f"{name}:6"]
    assert "not valid JSON" in str(errors[0]) and "JSON object" in str(errors[1])
    # Errors come in the place of their line.
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Document", "Document", "InputError", "Document", "InputError", "Document"]


def test_jsonl_detected_by_extension():
    docs, errors = docs_and_errors(load_documents([DATA / "articles.jsonl"]))
    assert len(docs) == 4 and len(errors) == 2


def test_jsonl_field_errors(tmp_path):
    lines = [
        '{"id": "x", "text": ""}',
        '{"id": "y"}',
        '{"id": "z", "text": "Ambon", "date": "sometime"}',
        '{"id": ["bad"], "text": "Ambon"}',
        '{"id": "ok", "text": "Ambon\\r\\nMaluku", "lang": null}',
        '{"id": "ok", "text": "Ternate"}',
    ]
    path = tmp_path / "f.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + ("\r\n".join(lines) + "\r\n").encode() + b'{"text": "\xff bad utf8"}\n')
    items = list(load_documents([path]))
    messages = [str(i) if isinstance(i, InputError) else i.id for i in items]
    assert messages[0].endswith(':1: "text" is empty')
    assert messages[1].endswith(':2: missing "text" string')
    assert "is not a date" in messages[2]
    assert '"id" must be' in messages[3]
    assert messages[4:6] == ["ok", "ok-2"]
    assert items[4].text == "Ambon\nMaluku"
    assert messages[6].endswith(":7: line is not valid UTF-8 (JSON Lines must be UTF-8)")


def test_jsonl_from_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(b'{"text": "Sorong"}\n{"text": "Manokwari"}\n'))
    assert [d.id for d in load_documents(["-"], jsonl=True)] == ["stdin-1", "stdin-2"]


@pytest.mark.parametrize("first", [20, 5000, 20000])
def test_jsonl_line_size_limit(tmp_path, first):
    # Long lines that end inside and beyond the sniffed head of the file.
    path = tmp_path / "big.jsonl"
    path.write_text(
        '{"text": "Ambon"}\n{"text": "' + "x" * first + '"}\n{"text": "Bitung"}\n{"text": "' + "y" * 3000 + '"}',
        encoding="utf-8",
    )
    items = list(load_documents([path], max_bytes=1000))
    assert items[0].text == "Ambon"
    if first < 1000:
        assert items[1].text == "x" * first
    else:
        assert isinstance(items[1], InputError)
        assert str(items[1]).endswith(":2: too large; the limit is 1 kB (1000 bytes) per text")
    assert items[2].text == "Bitung"
    assert isinstance(items[3], InputError) and ":4: too large" in str(items[3])
    assert len(items) == 4


def test_jsonl_binary_file_gives_one_error(tmp_path):
    path = tmp_path / "photo.jsonl"
    path.write_bytes(png_bytes() * 20)
    (err,) = load_documents([path])
    assert "binary" in str(err)


# --------------------------------------------------------------------------- URLs

PAGES = {
    "/world/troops.html": ("text/html; charset=utf-8", (DATA / "news_page.html").read_bytes()),
    "/plain/kabar.txt": ("text/plain; charset=windows-1252", "Kabar dari Kupang – “aman”.".encode("cp1252")),
    "/": ("text/plain", b"Home page text about Bandung."),
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        ctype, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_html_url(server):
    (doc,) = load_documents([f"{server}/world/troops.html"], timeout=10)
    assert isinstance(doc, Document), doc
    assert doc.id == "troops"
    assert doc.title == "Troops reach Kursk region, officials say"
    # The page's canonical URL wins over the address it was fetched from.
    assert doc.url == "https://news.example.org/world/2024/10/troops-reach-kursk"
    assert "Vladivostok" in doc.text and "Copyright" not in doc.text


def test_fetch_text_url_with_declared_charset(server):
    (doc,) = load_documents([f"{server}/plain/kabar.txt"], timeout=10)
    assert doc.text == "Kabar dari Kupang – “aman”."
    assert doc.url == f"{server}/plain/kabar.txt"


def test_fetch_root_url_uses_host_as_id(server):
    (doc,) = load_documents([server + "/"], timeout=10)
    assert doc.id == "127.0.0.1"


def test_fetch_404_and_size_limit(server):
    (err,) = load_documents([f"{server}/missing"], timeout=10)
    assert str(err) == f"could not fetch URL: {server}/missing: HTTP 404 Not Found"
    (err,) = load_documents([f"{server}/world/troops.html"], timeout=10, max_bytes=100)
    assert "too large" in str(err) and "100 bytes" in str(err)


def test_unreachable_url_is_clear_error(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # The port is free again, so nothing listens there.
    (tmp_path / "ok.txt").write_text("Kendari", encoding="utf-8")
    items = list(load_documents([f"http://127.0.0.1:{port}/news", tmp_path / "ok.txt"], timeout=5))
    assert isinstance(items[0], InputError)
    assert str(items[0]).startswith(f"could not fetch URL: http://127.0.0.1:{port}/news: ")
    assert "refused" in str(items[0]).lower()
    assert items[1].text == "Kendari"


def test_url_timeout_is_clear_error():
    # A server that accepts the connection but never answers.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        (err,) = load_documents([f"http://127.0.0.1:{port}/slow"], timeout=0.5)
    assert str(err) == f"could not fetch URL: http://127.0.0.1:{port}/slow: timed out after 0.5 s"


def test_month_table_reads_dates_as_dateparser_does():
    import dateparser

    from geomap.ingest.dates import date_by_table

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"}
    read = 0
    for w in ("January", "Jan.", "Januari", "Sept.", "mei", "AGUSTUS", "Des", "Nov", "Monday", "Senin"):
        for d in ("1", "09", "23", "29", "31", "32"):
            for y in ("2024", "1899"):
                for c in (f"{d} {w} {y}", f"{d}. {w}, {y}", f"{w} {d}, {y}", f"{w} {d}rd {y}", f"{w} {d}th, {y}"):
                    got = date_by_table(c)
                    if got is None:  # not a month the table knows: dateparser's to read
                        continue
                    read += 1
                    p = dateparser.parse(c, languages=["en", "id"], settings=settings)
                    want = p.date() if p is not None and 1900 <= p.year <= 2100 else None
                    assert (got or None) == want, c
    assert read > 300


def test_a_dateline_is_read_without_dateparser():
    import subprocess
    import sys

    code = ("import sys; from geomap.ingest import find_date; "
            "print(find_date('KYIV, Oct. 24th, 2024 (Reuters) - ...'), find_date('Jakarta, 5 Agustus 2024'), "
            "'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["2024-10-24", "2024-08-05", "False"]
