"""Indonesian passages added to tests/data/movements/id.jsonl in the second Indonesian pass (id-w-203 on).

id.jsonl itself was written by hand before the builder existed, so these rows are appended, not rebuilt:
`python scripts/movement_gold_added.py id` replaces the rows id-w-203 to id-w-299 with a fresh build of
this file (markup as in scripts/movement_gold.py). Wire style, written for geomap; facts invented."""

# key -> (lat, lon, kind), points written by hand (GeoNames / Wikipedia points, rounded)
PLACES = {
    "Surabaya": (-7.2492, 112.7508, "city"), "Makassar": (-5.1477, 119.4327, "city"),
    "Lombok": (-8.6, 116.35, "region"), "Kupang": (-10.1718, 123.6075, "city"),
    "Laut Natuna Utara": (4.5, 108.5, "sea"), "Indonesia": (-5.0, 120.0, "country"),
    "Vientiane": (17.9667, 102.6, "city"), "Tawau": (4.2448, 117.8912, "city"),
    "Nunukan": (4.1384, 117.6507, "city"), "Nusa Tenggara Barat": (-8.65, 117.36, "admin1"),
    "Tuban": (-6.8976, 112.0649, "city"), "Dili": (-8.5586, 125.5736, "city"),
    "Jakarta": (-6.2146, 106.8451, "city"), "Amman": (31.9552, 35.945, "city"), "Gaza": (31.42, 34.36, "region"),
    "Port Sudan": (19.6158, 37.2164, "city"), "Jeddah": (21.5433, 39.1728, "city"),
    "Chernivtsi": (48.2915, 25.9403, "city"), "Suceava": (47.6514, 26.2556, "city"),
    "Bukares": (44.4323, 26.1063, "city"), "Darwin": (-12.4611, 130.8418, "city"),
    "Tanjung Perak": (-7.2, 112.73, "port"), "Kediri": (-7.8167, 112.0167, "city"),
    "Ukraina": (49.0, 32.0, "country"), "Polandia": (52.0, 20.0, "country"), "Warsawa": (52.2298, 21.0118, "city"),
    "Thailand": (15.5, 101.0, "country"), "Sudan": (15.0, 30.0, "country"), "Balikpapan": (-1.2675, 116.8289, "city"),
    "Denpasar": (-8.65, 115.2167, "city"), "Kairo": (30.0444, 31.2357, "city"), "Mesir": (27.0, 30.0, "country"),
    "Rafah": (31.2969, 34.2436, "city"),
}

