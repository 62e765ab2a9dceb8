"""The map's own words in the reader's language: the data files (one key set, nothing
unused), dates and plurals as each language writes them, the choice of language
(document, --ui-lang, ui_lang=, English for a language without data, an error for a code
that names none), escaping of translations, and place labels in the article's spelling."""
from __future__ import annotations

import dataclasses
import html
import json
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixtures_results import seed_result
from geomap.cli import cli
from geomap.render import render_html
from geomap.render import ui as ui_mod
from geomap.render.palette import CATEGORIES, CERTAINTY_DASH
from geomap.render.story import ROLES
from geomap.render.ui import UI

ROOT = Path(__file__).resolve().parent.parent
NINE = ("en", "id", "ru", "uk", "de", "fr", "es", "pl", "cs")


def _data(code: str) -> dict:
    return json.loads((ui_mod.UI_DIR / f"{code}.json").read_text(encoding="utf-8"))


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def _templates(value) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [value]


def test_nine_languages_have_interface_words():
    assert set(NINE) <= set(ui_mod.languages())


@pytest.mark.parametrize("code", NINE)
def test_every_language_has_every_key_with_the_same_blanks(code):
    en, got = _data("en"), _data(code)
    assert set(got) == set(en), (set(en) - set(got), set(got) - set(en))
    for key, value in got.items():
        assert isinstance(value, type(en[key])), key
        if isinstance(value, dict):
            assert "other" in value, key  # every number falls back to "other"
            assert set(value) <= {"zero", "one", "two", "few", "many", "other"}, key
        want = set().union(*(_fields(t) for t in _templates(en[key])))
        for t in _templates(value):
            assert t.strip(), key
            if not key.startswith("date."):
                assert _fields(t) == want, (code, key, t)


def test_no_key_is_unused():
    py = "".join(p.read_text(encoding="utf-8") for p in
                 [*(ROOT / "geomap" / "render").glob("*.py"), ROOT / "geomap" / "render_corpus.py"])
    js = (ROOT / "geomap" / "render" / "runtime.js").read_text(encoding="utf-8") + py
    # Keys built from a prefix and a value of the grammar: the values that exist.
    dynamic = {"cat.": {c.key for c in CATEGORIES}, "role.": set(ROLES), "role_lc.": set(ROLES),
               "cert.": set(CERTAINTY_DASH) | {"reported"}}
    for prefix in dynamic:
        assert f'"{prefix}"' in py or f"'{prefix}" in py or f'"{prefix}' in py, prefix
    unused = []
    for key in _data("en"):
        if key.startswith("js."):
            name = key[3:]
            used = re.search(rf'(say_?\("{name}"|W\.{name}\b)', js)
        else:
            prefix = next((p for p in dynamic if key.startswith(p)), None)
            used = (f'"{key}"' in py or f"'{key}'" in py or
                    (prefix is not None and key[len(prefix):] in dynamic[prefix]))
        if not used:
            unused.append(key)
    assert unused == []


@pytest.mark.parametrize("code,day,month", [
    ("en", "18 Oct 2024", "October 2024"),
    ("id", "18 Okt 2024", "Oktober 2024"),
    ("ru", "18 октября 2024", "октябрь 2024"),
    ("uk", "18 жовтня 2024", "жовтень 2024"),
    ("de", "18. Okt. 2024", "Oktober 2024"),
    ("fr", "18 oct. 2024", "octobre 2024"),
    ("es", "18 oct 2024", "octubre de 2024"),
    ("pl", "18 października 2024", "październik 2024"),
    ("cs", "18. října 2024", "říjen 2024"),
])
def test_dates_as_each_language_writes_them(code, day, month):
    ui = UI(code)
    assert ui.date(2024, 10, 18) == day
    assert ui.date(2024, 10) == month
    assert ui.date(2024) == "2024"


@pytest.mark.parametrize("code,n,words", [
    ("en", 1, "1 report"), ("en", 2, "2 reports"),
    ("ru", 1, "1 сообщение"), ("ru", 3, "3 сообщения"), ("ru", 5, "5 сообщений"), ("ru", 21, "21 сообщение"),
    ("uk", 11, "11 повідомлень"), ("uk", 22, "22 повідомлення"),
    ("pl", 1, "1 doniesienie"), ("pl", 4, "4 doniesienia"), ("pl", 12, "12 doniesień"), ("pl", 22, "22 doniesienia"),
    ("cs", 1, "1 zpráva"), ("cs", 3, "3 zprávy"), ("cs", 5, "5 zpráv"),
    ("de", 2, "2 Meldungen"), ("fr", 1, "1 signalement"), ("es", 2, "2 informes"), ("id", 2, "2 laporan"),
])
def test_counts_agree_with_their_number(code, n, words):
    assert UI(code)("reports", n=n) == words


