"""What speed asks of the code, checked for behaviour: what `geomap map` imports
(folium without pandas, pyproj and shapely only for movements, folium still handling
a DataFrame once pandas is loaded), and extract's pause of the cycle collector."""
import subprocess
import sys

from conftest import ROOT


def _run(code: str) -> str:
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    return p.stdout.strip()


def test_a_map_of_places_loads_neither_pandas_nor_pyproj():
    out = _run(
        "import sys, geomap\n"
        "from geomap.render import render_html\n"
        "r = geomap.extract('Officials in Vladivostok and Khabarovsk met on Monday.', lang='en', events=False)\n"
        "html = render_html([r])\n"
        "print(len(r.places), 'Khabarovsk' in html, sorted(m for m in ('pandas', 'pyproj', 'shapely', 'geopandas')"
        " if m in sys.modules))")
    assert out == "2 True []"


def test_folium_still_takes_a_dataframe_once_pandas_is_loaded():
    out = _run(
        "import geomap.render, sys\n"
        "import folium.utilities as u\n"
        "assert 'pandas' not in sys.modules\n"
        "print(u.if_pandas_df_convert_to_numpy([[1, 2]]))\n"
        "import pandas\n"
        "df = pandas.DataFrame({'lat': [55.0], 'lon': [37.0]})\n"
        "print(type(u.if_pandas_df_convert_to_numpy(df)).__name__, u.validate_locations(df))")
    assert out.splitlines() == ["[[1, 2]]", "ndarray [[55.0, 37.0]]"]


def test_pandas_loaded_first_leaves_folium_as_it_is():
    out = _run("import pandas, geomap.render, folium.utilities as u; print(u.pd is pandas)")
    assert out == "True"


def test_extract_restores_the_cycle_collector_as_it_found_it():
    import gc

    import geomap

    assert gc.isenabled()
    seen = []
    from geomap import resolve as resolve_mod

    original = resolve_mod.resolve

    def spy(*a, **k):
        seen.append(gc.isenabled())
        return original(*a, **k)

    resolve_mod.resolve = spy
    try:
        r = geomap.extract("Officials in Vladivostok met.", lang="en", events=False)
        assert gc.isenabled() and seen == [False] and r.places
        gc.disable()
        try:
            geomap.extract("Officials in Vladivostok met.", lang="en", events=False)
            assert not gc.isenabled()  # left off, as the caller had it
        finally:
            gc.enable()
    finally:
        resolve_mod.resolve = original


def test_a_folium_that_needs_pandas_is_imported_the_usual_way(tmp_path):
    # A future folium that imports pandas unguarded must still load, pandas and all.
    pkg = tmp_path / "folium"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from . import utilities\n")
    (pkg / "utilities.py").write_text("import pandas as pd\n")
    path = ROOT / "geomap" / "render" / "_folium.py"
    out = _run(
        f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n"
        "import importlib.util\n"
        f"spec = importlib.util.spec_from_file_location('gm_folium', {str(path)!r})\n"
        "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "import folium.utilities as u\n"
        "print(u.pd.__name__, 'pandas' in sys.modules)")
    assert out == "pandas True"
