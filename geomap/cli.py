"""The `geomap` command: a thin click shell over the Python API.

Heavy modules are imported inside commands so `geomap --help` stays instant.
Every GeomapError becomes one line on stderr and its exit code; --debug shows
the traceback of anything.
"""
from __future__ import annotations

import json
import sys

import click

from . import __version__
from .errors import GeomapError

EXIT_INTERNAL = 70


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GeomapError as e:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"geomap: {e}", err=True)
            ctx.exit(e.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("geomap: interrupted", err=True)
            ctx.exit(130)
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
      geomap geocode Usurisk "Korea Utara" Donetsk
      geomap gazetteer info

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
    return opts


@cli.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--country", "country", multiple=True, metavar="CC", help="Only places in this country (ISO code); repeatable.")
@click.option("--near", metavar="LAT,LON", help="Prefer places near this point.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["country", "admin1", "city", "region", "sea"]), help="Only places of this kind; repeatable.")
@click.option("--limit", default=1, show_default=True, type=click.IntRange(1, 50), help="Matches to show per name.")
@click.option("--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]))
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False), help="Extra gazetteer CSV (same columns); repeatable.")
@click.option("--no-fuzzy", is_flag=True, help="Exact names only.")
@click.option("--geocoder", default="gazetteer", show_default=True, help="'gazetteer' (offline) or a geopy service name such as nominatim (online, opt-in).")
@click.option("--geocoder-option", "geocoder_options", multiple=True, metavar="KEY=VALUE", help="Option for an online geocoder, e.g. domain=..., scheme=https; repeatable.")
@click.option("--user-agent", default="geomap", show_default=True, help="User agent for an online geocoder.")
@click.option("--min-delay", default=1.0, show_default=True, type=click.FloatRange(0), help="Seconds between requests to an online geocoder.")
def geocode(names, country, near, kinds, limit, fmt, gazetteers, no_fuzzy, geocoder, geocoder_options, user_agent, min_delay):
    """Look up place NAMES and print the best match(es).

    \b
    Examples:
      geomap geocode Usurisk Blagoveshchensk "Korea Utara" Inggris
      geomap geocode Springfield --country US --limit 3 --format json
      geomap geocode Paris --geocoder nominatim --user-agent "my-newsroom"

    Exits 4 when a name matches nothing (the others are still printed).
    """
    bias = None
    if near:
        try:
            la, lo = (float(x) for x in near.split(","))
            bias = (la, lo)
        except ValueError:
            raise click.BadParameter("expected LAT,LON such as 48.0,37.8", param_hint="--near") from None
    if geocoder == "gazetteer":
        from .geocode import GazetteerGeocoder

        g = GazetteerGeocoder(extra_gazetteers=gazetteers, fuzzy=not no_fuzzy)

        def run(name):
            return g.geocode(name, exactly_one=False, limit=limit, country_codes=list(country) or None,
                             bias=bias, kinds=list(kinds) or None)
    else:
        from .geocode import OnlineGeocoder

        g = OnlineGeocoder(geocoder, user_agent=user_agent, min_delay_seconds=min_delay,
                           **_online_options(geocoder, geocoder_options))

        def run(name):
            res = g.geocode(name, exactly_one=False)
            return res[:limit] if res else None

    missing = []
    out = []
    for name in names:
        locs = run(name)
        if not locs:
            missing.append(name)
            continue
        for loc in locs:
            raw = loc.raw if isinstance(loc.raw, dict) else {}
            out.append({
                "query": name, "name": raw.get("name", loc.address), "address": loc.address,
                "lat": round(loc.latitude, 5), "lon": round(loc.longitude, 5),
                "kind": raw.get("kind"), "country_code": raw.get("country_code"),
                "country": raw.get("country"), "id": raw.get("id"), "score": raw.get("score"),
                "match": raw.get("match"),
            })
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for o in out:
            extra = f"  {o['kind']}, {o['country_code']}" if o["kind"] else ""
            score = f"  score {o['score']:.2f}" if o["score"] is not None else ""
            click.echo(f"{o['query']} -> {o['address']}  ({o['lat']:.4f}, {o['lon']:.4f}){extra}{score}")
    for name in missing:
        click.echo(f"geomap: no place found for {name!r}", err=True)
    if missing:
        sys.exit(4)


@cli.group()
def gazetteer():
    """Inspect the offline gazetteer."""


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
                   + ", ".join(f"{k}=={v}" for k, v in pk.items()) + f", npm {provenance.get('npm')}")
        for src, lic in provenance.get("licences", {}).items():
            click.echo(f"  {src}: {lic}")


def main() -> None:
    cli(prog_name="geomap")


if __name__ == "__main__":
    main()
