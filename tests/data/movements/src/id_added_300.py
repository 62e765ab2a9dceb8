"""Indonesian passages id-w-300 on, added to tests/data/movements/id.jsonl by `python
scripts/movement_gold_added.py id` (markup as in scripts/movement_gold.py). Wire style, written for geomap;
facts invented. They exercise journeys stopped short ("dicegat/kandas/terbalik di perairan X"), a part of a
group on a chained verb, refugee flows named by their noun, a "from" before a relative clause, a place where
part of a group is held, a stopover before a landing, and negatives (a route passed on the way home, weather,
sport, a speaker's city, prices)."""

# key -> (lat, lon, kind), points written by hand (GeoNames / Wikipedia points, rounded)
PLACES = {
    "Tarakan": (3.3, 117.6333, "city"), "Tawau": (4.2448, 117.8912, "city"), "Nunukan": (4.1384, 117.6507, "city"),
    "Balikpapan": (-1.2675, 116.8289, "city"), "Dumai": (1.6667, 101.45, "city"), "Jakarta": (-6.2146, 106.8451, "city"),
    "Bangka": (-2.1, 106.1, "region"), "Piru": (-3.07, 128.19, "city"), "Maluku": (-3.2, 130.1, "admin1"),
    "Ambon": (-3.6954, 128.1814, "city"), "Natuna": (3.9, 108.2, "region"), "Ranai": (3.9353, 108.3878, "city"),
    "Palu": (-0.8917, 119.8707, "city"), "Samarinda": (-0.5022, 117.1536, "city"),
    "Polandia": (52.0, 20.0, "country"), "Ukraina": (49.0, 32.0, "country"), "Przemysl": (49.7838, 22.7678, "city"),
    "Sabah": (5.5, 117.0, "admin1"), "Parepare": (-4.0135, 119.6255, "city"), "Tual": (-5.64, 132.75, "city"),
    "Saumlaki": (-7.9833, 131.3, "city"), "Malaysia": (2.5, 112.5, "country"),
    "Halim Perdanakusuma": (-6.2666, 106.891, "airport"), "Makassar": (-5.1477, 119.4327, "city"),
    "Mamuju": (-2.6748, 118.8885, "city"), "Jenewa": (46.2022, 6.1457, "city"), "Khartoum": (15.5518, 32.5324, "city"),
    "Port Sudan": (19.6158, 37.2164, "city"), "Jeddah": (21.5433, 39.1728, "city"),
    "Filipina": (13.0, 122.0, "country"), "Taiwan": (23.75, 121.0, "country"), "Sulawesi Utara": (1.0, 124.5, "admin1"),
    "Indonesia": (-5.0, 120.0, "country"), "Jepang": (36.0, 138.0, "country"), "Doha": (25.2854, 51.531, "city"),
    "Bangladesh": (24.0, 90.0, "country"), "Satun": (6.6238, 100.0674, "city"), "Langkawi": (6.35, 99.8, "region"),
    "Myanmar": (21.0, 96.0, "country"), "Mizoram": (23.25, 92.83, "admin1"), "India": (22.0, 79.0, "country"),
    "Yogyakarta": (-7.8014, 110.3647, "city"), "Surabaya": (-7.2492, 112.7508, "city"),
    "Jayapura": (-2.5333, 140.7167, "city"), "Bali": (-8.5, 115.0, "region"),
    "Vietnam": (16.1667, 107.8333, "country"), "Kamboja": (13.0, 105.0, "country"),
    "Kualanamu": (3.6422, 98.8853, "airport"), "Sumatera Utara": (2.0, 99.5, "admin1"), "Medan": (3.5833, 98.6667, "city"),
}

