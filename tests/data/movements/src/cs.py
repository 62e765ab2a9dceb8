"""Self-written Czech passages for the movement gold (wire style; facts may come from news, sentences not).
Run this file to rewrite tests/data/movements/cs.jsonl."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[3] / "scripts")]
from build_movement_set import build  # noqa: E402
from coords import C  # noqa: E402

P = []
def add(date, story, s, m=(), pr=()):
    P.append({"date": date, "story": story, "s": s, "m": list(m), "pr": list(pr)})

add("2022-03-03", "ua-refugees-2022", ["Do [[Česka|CZ]] od začátku války přijelo z [[Ukrajiny|UA]] přes 100 tisíc uprchlíků, uvedlo ve čtvrtek ministerstvo vnitra."],
    [dict(o="Ukrajiny", d="Česka", w="přes 100 tisíc uprchlíků", q=100000)])
add("2022-03-04", "ua-refugees-2022", ["Vlak s [[ukrajinskými|UA]] ženami a dětmi dorazil v pátek ráno ze [[Lvova|Lviv]] do [[Přemyšlu|Przemysl]].", "Odtud většina pokračuje autobusy do [[Prahy|Prague]] a [[Brna|Brno]]."],
    [dict(o="Lvova", d="Přemyšlu", w="Vlak s ukrajinskými ženami a dětmi"), dict(s=1, o="Přemyšlu", d="Prahy", w="většina"), dict(s=1, o="Přemyšlu", d="Brna", w="většina")])
add("2022-03-08", "ua-refugees-2022", ["[[Ukrajinští|UA]] uprchlíci míří hlavně do [[Polska|PL]], na [[Slovensko|SK]] a do [[Maďarska|HU]]."],
    [dict(o="Ukrajinští", d="Polska", w="Ukrajinští uprchlíci"), dict(o="Ukrajinští", d="Slovensko", w="Ukrajinští uprchlíci"), dict(o="Ukrajinští", d="Maďarska", w="Ukrajinští uprchlíci")])
add("2022-05-16", "ua-refugees-2022", ["Tisíce [[Ukrajinců|UA]] se z [[Česka|CZ]] vracejí domů do [[Kyjeva|Kyiv]] a [[Charkova|Kharkiv]]."],
    [dict(o="Česka", d="Kyjeva", w="Tisíce Ukrajinců"), dict(o="Česka", d="Charkova", w="Tisíce Ukrajinců")])
add("2023-05-21", "ua-war", ["[[Rusko|RU]] přesunulo další jednotky z [[Krymu|Crimea]] k [[Záporoží|Zaporizhzhia]], tvrdí [[ukrajinská|UA]] rozvědka."],
    [dict(o="Krymu", d="Záporoží", w="další jednotky", c="reported")])
add("2024-11-06", "kp-troops-kursk", ["Do [[Kurské oblasti|Kursk]] dorazilo asi deset tisíc vojáků [[Severní Koreje|KP]].", "Z [[Vladivostoku|Vladivostok]] je přepravili vlakem."],
    [dict(o="Severní Koreje", d="Kurské oblasti", w="asi deset tisíc vojáků Severní Koreje"), dict(s=1, o="Vladivostoku", d="Kurské oblasti", w="je")])
add("2023-07-26", "grain-corridor", ["Loď s obilím vyplula v úterý z [[Oděsy|Odesa]] a míří přes [[Bospor|Bosphorus]] do [[Egypta|EG]]."],
    [dict(o="Oděsy", d="Egypta", p=["Bospor"], w="Loď s obilím")])
add("2023-09-19", "grain-corridor", ["Dvě nákladní lodě připluly do přístavu v [[Izmajilu|Izmail]] na [[Dunaji|Danube]]."],
    [dict(d="Izmajilu", w="Dvě nákladní lodě")])
add("2024-09-15", "floods-2024", ["Hasiči v neděli evakuovali stovky obyvatel [[Krnova|Krnov]] do škol v [[Opavě|Opava]].", "Další lidé odjeli k příbuzným do [[Olomouce|Olomouc]]."],
    [dict(o="Krnova", d="Opavě", w="stovky obyvatel Krnova"), dict(s=1, o="Krnova", d="Olomouce", w="Další lidé")])
add("2024-09-16", "floods-2024", ["Obyvatele [[Jeseníku|Jesenik]] převezly autobusy do [[Olomouce|Olomouc]].", "Armádní vrtulníky dopravily do zatopených obcí pitnou vodu."],
    [dict(o="Jeseníku", d="Olomouce", w="Obyvatele Jeseníku")])
add("2023-02-15", "nato-east", ["Na [[Slovensko|SK]] v pondělí přijelo 300 [[českých|CZ]] vojáků."],
    [dict(o="českých", d="Slovensko", w="300 českých vojáků", q=300)])
add("2023-06-28", "nato-east", ["[[Německo|DE]] pošle do [[Litvy|LT]] brigádu se 4800 vojáky, oznámil [[německý|DE]] ministr obrany."],
    [dict(o="Německo", d="Litvy", w="brigádu se 4800 vojáky", q=4800, c="planned")])
add("2023-06-29", "nato-east", ["[[Čeští|CZ]] vojáci jsou na [[Slovensku|SK]] rozmístěni od roku 2022."], [], [dict(at="Slovensku", w="Čeští vojáci")])
add("2021-11-09", "by-border-2021", ["Stovky migrantů se v pondělí pokusily dostat z [[Běloruska|BY]] do [[Polska|PL]] u [[Kuźnice|Kuznica]]."],
    [dict(o="Běloruska", d="Polska", w="Stovky migrantů")])
add("2021-11-11", "by-border-2021", ["Migranti přiletěli do [[Minsku|Minsk]] z [[Iráku|IQ]] a [[Sýrie|SY]] a potom vyrazili směrem k hranici s [[Polskem|PL]]."],
    [dict(o="Iráku", d="Minsku", w="Migranti"), dict(o="Sýrie", d="Minsku", w="Migranti")])
add("2023-08-31", "mediterranean", ["Na [[Lampedusu|Lampedusa]] za den připlulo 1200 migrantů, kteří vypluli z [[Tuniska|TN]] a [[Libye|LY]]."],
    [dict(o="Tuniska", d="Lampedusu", w="1200 migrantů", q=1200), dict(o="Libye", d="Lampedusu", w="1200 migrantů", q=1200)])
add("2023-09-15", "mediterranean", ["[[Italská|IT]] pobřežní stráž převezla 300 lidí z [[Lampedusy|Lampedusa]] na [[Sicílii|Sicily]]."],
    [dict(o="Lampedusy", d="Sicílii", w="300 lidí", q=300)])
add("2022-10-21", "ua-war", ["Okupační správa oznámila evakuaci obyvatel z [[Chersonu|Kherson]].", "Část z nich má odjet na [[Krym|Crimea]]."],
    [dict(s=1, o="Chersonu", d="Krym", w="Část z nich", c="planned")])
add("2022-12-02", "ua-war", ["Tisíce dětí byly odvezeny z [[Ukrajiny|UA]] do [[Ruska|RU]], uvádí [[ukrajinský|UA]] ombudsman."],
    [dict(o="Ukrajiny", d="Ruska", w="Tisíce dětí", c="reported")])
add("2024-08-21", "ua-war", ["Z [[Pokrovsku|Pokrovsk]] za týden odjelo asi pět tisíc civilistů, většinou do [[Dnipra|Dnipro]]."],
    [dict(o="Pokrovsku", d="Dnipra", w="asi pět tisíc civilistů")])
add("2022-03-16", "ua-refugees-2022", ["[[Polská|PL]] vláda uvedla, že do země přišly už dva miliony [[Ukrajinců|UA]]."],
    [])
add("2023-03-04", "ua-war", ["[[Český|CZ]] premiér přijel v pátek do [[Kyjeva|Kyiv]] vlakem z [[Přemyšlu|Przemysl]]."],
    [dict(o="Přemyšlu", d="Kyjeva", w="Český premiér")])
add("2024-02-11", "ua-war", ["Konvoj s humanitární pomocí vyjel z [[Prahy|Prague]] do [[Charkova|Kharkiv]]."],
    [dict(o="Prahy", d="Charkova", w="Konvoj s humanitární pomocí")])
add("2022-04-29", "ua-war", ["Vojenská technika z [[Česka|CZ]] putuje na [[Ukrajinu|UA]] přes [[Slovensko|SK]]."],
    [dict(o="Česka", d="Ukrajinu", p=["Slovensko"], w="Vojenská technika")])
add("2023-10-15", "gaza-2023", ["Vládní letadlo evakuovalo z [[Izraele|IL]] do [[Prahy|Prague]] 120 [[českých|CZ]] občanů."],
    [dict(o="Izraele", d="Prahy", w="120 českých občanů", q=120)])
add("2024-04-03", "shipping", ["Kontejnerová loď plující z [[Hamburku|Hamburg]] do [[Rotterdamu|Rotterdam]] zakotvila cestou v [[Gdyni|Gdynia]]."],
    [dict(o="Hamburku", d="Rotterdamu", w="Kontejnerová loď")])
add("2022-05-10", "ua-war", ["[[Ruské|RU]] jednotky se stáhly od [[Charkova|Kharkiv]] směrem k [[Bělgorodu|Belgorod]]."],
    [dict(o="Charkova", d="Bělgorodu", w="Ruské jednotky")])
add("2024-10-02", "ua-war", ["[[Ukrajinští|UA]] zajatci se vrátili z [[Ruska|RU]] na [[Ukrajinu|UA]] po výměně na hranici s [[Běloruskem|BY]]."],
    [dict(o="Ruska", d="Ukrajinu", w="Ukrajinští zajatci")])
add("2024-09-18", "floods-2024", ["Voda z [[Opavy|Opava]] se valí do [[Ostravy|Ostrava]], varují hydrologové."])
# negatives
add("2024-06-12", "neg", ["Konference o obnově [[Ukrajiny|UA]] začala v úterý v [[Berlíně|Berlin]]."])
add("2024-05-04", "neg", ["[[Česká|CZ]] reprezentace odjede na zápas do [[Vídně|Vienna]] až v červnu."])
add("2024-01-16", "neg", ["Nad [[Česko|CZ]] se od západu přesouvá tlaková níže, která přinese déšť do [[Plzně|Plzen]] i [[Liberce|Liberec]]."])
add("2023-11-21", "neg", ["Ministr zahraničí ve [[Vilniusu|Vilnius]] řekl, že [[Bělorusko|BY]] zůstává hrozbou pro region."])
add("2024-03-09", "neg", ["Ceny obilí z [[Ukrajiny|UA]] v březnu klesly a zemědělci protestovali v [[Praze|Prague]]."])
add("2022-09-02", "neg", ["Spisovatel narozený v [[Oděse|Odesa]] žije už léta v [[Brně|Brno]]."])
add("2023-04-20", "neg", ["Premiér poslal dopis [[francouzskému|FR]] prezidentovi kvůli sankcím proti [[Rusku|RU]]."])
add("2024-07-31", "neg", ["Cyklisté Tour de France pojedou ve středu z [[Paříže|Paris]] do [[Bruselu|Brussels]]."])
add("2024-02-23", "neg", ["[[Česko|CZ]] a [[Polsko|PL]] podepsaly v [[Praze|Prague]] dohodu o energetické spolupráci."])
add("2023-12-06", "neg", ["Radnice v [[Olomouci|Olomouc]] se přestěhuje do nové budovy v centru města."])
add("2024-08-15", "neg", ["V [[Teplicích|Teplice]] žije početná [[ukrajinská|UA]] komunita a v [[Ústí nad Labem|Usti]] funguje [[ukrajinská|UA]] škola."])
add("2024-07-01", "neg", ["Bouřka, která přišla od [[Německa|DE]], se v neděli večer přehnala přes [[Liberec|Liberec]]."])
build("cs", P, HERE.parent / "cs.jsonl", C)
