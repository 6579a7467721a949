"""Commitment: "Libya offered to hand over the suspects", "France is ready to contribute
troops": AGREE, towards whom the act is for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import stance
from eventscope.events.found import Found
from eventscope.events.syntax import governed_act
from eventscope.events.triggers import trigger_of
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def commitment(events: SentenceEvents, word: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "Libya offered to hand over the suspects to Britain", "France is ready to contribute
    troops": the subject commits itself to an act that is no event type of its own (AGREE,
    towards whom the act is for). Verbs that are AGREE triggers ("agreed to") take the
    usual path."""
    lemma = word.lemma_.lower()
    if word.pos_ == "VERB" and lemma in events.lexicon.commitment_verbs:
        subject_of = word
    elif word.pos_ == "ADJ" and word.dep_ == "acomp" and lemma in events.lexicon.commitment_adjectives:
        subject_of = word.head
    else:
        return None
    action = governed_act(word)
    if action is None:
        return None
    own_spec = trigger_of(events.lexicon, action)
    if own_spec is not None and events.verb_event(action, own_spec) is not None:
        return None  # "ready to work with Y" is coded as the (planned) cooperation itself
    return stance(events, word, subject_of, events.lexicon.verbs["agree"], action)
