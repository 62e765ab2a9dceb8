"""Popup and tooltip HTML. Everything from an article is escaped here, before it reaches
the page's data block (the runtime sets it as HTML, so it must already be safe)."""
from __future__ import annotations

from collections.abc import Sequence

from ..models import Event, Result
from .assets import _esc
from .ui import UI
from .routes import Report, Route
from .story import PlaceView, Sentences, Story
from .words import _EN, UNCERTAIN_BELOW, human_date, movement_summary, quantity, what_words, with_attribution

MAX_QUOTES = 4
MAX_REPORTS = 30  # a corpus route lists this many reports; the rest are counted


def quote_html(text: str, s: int, e: int, marks: Sequence[tuple[int, int]], limit: int = 320) -> str:
    """Escaped sentence text[s:e] with the mentions in <mark>, trimmed around them."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    lead = trail = ""
    if e - s > limit and marks:
        centre = marks[0][0]
        s2 = max(s, centre - limit // 2)
        e2 = min(e, s2 + limit)
        lead = "… " if s2 > s else ""
        trail = " …" if e2 < e else ""
        s, e = s2, e2
    out, pos = [], s
    for ms, me in sorted(marks):
        ms, me = max(ms, pos), min(me, e)
        if ms >= me:
            continue
        out.append(_esc(text[pos:ms]))
        out.append("<mark>" + _esc(text[ms:me]) + "</mark>")
        pos = me
    out.append(_esc(text[pos:e]))
    return lead + "".join(out) + trail


def place_quotes(rp, sents: Sentences) -> list[str]:
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for m in sorted(rp.mentions, key=lambda m: (m.start, m.end)):
        if not (0 <= m.start < m.end <= len(sents.text)):
            continue
        groups.setdefault(sents.around(m.start, m.end), []).append((m.start, m.end))
    return [quote_html(sents.text, s, e, marks) for (s, e), marks in groups.items()]


def _name(story: Story, res: Result, pid: str | None) -> str:
    rp = res.place(pid) if pid else None
    if rp is None:
        return pid or "?"
    return next((pv.label for pv in story.places if pv.rp.place.id == pid), rp.place.name)


def event_line(story: Story, ev: Event, res: Result) -> str:
    """Plain-text line for any event kind, naming its places in the article's words."""
    ui = story.ui
    if ev.kind == "movement":
        return movement_summary(ev, _name(story, res, ev.origin), _name(story, res, ev.destination), ui)
    who = ev.actor or what_words(ev.what, ui) or ui("event" if ev.kind != "presence" else "presence")
    parts = [ui("event.in", who=who, place=_name(story, res, ev.place)) if ev.place else who]
    if ev.kind == "incident":
        parts[0] = ui("incident", what=parts[0])
    return with_attribution(parts, ev, ui)


def place_tooltip(pv: PlaceView, ui: UI = _EN) -> str:
    return f"<strong>{_esc(pv.label)}</strong> · {_esc(ui('role_lc.' + pv.role))}"


def place_sr(pv: PlaceView, ui: UI = _EN) -> str:
    return f"{pv.label}, {ui('role_lc.' + pv.role)}, {ui('named', n=pv.count)}"


def place_popup(story: Story, pv: PlaceView) -> str:
    p = pv.rp.place
    ui = story.ui
    out = [f'<div class="gm-pop"><h3>{_esc(pv.label)}</h3>']
    meta = [ui("role." + pv.role), ui("named", n=pv.count)]
    if pv.label != p.name:
        meta.append(ui("gazetteer_name", name=p.name))
    out.append(f'<p class="gm-meta">{_esc(" · ".join(meta))}</p>')
    if max(rp.score for _, rp in pv.seen) < UNCERTAIN_BELOW:
        out.append(f'<p class="gm-meta gm-unsure">{_esc(ui("uncertain.long"))}</p>')
    quotes = []
    for doc, rp in pv.seen:
        src = f' <span class="gm-src">— {_esc(story.doc_name(doc))}</span>' if story.multi else ""
        quotes.extend(q + src for q in place_quotes(rp, story.sentences(doc)))
    if quotes:
        out.append(f'<h4>{_esc(ui("popup.in_text"))}</h4><ul class="gm-quotes">')
        out.extend(f"<li>{q}</li>" for q in quotes[:MAX_QUOTES])
        out.append("</ul>")
        if len(quotes) > MAX_QUOTES:
            out.append(f'<p class="gm-meta">{_esc(ui("popup.more_in_text", n=len(quotes) - MAX_QUOTES))}</p>')
    if pv.events:
        out.append(f'<h4>{_esc(ui("popup.reported_here"))}</h4><ul class="gm-events">')
        out.extend(f"<li>{_esc(event_line(story, e, story.results[d]))}</li>" for d, e in pv.events[:MAX_QUOTES])
        out.append("</ul>")
        if len(pv.events) > MAX_QUOTES:
            out.append(f'<p class="gm-meta">{_esc(ui("popup.more", n=len(pv.events) - MAX_QUOTES))}</p>')
    out.append("</div>")
    return "".join(out)


