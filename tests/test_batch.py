"""geomap batch: streamed partitions, resumable runs, GeoParquet tables, any Dask scheduler."""
from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from geomap.batch import Options, run
from geomap.batch.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "events_gold.jsonl"


def corpus(path: Path, copies: int = 1, gz: bool = False) -> Path:
    """The self-written gold sentences as articles; copies vary the ids and the wording's numbers."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = []
    for k in range(copies):
        for r in rows:
            text = r["text"] if k == 0 else f"Update {k}. {r['text']}"
            lines.append(json.dumps({"id": f"{r['id']}-{k}", "text": text, "date": r.get("date"), "lang": r["lang"]},
                                    ensure_ascii=False))
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
    return path


def tables(out: Path) -> dict[str, pa.Table]:
    return {t: pq.read_table(out / f"{t}.parquet") for t in TABLES}


def test_sync_run_writes_every_table_with_evidence(tmp_path):
    src = corpus(tmp_path / "feed.jsonl")
    s = run([str(src)], tmp_path / "out", scheduler="sync", partition_size=20, quiet=True)
    assert s.documents == 73 and s.failures == 0 and s.partitions == 4
    t = tables(tmp_path / "out")
    mv = t["movements"].to_pylist()
    hit = [m for m in mv if m["doc_id"] == "en-01-0"]
    assert hit and hit[0]["origin_name"] == "Chongjin" and hit[0]["destination_name"] == "Vladivostok"
    assert hit[0]["doc_date"] == "2024-10-18" and hit[0]["source"]
    text = json.loads(GOLD.read_text().splitlines()[0])["text"]
    assert text[hit[0]["evidence_start"]:hit[0]["evidence_end"]] == hit[0]["evidence"]
    assert t["presences"].num_rows > 0 and t["mentions"].num_rows >= t["places"].num_rows
    docs = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    assert [d["id"] for d in docs][:3] == ["en-01-0", "en-02-0", "en-03-0"] and len(docs) == 73
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["documents"] == 73 and summary["tables"]["movements"] == t["movements"].num_rows


def test_tables_are_geoparquet_that_geopandas_reads(tmp_path):
    geopandas = pytest.importorskip("geopandas")
    run([str(corpus(tmp_path / "feed.jsonl"))], tmp_path / "out", scheduler="sync", quiet=True)
    places = geopandas.read_parquet(tmp_path / "out" / "places.parquet")
    assert places.crs.to_epsg() == 4326 or places.crs.to_string() == "OGC:CRS84"
    row = places[places["name"] == "Vladivostok"].iloc[0]
    assert abs(row.geometry.x - 131.9) < 0.2 and abs(row.geometry.y - 43.1) < 0.2
    moves = geopandas.read_parquet(tmp_path / "out" / "movements.parquet")
    drawn = moves[moves.geometry.notna()]
    assert set(drawn.geometry.geom_type) <= {"LineString", "MultiLineString"} and len(drawn) > 0


def test_gzip_and_parquet_inputs_and_bad_lines_go_to_failures(tmp_path):
    gz = corpus(tmp_path / "a.jsonl.gz", gz=True)
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": ["Ships sailed from Odesa to Istanbul.", "No places."],
                             "date": ["2024-01-02", None]}), tmp_path / "b.parquet")
    bad = tmp_path / "c.jsonl"
    bad.write_text('{"id": "ok", "text": "Aid reached Khartoum."}\n{"id": "broken", "text": \n', encoding="utf-8")
    s = run([str(gz), str(tmp_path / "b.parquet"), str(bad)], tmp_path / "out", scheduler="sync", quiet=True)
    assert s.documents == 73 + 2 + 1
    fails = pq.read_table(tmp_path / "out" / "failures.parquet").to_pylist()
    assert len(fails) == 1 and "c.jsonl:2" in fails[0]["error"]
    mv = pq.read_table(tmp_path / "out" / "movements.parquet").to_pylist()
    assert any(m["doc_id"] == "p1" and m["destination_name"] == "Istanbul" and m["doc_date"] == "2024-01-02" for m in mv)


def test_rerun_skips_finished_partitions_and_redoes_changed_ones(tmp_path):
    src = corpus(tmp_path / "feed.jsonl")
    out = tmp_path / "out"
    first = run([str(src)], out, scheduler="sync", partition_size=10, quiet=True)
    before = tables(out)
    again = run([str(src)], out, scheduler="sync", partition_size=10, quiet=True)
    assert again.partitions_skipped == again.partitions == first.partitions
    assert tables(out) == before
    # Another date changes what relative dates mean: every partition is new work.
    changed = run([str(src)], out, options=Options(date="2020-01-01"), scheduler="sync", partition_size=10, quiet=True)
    assert changed.partitions_skipped == 0
    assert len(list((out / "parts").iterdir())) == changed.partitions  # the stale ones are gone


def _geomap(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "geomap", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, **kw)


def published(parts: Path) -> set[str]:
    """Partitions published under their own name (a hidden folder is one still being written)."""
    return {d.name for d in parts.iterdir() if not d.name.startswith(".") and (d / "done.json").exists()}


def test_killed_run_resumes_to_the_same_outputs(tmp_path):
    src = corpus(tmp_path / "feed.jsonl", copies=4)  # 292 documents in 59 partitions
    ref = tmp_path / "ref"
    run([str(src)], ref, scheduler="sync", partition_size=5, quiet=True)
    out = tmp_path / "out"
    p = _geomap("batch", src, "--out", out, "--workers", "2", "--partition-size", "5", "--quiet")
    parts = out / "parts"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and p.poll() is None:
        done = published(parts) if parts.exists() else []
        if len(done) >= 4:
            break
        time.sleep(0.02)
    assert p.poll() is None, "the run finished before it could be killed"
    os.killpg(p.pid, signal.SIGKILL)  # the client, its local cluster and its workers, with no warning
    p.wait()
    finished_before = published(parts)
    assert 4 <= len(finished_before) < 59
    again = run([str(src)], out, scheduler="sync", partition_size=5, quiet=True)
    assert again.partitions_skipped == len(finished_before)
    assert tables(out) == tables(ref)
    assert (out / "documents.jsonl").read_bytes() == (ref / "documents.jsonl").read_bytes()


def test_local_cluster_gives_what_one_process_gives(tmp_path):
    src = corpus(tmp_path / "feed.jsonl")
    run([str(src)], tmp_path / "one", scheduler="sync", partition_size=10, quiet=True)
    s = run([str(src)], tmp_path / "two", workers=2, partition_size=10, quiet=True)
    assert s.workers == 2 and s.scheduler.startswith("local processes")
    assert tables(tmp_path / "two") == tables(tmp_path / "one")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_scheduler_address_runs_on_a_dask_cluster_started_on_loopback(tmp_path):
    port = _free_port()
    addr = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", str(port), "--dashboard-address", ":0", "--no-show"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", addr, "--nworkers", "1",
                                       "--nthreads", "1", "--host", "127.0.0.1", "--dashboard-address", ":0"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:  # wait for the worker to join
            try:
                with Client(addr, timeout="5s") as c:
                    if c.scheduler_info()["workers"]:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the loopback Dask cluster did not start"
            time.sleep(0.5)
        src = corpus(tmp_path / "feed.jsonl")
        r = subprocess.run([sys.executable, "-m", "geomap", "batch", str(src), "--out", str(tmp_path / "remote"),
                            "--scheduler", addr, "--partition-size", "20", "--quiet"],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        assert addr in json.loads((tmp_path / "remote" / "summary.json").read_text())["scheduler"]
        run([str(src)], tmp_path / "local", scheduler="sync", partition_size=20, quiet=True)
        assert tables(tmp_path / "remote") == tables(tmp_path / "local")
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=30)


def test_cli_batch_errors_are_one_line(tmp_path):
    from click.testing import CliRunner

    from geomap.cli import cli

    bad = CliRunner().invoke(cli, ["batch", str(corpus(tmp_path / "f.jsonl")), "--out", str(tmp_path / "o"),
                                   "--scheduler", "nowhere"])
    assert bad.exit_code == 2 and "expected sync, processes or an address" in bad.output
    assert "Traceback" not in bad.output


def test_map_of_a_batch_output_is_the_corpus_flow_map(tmp_path):
    from click.testing import CliRunner

    from geomap.batch.flows import routes
    from geomap.cli import cli

    src = tmp_path / "feed.jsonl"
    lines = [{"id": f"d{i}", "date": f"2024-0{1 + i % 3}-10",
              "text": f"Trucks carried aid from Amman to Baghdad, report {i} said."} for i in range(5)]
    lines.append({"id": "s", "text": "Ships carried grain from Odesa to Istanbul."})
    src.write_text("".join(json.dumps(x) + "\n" for x in lines))
    run([str(src)], tmp_path / "out", scheduler="sync", quiet=True)
    kept, total = routes(tmp_path / "out")
    assert total == 6 and [(r.origin_name, r.destination_name, r.reports) for r in kept][0] == ("Amman", "Baghdad", 5)
    assert sum(kept[0].months.values()) == 5 and kept[1].undated == 1
    assert len(routes(tmp_path / "out", limit=1)[0]) == 1  # the page keeps the busiest only
    res = CliRunner().invoke(cli, ["map", str(tmp_path / "out"), "-o", str(tmp_path / "flows.html")])
    assert res.exit_code == 0, res.output
    html = (tmp_path / "flows.html").read_text()
    assert "geomapFlows(" in html and "Baghdad" in html and "GeoNames" in html


def test_extract_jsonl_streams_in_flat_memory(tmp_path):
    """geomap extract --format jsonl keeps no Result once written: ten times the documents,
    about the same peak memory (a kept Result costs about 16 KB, which would show)."""
    import gc
    import tracemalloc

    from click.testing import CliRunner

    from geomap import gazetteer
    from geomap.cli import cli

    gazetteer.load(quiet=True)  # the index is loaded once, before measuring
    text = "Ships carried grain from Odesa to Istanbul, and trucks took aid from Amman to Baghdad."

    def peak(n: int) -> int:
        src = tmp_path / f"in{n}.jsonl"
        src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{text} Report {i}."}) + "\n" for i in range(n)))
        gc.collect()
        tracemalloc.start()
        r = CliRunner().invoke(cli, ["extract", str(src), "--format", "jsonl", "-o", str(tmp_path / f"o{n}.jsonl"), "-q"])
        top = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert r.exit_code == 0, r.output
        assert len((tmp_path / f"o{n}.jsonl").read_text().splitlines()) == n
        return top

    peak(20)  # first-call costs (lazy imports, caches) are not the documents'
    small, big = peak(100), peak(1000)
    # Growth per extra document (ids seen, caches) stays far below a kept Result's size.
    assert (big - small) / 900 < 2_000, (small, big)
