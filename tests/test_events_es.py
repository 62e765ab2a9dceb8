"""Movements in Spanish (issue 11): one test per rule the real Spanish excerpts needed.

The words are data (geomap/data/events/es.json); each sentence, written for these tests, runs end to end
through geomap.extract with the real gazetteer, and places are compared by their gazetteer names.
"""
from __future__ import annotations

from conftest import movement_routes

import geomap
from geomap.models import Document


def _routes(text: str, gaz) -> set:
    return movement_routes(text, gaz, "es", "2024-05-06")


def test_de_after_a_capitalised_name_says_where_the_named_thing_is_not_whence(gaz):
    # names_capitalised: "de Valencia" belongs to the foundation's name, so the refugees come from Ukraine
    got = _routes("Cuarenta refugiados ucranianos llegaron a Madrid en un autobús de la Asociación Amigos de "
                  "Valencia.", gaz)
    assert got == {("Ukraine", "Madrid")}


def test_a_named_station_of_a_city_is_where_an_arrival_ends(gaz):
    # "... de Madrid" after the centre's name: where it is, so the arrival ends there, not starts
    got = _routes("Los refugiados llegaron por la noche al Centro de Acogida Temporal de Madrid.", gaz)
    assert got == {(None, "Madrid")}


def test_the_owner_after_a_head_such_as_presidente_is_no_origin(gaz):
    # "ante la decisión del presidente de Rusia": the phrase ends at its owner, no "from Russia"
    got = _routes("Unos 200 civiles abandonaron Jersón y llegaron a Odesa ante la decisión del presidente de "
                  "Rusia.", gaz)
    assert got == {("Kherson Oblast", "Odesa")}


def test_hasta_donde_makes_the_place_before_it_a_destination(gaz):
    text = ("El avión aterrizó el martes en Madrid. El aparato había despegado de Yibuti, hasta donde los "
            "militares llevaron a un centenar de civiles.")
    r = geomap.extract(Document(text=text, lang="es"), lang="es", gazetteer=gaz)
    from geomap.events import find_events
    rules = find_events(r, scorer=False)  # the rules' reading, before the movement scorer picks
    names = {rp.place.id: rp.place.name for rp in r.places}
    got = {(names.get(e.origin), names.get(e.destination)) for e in rules.events if e.kind == "movement"}
    # the plane's start completes the landing told before, and the people went to Djibouti
    assert ("Djibouti", "Madrid") in got and (None, "Djibouti") in got


def test_a_border_con_a_place_crossed_by_people_of_another_country_leads_into_it(gaz):
    got = _routes("Decenas de jóvenes argelinos cruzaron de noche la frontera con Túnez.", gaz)
    assert got == {("Algeria", "Tunisia")}
    # no nationality, no origin told: only which border, no movement
    assert _routes("Los guardias cruzaron la frontera con Túnez.", gaz) == set()


def test_a_crossing_between_two_countries_leaves_the_one_farther_from_where_they_head(gaz):
    text = ("Cada semana miles de migrantes cruzan la selva del Darién, frontera natural entre Panamá y Colombia, "
            "con la esperanza de llegar a México.")
    got = _routes(text, gaz)
    assert ("Colombia", "Panama") in got and ("Panama", "Colombia") not in got


def test_money_before_a_trip_named_with_its_destination_does_not_stop_the_trip(gaz):
    got = _routes("La ONG recaudó 8.000 euros para pagar el viaje a Atenas de dos médicos.", gaz)
    assert got == {(None, "Athens")}
    # the money itself sent somewhere is still no movement
    assert _routes("El Gobierno envió 8.000 euros a Atenas.", gaz) == set()


def test_a_verb_with_no_subject_goes_on_with_the_group_told_before(gaz):
    # dropped_subject: "Después viajan ..." has no subject of its own
    text = "Unos 80 refugiados sirios salieron de Atenas el lunes. Después viajan hacia Alemania en autobús."
    assert ("Athens", "Germany") in _routes(text, gaz)
    # a trip named by its noun has no subject to drop: the doctors' trip is not the refugees'
    text = "Unos 80 refugiados sirios salieron de Atenas el lunes. Pudimos pagar el viaje a Berlín de dos médicos."
    assert ("Athens", "Berlin") not in _routes(text, gaz)


def test_places_in_brackets_inside_a_destination_are_destinations_too(gaz):
    got = _routes("Los evacuados ponen rumbo a España (con Sevilla y Bilbao como destinos finales).", gaz)
    assert {"Sevilla", "Bilbao"} <= {d for _, d in got}
    # a bracket naming the country a city lies in adds nothing
    assert {d for _, d in _routes("Los evacuados viajaron a Cracovia (Polonia).", gaz)} == {"Kraków"}


def test_people_sent_back_start_where_the_story_last_took_them(gaz):
    text = ("Unos 300 migrantes llegaron a Melilla desde Marruecos el domingo. "
            "La mitad de ellos han sido devueltos a Marruecos.")
    assert ("Melilla", "Morocco") in _routes(text, gaz)


def test_a_receiver_before_comenzo_a_is_the_destination(gaz):
    got = _routes("Honduras comenzó a recibir a 90 migrantes deportados desde Estados Unidos.", gaz)
    assert got == {("United States of America", "Honduras")}


def test_hasta_ahora_says_when_not_whither(gaz):
    # time_nouns: "hasta ahora", "desde hace" are time, so Khartoum is where the ambassador served
    assert _routes("En el avión viajó también el hasta ahora embajador en Jartum.", gaz) == set()


def test_de_after_a_boundary_verb_and_a_place_is_the_other_side_not_whence(gaz):
    # separates: "que separa Marruecos de España" describes the strait; the route has no origin there
    got = _routes("El estrecho, que separa Marruecos de España, es el tramo más corto de la ruta migratoria "
                  "hacia Francia.", gaz)
    assert got == {(None, "France")}


def test_a_place_named_after_its_head_is_the_object_of_an_arrival_verb(gaz):
    # "alcanzaron las costas de Almería": the head's own "de" leaves the place to the verb, whose object it is
    got = _routes("Nueve pateras procedentes de Argelia alcanzaron las costas de Almería el sábado.", gaz)
    assert got == {("Algeria", "Almería")}
