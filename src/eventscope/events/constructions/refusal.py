"""Refusal: "X declined to meet Y": REJECT, towards whom the act was for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import stance
from eventscope.events.found import Found
from eventscope.events.syntax import governed_act
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def refusal(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "The vice-president declined to resign", "X declined to meet Y": a refusal (REJECT,
    towards whom the act was for); "declined to comment" refuses nothing political."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in events.lexicon.refusal_verbs:
        return None
    action = governed_act(verb)
    if action is None or action.pos_ != "VERB" or action.lemma_.lower() in events.lexicon.speech_verbs \
            or action.lemma_.lower() in events.lexicon.silent_acts:
        return None
    return stance(events, verb, verb, events.lexicon.verbs["reject"], action)
