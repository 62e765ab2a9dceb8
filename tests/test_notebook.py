"""examples/analysis.ipynb runs top to bottom, offline, and shows what it says it shows."""
from __future__ import annotations

import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOK = ROOT / "examples" / "analysis.ipynb"


def _text(cell) -> str:
    return "".join(o.get("data", {}).get("text/plain", "") or o.get("text", "") for o in cell.outputs)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    # A copy, so the files the notebook saves land in a temporary folder.
    work = tmp_path_factory.mktemp("nb") / "examples"
    shutil.copytree(NOTEBOOK.parent, work, ignore=shutil.ignore_patterns("output", ".ipynb_checkpoints"))
    nb = nbformat.read(work / NOTEBOOK.name, as_version=4)
    # Raises CellExecutionError (and so fails every test here) if any cell errors.
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(work)}}).execute()
    return nb, work


def test_committed_notebook_has_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_runs_and_every_cell_answers(executed):
    nb, _ = executed
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs for c in code), "every code cell ends on a value to show"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


def test_notebook_shows_the_map_inline_and_saves_the_cli_page(executed):
    nb, work = executed
    shown = next(c for c in nb.cells if c.source.startswith("m = geomap.map("))
    inline = shown.outputs[0]["data"]["text/html"]
    assert "<iframe srcdoc=" in inline and "Beirut" in inline
    page = (work / "output" / "analysis.html").read_text("utf-8")
    assert "Larnaca reception centre" in page and "Al-Junaynah" in page


def test_notebook_finds_the_busiest_routes_and_weeks(executed):
    nb, _ = executed
    cells = {c.source.split("\n", 1)[0]: c for c in nb.cells if c.cell_type == "code"}
    summary = next(c for c in nb.cells if c.source.startswith("results = "))
    assert "<table>" in summary.outputs[0]["data"]["text/html"]
    routes = _text(cells["routes = ("]).splitlines()
    # Three reports each: two sailings and a cargo run; a ferry run read twice and a second ferry.
    top = sorted(tuple(line.split()[:3]) for line in routes[2:4])
    assert top == [("Beirut", "Larnaca", "3"), ("Vladivostok", "Rajin", "3")], routes
    weeks = _text(cells["import pandas as pd"]).splitlines()
    assert [w.split()[0] for w in weeks[1:-1]] == ["2024-09-23", "2024-09-30", "2024-10-07", "2024-10-14"]
    assert "(4326, " in _text(cells["import geopandas"])
