"""Each named rule of geomap/recognize/rules.py on a short text it decides.

A span rule is run on a Mention built from Extractor.context() after every rule
before it in RULES (as find() runs them), and its verdict or the fact it sets is
checked, against a control text the rule passes. The rules over the whole list are
checked by running find() with and without them.
"""
from dataclasses import replace

import pytest

from geomap.recognize import LIST_RULES, RULES, Extractor, Mention
from geomap.recognize import rules as R
from geomap.recognize.rules import ACCEPT, DROP, KEEP, PERSON, VESSEL


@pytest.fixture(scope="module")
def ex(gaz):
    return Extractor(gaz)


def _at(ex, text, word, rule, lang="en", nth=0):
    """The Mention of the nth span reading `word`, after the rules before `rule` kept it."""
    ctx = ex.context(text, lang)
    sis = [si for si, sp in enumerate(ctx.spans) if sp.text == word]
    assert len(sis) > nth, f"pass 1 found no {word!r} in {text!r}: {[sp.text for sp in ctx.spans]}"
    si = sis[nth]
    m = Mention(ctx, si, ctx.spans[si])
    for r in RULES[:RULES.index(rule)]:
        assert r(ctx, m) is KEEP, f"{r.__name__} decided {word!r} before {rule.__name__}"
    return ctx, m


def _verdict(ex, text, word, rule, lang="en", nth=0):
    ctx, m = _at(ex, text, word, rule, lang, nth)
    return rule(ctx, m)


def _found(ex, text, lang="en", rules=RULES, list_rules=LIST_RULES):
    return [sp.text for sp in Extractor(ex.g, rules=rules, list_rules=list_rules).find(text, lang)]


def _without(rule, rules):
    assert rule in rules
    return tuple(r for r in rules if r is not rule)


def test_the_order_is_data_and_every_rule_is_documented():
    assert len(set(RULES)) == len(RULES) and len(set(LIST_RULES)) == len(LIST_RULES)
    for r in (*RULES, *LIST_RULES):
        assert r.__doc__ and '"' in r.__doc__, f"{r.__name__} has no example in its docstring"
    # the facts later rules read come before them
    assert RULES.index(R.in_gazetteer) < RULES.index(R.glue) < RULES.index(R.glued_to_name)
    assert LIST_RULES.index(R.by_position) < LIST_RULES.index(R.datelines)


def test_unit_word(ex):
    # "Tiffin County" is no name of the index: Tiffin with the county word's kind
    ctx, m = _at(ex, "Officials in Tiffin County met.", "Tiffin County", R.unit_word)
    assert R.unit_word(ctx, m) is ACCEPT
    assert m.sp.kind_hint == ctx.L.unit_heads["County"]
    assert m.sp.candidates
    ctx, m = _at(ex, "Officials in Tiffin met.", "Tiffin", R.unit_word)
    assert R.unit_word(ctx, m) is KEEP


def test_in_gazetteer_sets_the_candidates(ex):
    ctx, m = _at(ex, "Officials in Leeds met.", "Leeds", R.in_gazetteer)
    assert m.known is None
    assert R.in_gazetteer(ctx, m) is KEEP
    assert m.known is not None and m.cands == m.known.cands and m.cands


def test_native_script_name(ex):
    ctx, m = _at(ex, "Сомали и Москва.", "Сомали", R.native_script_name, "ru")
    assert any(c.match == R.gz.MATCH_DEMONYM for c in m.cands)
    R.native_script_name(ctx, m)
    assert not any(c.match == R.gz.MATCH_DEMONYM for c in m.cands)


def test_inflected_only_rules_are_left_out_without_name_tables(ex):
    assert R.native_script_name.inflected_only and not getattr(R.vessel, "inflected_only", False)
    seen = []

    @R.inflected_only
    def spy(ctx, m):
        """Records the spans it is asked about ("Leeds")."""
        seen.append(m.sp.text)

    Extractor(ex.g, rules=(spy, *RULES)).find("Officials in Leeds met.", "en")
    assert seen == []
    Extractor(ex.g, rules=(spy, *RULES)).find("Івана зустріли в Одесі.", "uk")
    assert seen == ["Івана", "Одесі"]


