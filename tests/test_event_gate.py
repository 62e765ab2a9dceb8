"""The sentence gate of the events stage (Cues.may_tell): a sentence it passes over could
never have given an event, so reading every sentence gives exactly the same events."""
import json

import pytest

import geomap
from geomap.events import find_events
from geomap.events.cues import Cues, load_cues

from conftest import ROOT


def _texts():
    out = []
    # every language's movement set: a language whose tokens read words differently (lemmas, say)
    # than Cues.may_tell lists them would fail here
    for path in (ROOT / "tests/data/events_gold.jsonl", *sorted((ROOT / "tests/data/movements").glob("*.jsonl"))):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append((d["text"], d.get("lang", "en"), d.get("date")))
    return out


def test_gate_never_hides_an_event(gaz, monkeypatch):
    texts = _texts()
    results = [geomap.extract(t, lang=lang, date=date, gazetteer=gaz, events=False) for t, lang, date in texts]
    passed_over = []
    gate = Cues.may_tell

    def counting(self, sentence):
        told = gate(self, sentence)
        if not told:
            passed_over.append(sentence)
        return told

    monkeypatch.setattr(Cues, "may_tell", counting)
    # The rules' events: the movement scorer is trained on what the gate lets through and sees no more.
    gated = [find_events(r, scorer=False).events for r in results]
    monkeypatch.setattr(Cues, "may_tell", lambda self, sentence: True)
    full = [find_events(r, scorer=False).events for r in results]
    assert passed_over, "the gate passed over no sentence: this test would prove nothing"
    assert sum(map(len, full)) > 100
    for (text, _, _), a, b in zip(texts, gated, full):
        assert a == b, text


@pytest.mark.parametrize("lang, sentence, told", [
    ("en", "Troops were sent to Kyiv on Monday.", True),
    ("en", "Kyiv is a big city with old churches.", False),
    ("en", "The mayor of Lviv is a historian who likes old churches.", False),
    ("en", "5,000 troops to Niger.", True),  # a headline: the mover noun alone
    ("fr", "Le président s’est rendu à Kiev.", True),  # the typographic apostrophe reads as '
    ("id", "Kapal-kapal perang di Surabaya.", True),  # a reduplicated plural: its base is the mover noun
    ("id", "Surabaya adalah kota besar.", False),
])
def test_may_tell(lang, sentence, told):
    assert load_cues(lang).may_tell(sentence) is told
