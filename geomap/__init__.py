"""geomap: read news text, map the places it names and the movements it reports.

A folder of articles to a map, and the movements as a GeoDataFrame:

    >>> import geomap
    >>> result = geomap.extract("Ships carried troops from Vladivostok to Busan.")
    >>> [p.place.name for p in result.places]
    ['Vladivostok', 'Busan']
    >>> m = geomap.map(result)              # a folium.Map; m.save("map.html")
    >>> result.to_geodataframe("movements")[["origin_name", "destination_name"]]
      origin_name destination_name
    0 Vladivostok            Busan

``geomap.read(folder_or_file_or_url)`` gives the documents the CLI would read.
"""

__version__ = "0.1.0"
__all__ = ["__version__", "Document", "Result", "extract", "map", "read", "to_geodataframe"]


def __getattr__(name):
    # Lazy, so `import geomap` (and the CLI's start-up) pays for nothing unused.
    if name in ("extract", "map", "read"):
        from . import api

        return getattr(api, name)
    if name == "to_geodataframe":
        from .frames import to_geodataframe

        return to_geodataframe
    if name in ("Document", "Result"):
        from . import models

        return getattr(models, name)
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")


def __dir__():
    return sorted({*globals(), *__all__})