def test_acronym_shape(ex):
    ctx, m = _at(ex, "The UK and Leeds.", "UK", R.acronym_shape)
    R.acronym_shape(ctx, m)
    assert m.sp.acronym
    ctx, m = _at(ex, "The UK and Leeds.", "Leeds", R.acronym_shape)
    R.acronym_shape(ctx, m)
    assert not m.sp.acronym


def test_stop_word_or_title(ex):
    assert _verdict(ex, "May was warm in Leeds.", "May", R.stop_word_or_title) is DROP
    assert _verdict(ex, "May was warm in Leeds.", "Leeds", R.stop_word_or_title) is KEEP


def test_article_and_noun(ex):
    assert _verdict(ex, "La selva arde y El plan de Madrid falla.", "La selva", R.article_and_noun, "es") is DROP
    assert _verdict(ex, "La selva arde y El plan de Madrid falla.", "Madrid", R.article_and_noun, "es") is KEEP


def test_inflected_person(ex):
    assert _verdict(ex, "Івана зустріли в Одесі.", "Івана", R.inflected_person, "uk") is PERSON
    assert _verdict(ex, "Івана зустріли в Одесі.", "Одесі", R.inflected_person, "uk") is KEEP


def test_genitive_of_organisation(ex):
    text = "Служба безпеки України затримала агента в Одесі."
    assert _verdict(ex, text, "України", R.genitive_of_organisation, "uk") is DROP
    assert _verdict(ex, "Війська України увійшли.", "України", R.genitive_of_organisation, "uk") is KEEP


def test_adjective_on_noun(ex):
    text = "Покровської громади жителі поїхали до Харкова."
    assert _verdict(ex, text, "Покровської", R.adjective_on_noun, "uk") is DROP
    assert _verdict(ex, text, "Харкова", R.adjective_on_noun, "uk") is KEEP


def test_lemma_everyday_word(ex):
    # Read through its lemma "Києві" is Kyiv; were the form as written a word the
    # language lists as no place, the rule would drop it.
    ctx, m = _at(ex, "Києві тихо.", "Києві", R.lemma_everyday_word, "uk")
    assert R.lemma_everyday_word(ctx, m) is KEEP
    ctx.L = replace(ctx.L, not_places=ctx.L.not_places | {R.gz.fold("Києві")})
    assert R.lemma_everyday_word(ctx, m) is DROP


def test_vessel(ex):
    text = "The cargo ship the Angara docked in Rostock."
    assert _verdict(ex, text, "Angara", R.vessel) is VESSEL
    assert _verdict(ex, text, "Rostock", R.vessel) is KEEP
    assert _verdict(ex, "MV Angara left.", "Angara", R.vessel) is VESSEL


def test_office_of_place(ex):
    text = "Bupati Sleman Sri Purnomo datang."
    ctx, m = _at(ex, text, "Sleman", R.office_of_place, "id")
    assert m.join_next
    R.office_of_place(ctx, m)
    assert m.office and not m.join_prev and not m.join_next
    # without the office the holder's name is glued to the place and takes it along
    assert "Sleman" in _found(ex, text, "id")
    assert "Sleman" not in _found(ex, text, "id", rules=_without(R.office_of_place, RULES))


def test_after_given_name(ex):
    assert _verdict(ex, "Margaret Burley lives in Leeds.", "Burley", R.after_given_name) is PERSON
    assert _verdict(ex, "Margaret Burley lives in Leeds.", "Leeds", R.after_given_name) is KEEP


def test_county_office(ex):
    text = "The Henry County Courthouse is in Ohio."
    ctx, m = _at(ex, text, "Henry County", R.county_office)
    assert m.join_next
    R.county_office(ctx, m)
    assert not m.join_next
    assert "Henry County" in _found(ex, text)
    assert "Henry County" not in _found(ex, text, rules=_without(R.county_office, RULES))


def test_glue(ex):
    ctx, m = _at(ex, "Dale Earnhardt raced.", "Dale", R.glue)
    R.glue(ctx, m)
    assert m.glued_next and not m.glued_prev and not m.case_form
    ctx, m = _at(ex, "Dale raced.", "Dale", R.glue)
    R.glue(ctx, m)
    assert not m.glued_next


