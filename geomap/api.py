"""The Python API a notebook calls; the CLI is a shell over these functions."""
from __future__ import annotations

import dataclasses
import logging
import os
import warnings
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import gazetteer as gz
from .errors import InputError
from .models import Document, Failure, Result

if TYPE_CHECKING:  # folium is imported when a map is drawn, not by `geomap extract`
    import folium

__all__ = ["extract", "extract_many", "lookup", "map", "read"]

# One document's text, in characters: about 450,000 words, far more than any article
# or report. Past it, time and memory grow with the number of mentions and events
# (a 10 MB text took minutes and 1.5 GB), so the text is refused with a way out.
MAX_CHARS = 3_000_000


def extract_many(items: Iterable[Document | InputError], *, gazetteer: gz.Gazetteer | None = None,
                 lang: str | None = None, date: str | None = None, events: bool = True,
                 geocoder=None) -> Iterator[Result | Failure]:
    """A Result, or a Failure in its place, for each item, one at a time: the engine under
    `geomap extract`, `geomap map` and every partition of `geomap batch`.

    items: Documents, or the InputErrors that ingest gives for input it could not read.
    lang overrides each document's language; date is the publication date of documents
    that carry none. geocoder: an online geocoder that moves the resolved places (see
    geocode.OnlineGeocoder). One failing document never stops the others.
    """
    from .errors import GeocoderError, GeomapError
    from .ingest import SkippedInput

    g = gazetteer or gz.load()
    for item in items:
        if isinstance(item, InputError):
            yield Failure(str(item), skipped=isinstance(item, SkippedInput))
            continue
        doc = item
        if date and not doc.date:
            doc = dataclasses.replace(doc, date=date)
        if lang:
            doc = dataclasses.replace(doc, lang=lang)
        try:
            yield extract(doc, gazetteer=g, events=events, geocoder=geocoder)
        except GeocoderError:
            raise  # only a strict online geocoder raises: a failed request ends the run
        except Exception as e:  # one bad document must not lose the others
            kind = "" if isinstance(e, GeomapError) else f"internal error: {type(e).__name__}: "
            yield Failure(f"{doc.id}: {kind}{e}", doc_id=doc.id, input=doc.path or doc.url)


