"""Seven more languages: detection, inflected names with their exact offsets, demonyms,
stop words that must stay words, the language-neutral path, and a language added as a
data file. The paragraphs are written for these tests, in wire style."""
from __future__ import annotations

import json
import logging

import pytest

import geomap
from geomap import lang as langs
from geomap.lang.detect import detect
from geomap.recognize import Extractor, available_languages

from conftest import shared_path

# (text, [(surface, place name, demonym)] in order of appearance; a surface is looked up
# after the previous one, so repeated words are told apart by their position).
PARAGRAPHS = {
    "ru": ("МОСКВА, 14 марта (ТАСС) – Украинские беженцы прибыли в Польшу из Харькова, сообщил представитель МЧС. "
           "В Херсонской области продолжились обстрелы, а в Бахмуте шли бои. Владимир Путин провёл совещание в Кремле. "
           "Российские войска перебросили технику из Белгорода в Курскую область. Сирийские и иранские дипломаты "
           "обсудили положение на Ближнем Востоке. Мира и согласия не будет, сказал он.",
           [("МОСКВА", "Moscow", False), ("Украинские", "Ukraine", True), ("Польшу", "Poland", False),
            ("Харькова", "Kharkiv", False), ("Херсонской области", "Kherson Oblast", False),
            ("Бахмуте", "Bakhmut", False), ("Российские", "Russia", True), ("Белгорода", "Belgorod", False),
            ("Курскую область", "Kursk Oblast", False), ("Сирийские", "Syria", True), ("иранские", "Iran", True),
            ("Ближнем Востоке", "Middle East", False)]),
    "uk": ("КИЇВ, 12 березня (Укрінформ) – Російські війська у п'ятницю обстріляли Харків і райони у Харківській "
           "області, повідомив голова обласної адміністрації Олег Синєгубов. Увечері ракета влучила в порт Одеси, а до "
           "Одеси прибули рятувальники зі Львова. Сирійські та українські дипломати обговорили ситуацію на Близькому "
           "Сході. Напруга на Близькому Сході зростає, а війська відійшли з Бахмута до Покровська.",
           [("КИЇВ", "Kyiv", False), ("Російські", "Russia", True), ("Харків", "Kharkiv", False),
            ("Харківській області", "Kharkiv Oblast", False), ("Одеси", "Odesa", False), ("Одеси", "Odesa", False),
            ("Львова", "Lviv", False), ("Сирійські", "Syria", True), ("українські", "Ukraine", True),
            ("Близькому Сході", "Middle East", False), ("Близькому Сході", "Middle East", False),
            ("Бахмута", "Bakhmut", False), ("Покровська", "Pokrovsk", False)]),
    "pl": ("WARSZAWA (PAP) - Ukraińscy uchodźcy przyjechali do Niemiec z Charkowa, poinformował w piątek rzecznik "
           "Straży Granicznej. Na Bliskim Wschodzie rośnie napięcie, a syryjscy żołnierze wycofali się z Aleppo. "
           "W Krakowie i we Wrocławiu odbyły się demonstracje. Prezydent Andrzej Duda poleciał do Stanów "
           "Zjednoczonych. Polska wyśle pomoc do Odessy, a wojska walczą pod Bachmutem i w Doniecku.",
           [("WARSZAWA", "Warsaw", False), ("Ukraińscy", "Ukraine", True), ("Niemiec", "Germany", False),
            ("Charkowa", "Kharkiv", False), ("Bliskim Wschodzie", "Middle East", False), ("syryjscy", "Syria", True),
            ("Aleppo", "Aleppo", False), ("Krakowie", "Kraków", False), ("Wrocławiu", "Wrocław", False),
            ("Stanów Zjednoczonych", "United States of America", False), ("Polska", "Poland", False),
            ("Odessy", "Odesa", False), ("Bachmutem", "Bakhmut", False), ("Doniecku", "Donetsk", False)]),
    "cs": ("PRAHA (ČTK) - Ukrajinští uprchlíci přijeli z Oděsy do Brna, uvedla ve středu policie. V Praze a v Ostravě "
           "se konaly demonstrace. Vojáci se stáhli z Charkova a z Doněcku. Premiér Petr Fiala odletěl do Spojených "
           "států. Na Blízkém východě roste napětí, řekl ministr. Syrští uprchlíci míří do Německa.",
           [("PRAHA", "Prague", False), ("Ukrajinští", "Ukraine", True), ("Oděsy", "Odesa", False),
            ("Brna", "Brno", False), ("Praze", "Prague", False), ("Ostravě", "Ostrava", False),
            ("Charkova", "Kharkiv", False), ("Doněcku", "Donetsk", False),
            ("Spojených států", "United States of America", False), ("Blízkém východě", "Middle East", False),
            ("Syrští", "Syria", True), ("Německa", "Germany", False)]),
    "de": ("BERLIN (dpa) - Die Bundeswehr verlegt weitere Soldaten nach Litauen, sagte ein Sprecher am Montag. Im Nahen "
           "Osten wächst die Sorge vor einem größeren Krieg. Afghanische Flüchtlinge kamen aus dem Iran über die Türkei "
           "nach Deutschland. Die Lage in Kiew bleibt angespannt, Sie sollten Reisen in den Irak vermeiden, warnte das "
           "Auswärtige Amt. Russlands Armee rückte bei Charkiw vor. Die Lage im Nahen Osten bleibt ernst.",
           [("BERLIN", "Berlin", False), ("Litauen", "Lithuania", False), ("Nahen Osten", "Middle East", False),
            ("Afghanische", "Afghanistan", True), ("Iran", "Iran", False), ("Türkei", "Turkey", False),
            ("Deutschland", "Germany", False), ("Kiew", "Kyiv", False), ("Irak", "Iraq", False),
            ("Russlands", "Russia", False), ("Charkiw", "Kharkiv", False), ("Nahen Osten", "Middle East", False)]),
    "fr": ("PARIS (AFP) - Les soldats français ont quitté le Mali et sont arrivés au Niger mardi, a indiqué l'état-major. "
           "Des migrants ukrainiens ont été accueillis à Marseille et à Lyon. Elles viennent de Kharkiv et d'Odessa. "
           "Le président s'est rendu au Proche-Orient puis en Égypte. Selon Moscou, les forces russes ont avancé près "
           "de Bakhmout. L'Ukraine a reçu l'aide de l'Allemagne.",
           [("PARIS", "Paris", False), ("français", "France", True), ("Mali", "Mali", False), ("Niger", "Niger", False),
            ("ukrainiens", "Ukraine", True), ("Marseille", "Marseille", False), ("Lyon", "Lyon", False),
            ("Kharkiv", "Kharkiv", False), ("Odessa", "Odesa", False), ("Proche-Orient", "Middle East", False),
            ("Égypte", "Egypt", False), ("Moscou", "Moscow", False), ("russes", "Russia", True),
            ("Bakhmout", "Bakhmut", False), ("Ukraine", "Ukraine", False), ("Allemagne", "Germany", False)]),
    "es": ("MADRID (EFE) - Los migrantes hondureños llegaron a México desde Guatemala, informó el lunes la policía. Este "
           "año más de 2.000 personas cruzaron hacia Estados Unidos. Pero el ejército del Perú envió tropas a la "
           "frontera con Bolivia. En Oriente Próximo crece la tensión, dijo el ministro. Los refugiados sirios salieron "
           "de Alepo rumbo a Turquía.",
           [("MADRID", "Madrid", False), ("hondureños", "Honduras", True), ("México", "Mexico", False),
            ("Guatemala", "Guatemala", False), ("Estados Unidos", "United States of America", False),
            ("Perú", "Peru", False), ("Bolivia", "Bolivia", False), ("Oriente Próximo", "Middle East", False),
            ("sirios", "Syria", True), ("Alepo", "Aleppo", False), ("Turquía", "Turkey", False)]),
}

