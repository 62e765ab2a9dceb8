"""The self-written movement sets are built from their sources by scripts/movement_gold.py."""
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("movement_gold", ROOT / "scripts" / "movement_gold.py")
mg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mg)

LANGS = ["ru", "uk", "pl", "cs", "de", "fr", "es"]
TABLE = {"PL": ("Poland", 52.0, 20.0, "country"), "Warsaw": (52.23, 21.01, "city"), "UA": (49.0, 32.0, "country")}


@pytest.mark.parametrize("lang", LANGS)
def test_committed_set_is_what_its_source_builds(lang):
    mod = mg.load(lang)
    rows = mg.build_rows(lang, mod.PASSAGES, mod.PLACES)
    built = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    assert built == (mg.DATA / f"{lang}.jsonl").read_text(encoding="utf-8")


def test_markup_offsets_ends_and_evidence():
    p = {"date": "2024-01-01", "story": "s",
         "text": "Aus [[Polen|PL]] kamen 30 [[Ukrainer|UA|d]] nach [[Warsaw]]. Dann fuhren sie von [[Warsaw]] weiter.",
         "moves": [{"o": "Polen", "d": "Warsaw", "w": "30 Ukrainer", "q": 30},
                   {"o": "Warsaw#1", "w": "sie", "p": [], "c": "reported"},
                   {"o": "Polen", "d": "Warsaw#1", "w": "sie", "ev": 1}],
         "presences": [{"at": "Ukrainer", "w": "30 Ukrainer"}]}
    (row,) = mg.build_rows("xx", [p], TABLE)
    text = row["text"]
    assert text == "Aus Polen kamen 30 Ukrainer nach Warsaw. Dann fuhren sie von Warsaw weiter."
    assert [text[x["start"]:x["end"]] for x in row["places"]] == ["Polen", "Ukrainer", "Warsaw", "Warsaw"]
    assert row["places"][1]["demonym"] is True and "demonym" not in row["places"][0]
    assert row["places"][0]["lat"] == 52.0 and row["places"][2]["kind"] == "city"
    first, second, third = row["movements"]
    assert first["destination"]["start"] == text.index("Warsaw") and "path" not in first
    assert first["evidence"] == {"start": 0, "end": text.index(".") + 1}
    assert second["origin"]["start"] == text.rindex("Warsaw") and second["path"] == []
    assert second["evidence"]["start"] == text.index("Dann") and second["evidence"]["end"] == len(text)
    assert second["certainty"] == "reported" and first["certainty"] == "stated"
    assert third["evidence"]["start"] == text.index("Dann")
    assert row["presences"][0]["place"]["name"] == "Ukrainer"


def test_a_thousands_separator_ends_no_sentence():
    text = "Rund 2.000 Menschen kamen an. Dann mehr."
    assert mg.sentences(text) == [(0, 29), (30, 40)]


@pytest.mark.parametrize("passage, message", [
    ({"text": "In [[Berlin]].", "moves": []}, "no coordinates for 'Berlin'"),
    ({"text": "In [[Polen|PL]].", "moves": [{"d": "Polen#1"}]}, "'Polen#1' is not a marked place"),
    ({"text": "In [[Polen|PL]].", "moves": [{"d": "Polen", "w": "niemand"}]}, "mover 'niemand' is not in the text"),
    ({"text": "In [[Polen|PL]].", "moves": [{"w": "In"}]}, "give ev=(i, j)"),
])
def test_bad_source_is_a_clear_error(passage, message):
    with pytest.raises(mg.GoldError, match=message.replace("(", r"\(").replace(")", r"\)")):
        mg.build_rows("xx", [{"date": "2024-01-01", "story": "s", **passage}], TABLE)


def test_cli_rejects_unknown_language(capsys):
    assert mg.main(["xx"]) == 1
    assert capsys.readouterr().err.strip() == "error: no source tests/data/movements/src/xx.py"
    assert mg.main([]) == 2
