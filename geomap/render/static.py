"""A static image of the map's opening view (print pages, social cards), drawn with
geopandas and matplotlib from the same story the page draws: the country outline, one
arc per route in its category's colour, places by role, the article's names.

matplotlib is an optional extra (pip install 'geomap[static]'); it is imported here only.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from ..models import Result
from .assets import _LIGHT, OUTLINE_PATH
from .palette import INK, QUIET, arc_width, dash
from .story import build_story

PADDING = 0.12  # of the frame's size, on every side, as the page's fit leaves


def _frame(points) -> tuple[float, float, float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    # A frame never narrower than a city's surroundings, and with the page's room around it.
    dx, dy = max(e - w, 2.0), max(n - s, 2.0)
    cx, cy = (w + e) / 2, (s + n) / 2
    return (cx - dx * (0.5 + PADDING), cx + dx * (0.5 + PADDING),
            max(-85.0, cy - dy * (0.5 + PADDING)), min(85.0, cy + dy * (0.5 + PADDING)))


def render_png(results: Result | Iterable[Result], path: str, *, title: str | None = None,
               ui_lang: str | None = None, width_px: int = 1200, height_px: int = 675) -> None:
    """Write a PNG (1200x675 by default, a social card's shape) of the opening view."""
    import geopandas as gpd
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.patheffects  # noqa: F401  (halo around names)
    import matplotlib.pyplot as plt

    from ..output import atomic_writer

    results = [results] if isinstance(results, Result) else list(results)
    story = build_story(results, ui_lang)
    dpi = 100
    fig, ax = plt.subplots(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
    ax.set_facecolor(_LIGHT["sea"])
    world = gpd.read_file(OUTLINE_PATH)
    world.plot(ax=ax, color=_LIGHT["land"], edgecolor=_LIGHT["border"], linewidth=0.5)
    for rt in story.routes:
        w = arc_width(rt.total, len(rt.reports))
        d = dash(rt.certainty, w)
        style = (0, tuple(float(x) / w for x in d.split())) if d else "solid"
        for part in rt.parts():
            ax.plot([p[1] for p in part], [p[0] for p in part], color=rt.category.colour, linewidth=w * 0.75,
                    linestyle=style, solid_capstyle="butt", zorder=3, alpha=0.9)
        (la0, lo0), (la1, lo1) = rt.parts()[-1][-2], rt.parts()[-1][-1]
        ax.annotate("", xy=(lo1, la1), xytext=(lo0, la0), zorder=4,
                    arrowprops={"arrowstyle": "-|>", "color": rt.category.colour, "lw": 0,
                                "mutation_scale": 10 + 2 * w, "shrinkB": 6})
    marker = {"origin": ("o", "white", INK, 9), "destination": ("o", INK, "white", 9),
              "presence": ("s", None, INK, 9), "mentioned": ("o", QUIET, "white", 5)}
    w_, e_, s_, n_ = _frame(story.frame) if story.frame else (-170, 190, -60, 80)
    for pv in reversed(story.places):  # story places drawn last, on top
        shape, face, edge, size = marker[pv.role]
        p = pv.rp.place
        ax.plot(p.lon, p.lat, marker=shape, markersize=size, markerfacecolor=face or pv.colour or QUIET,
                markeredgecolor=edge, markeredgewidth=1.8, zorder=5, linestyle="none")
        if w_ <= p.lon <= e_ and s_ <= p.lat <= n_:
            ax.annotate(pv.label, (p.lon, p.lat), xytext=(6, 0), textcoords="offset points", va="center",
                        fontsize=9 if pv.role != "mentioned" else 7.5,
                        fontweight="bold" if pv.role != "mentioned" else "normal",
                        color="#111" if pv.role != "mentioned" else "#555", zorder=6,
                        path_effects=[matplotlib.patheffects.withStroke(linewidth=2.5, foreground="white")])
    ax.set_xlim(w_, e_)
    ax.set_ylim(s_, n_)
    # Web Mercator's stretch at the frame's middle latitude, so shapes look as on the page.
    mid = math.radians((s_ + n_) / 2)
    ax.set_aspect(1 / max(math.cos(mid), 0.2), adjustable="box")
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    name = title or (story.doc_name(0) if len(results) == 1 and results[0].document.title else None)
    if name:
        ax.set_title(name, loc="left", fontsize=13, fontweight="bold")
    ui = story.ui
    credit = " · ".join([ui("credit.geonames", geonames="GeoNames", licence="CC BY 4.0"),
                         ui("credit.outline", source="Natural Earth"), "geomap"])
    fig.text(0.01, 0.01, credit, fontsize=7, color="#555")
    fig.tight_layout()
    with atomic_writer(path, "wb") as fh:
        fig.savefig(fh, format="png", dpi=dpi, facecolor="white")
    plt.close(fig)

