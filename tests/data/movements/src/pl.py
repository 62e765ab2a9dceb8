"""Self-written Polish passages for the movement gold (wire style; facts may come from news, sentences not).
Run this file to rewrite tests/data/movements/pl.jsonl."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[3] / "scripts")]
from build_movement_set import build  # noqa: E402
from coords import C  # noqa: E402

P = []
def add(date, story, s, m=(), pr=()):
    P.append({"date": date, "story": story, "s": s, "m": list(m), "pr": list(pr)})

add("2022-03-02", "ua-refugees-2022", ["Od czwartku do [[Polski|PL]] z [[Ukrainy|UA]] przybyło ponad 450 tysięcy uchodźców, poinformowała w środę Straż Graniczna.", "Najwięcej osób przekroczyło granicę w [[Medyce|Medyka]] i [[Dorohusku|Dorohusk]]."],
    [dict(o="Ukrainy", d="Polski", w="ponad 450 tysięcy uchodźców", q=450000), dict(s=1, o="Ukrainy", d="Medyce", w="Najwięcej osób"), dict(s=1, o="Ukrainy", d="Dorohusku", w="Najwięcej osób")])
add("2022-03-05", "ua-refugees-2022", ["Pociąg ewakuacyjny ze [[Lwowa|Lviv]] dotarł w sobotę rano do [[Przemyśla|Przemysl]].", "Na pokładzie było około 800 kobiet i dzieci."],
    [dict(o="Lwowa", d="Przemyśla", w="Pociąg ewakuacyjny", t="2022-03-05")])
add("2022-03-10", "ua-refugees-2022", ["[[Ukraińscy|UA]] uchodźcy jadą dalej z [[Przemyśla|Przemysl]] do [[Krakowa|Krakow]], [[Warszawy|Warsaw]] i [[Berlina|Berlin]]."],
    [dict(o="Przemyśla", d="Krakowa", w="Ukraińscy uchodźcy"), dict(o="Przemyśla", d="Warszawy", w="Ukraińscy uchodźcy"), dict(o="Przemyśla", d="Berlina", w="Ukraińscy uchodźcy")])
add("2022-04-12", "ua-refugees-2022", ["Coraz więcej [[Ukraińców|UA]] wraca z [[Polski|PL]] do [[Kijowa|Kyiv]].", "Według Straży Granicznej w poniedziałek na [[Ukrainę|UA]] wyjechało 22 tysiące osób."],
    [dict(o="Polski", d="Kijowa", w="Coraz więcej Ukraińców"), dict(s=1, o="Polski", d="Ukrainę", w="22 tysiące osób", q=22000, c="reported")])
add("2023-05-20", "ua-war", ["[[Rosja|RU]] przerzuciła kolejne oddziały z [[Krymu|Crimea]] w rejon [[Zaporoża|Zaporizhzhia]], twierdzi [[ukraiński|UA]] wywiad."],
    [dict(o="Krymu", d="Zaporoża", w="kolejne oddziały", c="reported")])
add("2024-11-05", "kp-troops-kursk", ["Do [[obwodu kurskiego|Kursk]] trafiło około 10 tysięcy żołnierzy [[Korei Północnej|KP]].", "Wcześniej przewieziono ich koleją z [[Władywostoku|Vladivostok]]."],
    [dict(o="Korei Północnej", d="obwodu kurskiego", w="około 10 tysięcy żołnierzy Korei Północnej", q=10000), dict(s=1, o="Władywostoku", d="obwodu kurskiego", w="ich")])
add("2023-07-25", "grain-corridor", ["Masowiec z pszenicą wypłynął we wtorek z [[Odessy|Odesa]] i zmierza przez [[Bosfor|Bosphorus]] do [[Egiptu|EG]]."],
    [dict(o="Odessy", d="Egiptu", p=["Bosfor"], w="Masowiec z pszenicą")])
add("2023-09-18", "grain-corridor", ["Dwa statki towarowe przypłynęły do portu w [[Czarnomorsku|Chornomorsk]], omijając [[rosyjską|RU]] blokadę na [[Morzu Czarnym|BlackSea]]."],
    [dict(d="Czarnomorsku", w="Dwa statki towarowe")])
add("2024-09-16", "floods-2024", ["Strażacy ewakuowali w niedzielę ponad 1500 mieszkańców [[Kłodzka|Klodzko]] do szkół w [[Nysie|Nysa]] i [[Wrocławiu|Wroclaw]]."],
    [dict(o="Kłodzka", d="Nysie", w="ponad 1500 mieszkańców Kłodzka", q=1500), dict(o="Kłodzka", d="Wrocławiu", w="ponad 1500 mieszkańców Kłodzka", q=1500)])
add("2024-09-17", "floods-2024", ["Mieszkańców [[Głuchołaz|Glucholazy]] przewieziono autobusami do [[Nysy|Nysa]].", "Śmigłowce wojskowe dostarczyły żywność i wodę do odciętych wsi."],
    [dict(o="Głuchołaz", d="Nysy", w="Mieszkańców Głuchołaz")])
add("2023-02-14", "nato-east", ["Ponad 600 [[amerykańskich|US]] żołnierzy przybyło w poniedziałek do bazy w [[Orzyszu|Orzysz]]."],
    [dict(o="amerykańskich", d="Orzyszu", w="Ponad 600 [[amerykańskich|US]] żołnierzy", q=600)])
add("2023-06-28", "nato-east", ["[[Niemcy|DE]] wyślą na [[Litwę|LT]] brygadę liczącą 4800 żołnierzy, zapowiedział minister obrony [[Niemiec|DE]]."],
    [dict(o="Niemcy", d="Litwę", w="brygadę liczącą 4800 żołnierzy", q=4800, c="planned")])
add("2023-06-29", "nato-east", ["[[Polskie|PL]] wojsko stacjonuje na [[Litwie|LT]] od 2004 roku."], [], [dict(at="Litwie", w="Polskie wojsko")])
add("2021-11-08", "by-border-2021", ["Kilkaset migrantów próbowało w poniedziałek przedostać się z [[Białorusi|BY]] do [[Polski|PL]] w pobliżu [[Kuźnicy|Kuznica]]."],
    [dict(o="Białorusi", d="Polski", w="Kilkaset migrantów")])
add("2021-11-10", "by-border-2021", ["Migranci przylecieli do [[Mińska|Minsk]] z [[Iraku|IQ]] i [[Syrii|SY]], a następnie ruszyli w kierunku granicy z [[Polską|PL]]."],
    [dict(o="Iraku", d="Mińska", w="Migranci"), dict(o="Syrii", d="Mińska", w="Migranci")])
add("2023-08-30", "mediterranean", ["W ciągu doby na [[Lampedusę|Lampedusa]] dotarło 1200 migrantów, którzy wypłynęli z [[Tunezji|TN]] i [[Libii|LY]]."],
    [dict(o="Tunezji", d="Lampedusę", w="1200 migrantów", q=1200), dict(o="Libii", d="Lampedusę", w="1200 migrantów", q=1200)])
add("2023-09-14", "mediterranean", ["[[Włoska|IT]] straż przybrzeżna przewiozła 300 osób z [[Lampedusy|Lampedusa]] na [[Sycylię|Sicily]]."],
    [dict(o="Lampedusy", d="Sycylię", w="300 osób", q=300)])
add("2022-10-20", "ua-war", ["Władze okupacyjne zapowiedziały ewakuację 60 tysięcy mieszkańców z [[Chersonia|Kherson]] na drugi brzeg rzeki.", "Część z nich ma trafić na [[Krym|Crimea]]."],
    [dict(s=1, o="Chersonia", d="Krym", w="Część z nich", c="planned")])
add("2022-12-01", "ua-war", ["Tysiące dzieci wywieziono z [[Ukrainy|UA]] do [[Rosji|RU]], alarmuje rzecznik praw obywatelskich."],
    [dict(o="Ukrainy", d="Rosji", w="Tysiące dzieci", c="reported")])
add("2024-08-20", "ua-war", ["Z [[Pokrowska|Pokrovsk]] wyjechało w ciągu tygodnia około 5 tysięcy cywilów, głównie do [[Dnipra|Dnipro]]."],
    [dict(o="Pokrowska", d="Dnipra", w="około 5 tysięcy cywilów", q=5000)])
add("2022-03-15", "ua-refugees-2022", ["Rząd [[Czech|CZ]] poinformował, że do kraju przyjechało już 200 tysięcy [[Ukraińców|UA]]."],
    [dict(o="Ukraińców", d="Czech", w="200 tysięcy Ukraińców", q=200000, c="reported")])
add("2023-03-03", "ua-war", ["Prezydent [[Polski|PL]] przyjechał w piątek do [[Kijowa|Kyiv]] pociągiem z [[Przemyśla|Przemysl]]."],
    [dict(o="Przemyśla", d="Kijowa", w="Prezydent Polski")])
add("2024-02-10", "ua-war", ["Konwój z pomocą humanitarną wyjechał z [[Lublina|Lublin]] do [[Charkowa|Kharkiv]]."],
    [dict(o="Lublina", d="Charkowa", w="Konwój z pomocą humanitarną")])
add("2022-04-28", "ua-war", ["Sprzęt wojskowy z [[Niemiec|DE]] trafia na [[Ukrainę|UA]] przez [[Rzeszów|Rzeszow]]."],
    [dict(o="Niemiec", d="Ukrainę", p=["Rzeszów"], w="Sprzęt wojskowy")])
add("2023-10-14", "gaza-2023", ["[[Polski|PL]] samolot ewakuował z [[Izraela|IL]] do [[Warszawy|Warsaw]] 180 obywateli [[Polski|PL]]."],
    [dict(o="Izraela", d="Warszawy", w="180 obywateli Polski", q=180)])
add("2024-04-02", "shipping", ["Kontenerowiec płynący z [[Gdańska|Gdansk]] do [[Hamburga|Hamburg]] zawinął po drodze do [[Gdyni|Gdynia]]."],
    [dict(o="Gdańska", d="Hamburga", w="Kontenerowiec"), dict(o="Gdańska", d="Gdyni", w="Kontenerowiec")])
add("2022-05-09", "ua-war", ["[[Rosyjskie|RU]] wojska wycofały się spod [[Charkowa|Kharkiv]] w stronę [[Biełgorodu|Belgorod]]."],
    [dict(o="Charkowa", d="Biełgorodu", w="Rosyjskie wojska")])
add("2024-10-01", "ua-war", ["[[Ukraińscy|UA]] jeńcy wrócili z [[Rosji|RU]] na [[Ukrainę|UA]] po wymianie na granicy z [[Białorusią|BY]]."],
    [dict(o="Rosji", d="Ukrainę", w="Ukraińscy jeńcy")])
# negatives
add("2024-06-11", "neg", ["Konferencja o odbudowie [[Ukrainy|UA]] rozpoczęła się we wtorek w [[Berlinie|Berlin]]."])
add("2024-05-03", "neg", ["Reprezentacja [[Polski|PL]] pojedzie na mecz do [[Rotterdamu|Rotterdam]] dopiero w czerwcu, a trener wróci do tematu składu po treningu."], [])
add("2024-01-15", "neg", ["Nad [[Polskę|PL]] z [[Niemiec|DE]] przesuwa się niż, który przyniesie deszcz w [[Szczecinie|Szczecin]] i [[Poznaniu|Poznan]]."])
add("2023-11-20", "neg", ["Minister spraw zagranicznych powiedział w [[Wilnie|Vilnius]], że [[Białoruś|BY]] pozostaje zagrożeniem dla regionu."])
add("2024-03-08", "neg", ["Ceny zboża z [[Ukrainy|UA]] spadły w marcu, a rolnicy z [[Lubelszczyzny|LublinVoiv]] protestowali w [[Warszawie|Warsaw]]."])
add("2022-09-01", "neg", ["Urodzony w [[Odessie|Odesa]] pisarz mieszka od lat w [[Krakowie|Krakow]]."])
add("2023-04-19", "neg", ["Premier wysłał list do prezydenta [[Francji|FR]] w sprawie sankcji wobec [[Rosji|RU]]."])
add("2024-07-30", "neg", ["Kolarze Tour de Pologne przejadą w środę z [[Krakowa|Krakow]] do [[Zakopanego|Zakopane]]."], [])
add("2024-02-22", "neg", ["[[Polska|PL]] i [[Czechy|CZ]] podpisały w [[Pradze|Prague]] umowę o współpracy energetycznej."])
add("2023-12-05", "neg", ["Władze [[Gdańska|Gdansk]] przeniosą swoje biura do nowego budynku w centrum miasta."])
add("2024-08-14", "neg", ["Od lat w [[Przemyślu|Przemysl]] mieszka duża społeczność [[ukraińska|UA]], a w [[Rzeszowie|Rzeszow]] działa [[ukraińska|UA]] szkoła."])
add("2024-06-30", "neg", ["Burza, która przyszła znad [[Czech|CZ]], przeszła nad [[Wrocławiem|Wroclaw]] w niedzielę wieczorem."])
build("pl", P, HERE.parent / "pl.jsonl", C)
