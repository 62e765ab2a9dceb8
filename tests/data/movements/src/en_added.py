"""English passages added to tests/data/movements/en.jsonl from en-w-300 on (the "ens" pass).

en.jsonl's first rows were written by hand; `python scripts/movement_gold_added.py en` keeps them (and any row
from en-w-400 on) and replaces en-w-300..399 with a fresh build of this file (markup as in
scripts/movement_gold.py). Wire style, written for geomap; facts invented. Points written by hand (GeoNames /
Wikipedia points, rounded)."""

# key -> (lat, lon, kind)
PLACES = {
    "Lampedusa": (35.50, 12.60, "city"), "Sfax": (34.74, 10.76, "city"), "Tunisia": (34.0, 9.0, "country"),
    "Italy": (42.83, 12.83, "country"), "Porto Empedocle": (37.29, 13.53, "city"), "Sicily": (37.5, 14.0, "admin1"),
    "Rome": (41.89, 12.48, "city"), "Jordan": (31.0, 36.0, "country"), "El Arish": (31.13, 33.80, "city"),
    "Rafah": (31.28, 34.25, "city"), "Egypt": (27.0, 30.0, "country"), "Sinai": (29.5, 33.8, "region"),
    "Nauru": (-0.53, 166.93, "country"), "Australia": (-25.0, 135.0, "country"),
    "Brisbane": (-27.47, 153.03, "city"), "Canada": (60.0, -95.0, "country"), "Denmark": (56.0, 10.0, "country"),
    "Ukraine": (49.0, 32.0, "country"), "Gdansk": (54.35, 18.65, "city"), "Copenhagen": (55.68, 12.57, "city"),
    "Finland": (64.0, 26.0, "country"), "Austria": (47.33, 13.33, "country"), "Beirut": (33.89, 35.50, "city"),
    "Vienna": (48.21, 16.37, "city"), "Brussels": (50.85, 4.35, "city"), "Lebanon": (33.83, 35.83, "country"),
    "Odesa": (46.48, 30.73, "city"), "Alexandria": (31.20, 29.92, "city"), "Cairo": (30.04, 31.24, "city"),
    "Sudan": (15.0, 30.0, "country"), "Adre": (13.47, 22.20, "city"), "Chad": (15.0, 19.0, "country"),
    "El Geneina": (13.45, 22.44, "city"), "Abeche": (13.83, 20.83, "city"), "Brittany": (48.0, -3.0, "admin1"),
    "France": (46.0, 2.0, "country"), "Bordeaux": (44.84, -0.58, "city"), "Fiji": (-18.0, 178.0, "country"),
    "Wales": (52.5, -3.5, "admin1"), "Kherson": (46.64, 32.61, "city"), "Beryslav": (46.84, 33.43, "city"),
    "Mykolaiv": (46.97, 31.99, "city"), "Kryvyi Rih": (47.91, 33.39, "city"), "Greece": (39.0, 22.0, "country"),
    "Novorossiysk": (44.72, 37.77, "city"), "India": (22.0, 79.0, "country"), "Jamnagar": (22.47, 70.07, "city"),
    "Samos": (37.75, 26.98, "region"), "Vathy": (37.75, 26.98, "city"), "Piraeus": (37.94, 23.65, "city"),
    "Germany": (51.5, 10.5, "country"), "Lithuania": (55.5, 24.0, "country"), "Vilnius": (54.69, 25.28, "city"),
    "Berlin": (52.52, 13.40, "city"), "Kaunas": (54.90, 23.90, "city"), "Kyiv": (50.45, 30.52, "city"),
    "Amman": (31.96, 35.95, "city"), "N'Djamena": (12.11, 15.04, "city"), "Gaza": (31.42, 34.36, "region"), "Jordanian": (31.0, 36.0, "country"),
    "Estonia": (59.0, 26.0, "country"), "Latvia": (57.0, 25.0, "country"), "Norway": (62.0, 10.0, "country"),
    "Tapa": (59.26, 25.96, "city"), "Oslo": (59.91, 10.75, "city"), "Tallinn": (59.44, 24.75, "city"),
    "Cyprus": (35.0, 33.0, "country"), "Larnaca": (34.92, 33.63, "city"), "Haifa": (32.82, 34.99, "city"),
    "Mediterranean": (35.0, 18.0, "sea"), "Kharkiv": (49.99, 36.23, "city"), "Dnipro": (48.45, 34.98, "city"),
    "Poltava": (49.59, 34.55, "city"),
}