STOP_WORDS = {
    "fr": ("Les soldats sont partis. Des renforts arrivent. Elles attendent. Selon les témoins, les "
           "Les et les Des ne sont pas des lieux.", ["Les", "Des", "Elles"]),
    "es": ("Los soldados llegaron. Este año fue difícil. Pero nadie habló. Dijeron que Este y Los no son lugares.",
           ["Los", "Este", "Pero"]),
    "de": ("Sie sagte, die Lage sei ernst. Lage und Sie sind keine Orte. Die Lage bleibt unklar.", ["Sie", "Lage"]),
}


def _expected(text, items):
    out, pos = set(), 0
    for surface, name, demonym in items:
        start = text.index(surface, pos)
        out.add((start, start + len(surface), name, demonym))
        pos = start + 1
    return out


def _got(result):
    return {(m.start, m.end, p.place.name, m.demonym) for p in result.places for m in p.mentions}


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_paragraph_places_and_offsets(gaz, code):
    text, items = PARAGRAPHS[code]
    r = geomap.extract(text, gazetteer=gaz, events=False)
    assert r.document.lang == code
    got = _got(r)
    for start, end, _name, _dem in got:
        assert r.document.text[start:end] == text[start:end]
    assert got == _expected(text, items)


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_detection_on_paragraphs_and_sentences(code):
    text = PARAGRAPHS[code][0]
    assert detect(text) == code
    # Every sentence alone, as a one-line input would be.
    for sentence in [s for s in text.replace(" – ", ". ").split(". ") if len(s.split()) >= 3]:
        assert detect(sentence) == code, sentence


@pytest.mark.parametrize("sentence,code", [
    ("Russian troops moved from Vladivostok to Khabarovsk.", "en"),
    ("Troops shelled Kherson and the Kherson region.", "en"),
    ("Pasukan Korea Utara tiba di Vladivostok.", "id"),
    ("Vlak jel do Brna.", "cs"),
    ("Uchodźcy przyjechali do Niemiec.", "pl"),
    ("Ракета влучила в Одесу.", "uk"),
    ("Войска отошли из Херсона.", "ru"),
    ("Die Lage in Kiew ist ernst.", "de"),
    ("Elles vivent à Marseille.", "fr"),
    ("Pero el ejército salió del Perú.", "es"),
    ("Il presidente è arrivato a Roma ieri sera dopo il vertice con i ministri europei.", "it"),
])
def test_detection_on_short_inputs(sentence, code):
    assert detect(sentence) == code


