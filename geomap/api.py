"""The Python API a notebook calls; the CLI is a shell over these functions."""
from __future__ import annotations

import logging

from . import gazetteer as gz
from .errors import InputError
from .models import Document, Result

# One document's text, in characters: about 450,000 words, far more than any article
# or report. Past it, time and memory grow with the number of mentions and events
# (a 10 MB text took minutes and 1.5 GB), so the text is refused with a way out.
MAX_CHARS = 3_000_000


def extract(text: str | Document, lang: str | None = None, *, gazetteer: gz.Gazetteer | None = None,
            doc_id: str = "doc", date: str | None = None, events: bool = True,
            max_chars: int = MAX_CHARS) -> Result:
    """Places (and, where the text reports them, movements) in one text.

    >>> r = extract("Troops moved from Vladivostok to Khabarovsk.")
    >>> [p.place.name for p in r.places]
    ['Vladivostok', 'Khabarovsk']
    """
    from .recognize import Extractor, detect_language
    from .resolve import resolve

    doc = text if isinstance(text, Document) else Document(text=text, id=doc_id, date=date)
    if len(doc.text) > max_chars:
        raise InputError(f"{len(doc.text) / 1e6:.1f} million characters; geomap reads up to "
                         f"{max_chars / 1e6:g} million per document: split the text (for example one part "
                         "per line with --jsonl)")
    g = gazetteer or gz.load()
    from .lang import normalise
    from .recognize import available_languages

    code = normalise(lang) or normalise(doc.lang) or detect_language(doc.text)
    if code not in available_languages():
        # One line on stderr (logging's last-resort handler) unless the caller set up logging.
        logging.getLogger("geomap").warning(
            "geomap: %s: the text is in '%s', which geomap has no language data for; reading only names "
            "that are no everyday word in %s", doc.id, code, ", ".join(available_languages()))
    spans = Extractor(g).find(doc.text, code)
    places = tuple(resolve(g, doc.text, spans))
    doc = Document(text=doc.text, id=doc.id, lang=code, title=doc.title, date=doc.date, url=doc.url, path=doc.path)
    result = Result(document=doc, places=places)
    if events:
        try:
            from .events import find_events
        except ImportError:  # the events stage is optional until it lands
            return result
        result = find_events(result)
    return result