def test_large_numbers_are_grouped_as_the_language_does():
    assert UI("en").number(12000) == "12,000"
    assert UI("de").number(12000) == "12.000"
    assert UI("en").number(999) == "999"


def _seed(lang: str):
    r = seed_result()
    return dataclasses.replace(r, document=dataclasses.replace(r.document, lang=lang))


def _texts(page: str) -> str:
    """The page's visible words, markup and data block aside, unescaped."""
    body = page.split("<body>", 1)[1]
    body = re.sub(r"<script>.*?</script>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("code", NINE)
def test_the_page_speaks_the_documents_language(code):
    page = render_html([_seed(code)], tiles="none")
    ui = UI(code)
    assert f'<html lang="{code}">' in page
    words = _texts(page)
    for key in ("legend.colour", "legend.shape", "legend.dashes", "when.label", "when.all", "list.heading",
                "role.origin", "role.destination", "cat.troops", "cert.likely"):
        assert ui(key) in words, key
    assert ui("text.summary", movements=ui("count.movements", n=2), places=ui("count.places", n=13)) in words
    assert ui("when.upto", date=ui.date(2024, 12)) in words  # the filter's dates in words
    assert ui("according", source="NIS") in words
    if code != "en":
        for english in ("Colour: who or what", "Shape: the place's part", "All dates", "Text version"):
            assert english not in words, english
    data = json.loads(re.search(r'"lang":("[a-z]+")', page).group(1))
    assert data == code


def test_ui_lang_overrides_the_documents_language():
    page = render_html([_seed("en")], tiles="none", ui_lang="pl")
    assert '<html lang="pl">' in page and "Kolor: kto lub co" in _texts(page)
    page = render_html([_seed("ru")], tiles="none", ui_lang="EN-gb")
    assert '<html lang="en">' in page and "Colour: who or what" in _texts(page)


def test_a_language_without_interface_words_gets_english():
    assert "Colour: who or what" in _texts(render_html([_seed("it")], tiles="none"))
    assert "Colour: who or what" in _texts(render_html([_seed("ru")], tiles="none", ui_lang="it"))


@pytest.mark.parametrize("bad", ["xx", "klingon", "e1", ""])
def test_a_code_that_names_no_language_is_an_error(bad):
    with pytest.raises(ValueError, match="interface language"):
        render_html([_seed("en")], tiles="none", ui_lang=bad)


def test_the_api_takes_ui_lang():
    import geomap

    m = geomap.map(_seed("en"), tiles="none", ui_lang="cs")
    assert "Barva: kdo nebo co" in _texts(m.get_root().render())
    with pytest.raises(ValueError):
        geomap.map(_seed("en"), tiles="none", ui_lang="zz")


def test_cli_ui_lang(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Ukraine sent 300 soldiers from Kyiv to Lviv on 3 May 2024, officials said.", encoding="utf-8")
    out = tmp_path / "a.html"
    r = CliRunner().invoke(cli, ["map", str(src), "-o", str(out), "--tiles", "none", "--ui-lang", "uk"])
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="uk">' in page and "Колір: хто або що" in _texts(page)
    bad = CliRunner().invoke(cli, ["map", str(src), "-o", str(tmp_path / "b.html"), "--ui-lang", "xx"])
    assert bad.exit_code == 2
    assert [ln for ln in bad.output.splitlines() if "Error" in ln] == [
        ln for ln in bad.output.splitlines() if "--ui-lang" in ln and "'xx'" in ln]
    assert not (tmp_path / "b.html").exists()
    assert "Traceback" not in bad.output


HOSTILE = '<img src=x onerror="window.__pwned=1">{{7*7}}{%if 1%}x{%endif%}'


def hostile_ui(tmp_path, monkeypatch, code="it"):
    """A language whose every word is markup: the page must show it as text."""
    folder = tmp_path / "ui"
    folder.mkdir()
    for p in ui_mod.UI_DIR.glob("*.json"):
        (folder / p.name).write_bytes(p.read_bytes())
    bad = {}
    for key, value in _data("en").items():
        if key.startswith("date."):
            bad[key] = value
            continue
        def evil(t):
            return HOSTILE.replace("{", "{{").replace("}", "}}") + " " + " ".join("{%s}" % f for f in sorted(_fields(t)))
        bad[key] = {k: evil(t) for k, t in value.items()} if isinstance(value, dict) else evil(value)
    (folder / f"{code}.json").write_text(json.dumps(bad), encoding="utf-8")
    monkeypatch.setattr(ui_mod, "UI_DIR", folder)
    ui_mod._load.cache_clear()
    return code


def test_translations_are_escaped(tmp_path, monkeypatch):
    code = hostile_ui(tmp_path, monkeypatch)
    try:
        page = render_html([_seed("en")], tiles="none", ui_lang=code)
    finally:
        ui_mod._load.cache_clear()
    assert "<img" not in page
    assert "&lt;img src=x" in page  # shown, as text
    assert "\\u003cimg" in page  # the browser's words, JSON-escaped in the data block
    assert "{{7*7}}{%if 1%}x{%endif%}" in _texts(page)  # never run as a template


def test_corpus_map_speaks_the_corpus_language(tmp_path):
    from geomap.batch import run
    from geomap.render_corpus import render_corpus_html

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"d{i}", "lang": "de", "date": "2024-05-0%d" % (i + 1),
                                        "text": "Soldaten wurden von Berlin nach Vilnius verlegt."}) + "\n"
                            for i in range(3)), encoding="utf-8")
    run([str(feed)], tmp_path / "out", scheduler="sync", quiet=True)
    page = render_corpus_html(tmp_path / "out", tiles="none")
    words = _texts(page)
    assert '<html lang="de">' in page and "Häufigste Routen" in words and "Wer oder was" in words
    page = render_corpus_html(tmp_path / "out", tiles="none", ui_lang="fr")
    assert "Itinéraires les plus fréquents" in _texts(page)
    with pytest.raises(ValueError):
        render_corpus_html(tmp_path / "out", tiles="none", ui_lang="xx")


