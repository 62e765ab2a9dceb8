"""What the map says: routes, the colour grammar, the reader's words, the frame."""
from __future__ import annotations

import re

import pytest

from fixtures_results import seed_result
from geomap.models import Document, Event, Mention, Place, ResolvedPlace, Result, Span
from geomap.render import CATEGORIES, category_of, render_html
from geomap.render.palette import BY_KEY
from geomap.render.routes import group_routes
from geomap.render.story import build_story
from geomap.render.words import human_date, place_label

TEXT = ("Ships carried 300 troops from Vladivostok to Rajin, officials said on 3 May 2024. "
        "Ships carried troops from Vladivostok to Rajin again on 9 May 2024. "
        "Weapons went from Vladivostok to Rajin. "
        "Troops were later sent to Russia, to the city of Khabarovsk. "
        "Paris was mentioned in passing.")


def _rp(pid, name, kind, cc, lat, lon, surface=None, score=0.9):
    s = surface or name
    i = TEXT.index(s)
    return ResolvedPlace(Place(pid, name, kind, cc, lat, lon), (Mention(i, i + len(s), s),), score)


def _sentence(k: int) -> Span:
    starts = [0] + [m.end() for m in re.finditer(r"\. ", TEXT)]
    a = starts[k]
    b = TEXT.find(". ", a)
    b = len(TEXT) if b < 0 else b + 1
    return Span(a, b, TEXT[a:b])


def story_result() -> Result:
    places = (
        _rp("vl", "Vladivostok", "city", "RU", 43.1, 131.9),
        _rp("rj", "Rason", "city", "KP", 42.25, 130.3, surface="Rajin"),
        _rp("ru", "Russia", "country", "RU", 60.0, 100.0),
        _rp("kh", "Khabarovsk", "city", "RU", 48.5, 135.1),
        _rp("pa", "Paris", "city", "FR", 48.85, 2.35, score=0.3),
    )
    events = (
        Event("movement", _sentence(0), origin="vl", destination="rj", what="troops", quantity="300",
              quantity_value=300.0, date="2024-05-03", source="officials"),
        Event("movement", _sentence(1), origin="vl", destination="rj", what="troops", date="9 May 2024"),
        Event("movement", _sentence(2), origin="vl", destination="rj", what="weapons"),
        Event("movement", _sentence(3), origin="rj", destination="ru", what="troops"),
    )
    return Result(Document(TEXT, id="ships-file", title="Ships between Vladivostok and Rajin"), places, events)


def test_repeated_reports_are_one_route_with_every_report():
    routes = group_routes([story_result()])
    troops = [rt for rt in routes if rt.category.key == "troops" and rt.origin.place.id == "vl"]
    assert len(troops) == 1 and len(troops[0].reports) == 2
    assert [r.event.date for r in troops[0].reports] == ["2024-05-03", "9 May 2024"]
    # Same ends, another category: a second route, bent further out so both stay visible.
    weapons = [rt for rt in routes if rt.category.key == "cargo"]
    assert len(weapons) == 1 and weapons[0].bow > troops[0].bow


def test_a_movement_to_a_country_ends_at_the_place_named_with_it():
    routes = group_routes([story_result()])
    to_ru = [rt for rt in routes if rt.origin.place.id == "rj"]
    assert [rt.destination.place.id for rt in to_ru] == ["kh"]
    assert to_ru[0].reports[0].named_with.place.id == "ru"
    story = build_story([story_result()])
    roles = {pv.rp.place.id: pv.role for pv in story.places}
    # Russia's centre is no movement end any more, so it does not stretch the frame.
    assert roles["ru"] == "mentioned" and roles["kh"] == "destination"
    assert all(lon > 100 for _, lon in story.frame)


def test_only_mentioned_far_places_stay_out_of_the_frame():
    story = build_story([story_result()])
    assert [pv.role for pv in story.places if pv.rp.place.id == "pa"] == ["mentioned"]
    assert min(lon for _, lon in story.frame) > 100  # Paris (2.35 E) does not widen it


def test_route_popup_lists_each_report_and_says_where_it_ends():
    page = render_html([story_result()])
    assert "2 reports" in page and "3 May 2024" in page and "9 May 2024" in page
    assert "the place the text names with Russia" in page


@pytest.mark.parametrize("what,key", [
    ("troops", "troops"), ("1,500 special forces", "troops"), ("weapons", "cargo"), ("aid", "cargo"),
    ("refugees", "people"), ("civilians", "people"), ("ships", "ships"), ("aircraft", "aircraft"),
    ("officials", "officials"), ("camels", "other"), (None, "other"),
])
def test_each_category_has_one_fixed_colour(what, key):
    assert category_of(what).key == key
    assert category_of(what).colour == BY_KEY[key].colour


def test_colours_are_distinct_and_the_same_on_two_maps():
    assert len({c.colour for c in CATEGORIES}) == len(CATEGORIES) == 7

    def colours(page):
        return dict(re.findall(r'"c":"(#[0-9A-F]{6})".*?"g":"(\w+)"', page))

    a = render_html([story_result()])
    b = render_html([seed_result()])
    for col, cat in colours(a).items():
        assert BY_KEY[cat].colour == col
    for col, cat in colours(b).items():
        assert BY_KEY[cat].colour == col


def test_legend_has_at_most_four_encodings():
    for page in (render_html([story_result()]), render_html([seed_result()])):
        legend = page[page.index('class="gm-legend"'):]
        legend = legend[:legend.index("</section>")]
        assert 1 <= legend.count('class="gm-leg"') <= 4


@pytest.mark.parametrize("raw,words", [
    ("2024-10-18", "18 Oct 2024"), ("2024-10", "October 2024"),
    ("2023-08/2024-10-18", "August 2023 – 18 Oct 2024"), ("early October 2024", "early October 2024"),
    (None, None),
])
def test_dates_as_people_write_them(raw, words):
    assert human_date(raw) == words


def test_labels_use_the_articles_spelling_but_not_its_slips():
    assert place_label(_rp("rj", "Rason", "city", "KP", 42.25, 130.3, surface="Rajin")) == "Rajin"
    slip = ResolvedPlace(Place("u", "Ussuriysk", "city", "RU", 43.8, 131.9), (Mention(0, 7, "Usurisk"),), 0.7)
    assert place_label(slip) == "Ussuriysk"
    dateline = ResolvedPlace(Place("s", "Seoul", "city", "KR", 37.5, 127.0), (Mention(0, 5, "SEOUL"),), 0.7)
    assert place_label(dateline) == "Seoul"


def test_no_raw_confidences_and_uncertain_matches_say_so():
    page = render_html([story_result()])
    below = page[page.index('<div class="gm-below">'):page.index("</details>")]
    popups = " ".join(re.findall(r'"h":"(.*?)","', page))
    assert popups and not re.search(r"\d%", below + popups)
    assert "confidence" not in page
    assert "match uncertain" in page.lower()  # Paris, matched at 0.3


def test_text_version_leads_with_movements_in_date_order():
    page = render_html([story_result()])
    section = page[page.index('id="gm-text"'):page.index("</details>")]
    assert section.index("Movements, in date order") < section.index("<h2>Places</h2>")
    assert section.index("3 May 2024") < section.index("undated")


def test_undated_movements_stay_when_a_date_is_chosen():
    page = render_html([story_result()])
    assert '"k":null' in page  # undated routes have no filter key: the runtime keeps them