@pytest.mark.parametrize("text", ["Kyiv", "Paris, Texas", "NATO", "12:30"])
def test_a_bare_name_is_read_in_the_default_language(text):
    assert detect(text) == "en"


def test_foreign_letters_in_names_do_not_change_the_language():
    text = ("Salinas is a municipality in the northeast of the Brazilian state of Minas Gerais. The city belongs to "
            "the meso-region of Triângulo Mineiro and to the micro-region of Araxá. Locally the name is pronounced "
            "/ˈleɪŋkᵻstər/, and the river is the Łódka.")
    assert detect(text) == "en"


def test_pronunciations_do_not_make_english_danish():
    # lingua read the "æ" of IPA as Danish, a language geomap has no data for, and the
    # English text lost its stop lists: pronunciations are no evidence of a language.
    text = ("Norwich (/ˈnɒrɪdʒ/) is a city in England. The port of Lancaster (/ˈlæŋkæstər/, local "
            "/ˈlæŋkᵻstər/) lies on the river and is the seat of the county, which has one of the oldest "
            "market towns in the north of the country and is located at 54°03′N 2°48′W.")
    assert detect(text) == "en"
    danish = ("Regeringen har besluttet at sende flere soldater til Estland i det kommende år, og "
              "forsvarsministeren siger, at det er en vigtig opgave for Danmark. Soldaterne skal være i "
              "landet i seks måneder, og de vil arbejde sammen med styrker fra andre lande i NATO.")
    assert detect(danish) == "da"  # a Danish text stays Danish: no data, the neutral reading


@pytest.mark.parametrize("code", sorted(STOP_WORDS))
def test_stop_words_stay_words(gaz, code):
    text, words = STOP_WORDS[code]
    for lang in (code, "it"):  # the language's own reading and the language-neutral one
        spans = Extractor(gaz).find(text, lang)
        assert not [s.text for s in spans if s.text in words], lang


def test_lang_override(gaz):
    text = PARAGRAPHS["pl"][0]
    assert geomap.extract(text, "cs", gazetteer=gaz, events=False).document.lang == "cs"


def test_unknown_language_gets_a_notice_and_the_neutral_reading(gaz, caplog):
    text = ("Il presidente è arrivato a Milano ieri sera dopo il vertice di Bruxelles con i ministri europei, ha detto "
            "la portavoce. Les, Des, Este e Pero non sono luoghi; la delegazione partirà per Varsavia domani.")
    with caplog.at_level(logging.WARNING, logger="geomap"):
        r = geomap.extract(text, gazetteer=gaz, events=False)
    assert r.document.lang == "it"
    assert any("'it'" in rec.getMessage() and "no language data" in rec.getMessage() for rec in caplog.records)
    names = {p.place.name for p in r.places}
    assert {"Milan", "Brussels"} <= names
    assert not {m.text for p in r.places for m in p.mentions} & {"Les", "Des", "Este", "Pero"}


def test_multiword_names_agree_across_words(gaz):
    ex = Extractor(gaz)
    for text, lang, surface, name in [
        ("Обстріли тривали у Харківській області.", "uk", "Харківській області", "Kharkiv Oblast"),
        ("Напряжённость на Ближнем Востоке растёт.", "ru", "Ближнем Востоке", "Middle East"),
        ("Напруга зростає на Близькому Сході, заявив він.", "uk", "Близькому Сході", "Middle East"),
        ("Конфлікт Близького Сходу обговорили в Раді.", "uk", "Близького Сходу", "Middle East"),
        ("Bomby spadły na Bliskim Wschodzie.", "pl", "Bliskim Wschodzie", "Middle East"),
        # a unit word beside the name joins the mention, before it even in lower case
        ("Rosjanie ostrzelali wsie w obwodzie charkowskim.", "pl", "obwodzie charkowskim", "Kharkiv Oblast"),
        ("Ruská armáda ostřelovala Chersonskou oblast.", "cs", "Chersonskou oblast", "Kherson Oblast"),
        ("Die Armee griff die Oblast Cherson an.", "de", "Oblast Cherson", "Kherson Oblast"),
        # a Polish county and a voivodeship by their adjectives, after the unit word or its abbreviation
        ("Woda zalała wsie w powiecie kłodzkim.", "pl", "powiecie kłodzkim", "Powiat kłodzki"),
        ("Burza przeszła nad Rzeszowem (woj. podkarpackie) w nocy.", "pl", "woj. podkarpackie",
         "Podkarpackie Voivodeship"),
        ("Deszcz padał w województwie mazowieckim.", "pl", "województwie mazowieckim", "Masovian Voivodeship"),
        # rivers, mountains and city districts from the curated language files, in case forms
        ("Poziom Nysy Kłodzkiej rośnie.", "pl", "Nysy Kłodzkiej", "Nysa Kłodzka"),
        ("Sníh napadl v Jeseníkách.", "cs", "Jeseníkách", "Jeseníky"),
        ("Voda zaplavila Malé Hoštice.", "cs", "Malé Hoštice", "Malé Hoštice"),
    ]:
        spans = [s for s in ex.find(text, lang) if s.text == surface]
        assert spans, (text, [s.text for s in ex.find(text, lang)])
        s = spans[0]
        assert text[s.start:s.end] == surface
        assert name in {gaz.place(c.row).name for c in s.candidates}