# Labels: the article's spelling, inflected forms led back to the gazetteer's name in
# the language, and a place named only by a demonym under its name in the language.
LABELS = {
    "uk": ("До Одеси прибули рятувальники зі Львова, а в Харківській області тривали обстріли. "
           "Сирійські дипломати приїхали до Києва.",
           {"Одеса", "Львів", "Харківська область", "Київ", "Сирія"}),
    "ru": ("Колонна вышла из Харькова и направилась в Херсонскую область. Турецкие дипломаты прибыли в Москву.",
           {"Харьков", "Херсонская область", "Москва", "Турция"}),
    "pl": ("Uchodźcy przyjechali z Charkowa do Krakowa, a pomoc trafiła do Odessy i do Niemiec.",
           {"Charków", "Kraków", "Odessa", "Niemcy"}),
    "cs": ("Uprchlíci přijeli z Oděsy do Brna a pak pokračovali do Německa.", {"Oděsa", "Brno", "Německo"}),
    "de": ("Die Armee Russlands zog Truppen aus Charkiw ab und verlegte sie in den Irak.",
           {"Russland", "Charkiw", "Irak"}),
}


@pytest.mark.parametrize("code", sorted(LABELS))
def test_labels_in_the_articles_spelling(gaz, code):
    import geomap
    from geomap.render.story import build_story

    text, want = LABELS[code]
    res = geomap.extract(text, code, gazetteer=gaz)
    labels = {pv.label for pv in build_story([res], gazetteer=gaz).places}
    assert want <= labels, (want - labels, labels)


def test_english_labels_keep_their_rules(gaz):
    import geomap
    from geomap.render.story import build_story

    res = geomap.extract("Troops moved from Usurisk to Vladivostok.", "en", gazetteer=gaz)
    labels = {pv.label for pv in build_story([res], gazetteer=gaz).places}
    assert {"Ussuriysk", "Vladivostok"} <= labels


def test_what_moved_is_named_in_the_interface_language():
    from geomap.models import Event, Span
    from geomap.render.words import movement_summary

    ev = Event("movement", Span(0, 1, "x"), what="troops", quantity="1,500", quantity_value=1500.0,
               date="2024-10-18", source="NIS")
    assert movement_summary(ev, "A", "B") == "1,500 troops · A → B · 18 Oct 2024 · according to NIS"
    assert movement_summary(ev, "A", "B", UI("ru")) == "Войска: 1,500 · A → B · 18 октября 2024 · по данным: NIS"
    assert movement_summary(dataclasses.replace(ev, quantity=None, quantity_value=None), "A", "B",
                            UI("de")).startswith("Truppen · A → B · 18. Okt. 2024")
    # the article's own words for what moved stay as written
    own = dataclasses.replace(ev, what="сапёры", quantity=None, quantity_value=None)
    assert movement_summary(own, "A", "B", UI("ru")).startswith("сапёры · A → B")


def test_corpus_routes_are_named_as_the_corpus_writes_them(tmp_path):
    from geomap.batch import run
    from geomap.render_corpus import render_corpus_html

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"d{i}", "date": "2024-05-0%d" % (i + 1),
                                        "text": "Des soldats ont été envoyés de Moscou vers Londres, a indiqué "
                                                "le ministère."}) + "\n" for i in range(3)), encoding="utf-8")
    run([str(feed)], tmp_path / "out", scheduler="sync", quiet=True)
    page = render_corpus_html(tmp_path / "out", tiles="none")
    assert '<html lang="fr">' in page
    assert '"d":"Londres"' in page and '"o":"Moscou"' in page
    assert '"Moscow"' not in page and '"London"' not in page
