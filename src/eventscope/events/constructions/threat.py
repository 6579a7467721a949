"""Conditional threat: a harmful act announced on a condition ("... unless ...") is a
THREATEN; it rewrites a candidate rather than finding one of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventscope.events.found import Found

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def as_threat(events: SentenceEvents, event: Found) -> None:
    """ "Nigeria will pull its troops out unless ...", "Iran would shell Iraqi towns if ...":
    a harmful act announced on a condition is a threat (THREATEN, its mode from the act)."""
    threats = events.lexicon.threats
    if event.factuality == "asserted" or event.type not in threats.acts:
        return
    if not events.is_conditional(event.clause):
        return
    if any(c.dep_ == "aux" and c.lower_ in threats.speculative for c in event.clause.children):
        return  # "Turkey could impose sanctions if ...": someone's guess, not Turkey's threat
    event.mode = threats.mode_for(event.type, event.mode)
    event.spec = events.lexicon.verbs["threaten"]
    event.factuality = "asserted"  # the threat is made now, whatever comes of it
