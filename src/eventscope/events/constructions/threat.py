"""Conditional threat: a harmful act announced on a condition ("... unless ...") is a
THREATEN; it rewrites a candidate rather than finding one of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventscope.events.found import Found
from eventscope.events.syntax import governors

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def as_threat(events: SentenceEvents, event: Found) -> None:
    """ "Nigeria will pull its troops out unless ...", "Iran would shell Iraqi towns if ...":
    a harmful act announced on a condition is a threat (THREATEN, its mode from the act)."""
    threats = events.lexicon.threats
    if event.factuality == "asserted" or event.type not in threats.acts:
        return
    # "we will impose sanctions if ...", "we stand ready to impose sanctions if ...": the
    # condition may hang on the verb that governs the act
    clause = next((v for v in governors(event.trigger[-1]) if events.is_conditional(v)), None)
    if clause is None:
        return
    if any(c.dep_ == "aux" and c.lower_ in threats.speculative for c in clause.children):
        return  # "Turkey could impose sanctions if ...": someone's guess, not Turkey's threat
    if not event.targets:
        # "If Russia continues to interfere, we will impose sanctions": who must comply
        event.targets = [a for c in clause.children if c.dep_ == "advcl"
                         for a in events.subject_actors(c) if a not in event.sources]
    event.mode = threats.mode_for(event.type, event.mode)
    event.spec = events.lexicon.verbs["threaten"]
    event.factuality = "asserted"  # the threat is made now, whatever comes of it
