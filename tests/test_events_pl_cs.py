"""Movements in Polish and Czech (issue 11): one test per rule the events stage needed for them.

The cue words are lemmas (geomap/data/events/pl.json, cs.json) matched through simplemma, the cases the
prepositions take are data, and what simplemma cannot tell ("na Litwę" / "na Litwie") is decided by the verb.
Each sentence runs end to end through geomap.extract with the real gazetteer; places are compared by name.
"""
from __future__ import annotations

import pytest

import geomap
from geomap.models import Document
from geomap.sentences import split_sentences


def _moves(text: str, gaz, lang: str):
    r = geomap.extract(Document(text=text, lang=lang, date="2024-09-16"), lang=lang, gazetteer=gaz)

    def name(pid):
        return r.place(pid).place.name if pid else None

    return r, [(name(e.origin), name(e.destination), e) for e in r.events if e.kind == "movement"]


def _routes(text: str, gaz, lang: str) -> set:
    return {(o, d) for o, d, _ in _moves(text, gaz, lang)[1]}


@pytest.mark.parametrize("text,lang", [
    ("Uchodźcy przybyli do Przemyśla ze Lwowa.", "pl"),
    ("Do Przemyśla ze Lwowa przybyło 800 uchodźców.", "pl"),
    ("Uchodźcy przybywają do Przemyśla ze Lwowa.", "pl"),
    ("Uprchlíci přijeli do Přemyšlu ze Lvova.", "cs"),
    ("Do Přemyšlu ze Lvova přijíždějí uprchlíci.", "cs"),
])
def test_every_inflected_form_of_a_listed_lemma_is_a_movement(gaz, text, lang):
    # the data lists "przybyć"/"przybywać" and "přijet"/"přijíždět" only
    assert ("Lviv", "Przemyśl") in _routes(text, gaz, lang)


@pytest.mark.parametrize("text,lang,route", [
    ("Niemcy wyślą na Litwę brygadę żołnierzy.", "pl", ("Germany", "Lithuania")),
    ("Na Litwę trafiło 500 niemieckich żołnierzy.", "pl", ("Germany", "Lithuania")),
    ("Na Slovensko v pondělí přijelo 300 českých vojáků.", "cs", ("Czech Republic", "Slovakia")),
])
def test_na_is_a_destination_beside_a_movement_verb(gaz, text, lang, route):
    assert route in _routes(text, gaz, lang)


@pytest.mark.parametrize("text,lang", [
    ("Niemieccy żołnierze walczą na Litwie.", "pl"),
    ("Ukrajinští uprchlíci čekají na Slovensku.", "cs"),
])
def test_na_without_a_movement_verb_is_where(gaz, text, lang):
    assert _routes(text, gaz, lang) == set()


def test_a_czech_verb_negated_by_its_prefix_is_no_movement(gaz):
    assert ("Odesa", "Brno") in _routes("Uprchlíci přijeli z Oděsy do Brna.", gaz, "cs")
    assert _routes("Uprchlíci nepřijeli z Oděsy do Brna.", gaz, "cs") == set()


def test_a_verb_without_its_subject_goes_on_with_the_group_before(gaz):
    text = "Z Ukrajiny utekly statisíce lidí. Nejčastěji směřují do Polska, na Slovensko a do Česka."
    assert {("Ukraine", "Poland"), ("Ukraine", "Slovakia"), ("Ukraine", "Czech Republic")} <= _routes(text, gaz, "cs")


def test_na_inside_a_list_of_destinations_is_one_more_destination(gaz):
    routes = _routes("Uprchlíci míří do Polska, na Slovensko a do Maďarska.", gaz, "cs")
    assert {d for _, d in routes} == {"Poland", "Slovakia", "Hungary"}


def test_a_preposition_on_a_weekday_says_when(gaz):
    # "w niedzielę" must not make Kłodzko a location: the residents of Kłodzko are the ones moved
    routes = _routes("Strażacy ewakuowali w niedzielę ponad 1500 mieszkańców Kłodzka do Nysy.", gaz, "pl")
    assert routes == {("Kłodzko", "Nysa")}


def test_z_after_a_border_is_with_unless_a_route_goes_on(gaz):
    assert _routes("Ukraińscy jeńcy wrócili z Rosji na Ukrainę po wymianie na granicy z Białorusią.", gaz,
                   "pl") == {("Russia", "Ukraine")}
    assert ("Belarus", "Poland") in _routes("Migranci przekroczyli granicę z Białorusi do Polski.", gaz, "pl")