def route_names(story: Story, rt: Route) -> tuple[str, str]:
    lab = {pv.rp.place.id: pv.label for pv in story.places}
    return (lab.get(rt.origin.place.id, rt.origin.place.name),
            lab.get(rt.destination.place.id, rt.destination.place.name))


def route_summary(story: Story, rt: Route) -> str:
    """Tooltip and list line: 'Troops · North Korea → Vladivostok · 3 reports · from October 2024'."""
    a, b = route_names(story, rt)
    ui = story.ui
    first = rt.reports[0]
    if len(rt.reports) == 1:
        return movement_summary(first.event, a, b, ui)
    head = ui("cat." + rt.category.key)
    what = {what_words(r.event.what, ui) for r in rt.reports if r.event.what}
    if len(what) == 1:
        head = what.pop()
    dated = [human_date(r.event.date, ui) for r in rt.reports if r.event.date]
    parts = [head, f"{a} → {b}", ui("reports", n=len(rt.reports))]
    if dated:
        parts.append(dated[0] if len(set(dated)) == 1 else ui("range", a=dated[0], b=dated[-1]))
    return " · ".join(parts)


def _report_html(story: Story, r: Report) -> str:
    ev = r.event
    ui = story.ui
    rows = [("report.when", human_date(ev.date, ui) or ui("undated")), ("report.how_many", quantity(ev, ui)),
            ("report.who", ev.actor),
            ("report.source", ui("according", source=ev.source) if ev.source else ui("report.not_attributed"))]
    cert = (ev.certainty or "").lower()
    if cert in ("likely", "denied", "reported"):
        rows.append(("report.certainty", ui("cert." + cert)))
    if story.multi:
        rows.append(("report.story", story.doc_name(r.doc)))
    dl = "".join(f"<dt>{_esc(ui(k))}</dt><dd>{_esc(v)}</dd>" for k, v in rows if v)
    text = ev.evidence.text if ev.evidence else ""
    if len(text) > 500:
        text = text[:500].rstrip() + " …"
    quote = f"<blockquote>{_esc(' '.join(text.split()))}</blockquote>" if text else ""
    return f'<li><dl class="gm-dl">{dl}</dl>{quote}</li>'


def route_popup(story: Story, rt: Route) -> str:
    a, b = route_names(story, rt)
    ui = story.ui
    n = len(rt.reports)
    out = [f'<div class="gm-pop"><h3>{_esc(a)} → {_esc(b)}</h3>',
           f'<p class="gm-meta"><span class="gm-chip" style="background:{rt.category.colour}"></span>'
           f'{_esc(ui("cat." + rt.category.key))} · {_esc(ui("reports", n=n))}</p>']
    labels = {pv.rp.place.id: pv.label for pv in story.places}
    refined = {labels.get(r.named_with.place.id, r.named_with.place.name) for r in rt.reports if r.named_with}
    if refined:
        out.append(f'<p class="gm-meta">{_esc(ui("ends.named", place=b, names=", ".join(sorted(refined))))}</p>')
    elif rt.destination.place.kind == "country":
        out.append(f'<p class="gm-meta">{_esc(ui("ends.centre", place=b))}</p>')
    out.append('<ol class="gm-reports">')
    out.extend(_report_html(story, r) for r in rt.reports[:MAX_REPORTS])
    out.append("</ol>")
    if n > MAX_REPORTS:
        out.append(f'<p class="gm-meta">{_esc(ui("popup.more_reports", n=n - MAX_REPORTS))}</p>')
    out.append("</div>")
    return "".join(out)
