"""Frames: trigger words (movement, presence, incident) and what each one's stretch of text fills in."""
from __future__ import annotations

from .dates import find_date
from .frames_base import Partial, Trigger
from .cues import Phrases


class FrameRules:
    """Sentence methods that read one trigger into a Partial (mixed into Sentence)."""

    def _triggers(self) -> list[Trigger]:
        trigs: list[Trigger] = []
        for i, n, spec in self.cues.triggers.scan(self.lows):
            last = trigs[-1] if trigs else None
            if spec["kind"] != "none" and last and last.end == i and last.kind == spec["kind"]:
                last.n += n  # "remain based", "masih berada": one trigger
                last.flags = last.flags | spec["flags"]
                last.what = last.what or spec["what"]
            else:  # "none" entries ("based on") are kept until here so they block a shorter match
                trigs.append(Trigger(i, n, spec["kind"], spec["flags"], spec["what"]))
        return [t for t in trigs if t.kind != "none"]

    def _partial(self, g: list[Trigger], left: tuple[int, int], right: tuple[int, int]) -> Partial | None:
        c, lows = self.cues, self.lows
        trig = g[0]
        la, lb = left
        if self._any(c.negation, max(la, trig.i - 3), trig.i):
            return None  # "had not yet moved them": a negated report is no event
        if self._any(c.conditionals, max(la, trig.i - 2), trig.i):
            return None  # "jika diserang", "if attacked": a hypothetical
        ca = max([k + 1 for k in range(la, lb) if lows[k] in c.complementizers], default=la)
        # the stretch after a trigger ends where a new clause starts ("..., setelah pertemuan di X")
        rb = next((k for k in range(right[0], right[1]) if c.clause_linkers.match(lows, k)), right[1])
        p = Partial(trig.kind, trig, left, (ca, lb), (right[0], rb))
        p.after_link = self._any(c.after_words, la, lb)
        if not self._ends(p, g):
            return None
        if trig.kind == "incident":
            self._incident(p, g)
        else:
            self._cargo(p)
        dates = [p.right] if "nominal" in trig.flags else [p.right, p.clause] + ([(g[0].end, g[-1].i)] if len(g) > 1 else [])
        p.date = find_date(self.toks, lows, dates, c, self.doc)
        self._certainty(p)
        p.statement_source = self._statement_source(la, ca)
        return p

    def _ends(self, p: Partial, g: list[Trigger]) -> bool:
        """Fill the event's places from the roles; False when the trigger has none it can use."""
        c, trig = self.cues, p.trig
        (ca, lb), (ra, rb) = p.clause, p.right
        if p.kind == "movement":
            want = {"destination"} | ({"locative"} if "arrival" in trig.flags else set()) | (
                {"direct"} if "destination_direct" in trig.flags else set())
            dest = self._placed(range(ra, rb), want)
            if "departure" in trig.flags:  # "left Nagorno-Karabakh for Armenia"
                dest += [k for k in range(ra, rb) if self._usable(k) and k not in dest and self._after(k, c.departure_dest)]
            p.dest = self._contained(sorted(dest))
            want = {"origin"} | ({"direct"} if "origin_direct" in trig.flags else set())
            origins = self._contained([k for k in self._placed([*range(ca, lb), *range(ra, rb)], want) if k not in p.dest])
            p.origin = origins[0] if origins else None
            if not p.dest and "deploy" in trig.flags:
                located = self._contained(self._placed(range(ra, rb), {"locative"}))
                if located:  # "dikerahkan di X": deployed and now there
                    p.kind, p.places = "presence", located
            return bool(p.dest or p.places or p.origin is not None)
        if p.kind == "presence":
            p.places = (self._contained(self._placed(range(ra, rb), {"locative"})) or self._where(*p.left)
                        or self._contained(self._placed(range(ca, lb), {"locative"})))
        else:
            flags = frozenset().union(*(t.flags for t in g))
            # "menyerang Odesa" names the target; "serangan rudal Rusia" names the attacker
            want = {"locative", "target"} | ({"direct"} if "direct_object" in flags else set())
            p.places = self._contained(self._placed([*range(ca, lb), *range(g[0].end, g[-1].i), *range(ra, rb)], want))
        return bool(p.places)

    def _incident(self, p: Partial, g: list[Trigger]) -> None:
        c = self.cues
        ca, rb = p.clause[0], p.right[1]
        hits = {kind for k in range(ca, rb) for kind, phr in c.incident_kinds if phr.match(self.bases, k)}
        p.what = next((kind for kind, _ in c.incident_kinds if kind in hits), c.incident_default)
        q = self._casualties(ca, rb)
        if q:
            p.quantity, p.quantity_value = q
        for t in g:  # "Russian missile strike" / "serangan rudal Rusia": the attacker modifies an incident word
            k = self._np_place(t.i, -1, 2) if c.head_last else self._np_place(t.end - 1, 1, 2)
            if k is not None and k not in p.places and not self.roles.get(k):
                p.actor = self._name(k)
                break

    def _cargo(self, p: Partial) -> None:
        """What moved or is there, how many, and whose."""
        c, lows, trig = self.cues, self.lows, p.trig
        (la, lb), (ca, _), (ra, rb) = p.left, p.clause, p.right
        # the object before the first place phrase, else the subject noun phrase, else anything after
        first_prep = next((k for k in range(ra, rb) if self.toks[k].prep or self._usable(k)), rb)
        subj_a = max([k + 1 for k in range(ca, lb) if lows[k] == ","], default=ca)
        hit = self._what_in(ra, first_prep) or self._what_in(subj_a, lb) or self._what_in(ra, rb)
        if hit:
            p.what = hit[2]
            q = self._number_before(hit[0], 5, through_preps=False)
            if q:
                p.quantity, p.quantity_value = q
            gen = self._genitive(hit[0] + hit[1]) if c.genitive_origin else None
            if gen is not None and self._usable(gen) and self.roles.get(gen) is None:
                p.implicit_origin = gen
            mod = self._np_place(hit[0], -1, 4) if c.head_last else gen
            p.actor = self._name(mod)
            # "North Korean troops", "German soldiers": the nationality of what moved is where it came from,
            # as "pasukan Korea Utara" is above (a place inside a "from"/"to"/"in" phrase is not a nationality)
            if (c.demonym_origin and mod is not None and mod != gen and self.toks[mod].demonym
                    and self.roles.get(mod) in (None, "direct")):
                p.implicit_origin = mod
        if trig.what and p.what in (None, "civilians"):  # "warga ... mengungsi" are refugees
            if p.what is None:
                q = self._number_before(trig.i, 5, through_preps=False)  # "Hundreds of Palestinians fled"
                if q:
                    p.quantity, p.quantity_value = q
            p.what = trig.what
        if p.kind == "movement" or "deploy" in trig.flags:
            subj = self._subject(trig, la)
            if subj is not None:
                p.implicit_origin, p.actor = subj, self._name(subj)

    def _after(self, k: int, words: Phrases) -> bool:
        """Is place token k right after one of ``words`` (determiners aside)?"""
        q = k - 1
        while q >= 0 and self.lows[q] in self.cues.determiners:
            q -= 1
        for a in range(max(0, q - 2), q + 1):
            m = words.match(self.lows, a)
            if m and a + m[0] == q + 1:
                return True
        return False

    def _where(self, la: int, lb: int) -> list[int]:
        """"moved to Khabarovsk, where they are now based": the place before "where"."""
        for k in range(lb - 1, la - 1, -1):
            if self.cues.where_words.match(self.lows, k):
                q = k - 1 - (1 if k > 0 and self.lows[k - 1] == "," else 0)
                if q >= 0 and self._usable(q):
                    return [q]
        return []
