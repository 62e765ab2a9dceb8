"""Fill the everyday-word table ("common_words") of each language file from wordfreq.

    python scripts/build_lang_data.py [CODE ...]     (default: every file naming a morphology library)

The recogniser drops a capitalised word as a place when it is a common everyday word
(geomap/recognize/tokens.py, _common). wordfreq folds case, so its counts for "одеси" or
"paris" are mostly the place's own: the table keeps a word only when the language's
morphology library reads it as an everyday word, not a name:

- pymorphy3 (Russian, Ukrainian): dropped when most of its readings are tagged as a
  given name, surname, patronymic, place or organisation, or when its lemma is the
  own name of a place of 30,000+ people or any name of a country or region (Ukrainian
  dictionaries tag no places: "одеси" -> "одеса").
- simplemma (Polish, Czech, French, Spanish): kept when the capitalised word
  lemmatises to a lower-case word ("Les" -> "le", "Pero" -> "pero"); dropped when it
  stays capitalised (a proper noun, or a word the dictionary does not know) and the
  gazetteer names a place so ("Paris", "Polska", "Lwów"), unless it is frequent (Zipf >= 4),
  its lower-case form has a lower-case lemma and only villages bear it ("ruch", "granica").
- German capitalises every noun, so there German Wiktionary (the german-nouns table) and
  the gazetteer decide: a word Wiktionary lists only as a name (a place, surname or given
  name) that the gazetteer knows ("Passau", "München", "Calais"), a noun that names a
  country or region, or the own name of a city of 100,000+ less common than 10^5.5 per
  10^9 words is no everyday word; "Lage", "Eisen" and "der" stay, and "Essen" the city
  is lost to "Essen" the meal unless the text places it.

Words are grouped by Zipf frequency (one decimal) like en.json; the output is sorted,
so a rebuild with the same package versions gives the same bytes.
"""
from __future__ import annotations

import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
LANG_DIR = HERE / "geomap" / "data" / "lang"
FLOOR = 3.0
_WORD = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*$")
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_BIG = frozenset({"country", "admin1", "region", "continent", "sea"})
_EVERYDAY = 4.0  # Zipf of a word frequent enough to be read as a word before a village of its name
_TOWN = 4.5  # importance of a town that keeps its name from the everyday-word table
_PLACED_TOWN = 4.0  # importance (a town of 10,000 people) of a place a German name-only word must name


def main(codes: list[str]) -> None:
    sys.path.insert(0, str(HERE))
    from geomap import gazetteer as gz

    g = gz.load(quiet=True)
    if not codes:
        codes = sorted(p.stem for p in LANG_DIR.glob("*.json")
                       if "morphology" in json.loads(p.read_text("utf-8")))
    for code in codes:
        path = LANG_DIR / f"{code}.json"
        d = json.loads(path.read_text("utf-8"))
        table, source = build_table(code, d, g, gz)
        d["common_words_source"] = source
        d["common_words"] = table
        path.write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{code}: {sum(len(v.split()) for v in table.values())} everyday words", file=sys.stderr)


def build_table(code, d, g, gz):
    from wordfreq import iter_wordlist, zipf_frequency

    library = d["morphology"]["library"]
    is_name = _name_test(code, d, library, g, gz)
    groups: dict[str, list[str]] = {}
    for w in iter_wordlist(code, "best"):
        z = zipf_frequency(w, code)
        if z < FLOOR:
            break
        if not _WORD.match(w) or is_name(w, z):
            continue
        groups.setdefault(f"{z:.1f}", []).append(w)
    table = {z: " ".join(sorted(ws)) for z, ws in sorted(groups.items(), key=lambda kv: -float(kv[0]))}
    told_by = f"{library} {version(library)}" + (f", german-nouns {version('german-nouns')} (German Wiktionary, "
                                                 f"CC BY-SA 4.0)" if code == "de" else "")
    source = (f"lower-case words of wordfreq {version('wordfreq')} ({code}, 'best') with Zipf >= {FLOOR}, less the "
              f"names that {told_by} and the gazetteer tell (scripts/build_lang_data.py)")
    return table, source


