"""The records a frame is read into: a trigger and the partial event around it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Trigger:
    i: int
    n: int
    kind: str
    flags: frozenset
    what: str | None

    @property
    def end(self) -> int:
        return self.i + self.n


@dataclass(eq=False)
class Partial:
    """One trigger (or run of incident words) and what the text around it says."""

    kind: str
    trig: Trigger
    left: tuple[int, int]  # from the previous trigger to this one
    clause: tuple[int, int]  # the part of `left` after the last "that"/"bahwa"
    right: tuple[int, int]  # from this trigger to the next one or the next clause
    dest: list[int] = field(default_factory=list)  # token indices of places
    origin: int | None = None  # "from X"
    chain_origin: int | None = None  # "after arriving in X, ... moved to Y"
    implicit_origin: int | None = None  # the subject country, or the genitive "pasukan Korea Utara"
    places: list[int] = field(default_factory=list)
    what: str | None = None
    quantity: str | None = None
    quantity_value: float | None = None
    actor: str | None = None
    date: str | None = None
    certainty: str = "stated"
    source: str | None = None
    denier: str | None = None
    statement_source: str | None = None
    after_link: bool = False
    before_link: bool = False  # "... before travelling to Mecca": this leg follows the one before
    implicit_origins: list[int] = field(default_factory=list)  # "Chinese and Turkish relief flights"
    origins: list[int] = field(default_factory=list)  # every "from" place: "from Nyala and Zalingei"
    path: list[int] = field(default_factory=list)  # "via Jeddah", "through the Bosporus"
    mover: str | None = None  # the words naming who or what moved
    blocked: bool = False  # the object is money, a message, the weather: nothing physical moved
    nationality: int | None = None  # the mover's own country ("warga Afghanistan"), before the subject's
    mover_ok: bool = False  # a mover the cue data does not list still counts (a number, a demonym, a self-moving verb)
    fronted: bool = False  # an arrival that names no place, placed by the phrase the sentence opens on
