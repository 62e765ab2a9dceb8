"""What moved, how many and whose: the mover's noun, its count and its nationality or subject country."""
from __future__ import annotations

import bisect

from .frames_base import Trigger
from .tokens import PUNCT_BREAK


class MoverRules:
    """Sentence methods for the mover (mixed into Sentence)."""

    def _what_in(self, a: int, b: int) -> tuple[int, int, str] | None:
        found = []
        for m in self.what_hits[bisect.bisect_left(self.what_starts, a):]:
            if m[0] >= b:
                break
            if m[0] + m[1] <= b:
                found.append(m)
        if not found:
            return None
        cur = found[0]
        # "a convoy of 120 aid trucks", "kontainer berisi peluru": what is carried says more than the carrier
        for nxt in found[1:]:
            gap = range(cur[0] + cur[1], nxt[0])
            if (len(gap) <= 4 and any(self.cues.contents_words.match(self.lows, q) for q in gap)
                    and cur[2] in ("vehicles", "goods", "ships", "aircraft") and nxt[2] not in ("vehicles",)):
                cur = nxt
            break
        if self.cues.head_last:  # "aid trucks", "navy ships": the last noun of a run is the head
            for nxt in found[1:]:
                if nxt[0] != cur[0] + cur[1]:
                    break
                cur = nxt
        return cur

    def _number_before(self, i: int, limit: int, through_preps: bool) -> tuple[str, float | None] | None:
        """The count in front of token i ("1.500 pasukan operasi khusus", "six North Koreans were among those")."""
        k, steps = i - 1, 0
        while k >= 0 and steps < limit:
            t = self.toks[k]
            if t.is_num:
                return t.text, t.num
            if t.attr or t.low in PUNCT_BREAK or (t.prep and not through_preps):
                return None
            if t.trig and not (through_preps and self.cues.casualty.match(self.lows, k)):
                return None
            steps += 0 if t.rp is not None else 1
            k -= 1
        return None

    def _casualties(self, a: int, b: int) -> tuple[str, float | None] | None:
        for i, n, _ in self.cues.casualty.scan(self.lows, a, b):
            for k in range(i + n, min(len(self.toks), i + n + 4)):  # "killed at least 12", "menewaskan sedikitnya tujuh"
                t = self.toks[k]
                if t.is_num:
                    return t.text, t.num
                if t.low in PUNCT_BREAK or t.rp is not None:
                    break
            got = self._number_before(i, 8, through_preps=True)
            if got:
                return got
        return None

    def _genitive(self, end: int) -> int | None:
        """The place after a noun and its modifiers: "pasukan operasi khusus Korea Utara"."""
        last = min(end + 4, len(self.toks))
        k = end - 1
        while k + 1 < last:
            k += 1
            t = self.toks[k]
            if t.rp is None and self._place_head(k):  # "Kloter pertama jemaah haji Embarkasi Surabaya": a
                last = min(last + 1, len(self.toks))  # place's head noun does not use up the reach
            if t.rp is not None:
                # "kapal tanker berbendera Panama": the flag a ship flies is not where it came from
                return k if not t.possessive and self.lows[k - 1] not in self.cues.flag_words else None
            if not t.alpha or t.prep or t.trig or t.is_num or self.cues.walk_stops.match(self.lows, k):
                return None
        return None

    def _np_place(self, i: int, step: int, limit: int) -> int | None:
        """A place (or demonym) inside the noun phrase next to token i, for the actor."""
        k = i + step
        for _ in range(limit):
            if not (0 <= k < len(self.toks)):
                return None
            t = self.toks[k]
            if t.rp is not None:
                return None if t.attr else k
            if not t.alpha or t.prep or t.trig or t.attr:
                return None
            k += step
        return None

    def _subject(self, trig: Trigger, lo: int) -> int | None:
        """A place that is the subject of an active trigger ("North Korea has shipped", "Indonesia mengirim")."""
        c = self.cues
        if "nominal" in trig.flags or (c.passive_prefixes and self.lows[trig.i].startswith(c.passive_prefixes)):
            return None
        k, voice = trig.i - 1, None
        while k >= lo:
            t = self.toks[k]
            if t.rp is not None:
                # "kapal angkatan laut Rusia mengangkut": Rusia belongs to the ships, it is not the subject
                # ... nor is "in Eastern Europe" in "troops reinforcing allies in Eastern Europe arrived"
                ok = (self._usable(k) and not (k > 0 and self.toks[k - 1].prep) and k - 1 not in self.in_what
                      and self.roles.get(k) in (None, "direct"))
                return k if ok and voice != "passive" else None
            if t.low in c.weekdays and k - 1 >= lo and self.lows[k - 1] in c.weekday_cues:
                k -= 2  # "Poland on Thursday welcomed": a day between the subject and its verb
                continue
            if t.low not in c.subject_gap:
                return None
            if voice is None and k == trig.i - 1 and t.low in c.purpose:
                voice = "active"  # "is expected to send": the auxiliary before "to" is the other verb's
            if voice is None and t.low in c.any_aux:  # the auxiliary next to the verb decides
                voice = "passive" if t.low in c.passive_aux else "active"
                if voice == "passive" and c.progressive_suffixes and self.lows[trig.i].endswith(c.progressive_suffixes):
                    voice = "active"  # "Norway is sending jets": a progressive, its subject the sender
            k -= 1
        if voice != "passive" and self.lows[lo] in c.pronouns and lo > 0 and self.toks[lo - 1].attr:
            # "Germany said on Friday it had delivered ...": "it" is the one that said so, when a place
            q = lo - 1
            while q > 0 and self.toks[q - 1].attr:
                q -= 1
            if self.toks[q].rp is not None and not self.toks[q].demonym and not self.toks[q].possessive:
                return q
        return None
