"""Indonesian passages for the rules read off the real Indonesian excerpts (issue 10; id-w-400 on).

`python scripts/movement_gold_added.py id` replaces the rows id-w-400 to id-w-499 of
tests/data/movements/id.jsonl with a fresh build of this file and keeps every other row (markup as in
scripts/movement_gold.py). Wire style, written for geomap; facts invented."""

# key -> (lat, lon, kind), points written by hand (GeoNames / Wikipedia points, rounded)
PLACES = {
    "Cianjur": (-6.8222, 107.1394, "city"), "Jawa Barat": (-7.09, 107.67, "admin1"),
    "Subang": (-6.5715, 107.7587, "city"), "Garut": (-7.2279, 107.9087, "city"),
    "Mosul": (36.335, 43.1189, "city"), "Tal Afar": (36.3767, 42.4483, "city"), "Dohuk": (36.8672, 42.9886, "city"),
    "Irak": (33.0, 44.0, "country"), "Bandung": (-6.9147, 107.6098, "city"), "Jakarta": (-6.2146, 106.8451, "city"),
    "Rote Ndao": (-10.73, 123.12, "admin2"), "Australia": (-25.0, 135.0, "country"),
    "Darwin": (-12.4611, 130.8418, "city"), "Kupang": (-10.1718, 123.6075, "city"), "Laut Timor": (-11.0, 127.0, "sea"),
    "Kharkiv": (49.9935, 36.2304, "city"), "Ukraina": (49.0, 32.0, "country"), "Lviv": (49.8383, 24.0232, "city"),
    "Polandia": (52.0, 20.0, "country"), "Prancis": (46.0, 2.0, "country"), "Chad": (15.0, 19.0, "country"),
    "Niger": (17.0, 9.0, "country"), "N'Djamena": (12.1067, 15.0444, "city"),
    "Amman": (31.9552, 35.945, "city"), "Yordania": (31.0, 36.0, "country"), "Gaza": (31.42, 34.36, "region"),
    "Ende": (-8.8432, 121.6623, "city"), "Atambua": (-9.1061, 124.8925, "city"),
    "Iran": (32.0, 53.0, "country"), "Rusia": (60.0, 100.0, "country"), "Ukraina Timur": (48.5, 37.5, "region"),
    "Balikpapan": (-1.2675, 116.8289, "city"), "Madinah": (24.4686, 39.6142, "city"),
    "Makkah": (21.4267, 39.8261, "city"), "Natuna": (3.9, 108.3, "region"),
    "Surabaya": (-7.2492, 112.7508, "city"), "Sudan": (15.0, 30.0, "country"), "Port Sudan": (19.6158, 37.2164, "city"),
    "Jeddah": (21.5433, 39.1728, "city"), "Indonesia": (-5.0, 120.0, "country"),
    # second pass
    "Makassar": (-5.1477, 119.4327, "city"), "Banjarmasin": (-3.3194, 114.5908, "city"),
    "Jepang": (36.0, 138.0, "country"), "Tanjung Priok": (-6.1045, 106.8807, "port"),
    "Moskow": (55.7522, 37.6156, "city"), "Pyongyang": (39.0339, 125.7543, "city"), "Korea Utara": (40.0, 127.0, "country"),
    "Aceh": (4.7, 96.75, "admin1"), "Malaysia": (4.2, 101.98, "country"), "Sorong": (-0.8762, 131.2558, "city"),
    "Bitung": (1.4451, 125.1824, "city"), "Lebanon": (33.9, 35.9, "country"), "Merak": (-5.93, 106.0, "port"),
    "Sumatera": (0.0, 102.0, "region"), "Beirut": (33.8933, 35.5016, "city"),
    "Bekasi": (-6.2349, 106.9896, "city"), "Cikarang": (-6.2611, 107.1528, "city"),
}

