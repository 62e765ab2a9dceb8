"""Indonesian places as Indonesian news names them (issue 16): regencies, ferry ports and
volcanoes from the curated file, unit words outside the mention, local offices before a
place, "RI" and "Tanah Air", Papua the province, a ship's flag. Sentences written for
these tests."""
import csv
from pathlib import Path

import pytest

import geomap

DATA = Path(geomap.__file__).parent / "data"


def _places(text):
    r = geomap.extract(text, lang="id", events=False)
    return {m.text: rp.place for rp in r.places for m in rp.mentions}


@pytest.mark.parametrize("text, mention, cc, lat, lon", [
    ("Antrean kendaraan mengular di Pelabuhan Merak sejak Jumat malam.", "Merak", "ID", -5.93, 106.0),
    ("Kapal feri itu tiba di Bakauheni menjelang subuh.", "Bakauheni", "ID", -5.87, 105.75),
    ("Perahu nelayan membawa 120 orang ke pantai Pidie, Aceh.", "Pidie", "ID", 5.2, 96.0),
    ("Warga di lereng Gunung Semeru diminta menjauh dari sungai.", "Gunung Semeru", "ID", -8.11, 112.92),
    ("Sebanyak 400 tenda didirikan di Cugenang setelah gempa.", "Cugenang", "ID", -6.8, 107.07),
    ("Pos pemeriksaan dibuka di Jakarta Timur pada Senin.", "Jakarta Timur", "ID", -6.23, 106.9),
])
def test_curated_indonesian_places(text, mention, cc, lat, lon):
    got = _places(text)
    assert mention in got, got
    p = got[mention]
    assert p.country_code == cc and abs(p.lat - lat) < 0.25 and abs(p.lon - lon) < 0.25


@pytest.mark.parametrize("text, mention, wrong", [
    ("Banjir merendam tiga desa di Kabupaten Cianjur pada Selasa.", "Cianjur", "Kabupaten Cianjur"),
    ("Bantuan dikirim ke Provinsi Banten melalui jalur darat.", "Banten", "Provinsi Banten"),
    ("Kapal itu bersandar di Pelabuhan Tanjung Priok pada Rabu.", "Tanjung Priok", "Pelabuhan Tanjung Priok"),
])
def test_unit_word_stays_outside_the_mention(text, mention, wrong):
    got = _places(text)
    assert mention in got and wrong not in got
    start = text.index(mention)
    r = geomap.extract(text, lang="id", events=False)
    assert any(m.start == start and m.end == start + len(mention) for rp in r.places for m in rp.mentions)


def test_a_unit_word_that_is_part_of_the_name_stays():
    got = _places("Sebanyak 50 pekerja dipulangkan melalui Kota Bharu pekan lalu.")
    assert "Kota Bharu" in got and got["Kota Bharu"].country_code == "MY"


@pytest.mark.parametrize("text, mention", [
    ("Tim Basarnas Makassar mencari kapal yang hilang.", "Makassar"),
    ("Kepala BPBD Ponorogo meninjau lokasi banjir.", "Ponorogo"),
    ("Warga Ponorogo mengungsi ke masjid.", "Ponorogo"),
])
def test_a_local_office_before_a_place_keeps_the_place(text, mention):
    assert mention in _places(text)


def test_ri_and_tanah_air_are_indonesia():
    got = _places("Sebanyak 30 WNI tiba di Tanah Air, kata Kemlu RI pada Senin.")
    assert got["Tanah Air"].country_code == "ID" and got["Tanah Air"].kind == "country"
    assert got["RI"].country_code == "ID"


def test_papua_in_indonesian_news_is_the_province():
    got = _places("TNI mengirim 450 prajurit ke Papua pada Selasa.")
    assert got["Papua"].country_code == "ID" and got["Papua"].kind != "country"
    got = _places("Mereka menyeberang dari Papua Nugini ke Jayapura.")
    assert got["Papua Nugini"].country_code == "PG"


def test_a_country_after_kapal_is_the_flag_not_the_ship():
    got = _places("Petugas menangkap dua kapal Vietnam di perairan Natuna.")
    assert got["Vietnam"].country_code == "VN"
    # a ship's own name after "kapal" is still no place
    assert "Angara" not in _places("Kapal Angara berlabuh di Vladivostok.")


def test_every_curated_indonesian_row_names_its_source():
    with open(DATA / "curated_places_id.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["source"].strip() and r["lat"] and r["lon"] for r in rows)