def test_city_beside_its_oblast_stays_the_city(gaz):
    # a case form with no unit word beside it is the city when the oblast answers to the same word
    r = geomap.extract("У Херсоні та на Херсонщині тривала евакуація.", gazetteer=gaz, events=False)
    by_text = {m.text: p.place.kind for p in r.places for m in p.mentions}
    assert by_text["Херсоні"] == "city"


def test_a_new_language_is_a_data_file(gaz, tmp_path, monkeypatch):
    """A made-up language "xq" in a folder on GEOMAP_LANG_PATH is listed, detected by its
    function words, and read; naming a morphology library (simplemma's Slovak) makes
    its inflected names readable."""
    en = json.loads((langs.data_dirs()[-1] / "en.json").read_text("utf-8"))
    data = {
        "name": "Made-up Slovak", "script": "latin", "morphology": {"library": "simplemma", "code": "sk"},
        "function_words": ["zzv", "qqk", "a", "v", "do", "z", "na"],
        "connectors": ["nad", "pod"], "place_cues_before": ["do", "z", "v"], "locative_cues": ["v"],
        "kind_cues_before": {}, "kind_cues_after": {}, "not_places": ["Zzvolen"], "name_titles": ["Premiér"],
        "org_heads": ["Univerzita"], "given_names": ["Robert"],
        "common_words": {"6.0": "zzv qqk a v do z na"},
        "demonyms": {"SK": "slovenský"},
    }
    assert "xq" not in available_languages()
    (tmp_path / "xq.json").write_text(json.dumps(data), "utf-8")
    monkeypatch.setenv(langs.ENV_PATH, str(tmp_path))
    langs.reset()
    try:
        assert "xq" in available_languages()
        text = "zzv qqk Premiér Robert Fico odcestoval z Bratislavy do Košíc a slovenskí vojaci zzv qqk."
        assert detect(text) == "xq"
        r = geomap.extract(text, gazetteer=gaz, events=False)
        assert r.document.lang == "xq"
        got = {(m.text, p.place.name) for p in r.places for m in p.mentions}
        assert ("Bratislavy", "Bratislava") in got and ("Košíc", "Košice") in got
        assert ("slovenskí", "Slovakia") in got
        assert en["function_words"]  # the built-in files are still there beside it
    finally:
        monkeypatch.delenv(langs.ENV_PATH)
        langs.reset()
    assert "xq" not in available_languages()


@pytest.mark.parametrize("text,lang,places,not_places", [
    ("Си Цзиньпин встретился с Владимиром Путиным. По словам Дмитрия Пескова, всё прошло в Нижнем Новгороде, "
     "а затем в Ростове-на-Дону.", "ru", ["Нижнем Новгороде", "Ростове-на-Дону"], ["Владимиром", "Путиным", "Дмитрия"]),
    ("Według Donalda Tuska rozmowy odbyły się w Zielonej Górze.", "pl", ["Zielonej Górze"], ["Donalda", "Tuska"]),
    ("Większość wyjechała do Niemiec i Polski.", "pl", ["Niemiec", "Polski"], []),
    ("Глава Чечни Рамзан Кадыров заявил о переброске бойцов.", "ru", ["Чечни"], ["Рамзан", "Кадыров"]),
    ("V Hradci Králové a v Ústí nad Labem se konaly demonstrace.", "cs", ["Hradci Králové", "Ústí nad Labem"], []),
    ("Der Bundestag beschloss das Gesetz. Die Lage in Frankfurt am Main ist ruhig.", "de",
     ["Frankfurt am Main"], ["Der", "Lage"]),
    ("El Congreso aprobó la ley. Este año llovió en Ciudad de México.", "es", ["Ciudad de México"], ["El Congreso", "Este"]),
])
def test_people_and_organisations_in_case_forms(gaz, text, lang, places, not_places):
    got = [s.text for s in Extractor(gaz).find(text, lang)]
    for p in places:
        assert p in got, (p, got)
    for w in not_places:
        assert not any(w in g for g in got), (w, got)


def test_case_of_a_place_name_for_the_events_stage():
    from geomap.lang import morph

    ru = morph.analyser("ru", "pymorphy3")
    assert "accs" in ru.cases("Москву") and "loct" in ru.cases("Москве") and "gent" in ru.cases("Москвы")
    assert "loct" not in ru.cases("Москву")


def test_every_name_and_demonym_target_in_the_data_exists(gaz):
    from geomap.lang import inflect, load_data

    for code in available_languages():
        d = load_data(code)
        for section, match in (("names", 0), ("demonyms", 2)):
            for key, target in d.get(section, {}).items():
                t = target if section == "names" else key
                assert inflect._target(gaz, t, match), (code, section, key, t)


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_plain_english_shortcut_changes_no_answer_here(code):
    """The function-word shortcut (no lingua) fires only on English, and gives
    lingua's answer."""
    from geomap.lang.detect import _WORD, _plain_english

    text = PARAGRAPHS[code][0]
    assert detect(text) == detect(text, fast=False) == code
    if code != "en":
        assert not _plain_english(_WORD.findall(text.lower()), available_languages())


