"""The record of an event found in one sentence, and how actors are told apart."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventscope.lexicon import Trigger
from eventscope.records import Actor, Location

# Where whom an act is for or against usually stands ("hand over the suspects to Britain").
ANY_TARGET = Trigger(key="", type="", mode=None, targets=("to", "against", "on", "with"), requires=frozenset())

# Sectors that stand against their own state: never one party with it.
CHALLENGERS = frozenset({"REB", "OPP"})


@dataclass
class Found:
    """An event as found in one sentence, before dates and places are settled."""

    trigger: list[Token]
    spec: Trigger
    sources: list[Actor]
    targets: list[Actor]
    clause: Token                  # the verb whose clause holds the event
    speaker: list[Actor] = field(default_factory=list)  # who reports it, if reported
    negated: bool = False
    factuality: str = "asserted"
    mode: str | None = None
    place_target: Location | None = None  # "visit to Damascus": where the target is
    speaker_phrase: str | None = None      # how the text names the speaker ("a diplomatic source")
    absorbed: list[Token] = field(default_factory=list)  # objects its sense took in ("lodged a protest")
    # The text leaves the doer unsaid and the event stands without one ("X faced accusations
    # of ...": EVENTS.md codes it with a null source)
    doer_unsaid: bool = False

    @property
    def type(self) -> str:
        return self.spec.type


def same_party(a: Actor, b: Actor) -> bool:
    """One side of an interaction: the same actor, or a state and its unnamed organs
    ("Russia, its people and leadership"). Actors with no country are told apart by name
    and sector only ("the rebels and the government" are two)."""
    if a == b:
        return True
    if a.country is None or b.country is None or a.country != b.country:
        return False
    if (a.sector in CHALLENGERS) != (b.sector in CHALLENGERS):
        return False  # "the Colombian government and the FARC": two sides of one country
    return not (a.name and b.name and a.name != b.name)


def same_side(a: Actor, b: Actor) -> bool:
    """The same party or the same country: no one hosts or praises their own side."""
    return same_party(a, b) or a.country == b.country
