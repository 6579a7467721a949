"""Praise and acclaim: a speaker calling another party a partner, or saying its act
"has achieved significant results": SUPPORT."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import speakers_praise
from eventscope.events.found import Found
from eventscope.events.syntax import is_predicate_noun
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def praise(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """A speaker saying another party is a partner, a friend, an ally: SUPPORT for it."""
    spec = events.lexicon.praise_nouns.get(noun.lemma_.lower())
    if spec is None or noun.pos_ != "NOUN" or not is_predicate_noun(noun):
        return None
    return speakers_praise(events, noun, spec, events.event_agents_of(noun), quote_speaker)


def acclaim(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """A speaker saying another party's act "has achieved significant results": SUPPORT
    for whose act it is."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in events.lexicon.success_verbs or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in events.lexicon.success_objects for c in verb.children):
        return None
    doer = events.subject_of(verb)
    if doer is None:
        return None
    targets = events.actors_named(doer) if events.actors.names_actor(doer) else events.actors.owner_of(doer)
    return speakers_praise(events, verb, events.lexicon.verbs["praise"], targets, quote_speaker)
