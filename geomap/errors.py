"""Every error geomap raises on purpose, in one module (as geopy does).

The CLI turns a GeomapError into one line on stderr and its exit code; anything else
is a bug and shows a traceback only with --debug.
"""


class GeomapError(Exception):
    exit_code = 1


class InputError(GeomapError):
    """The user's input cannot be read or used (missing file, binary, empty...)."""

    exit_code = 2


class GazetteerError(GeomapError):
    """The gazetteer file is missing or malformed."""

    exit_code = 3


class NotFound(GeomapError):
    """A name matched no gazetteer entry."""

    exit_code = 4


class GeocoderError(GeomapError):
    """An online geocoder failed (network, quota, bad answer)."""

    exit_code = 5


class OutputError(GeomapError):
    """An output cannot be written where asked."""

    exit_code = 6


class GeocoderSetupError(GeocoderError):
    """An online geocoder cannot be set up as asked (unknown service, missing api key,
    bad option): a usage error, found before any request."""

    exit_code = 2
