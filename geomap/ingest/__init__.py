"""Turn the user's inputs (files, folders, stdin, URLs, JSON Lines) into Documents.

Everything that can go wrong with one input becomes an InputError that is yielded in
that input's place, so one unreadable file never costs the rest of the run.

Limits, so a stray huge or hostile input fails fast and clearly:
- a file, a download or stdin larger than ``MAX_BYTES`` (20 MB by default) is refused
  before it is read whole; in a JSON Lines file the limit applies to each line, since
  such files are corpora of many documents;
- a URL is fetched within ``FETCH_TIMEOUT`` seconds for the whole request (not per
  read), up to ``MAX_BYTES``, and a body shorter than its Content-Length is an error.

Heavy libraries (charset_normalizer, trafilatura, dateparser) are imported inside the
functions that need them: this module is imported by the CLI on every run, including
``--help``.
"""
from .dates import find_date
from .decode import looks_like_html, read_text_bytes
from .files import matches_glob
from .limits import FETCH_TIMEOUT, MAX_BYTES, SkippedInput, human_size
from .pages import html_document, text_document
from .sources import DEFAULT_GLOB, DEFAULT_JSONL_GLOB, count_documents, input_files, load_documents
from .urls import is_url

__all__ = ["DEFAULT_GLOB", "DEFAULT_JSONL_GLOB", "FETCH_TIMEOUT", "MAX_BYTES", "SkippedInput", "count_documents",
           "find_date", "html_document", "human_size", "input_files", "is_url", "load_documents", "looks_like_html",
           "matches_glob", "read_text_bytes", "text_document"]
