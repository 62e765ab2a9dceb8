"""geomap: read news text, map the places it names and the movements it reports."""

__version__ = "0.1.0"
__all__ = ["__version__"]