PASSAGES = [
    # a ship caught on its way is taken on from where it was caught, not from where it was bound
    dict(date='2024-07-11', story='penyelundupan-rotan',
         text='Sebuah kapal motor yang mengangkut 30 ton rotan ilegal dari [[Tarakan]] ke [[Tawau]] dicegat KRI di perairan [[Nunukan]] pada Kamis. Kapal itu kemudian digiring ke [[Balikpapan]] untuk diperiksa, kata juru bicara TNI AL.',
         moves=[dict(o='Tarakan', d='Tawau', w='Sebuah kapal motor'),
                dict(o='Nunukan', d='Balikpapan', w='Kapal itu')]),
    # a tanker aground: its cargo goes on to Jakarta from the waters where it ran aground
    dict(date='2024-02-19', story='tanker-kandas',
         text='Kapal tanker yang membawa 4.000 kiloliter solar dari [[Dumai]] menuju [[Jakarta]] kandas di perairan [[Bangka]] pada Senin. Muatan kapal akan dipindahkan ke tanker lain sebelum dilanjutkan ke [[Jakarta]].',
         moves=[dict(o='Dumai', d='Jakarta', w='Kapal tanker'),
                dict(o='Bangka', d='Jakarta#1', w='Muatan kapal', c='planned')]),
    # survivors of a capsized boat are taken from the waters where it capsized
    dict(date='2024-04-06', story='longboat-terbalik',
         text='Longboat yang membawa 25 penumpang terbalik di perairan [[Piru]], [[Maluku]], pada Sabtu sore. Tim SAR gabungan mengevakuasi 19 penumpang ke [[Ambon]]. Enam orang lainnya masih dalam pencarian.',
         moves=[dict(o='Piru', d='Ambon', w='19 penumpang', q=19)]),
    # negative: a sinking with no journey told; the crew being somewhere now is no movement
    dict(date='2024-01-09', story='kapal-nelayan-tenggelam',
         text='Sebuah kapal nelayan tenggelam di perairan [[Natuna]] pada Selasa akibat cuaca buruk. Seluruh awak selamat dan kini berada di [[Ranai]].',
         moves=[]),
    # "Sebagian lainnya menumpang kapal menuju X": the part of the group leaves from where the group left
    dict(date='2018-09-30', story='gempa-palu-2018',
         text='Ribuan warga [[Palu]] meninggalkan rumah dan mengungsi ke perbukitan setelah gempa pada Jumat malam. Sebagian lainnya menumpang kapal menuju [[Balikpapan]] dan [[Samarinda]].',
         moves=[dict(o='Palu', d='Balikpapan', w='Sebagian lainnya'),
                dict(o='Palu', d='Samarinda', w='Sebagian lainnya')]),
    # "Arus pengungsi" are the refugees told before
    dict(date='2022-03-20', story='pengungsi-ukraina-2022',
         text='[[Polandia]] telah menerima lebih dari 1,5 juta pengungsi dari [[Ukraina]] sejak akhir Februari, menurut UNHCR. Arus pengungsi ke kota-kota perbatasan seperti [[Przemysl]] masih tinggi, kata pejabat setempat.',
         moves=[dict(o='Ukraina', d='Polandia', w='lebih dari 1,5 juta pengungsi', q=1500000),
                dict(o='Ukraina', d='Przemysl', w='Arus pengungsi')]),
    # a place passed on the way home ("ke kampung halaman ... melalui X") is no destination
    dict(date='2024-09-18', story='deportasi-pmi-malaysia',
         text='Sebanyak 150 PMI yang dideportasi dari [[Sabah]] tiba di [[Nunukan]] pada Rabu. Mereka akan dipulangkan ke kampung halaman masing-masing melalui [[Parepare]] pekan depan.',
         moves=[dict(o='Sabah', d='Nunukan', w='150 PMI', q=150)]),
    # the rescuers' "from" before a relative clause is not the lost boat's start
    dict(date='2024-08-02', story='kapal-hilang-maluku',
         text='Basarnas mengerahkan KM SAR Antasena dari [[Ambon]] untuk mencari kapal kayu yang hilang dalam perjalanan dari [[Tual]] ke [[Saumlaki]]. Kapal itu membawa delapan awak dan 20 ton ikan.',
         moves=[dict(o='Tual', d='Saumlaki', w='kapal kayu')]),
    # where part of a group is still held is no start of the other part's trip
    dict(date='2024-09-25', story='deportasi-pmi-malaysia',
         text='[[Malaysia]] mendeportasi lebih dari 1.000 PMI dari [[Sabah]] pekan ini. Sebagian dari mereka masih ditampung di [[Tawau]], sementara kapal Pelni mengangkut 400 orang dari [[Tawau]] ke [[Parepare]].',
         moves=[dict(o='Tawau#1', d='Parepare', w='400 orang', q=400)]),
    # "Pesawat itu" before a stopover is the plane that took off: the landing starts where it took off
    dict(date='2021-01-19', story='gempa-sulbar-2021',
         text='Pesawat TNI AU yang mengangkut 12 ton bantuan untuk korban gempa lepas landas dari [[Halim Perdanakusuma]] pada Selasa pagi. Pesawat itu dijadwalkan transit di [[Makassar]] sebelum mendarat di [[Mamuju]].',
         moves=[dict(o='Halim Perdanakusuma', d='Mamuju', p=['Makassar'], w='Pesawat itu', c='planned')]),
    # a speaker's city is no end; "Dari sana" goes on from the place just reached
    dict(date='2023-04-24', story='evakuasi-sudan-2023',
         text='Menteri Luar Negeri, yang berbicara di [[Jenewa]] pada Senin, mengatakan 36 WNI telah dievakuasi dari [[Khartoum]] ke [[Port Sudan]]. Dari sana mereka akan diberangkatkan ke [[Jeddah]] dengan kapal.',
         moves=[dict(o='Khartoum', d='Port Sudan', w='36 WNI', q=36),
                dict(o='Port Sudan', d='Jeddah', w='mereka', c='planned')]),
    # negative: a storm moving is weather
    dict(date='2024-10-27', story='cuaca',
         text='Badai tropis menghantam pesisir [[Filipina]] pada Minggu dan bergerak menuju [[Taiwan]], menurut BMKG. Gelombang tinggi diperkirakan terjadi di perairan [[Sulawesi Utara]].',
         moves=[]),
    # negative: a match
    dict(date='2024-11-12', story='sepak-bola',
         text='Timnas [[Indonesia]] akan menghadapi [[Jepang]] di [[Doha]] pada Kamis malam. Laga itu menentukan langkah kedua tim ke babak final.',
         moves=[]),
    # intercepted with no destination told: the voyage ended where it was stopped, and went on from there
    dict(date='2023-03-15', story='migran-laut-andaman',
         text='Kapal yang membawa 70 pengungsi Rohingya dari [[Bangladesh]] dicegat Angkatan Laut Thailand di perairan [[Satun]] pada Rabu. Para pengungsi itu kemudian dibawa ke [[Langkawi]] oleh otoritas Malaysia.',
         moves=[dict(o='Bangladesh', d='Satun', w='70 pengungsi Rohingya', q=70),
                dict(o='Satun', d='Langkawi', w='Para pengungsi itu')]),
    # parts of a group that left one place go their own ways from it
    dict(date='2024-06-01', story='mahasiswa-pulang',
         text='Sekitar 300 mahasiswa meninggalkan asrama di [[Yogyakarta]] pada Sabtu. Sebagian menumpang kereta menuju [[Surabaya]], sementara yang lain terbang ke [[Jayapura]].',
         moves=[dict(o='Yogyakarta', d='Surabaya', w='Sebagian'),
                dict(o='Yogyakarta', d='Jayapura', w='yang lain')]),
    # "Gelombang pengungsi dari X ke Y"
    dict(date='2021-04-02', story='pengungsi-myanmar-india',
         text='Gelombang pengungsi dari [[Myanmar]] terus berdatangan ke [[Mizoram]], [[India]], sejak kudeta militer. Pemerintah negara bagian itu mencatat lebih dari 30.000 orang telah tiba.',
         moves=[dict(o='Myanmar', d='Mizoram', w='Gelombang pengungsi')]),
    # what a halting verb stopped, told with its start, reached where it was stopped; the ship's own start
    # told next is a second report of that arrival
    dict(date='2024-05-14', story='migran-vietnam-natuna',
         text='Bakamla menangkap sebuah kapal yang membawa 45 migran asal [[Vietnam]] di perairan [[Natuna]] pada Selasa. Kapal itu diduga berangkat dari [[Kamboja]] sepekan sebelumnya.',
         moves=[dict(o='Vietnam', d='Natuna', w='45 migran asal Vietnam', q=45),
                dict(o='Kamboja', d='Natuna', w='Kapal itu', c='reported')]),
    # a courier caught at an airport: no journey told there, but he is taken on from where he was caught
    dict(date='2024-06-21', story='sabu-kualanamu',
         text='Petugas Bea Cukai menangkap seorang pria yang membawa dua kilogram sabu di Bandara [[Kualanamu]] pada Jumat. Pria itu kemudian dibawa ke Polda [[Sumatera Utara]] di [[Medan]].',
         moves=[dict(o='Kualanamu', d='Medan', w='Pria itu')]),
    # negative: a fare on a route is no journey
    dict(date='2024-03-28', story='harga-tiket',
         text='Harga tiket pesawat dari [[Jakarta]] ke [[Bali]] naik dua kali lipat menjelang libur Lebaran, kata Kementerian Perhubungan. Maskapai belum menambah jadwal.',
         moves=[]),
]