def test_case_form_apart(ex):
    text = "Глава Чечни Рамзан Кадыров прибыл в Москву."
    ctx, m = _at(ex, text, "Чечни", R.case_form_apart, "ru")
    assert m.glued_next and m.case_form
    R.case_form_apart(ctx, m)
    assert not m.glued_next
    assert "Чечни" in _found(ex, text, "ru")
    assert "Чечни" not in _found(ex, text, "ru", rules=_without(R.case_form_apart, RULES))


def test_acronym_beside(ex):
    text = "CBC Toronto reported it."
    ctx, m = _at(ex, text, "Toronto", R.acronym_beside)
    assert m.glued_prev
    R.acronym_beside(ctx, m)
    assert not m.glued_prev
    assert "Toronto" in _found(ex, text)
    assert "Toronto" not in _found(ex, text, rules=_without(R.acronym_beside, RULES))


def test_glued_to_name(ex):
    assert _verdict(ex, "John Tiffin met Dale Earnhardt.", "Dale", R.glued_to_name) is PERSON
    assert _verdict(ex, "Bupati Sleman Sri Purnomo datang.", "Sri", R.glued_to_name, "id") is DROP
    assert _verdict(ex, "Dale raced.", "Dale", R.glued_to_name) is KEEP


def test_small_towns_together(ex):
    assert _verdict(ex, "Gael García Bernal starred.", "García", R.small_towns_together) is DROP
    assert _verdict(ex, "Actors from García starred.", "García", R.small_towns_together) is KEEP


def test_given_name_first(ex):
    assert _verdict(ex, "Paris Hilton came.", "Paris", R.given_name_first) is DROP
    assert _verdict(ex, "Tim Cook came.", "Tim", R.given_name_first) is DROP
    assert _verdict(ex, "Paris came.", "Paris", R.given_name_first) is KEEP


def test_org_prefix(ex):
    assert _verdict(ex, "United Russia won.", "Russia", R.org_prefix) is DROP
    assert _verdict(ex, "Russia won.", "Russia", R.org_prefix) is KEEP


def test_event_name(ex):
    assert _verdict(ex, "The Korean War ended.", "Korean", R.event_name) is DROP
    assert _verdict(ex, "The Vietnam War ended.", "Vietnam", R.event_name) is KEEP


def test_org_head(ex):
    assert _verdict(ex, "The Washington Post and the Ohio Senate met.", "Washington", R.org_head) is DROP
    assert _verdict(ex, "The Washington Post and the Ohio Senate met.", "Ohio", R.org_head) is KEEP


def test_title_before(ex):
    assert _verdict(ex, "President Obama visited.", "Obama", R.title_before) is PERSON
    assert _verdict(ex, "Visitors from Obama came.", "Obama", R.title_before) is KEEP


def test_state_abbreviation(ex):
    text = "Charleston, W.Va., is a city."
    ctx, m = _at(ex, text, "W.Va", R.state_abbreviation)
    R.state_abbreviation(ctx, m)
    assert m.state_abbr
    assert "W.Va." in _found(ex, text)
    assert "W.Va." not in _found(ex, text, rules=_without(R.state_abbreviation, RULES))


def test_speaker(ex):
    assert _verdict(ex, "Burley said no.", "Burley", R.speaker) is PERSON
    assert _verdict(ex, "Burley is near.", "Burley", R.speaker) is KEEP
    # a comma before the verb: the speaker comes after it, the place ends the report
    assert _verdict(ex, "The ships docked at Burley, said the minister.", "Burley", R.speaker) is KEEP
    assert _verdict(ex, "Корабли зашли в порт Гаваны, сообщил министр Кубы.", "Гаваны", R.speaker, "ru") is KEEP


def test_quoted_speaker(ex):
    text = '"Go," said Georgia. Georgia is hot.'
    assert _verdict(ex, text, "Georgia", R.quoted_speaker) is PERSON
    assert _verdict(ex, text, "Georgia", R.quoted_speaker, nth=1) is KEEP


def test_currency(ex):
    assert _verdict(ex, "It cost US$460.", "US", R.currency) is DROP
    assert _verdict(ex, "It cost US cash.", "US", R.currency) is KEEP


def test_direction_of_name(ex):
    assert _verdict(ex, "South Florida flooded.", "South", R.direction_of_name) is DROP
    assert _verdict(ex, "South Florida flooded.", "Florida", R.direction_of_name) is KEEP