PASSAGES = [
    # police named by the post they came from, now on guard elsewhere, went there ("dari Polres Subang")
    dict(date='2022-11-23', story='gempa-cianjur-2022',
         text='Gempa bermagnitudo 5,6 mengguncang [[Cianjur]], [[Jawa Barat]], pada Senin siang. Personel dari Polres [[Subang]] dan Polres [[Garut]] tampak bersiaga di Mako Polres [[Cianjur]] sejak Selasa pagi. Kapolres [[Cianjur]] mengatakan situasi di posko pengungsian tetap kondusif.',
         moves=[dict(o='Subang', d='Cianjur#1', w='Personel'),
                dict(o='Garut', d='Cianjur#1', w='Personel')]),
    # where a group told to come from somewhere now lives is where it went
    dict(date='2017-07-12', story='pengungsi-mosul',
         text='Sebagian besar pengungsi yang mendaftar pekan ini berasal dari [[Mosul]] dan [[Tal Afar]], kata badan pengungsi PBB. Mereka kini tinggal di kamp-kamp di sekitar [[Dohuk]], [[Irak]] utara.',
         moves=[dict(o='Mosul', d='Dohuk', w='Mereka', ev=(0, 1)),
                dict(o='Tal Afar', d='Dohuk', w='Mereka', ev=(0, 1))]),
    # negative: someone who lives somewhere, with no journey told
    dict(date='2024-08-20', story='lomba-cerdas-cermat',
         text='Pemenang lomba cerdas cermat tingkat nasional tahun ini adalah Rina Sari, siswi kelas XI yang kini tinggal di [[Bandung]] bersama neneknya. Lomba itu digelar di [[Jakarta]] pada Sabtu dan diikuti peserta dari 38 provinsi.',
         moves=[]),
    # going back after a leg told in the same sentence starts where that leg ended
    dict(date='2024-04-15', story='nelayan-rote-australia',
         text='Sebanyak 14 nelayan asal [[Rote Ndao]] yang ditangkap otoritas [[Australia]] dibawa ke [[Darwin]] pada Senin, tetapi akan dipulangkan ke [[Kupang]] pekan depan. Kapal kayu mereka dimusnahkan di perairan [[Laut Timor]].',
         moves=[dict(d='Darwin', w='14 nelayan asal Rote Ndao', q=14),
                dict(o='Darwin', d='Kupang', w='14 nelayan asal Rote Ndao', q=14, c='planned')]),
    # "Mereka" before an idle verb ("diberangkatkan pada Selasa") is the subject of the next one ("lalu tiba")
    dict(date='2022-03-03', story='evakuasi-wni-ukraina',
         text='Rombongan kedua yang terdiri atas 31 WNI dievakuasi dari [[Kharkiv]], [[Ukraina]]. Mereka diberangkatkan pada Selasa pagi dengan bus lalu tiba di [[Lviv]] pada Rabu malam. Dari [[Lviv]], rombongan itu akan diseberangkan ke [[Polandia]].',
         moves=[dict(o='Kharkiv', w='Rombongan kedua yang terdiri atas 31 WNI', q=31),
                dict(o='Kharkiv', d='Lviv', w='Mereka', ev=(0, 1)),
                dict(o='Lviv#1', d='Polandia', w='rombongan itu', c='planned')]),
    # an apposition names the country its head and owner spoke of; the speaker's capital is no end
    dict(date='2023-12-22', story='penarikan-pasukan-prancis',
         text='[[Prancis]] memindahkan 1.500 tentaranya dari [[Niger]] ke negara tetangganya, [[Chad]], pada Jumat, kata juru bicara militer di [[N\'Djamena]]. Penarikan itu selesai lebih cepat dari jadwal.',
         moves=[dict(o='Niger', d='Chad', w='1.500 tentaranya', q=1500)]),
    # a fronted "sebelum" clause happens after the main clause: the trip it tells starts where the main one ends
    dict(date='2024-03-18', story='evakuasi-wni-gaza-2024',
         text='Sebelum diterbangkan ke [[Jakarta]], sembilan WNI yang keluar dari [[Gaza]] dibawa ke [[Amman]], [[Yordania]], dengan bus pada Minggu. Kementerian Luar Negeri mengatakan kondisi kesembilan WNI itu baik.',
         moves=[dict(o='Gaza', d='Amman', w='sembilan WNI yang keluar dari Gaza', q=9),
                dict(o='Amman', d='Jakarta', w='sembilan WNI yang keluar dari Gaza', q=9, c='planned')]),
    # an arrival trigger that holds its own preposition ("sampai di"); a returning group from the border
    dict(date='2024-01-09', story='pengungsi-banjir-ntt',
         text='Rombongan relawan dari [[Kupang]] sampai di [[Atambua]] pada Senin malam setelah menempuh perjalanan 12 jam. Mereka akan membantu warga korban banjir di sejumlah desa perbatasan.',
         moves=[dict(o='Kupang', d='Atambua', w='Rombongan relawan')]),
    # "tentang" ends a place's walk back to a preposition: the country before "yang mengirim" sends
    dict(date='2024-09-11', story='rudal-iran-rusia',
         text='Pertemuan para menteri luar negeri itu berlangsung di tengah kekhawatiran tentang [[Iran]] yang mengirim ratusan rudal balistik ke [[Rusia]]. Rudal-rudal itu diyakini akan digunakan dalam serangan musim dingin.',
         moves=[dict(o='Iran', d='Rusia', w='ratusan rudal balistik', c='reported'),
                ]),
    # a flight group named by its embarkation: "Kloter pertama Embarkasi Balikpapan"
    dict(date='2024-05-13', story='haji-2024',
         text='Kloter pertama Embarkasi [[Balikpapan]] atau BPN 01 akan tiba di [[Madinah]] pada Senin pukul 09.30 waktu setempat. Setelah delapan hari di [[Madinah]], jemaah akan diberangkatkan dengan bus ke [[Makkah]].',
         moves=[dict(o='Balikpapan', d='Madinah', w='Kloter pertama Embarkasi Balikpapan', c='planned'),
                dict(o='Madinah#1', d='Makkah', w='jemaah', c='planned')]),
    # negative: a seizure and a ship held where it was taken, and the spokesman's city
    dict(date='2024-06-02', story='kapal-ikan-asing-natuna',
         text='Kapal patroli Bakamla mengamankan dua kapal ikan asing di perairan [[Natuna]] pada Sabtu. Kedua kapal itu kini ditahan di dermaga pangkalan Bakamla di [[Natuna]] sambil menunggu proses hukum, kata juru bicara Bakamla di [[Jakarta]].',
         moves=[]),
    # going back home after a leg to the port; a return with its own origin keeps it
    dict(date='2023-04-29', story='evakuasi-sudan-2023',
         text='Sebanyak 385 WNI dari [[Sudan]] tiba di [[Jeddah]] dengan kapal dari [[Port Sudan]] pada Jumat, tetapi baru akan dipulangkan ke [[Surabaya]] dan [[Jakarta]] pekan depan. Pemulangan dilakukan bertahap karena keterbatasan pesawat, kata Kementerian Luar Negeri.',
         moves=[dict(o='Port Sudan', d='Jeddah', w='385 WNI dari Sudan', q=385),
                dict(o='Jeddah', d='Surabaya', w='385 WNI dari Sudan', q=385, c='planned'),
                dict(o='Jeddah', d='Jakarta', w='385 WNI dari Sudan', q=385, c='planned')]),
    # second pass. A list of embarkations after a trip from a number of them ("dari tiga embarkasi. Masing-masing
    # ..."), each with its code; the flight goes to an airport named after a person ("bin") in Madinah
    dict(date='2024-05-12', story='haji-2024',
         text='Kloter pertama jemaah haji mulai berangkat hari ini. Mereka menuju Bandara Pangeran Muhammad bin Abdul Aziz [[Madinah]]. Total ada 1.150 jemaah haji [[Indonesia]] yang diberangkatkan dari tiga embarkasi. Masing-masing [[Makassar]] (UPG), [[Balikpapan]] (BPN) dan [[Banjarmasin]] (BDJ).',
         moves=[dict(d='Madinah', w='Kloter pertama jemaah haji', c='planned'),
                dict(o='Makassar', d='Madinah', w='1.150 jemaah haji Indonesia', q=1150),
                dict(o='Balikpapan', d='Madinah', w='1.150 jemaah haji Indonesia', q=1150),
                dict(o='Banjarmasin', d='Madinah', w='1.150 jemaah haji Indonesia', q=1150)]),
    # the pilgrims' country after their noun gives way to the start the story tells, in another country
    dict(date='2024-06-06', story='haji-2024',
         text='[[MADINAH|Madinah]] - Sebanyak 1.400 jemaah haji [[Indonesia]] diberangkatkan ke [[Makkah]] pada Kamis. Tahap pertama, empat kloter berangkat dari hotel di [[Madinah]] menuju [[Makkah]] pukul 14.00 waktu setempat.',
         moves=[dict(o='Madinah', d='Makkah', w='1.400 jemaah haji Indonesia', q=1400),
                dict(o='Madinah', d='Makkah#1', w='empat kloter')]),
    # "khususnya" after a comma names one of the countries; a dashed pair with its own code is one place
    dict(date='2024-02-20', story='ekspor-tanjung-priok',
         text='Kapal kontainer itu membawa ekspor kopi dan kakao ke berbagai negara, khususnya [[Jepang]], dari Pelabuhan [[Tanjung Priok]] pada Selasa. Muatan dari gudang [[Jakarta]]-[[Cikarang]] (JCK) sudah dimuat sejak Senin.',
         moves=[dict(o='Tanjung Priok', d='Jepang', w='Kapal kontainer itu')]),
    # a minister named by title, country and name visits; "tidak biasa" negates nothing
    dict(date='2024-11-22', story='korea-utara-rusia',
         text='Menteri Luar Negeri [[Korea Utara]] Choe Son-hui melakukan kunjungan ke [[Moskow]] pekan ini. Pertemuannya dengan pejabat tinggi Rusia dinilai tidak biasa dalam hal protokol.',
         moves=[dict(o='Korea Utara', d='Moskow', w='Menteri Luar Negeri Korea Utara Choe Son-hui')]),
    # a boat heading somewhere that ends up elsewhere did not leave from where it headed
    dict(date='2023-12-10', story='rohingya-aceh',
         text='Kapal kayu yang membawa 140 pengungsi Rohingya itu mengarungi laut lepas menuju [[Malaysia]] hingga kemudian terdampar di [[Aceh]] pada Minggu. Warga setempat memberikan makanan kepada para pengungsi.',
         moves=[dict(d='Malaysia', w='Kapal kayu yang membawa 140 pengungsi Rohingya'),
                dict(d='Aceh', w='Kapal kayu yang membawa 140 pengungsi Rohingya')]),
    # a route noun before stops parted by spaced dashes: one route from the first to the last
    dict(date='2024-04-02', story='bantuan-gaza-tni-au',
         text='Rute pelayaran kapal bantuan itu yakni [[Tanjung Priok]] ([[Jakarta]]) - [[Makassar]] - [[Bitung]] - [[Sorong]]. Kapal dijadwalkan tiba pekan depan.',
         moves=[dict(o='Tanjung Priok', d='Sorong', w='kapal bantuan itu', c='planned')]),
    # an evacuation starts where it is carried out, told after the arrival
    dict(date='2024-10-11', story='evakuasi-wni-lebanon-2024',
         text='Sebanyak 12 warga negara Indonesia tiba di [[Jakarta]] dengan selamat pada Kamis. Upaya ini merupakan gelombang ketujuh evakuasi WNI di [[Lebanon]], kata Kementerian Luar Negeri.',
         moves=[dict(o='Lebanon', d='Jakarta', w='12 warga negara Indonesia', q=12)]),
    # travellers at a port head elsewhere from it
    dict(date='2024-04-16', story='mudik-merak-bakauheni',
         text='Suasana Pelabuhan [[Merak]] hingga Selasa pagi belum terlihat peningkatan penumpang arus balik menuju ke berbagai daerah di Pulau [[Sumatera]]. Petugas tetap menyiagakan enam kapal.',
         moves=[dict(o='Merak', d='Sumatera', w='penumpang arus balik')]),
    # negative: a dashed pair of a metro area with its code, and a plan of evacuation in a relative clause's city
    dict(date='2024-08-01', story='evakuasi-wni-lebanon-2024',
         text='Para pekerja dari gudang [[Jakarta]]-[[Bekasi]] (JKS) sudah libur sejak Senin. Kedutaan masih menyiapkan evakuasi WNI di [[Lebanon]] yang sebagian adalah staf di [[Beirut]].',
         moves=[]),
    # a trip noun listed after "termasuk" (through a hedge) is no verb of the clause: its words before tell no mover
    dict(date='2024-09-03', story='korea-utara-rusia',
         text='Pertemuan kedua menteri itu membahas masalah keamanan termasuk kemungkinan kunjungan Presiden Putin ke [[Pyongyang]] tahun depan. Negosiasi berlangsung tertutup.',
         moves=[dict(d='Pyongyang', w='Presiden Putin', c='likely')]),
    # negative: with no list word, a trip noun after money sends no one
    dict(date='2024-09-04', story='korea-utara-rusia',
         text='Pemerintah membahas uang pengiriman ke [[Pyongyang]] dalam rapat tertutup pada Rabu.',
         moves=[]),
]
