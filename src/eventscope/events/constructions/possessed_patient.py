"""The possessor of an event noun with a by-phrase is the one it is done to.

"Kosovo's recognition by Kenya", "the opposition leader's arrest by police", "Ukraine's
backing by the EU": with the doer given after "by", the possessor is not a second doer
but the target (the passive of the noun). Without a by-phrase ("Kenya's recognition of
Kosovo") the possessor stays the doer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventscope.events.found import Found

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def possessed_patient(events: SentenceEvents, event: Found) -> None:
    """Move the possessor's actors from the sources to the targets (module doc)."""
    noun = event.trigger[-1]
    if noun.pos_ != "NOUN" or event.targets:
        return
    owners = [c for c in noun.children if c.dep_ == "poss"]
    agents = [g for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
              for g in p.children if g.dep_ == "pobj"]
    if len(owners) != 1 or not agents:
        return
    patients = events.actors_named(owners[0])
    doers = [a for a in event.sources if a not in patients]
    if patients and doers:
        event.sources, event.targets = doers, patients