def _name_test(code, d, library, g, gz):
    def place_rows(key):
        return [(g.kind_name(c.row), c.match, float(g.importance[c.row])) for c in g.lookup(key)[:30]]

    def gazetteer_name(word, z, city_min, z_max):
        for kind, match, imp in place_rows(word):
            if kind in _BIG:
                return True
            if match == gz.MATCH_NAME and imp >= city_min and z < z_max:
                return True
        return False

    if library == "pymorphy3":
        import pymorphy3

        m = pymorphy3.MorphAnalyzer(lang=code)
        own = {gz.fold(n) for n in d.get("names", {})}  # "Херсонщина": a region's name in this language

        def is_name(w, z):
            parses = m.parse(w)
            if sum(p.score for p in parses if _NAME_TAGS & p.tag.grammemes) >= 0.5:
                return True
            lemma = parses[0].normal_form if parses else w
            if gz.fold(lemma) in own:
                return True
            if z >= 5.0 and len(lemma) >= 5 and not any(ch.isupper() for ch in lemma):
                # However frequent, a word whose lemma is a country's name is that country
                # ("україни": Ukrainian dictionaries tag no places, and the name is among
                # the language's commonest words).
                return any(kind == "country" for kind, _, _ in place_rows(lemma))
            return z < 5.0 and (gazetteer_name(lemma, z, 4.5, 5.0) or gazetteer_name(w, z, 4.5, 5.0))
        return is_name

    from simplemma import is_known, lemmatize

    if code == "de":
        names_only = _german_names_only()

        def is_name_de(w, z):
            # A country's or region's name only when it lemmatises as a noun or name:
            # "der" is one of Győr's names, and German's commonest word.
            cap = w[:1].upper() + w[1:]
            if not lemmatize(cap, lang=code)[:1].isupper():
                return False
            # Wiktionary tells names from nouns where capitals cannot: "Passau", "München",
            # "Calais" are only places (or people), "Eisen", "Gold" only nouns, "Essen" both;
            # and a word read as a verb or adjective ("waren", "kamen", "lange") is one.
            if cap in names_only and (not is_known(w, lang=code) or lemmatize(w, lang=code)[:1].isupper()) \
                    and any(imp >= _PLACED_TOWN for _, _, imp in place_rows(w)):
                return True
            return gazetteer_name(w, z, 5.0, 5.5)
        return is_name_de

    def is_name(w, z):
        cap = w[:1].upper() + w[1:]
        lem = lemmatize(cap, lang=code)
        if lem[:1].islower():
            return False
        if not (place_rows(w) or place_rows(lem)):
            return False
        # "ruch", "granica", "stan": a frequent word the dictionary knows in lower case stays an everyday word
        # when only villages bear it (the capitalised form is a village's name in the dictionary too)
        if z >= _EVERYDAY and lemmatize(w, lang=code)[:1].islower() and not any(
                kind in _BIG or imp >= _TOWN for key in (w, lem) for kind, _, imp in place_rows(key)):
            return False
        return True
    return is_name


def _german_names_only() -> frozenset[str]:
    """The German words Wiktionary lists as a place and never as a common noun (nor as any form of
    one: "Wahlen" is the town and the plural of "Wahl") or a given name, from the german-nouns package's table
    (CC BY-SA 4.0; read only here, at build time: `pip install --no-deps german-nouns`, since its
    parser pins an lxml that trafilatura cannot use)."""
    import csv

    from german_nouns.config import CSV_FILE_PATH

    kinds: dict[str, set[str]] = {}
    noun_forms: set[str] = set()
    names = ("Toponym", "Nachname", "Vorname")
    with open(CSV_FILE_PATH, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        for row in rows:
            kinds.setdefault(row[0], set()).add(row[1])
            if not any(n in row[1] for n in names):
                noun_forms.update(f for f in row[2:] if f and f[:1].isupper())
    # A given name ("Lena", "Petra") is a person's as often as a river's or a town's: it stays.
    return frozenset(w for w, pos in kinds.items()
                     if w not in noun_forms and any("Toponym" in p for p in pos)
                     and not any("Vorname" in p for p in pos)
                     and all(any(n in p for n in names) for p in pos))


if __name__ == "__main__":
    main(sys.argv[1:])
