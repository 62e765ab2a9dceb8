import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file from ../shared; missing under CI=true is a failure, elsewhere a skip."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{p} is missing: CI must have ../shared beside the checkout")
        pytest.skip(f"{p} not present")
    return p


def movement_routes(text: str, gaz, lang: str = "en", date: str = "2024-10-18") -> set:
    """The (origin, destination) names of every movement geomap reads in ``text`` (None for an end not told)."""
    import geomap
    from geomap.models import Document

    r = geomap.extract(Document(text=text, lang=lang, date=date), lang=lang, gazetteer=gaz)

    def name(pid):
        return r.place(pid).place.name if pid else None

    return {(name(e.origin), name(e.destination)) for e in r.events if e.kind == "movement"}


@pytest.fixture(scope="session")
def gaz():
    from geomap import gazetteer

    return gazetteer.load(quiet=True)


@pytest.fixture(scope="session")
def geocoder(gaz):
    from geomap.geocode import GazetteerGeocoder

    return GazetteerGeocoder(gaz)