def test_plain_english_shortcut_agrees_with_lingua_on_the_dev_corpora():
    from geomap.evaluate import read_gold
    from geomap.lang.detect import SAMPLE_CHARS, _WORD, _plain_english

    fired = 0
    for name in ("lgl_dev.jsonl", "trnews_dev.jsonl", "geovirus.jsonl", "wiktor_dev.jsonl"):
        for doc in read_gold(shared_path("eval", "dev", name)):
            words = _WORD.findall(doc["text"][:SAMPLE_CHARS].lower())
            if len(words) >= 40 and _plain_english(words, available_languages()):
                fired += 1
                assert detect(doc["text"], fast=False) == "en", doc["text"][:80]
    assert fired > 1000


# The movements each paragraph reports: (origin, destination, mover), places by gazetteer name.
PARAGRAPH_MOVEMENTS_PL_CS = {
    "pl": [("Kharkiv", "Germany", "Ukraińscy uchodźcy"), ("Aleppo", None, "syryjscy żołnierze"),
           (None, "United States of America", "Prezydent Andrzej Duda"), ("Poland", "Odesa", "pomoc")],
    "cs": [("Odesa", "Brno", "Ukrajinští uprchlíci"), ("Kharkiv", None, "Vojáci"), ("Donetsk", None, "Vojáci"),
           (None, "United States of America", "Premiér Petr Fiala"), ("Syria", "Germany", "Syrští uprchlíci")],
}


@pytest.mark.parametrize("code", sorted(PARAGRAPH_MOVEMENTS_PL_CS))
def test_paragraph_movements_in_order(gaz, code):
    r = geomap.extract(PARAGRAPHS[code][0], gazetteer=gaz)

    def name(pid):
        return r.place(pid).place.name if pid else None

    got = [(name(e.origin), name(e.destination), e.mover) for e in r.events if e.kind == "movement"]
    assert got == PARAGRAPH_MOVEMENTS_PL_CS[code]


# The movements each paragraph reports: (origin, destination) by gazetteer name, and the mover. "Sie sollten Reisen in den Irak vermeiden" is advice, no movement.
PARAGRAPH_MOVEMENTS = {
    "de": {("", "Lithuania"): "weitere Soldaten", ("Iran", "Germany"): "Afghanische Flüchtlinge"},
    # "Des migrants ukrainiens ont été accueillis à Marseille et à Lyon": received there, from Ukraine
    "fr": {("Mali", "Niger"): "soldats français", ("Ukraine", "Marseille"): "migrants ukrainiens",
           ("Ukraine", "Lyon"): "migrants ukrainiens", ("", "Middle East"): "président",
           ("Middle East", "Egypt"): "président"},
    "es": {("Guatemala", "Mexico"): "migrantes hondureños", ("", "United States of America"): "más de 2.000 personas",
           ("Aleppo", "Turkey"): "refugiados sirios"},
}


def _movements(result):
    names = {rp.place.id: rp.place.name for rp in result.places}
    return {(names.get(e.origin, ""), names.get(e.destination, "")): e.mover
            for e in result.events if e.kind == "movement"}


@pytest.mark.parametrize("code", sorted(PARAGRAPH_MOVEMENTS))
def test_paragraph_movements(gaz, code):
    got = _movements(geomap.extract(PARAGRAPHS[code][0], gazetteer=gaz))
    want = PARAGRAPH_MOVEMENTS[code]
    assert set(got) == set(want)
    for route, mover in want.items():
        assert got[route] == mover


@pytest.mark.parametrize("text, lang, route", [
    # "verteilten" and "trasladaremos" are in no trigger list: the mover noun and the governed place still tell
    ("Die Behörden verteilten am Montag 300 Menschen nach Hamburg.", "de", ("", "Hamburg")),
    ("Mañana trasladaremos a 40 migrantes hasta Tenerife.", "es", ("", "Santa Cruz de Tenerife")),
])
def test_a_form_the_trigger_list_lacks_still_gives_its_route(gaz, text, lang, route):
    assert route in _movements(geomap.extract(text, lang, gazetteer=gaz))


def test_separable_verb_with_its_particle_at_the_clause_end(gaz):
    # "kehrte" alone is no movement word; "kehrte ... zurück" is
    got = _movements(geomap.extract("Olena kehrte im Oktober mit ihren Kindern aus Dresden nach Kiew zurück.",
                                    "de", gazetteer=gaz))
    assert ("Dresden", "Kyiv") in got
    # the particle must close the clause: here "zurück" is no particle of "kehrte" ("zurück in Dresden" alone,
    # as in "Olena kehrte den Hof, zurück in Dresden blieb sie", now says she is back there: a return to Dresden)
    got = _movements(geomap.extract("Olena kehrte den Weg nach Dresden, zurück blieb nur Staub.", "de", gazetteer=gaz))
    assert got == {}


def test_everyday_nouns_are_no_places_in_any_case_form(gaz):
    r = geomap.extract("Am Sonntag landeten 30 Migranten im Süden der Insel. Mein Mann blieb in Sizilien.",
                       "de", gazetteer=gaz, events=False)
    assert {p.place.name for p in r.places} == {"Sicily"}


