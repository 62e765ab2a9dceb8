"""The `geomap` command: a thin click shell over the Python API.

Heavy modules are imported inside commands so `geomap --help` stays instant.
Every GeomapError becomes one line on stderr and its exit code; --debug shows
the traceback of anything.
"""
from __future__ import annotations

import json
import logging
import re
import sys

import click

from . import __version__
from .errors import GeomapError, NotFound

EXIT_INTERNAL = 70
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(message: str) -> str:
    """A message as one line: line breaks in it (a GDAL error) become spaces, other
    control characters (in a file name, say) are shown escaped."""
    message = " ".join(message.splitlines())
    return _CONTROL_RE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), message)


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GeomapError as e:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo("geomap: " + one_line(str(e)), err=True)
            ctx.exit(e.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("geomap: interrupted", err=True)
            ctx.exit(130)
        except Terminated:
            click.echo("geomap: terminated", err=True)
            ctx.exit(143)
        except OSError as e:
            # A print to a full disk or a closed pipe (`geomap geocode X > /dev/full`):
            # the output is not writable, which is not a bug.
            from .output import stdout_failed

            if ctx.obj and ctx.obj.get("debug") or not stdout_failed(e):
                raise
            click.echo(f"geomap: cannot write the output: {e.strerror or e}", err=True)
            ctx.exit(6)
        except Exception as e:  # a bug: say so plainly, keep the traceback for --debug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"geomap: internal error: {type(e).__name__}: {e} (run with --debug for details)", err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geomap")
@click.option("--debug", is_flag=True, help="Show full tracebacks.")
@click.pass_context
def cli(ctx, debug):
    """Map the places and movements that news text reports.

    \b
    Examples:
      geomap map article.txt            # -> output/article.html
      geomap extract article.txt --format geojson
      geomap geocode Usurisk "Korea Utara" Donetsk
      geomap evaluate gold.jsonl

    Shell completion (bash): eval "$(_GEOMAP_COMPLETE=bash_source geomap)"

    Exit codes: 0 ok, 2 bad input or usage, 3 gazetteer problem, 4 place not
    found, 5 online geocoder failed, 6 output not writable, 70 internal error.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _online_options(geocoder: str, options: tuple[str, ...]):
    opts = {}
    for o in options:
        if "=" not in o:
            raise click.BadParameter(f"expected KEY=VALUE, got {o!r}", param_hint="--geocoder-option")
        k, v = o.split("=", 1)
        opts[k.strip()] = v.strip()
    if "timeout" in opts:
        try:
            opts["timeout"] = float(opts["timeout"])
        except ValueError:
            raise click.BadParameter(f"timeout must be a number of seconds, got {opts['timeout']!r}",
                                     param_hint="--geocoder-option") from None
    return opts


def _geocoder_options(f):
    """The online-geocoder options, shared by geocode, map and extract."""
    f = click.option("--strict-online", is_flag=True, help="A failed online request ends the run (exit 5) instead of falling back to the embedded gazetteer for that name.")(f)
    f = click.option("--min-delay", default=1.0, show_default=True, type=click.FloatRange(0), help="Seconds between requests to an online geocoder.")(f)
    f = click.option("--user-agent", default="geomap", show_default=True, help="User agent for an online geocoder.")(f)
    f = click.option("--geocoder-option", "geocoder_options", multiple=True, metavar="KEY=VALUE", help="Option for an online geocoder, e.g. domain=..., scheme=https, api_key=...; repeatable.")(f)
    f = click.option("--geocoder", default="gazetteer", show_default=True, help="'gazetteer' (offline) or a geopy service name such as nominatim (online, opt-in).")(f)
    return f


def _online_geocoder(geocoder, geocoder_options, user_agent, min_delay, strict_online, fallback):
    """An OnlineGeocoder, or None for the offline gazetteer. Its failures are logged
    one line each; `fallback` (a callable) answers a failed name offline."""
    if geocoder == "gazetteer":
        return None
    from .geocode import OnlineGeocoder

    _log_to_stderr()
    return OnlineGeocoder(geocoder, user_agent=user_agent, min_delay_seconds=min_delay,
                          strict=strict_online, fallback=fallback,
                          **_online_options(geocoder, geocoder_options))


class _EchoHandler(logging.Handler):
    """Log records as 'geomap: ...' lines on the current stderr (no tracebacks)."""

    def emit(self, record):
        click.echo(f"geomap: {record.getMessage()}", err=True)


def _log_to_stderr():
    lg = logging.getLogger("geomap")
    if not any(isinstance(h, _EchoHandler) for h in lg.handlers):
        # Records still propagate: with no handler on the root, nothing prints twice.
        lg.addHandler(_EchoHandler(logging.WARNING))


@cli.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--country", "country", multiple=True, metavar="CC", help="Only places in this country (ISO code); repeatable.")
@click.option("--near", metavar="LAT,LON", help="Prefer places near this point.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["continent", "country", "admin1", "admin2", "city", "region", "sea"]), help="Only places of this kind; repeatable.")
@click.option("--limit", default=1, show_default=True, type=click.IntRange(1, 50), help="Matches to show per name.")
@click.option("--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]))
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False), help="Extra gazetteer CSV (same columns); repeatable.")
@click.option("--no-fuzzy", is_flag=True, help="Exact names only.")
@_geocoder_options
def geocode(names, country, near, kinds, limit, fmt, gazetteers, no_fuzzy, geocoder, geocoder_options, user_agent, min_delay,
            strict_online):
    """Look up place NAMES and print the best match(es).

    \b
    Examples:
      geomap geocode Usurisk Blagoveshchensk "Korea Utara" Inggris
      geomap geocode Springfield --country US --limit 3 --format json
      geomap geocode Paris --geocoder nominatim --user-agent "my-newsroom"

    Exits 4 when a name matches nothing (the others are still printed). An online
    geocoder that fails for a name is replaced by the embedded gazetteer for that
    name, with a warning; with --strict-online it exits 5.
    """
    bias = None
    if near:
        try:
            la, lo = (float(x) for x in near.split(","))
            bias = (la, lo)
        except ValueError:
            raise click.BadParameter("expected LAT,LON such as 48.0,37.8", param_hint="--near") from None
    from .api import lookup
    from .geocode import GazetteerGeocoder

    online = None
    if geocoder != "gazetteer":
        online = _online_geocoder(geocoder, geocoder_options, user_agent, min_delay, strict_online,
                                  fallback=lambda: GazetteerGeocoder(extra_gazetteers=gazetteers, fuzzy=not no_fuzzy))
    missing, out, failed = [], [], None
    found = lookup(names, country=country, near=bias, kinds=kinds, limit=limit, gazetteers=gazetteers,
                   fuzzy=not no_fuzzy, geocoder=online)
    try:
        for name, records in found:
            out.extend(records)
            if not records:
                missing.append(name)
    except GeomapError as e:  # --strict-online: the names before it are still printed
        failed = e
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for o in out:
            extra = f"  {o['kind']}, {o['country_code']}" if o["kind"] else ""
            score = f"  score {o['score']:.2f}" if o["score"] is not None else ""
            click.echo(f"{o['query']} -> {o['address']}  ({o['lat']:.4f}, {o['lon']:.4f}){extra}{score}")
    for name in missing:
        click.echo(f"geomap: no place found for {name!r}", err=True)
    if failed is not None:
        raise failed
    if missing:
        sys.exit(NotFound.exit_code)  # the others were still printed


def _common_input_options(f):
    f = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(f)
    f = click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False), help="Extra gazetteer CSV; repeatable.")(f)
    f = click.option("--date", "doc_date", metavar="YYYY-MM-DD", help="Publication date, for relative dates (\"early this month\").")(f)
    f = click.option("--lang", metavar="CODE", help="Language of the text: en, id, or any with data in geomap/data/lang (default: detected per document).")(f)
    f = click.option("--glob", default=None, help="File patterns when an input is a folder, '|'-separated (default *.txt|*.html|...).")(f)
    f = click.option("--jsonl", is_flag=True, help='Inputs are JSON Lines, one {"id": ..., "text": ...} per line.')(f)
    return f


def _documents(inputs, glob, jsonl, doc_date):
    """Documents and errors from the inputs (a bad --date is a usage error)."""
    import datetime as _dt

    from .ingest import load_documents

    if doc_date:
        try:
            _dt.date.fromisoformat(doc_date)
        except ValueError:
            raise click.BadParameter("expected an ISO date such as 2024-10-18", param_hint="--date") from None
    return load_documents(inputs, glob=glob, jsonl=jsonl)


def _check_lang(lang):
    # Languages are data files, so the choices are read from disk, not listed here.
    from .recognize import available_languages

    if lang and lang not in available_languages():
        raise click.BadParameter(f"{lang!r} is not one of {', '.join(available_languages())}", param_hint="--lang")


def _check_ui_lang(ui_lang):
    from .render.ui import known_code, languages

    if ui_lang and not known_code(ui_lang):
        raise click.BadParameter(f"{ui_lang!r} names no language; the map's words are in "
                                 f"{', '.join(languages())} (another language gets English)", param_hint="--ui-lang")


def _results(inputs, *, glob, jsonl, lang, doc_date, gazetteers, quiet, events=True, online=None):
    """Each document's Result, or a Failure in its place, as soon as it is done: the
    input is never read whole, so a feed of any length runs in flat memory."""
    from . import gazetteer as gz
    from .api import extract_many
    from .ingest import count_documents
    from .models import Failure

    _check_lang(lang)
    geocoder = _online_geocoder(*online, fallback=None) if online else None  # a bad setup fails first
    _check_gazetteers(gazetteers)
    g = gz.load(list(gazetteers), quiet=quiet)
    items = _documents(inputs, glob, jsonl, doc_date)
    # The total costs a quick pass over line-based files: paid only when a bar is shown.
    total = count_documents(inputs, glob=glob, jsonl=jsonl) if not quiet and sys.stderr.isatty() else None
    with click.progressbar(length=total or 0, label="geomap", file=sys.stderr,
                           hidden=not total or total <= 3) as bar:
        for out in extract_many(items, gazetteer=g, lang=lang, date=doc_date, events=events, geocoder=geocoder):
            if isinstance(out, Failure):
                note = "note: " if out.skipped else ""
                click.echo(f"geomap: {note}{one_line(out.error)}", err=True)
            bar.update(1)
            yield out


def _run_pipeline(inputs, **options):
    """(results, failures): every document that could be read, and what could not."""
    from .models import Failure

    results, failures = [], []
    for out in _results(inputs, **options):
        if not isinstance(out, Failure):
            results.append(out)
        elif not out.skipped:
            failures.append(out.error)
    return results, failures


def _check_gazetteers(paths):
    """Read user gazetteers through before the index work, which takes seconds, so a
    bad file is reported at once, on one line (exit 3)."""
    from pathlib import Path

    from . import gazetteer as gz
    from .errors import GazetteerError

    for p in paths:
        path = Path(p).expanduser()
        if not path.is_file():
            raise GazetteerError(f"gazetteer file not found: {p}")
        try:
            rows = gz.iter_rows(path, 0)
            next(rows)  # the header
            for _, row, lineno in rows:
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                except ValueError as e:
                    raise GazetteerError(f"{path}:{lineno}: bad number ({e})") from None
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise GazetteerError(f"{path}:{lineno}: coordinates out of range")
        except OSError as e:
            raise GazetteerError(f"{path}: cannot read: {e.strerror or e}") from None


def _check_output(out, inputs, glob, jsonl):
    """Refuse an unusable -o before the slow work, and again just before writing."""
    from .output import check_target, guard_inputs

    if out is None or out == "-":
        return
    check_target(out)
    guard_inputs(out, inputs, glob=glob, jsonl=jsonl)


def _write(out, data, inputs, glob, jsonl):
    from .output import atomic_write

    _check_output(out, inputs, glob, jsonl)
    atomic_write(out, data)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", default="json", show_default=True, type=click.Choice(["json", "jsonl", "geojson", "csv", "gpkg"]))
@click.option("-o", "--output", "out", default="-", show_default=True, help="Output file ('-' for stdout; gpkg needs a file).")
@_common_input_options
@_geocoder_options
def extract(inputs, fmt, out, jsonl, glob, lang, doc_date, gazetteers, quiet,
            geocoder, geocoder_options, user_agent, min_delay, strict_online):
    """Find the places (and reported movements) in INPUTS.

    INPUTS are text or HTML files, folders, '-' for stdin, or URLs.

    \b
    Examples:
      geomap extract article.txt
      geomap extract news/ --glob '*.txt' --format geojson -o places.geojson
      geomap extract --jsonl corpus.jsonl --format jsonl -o results.jsonl
      cat article.txt | geomap extract - --lang id --date 2024-10-18

    Exits 2 when any input could not be read (the others are still written).
    """
    from . import serialize

    if fmt == "gpkg" and out == "-":
        raise click.BadParameter("GeoPackage needs a file: -o places.gpkg", param_hint="--output")
    _check_output(out, inputs, glob, jsonl)
    options = dict(glob=glob, jsonl=jsonl, lang=lang, doc_date=doc_date, gazetteers=gazetteers, quiet=quiet,
                   online=(geocoder, geocoder_options, user_agent, min_delay, strict_online))
    if fmt == "jsonl":
        return _extract_stream(out, inputs, options)
    results, failures = _run_pipeline(inputs, **options)
    if not results and failures:
        sys.exit(2)
    if fmt == "json":
        data = [serialize.result_to_dict(r) for r in results]
        text = json.dumps(data[0] if len(data) == 1 and len(inputs) == 1 and not jsonl else data,
                          ensure_ascii=False, indent=2) + "\n"
    elif fmt == "geojson":
        text = json.dumps(serialize.to_geojson(results), ensure_ascii=False) + "\n"
    elif fmt == "csv":
        # Places in OUT, movements in OUT's sibling <stem>.movements.csv; on standard
        # output the movements table follows the places after one blank line.
        from pathlib import Path

        text = serialize.to_csv(results)
        moves = serialize.to_movements_csv(results)
        if out == "-":
            text += "\n" + moves
        else:
            _write(str(Path(out).with_suffix("")) + ".movements.csv", moves, inputs, glob, jsonl)
    else:
        _check_output(out, inputs, glob, jsonl)
        serialize.write_geopackage(results, out)
        text = None
    if text is not None:
        _write(out, text, inputs, glob, jsonl)
    if not any(r.places for r in results):
        click.echo("geomap: no places found in the input", err=True)
    if failures:
        sys.exit(2)


def _extract_stream(out, inputs, options):
    """JSON Lines written as each document is done, in flat memory; the file still
    appears only whole (or stays as it was) when the run ends."""
    from .models import Failure
    from .output import atomic_writer, encodable
    from .serialize import result_to_dict

    n_ok = n_failed = 0
    found = False
    with atomic_writer(out, "w") as fh:
        for res in _results(inputs, **options):
            if isinstance(res, Failure):
                n_failed += not res.skipped
                continue
            n_ok += 1
            found = found or bool(res.places)
            fh.write(encodable(json.dumps(result_to_dict(res), ensure_ascii=False)) + "\n")
        if n_failed and not n_ok:
            sys.exit(2)  # nothing readable: an existing output is left as it was
        _check_output(out, inputs, options["glob"], options["jsonl"])
    if not found and n_ok:
        click.echo("geomap: no places found in the input", err=True)
    if n_failed:
        sys.exit(2)


@cli.command("map")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out", default=None, help="HTML file (default output/<first input name>.html).")
@click.option("--title", help="Title shown on the map.")
@click.option("--caption", help="Caption under the title.")
@click.option("--tiles", default="carto-light", show_default=True, help="Basemap: carto-light, carto-dark, osm, esri-imagery, none. OpenStreetMap's own servers may refuse tiles to a page opened from file:// (no referrer).")
@click.option("--cdn", is_flag=True, help="Load Leaflet from a CDN instead of inlining it (smaller, needs network).")
@click.option("--embed", is_flag=True, help="Also print an <iframe> snippet to paste into an article.")
@click.option("--ui-lang", "ui_lang", metavar="CODE",
              help="Language of the map's own words: legend, popups, date filter, text version (default: the "
                   "documents' language; one without interface data gets English).")
@click.option("--png", "png", default=None, metavar="PATH",
              help="Also write a static image of the opening view (needs the 'static' extra: matplotlib).")
@_common_input_options
@_geocoder_options
def map_(inputs, out, title, caption, tiles, cdn, embed, ui_lang, png, jsonl, glob, lang, doc_date, gazetteers, quiet,
         geocoder, geocoder_options, user_agent, min_delay, strict_online):
    """Draw an interactive HTML map of the places and movements in INPUTS.

    \b
    Examples:
      geomap map article.txt                      # -> output/article.html
      geomap map story.html --title "Troops on the move" --embed
      geomap map news/ -o output/week.html --tiles carto-light
      geomap map news/ -o maps/ --png maps/week.png   # -> maps/news.html

    The map opens from file:// with no network (Leaflet is inlined, and a country
    outline stands in for tiles that cannot load).
    """
    from pathlib import Path

    from .output import atomic_write, names_folder, resolve_output_path
    from .render import embed_snippet, render_html

    _check_ui_lang(ui_lang)
    if len(inputs) == 1 and Path(inputs[0]).is_dir():
        # only a folder can be a batch output: the batch package (pyarrow) loads for it alone
        from .batch.flows import is_batch_output

        if is_batch_output(inputs[0]):
            return _corpus_map(inputs[0], out, title, tiles, ui_lang)
    if not names_folder(out):  # a folder's file name comes from the input, known later
        _check_output(out, inputs, glob, jsonl)
    results, failures = _run_pipeline(inputs, glob=glob, jsonl=jsonl, lang=lang, doc_date=doc_date,
                                      gazetteers=gazetteers, quiet=quiet,
                                      online=(geocoder, geocoder_options, user_agent, min_delay, strict_online))
    if not results and failures:
        sys.exit(2)
    first = inputs[0]
    stem = "stdin" if first == "-" else (Path(first.rstrip("/")).stem or "map")
    if first.startswith(("http://", "https://")):
        stem = results[0].document.id if results else "map"
    out = resolve_output_path(out, stem, ".html")
    if title is None and len(results) == 1 and results[0].document.title:
        title = results[0].document.title  # an HTML page's own headline
    try:
        from . import gazetteer as gz

        html = render_html(results, title=title, caption=caption, tiles=tiles, cdn=cdn, ui_lang=ui_lang,
                           gazetteer=gz.load(list(gazetteers), quiet=quiet))  # the run's own, cached
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--tiles") from None
    _write(out, html, inputs, glob, jsonl)
    n_places = sum(len(r.places) for r in results)
    from .layers import movements

    n_moves = sum(len(movements(r)) for r in results)  # those with both ends on the map
    if out != "-":
        click.echo(f"wrote {one_line(out)}: {n_places} places, {n_moves} movements from {len(results)} document(s)", err=True)
    if not n_places:
        click.echo("geomap: no places found; the map is empty", err=True)
    if png:
        from .errors import OutputError
        from .render.static import render_png

        try:
            render_png(results, png, title=title, ui_lang=ui_lang)
        except ImportError:
            raise click.UsageError("--png needs matplotlib: pip install 'geomap[static]'") from None
        except OSError as e:
            raise OutputError(f"cannot write {png}: {e.strerror or e}") from None
        click.echo(f"wrote {png}", err=True)
    if embed and out != "-":
        from urllib.parse import quote

        # The map's file name, as an address relative to the page that embeds it.
        atomic_write("-", embed_snippet(quote(Path(out).name), title=title or "Map of places and movements") + "\n")
    if failures:
        sys.exit(2)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Output folder (created; a rerun resumes).")
@click.option("--scheduler", default=None, metavar="sync|processes|tcp://HOST:PORT",
              help="Where partitions run (default: this process for one partition, else a local Dask cluster).")
@click.option("--workers", type=click.IntRange(1, 512), default=None, help="Local worker processes (default: all cores).")
@click.option("--partition-size", type=click.IntRange(1, 100_000), default=200, show_default=True, help="Documents per partition.")
@click.option("--no-events", is_flag=True, help="Places only: skip movements and presences.")
@_common_input_options
def batch(inputs, out, scheduler, workers, partition_size, no_events, jsonl, glob, lang, doc_date, gazetteers, quiet):
    """Extract a whole corpus into GeoParquet tables, in parallel, resumably.

    INPUTS are folders, JSON Lines files (plain or .gz) and Parquet files of articles
    (id, text, optional date, url, title, lang), text and HTML files.

    \b
    Examples:
      geomap batch feed.jsonl.gz --out corpus/            # all local cores
      geomap batch scrape/ --out corpus/ --scheduler tcp://10.0.0.5:8786
      geomap map corpus/                                   # the corpus's flows

    Writes places, mentions, movements, presences and failures .parquet, documents.jsonl and
    summary.json into --out. A rerun skips the partitions already done.
    """
    from . import gazetteer as gz
    from .batch import Options, run

    _check_lang(lang)
    if doc_date:
        _documents((), None, False, doc_date)  # the same check of --date as the other commands
    gz.load(list(gazetteers), quiet=quiet)  # a bad gazetteer is reported before any worker starts
    opts = Options(lang=lang, date=doc_date, gazetteers=tuple(str(p) for p in gazetteers), events=not no_events)
    s = run(inputs, out, options=opts, scheduler=scheduler, workers=workers, partition_size=partition_size,
            glob=glob, jsonl=jsonl, quiet=quiet)
    click.echo(f"wrote {out}: {s.documents:,} documents, {s.places:,} places, {s.movements:,} movements, "
               f"{s.failures:,} failures in {s.seconds:.1f} s ({s.documents_per_second:,.0f} documents/s; "
               f"{s.partitions - s.partitions_skipped} partitions run, {s.partitions_skipped} already done)", err=True)
    if s.failures:
        sys.exit(2)


def _corpus_map(folder, out, title, tiles, ui_lang=None):
    """The flow map of a batch output folder (geomap map corpus/)."""
    from pathlib import Path

    from .render import TILES
    from .render_corpus import render_corpus_html

    from .output import resolve_output_path

    out = resolve_output_path(out, Path(folder).resolve().name or "corpus", ".html")
    if tiles not in TILES:
        raise click.BadParameter(f"unknown tiles {tiles!r}; choose one of: {', '.join(TILES)}", param_hint="--tiles")
    _write(out, render_corpus_html(folder, title=title, tiles=tiles, ui_lang=ui_lang), [folder], None, False)
    click.echo(f"wrote {out}: the routes of {folder}", err=True)


@cli.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--lang", default="en", show_default=True, metavar="CODE", help="Language of the gold texts.")
@click.option("--no-demonyms", is_flag=True, help="Do not predict demonyms (\"Russian\") as toponyms.")
@click.option("--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]))
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False), help="Extra gazetteer CSV; repeatable.")
def evaluate(gold, lang, no_demonyms, fmt, gazetteers):
    """Score geomap against gold corpora (JSON Lines with toponym spans and coordinates).

    Prints per corpus: precision, recall, F1 of exact spans; accuracy@161 km, AUC,
    mean and median error (km) on recognised gold toponyms; and the time taken.
    Movement gold (rows with "movements") is scored per language: movement
    precision, recall and F1 with the misses and false alarms, and its places.

    \b
    Example:
      geomap evaluate ../shared/eval/dev/lgl_dev.jsonl ../shared/eval/dev/trnews_dev.jsonl
    """
    from . import gazetteer as gz
    from .evaluate import format_corpora, geomap_scored_predictor, score_calibration, score_corpus
    from .evaluate_movements import format_text, is_movement_gold, score_movements

    _check_lang(lang)
    g = gz.load(list(gazetteers))
    movement_gold = [p for p in gold if is_movement_gold(p)]
    gold = [p for p in gold if p not in movement_gold]
    scored, predict = geomap_scored_predictor(g, lang=lang, include_demonyms=not no_demonyms)
    rows = [score_corpus(p, predict).as_dict() for p in gold]
    for row, p in zip(rows, gold):  # the texts are read once: scored() remembers them
        row["calibration_error"] = score_calibration(p, scored)["ece"]
    if movement_gold:
        moves, places = score_movements(movement_gold, gazetteer=g, include_demonyms=not no_demonyms)
        if fmt == "json":  # one JSON document: toponym corpora (if any) beside the movement scores
            out = {"movements": [m.as_dict() for m in moves], "places": [p.as_dict() for p in places]}
            click.echo(json.dumps({**out, "corpora": rows} if rows else out, indent=2, ensure_ascii=False))
            return
        click.echo(format_text(moves, places))
        if not rows:
            return
        click.echo("")
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(format_corpora(rows))


@cli.group()
def gazetteer():
    """Inspect the offline gazetteer.

    \b
    Example:
      geomap gazetteer info --format json
    """


@gazetteer.command("info")
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False), help="Extra gazetteer CSV; repeatable.")
@click.option("--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]))
def gazetteer_info(gazetteers, fmt):
    """Counts per kind and source, and where the data comes from.

    \b
    Example:
      geomap gazetteer info
    """
    from importlib.resources import files

    from . import gazetteer as gz

    g = gz.load(list(gazetteers))
    stats = g.stats()
    try:
        provenance = json.loads(files("geomap").joinpath("data/gazetteer.provenance.json").read_text())
    except (OSError, ValueError):
        provenance = {}
    info = {"files": stats["paths"], "rows": stats["rows"], "names": stats["names"],
            "kinds": stats["kinds"], "sources": stats["sources"], "index": str(g.index_dir),
            "provenance": provenance}
    if fmt == "json":
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    click.echo(f"files:   {', '.join(info['files'])}")
    click.echo(f"rows:    {info['rows']:,}   names indexed: {info['names']:,}")
    click.echo(f"index:   {info['index']}")
    click.echo("kinds:   " + ", ".join(f"{k} {v:,}" for k, v in sorted(info["kinds"].items())))
    click.echo("sources: " + ", ".join(f"{k} {v:,}" for k, v in sorted(info["sources"].items())))
    if provenance:
        pk = provenance.get("packages", {})
        click.echo(f"built by {provenance.get('built_by')} from {provenance.get('cities')}, "
                   + ", ".join(f"{k}=={v}" for k, v in pk.items()) + f", npm {provenance.get('npm')}"
                   + (f", data wheels {provenance['pypi_data']}" if provenance.get("pypi_data") else ""))
        for src, lic in provenance.get("licences", {}).items():
            click.echo(f"  {src}: {lic}")


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that temporary files are removed on the way
    out, as for Ctrl-C (a BaseException, so no `except Exception` swallows it)."""


def _on_sigterm(signum, frame):
    raise Terminated()


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        cli(prog_name="geomap")
    except Terminated:  # before or after a command ran
        sys.exit(143)


if __name__ == "__main__":
    main()
