"""Who says so and how sure: attribution cut out of the sentence, hedges, denials, statements."""
from __future__ import annotations

from dataclasses import dataclass

from .dates import date_at
from .frames_base import Partial
from .tokens import PUNCT_BREAK, PUNCT_BREAK_NO_BRACKETS


@dataclass
class Attr:
    a: int  # token range cut out of the sentence
    b: int
    source: str | None
    pronoun: bool = False  # "it said", "Dikatakan": the speaker is whoever was quoted last
    reported: bool = False  # "X reported", "media Ukraina": a media claim
    secondary: bool = False  # "quoting the NIS": the outlet, not the one it quotes, is the source


class AttributionRules:
    """Sentence methods for the source of a report (mixed into Sentence)."""

    def _src_end(self, a: int) -> int:
        k = a
        while k < len(self.toks) and k - a < 14:
            low = self.lows[k]
            if low in PUNCT_BREAK_NO_BRACKETS or low in self.cues.source_stops or self.toks[k].trig:
                break
            k += 1
        return k

    def _to_comma(self, k: int) -> int:
        while k < len(self.toks) and self.lows[k] not in (",", ";", ".", "!", "?"):
            k += 1
        return k

    def _attributions(self, trig_at: set[int]) -> list[Attr]:
        c, lows, toks = self.cues, self.lows, self.toks
        out: list[Attr] = []
        taken = [False] * len(toks)

        def add(a: int, b: int, sa: int, sb: int, verb: str, secondary: bool = False, pronoun: bool = False) -> None:
            while sa < sb and lows[sa] in c.source_strip:
                sa += 1
            while sb > sa and (lows[sb - 1] in c.source_strip or lows[sb - 1] == ","):
                sb -= 1
            pronoun = pronoun or (sb > sa and lows[sb - 1] in c.pronouns)
            reported = verb in c.reported_verbs or bool(c.media.scan(lows, sa, sb))
            out.append(Attr(a, b, None if pronoun or sb <= sa else self.span_text(sa, sb), pronoun, reported, secondary))
            for k in range(a, b):
                taken[k] = True

        def clause_start(i: int) -> int:
            # ", kata X" / ", berdasarkan foto yang dirilis X": the clause from the comma belongs to the attribution
            for k in range(i - 1, max(-1, i - 7), -1):
                if lows[k] == ",":
                    return k
                if k in trig_at:
                    break
            return i

        for i, n, _ in c.according.scan(lows):  # "according to X", "menurut X"
            sa, sb = i + n, self._src_end(i + n)
            if sb > sa:
                # "Nach Angaben der Polizei sind 250.000 Menschen ... angekommen": an auxiliary right after the
                # source opens the report itself, so the attribution ends there and not at the next comma
                end = sb if sb < len(toks) and lows[sb] in c.any_aux else self._to_comma(sb)
                add(i - 1 if i > 0 and lows[i - 1] == "," else i, end, sa, sb, lows[i],
                    secondary=lows[i] in c.quote_words)
        for i, n, _ in c.src_after.scan(lows):  # "kata X"
            sa = i + n
            while sa + 1 < len(toks) and lows[sa] in c.source_stops and (
                    lows[sa + 1] in c.weekdays or lows[sa + 1] in c.months):
                sa += 2  # ", poinformowała w niedzielę Straż Graniczna": the day is no stop before the source
            sb = self._src_end(sa)
            # where the same verb also opens a report ("a annoncé", "informó"), it names a source after it only
            # right after a comma or a closing quote (", a déclaré le ministre")
            inverted = i > 0 and lows[i - 1] in (",", "»", "”", '"', "“", "-", "–", "—")  # "... - poinformowała X"
            if not taken[i] and sb > sa and (inverted or not c.source_after_inverted):
                add(clause_start(i), self._to_comma(sb), sa, sb, lows[i])
        for i, n, _ in c.impersonal.scan(lows):  # "Dikatakan bahwa", "tambahnya"
            if not taken[i]:
                b = i + n + (1 if i + n < len(toks) and lows[i + n] in c.complementizers else 0)
                add(i - 1 if i > 0 and lows[i - 1] == "," else i, b, i, i, lows[i], pronoun=True)
        for i, n, _ in c.src_before.scan(lows):  # "X said", "X mengatakan"
            if taken[i] or (i > 0 and lows[i - 1] in c.passive_aux and lows[i - 1] not in c.active_aux):
                continue  # "Extra buses ... were added": a passive is no saying
            if i + n < len(toks) and lows[i + n] in c.topic_after:
                continue  # "Evacuees from Sudan have told of their relief as they arrived": what about, not what
            k = i - 1
            while k >= 0 and lows[k] in c.source_strip:
                k -= 1
            while k >= 0 and (lows[k] == "," or taken[k]):  # "media X, mengutip NIS, melaporkan"
                k -= 1
            sb = k + 1
            while k >= 0 and not taken[k] and k not in trig_at and lows[k] not in PUNCT_BREAK and lows[k] not in c.complementizers:
                k -= 1
            sa = k + 1
            head = self._relative_head(k, trig_at) if k in trig_at else None
            if head is not None:
                # "Officials who travelled to Kyiv said", "The tanker, which was en route to Ningbo, reported":
                # the speaker is the noun before the relative clause, and the clause tells its own movement
                add(i, self._extend_attr(i + n, trig_at), head[0], head[1], lows[i])
                continue
            sb = next((q for q in range(sa, sb) if lows[q] in c.quote_words), sb)  # "outlets quoting the NIS"
            if 0 < sb - sa <= 12:
                add(sa, self._extend_attr(i + n, trig_at), sa, sb, lows[i])
        return out

    def _relative_head(self, k: int, trig_at: set[int]) -> tuple[int, int] | None:
        """The noun phrase before the relative clause whose verb ends at token k ("Officials who travelled"),
        or None when that verb opens no relative clause."""
        c, lows = self.cues, self.lows
        while k >= 0 and k in trig_at:
            k -= 1
        steps = 0
        while k >= 0 and steps < 3 and (lows[k] in c.subject_gap or lows[k] in c.any_aux) \
                and lows[k] not in c.relative_words:
            k, steps = k - 1, steps + 1
        if k <= 0 or lows[k] not in c.relative_words or lows[k] in c.complementizers:
            return None  # "that" may open the reported clause itself
        sb = k - 1 if lows[k - 1] == "," else k
        sa = sb
        while sa > 0 and lows[sa - 1] not in PUNCT_BREAK and sa - 1 not in trig_at and sb - sa < 8:
            sa -= 1
        return (sa, sb) if sb > sa else None

    def _extend_attr(self, j: int, trig_at: set[int]) -> int:
        """Where "X said ..." ends: through "that"/":" or a date and "in a statement" that belong to the saying."""
        c, lows = self.cues, self.lows
        if j < len(lows) and lows[j] == ":":
            return j + 1
        for k in range(j, min(len(lows), j + 9)):
            if k in trig_at or lows[k] in PUNCT_BREAK:
                break
            if lows[k] in c.complementizers:
                return k + 1
        for _ in range(3):
            if j >= len(lows):
                break
            ext = c.extensions.match(lows, j)
            if ext:
                j += ext[0]
                continue
            got, skip = date_at(self.toks, lows, j, c, self.doc), 0
            if not got and j + 1 < len(lows) and lows[j] in c.day_or_month_cues:
                got, skip = date_at(self.toks, lows, j + 1, c, self.doc), 1  # "said on Friday"
            if got:
                j += skip + got[0]
                continue
            if lows[j] in c.complementizers:
                j += 1
            break
        return j

    def _certainty(self, p: Partial) -> None:
        c, lows = self.cues, self.lows
        la, lb = p.left
        found = c.hedges.scan(lows, la, lb)
        levels = {str(v) for _, _, v in found}
        p.certainty = next((lv for lv in ("denied", "likely", "reported", "planned") if lv in levels), "stated")
        if p.certainty == "denied":  # "Rwanda has denied ...": the one denying is the source
            d = next(i for i, _, v in found if v == "denied")
            sa = max([k + 1 for k in range(la, d) if lows[k] == ","], default=la)
            sb = d
            while sb > sa and (lows[sb - 1] in c.source_strip or lows[sb - 1] in c.active_aux):
                sb -= 1
            p.denier = self.span_text(sa, sb) or None

    def _statement_source(self, la: int, ca: int) -> str | None:
        """"a statement by Zelensky that ...", "pengumuman Presiden X pada Kamis bahwa ...": the speaker."""
        c, lows = self.cues, self.lows
        nouns = c.statement_nouns.scan(lows, la, ca - 1) if ca > la else []
        if not nouns:
            return None
        i, n, _ = nouns[-1]
        by = next((q for q in range(i + n, ca - 1) if lows[q] in c.statement_by), None)
        if by is None and not c.statement_direct:
            return None
        k = i + n if by is None else by + 1
        e = k
        while e < ca - 1 and lows[e] not in c.source_stops and lows[e] not in PUNCT_BREAK:
            e += 1
        return self.span_text(k, e) or None

    def _named_source(self, source: str | None) -> str | None:
        """"the agency" after "South Korea's National Intelligence Service said": the one named before.

        A source that is only a determiner and a generic noun takes the latest source named earlier
        in the document with a proper name; every proper source is remembered for later ones."""
        if not source:
            return source
        c, st = self.cues, self.state
        words = source.split()
        lows = [w.lower() for w in words]
        generic = (len(words) <= 4 and all(w[:1].islower() for w in words)
                   and (lows[0] in c.generic_dets or lows[-1] in c.generic_dets)
                   and any(c.generic_sources.match(lows, i) for i in range(len(lows))))
        if generic:
            return st.sources[-1] if st.sources else source
        if any(w[:1].isupper() for w in words):
            st.sources.append(source)
        return source