@pytest.mark.parametrize("text, lang, name", [
    ("Die Boote erreichten El Hierro am Morgen.", "de", "El Hierro"),
    ("Llegaron a Lanzarote y a Fuerteventura.", "es", "Lanzarote"),
    ("Ils sont arrivés aux Canaries mardi.", "fr", "Canary Islands"),
])
def test_islands_and_their_names_in_each_language(gaz, text, lang, name):
    r = geomap.extract(text, lang, gazetteer=gaz, events=False)
    assert name in {p.place.name for p in r.places}


@pytest.mark.parametrize("text, lang, places", [
    # a German compound noun before a name is an everyday word, not a person's name glued to it
    ("Die Küstenstadt Sfax liegt in Tunesien.", "de", {"Sfax", "Tunisia"}),
    ("Das Nachbarland Ägypten öffnete die Grenze.", "de", {"Egypt"}),
    # an article and a lower-case noun make no name, however a town is called
    ("La selva es peligrosa. El plan busca agilizar los vuelos.", "es", set()),
    ("Les hôpitaux sont pleins. La ville côtière est calme.", "fr", set()),
    # a given name (the census list, shared with English) before a surname: the surname is no town
    ("Lo dijo la ministra Margarita Robles en Madrid.", "es", {"Madrid"}),
    # German capitalises nouns: a town Wiktionary knows only as a place is read without "in" before it,
    # a noun that also names a town, or a given name that names a river, is not
    ("Die Flüchtlinge kamen nach Wilhelmshaven, Görlitz und München.", "de", {"Wilhelmshaven", "Görlitz", "Munich"}),
    ("Die Brücke ist aus Eisen gebaut. Lena und Petra reisten ab.", "de", set()),
])
def test_nouns_and_names_beside_places(gaz, text, lang, places):
    r = geomap.extract(text, lang, gazetteer=gaz, events=False)
    assert {p.place.name for p in r.places} == places


@pytest.mark.parametrize("text, lang, route, mover", [
    # where a boat is boarded is where the journey starts, not where it goes
    ("Quelque 316 migrants sont arrivés samedi dans l’île italienne de Lampedusa, en majorité embarqués à Sfax.",
     "fr", ("Sfax", "Lampedusa"), "Quelque 316 migrants"),
    # a date between the verb and its place is no place phrase
    ("Ein Zug mit 600 Menschen aus Charkiw erreichte am Mittwoch Przemyśl.", "de", ("Kharkiv", "Przemyśl"), "Zug"),
    # landing inside the country just reached ends the same journey; "und landeten" shares its subject
    ("Sie flogen von Gao über Niamey zurück nach Deutschland und landeten in Wunstorf.", "de",
     ("Gao", "Wunstorf"), "Sie"),
    # German "in" with an accusative article goes somewhere; the date word is no part of the mover
    ("Am Montagabend sind abgelehnte Asylbewerber in ihr Herkunftsland Afghanistan abgeschoben worden.", "de",
     ("", "Afghanistan"), "abgelehnte Asylbewerber"),
])
def test_movement_rules_of_de_fr_es(gaz, text, lang, route, mover):
    got = _movements(geomap.extract(text, lang, gazetteer=gaz))
    assert got.get(route) == mover, got


@pytest.mark.parametrize("text, lang, route", [
    # the place that receives them, the verb's subject, is where they went; a deportation's agent is its start
    ("Honduras recibió este martes a 163 migrantes deportados por Estados Unidos.", "es",
     ("United States of America", "Honduras")),
    ("Le Tchad accueille 5 000 réfugiés venus du Soudan.", "fr", ("Sudan", "Chad")),
])
def test_a_receiving_place_is_the_destination(gaz, text, lang, route):
    assert route in _movements(geomap.extract(text, lang, gazetteer=gaz))


def test_french_thousands_grouped_with_a_space(gaz):
    r = geomap.extract("Au total, 2 033 personnes sont arrivées à Lampedusa.", "fr", gazetteer=gaz)
    (e,) = [e for e in r.events if e.kind == "movement"]
    assert (e.mover, e.quantity_value) == ("2 033 personnes", 2033)


@pytest.mark.parametrize("text, route", [
    # a compound ending in a place noun is the place's head ("Kanaren-Insel El Hierro")
    ("Auf der Kanaren-Insel El Hierro sind fast 300 Migranten mit Booten angekommen.", ("", "El Hierro")),
    # the object of a clause-final "erreicht" stands before it
    ("43 Immigranten haben am Dienstag die Küste von El Hierro erreicht.", ("", "El Hierro")),
])
def test_german_verb_final_destinations(gaz, text, route):
    assert route in _movements(geomap.extract(text, "de", gazetteer=gaz))


@pytest.mark.parametrize("text", [
    "Eine Reise nach Ägypten wurde nicht genehmigt.",  # German puts the negation after the verb
    "Viele Containerschiffe fahren nicht mehr durch den Suezkanal nach Rotterdam.",
    "Ein Tief zieht von Frankreich nach Deutschland und bringt Regen.",  # weather is no mover
])
def test_german_non_movements(gaz, text):
    assert _movements(geomap.extract(text, "de", gazetteer=gaz)) == {}


