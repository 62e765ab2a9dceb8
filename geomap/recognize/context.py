"""What the rules read: one Context per text (its tokens, pass 1's spans, the
language's data and the questions rules ask of a token), and one Mention per span
(the span and the facts about it that rules compute and may change)."""
from __future__ import annotations

from .candidates import SMALL_TOWN, _Known
from .langdata import Lang
from .tokens import Span, Token, _common, _compound_noun, _joinable, lower_tail


class Context:
    """One text under recognition. The rules share it; person_keys and vessel_keys
    collect the keys the text uses for people and ships (one sense per discourse)."""

    __slots__ = ("L", "befores", "ex", "g", "given", "located", "matched_tokens", "morph_known", "n", "names",
                 "person_keys", "span_at", "spans", "text", "toks", "unit_of", "vessel_keys")

    def __init__(self, ex, text: str, toks: list[Token], L: Lang, names, spans: list[Span],
                 morph_known: dict[int, _Known], unit_of: dict[int, str]):
        self.ex = ex
        self.g = ex.g
        self.text = text
        self.toks = toks
        self.n = len(toks)
        self.L = L
        self.names = names  # the inflected language's name tables (geomap/lang/inflect.py), or None
        self.spans = spans
        self.morph_known = morph_known
        self.unit_of = unit_of
        self.given = L.given_names
        matched_tokens = set()
        for sp in spans:
            matched_tokens.update(range(sp.tok_start, sp.tok_end))
        self.matched_tokens = matched_tokens
        self.span_at = {t: si for si, sp in enumerate(spans) for t in range(sp.tok_start, sp.tok_end)}
        self.befores = befores = [text[max(0, sp.start - 25):sp.start].lower().split() for sp in spans]
        # Names the text places somewhere at least once ("cars in Oxford"): their
        # everyday sense ("oxford" shoes, "reading") does not count against them.
        located = set()
        directions = {w.lower() for w in L.direction_words}
        for sp, before in zip(spans, befores):
            # "in East Oxford": a direction may stand between the cue and the name
            cue_at = -2 if len(before) >= 2 and before[-1] in directions else -1
            if before and before[cue_at] in L.locative_cues:
                located.add(sp.key)
        self.located = located
        self.person_keys: set[str] = set()
        self.vessel_keys: set[str] = set()

    def name_like(self, k: int) -> bool:
        """An unknown capitalised word: part of a person's or organisation's name."""
        if k < 0 or k >= self.n or k in self.matched_tokens:
            return False
        tk = self.toks[k]
        L = self.L
        if not tk.cap or tk.text in L.name_titles or tk.key in L.not_places:
            return False
        if len(tk.text) == 1 and tk.text.lower() in L.place_cues_before:
            return False  # "У Покровську" after a date: the capital preposition starts no name
        z = _common(tk.text, L)
        if tk.sent_start and z >= 3.0:
            return False
        if _compound_noun(tk.text, L):
            return False
        if "-" in tk.text and lower_tail(tk.text) > 0:
            return False  # "Buddhist-majority Myanmar", "Kremlin-backed": a compound adjective, no name's word
        return z < 4.0 or tk.text.isupper()

    def given_name(self, k: int) -> bool:
        if k < 0 or k >= self.n:
            return False
        tk = self.toks[k]
        if not (tk.cap and tk.text in self.given):
            return False
        # A capitalised function word is not a name even mid-sentence ("Albany — An
        # Albany man": the census lists "An" as a given name).
        z = _common(tk.text, self.L)
        return z < 5.5 and not (tk.sent_start and z >= 4.0)

    def in_name(self, k: int) -> bool:
        """Token k is a capitalised word of a name, not a capitalised sentence opener."""
        tk = self.toks[k]
        return tk.cap and not (tk.sent_start and _common(tk.text, self.L) >= 3.0)

    def small_town(self, k: int) -> bool:
        """Token k is a one-word match that only small towns bear."""
        si = self.span_at.get(k)
        spans = self.spans
        if si is None or spans[si].tok_end - spans[si].tok_start != 1 or si in self.unit_of:
            return False
        kn = self.ex._known(spans[si].text)
        return kn is not None and not kn.big_unit and kn.top_imp < SMALL_TOWN \
            and _common(self.toks[k].text, self.L) < 3.0


class Mention:
    """Span si of pass 1 under the span rules. The neighbours are read at once; the
    other facts are set by the rules that establish them (known and cands by
    in_gazetteer, office by office_of_place, glued_* and case_* by glue, state_abbr by
    state_abbreviation), in RULES order, and later rules read or change them."""

    __slots__ = ("after", "before", "cands", "case_after_prep", "case_form", "cue", "first", "glued_next",
                 "glued_prev", "join_next", "join_prev", "known", "last", "next_k", "office", "prev_k", "si",
                 "single", "sp", "state_abbr")

    def __init__(self, ctx: Context, si: int, sp: Span):
        toks, text = ctx.toks, ctx.text
        self.si = si
        self.sp = sp
        self.known: _Known | None = None
        self.cands = ()
        self.first = first = toks[sp.tok_start]
        self.last = last = toks[sp.tok_end - 1]
        self.single = sp.tok_end - sp.tok_start == 1
        self.prev_k = prev_k = sp.tok_start - 1
        self.next_k = next_k = sp.tok_end
        self.join_prev = prev_k >= 0 and _joinable(text, toks[prev_k], first)
        self.join_next = next_k < ctx.n and _joinable(text, last, toks[next_k])
        self.office = False
        self.glued_prev = self.glued_next = self.case_form = self.case_after_prep = False
        self.after = text[sp.end:sp.end + 24]
        self.before = before = ctx.befores[si]
        self.cue = bool(before) and before[-1] in ctx.L.place_cues_before
        self.state_abbr = False
