"""State carried across the sentences of one document, and links between the movements of one sentence."""
from __future__ import annotations

from dataclasses import dataclass, field

from .frames_base import Partial
from .roles import contains


@dataclass
class State:
    """What carries from one sentence to the next: who was last quoted, what was last moving."""

    last_source: str | None = None
    last_what: str | None = None
    pending_origin: str | None = None  # place id a group left without a destination yet ("left the camps near Dadaab")
    pending_what: str | None = None
    pending_at: int = 0
    open_dest: str | None = None  # place id a movement reached with its origin untold ("... landed in Aceh.")
    open_what: str | None = None
    open_at: int = 0
    last_dest: str | None = None  # where the last movement told went ("... to Vladivostok.")
    last_dest_at: int = 0
    sentence: int = 0  # index of the sentence being read
    sources: list = field(default_factory=list)
    places: dict = field(default_factory=dict)  # place id -> Place, for the document's places  # every source named so far, for "the agency" later


class DiscourseRules:
    """Sentence methods joining one sentence's movements into journeys (mixed into Sentence)."""

    def _link_movements(self, partials: list[Partial]) -> list[Partial]:
        def pick(x, y):  # token index 0 is a real value, so no "x or y"
            return x if x is not None else y

        out: list[Partial] = []
        dropped: set[int] = set()
        prev: Partial | None = None
        last_what = None
        last_mover: Partial | None = None
        for p in partials:
            if p.kind == "movement" and prev is not None:
                if not prev.dest and prev.origin is not None and p.dest and p.origin is None \
                        and prev.origin not in p.dest:  # "partido de Yibuti, hasta donde trasladó": two journeys
                    # "withdrawn from Niger, moving them to Chad": one journey
                    p.origin = prev.origin
                    p.what = pick(p.what, prev.what)
                    p.mover = pick(p.mover, prev.mover)
                    p.mover_ok = p.mover_ok or prev.mover_ok
                    if p.quantity is None:
                        p.quantity, p.quantity_value = prev.quantity, prev.quantity_value
                    p.date = pick(p.date, prev.date)
                    p.implicit_origin = pick(p.implicit_origin, prev.implicit_origin)
                    p.actor = pick(p.actor, prev.actor)
                    dropped.add(id(prev))
                elif not prev.dest and prev.origin is not None and p.dest and p.origin == prev.origin:
                    # "the evacuation bus from Kherson arrived in Odesa": the noun and the verb tell one journey
                    p.what = pick(p.what, prev.what)
                    p.mover = pick(p.mover, prev.mover)
                    dropped.add(id(prev))
                elif prev.dest and prev.origin is None and p.origin is not None and not p.dest \
                        and not set(p.origins or [p.origin]) <= set(prev.dest):  # "vtrhli na Ukrajinu, odkud ...":
                    # a start where the last one ended is no origin of it
                    # "arrived in Istanbul after sailing from Odesa"
                    prev.origin, prev.origins = p.origin, p.origins
                    prev.date = pick(prev.date, p.date)
                    prev.what = pick(prev.what, p.what)
                    continue
                elif (prev.dest and p.dest and p.origin is None and prev.origin is not None
                      and "arrival" in p.trig.flags and contains(self.toks[prev.dest[-1]].rp.place,
                                                                 self.toks[p.dest[0]].rp.place)):
                    # "flew from Gao back to Germany and landed in Wunstorf": one journey, told to its end
                    p.origin, p.origins = prev.origin, prev.origins
                    p.mover = pick(p.mover, prev.mover)
                elif prev.dest and p.dest and p.origin is None and self._any(self.cues.there_words, *p.left):
                    # "llegó a Yibuti, desde donde partió hacia Madrid": from the place just reached
                    p.chain_origin = prev.dest[-1]
                elif prev.dest and p.dest and p.origin is None and self._relative(prev):
                    # "pengungsi yang terdampar di Aceh Timur akan dipindahkan ke Lhokseumawe": from where they landed
                    p.chain_origin = prev.dest[-1]
                elif prev.dest and p.dest and p.origin is None and (
                        prev.after_link or p.before_link or "onward" in p.trig.flags or (
                            ("arrival" in prev.trig.flags or "arrival" in p.trig.flags
                             or (p.certainty == "planned" and prev.certainty != "planned"))
                            and self._coordinated(prev, p))):
                    # "arrived in Marrakech and headed into the Atlas Mountains": the next leg starts there
                    # "after arriving in Vladivostok, ... were moved to Khabarovsk"
                    p.chain_origin = prev.dest[-1]
            if p.what is None:
                if last_what is not None:  # coordinated predicates share their subject, and its nationality
                    p.what = last_what
                    if p.implicit_origin is None and last_mover is not None:
                        p.implicit_origin, p.implicit_origins = last_mover.implicit_origin, last_mover.implicit_origins
                        p.mover = pick(p.mover, last_mover.mover)
                elif any(self.lows[k] in self.cues.pronouns for k in range(p.left[0], p.right[1])):
                    p.what = self.state.last_what
            out.append(p)
            if p.what is not None:
                last_what = p.what
                last_mover = p
            if p.kind == "movement":
                prev = p
        # a departure whose place another movement of this sentence already starts from is that movement
        used = {o for p in out if p.kind == "movement" and p.dest for o in (p.origins or [p.origin]) if o is not None}
        return [p for p in out if id(p) not in dropped
                and not (p.kind == "movement" and not p.dest and p.origins and set(p.origins) <= used)]

    def _relative(self, prev: Partial) -> bool:
        """Is the movement told inside a relative clause on the next one's mover ("who reached", "yang terdampar")?"""
        return any(self.lows[k] in self.cues.relative_words for k in range(max(0, prev.trig.i - 2), prev.trig.i))

    def _coordinated(self, prev: Partial, p: Partial) -> bool:
        """Are two predicates joined by "and"/"then" (with no new subject between them)?"""
        between = range(prev.trig.end, p.trig.i)
        return any(self.lows[k] in ("and", "then", "dan", "lalu", "kemudian") for k in between) and not any(
            self.toks[k].rp is not None and self.roles.get(k) is None for k in between)

    def _earlier_origin(self, p: Partial) -> str | None:
        """"... left the camps near Dadaab. They reached Mombasa on Sunday.": the same group's origin from before.

        Only when this sentence names none, the mover is a pronoun or the same kind, and the last
        movement told was a departure still without its destination.
        """
        st, c = self.state, self.cues
        if p.kind != "movement":
            return None
        pronoun = any(self.lows[k] in c.pronouns or self.lows[k] in c.partitives for k in range(*p.left))
        # "Nejčastěji směřují do Polska": a language that drops the subject pronoun says "they" by the verb alone
        i = p.trig.i  # ... a verb, not a noun ("financiar el viaje a Cracovia" has no subject to drop)
        verb = "nominal" not in p.trig.flags and not (
            i > 0 and (self.lows[i - 1] in c.determiners or self.toks[i - 1].prep))
        pronoun = pronoun or ((c.pro_drop or (c.dropped_subject and verb)) and p.what is None and not any(
            self.toks[k].rp is not None for k in range(*p.left)))
        there = any(c.there_words.match(self.lows, k) for k in range(len(self.toks)))
        if there and st.last_dest is not None and st.last_dest_at < st.sentence and st.sentence - st.last_dest_at <= 2:
            return st.last_dest  # "From there, convoys carry supplies to Derna", "Dari sana mereka diterbangkan"
        # "The troops were then moved to bases in Ussuriysk": the next leg starts where the last one ended
        if (st.last_dest is not None and st.last_dest_at < st.sentence and st.sentence - st.last_dest_at <= 2
                and (self._any(c.before_words, *p.left) or self._any(c.before_words, p.trig.end, p.trig.end + 2)
                     or "onward" in p.trig.flags)
                and (pronoun or p.what is None or p.what == st.last_what)):
            return st.last_dest
        # "... tiba di Pelabuhan Tanjung Priok. Beras itu akan didistribusikan ke Jawa Barat": what just
        # arrived, named again with a demonstrative, leaves from where it arrived
        if (c.back_pointers and st.last_dest is not None and st.last_dest_at < st.sentence
                and st.sentence - st.last_dest_at <= 1 and (p.what is None or p.what == st.last_what)
                and any(self.lows[k] in c.back_pointers and k > 0 and self.toks[k - 1].alpha
                        and not self._usable(k - 1) for k in range(*p.left))):
            return st.last_dest
        # "odjel za prací do Ameriky. ... Vrátil se do Chersonu": going back starts where the story last took
        # the same (unnamed) mover, when that is not where they go back to
        if ("back" in p.trig.flags and st.last_dest is not None and st.last_dest_at < st.sentence
                and st.sentence - st.last_dest_at <= 3 and (pronoun or p.what is None or p.what == st.last_what)
                and not any(self._usable(k) and self.toks[k].rp.place.id == st.last_dest for k in p.dest)):
            return st.last_dest
        if st.pending_origin is None or st.sentence - st.pending_at > 3:
            return None
        same = p.what is not None and (p.what == st.pending_what or (
            # "Ukrajinci prchají ... Desetitisíce lidí ale míří do Maďarska": people told again are the refugees
            c.pro_drop and {p.what, st.pending_what} <= {"refugees", "civilians"}))
        return st.pending_origin if pronoun or same else None
