"""The candidate scan reads every dev-corpus document exactly as the code before it did.

tests/data/scan_fingerprints.json was recorded by `python scripts/scan_fixture.py record`
on the commit before the compiled scan (issue 13): per document, hashes of the
recognised spans (offsets, keys, candidates, flags), the resolved places with their
mentions, and the events. All 1,722 documents take about 10 s on one idle core.
"""
import importlib.util
import json

from conftest import ROOT, shared_path


def _fixture_module():
    spec = importlib.util.spec_from_file_location("scan_fixture", ROOT / "scripts" / "scan_fixture.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_dev_document_reads_as_recorded():
    folder = shared_path("eval", "dev")
    for name in ("lgl_dev.jsonl", "trnews_dev.jsonl", "geovirus.jsonl", "wiktor_dev.jsonl"):
        shared_path("eval", "dev", name)
    mod = _fixture_module()
    expected = json.loads(mod.FIXTURE.read_text(encoding="utf-8"))
    got = mod.compute(folder)
    assert len(got) == len(expected) == 1722
    diff = mod.compare(expected, got)
    assert not diff, f"{len(diff)} documents differ:\n" + "\n".join(diff[:20])


def test_a_changed_reading_is_caught(gaz):
    # The fingerprint sees a one-character shift of a span: the check above can fail.
    mod = _fixture_module()
    a = mod.fingerprint("Troops moved from Vladivostok to Khabarovsk.", gaz)
    b = mod.fingerprint("Troops moved from  Vladivostok to Khabarovsk.", gaz)
    assert a[0] != b[0] and a[1] != b[1]
