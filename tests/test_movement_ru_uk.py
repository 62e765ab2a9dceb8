"""Movements in Russian and Ukrainian (issue 11): words are read as lemmas through pymorphy3, and the case of
the word after в/на/с/з tells a destination from a location or an origin. Sentences written for these tests."""
from __future__ import annotations

import pytest

import geomap
from geomap.events import load_cues, parse_number
from geomap.models import Document

from test_languages import PARAGRAPHS


def _moves(text: str, gaz, lang: str):
    r = geomap.extract(Document(text=text, lang=lang, date="2024-10-18"), lang=lang, gazetteer=gaz)

    def name(pid):
        return r.place(pid).place.name if pid else None

    return [(name(e.origin), name(e.destination), e.mover) for e in r.events if e.kind == "movement"]


def test_russian_paragraph_movements(gaz):
    text = PARAGRAPHS["ru"][0]
    assert _moves(text, gaz, "ru") == [("Kharkiv", "Poland", "Украинские беженцы"),
                                       ("Belgorod", "Kursk Oblast", "технику")]


def test_ukrainian_paragraph_movements(gaz):
    text = PARAGRAPHS["uk"][0]
    assert _moves(text, gaz, "uk") == [("Lviv", "Odesa", "рятувальники"), ("Bakhmut", "Pokrovsk", "війська")]


@pytest.mark.parametrize("lang, text, route", [
    # every inflected form of a listed lemma counts: прилетела, прибывают, вывезли, евакуювали, повернулися
    ("ru", "Делегация прилетела в Москву.", (None, "Moscow")),
    ("ru", "В Берлин из Варшавы ежедневно прибывают тысячи беженцев.", ("Warsaw", "Berlin")),
    ("ru", "Из Херсона спасатели вывезли 1 300 человек в Николаев.", ("Kherson", "Mykolayiv")),
    ("uk", "З Вовчанська до Харкова евакуювали 180 мешканців.", ("Vovchansk", "Kharkiv")),
    ("uk", "Мешканці повернулися в Україну з Польщі.", ("Poland", "Ukraine")),
])
def test_inflected_verbs_and_cases(gaz, lang, text, route):
    assert route in {m[:2] for m in _moves(text, gaz, lang)}


@pytest.mark.parametrize("lang, text", [
    ("ru", "Делегация находится в Москве."),  # locative: where they are, not where they go
    ("ru", "Украина подписала соглашение с Польшей."),  # "с" + instrumental is "with", no origin
    ("ru", "Министр выступил на конференции в Женеве."),
    ("uk", "Письменник народився в Одесі, а живе в Берліні."),
])
def test_no_movement(gaz, lang, text):
    assert _moves(text, gaz, lang) == []


def test_accusative_goes_there_locative_is_there(gaz):
    assert _moves("Войска перебросили в Курскую область.", gaz, "ru") == [(None, "Kursk Oblast", "Войска")]
    assert _moves("Войска перебросили в Курской области.", gaz, "ru") == []


def test_genitive_after_s_is_the_origin(gaz):
    assert ("Ukraine", "Poland") in {m[:2] for m in _moves("С Украины в Польшу въехали 15 000 человек.", gaz, "ru")}


def test_numbers_in_groups_of_three_and_scale_words():
    ru, uk = load_cues("ru"), load_cues("uk")
    assert parse_number("50 294", ru) == 50294
    assert parse_number("1,2 млн", ru) == 1_200_000
    assert parse_number("2 тисячі", uk) == 2000
    assert parse_number("два", ru) == 2 and parse_number("двух", ru) == 2  # a number word in any case


def test_quantity_of_a_russian_movement(gaz):
    r = geomap.extract(Document(text="С Украины в Польшу въехали 15 000 человек.", lang="ru"), lang="ru", gazetteer=gaz)
    ev = [e for e in r.events if e.kind == "movement"]
    assert len(ev) == 1 and float(ev[0].quantity_value) == 15000


def test_lemma_prefers_the_reading_the_data_lists():
    ru = load_cues("ru")
    assert ru.lemma("прибыли") == "прибыть"  # not "прибыль" (profit), the likelier reading
    assert ru.lemma("марта") == "март"


def test_a_country_name_is_no_everyday_word_and_no_demonym(gaz):
    r = geomap.extract("Біженці з України прибули до Польщі з Білорусі.", lang="uk", gazetteer=gaz, events=False)
    got = {(m.text, p.place.name, m.demonym) for p in r.places for m in p.mentions}
    assert got == {("України", "Ukraine", False), ("Польщі", "Poland", False), ("Білорусі", "Belarus", False)}
    r = geomap.extract("Кілька білорусів перетнули кордон.", lang="uk", gazetteer=gaz, events=False)
    assert {(m.text, m.demonym) for p in r.places for m in p.mentions} == {("білорусів", True)}


