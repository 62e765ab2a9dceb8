"""The page's words around the map: the movement list, the legend, the date filter,
the credits and the text version (movements first, in date order, with their evidence)."""
from __future__ import annotations

from .assets import GEONAMES_LINKS, NATURAL_EARTH_LINK, TileSpec, _esc
from .palette import CATEGORIES, INK, QUIET, ROLE_STYLE, category_of, dash
from .popups import event_line, route_summary
from .story import ROLES, Story
from .ui import UI
from .words import UNCERTAIN_BELOW, human_date, key_words, quantity


def movement_list(story: Story) -> str:
    if not story.routes:
        return ""
    ui = story.ui
    items = []
    for i, rt in enumerate(story.routes):
        n = len(rt.reports)
        count = f' <span class="gm-count">×{n}</span>' if n > 1 else ""
        items.append(
            f'<li data-key="{_esc(rt.key or "")}"><button type="button" class="gm-move" data-route="{i}">'
            f'<span class="gm-chip" style="background:{rt.category.colour}"></span>'
            f"{_esc(route_summary(story, rt))}{count}</button></li>")
    return (f'<section class="gm-list" aria-labelledby="gm-list-h"><h2 id="gm-list-h">{_esc(ui("list.heading"))}</h2>'
            f'<p class="gm-hint-text">{_esc(ui("list.hint"))}</p>'
            f'<ol class="gm-moves" id="gm-moves">{"".join(items)}</ol></section>')


def _line(color: str, width: float = 4, dash_: str | None = None) -> str:
    d = f' stroke-dasharray="{dash_}"' if dash_ else ""
    return (f'<svg class="gm-line" width="30" height="12" aria-hidden="true"><line x1="1" y1="6" x2="29" y2="6" '
            f'stroke="{color}" stroke-width="{width}"{d}/></svg>')


def _shape(role: str, colour: str | None = None) -> str:
    return f'<span class="gm-sw gm-{ROLE_STYLE[role]["shape"]}"{_fill(colour)}></span>'


def _fill(colour: str | None) -> str:
    return f' style="background:{colour}"' if colour else ""


def legend(story: Story) -> str:
    """At most four encodings: colour (what), width (how many), shape (role), dash (how sure)."""
    blocks = []
    ui = story.ui
    cats = {rt.category.key for rt in story.routes}
    cats |= {category_of(pv.presence[0][1].what).key for pv in story.places if pv.presence}
    if cats:
        keys = "".join(f'<li>{_line(c.colour)}{_esc(ui("cat." + c.key))}</li>' for c in CATEGORIES if c.key in cats)
        blocks.append(f'<div class="gm-leg"><h3>{_esc(ui("legend.colour"))}</h3><ul>{keys}</ul></div>')
    if story.routes:
        blocks.append(f'<div class="gm-leg"><h3>{_esc(ui("legend.width"))}</h3><ul>'
                      f'<li>{_line(INK, 2.5)}{_esc(ui("legend.few"))}</li>'
                      f'<li>{_line(INK, 8)}{_esc(ui("legend.thousands"))}</li></ul></div>')
    roles = [r for r in ROLES if any(pv.role == r for pv in story.places)]
    if roles:
        keys = "".join(f'<li>{_shape(r, QUIET if r == "presence" else None)}'
                       f'{_esc(ui("role." + r))}</li>' for r in roles)
        blocks.append(f'<div class="gm-leg"><h3>{_esc(ui("legend.shape"))}</h3><ul>{keys}</ul></div>')
    certs = sorted({rt.certainty for rt in story.routes} & {"likely", "denied"})
    if certs:
        keys = "".join(f'<li>{_line(INK, 3, dash(c, 3))}{_esc(ui("cert." + c))}</li>' for c in certs)
        blocks.append(f'<div class="gm-leg"><h3>{_esc(ui("legend.dashes"))}</h3><ul>{keys}</ul></div>')
    if not blocks:
        return ""
    return f'<section class="gm-legend" aria-label="{_esc(ui("legend.aria"))}">{"".join(blocks)}</section>'