def _without_cyclic_gc(fn):
    """Run fn with Python's cycle collector paused (and restored after, if it was on).

    A long document makes hundreds of thousands of short-lived objects (tokens,
    spans, candidates), none in a reference cycle; the collector walked them all again
    and again, a fifth of the time on a list of 19,000 names. Reference counting still
    frees them as they go, so memory stays where it was."""
    import functools
    import gc

    @functools.wraps(fn)
    def run(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()
    return run


@_without_cyclic_gc
def extract(text: str | Document, lang: str | None = None, *, gazetteer: gz.Gazetteer | None = None,
            doc_id: str = "doc", date: str | None = None, events: bool = True,
            max_chars: int = MAX_CHARS, geocoder=None) -> Result:
    """Places (and, where the text reports them, movements) in one text.

    >>> r = extract("Troops moved from Vladivostok to Khabarovsk.")
    >>> [p.place.name for p in r.places]
    ['Vladivostok', 'Khabarovsk']

    ``geocoder``, a geomap.geocode.OnlineGeocoder, replaces each resolved place's
    point with the service's (the gazetteer still chooses the place).
    """
    from .recognize import Extractor, available_languages, detect_language
    from .resolve import resolve

    doc = text if isinstance(text, Document) else Document(text=text, id=doc_id, date=date)
    if len(doc.text) > max_chars:
        raise InputError(f"{len(doc.text) / 1e6:.1f} million characters; geomap reads up to "
                         f"{max_chars / 1e6:g} million per document: split the text (for example one part "
                         "per line with --jsonl)")
    g = gazetteer or gz.load()
    from .lang import normalise, plausible

    # A page's lang="0" or a JSON Lines "lang" that names no language is a hint to ignore;
    # a language asked for explicitly (lang=) must be one.
    declared = normalise(doc.lang)
    code = normalise(lang) or (declared if plausible(declared) else None) or detect_language(doc.text)
    if code not in available_languages():
        # One line on stderr (logging's last-resort handler) unless the caller set up logging.
        logging.getLogger("geomap").warning(
            "geomap: %s: the text is in '%s', which geomap has no language data for; reading only names "
            "that are no everyday word in %s", doc.id, code, ", ".join(available_languages()))
    spans = Extractor(g).find(doc.text, code)
    places = tuple(resolve(g, doc.text, spans))
    if geocoder is not None:
        from .geocode import relocate

        places = relocate(places, geocoder, g)
    doc = Document(text=doc.text, id=doc.id, lang=code, title=doc.title, date=doc.date, url=doc.url, path=doc.path)
    result = Result(document=doc, places=places)
    if events:
        try:
            from .events import find_events
        except ImportError:  # the events stage is optional until it lands
            return result
        result = find_events(result)
    return result


def read(source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
         glob: str | None = None, jsonl: bool = False) -> list[Document]:
    """The documents `geomap map` / `geomap extract` would read from ``source``.

    source: a text or HTML file, a folder (searched recursively; ``glob`` is a
    "|"-separated list of patterns, default the CLI's), a JSON Lines file (one
    ``{"id": ..., "text": ...}`` a line; ``jsonl=True`` reads any file so), an http(s)
    URL, or a list of these. Ids are file stems, made unique ("report", "report-2").
    An input that cannot be read is reported with a warning and the rest are
    returned, as the CLI does; InputError is raised when nothing could be read.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Troops moved from Vladivostok to Khabarovsk.")
    >>> _ = (folder / "b.txt").write_text("Ships left Busan.")
    >>> [(d.id, d.text) for d in read(folder)]
    [('a', 'Troops moved from Vladivostok to Khabarovsk.'), ('b', 'Ships left Busan.')]
    """
    from .ingest import load_documents

    docs: list[Document] = []
    errors: list[str] = []
    for item in load_documents(source, glob=glob, jsonl=jsonl):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            docs.append(item)
    if errors and not docs:
        raise InputError("; ".join(errors))
    for message in errors:
        warnings.warn(message, stacklevel=2)
    return docs


def map(texts_or_results: str | Document | Result | Iterable[str | Document | Result], *,
        title: str | None = None, caption: str | None = None, tiles: str = "carto-light",
        cdn: bool = False, lang: str | None = None, date: str | None = None,
        gazetteer: gz.Gazetteer | None = None, ui_lang: str | None = None) -> "folium.Map":
    """The interactive map `geomap map` draws, as a folium.Map.

    texts_or_results: a text, a Document (see read), a Result (see extract), or a
    list mixing them; texts and Documents are extracted first. Options are the CLI's:
    title, caption, tiles (carto-light, carto-dark, osm, esri-imagery, none), cdn;
    lang forces a language and date is the publication date of documents that carry
    none (relative dates such as "early this month" are read against it).
    ui_lang is the language of the map's own words (legend, popups, date filter, text
    version): by default the documents' language; one without interface data gets
    English, and a code that names no language is a ValueError.

    The map shows inline in Jupyter, takes folium layers like any folium.Map, and
    ``.save(path)`` writes the self-contained page the CLI writes for the same input
    and options, byte for byte.

    >>> m = map("Ships carried troops from Vladivostok to Busan.", tiles="none")
    >>> import folium
    >>> isinstance(m, folium.Map)
    True
    >>> "Vladivostok" in m.get_root().render()
    True
    """
    from .render import build_map
    from .render.ui import known_code

    if ui_lang is not None and not known_code(ui_lang):
        raise ValueError(f"unknown interface language {ui_lang!r}")  # before any extraction

    items = [texts_or_results] if isinstance(texts_or_results, (str, Document, Result)) \
        else list(texts_or_results)
    g = gazetteer
    results: list[Result] = []
    texts = 0
    for item in items:
        if isinstance(item, Result):
            results.append(item)
            continue
        if isinstance(item, str):  # ids as ingest makes them unique: doc, doc-2, doc-3
            texts += 1
            item = Document(text=item, id="doc" if texts == 1 else f"doc-{texts}")
        elif not isinstance(item, Document):
            raise TypeError(f"geomap.map takes texts, Documents or Results, not {type(item).__name__}")
        if date and not item.date:
            item = dataclasses.replace(item, date=date)
        if lang:
            item = dataclasses.replace(item, lang=lang)
        g = g or gz.load()  # the one extract() uses: load() caches per arguments
        results.append(extract(item, gazetteer=g))
    return build_map(results, title=title, caption=caption, tiles=tiles, cdn=cdn, ui_lang=ui_lang, gazetteer=g)


def lookup(names: Iterable[str], *, country: Iterable[str] = (), near: tuple[float, float] | None = None,
           kinds: Iterable[str] = (), limit: int = 1, gazetteers: Iterable[str] = (), fuzzy: bool = True,
           geocoder=None) -> Iterator[tuple[str, list[dict]]]:
    """(name, its best matches as plain records) for each name, in order; no match gives an
    empty list. ``geocoder`` is an online geopy-style geocoder (the embedded gazetteer when
    None, which alone honours ``country``, ``near`` and ``kinds``). A failing online
    geocoder's error is raised when its name is reached, after the names before it. One name or
    one country code may be given bare ("Kyiv", country="UA")."""
    if isinstance(names, str):
        names = [names]
    if isinstance(country, str):
        country = [country]
    if isinstance(kinds, str):
        kinds = [kinds]
    if geocoder is None:
        from .geocode import GazetteerGeocoder

        g = GazetteerGeocoder(extra_gazetteers=list(gazetteers), fuzzy=fuzzy)

        def run(name):
            return g.geocode(name, exactly_one=False, limit=limit, country_codes=list(country) or None,
                             bias=near, kinds=list(kinds) or None)
    else:
        def run(name):
            res = geocoder.geocode(name, exactly_one=False)
            return res[:limit] if res else None

    for name in names:
        records = []
        for loc in run(name) or ():
            raw = loc.raw if isinstance(loc.raw, dict) else {}
            records.append({
                "query": name, "name": raw.get("name", loc.address), "address": loc.address,
                "lat": round(loc.latitude, 5), "lon": round(loc.longitude, 5),
                "kind": raw.get("kind"), "country_code": raw.get("country_code"),
                "country": raw.get("country"), "id": raw.get("id"), "score": raw.get("score"),
                "match": raw.get("match"),
            })
        yield name, records