def test_the_instrumental_noun_is_how_they_travelled_not_who(gaz):
    _, moves = _moves("Mieszkańców Głuchołaz przewieziono autobusami do Nysy.", gaz, "pl")
    assert [(o, d, e.what) for o, d, e in moves] == [("Głuchołazy", "Nysa", "civilians")]


@pytest.mark.parametrize("text,lang,route", [
    ("Tłumy czekały na dworcu we Lwowie, skąd uchodźcy wyjeżdżali do Polski.", "pl", ("Lviv", "Poland")),
    ("Vojáci vtrhli do Charkova, odkud uprchlíci odjížděli do Polska.", "cs", ("Kharkiv", "Poland")),
])
def test_whence_starts_the_movement_at_the_place_before(gaz, text, lang, route):
    assert route in _routes(text, gaz, lang)


def test_a_list_after_from_there_keeps_that_legs_origin(gaz):
    text = "Trwa ewakuacja ludności autobusami do Chersonia, a następnie do Mikołajewa, a stamtąd do Odessy i Kijowa."
    routes = _routes(text, gaz, "pl")  # GeoNames spells the city "Mykolayiv"
    assert {("Kherson", "Mykolayiv"), ("Mykolayiv", "Odesa"), ("Mykolayiv", "Kyiv")} <= routes
    assert ("Kherson", "Odesa") not in routes


@pytest.mark.parametrize("text,lang", [
    ("Ewakuacja ludności do Chersonia trwa.", "pl"),
    ("Vrátil se do Chersonu.", "cs"),
])
def test_a_case_form_alone_is_the_city_not_the_oblast_of_its_name(gaz, text, lang):
    r = geomap.extract(text, lang=lang, gazetteer=gaz, events=False)
    assert [(p.place.name, p.place.kind) for p in r.places] == [("Kherson", "city")]


def test_abbreviations_do_not_end_a_polish_or_czech_sentence():
    pl = "Do obwodu kurskiego trafiło ok. 10 tys. żołnierzy. Wcześniej przewieziono ich koleją."
    cs = "Do Česka přišlo cca 270 tis. lidí. Většina zůstala."
    assert len(split_sentences(pl, "pl")) == 2
    assert len(split_sentences(cs, "cs")) == 2


def test_a_lower_case_demonym_does_not_make_the_country_a_demonym(gaz):
    r = geomap.extract("Kolejka utworzyła się po stronie polskiej. Ci, którzy do Polski chcą wjechać, czekają.",
                       lang="pl", gazetteer=gaz, events=False)
    flags = {m.text: m.demonym for p in r.places for m in p.mentions}
    assert flags == {"polskiej": True, "Polski": False}


@pytest.mark.parametrize("text,lang,route,source", [
    ("Do Polski z Ukrainy wjechało 156 tysięcy uchodźców - poinformowała w niedzielę Straż Graniczna.", "pl",
     ("Ukraine", "Poland"), "Straż Graniczna"),
    ("Do Česka přijelo z Ukrajiny přes 100 tisíc uprchlíků, uvedlo ve čtvrtek ministerstvo vnitra.", "cs",
     ("Ukraine", "Czech Republic"), "ministerstvo vnitra"),
])
def test_an_inverted_speech_verb_with_a_day_names_its_source_after_the_day(gaz, text, lang, route, source):
    _, moves = _moves(text, gaz, lang)
    found = [e for o, d, e in moves if (o, d) == route]
    assert found and found[0].source == source


def test_another_group_leaving_completes_no_arrival_told_before(gaz):
    text = "Uchodźcy przyjechali do Niemiec z Charkowa. Syryjscy żołnierze wycofali się z Aleppo."
    routes = _routes(text, gaz, "pl")
    assert ("Kharkiv", "Germany") in routes and ("Aleppo", "Germany") not in routes


def test_a_town_in_a_case_form_between_a_title_and_a_given_name_is_the_town(gaz):
    # "Burmistrz Kłodzka Michał Piszko": Kłodzko's mayor; the town stays a place in every mention
    text = "Burmistrz Kłodzka Michał Piszko apeluje o spokój. Woda zalała centrum Kłodzka."
    r = geomap.extract(text, lang="pl", gazetteer=gaz, events=False)
    assert [(m.text, p.place.name) for p in r.places for m in p.mentions] == [("Kłodzka", "Kłodzko"),
                                                                               ("Kłodzka", "Kłodzko")]