PASSAGES = [
    # a region in a list closed by "dan" is a destination of its own
    dict(date='2024-12-20', story='libur-natal-2024',
         text='Maskapai Lion Air menambah 40 penerbangan dari [[Surabaya]] ke [[Makassar]], [[Lombok]], dan [[Kupang]] selama libur Natal. Tiket ke ketiga kota itu hampir habis terjual, kata juru bicara maskapai.',
         moves=[dict(o='Surabaya', d='Makassar', w='40 penerbangan', q=40),
                dict(o='Surabaya', d='Lombok', w='40 penerbangan', q=40),
                dict(o='Surabaya', d='Kupang', w='40 penerbangan', q=40)]),
    # a country sends ships to its own sea; the meeting city is no end
    dict(date='2024-11-21', story='natuna-patroli',
         text='Di sela pertemuan menteri pertahanan ASEAN di [[Vientiane]], Panglima TNI mengatakan [[Indonesia]] akan mengirim empat kapal perang ke [[Laut Natuna Utara]] bulan depan. Kapal-kapal itu akan berpatroli selama tiga bulan.',
         moves=[dict(o='Indonesia', d='Laut Natuna Utara', w='empat kapal perang', q=4, c='planned')]),
    # where the deportees come from is no second start of a journey told with its start
    dict(date='2024-09-10', story='deportasi-pmi-malaysia',
         text='Sebanyak 112 pekerja migran Indonesia dideportasi dari [[Tawau]] ke [[Nunukan]] pada Senin. Sebagian besar berasal dari [[Nusa Tenggara Barat]] dan bekerja di perkebunan sawit.',
         moves=[dict(o='Tawau', d='Nunukan', w='112 pekerja migran Indonesia', q=112)]),
    # "pabrik itu" is where the cement comes from, not the cement that just arrived
    dict(date='2024-08-14', story='ekspor-semen',
         text='Pabrik semen di [[Tuban]] mengapalkan 5.000 ton semen ke [[Kupang]] pada Rabu. Sebagian produksi pabrik itu juga dikirim ke [[Dili]] setiap bulan.',
         moves=[dict(o='Tuban', d='Kupang', w='5.000 ton semen', q=5000),
                dict(o='Tuban', d='Dili', w='Sebagian produksi pabrik itu')]),
    # a purpose verb that carries the cargo on starts where the flight ended
    dict(date='2024-03-08', story='bantuan-gaza-udara',
         text='Pemerintah menerbangkan 15 ton bantuan kemanusiaan dari [[Jakarta]] ke [[Amman]] pada Jumat untuk disalurkan ke [[Gaza]] melalui jalur darat.',
         moves=[dict(o='Jakarta', d='Amman', w='15 ton bantuan kemanusiaan', q=15),
                dict(o='Amman', d='Gaza', w='15 ton bantuan kemanusiaan', q=15, c='planned')]),
    # "orang ini" names the group again; "melanjutkan perjalanan" goes on from where it arrived
    dict(date='2023-04-27', story='evakuasi-sudan-2023',
         text='Sebanyak 420 WNI dari [[Sudan]] tiba di [[Port Sudan]] pada Senin. Dari 420 orang ini, 398 sudah melanjutkan perjalanan dengan kapal ke [[Jeddah]], kata Kementerian Luar Negeri.',
         moves=[dict(o='Sudan', d='Port Sudan', w='420 WNI', q=420),
                dict(o='Port Sudan', d='Jeddah', w='398', q=398, ev=1)]),
    # a second leg joined by "dan ... dalam perjalanan menuju" starts at the first leg's end
    dict(date='2022-03-01', story='evakuasi-wni-ukraina',
         text='Rombongan 25 WNI diseberangkan dari [[Chernivtsi]] ke [[Suceava]] dan saat ini dalam perjalanan menuju [[Bukares]], kata KBRI.',
         moves=[dict(o='Chernivtsi', d='Suceava', w='Rombongan 25 WNI', q=25),
                dict(o='Suceava', d='Bukares', w='Rombongan 25 WNI', q=25)]),
    # what the ship carried, named again, leaves from where it docked
    dict(date='2024-06-03', story='impor-sapi',
         text='Kapal ternak yang membawa 2.500 ekor sapi dari [[Darwin]] bersandar di Pelabuhan [[Tanjung Perak]] pada Senin. Sapi-sapi itu akan diangkut dengan truk ke [[Kediri]] untuk digemukkan.',
         moves=[dict(o='Darwin', d='Tanjung Perak', w='Kapal ternak'),
                dict(o='Tanjung Perak', d='Kediri', w='Sapi-sapi itu', c='planned')]),
    # a group that reached a country and goes on inside it sets out from where it started
    dict(date='2022-03-04', story='pengungsi-ukraina-2022',
         text='Sekitar 60 pengungsi menyeberang dari [[Ukraina]] ke [[Polandia]] pada Kamis malam. Mereka kemudian diangkut dengan bus ke [[Warsawa]].',
         moves=[dict(o='Ukraina', d='Polandia', w='Sekitar 60 pengungsi', q=60),
                dict(o='Ukraina', d='Warsawa', w='Mereka')]),
    # negative: "ini" on a word that is no mover ("hari ini") points at nothing; no one moves from Port Sudan
    dict(date='2023-04-28', story='evakuasi-sudan-2023',
         text='Hari ini Menteri Luar Negeri memberikan keterangan pers di [[Jakarta]] tentang situasi di [[Port Sudan]]. Pekan ini pemerintah masih menunggu izin berlabuh dari otoritas setempat.',
         moves=[]),
    # negative: where rice is from, with no journey told
    dict(date='2024-02-15', story='harga-beras',
         text='Harga beras di [[Balikpapan]] naik lima persen pekan ini, kata Badan Pusat Statistik. Sebagian besar beras itu berasal dari [[Thailand]].',
         moves=[]),
    # negative: a conference and a speaker's location
    dict(date='2024-10-02', story='konferensi-pariwisata',
         text='Konferensi pariwisata ASEAN dibuka di [[Denpasar]] pada Rabu. Menteri Pariwisata, yang berbicara dari [[Jakarta]] melalui video, mengatakan jumlah wisatawan terus meningkat.',
         moves=[]),
    # "Mereka kemudian dibawa ke Kairo" after a crossing into Egypt: from Rafah, where they crossed
    dict(date='2023-11-02', story='evakuasi-gaza-2023',
         text='Sebanyak tujuh WNI keluar dari [[Gaza]] melalui perlintasan [[Rafah]] ke [[Mesir]] pada Rabu. Mereka kemudian dibawa dengan bus ke [[Kairo]].',
         moves=[dict(o='Gaza', d='Mesir', p=['Rafah'], w='tujuh WNI', q=7),
                dict(o='Rafah', d='Kairo', w='Mereka')]),
]
