"""French movement rules read from geomap/data/events/fr.json (and the generic rules they steer)."""
from __future__ import annotations

import pytest

import geomap


def _movements(result):
    names = {rp.place.id: rp.place.name for rp in result.places}
    return {(names.get(e.origin, ""), names.get(e.destination, "")): e
            for e in result.events if e.kind == "movement"}


def _routes(gaz, text):
    return set(_movements(geomap.extract(text, "fr", gazetteer=gaz)))


def test_direction_alone_heads_a_verbless_sentence_and_its_list(gaz):
    got = _routes(gaz, "Des familles attendent sur le quai. Direction Nancy, Metz ou Strasbourg.")
    assert {("", "Nancy"), ("", "Metz"), ("", "Strasbourg")} <= got
    # "la direction" of a party or a firm goes nowhere
    assert _routes(gaz, "La direction du parti a rencontré le maire de Lyon.") == set()


def test_taking_the_direction_of_a_place(gaz):
    assert ("", "Chad") in _routes(gaz, "Les camions devraient ensuite prendre la direction du Tchad.")


def test_a_trip_noun_under_a_preposition_does_not_take_the_weather_as_its_mover(gaz):
    got = _routes(gaz, "Depuis Noël, des vents faibles favorisent les tentatives de traversée entre la France "
                       "et le Royaume-Uni.")
    assert got == {("France", "United Kingdom")}
    # the weather that moves is still no movement
    assert _routes(gaz, "Des vents violents soufflent de la France vers le Royaume-Uni.") == set()


def test_what_is_crossed_separates_two_places(gaz):
    got = _routes(gaz, "Ils ont dû traverser le Darién, une jungle dense qui sépare la Colombie du Panama.")
    assert ("Colombia", "Panama") in got


def test_a_border_named_far_after_the_crossing_verb(gaz):
    # "depuis début 2021" says when, and the jungle crossed takes many words before "entre"
    got = _routes(gaz, "Environ 19.000 enfants ont traversé depuis début 2021 la jungle du Darien, à la frontière "
                       "entre la Colombie et le Panama, dans l'espoir de gagner les Etats-Unis.")
    assert ("Colombia", "Panama") in got


def test_a_border_faces_where_the_journey_goes_next(gaz):
    got = _routes(gaz, "Des milliers de migrants ont traversé la jungle, frontière naturelle entre le Panama et "
                       "la Colombie, pour rejoindre les États-Unis.")
    assert ("Colombia", "Panama") in got and ("Panama", "Colombia") not in got
    got = _routes(gaz, "Ils ont franchi la frontière entre le Panama et la Colombie pour rejoindre l'Équateur.")
    assert ("Panama", "Colombia") in got


def test_a_region_in_a_list_of_destinations_is_a_destination(gaz):
    got = _routes(gaz, "Les garde-côtes ont escorté les embarcations vers Malte, Lampedusa, la Sicile ou la Calabre.")
    assert {("", "Malta"), ("", "Lampedusa"), ("", "Sicily")} <= got
    # named right after a place as where that place lies, it is no destination of its own
    got = _routes(gaz, "Les migrants sont arrivés à Lampedusa, en Sicile, jeudi.")
    assert got == {("", "Lampedusa")}


def test_destinations_each_with_its_preposition(gaz):
    got = _routes(gaz, "Les exilés veulent poursuivre leur parcours migratoire vers l'Allemagne ou vers la Belgique.")
    assert got == {("", "Germany"), ("", "Belgium")}


@pytest.mark.parametrize("text, route", [
    ("La France s'attend à accueillir jusqu'à 100 000 Ukrainiens dans les prochaines semaines.", ("Ukraine", "France")),
    ("La Pologne va accueillir 50 000 réfugiés venus d'Ukraine.", ("Ukraine", "Poland")),
])
def test_the_receiving_country_is_the_subject_across_auxiliaries(gaz, text, route):
    assert route in _routes(gaz, text)


def test_it_is_not_a_redeployment_is_a_denied_movement(gaz):
    r = geomap.extract("« Il ne s'agit pas d'un repositionnement de nos opérations du Niger vers le Tchad », a déclaré "
                       "le général.", "fr", gazetteer=gaz)
    got = _movements(r)
    assert got[("Niger", "Chad")].certainty == "denied"
    # a plain negation is still no movement at all
    assert _routes(gaz, "Les soldats ne sont pas partis du Niger vers le Tchad.") == set()


def test_troops_that_were_deployed_are_there_not_arriving(gaz):
    r = geomap.extract("Environ 1400 soldats français étaient déployés au Niger.", "fr",
                       gazetteer=gaz)
    assert not [e for e in r.events if e.kind == "movement"]
    names = {rp.place.id: rp.place.name for rp in r.places}
    assert "Niger" in {names.get(e.place) for e in r.events if e.kind == "presence"}


def test_points_of_departure_are_no_trip(gaz):
    assert _routes(gaz, "Les migrants interpellés ont cité plusieurs points de départ en Tunisie : Sfax et Zarzis.") == set()


def test_an_island_reached_as_the_verbs_object(gaz):
    got = _routes(gaz, "Plus de 4 000 migrants partis du Sénégal ont atteint l'île d'El Hierro.")
    assert ("Senegal", "El Hierro") in got


def test_a_speaker_named_after_the_quote_leaves_the_quote_its_places(gaz):
    got = _routes(gaz, "« Les soldats sont partis de Gao vers Niamey », a assuré le ministre.")
    assert ("Gao", "Niamey") in got


def test_a_deployment_announced_by_a_capital_sets_out_from_it(gaz):
    got = _routes(gaz, "Londres a annoncé le déploiement de 700 soldats à Chypre afin de préparer une possible "
                       "évacuation de ses ressortissants du Liban.")
    # the evacuation told as its purpose is another trip, not where the soldiers came from
    assert ("London", "Cyprus") in got and ("Lebanon", "Cyprus") not in got
    # inside the announcer's own country, the announcer is no start
    assert ("Paris", "Romania") in _routes(gaz, "Paris a annoncé mardi le déploiement de 500 soldats en Roumanie.")
    got = _routes(gaz, "Kiev a annoncé le déploiement de troupes à Kharkiv.")
    assert ("Kyiv", "Kharkiv") not in got and ("", "Kharkiv") in got


def test_leaving_a_base_leaves_where_the_troops_were_said_to_be(gaz):
    r = geomap.extract("Les troupes basées à Ouallam ont quitté aujourd'hui leur base.", "fr", gazetteer=gaz)
    names = {rp.place.id: rp.place.name for rp in r.places}
    assert [(names.get(e.origin), e.destination) for e in r.events if e.kind == "movement"] == [("Ouallam", None)]
    # "basés" is a presence word of its own, and the next sentence goes on from there
    got = _routes(gaz, "Les soldats basés à Bamako ont quitté leur camp jeudi. Ils sont arrivés à Niamey samedi.")
    assert ("Bamako", "Niamey") in got
    # a place of the object's own is where they left instead
    got = _routes(gaz, "Les troupes basées à Ouallam ont quitté leurs bases au Niger.")
    assert ("Ouallam", "") not in got


def test_where_the_origin_lies_is_no_arrival(gaz):
    got = _routes(gaz, "Le train doit entrer en gare, il vient de Francfort, en Allemagne.")
    assert ("Frankfurt am Main", "Germany") not in got
    # a country after the arrival verb, with no place before it that it holds, is still reached
    assert ("", "Germany") in _routes(gaz, "Le train est entré en Allemagne mardi.")
