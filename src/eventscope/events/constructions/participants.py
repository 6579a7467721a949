"""Participants: "the six-party talks involve China, the DPRK and Japan", "the drills
brought together Kazakhstan and Uzbekistan": the meeting, drill or agreement its subject
names, among the parties its object lists (CONSULT multilateral, COOPERATE, AGREE)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Trigger
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

_DATA = section("participants", {"verbs": list, "phrasal": dict, "types": list})


def _is_participation_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _DATA["verbs"]:
        return True
    particle = _DATA["phrasal"].get(lemma)
    return particle is not None and any(
        c.lower_ == particle and c.dep_ in ("prt", "advmod") for c in verb.children)


def _event_of(events: SentenceEvents, noun: Token) -> Trigger | None:
    """What the subject noun names: its sense ("drills" among several parties are joint
    drills, COOPERATE) or its trigger ("talks")."""
    match = events.senses.match(noun)
    if match is None:
        return trigger_of(events.lexicon, noun)
    if match.sense.joint:
        return replace(match.trigger, type=match.sense.joint, mode=None)
    return match.trigger


def participants(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """The event the subject noun names, done among the actors of the verb's object."""
    if verb.pos_ != "VERB" or not _is_participation_verb(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or obj is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    spec = _event_of(events, subject)
    if spec is None or spec.type not in _DATA["types"]:
        return None
    parties = events.actors_named(obj)
    if len(parties) < 2:
        return None  # one participant named: the other side is not in the clause
    event = Found([subject], spec, parties, [], verb)
    event.mode = "multilateral" if spec.type == "CONSULT" and len(parties) > 2 else spec.mode
    events.set_modality(event)
    events.set_speaker(event, quote_speaker)
    return event