def test_a_short_word_after_a_unit_word_names_no_region(gaz):
    r = geomap.extract("Ukraińcy pracują w naszym kraju od lat.", lang="pl", gazetteer=gaz, events=False)
    assert [m.text for p in r.places for m in p.mentions if not m.demonym] == []


@pytest.mark.parametrize("text,lang,route", [
    ("Już ponad milion uchodźców z Ukrainy przekroczyło granicę z Polską.", "pl", ("Ukraine", "Poland")),
    ("Uprchlíci ze Sýrie se pokoušejí překročit hranice Polska.", "cs", ("Syria", "Poland")),
    ("Od wybuchu wojny granicę w pobliskiej Medyce przekroczyło 30 tys. osób.", "pl", (None, "Medyka")),
])
def test_a_crossing_ends_in_the_country_whose_border_it_crosses_or_at_the_crossing_point(gaz, text, lang, route):
    assert route in _routes(text, gaz, lang)


def test_a_preposition_on_a_time_noun_governs_no_place(gaz):
    # "od wybuchu wojny" is "since the war began": Medyka is where they crossed, not where they came from
    assert ("Medyka", None) not in _routes("Od wybuchu wojny granicę w Medyce przekroczyło 30 tys. osób.", gaz, "pl")


def test_the_flag_a_ship_flies_is_no_destination(gaz):
    assert _routes("Płynący pod banderą Sierra Leone statek wypłynął z Odessy.", gaz, "pl") == {("Odesa", None)}


def test_a_subjectless_clause_moves_the_main_clauses_group_from_where_it_came(gaz):
    text = ("Několik tisíc migrantů, převážně z Blízkého východu, táboří u hranic v naději, že se dostanou do "
            "Polska.")
    assert ("Middle East", "Poland") in _routes(text, gaz, "cs")


def test_an_origin_where_the_last_movement_ended_starts_a_new_movement(gaz):
    # the refugees streaming out of Ukraine are not an arrival in Ukraine; "jich" goes on from Ukraine
    text = ("Ruští vojáci vtrhli na Ukrajinu, odkud začali proudit uprchlíci do okolních zemí. "
            "Desetitisíce jich zamířily do Česka.")
    routes = _routes(text, gaz, "cs")
    assert ("Ukraine", "Czech Republic") in routes and ("Russia", "Czech Republic") not in routes


def test_also_between_two_places_keeps_them_one_list(gaz):
    text = "Uprchlíci ze Sýrie se pokoušejí překročit hranice Polska a zároveň i Německa."
    assert {("Syria", "Poland"), ("Syria", "Germany")} <= _routes(text, gaz, "cs")


def test_a_border_with_a_country_crossed_from_nowhere_told_names_only_the_border(gaz):
    text = "Odnotowano około 2,5 tysiąca prób nielegalnego przekroczenia granicy z Białorusią."
    assert not any(d == "Belarus" for _, d in _routes(text, gaz, "pl"))


def test_an_invasion_keeps_its_origin_when_refugees_then_leave_the_invaded_country(gaz):
    text = "Ruští vojáci vtrhli na Ukrajinu, odkud okamžitě začali proudit uprchlíci do okolních zemí."
    routes = _routes(text, gaz, "cs")
    assert ("Russia", "Ukraine") in routes and ("Ukraine", None) in routes


def test_a_multi_word_town_of_the_languages_own_country_is_read_in_its_case_forms(gaz):
    r = geomap.extract("Wodę stracili mieszkańcy Stronia Śląskiego i Lądka-Zdroju.", lang="pl", gazetteer=gaz,
                       events=False)
    assert [(m.text, p.place.name) for p in r.places for m in p.mentions] == [
        ("Stronia Śląskiego", "Stronie Śląskie"), ("Lądka-Zdroju", "Lądek-Zdrój")]


def test_a_bare_place_noun_after_a_preposition_points_back_to_the_topic(gaz):
    # Czech has no article: "do země" ("into the country") is the country the sentence is about
    assert ("Syria", "Austria") in _routes(
        "Rakousko oznámilo, že do země v pondělí přijelo dvě stě uprchlíků ze Sýrie.", gaz, "cs")


