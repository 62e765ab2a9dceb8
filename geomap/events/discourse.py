"""State carried across the sentences of one document, and links between the movements of one sentence."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..distance import haversine_km
from .frames_base import Partial
from .roles import contains
from .tokens import PUNCT_BREAK


@dataclass
class State:
    """What carries from one sentence to the next: who was last quoted, what was last moving."""

    last_source: str | None = None
    last_what: str | None = None
    last_mover: str | None = None  # the words naming what the last movement moved ("30.000 ton gula")
    pending_origin: str | None = None  # place id a group left without a destination yet ("left the camps near Dadaab")
    pending_what: str | None = None
    pending_at: int = 0
    pending_all: tuple = ()  # (sentence, place ids): every place of that departure ("They come from Ghana, Egypt and Mali")
    open_dest: str | None = None  # place id a movement reached with its origin untold ("... landed in Aceh.")
    open_named: bool = False  # did the movement to open_dest name its own start ("from X")?
    open_chained: bool = False  # ... or start where the leg before it ended ("..., tiba di Port Sudan" before "ke Jeddah")?
    open_what: str | None = None
    open_at: int = 0
    last_dest: str | None = None  # where the last movement told went ("... to Vladivostok.")
    last_dest_at: int = 0
    last_dest_aim: bool = False  # was last_dest only the aim of a sending ("mengirimkan bantuan untuk korban di Gaza")?
    last_origin: str | None = None  # where the movement to last_dest started, if told
    # where the story's group was last said to be, when no movement took it there: stationed, held, queuing,
    # handed over ("... diserahkan kepada otoritas Thailand di Mae Sot. Mereka kemudian dibawa ke Bangkok")
    here: str | None = None
    here_what: str | None = None
    here_at: int = -1
    halted: bool = False  # was `here` where the last journey stopped short ("ditangkap di perairan X")?
    sentence: int = 0  # index of the sentence being read
    words: dict = field(default_factory=dict)  # sentence index -> the lower-case words of that sentence
    # (sentence, origin, destination) of movements whose origin no words of their sentence told: the movers'
    # country, the sender's, an origin carried from before (told_origins)
    guessed: set = field(default_factory=set)
    # (sentence, what, mover) of a trip from a number of places not yet named ("diberangkatkan dari delapan
    # embarkasi"), for a list of them opening the next sentence (Sentence._listed_starts)
    counted_from: tuple | None = None
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
        later_end = self._later_clause_end()
        later: list[Partial] = []  # the movements of a fronted "before" clause, told first, happening last
        for p in partials:
            if later_end is not None and prev is not None and prev.trig.i < later_end < p.trig.i:
                later = [q for q in out if q.kind == "movement" and q.trig.i < later_end]
                prev = None  # "Sebelum diberangkatkan ke Jeddah ..., mereka tiba di Port Sudan": no leg from Jeddah
            if (p.kind == "movement" and prev is not None and prev.dest and p.dest and p.origin is None
                    and prev.origin is not None and self._joined(prev, p)
                    and {self.toks[k].rp.place.id for k in p.dest} <= {self.toks[k].rp.place.id for k in prev.dest}):
                # "wurden in Beirut evakuiert und nach Zypern gebracht": the second verb tells the journey the
                # first one did, from the same start; it is no second trip from the group's nationality
                prev.what = pick(prev.what, p.what)
                prev.mover = pick(prev.mover, p.mover)
                continue
            if p.kind == "movement" and prev is not None:
                if not prev.dest and prev.origin is not None and p.dest and p.origin is None \
                        and prev.origin not in p.dest:  # "partido de Yibuti, hasta donde trasladó": two journeys
                    # "withdrawn from Niger, moving them to Chad": one journey (from each of a list's places)
                    p.origin, p.origins = prev.origin, prev.origins
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
                elif prev.dest and p.dest and p.origin is None and "arrival" not in prev.trig.flags and self._any(
                        self.cues.until_words, prev.dest[-1] + 1, p.trig.i):
                    pass  # "mengarungi laut lepas menuju Malaysia hingga kemudian terdampar di Aceh": the trip that
                    # ended up elsewhere never reached where it headed, so it does not leave from there
                elif prev.dest and p.dest and p.origin is None and self._any(self.cues.there_words, *p.left):
                    # "llegó a Yibuti, desde donde partió hacia Madrid": from the place just reached
                    p.chain_origin = prev.dest[-1]
                elif prev.dest and p.dest and p.origin is None and self._earlier(p, prev):
                    pass  # "who reached Necoclí ... said they had flown to Brazil": that leg came before, from elsewhere
                elif prev.dest and p.dest and p.origin is None and self._purpose_leg(prev, p):
                    # "menerbangkan obat dari Jakarta ke Kairo untuk disalurkan ke Gaza": the trip the purpose
                    # tells starts where the first one ended
                    p.chain_origin = prev.dest[-1]
                elif prev.dest and p.dest and p.origin is None and self._relative(prev):
                    # "pengungsi yang terdampar di Aceh Timur akan dipindahkan ke Lhokseumawe": from where they landed
                    p.chain_origin = prev.dest[-1]
                elif prev.dest and p.dest and p.origin is None and (
                        prev.after_link or p.before_link or "onward" in p.trig.flags
                        # "dievakuasi ke Mesir ..., tapi akan dikirim kembali ke Gaza": going back from there
                        or ("return" in p.trig.flags and p.what in (None, prev.what)) or (
                            ("arrival" in prev.trig.flags or "arrival" in p.trig.flags
                             or (p.certainty == "planned" and prev.certainty != "planned"))
                            and self._coordinated(prev, p)) or self._next_leg(prev, p)):
                    # "arrived in Marrakech and headed into the Atlas Mountains": the next leg starts there
                    # "after arriving in Vladivostok, ... were moved to Khabarovsk"
                    p.chain_origin = prev.dest[-1]
                    if any(self.toks[k].rp is not None for k in range(*p.left)) and self._coordinated(prev, p):
                        p.mover = pick(prev.mover, p.mover)  # "dari Kiev ke Moldova dan ... menuju Rumania": the
                        # words before the second verb are the first leg's, its mover is the first one's
            if p.what is None:
                if last_what is not None:  # coordinated predicates share their subject, and its nationality
                    p.what = last_what
                    if p.implicit_origin is None and last_mover is not None:
                        p.implicit_origin, p.implicit_origins = last_mover.implicit_origin, last_mover.implicit_origins
                        p.mover = pick(p.mover, last_mover.mover)
                elif any(self.lows[k] in self.cues.pronouns for k in range(p.left[0], p.right[1])):
                    p.what = self.state.last_what
            out.append(p)
            if p.what is not None and p.kind != "incident":  # an attack is no group that moves on
                last_what = p.what
                last_mover = p
            if p.kind == "movement":
                prev = p
        main = [q for q in out if q.kind == "movement" and q.dest and later_end is not None and q.trig.i > later_end]
        for q in later:
            if main and q.dest and q.origin is None and q.chain_origin is None and not q.origins and not any(
                    self.toks[k].rp.place.id == self.toks[main[-1].dest[-1]].rp.place.id for k in q.dest):
                q.chain_origin = main[-1].dest[-1]  # ... it leaves from Port Sudan for Jeddah
        # a departure whose place another movement of this sentence already starts from is that movement
        used = {o for p in out if p.kind == "movement" and p.dest for o in (p.origins or [p.origin]) if o is not None}
        return [p for p in out if id(p) not in dropped
                and not (p.kind == "movement" and not p.dest and p.origins and set(p.origins) <= used)]

    def _note_whereabouts(self, partials: list[Partial], events) -> None:
        """Where the group this sentence names now is, for the next sentence that moves it on: a place a
        presence puts it in, or a place after "in"/"at" later than its noun or pronoun, in a sentence that
        tells no movement (a movement's destination is ``last_dest``). A place inside an attribution, a
        place named only to say where another lies ("Merak, Banten") and a place before the group is
        named ("In Paris, ministers ...") are no whereabouts."""
        st, toks = self.state, self.toks
        halt = self._halted_at(partials)
        if halt is not None:
            # the journey never reached where it was bound: its movers are where it stopped
            st.here, st.here_what, st.here_at = toks[halt[0]].rp.place.id, halt[1], st.sentence
            st.halted, st.last_dest = True, None
            return
        if any(e.kind == "movement" and e.destination for e in events):
            return
        here = what = None
        for p in partials:
            if p.kind == "presence" and p.places and p.what is not None:
                here, what = toks[p.places[0]].rp.place.id, p.what
        # a place after "in" in a sentence that tells a movement is rarely where its movers are ("sent aid for
        # the victims in Gaza", "the evacuation of nationals ... and embassy staff in Khartoum")
        if here is None and not any(t.kind == "movement" for t in getattr(self, "trigs", ())):
            hits = getattr(self, "what_hits", ())
            if not hits:  # "she lives in X", "they meet in X": only a group named by its noun is placed
                return
            first = hits[0][0]
            for k in range(first + 1, len(toks)):
                if here is not None and self.cues.clause_linkers.match(self.lows, k):
                    break  # "stranded on Samos after a fire destroyed the camp near Vathy": the group is on Samos
                # only a place the "in" itself governs: "di Merak, Banten" places the group at Merak, and
                # Banten, after the comma, only says where Merak is
                # ... or "on" after a held word: "held on Christmas Island", "stranded on Lesbos" (``held_on``)
                held_on = k > 1 and self.lows[k - 1] in self.cues.held_on and any(
                    self.lows[q] in self.cues.held_words for q in range(first + 1, k - 1))
                if not (self._usable(k) and k > 0 and (toks[k - 1].prep == "locative" or held_on)):
                    continue
                here, what = toks[k].rp.place.id, hits[0][2]
        if here is not None:
            st.here, st.here_what, st.here_at, st.halted = here, what, st.sentence, False

    def _halted_at(self, partials: list[Partial]) -> tuple[int, str | None] | None:
        """(place token, what moved) where a movement told in this sentence stopped short: a ``halted_words``
        word after its verb, then within a few words a place "in"/"at" ("mengangkut timah dari Bangka ke
        Malaysia ditangkap Bakamla di perairan Kepulauan Riau")."""
        words = self.cues.halted_words
        verbs = [t for t in getattr(self, "trigs", ()) if t.kind == "movement" and "nominal" not in t.flags]
        if not words or not verbs:
            return None
        moves = [p for p in partials if p.kind == "movement"]
        hits = getattr(self, "what_hits", ())
        q = self._halt_place(verbs[0].end)
        if q is None:
            return None
        # what the stopped movement moved; with no place of its own it made no frame
        what = next((p.what for p in moves if p.trig.i < q), hits[0][2] if hits else None)
        return q, what

    def _carried_origins(self) -> list[tuple[str, str]]:
        """(how, place id) of the origins the story carries into this sentence, read before it changes the
        state: where its group was last said to be, the place it last left, the last destination reached.
        The movement scorer lists them as candidates (kind "carried"), whoever the sentence's mover is."""
        st, out = self.state, []
        if st.here is not None and 0 < st.sentence - st.here_at <= 2:
            out.append(("here", st.here))
        if st.pending_origin is not None and 0 < st.sentence - st.pending_at <= 3:
            out.append(("left", st.pending_origin))
        if st.last_dest is not None and 0 < st.sentence - st.last_dest_at <= 2:
            out.append(("reached", st.last_dest))
        return out

    def _purpose_leg(self, prev: Partial, p: Partial) -> bool:
        """Is movement p's verb the purpose of movement prev, straight after prev's last destination ("to
        Cairo to be distributed to Gaza")? Only a verb that has the cargo carried on: a purpose of going
        oneself ("de la Colombie au Panama afin de se rendre aux Etats-Unis") is the first trip's own goal."""
        if p.trig.flags & {"nominal", "self"} or not prev.trig.i < prev.dest[-1] < p.trig.i:
            return False
        k = next((q for q in range(prev.dest[-1] + 1, p.trig.i) if self.cues.purpose.match(self.lows, q)), None)
        return k is not None and not any(self.toks[q].rp is not None or self.toks[q].trig
                                         for q in range(k + 1, p.trig.i))

    def _same_noun(self, p: Partial) -> bool:
        """Does movement p name its movers by a word the last movement's movers were named by ("migrants" after
        "2,000 migrants")? "40 relawan" after "300 WNI" are another group of the same kind."""
        last = set((self.state.last_mover or "").lower().split())
        return bool(p.mover) and any(w.isalpha() and w in last for w in p.mover.lower().split())

    def _names_last_cargo(self, p: Partial) -> bool:
        """Does movement p name its load by a word for any load (the language's ``cargo_words``: "The cargo will
        be trucked to Gaza") after a movement of goods, aid or arms (``cargo_kinds``)? Then it is that load."""
        c = self.cues
        return bool(p.mover) and self.state.last_what in c.cargo_kinds and any(
            w in c.cargo_words for w in p.mover.lower().split())

    def _earlier(self, p: Partial, prev: Partial) -> bool:
        """Is movement p told before the story's time ("had flown") while prev is not?"""
        def told_earlier(x: Partial) -> bool:
            return any(self.lows[k] in self.cues.earlier_aux for k in range(max(x.left[0], x.trig.i - 3), x.trig.i))
        return told_earlier(p) and not told_earlier(prev)

    def _relative(self, prev: Partial) -> bool:
        """Is the movement told inside a relative clause on the next one's mover ("who reached", "yang terdampar")?"""
        return any(self.lows[k] in self.cues.relative_words for k in range(max(0, prev.trig.i - 2), prev.trig.i))

    def _joined(self, prev: Partial, p: Partial) -> bool:
        """Are two verbs joined by the language's "and" (its ``coordination`` words) with nothing between
        them that names a new subject or place of its own?"""
        between = range(prev.trig.end, p.trig.i)
        words = self.cues.coord_words - {","}
        return any(self.lows[k] in words for k in between) and not any(
            self.toks[k].rp is not None and self.roles.get(k) is None for k in between)

    def _later_clause_end(self) -> int | None:
        """The comma closing a sentence-opening clause that happens after the main one ("Sebelum ..., ")."""
        c = self.cues
        if not c.later_clause:
            return None
        first = next((k for k in range(len(self.toks)) if self.toks[k].alpha), None)
        if first is None or first > 2 or self.lows[first] not in c.later_clause:
            return None
        return next((k for k in range(first + 1, len(self.toks)) if self.lows[k] == ","), None)

    def _next_leg(self, prev: Partial, p: Partial) -> bool:
        """"flew to Paris on Monday and drove to Lyon", "walk to Cúcuta via paths and walk to Bucaramanga": two
        verbs of going, the second right after the coordination word with no subject of its own, are two legs of
        one trip (not "some fled to Chad and others went to Egypt")."""
        c = self.cues
        if not ({"self"} <= prev.trig.flags and {"self"} <= p.trig.flags) or "nominal" in prev.trig.flags | p.trig.flags:
            return False
        if not self._coordinated(prev, p) or any(self.lows[k] in c.unreached_words for k in range(prev.trig.i, prev.trig.end)):
            return False  # "approached Ukraine and are heading to Kursk": no leg starts where none arrived
        if not all(self.roles.get(k) in ("destination", "direct") for k in p.dest):
            return False  # "fly to Managua and travel north by bus through Honduras and Guatemala": a way, no leg's end
        k = p.trig.i - 1
        while k >= prev.trig.end and (self.lows[k] in c.subject_gap or self.lows[k] in c.any_aux):
            k -= 1
        # "and", not "or": "have flown to Dubai, or crossed into Kazakhstan" are two groups' trips
        return k >= prev.trig.end and self.lows[k] in c.verb_and

    def _coordinated(self, prev: Partial, p: Partial) -> bool:
        """Are two predicates joined by the language's "and"/"then" (``verb_and``, ``verb_then``) with no new
        subject between them?"""
        between = range(prev.trig.end, p.trig.i)
        c = self.cues
        return any(self.lows[k] in c.verb_and or self.lows[k] in c.verb_then for k in between) and not any(
            self.toks[k].rp is not None and self.roles.get(k) is None for k in between)

    def _earlier_origin(self, p: Partial) -> str | None:
        """"... left the camps near Dadaab. They reached Mombasa on Sunday.": the same group's origin from before.

        Only when this sentence names none, the mover is a pronoun or the same kind, and the last
        movement told was a departure still without its destination.
        """
        st, c = self.state, self.cues
        if p.kind != "movement":
            return None
        pronoun = any(self.lows[k] in c.pronouns or self.lows[k] in c.partitives for k in range(*self._chained_left(p)))
        # "A Saudi navy ship then took them to Jeddah": the group told before is the verb's object
        pronoun = pronoun or (p.trig.end < len(self.toks) and self.lows[p.trig.end] in c.pronouns)
        # "Nejčastěji směřují do Polska": a language that drops the subject pronoun says "they" by the verb alone
        i = p.trig.i  # ... a verb, not a noun ("financiar el viaje a Cracovia" has no subject to drop)
        verb = "nominal" not in p.trig.flags and not (
            i > 0 and (self.lows[i - 1] in c.determiners or self.toks[i - 1].prep))
        pronoun = pronoun or ((c.pro_drop or (c.dropped_subject and verb)) and p.what is None and not any(
            self.toks[k].rp is not None for k in range(*p.left)))
        if p.fronted and not pronoun:
            return None  # "In Poland, troops began arriving": a group named anew, not the last one's, nor from where it was
        # "Kemudian, kapal kedua mendarat di Pasi Beurandeh": a group counted as the next one is not the one that
        # reached the last place
        other = any(self.lows[k] in c.ordinals for k in range(*p.left))
        crossed = self._crossed_route(p)
        if crossed is not None:
            return crossed
        narrowed = self._narrowed_trip(p, pronoun)
        if narrowed is not None:
            return narrowed
        there = any(c.there_words.match(self.lows, k) for k in range(len(self.toks)))
        if there and st.last_dest is not None and st.last_dest_at < st.sentence and st.sentence - st.last_dest_at <= 2:
            return st.last_dest  # "From there, convoys carry supplies to Derna", "Dari sana mereka diterbangkan"
        # "The troops were then moved to bases in Ussuriysk": the next leg starts where the last one ended
        # ... and "Bantuan kemudian akan dibawa ke Gaza" after the aid's plane left Halim and landed in El Arish:
        # the group that left, named again, goes on from where it was last taken
        # "... reached Lampedusa on Wednesday. Authorities began transferring migrants to Porto Empedocle": a
        # group of the same kind taken on (not moving by itself) in the very next sentence leaves from there
        # (a load does not move by itself: "The cargo will be moved by rail", "The shipment will be driven")
        # ... nor is a load of the kind just moved another one ("The aid arrived in Port Sudan. The supplies will be
        # trucked to Khartoum"), as a group of people of the same kind may be
        cargo = self._names_last_cargo(p) or (p.what is not None and p.what == st.last_what
                                              and p.what in c.cargo_kinds)
        carried = (not p.trig.flags & ({"nominal", "receive"} if cargo else {"self", "nominal", "receive"})
                   and st.sentence - st.last_dest_at == 1
                   and p.actor is None  # "Jordan delivered aid to Amman": a sender named is a new journey
                   # "ordered 3,000 troops to Poland and Romania" after troops reached Poland: a new order
                   and not any(self._usable(k) and self.toks[k].rp.place.id == st.last_dest for k in p.dest)
                   # ... "Others were bused to Kaga": another part of the group went from where all started
                   and not any(self.lows[k] in c.partitives for k in range(*p.left))
                   and (pronoun or (p.what is not None and p.what == st.last_what and self._same_noun(p)) or cargo))
        if (st.last_dest is not None and st.last_dest_at < st.sentence and st.sentence - st.last_dest_at <= 2
                and not other and (self._any(c.before_words, *p.left)
                                   or self._any(c.before_words, p.trig.end, p.trig.end + 2)
                                   or "onward" in p.trig.flags or carried)
                and (pronoun or p.what is None or p.what == st.last_what or self._names_last_cargo(p)
                     or (p.what == st.pending_what and st.pending_at <= st.last_dest_at))):
            return st.last_dest
        # "... tiba di Pelabuhan Tanjung Priok. Beras itu akan didistribusikan ke Jawa Barat": what just
        # arrived, named again with a demonstrative, leaves from where it arrived
        if (c.back_pointers and not other and st.last_dest is not None and st.last_dest_at < st.sentence
                and not st.last_dest_aim  # "Pengiriman bantuan tersebut" has not reached Gaza, the aim of its sending
                and st.sentence - st.last_dest_at <= 1 and (p.what is None or p.what == st.last_what)
                and any(self._back_pointer(k) and not self._usable(k - 1) for k in range(*p.left))):
            return st.last_dest
        # "odjel za prací do Ameriky. ... Vrátil se do Chersonu": going back starts where the story last took
        # the same (unnamed) mover, when that is not where they go back to
        if (p.trig.flags & {"back", "return"} and not other and st.last_dest is not None
                and st.last_dest_at < st.sentence
                and st.sentence - st.last_dest_at <= 3 and (pronoun or p.what is None or p.what == st.last_what)
                and not any(self._usable(k) and self.toks[k].rp.place.id == st.last_dest for k in p.dest)):
            return st.last_dest
        pending = None
        if st.pending_origin is not None and st.sentence - st.pending_at <= 3:
            same = p.what is not None and (p.what == st.pending_what or (
                # "Ukrajinci prchají ... Desetitisíce lidí ale míří do Maďarska": people told again are the refugees
                c.pro_drop and {p.what, st.pending_what} <= {"refugees", "civilians"}))
            # "Pesawat kargo ... lepas landas dari Halim. Pesawat itu ... mendarat di El Arish": the noun named
            # again with a demonstrative is the group that left
            pointer = any(self._back_pointer(k) for k in range(*self._chained_left(p))) or self._named_again(p, st.pending_at)
            pending = st.pending_origin if pronoun or same or pointer else None
        here = self._whereabouts(p, pronoun)
        if here is not None and (pending is None or st.here_at > st.pending_at
                                 or (st.halted and st.here_at == st.pending_at)):
            return here
        return pending

    def _narrowed_trip(self, p: Partial, pronoun: bool) -> str | None:
        """"A tanker left Novorossiysk ... bound for India. The vessel is expected to reach Jamnagar": an arrival
        told in the next sentence, by a pronoun or a mover named with the definite article, at a place inside
        where the last journey (with its start told) went, is that journey told to its end: from its start."""
        st, c = self.state, self.cues
        if ("arrival" not in p.trig.flags or not p.dest or not self._usable(p.dest[0])
                or st.last_origin is None or st.last_dest is None or st.sentence - st.last_dest_at != 1):
            return None
        if any(self.lows[k] in c.ordinals or self.lows[k] in c.partitives for k in range(*p.left)):
            return None  # "A second ship reached Jamnagar", "Others reached Mumbai": another group
        definite = any(self.lows[k - 1] in c.definite_back and self.lows[k] in c.what.words
                       for k in range(max(1, p.left[0]), p.trig.i))
        reached, to = st.places.get(st.last_dest), self.toks[p.dest[0]].rp.place
        if not (pronoun or definite) or reached is None or to.id == reached.id or not contains(reached, to):
            return None
        return st.last_origin

    def _crossed_route(self, p: Partial) -> str | None:
        """"Kapal feri bolak-balik antara Merak dan Bakauheni. ... 40.000 penumpang menyeberang ke Sumatera": a
        crossing with no start told, to the place the route just told reached (or one holding it), is a
        crossing of that route, from its start."""
        st = self.state
        if ("crossing" not in p.trig.flags or not p.dest or st.last_origin is None or st.last_dest is None
                or not 0 < st.sentence - st.last_dest_at <= 2 or not self._usable(p.dest[0])):
            return None
        to, reached, start = self.toks[p.dest[0]].rp.place, st.places.get(st.last_dest), st.places.get(st.last_origin)
        if reached is None or start is None:
            return None
        # a region holding the route's end, on its side of the crossing: Sumatra for Bakauheni, not Lombok
        if to.id == reached.id or (contains(to, reached) and haversine_km(to.lat, to.lon, reached.lat, reached.lon)
                                   < haversine_km(to.lat, to.lon, start.lat, start.lon)):
            return start.id
        return None

    def _chained_left(self, p: Partial) -> tuple[int, int]:
        """p's left span, reaching back past a movement verb it follows straight on: in "Sebagian lainnya
        menumpang truk menuju Makassar" the two verbs share the subject named before the first one."""
        a = p.left[0]
        first = next((t for t in getattr(self, "trigs", ()) if t.kind == "movement" and t.end == a), None)
        # only a verb going on in the same clause ("menumpang truk menuju", "dievakuasi pada 26 Februari pukul
        # 06:00 lalu tiba", "transit di Abu Dhabi sebelum mendarat"), not the next clause ("returned to the area after
        # the war, but the tribe had been forced to")
        if first is None or any(self.lows[k] in (",", ";", ".", "(", ")") for k in range(a, p.trig.i)):
            return p.left
        b = first.i
        while b > 0 and self.lows[b - 1] not in PUNCT_BREAK and not any(t.end == b for t in self.trigs):
            b -= 1
        return b, p.left[1]

    def _named_again(self, p: Partial, at: int) -> bool:
        """Does movement p name its mover (or its trip, "The convoy to Chad") by a noun the sentence ``at`` used,
        after the language's definite article (``definite_back``: "A first convoy of French troops left Niamey
        ... The convoy to Chad")? The same group, told again."""
        c, words = self.cues, self.state.words.get(at, ())
        if not c.definite_back or at >= self.state.sentence:
            return False
        return any(self.lows[k - 1] in c.definite_back and self.lows[k] in words
                   and (self.lows[k] in c.what.words or self.lows[k] in c.triggers.words)
                   for k in range(max(1, p.left[0]), p.trig.end))

    def _back_pointer(self, k: int) -> bool:
        """Is token k a demonstrative naming again a mover noun just before it ("Pesawat itu", "kapal tanker
        itu", "569 orang ini")? One on another noun points elsewhere: in "produksi kilang itu" the refinery is
        where the cargo comes from, not the cargo that just arrived."""
        if k < 1 or self.lows[k] not in self.cues.back_pointers or not self.toks[k - 1].alpha:
            return False
        hits = getattr(self, "in_what", ())
        if k - 1 in hits or (k > 1 and k - 2 in hits and self.toks[k - 1].text[:1].islower()
                             and self.toks[k - 1].rp is None):
            return True
        # ... or the noun the last movement's mover was named by ("30.000 ton gula ... Gula itu")
        moved = self.state.last_mover
        noun = self.lows[k - 1].split("-")[0]  # "sapi-sapi itu" after "2.000 ekor sapi": a plural by doubling
        return bool(moved) and noun in moved.lower().split()

    def _whereabouts(self, p: Partial, pronoun: bool) -> str | None:
        """"... diserahkan di Mae Sot. Mereka kemudian dibawa ke Bangkok": the group the story last put
        somewhere, moved on by the next sentences (named again, by a pronoun, or told "then"), sets out
        from there, unless a movement told since took someone elsewhere."""
        st, c = self.state, self.cues
        if st.here is None or not 0 < st.sentence - st.here_at <= 2 or (
                st.last_dest is not None and st.last_dest_at >= st.here_at):
            return None
        then = self._any(c.before_words, *p.left) or self._any(c.before_words, p.trig.end, p.trig.end + 2)
        pointer = any(self._back_pointer(k) for k in range(*p.left))
        same = p.what is not None and p.what == st.here_what
        # "They", "then" go on with the story's mover: the group placed must be of its kind ("300 soldiers left
        # Gao. Officials in Bamako said ... They reached Niamey": the officials' city is not the soldiers')
        story = p.what is None and st.here_what is not None and st.last_what in (None, st.here_what)
        # "... terbalik di perairan Aceh Barat. Tim SAR mengevakuasi 75 penyintas ke Meulaboh": right after a
        # journey stopped short, whoever is taken on (its survivors, its cargo) leaves from where it stopped
        halted = st.halted and st.sentence - st.here_at == 1
        if not (same or halted or ((pronoun or then or pointer) and story)):
            return None
        if any(self._usable(k) and self.toks[k].rp.place.id == st.here for k in p.dest):
            return None
        return st.here


def told_origins(events: list, guessed: set, places: dict) -> list:
    """``events`` ((sentence, events) pairs) with a guessed origin dropped where the story tells where a trip
    to the same place started: "1.897 jemaah haji Indonesia ... diberangkatkan ke Makkah" under "... berangkat
    dari hotel di Madinah" went from Madinah, not from the pilgrims' country; "Pengiriman bantuan tersebut
    ... menuju Yordania" after "Indonesia telah mengirimkan" and before "... dari Abu Dhabi ke Yordania" is
    that last leg told again. The origin-less report then joins the told one."""
    told: dict = {}
    for i, evs in events:
        for e in evs:
            if e.kind == "movement" and e.destination and e.origin is not None and (i, e.origin, e.destination) not in guessed:
                told.setdefault(e.destination, set()).add(e.origin)
    out = []
    for i, evs in events:
        keep = []
        for e in evs:
            others = told.get(e.destination, set()) - {e.origin}
            g = places.get(e.origin)
            # ... from another country: a start in the guessed origin's own country may be another group's
            # ("Mereka dievakuasi ... lalu tiba di Bucharest" from Odessa, others from Kyiv)
            if (e.kind == "movement" and (i, e.origin, e.destination) in guessed and others and g is not None
                    and all(o in places and places[o].country_code != g.country_code for o in others)):
                e = replace(e, origin=None)
            keep.append(e)
        out.append((i, keep))
    return out