def timeline(story: Story) -> str:
    keys = sorted({rt.key for rt in story.routes if rt.key})
    if not keys:
        return ""
    ui = story.ui
    opts = "".join(f'<option value="{_esc(k)}">{_esc(ui("when.upto", date=key_words(k, ui)))}</option>' for k in keys)
    return (f'<div class="gm-when"><label for="gm-when">{_esc(ui("when.label"))}</label>'
            f'<select id="gm-when"><option value="">{_esc(ui("when.all"))}</option>{opts}</select>'
            '<output id="gm-when-status" for="gm-when" aria-live="polite"></output></div>')


def credits(spec: TileSpec, cdn: bool, ui: UI | None = None) -> str:
    """The required attributions: the sources' names and links stay, the words around
    them are the interface's (escaped; the links are ours, not a translation's)."""
    ui = ui or UI()
    parts = [ui.html("credit.geonames", **GEONAMES_LINKS)]
    if not cdn or spec.url is None:
        parts.append(ui.html("credit.outline", source=NATURAL_EARTH_LINK))
    if spec.url:
        parts.append(ui.html("credit.tiles", attribution=spec.attribution))
    parts.append(ui.html("credit.leaflet", leaflet='<a href="https://leafletjs.com/">Leaflet</a>'))
    return '<p class="gm-credits">' + " · ".join(parts) + "</p>"


def text_version(story: Story) -> str:
    ui = story.ui
    n_p, n_r = len(story.places), len(story.routes)
    summary = ui("text.summary", movements=ui("count.movements", n=n_r), places=ui("count.places", n=n_p))
    out = [f'<details class="gm-text" id="gm-text"><summary>{_esc(summary)}</summary>']
    if story.routes:
        out.append(f"<h2>{_esc(ui('text.movements'))}</h2><ol>")
        for rt in story.routes:
            out.append(f"<li><strong>{_esc(route_summary(story, rt))}</strong><ul>")
            for r in rt.reports:
                ev = r.event
                bits = [human_date(ev.date, ui) or ui("undated"), quantity(ev, ui),
                        ui("according", source=ev.source) if ev.source else None,
                        story.doc_name(r.doc) if story.multi else None]
                quote = f' <q>{_esc(" ".join(ev.evidence.text.split()))}</q>' if ev.evidence and ev.evidence.text else ""
                out.append(f"<li>{_esc(' · '.join(b for b in bits if b))}:{quote}</li>")
            out.append("</ul></li>")
        out.append("</ol>")
    others = [(d, e) for d, res in enumerate(story.results) for e in res.events if e.kind != "movement"]
    if others:
        out.append(f"<h2>{_esc(ui('text.others'))}</h2><ul>")
        for d, e in others:
            src = f" ({_esc(story.doc_name(d))})" if story.multi else ""
            quote = f' <q>{_esc(" ".join(e.evidence.text.split()))}</q>' if e.evidence and e.evidence.text else ""
            out.append(f"<li>{_esc(event_line(story, e, story.results[d]))}{src}.{quote}</li>")
        out.append("</ul>")
    if story.places:
        out.append(f"<h2>{_esc(ui('text.places'))}</h2><ul>")
        for pv in story.places:
            note = "; " + ui("uncertain.short") if max(rp.score for _, rp in pv.seen) < UNCERTAIN_BELOW else ""
            also = f" ({_esc(ui('gazetteer_name', name=pv.rp.place.name))})" if pv.label != pv.rp.place.name else ""
            out.append(f"<li><strong>{_esc(pv.label)}</strong>{also}: {_esc(ui('role_lc.' + pv.role))}; "
                       f"{_esc(ui('named', n=pv.count) + note)}.</li>")
        out.append("</ul>")
    else:
        out.append(f"<p>{_esc(ui('text.none'))}</p>")
    out.append("</details>")
    return "".join(out)
