"""The Python API a notebook calls; the CLI is a shell over these functions."""
from __future__ import annotations

from . import gazetteer as gz
from .models import Document, Result


def extract(text: str | Document, lang: str | None = None, *, gazetteer: gz.Gazetteer | None = None,
            doc_id: str = "doc", date: str | None = None, events: bool = True) -> Result:
    """Places (and, where the text reports them, movements) in one text.

    >>> r = extract("Troops moved from Vladivostok to Khabarovsk.")
    >>> [p.place.name for p in r.places]
    ['Vladivostok', 'Khabarovsk']
    """
    from .recognize import Extractor, detect_language
    from .resolve import resolve

    doc = text if isinstance(text, Document) else Document(text=text, id=doc_id, date=date)
    g = gazetteer or gz.load()
    code = lang or doc.lang or detect_language(doc.text)
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
