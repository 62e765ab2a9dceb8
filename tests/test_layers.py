"""Geometry layers: place points, great-circle arcs, antimeridian handling."""
from __future__ import annotations

import math

import pytest
from shapely.geometry import LineString, MultiLineString

from fixtures_results import expected_counts, seed_result
from geomap import frames, layers
from geomap.models import Document, Event, Mention, Place, ResolvedPlace, Result, Span

VLADIVOSTOK = (131.8735, 43.1056)
ANCHORAGE = (-149.9003, 61.2181)


def _rp(pid, name, lon, lat, n=1):
    return ResolvedPlace(Place(pid, name, "city", "XX", lat, lon),
                         tuple(Mention(i, i + 1, "x") for i in range(n)), 0.9)


def _pacific_result() -> Result:
    ev = Span(0, 10, "Ships sailed")
    return Result(
        Document(text="Ships sailed from Vladivostok to Anchorage.", id="pacific"),
        (_rp("vvo", "Vladivostok", *VLADIVOSTOK), _rp("anc", "Anchorage", *ANCHORAGE)),
        (Event("movement", ev, origin="vvo", destination="anc", what="ships",
               quantity_value=3.0),
         Event("movement", ev, origin="anc", destination="vvo", what="ships")),
    )


def _lines(geom):
    return list(geom.geoms) if isinstance(geom, MultiLineString) else [geom]


def _assert_no_jumps(geom, limit=180.0):
    for line in _lines(geom):
        xs = [x for x, _ in line.coords]
        assert all(-180.0 <= x <= 180.0 for x in xs), xs
        jumps = [abs(b - a) for a, b in zip(xs, xs[1:])]
        assert max(jumps) < limit, f"segment jumps {max(jumps)} degrees of longitude"


def test_arcs_across_the_antimeridian_are_split_and_never_jump():
    arcs = frames.to_geodataframe([_pacific_result()], "movements")
    assert len(arcs) == 2
    for geom, crosses in zip(arcs.geometry, arcs.crosses_antimeridian):
        assert isinstance(geom, MultiLineString)
        assert crosses
        _assert_no_jumps(geom)
        parts = _lines(geom)
        # The cut happens exactly on the antimeridian, at the same latitude on both sides.
        assert abs(parts[0].coords[-1][0]) == 180.0
        assert parts[0].coords[-1][0] == -parts[1].coords[0][0]
        assert parts[0].coords[-1][1] == pytest.approx(parts[1].coords[0][1])
        # A short step, not a jump: points are ~1.5 degrees apart along this arc.
        assert max(abs(b[0] - a[0]) for p in parts for a, b in zip(p.coords, p.coords[1:])) < 5


def test_arc_endpoints_are_the_places():
    arcs = frames.to_geodataframe([_pacific_result()], "movements")
    out, back = arcs.geometry.iloc[0], arcs.geometry.iloc[1]
    assert _lines(out)[0].coords[0] == VLADIVOSTOK
    assert _lines(out)[-1].coords[-1] == ANCHORAGE
    assert _lines(back)[0].coords[0] == ANCHORAGE
    assert _lines(back)[-1].coords[-1] == VLADIVOSTOK


def test_arc_follows_the_geodesic_with_the_requested_density():
    geom = layers.arc_geometry(*VLADIVOSTOK, *ANCHORAGE, npts=64)
    n = sum(len(line.coords) for line in _lines(geom))
    assert n == 64 + 2  # the crossing point is written once on each side
    # The great circle from Vladivostok to Anchorage bulges north of both ends.
    assert max(y for line in _lines(geom) for _, y in line.coords) > 61.5


@pytest.mark.parametrize("a,b", [
    ((-180.0, 0.0), (170.0, 10.0)),
    ((170.0, 0.0), (-180.0, 10.0)),
    ((179.5, -20.0), (-179.5, -21.0)),
    ((10.0, 50.0), (20.0, 52.0)),
    ((-70.0, -33.0), (151.2, -33.9)),
])
def test_arc_geometry_is_sane_for_awkward_ends(a, b):
    geom = layers.arc_geometry(*a, *b)
    _assert_no_jumps(geom)
    assert len(_lines(geom)) <= 2


def test_arcs_that_do_not_cross_stay_single_lines():
    geom = layers.arc_geometry(127.0, 40.0, *VLADIVOSTOK)
    assert isinstance(geom, LineString)
    assert geom.coords[0] == (127.0, 40.0) and geom.coords[-1] == VLADIVOSTOK