@pytest.mark.parametrize("lang, text, places", [
    # a country closing an organisation's name is part of the name, as the real excerpts annotate
    ("uk", "Служба безпеки України затримала агента. Біженці прибули до України.", [("України", 1)]),
    ("ru", "Об этом сообщило Минобороны РФ. Самолёт вылетел в РФ.", [("РФ", 1)]),
    # a word whose every reading is a given name is a person, not the town of that name
    ("uk", "Мати чекала сина Івана у Харкові.", [("Харкові", 0)]),
    # a capitalised adjective on a common noun names no place; a demonym stays one
    ("uk", "Радниця Української мережі приїхала до Києва.", [("Києва", 0)]),
    # a one-letter capital preposition after a date starts no name
    ("uk", "2025-10-28 У Покровську знову стріляли.", [("Покровську", 0)]),
    # a place in a case form after its preposition is no part of the name after it
    ("ru", "Переселенец из Купянска Виктор Вертиев уехал.", [("Купянска", 0)]),
])
def test_case_form_names_in_context(gaz, lang, text, places):
    r = geomap.extract(text, lang=lang, gazetteer=gaz, events=False)
    got = sorted((m.start, m.text) for p in r.places for m in p.mentions if not m.demonym)
    want = []
    for s, nth in places:  # the nth occurrence of s
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(s, pos + 1)
        want.append((pos, s))
    assert got == want


def test_genitive_list_gives_every_origin_and_cyrillic_name_is_no_english_demonym(gaz):
    # "Сомали" folds to "somali", the English demonym; in Cyrillic it is the country's own name
    text = "За сутки в Польшу пытались попасть 107 иностранцев, в том числе граждане Сомали, Индии и Афганистана."
    assert {m[:2] for m in _moves(text, gaz, "ru")} == {("Somalia", "Poland"), ("India", "Poland"),
                                                        ("Afghanistan", "Poland")}


def test_a_group_told_to_be_somewhere_sets_out_from_there(gaz):
    text = ("Освобождённые военнослужащие находятся на территории Белоруссии. "
            "Всех освобождённых бойцов доставят в Россию.")
    assert ("Belarus", "Russia") in {m[:2] for m in _moves(text, gaz, "ru")}


def test_quoted_name_keeps_its_preposition(gaz):
    assert ("Istanbul", "Chornomors’k") in {m[:2] for m in _moves(
        'Балкер вийшов зі Стамбула і прямує до порту "Чорноморськ".', gaz, "uk")}


def test_lower_case_russia_in_ukrainian_and_a_name_the_language_data_adds(gaz):
    # Ukrainian outlets write "росія" in lower case; "Чорнобиль" is in the language file's names
    r = geomap.extract("Шахта зупинилася через наступ росії. Захисники були на Азовсталі та в Чорнобилі.",
                       lang="uk", gazetteer=gaz, events=False)
    assert {(m.text, p.place.name) for p in r.places for m in p.mentions} >= {("росії", "Russia"),
                                                                            ("Чорнобилі", "Chornobyl")}


def test_taking_people_in_is_their_arrival(gaz):
    assert _moves("Германия приняла 800 тысяч беженцев из Украины.", gaz, "ru") == [
        ("Ukraine", "Germany", "800 тысяч беженцев")]
    assert ("Ukraine", "Germany") in {m[:2] for m in _moves(
        "В Германии зарегистрировано 50 294 беженца из Украины.", gaz, "ru")}
    # a law moves nowhere: Poland is no destination
    assert not [m for m in _moves("Польша приняла закон о беженцах из Украины.", gaz, "ru") if m[1] == "Poland"]


def test_people_who_left_a_country_named_by_demonym_set_out_from_it(gaz):
    text = ("Багато українців змушені покинути свої домівки та тікати за кордон. "
            "Велика кількість людей отримує прихисток у Німеччині.")
    assert ("Ukraine", "Germany") in {m[:2] for m in _moves(text, gaz, "uk")}


def test_refugees_now_in_other_countries_went_there(gaz):
    text = ("Сотни тысяч украинцев стали беженцами. "
            "Подавляющее их большинство находятся в Польше (около полумиллиона), Словакии и Венгрии.")
    routes = {m[:2] for m in _moves(text, gaz, "ru")}
    assert {("Ukraine", "Poland"), ("Ukraine", "Slovakia"), ("Ukraine", "Hungary")} <= routes
    # without refugees leaving a country first, people somewhere are only there
    assert _moves("Подавляющее большинство туристов находятся в Польше и Словакии.", gaz, "ru") == []
