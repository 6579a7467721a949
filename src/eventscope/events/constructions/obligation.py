"""Obligation: "X said that Y must ...": X makes a demand of Y (REQUEST), or blames Y
("Y must bear responsibility for ...": ACCUSE)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.accusation import responsibility
from eventscope.events.found import Found
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def obligation(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X said that Y must ...": X makes a demand of Y (REQUEST)."""
    blame = verb.pos_ == "VERB" and responsibility(events, verb)
    if verb.pos_ not in ("VERB", "AUX") or not (blame or any(
            c.dep_ == "aux" and c.lower_ in events.lexicon.obligation_words for c in verb.children)):
        return None
    targets = events.subject_actors(verb)
    # "Y must bear responsibility for ...": the speaker blames Y
    spec = events.lexicon.verbs.get("blame" if blame else "demand")
    if not targets or spec is None:
        return None
    event = Found([verb], spec, [], targets, verb, mode=spec.mode if spec.type == "ACCUSE" else None)
    events.set_speaker(event, quote_speaker)
    if not event.speaker or event.speaker == targets:
        return None
    event.sources, event.speaker = event.speaker, []
    return event
