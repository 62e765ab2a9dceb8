"""Indonesian movement rules added for the real-excerpt and self-written sets (issue 10).
Each sentence is written for these tests."""
import pytest

import geomap


def _moves(text, date="2024-05-06"):
    r = geomap.extract(geomap.Document(text=text, lang="id", date=date), lang="id")
    names = {rp.place.id: rp.place.name for rp in r.places}
    return [(names.get(e.origin), names.get(e.destination)) for e in r.events if e.kind == "movement"]


@pytest.mark.parametrize("text, route", [
    # a return with no destination goes to the movers' own country, not from it
    ("Pakistan memulangkan sekitar 5.000 warga Afghanistan pekan ini.", ("Pakistan", "Afghanistan")),
    ("Malaysia mendeportasi 150 warga Myanmar pada Selasa.", ("Malaysia", "Myanmar")),
    # a negated description of the movers does not negate the movement
    ("Sekelompok orang tak dikenal menyeberang dari Papua Nugini ke Jayapura pada Minggu.",
     ("Papua New Guinea", "Jayapura")),
    # "sementara" after a noun is "temporary", not "while"
    ("Sebanyak 80 pengungsi dipindahkan ke penampungan sementara di Lhokseumawe pada Senin.",
     (None, "Lhokseumawe")),
    # a ship that docks arrives
    ("Kapal yang membawa 300 ton beras dari Bangkok bersandar di Pelabuhan Tanjung Priok pada Rabu.",
     ("Bangkok", "Tanjung Priok")),
    # a hyphenated pair of home ports is a route
    ("Antrean di penyeberangan Merak-Bakauheni mencapai tiga kilometer.", ("Merak", "Bakauheni")),
])
def test_indonesian_movement_rules(text, route):
    assert route in _moves(text), _moves(text)


def test_a_return_keeps_a_named_destination():
    got = _moves("Pemerintah memulangkan 12 ABK Indonesia dari Mauritius ke Jakarta pada Rabu.")
    assert ("Mauritius", "Jakarta") in got and not any(d == "Indonesia" for _, d in got)


def test_residents_of_an_island_leave_from_it():
    got = _moves("Sebanyak 900 warga Pulau Tagulandang dievakuasi dengan kapal ke Manado pada Selasa.")
    assert ("Tagulandang", "Manado") in got


def test_a_trip_called_off_keeps_its_places_and_says_so():
    r = geomap.extract(geomap.Document(
        text="Maskapai itu membatalkan 12 penerbangan dari Denpasar ke Perth pada Rabu.", lang="id",
        date="2024-05-06"), lang="id")
    names = {rp.place.id: rp.place.name for rp in r.places}
    got = [(names.get(e.origin), names.get(e.destination), e.certainty) for e in r.events if e.kind == "movement"]
    assert ("Denpasar", "Perth", "denied") in got
    r = geomap.extract(geomap.Document(text="Pelayaran ke Baubau ditunda hingga gelombang mereda.", lang="id",
                                       date="2024-05-06"), lang="id")
    assert [e.certainty for e in r.events if e.kind == "movement"] == ["planned"]
    # a negated movement verb is still no movement
    assert _moves("Satu orang batal dipulangkan ke Jakarta karena sakit.") == []


def test_what_just_arrived_leaves_from_where_it_arrived():
    got = _moves("Sebanyak 30.000 ton gula dari Thailand tiba di Pelabuhan Tanjung Perak pada Senin. "
                 "Gula itu akan dikirim ke gudang di Malang dan Kediri.")
    assert ("Thailand", "Tanjung Perak") in got
    assert ("Tanjung Perak", "Malang") in got and ("Tanjung Perak", "Kediri") in got