def test_age_after(ex):
    assert _verdict(ex, "Hailey, 6, and Caleb, 4, played.", "Hailey", R.age_after) is PERSON
    assert _verdict(ex, "Hailey, the town, is quiet.", "Hailey", R.age_after) is KEEP


def test_flight_number(ex):
    assert _verdict(ex, "Flight GA 991 left.", "GA", R.flight_number) is DROP
    assert _verdict(ex, "The GA met.", "GA", R.flight_number) is KEEP


def test_acronym_big_unit(ex):
    assert _verdict(ex, "The MP spoke.", "MP", R.acronym_big_unit) is DROP
    assert _verdict(ex, "The UK spoke.", "UK", R.acronym_big_unit) is KEEP


def test_everyday_word(ex):
    assert _verdict(ex, "Young Man of the Year.", "Man", R.everyday_word) is DROP
    assert _verdict(ex, "He lives in Reading.", "Reading", R.everyday_word) is KEEP
    # no first-level region of the index goes by "Ida": only the comma and period say so
    ctx, m = _at(ex, "Boise, Ida. is dry.", "Ida", R.everyday_word)
    assert not m.state_abbr
    assert R.everyday_word(ctx, m) is KEEP and m.state_abbr


def test_kind_cues(ex):
    ctx, m = _at(ex, "The town of Burley and Tiffin township.", "Burley", R.kind_cues)
    R.kind_cues(ctx, m)
    assert m.sp.kind_hint == ctx.L.kind_cues_before["town of"]
    ctx, m = _at(ex, "Burley and Leeds met.", "Burley", R.kind_cues)
    R.kind_cues(ctx, m)
    assert m.sp.kind_hint is None


# -- list rules ---------------------------------------------------------------------
def test_ships_throughout(ex):
    text = "The cargo ship the Angara docked in Rostock. Later the Angara sailed."
    assert "Angara" not in _found(ex, text)
    assert "Angara" in _found(ex, text, list_rules=_without(R.ships_throughout, LIST_RULES))


def test_lowercase_demonyms(ex):
    text = "Вчора українські військові відбили атаку біля Харкова."
    assert "українські" in _found(ex, text, "uk")
    assert "українські" not in _found(ex, text, "uk", list_rules=_without(R.lowercase_demonyms, LIST_RULES))


def test_people_throughout(ex):
    text = "Burley said no. Later Burley lost."
    assert "Burley" not in _found(ex, text)
    assert "Burley" in _found(ex, text, list_rules=_without(R.people_throughout, LIST_RULES))


def test_misspelt_places(ex):
    text = "The sailors reached Vladivostock by night."
    assert "Vladivostock" in _found(ex, text)
    assert "Vladivostock" not in _found(ex, text, list_rules=_without(R.misspelt_places, LIST_RULES))


def test_by_position(ex):
    text = "The sailors reached Vladivostock from Leeds."
    found = Extractor(ex.g).find(text, "en")
    assert [sp.start for sp in found] == sorted(sp.start for sp in found)
    unsorted = Extractor(ex.g, list_rules=_without(R.datelines, _without(R.by_position, LIST_RULES))).find(text, "en")
    assert [sp.text for sp in unsorted] == ["Leeds", "Vladivostock"]


def test_datelines(ex):
    text = "LONDON (Reuters) - Officials in Leeds met."
    assert [sp.dateline for sp in Extractor(ex.g).find(text, "en")] == [True, False]
    without = Extractor(ex.g, list_rules=_without(R.datelines, LIST_RULES)).find(text, "en")
    assert [sp.dateline for sp in without] == [False, False]


def test_outside_prefixes(ex):
    text = "Warga datang dari Kabupaten Cianjur."
    assert "Cianjur" in _found(ex, text, "id")
    assert "Kabupaten Cianjur" in _found(ex, text, "id", list_rules=_without(R.outside_prefixes, LIST_RULES))


def test_links(ex):
    text = "He flew to Paris, Texas."
    assert [sp.link_next for sp in Extractor(ex.g).find(text, "en")] == [",", ""]
    without = Extractor(ex.g, list_rules=_without(R.links, LIST_RULES)).find(text, "en")
    assert [sp.link_next for sp in without] == ["", ""]