@pytest.mark.parametrize("text, lang, route", [
    # a clock time is no clause break; the apposition after "la capital sudanesa" is the place left
    ("El avión despegó de la capital sudanesa, Jartum, antes de las 23:00 horas con destino a Yibuti.", "es",
     ("Khartoum", "Djibouti")),
    # a time and a day between the verb and its place make no "from": "después de las 11.00 horas de este lunes"
    ("El avión con personas evacuadas de Sudán ha aterrizado poco después de las 11.00 horas de este lunes en "
     "la base aérea de Torrejón de Ardoz.", "es", ("Sudan", "Torrejón de Ardoz")),
    # "desde donde": from the place just reached
    ("El avión llegó a Yibuti, desde donde partió hacia Madrid.", "es", ("Djibouti", "Madrid")),
    # a crossing names what it crosses before the two ends
    ("Miles de personas cruzan el Darién, una selva fronteriza entre Colombia y Panamá.", "es",
     ("Colombia", "Panama")),
    # where a boat is off is where its journey starts
    ("Un ferry a repéré un pneumatique au large de Calais, faisant route vers l'Angleterre.", "fr",
     ("Calais", "England")),
])
def test_routes_in_longer_sentences(gaz, text, lang, route):
    assert route in _movements(geomap.extract(text, lang, gazetteer=gaz))


def test_german_zufolge_names_its_source_before_it(gaz):
    # "den Angaben zufolge": the source stands before "zufolge"; what follows it is the report, not the source
    text = ("Einige Deutsche nutzten den Angaben zufolge andere Wege: Mit einem Konvoi nach Port Sudan seien "
            "23 Bundesbürger aus Khartum evakuiert worden.")
    assert ("Khartoum", "Port Sudan") in _movements(geomap.extract(text, "de", gazetteer=gaz))


def test_control_characters_do_not_meet_the_particle_table(gaz):
    # the separable-verb lookup must not read any token of the text as its own marker
    r = geomap.extract("X\x01 kamen \x01 an.", "de", gazetteer=gaz)
    assert r.events == ()


def test_a_relative_clause_has_its_own_verb(gaz):
    # "à"/"dans" after "qui a porté" is no destination of the "départ" before it
    text = ("Les convois ont commencé un départ exigé par la junte qui a porté un coup à l'influence de la France "
            "dans la région de l'Afrique de l'Ouest.")
    got = _movements(geomap.extract(text, "fr", gazetteer=gaz))
    assert not any(dest for _, dest in got)


@pytest.mark.parametrize("text, lang, route", [
    # a movement told inside a relative clause on a place ends at that place
    ("Se espera otro vuelo procedente de Honduras, donde 90 salvadoreños fueron deportados desde México.", "es",
     ("Mexico", "Honduras")),
    ("Los heridos fueron atendidos en un hospital de Lyon (en el este de Francia), a donde fueron trasladados "
     "desde Marsella.", "es", ("Marseille", "Lyon")),
    ("Un autre ferry partira de Malte, où 300 migrants sont arrivés depuis la Libye.", "fr", ("Libya", "Malta")),
    # the narrowest place of "X, en Y, Z, où": the list narrows to X
    ("Les gardes-côtes ont compté 40 bateaux à Lampedusa, en Sicile, Italie, où 900 migrants sont arrivés "
     "depuis la Tunisie.", "fr", ("Tunisia", "Lampedusa")),
    # a pluperfect departure told after the landing starts the same journey
    ("El avión aterrizó en Madrid. El aparato había partido por la mañana de Dakar.", "es", ("Dakar", "Madrid")),
    # "dem afrikanischen Konfliktland": a compound place noun points back to the country told before
    ("Die Marine beendet die Rettungsmission aus Libyen. Am Abend soll das letzte Schiff aus dem "
     "nordafrikanischen Konfliktland nach Malta fahren.", "de", ("Libya", "Malta")),
    # "vom Typ A400M" names a model, not an origin
    ("Die Soldaten sind in einer Maschine vom Typ A400M auf dem Fliegerhorst in Wunstorf gelandet.", "de",
     ("", "Wunstorf")),
])
def test_routes_told_through_where_and_after_the_landing(gaz, text, lang, route):
    assert route in _movements(geomap.extract(text, lang, gazetteer=gaz))


def test_a_departure_where_is_no_destination(gaz):
    # "Sfax, where they set off": a departure in the relative clause starts at the place, it does not end there
    text = "Les migrants ont été secourus près de Sfax, où ils avaient quitté la côte vers Lampedusa."
    got = _movements(geomap.extract(text, "fr", gazetteer=gaz))
    assert not any(dest == "Sfax" for _, dest in got)


@pytest.mark.parametrize("text, lang, route", [
    # the place of the base a leaving verb takes as its object is where they left, not where they went
    ("Les casques bleus ont quitté leurs bases au Mali jeudi en direction du Sénégal.", "fr", ("Mali", "Senegal")),
    ("Los soldados abandonaron sus bases en Irak el lunes rumbo a Kuwait.", "es", ("Iraq", "Kuwait")),
    # a quotation mark inside "en direction du" leaves "direction du" a destination, not a "from"
    ('Un convoi a quitté la ville mardi, en "direction du Bénin" selon la police.', "fr", ("", "Benin")),
])
def test_leaving_a_base_somewhere(gaz, text, lang, route):
    assert route in _movements(geomap.extract(text, lang, gazetteer=gaz))