PASSAGES = [
    # a leg told of "Most" keeps the group: "The migrants were later taken" goes on from where they were brought;
    # the minister's city is no end
    dict(date="2023-08-21", story="ens-lampedusa",
         text="An [[Italian|Italy|d]] coast guard ship brought 212 migrants to [[Lampedusa]] on Sunday. Most had left "
              "[[Sfax]] in [[Tunisia]] two days earlier, the interior ministry said. The migrants were later taken by "
              "ferry to [[Porto Empedocle]] in [[Sicily]]. Speaking in [[Rome]], the minister said arrivals had "
              "doubled since June.",
         moves=[dict(o=None, d="Lampedusa", w="212 migrants", q=212),
                dict(o="Sfax", d="Lampedusa", w="Most", ev=(0, 1)),
                dict(o="Lampedusa", d="Porto Empedocle", w="The migrants", ev=(0, 2))]),
    # "The shipment" is the load that just landed; rain in Sinai moves nothing
    dict(date="2024-02-13", story="ens-gaza-aid",
         text="A [[Jordanian|Jordan|d]] army plane carrying 12 tonnes of medical supplies landed in [[El Arish]] on "
              "Tuesday. The shipment will be driven to the [[Rafah]] crossing on Wednesday, the [[Egyptian|Egypt|d]] "
              "Red Crescent said. Heavy rain in [[Sinai]] has slowed work at the crossing this week.",
         moves=[dict(o="Jordanian", d="El Arish", w="A Jordanian army plane carrying 12 tonnes of medical supplies",
                     q=12),
                dict(o="El Arish", d="Rafah", w="The shipment", c="planned", ev=(0, 1))]),
    # held on an island, then flown on; Australia's policy names no end
    dict(date="2023-06-19", story="ens-nauru",
         text="Twenty-three refugees were held on [[Nauru]] for six years under [[Australia]]'s offshore processing "
              "policy. They were flown to [[Brisbane]] on Monday and will be resettled in [[Canada]] later this year, "
              "the home affairs department said.",
         moves=[dict(o="Nauru", d="Brisbane", w="They", ev=(0, 1)),
                dict(o="Brisbane", d="Canada", w="They", c="planned")]),
    # "a Danish-funded scheme" says who paid, not whence; a football score in Copenhagen moves nobody
    dict(date="2024-03-27", story="ens-shells",
         text="Artillery shells bought under a [[Danish|Denmark|d]]-funded scheme arrived in [[Ukraine]] this week, "
              "the defence ministry in [[Kyiv|Kyiv]] said. The shells had been shipped by rail from [[Gdansk]]. In "
              "[[Copenhagen]], [[Denmark]] beat [[Finland]] 3-1 in a friendly on Tuesday.",
         moves=[dict(o=None, d="Ukraine", w="Artillery shells"),
                dict(o="Gdansk", d="Ukraine", w="The shells", ev=(0, 1))]),
    # a flight out of Beirut that lands in Vienna; ministers meeting in Brussels are no movement
    dict(date="2024-10-03", story="ens-lebanon-evac",
         text="[[Austria]] flew 96 of its citizens out of [[Beirut]] on Thursday on a chartered plane that landed in "
              "[[Vienna]] in the evening. Foreign ministers met in [[Brussels]] the same day to discuss the war in "
              "[[Lebanon]].",
         moves=[dict(o="Beirut", d="Vienna", w="96 of its citizens", q=96)]),
    # "The cargo" goes on from the port where the wheat arrived; dock workers in Alexandria are only there
    dict(date="2023-07-10", story="ens-grain",
         text="A freighter carrying 30,000 tonnes of wheat from [[Odesa]] docked in [[Alexandria]] on Monday, "
              "[[Egypt]]'s supply ministry said. The cargo will be moved by rail to mills near [[Cairo]] this week. "
              "Dock workers in [[Alexandria]] went on strike last month over pay.",
         moves=[dict(o="Odesa", d="Alexandria", w="A freighter carrying 30,000 tonnes of wheat", q=30000),
                dict(o="Alexandria", d="Cairo", w="The cargo", c="planned", ev=(0, 1))]),
    # "Many" walked from El Geneina; the refugees, named again, are moved on from Adre
    dict(date="2023-06-18", story="ens-chad",
         text="About 400 [[Sudanese|Sudan|d]] refugees reached [[Adre]] in [[Chad]] on Saturday, aid workers said. "
              "Many had walked from [[El Geneina]], about 30 km away. The refugees were later moved by truck to "
              "[[Abeche]].",
         moves=[dict(o="Sudanese", d="Adre", w="400 Sudanese refugees", q=400),
                dict(o="El Geneina", d="Adre", w="Many", ev=(0, 1)),
                dict(o="Adre", d="Abeche", w="The refugees", ev=(0, 2))]),
    # no movement: a storm, a team at a tournament, officials speaking
    dict(date="2023-11-02", story="ens-negatives",
         text="Storm Ciaran swept across [[Brittany]] on Thursday with gusts of 190 km/h, cutting power to 1.2 "
              "million homes, [[French|France|d]] officials said. The [[Wales]] squad arrived in [[Bordeaux]] for "
              "Saturday's match against [[Fiji]].",
         moves=[]),
    # from two towns to one city; the governor's city is no end; a planned leg with no start told
    dict(date="2022-11-22", story="ens-kherson",
         text="Buses carried 1,300 evacuees from [[Kherson]] and [[Beryslav]] to [[Mykolaiv]] on Tuesday, the "
              "regional governor said, speaking in [[Odesa]]. Another 400 people are expected to leave for "
              "[[Kryvyi Rih]] by train on Wednesday.",
         moves=[dict(o="Kherson", d="Mykolaiv", w="1,300 evacuees", q=1300),
                dict(o="Beryslav", d="Mykolaiv", w="1,300 evacuees", q=1300),
                dict(o=None, d="Kryvyi Rih", w="Another 400 people", q=400, c="planned")]),
    # "a Greek-owned tanker" comes from Novorossiysk, not Greece; the vessel named again goes on to Jamnagar
    dict(date="2024-06-03", story="ens-tanker",
         text="A [[Greek|Greece|d]]-owned tanker left [[Novorossiysk]] on Sunday with 100,000 tonnes of crude bound "
              "for [[India]], ship-tracking data showed. The vessel is expected to reach [[Jamnagar]] late this month.",
         moves=[dict(o="Novorossiysk", d="India", w="A Greek-owned tanker"),
                dict(o="Novorossiysk", d="Jamnagar", w="The vessel", c="planned", ev=(0, 1))]),
    # stranded on an island, then taken on by ferry; the burnt camp's town is named in passing
    dict(date="2020-09-14", story="ens-samos",
         text="About 300 migrants were stranded on [[Samos]] for a week after a fire destroyed the camp near [[Vathy]]. "
              "They were taken by ferry to [[Piraeus]] on Monday, [[Greek|Greece|d]] officials said.",
         moves=[dict(o="Samos", d="Piraeus", w="They", ev=(0, 1))]),
    # a planned deployment announced at a summit: the summit's city is no end
    dict(date="2023-07-11", story="ens-brigade",
         text="[[Germany]] will send 4,000 troops to [[Lithuania]] by 2027, the defence minister said at a summit in "
              "[[Vilnius]] on Tuesday. An advance team of 20 officers flew from [[Berlin]] to [[Kaunas]] in April.",
         moves=[dict(o="Germany", d="Lithuania", w="4,000 troops", q=4000, c="planned"),
                dict(o="Berlin", d="Kaunas", w="An advance team of 20 officers", q=20)]),
    # the convoy named again is the one that left Amman; "took two days" says how long, not where it went
    dict(date="2024-04-02", story="ens-jordan-convoy",
         text="A convoy of 60 [[Jordanian|Jordanian|d]] army trucks carrying flour left [[Amman]] on Sunday, the army "
              "said. The convoy to [[Gaza]] took two days, waiting for hours at inspection points. King Abdullah "
              "discussed the aid with [[Egyptian|Egypt|d]] officials in [[Cairo]] on Monday.",
         moves=[dict(o="Amman", d="Gaza", w="The convoy", ev=(0, 1))]),
    # a second sender after the first one's destination ends the list; a minister's visit is a trip
    dict(date="2024-01-30", story="ens-baltic",
         text="[[Germany]] sent 800 soldiers to [[Estonia]] and [[Norway]] sent 300 for a winter exercise near "
              "[[Tapa]]. The [[Norwegian|Norway|d]] defence minister visited the troops on Monday, flying in from "
              "[[Oslo]]. Snow closed roads across [[Latvia]] on Tuesday.",
         moves=[dict(o="Germany", d="Estonia", w="800 soldiers", q=800),
                dict(o="Norway", d="Estonia", w="300", q=300),
                dict(o="Oslo", d="Tapa", w="The Norwegian defence minister", ev=(0, 1))]),
    # an aside on the subject says where the ship was; the storm it waited out moves nothing
    dict(date="2023-10-17", story="ens-cyprus-ferry",
         text="The ferry, which had been anchored off [[Larnaca]] since Friday, sailed for [[Haifa]] on Monday to "
              "collect 1,200 stranded travellers, [[Cyprus]]'s transport ministry said. A storm over the eastern "
              "[[Mediterranean]] had kept it in port.",
         moves=[dict(o="Larnaca", d="Haifa", w="The ferry")]),
    # the river crossed on the way to an unnamed bank is no destination; a later trip goes on by train
    dict(date="2023-06-08", story="ens-dnipro",
         text="Rescuers ferried 300 residents across the [[Dnipro]] river to the right bank on Wednesday, regional "
              "officials in [[Kharkiv]] said. From there, buses took them to [[Poltava]].",
         moves=[dict(o=None, d="Poltava", w="them")]),
    # (second pass) an arrival told next, inside where the voyage was bound, ends that voyage; a ship counted as
    # another one is not it
    dict(date="2023-09-04", story="ens2-grain",
         text="A cargo ship carrying 30,000 tonnes of wheat left [[Odesa]] on Monday bound for [[Egypt]], the port "
              "authority said. It is expected to reach [[Alexandria]] on Friday.",
         moves=[dict(o="Odesa", d="Egypt", w="A cargo ship"),
                dict(o="Odesa", d="Alexandria", w="It", c="planned", ev=(0, 1))]),
    # the speakers, named with their place, are the "they" who will go; officials who send go nowhere
    dict(date="2024-05-20", story="ens2-adre",
         text="Many of the refugees in [[Adre]] say they will return to [[Sudan]] when the rains end. Officials in "
              "[[N'Djamena]] said they would send more food to the camps.",
         moves=[dict(o="Adre", d="Sudan", w="Many of the refugees in Adre", c="planned")]),
]