def test_a_bare_place_noun_does_not_point_back_to_a_place_inside_a_phrase(gaz):
    # Hungary is only the other side of a border here; the country the smugglers lure people into is untold
    text = ("Tisíce migrantů čekají u hranice s Maďarskem. Převaděči lákají migranty do země a posílají je dál.")
    assert not any(d == "Hungary" for _, d in _routes(text, gaz, "cs"))


def test_a_wave_of_migrants_from_a_country_is_where_the_next_arrivals_come_from(gaz):
    text = ("Německo se připravuje na vlnu migrantů z Afghánistánu. Do země by mohlo dorazit deset tisíc lidí.")
    assert ("Afghanistan", "Germany") in _routes(text, gaz, "cs")


@pytest.mark.parametrize("text,route", [
    ("Ukrajina předala Rusku čtyřicet zajatých vojáků.", ("Ukraine", "Russia")),
    # the subject is dropped; the clause opens with the recipient, a name in the dative, not the nominative
    ("Ministerstvo oznámilo, že Rusku předalo čtyřicet zajatých vojáků.", (None, "Russia")),
])
def test_the_recipient_of_a_handover_in_the_dative_is_where_it_goes(gaz, text, route):
    assert route in _routes(text, gaz, "cs")


def test_a_name_in_the_nominative_opening_the_clause_is_the_subject_not_where_it_goes(gaz):
    assert not any(d == "Ukraine" for _, d in _routes("Ministerstvo oznámilo, že Ukrajina předala čtyřicet zajatých vojáků.", gaz, "cs"))


@pytest.mark.parametrize("text", [
    "Vídeň/Budapešť - Rakouská policie zadržela skupinu migrantů, kteří se pokusili překročit hranici z Maďarska.",
    "Vídeň - Rakouská policie zadržela skupinu migrantů, kteří se pokusili překročit hranici z Maďarska.",
])
def test_a_lower_case_agency_dateline_is_no_end_of_a_movement(gaz, text):
    # where the story was filed: the migrants crossing from Hungary did not go to Vienna or Budapest
    assert not any(d in ("Vienna", "Budapest") for _, d in _routes(text, gaz, "cs"))


def test_a_place_before_a_dash_inside_a_line_is_not_a_dateline(gaz):
    assert ("Odesa", "Brno") in _routes("Uprchlíci z Oděsy přijeli do Brna - a zůstanou tam.", gaz, "cs")


def test_going_back_starts_where_the_story_last_took_the_same_mover(gaz):
    text = "Před lety odjel za prací do Německa. Měl tam rodinu. Loni se vrátil do Brna."
    assert ("Germany", "Brno") in _routes(text, gaz, "cs")


def test_going_back_does_not_start_where_another_group_went(gaz):
    text = "Vojáci odjeli do Polska. Uprchlíci se vrátili do Brna."
    assert ("Poland", "Brno") not in _routes(text, gaz, "cs")


def test_a_trip_named_by_its_noun_after_a_dash_is_the_trip_of_the_group_counted_before(gaz):
    text = ("Policii se přihlásilo pět set syrských uprchlíků – hlásit se musí do tří dnů od příjezdu do Rakouska.")
    assert ("Syria", "Austria") in _routes(text, gaz, "cs")


@pytest.mark.parametrize("text", [
    "Maďarští policisté vytlačili desítky migrantů do Srbska.",
    # the accuser named first is not who pushes: the last demonym before the verb is
    "Rakouská vláda obvinila maďarské policisty, že vytlačují migranty do Srbska.",
])
def test_a_push_back_starts_in_the_country_of_those_who_push(gaz, text):
    routes = _routes(text, gaz, "cs")
    assert ("Hungary", "Serbia") in routes and ("Austria", "Serbia") not in routes


@pytest.mark.parametrize("text", [
    "W Medyce (Podkarpackie) granicę przekroczyło w sobotę 2000 uchodźców.",
    "Przez przejście w Dorohusku (Lubelskie) w nocy granicę przekroczyło 500 osób.",
])
def test_a_region_in_brackets_after_its_town_is_no_end(gaz, text):
    # the voivodeship in brackets only says where the border town lies: no movement ends there
    assert not any(d is not None and d.endswith("Voivodeship") for _, d in _routes(text, gaz, "pl"))