def test_a_language_file_naming_a_library_gives_the_events_stage_lemmas(gaz, tmp_path, monkeypatch):
    """The made-up language's file names simplemma's Slovak; its events file lists the verb and the
    noun only as lemmas ("odcestovať", "vojak") and says "lemmas": "match". The inflected forms of the
    text ("odcestovali", "vojaci") then tell a movement, with no code naming the language."""
    from geomap.events import cues as cues_mod

    lang_dir, events_dir = tmp_path / "lang", tmp_path / "events"
    lang_dir.mkdir()
    events_dir.mkdir()
    (lang_dir / "xq.json").write_text(json.dumps({
        "name": "Made-up Slovak", "script": "latin", "morphology": {"library": "simplemma", "code": "sk"},
        "function_words": ["zzv", "qqk", "a", "v", "do", "z", "na"], "connectors": [],
        "place_cues_before": ["do", "z", "v"], "kind_cues_before": {}, "kind_cues_after": {},
        "not_places": [], "name_titles": [], "org_heads": [], "common_words": {"6.0": "zzv qqk a v do z na"},
    }), "utf-8")
    events = {"triggers": [{"kind": "movement", "words": ["odcestovať"]}],
              "prepositions": {"destination": ["do"], "origin": ["z"]}, "what": {"troops": ["vojak"]}}
    text = "zzv qqk Vojaci odcestovali z Bratislavy do Košíc zzv qqk."
    monkeypatch.setenv(langs.ENV_PATH, str(lang_dir))
    monkeypatch.setattr(cues_mod, "DATA_DIR", events_dir)
    langs.reset()
    try:
        def moves(d: dict) -> set:
            (events_dir / "xq.json").write_text(json.dumps(d), "utf-8")
            cues_mod._load_cues.cache_clear()
            r = geomap.extract(text, lang="xq", gazetteer=gaz)
            return {(r.place(e.origin).place.name, r.place(e.destination).place.name, e.what)
                    for e in r.events if e.kind == "movement" and e.origin and e.destination}

        assert moves(events) == set()  # the lemmas alone meet no inflected word
        assert moves({**events, "lemmas": "match"}) == {("Bratislava", "Košice", "troops")}
        assert moves({**events, "lemmas": "read"}) == {("Bratislava", "Košice", "troops")}
    finally:
        monkeypatch.delenv(langs.ENV_PATH)
        langs.reset()
        cues_mod._load_cues.cache_clear()


def test_an_events_file_asking_for_lemmas_wrongly_says_why():
    from geomap.events.cues import Cues

    with pytest.raises(ValueError, match='"lemmas" is "read" or "match"'):
        Cues("pl", {"lemmas": "yes"})
    with pytest.raises(ValueError, match="no language file names a morphology library"):
        Cues("en", {"lemmas": "match"})  # en.json names no library
    assert Cues("pl", {"lemmas": "match"}).morphology == ("simplemma", "pl")
    assert Cues("pl", {}).morphology is None  # the language file's library is used only when asked for


@pytest.mark.parametrize("text, lang, dest", [
    # a negated trip that a source after the comma denies is reported as denied, not dropped
    ("Беженцы не были депортированы в Таджикистан, опровергли в погранслужбе.", "ru", "Tajikistan"),
    ("Біженців не депортували до Таджикистану, заперечили в прикордонній службі.", "uk", "Tajikistan"),
])
def test_a_denied_negated_trip_is_kept_as_denied(gaz, text, lang, dest):
    r = geomap.extract(text, lang, gazetteer=gaz)
    (e,) = [e for e in r.events if e.kind == "movement"]
    assert (e.certainty, r.place(e.destination).place.name) == ("denied", dest), e
    # without the denial the negation still drops the trip
    plain = text.split(",")[0] + "."
    assert not [e for e in geomap.extract(plain, lang, gazetteer=gaz).events if e.kind == "movement"]


@pytest.mark.parametrize("text, lang", [
    # the load after "price of" is what is priced, no mover
    ("Цены на нефть в Турции выросли после сокращения поставок.", "ru"),
    ("Ціни на нафту в Туреччині зросли після скорочення постачання.", "uk"),
])
def test_a_priced_load_is_no_mover(gaz, text, lang):
    assert _movements(geomap.extract(text, lang, gazetteer=gaz)) == {}


@pytest.mark.parametrize("text, lang", [
    # the verb's own "from" outranks the "from" that describes the movers
    ("Сотни беженцев из Афганистана и Ирака пытались прорваться в Польшу с территории Белоруссии.", "ru"),
    ("Setki uchodźców z Afganistanu i Iraku próbowały przedostać się do Polski z terytorium Białorusi.", "pl"),
])
def test_the_verbs_from_outranks_the_movers_from(gaz, text, lang):
    assert set(_movements(geomap.extract(text, lang, gazetteer=gaz))) == {("Belarus", "Poland")}