def test_split_antimeridian_folds_continuous_longitudes():
    parts = layers.split_antimeridian([(170.0, 0.0), (190.0, 10.0)])
    assert parts == [[(170.0, 0.0), (180.0, 5.0)], [(-180.0, 5.0), (-170.0, 10.0)]]
    west = layers.split_antimeridian([(-170.0, 0.0), (-190.0, 10.0)])
    assert west == [[(-170.0, 0.0), (-180.0, 5.0)], [(180.0, 5.0), (170.0, 10.0)]]


def test_places_frame_rows_roles_and_columns():
    res = seed_result()
    frame = frames.to_geodataframe([res])
    assert len(frame) == expected_counts([res])["places"]
    assert list(frame.columns) == [*frames.COLUMNS["places"], "geometry"]
    assert frame.crs.to_epsg() == 4326
    role = dict(zip(frame["id"], frame["role"]))
    movers = [e for e in res.events if e.kind == "movement"]
    for ev in movers:
        assert role[ev.origin] == "origin"
    # Destination outranks presence (Vladivostok is both in the seed story).
    for ev in movers:
        assert role[ev.destination] in ("origin", "destination")
    for ev in res.events:
        if ev.kind == "presence" and ev.place not in {e.destination for e in movers}:
            assert role[ev.place] == "presence"
    involved = {e.origin for e in movers} | {e.destination for e in movers} | {
        e.place for e in res.events}
    for pid, r in role.items():
        if pid not in involved:
            assert r == "mentioned"
    row = frame[frame["id"] == "vladivostok"].iloc[0]
    assert (row.geometry.x, row.geometry.y) == VLADIVOSTOK
    assert row.mention_count == len(res.place("vladivostok").mentions)
    assert row.doc_id == res.document.id


def test_role_precedence_is_documented_order():
    assert layers.ROLES == ("origin", "destination", "presence", "mentioned")
    res = _pacific_result()  # each city is origin of one movement and destination of another
    assert set(layers.place_roles(res).values()) == {"origin"}


def test_arcs_frame_carries_event_fields():
    res = seed_result()
    arcs = frames.to_geodataframe([res], "movements")
    assert len(arcs) == expected_counts([res])["arcs"]
    assert list(arcs.columns) == [*frames.COLUMNS["movements"], "geometry"]
    first = arcs.iloc[0]
    ev = res.events[first.event_index]
    assert (first.what, first.quantity, first.quantity_value, first.date, first.source,
            first.certainty, first.actor) == (ev.what, ev.quantity, ev.quantity_value,
                                             ev.date, ev.source, ev.certainty, ev.actor)
    assert first.evidence == ev.evidence.text
    assert first.distance_km == pytest.approx(
        layers.distance_km(127.0, 40.0, *VLADIVOSTOK))
    assert 400 < first.distance_km < 800


def test_movements_without_both_ends_are_not_drawn():
    ev = Span(0, 1, "x")
    res = Result(
        Document(text="x", id="d"),
        (_rp("a", "A", 0.0, 0.0), _rp("b", "B", 0.0, 0.0)),
        (Event("movement", ev, origin="a"), Event("movement", ev, origin="a", destination="zz"),
         Event("movement", ev, origin="a", destination="b"),  # same point
         Event("presence", ev, place="a")),
    )
    assert layers.movements(res) == []
    assert len(frames.to_geodataframe([res], "movements")) == 0


@pytest.mark.parametrize("results", [[], [Result(Document(text="", id="e"))]])
def test_empty_input_gives_empty_frames_with_columns(results):
    places = frames.to_geodataframe(results)
    arcs = frames.to_geodataframe(results, "movements")
    assert len(places) == 0 and len(arcs) == 0
    assert list(places.columns) == [*frames.COLUMNS["places"], "geometry"]
    assert list(arcs.columns) == [*frames.COLUMNS["movements"], "geometry"]
    assert places.crs.to_epsg() == 4326 and arcs.crs.to_epsg() == 4326
    assert places.geometry.name == "geometry"


def test_several_documents_give_one_row_per_document_and_place():
    a, b = seed_result(), _pacific_result()
    frame = frames.to_geodataframe([a, b])
    assert len(frame) == len(a.places) + len(b.places)
    assert set(frame["doc_id"]) == {"seed", "pacific"}


def test_geodesic_points_are_continuous():
    pts = layers.geodesic_points(*VLADIVOSTOK, *ANCHORAGE, npts=64)
    assert len(pts) == 64
    assert pts[0] == VLADIVOSTOK
    assert pts[-1][0] == pytest.approx(ANCHORAGE[0] + 360.0)
    assert all(abs(b[0] - a[0]) < 10 for a, b in zip(pts, pts[1:]))
    assert not any(math.isnan(x) or math.isnan(y) for x, y in pts)
