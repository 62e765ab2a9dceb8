"""folium, imported without pandas.

folium imports pandas (when it is installed) for one thing: to accept a DataFrame of
points. The map never hands it one, and pandas is half of folium's import time, which
`geomap map` pays on every run. So folium is imported with pandas out of reach, and its
`pd` then answers as pandas would: the real module once anything has imported it, and
before that a DataFrame and a Series that nothing can be an instance of (no object is a
DataFrame while pandas is not loaded).
"""
from __future__ import annotations

import importlib
import sys


class _NotLoaded:
    """A class no object is an instance of: pandas' DataFrame before pandas is loaded."""


class _PandasWhenLoaded:
    def __getattr__(self, name: str):
        pd = sys.modules.get("pandas")
        if pd is None:
            if name in ("DataFrame", "Series"):
                return _NotLoaded
            pd = importlib.import_module("pandas")
        return getattr(pd, name)


def _import_folium() -> None:
    if "folium" in sys.modules or "pandas" in sys.modules:
        return  # already imported, or pandas already paid for: nothing to save
    sys.modules["pandas"] = None  # type: ignore[assignment]  # "import pandas" raises ImportError
    try:
        import folium.utilities
    except ImportError:
        folium = None  # a folium that cannot load without pandas: import it the usual way below
    finally:
        if sys.modules.get("pandas", 0) is None:
            del sys.modules["pandas"]
    if folium is None:
        for name in [m for m in sys.modules if m == "folium" or m.startswith("folium.")]:
            del sys.modules[name]
        importlib.import_module("folium")
        return
    if getattr(folium.utilities, "pd", 0) is None:
        folium.utilities.pd = _PandasWhenLoaded()


_import_folium()
