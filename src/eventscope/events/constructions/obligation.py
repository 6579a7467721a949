"""Obligation: "X said that Y must ...": X makes a demand of Y (REQUEST)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.found import Found
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def obligation(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X said that Y must ...": X makes a demand of Y (REQUEST)."""
    if verb.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "aux" and c.lower_ in events.lexicon.obligation_words for c in verb.children):
        return None
    targets = events.subject_actors(verb)
    spec = events.lexicon.verbs.get("demand")
    if not targets or spec is None:
        return None
    event = Found([verb], spec, [], targets, verb, mode=None)
    events.set_speaker(event, quote_speaker)
    if not event.speaker or event.speaker == targets:
        return None
    event.sources, event.speaker = event.speaker, []
    return event
