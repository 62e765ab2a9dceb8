"""geomap: read news text, map the places it names and the movements it reports.

    >>> import geomap
    >>> result = geomap.extract("Ships carried troops from Vladivostok to Busan.")
"""

__version__ = "0.1.0"
__all__ = ["__version__", "extract"]


def __getattr__(name):
    # Lazy, so `import geomap` (and the CLI's start-up) pays for nothing unused.
    if name == "extract":
        from .api import extract

        return extract
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
