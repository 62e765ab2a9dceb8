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


@pytest.fixture(scope="session")
def gaz():
    from geomap import gazetteer

    return gazetteer.load(quiet=True)


@pytest.fixture(scope="session")
def geocoder(gaz):
    from geomap.geocode import GazetteerGeocoder

    return GazetteerGeocoder(gaz)
