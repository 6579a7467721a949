"""Accusation: a speaker calling what someone did a crime, an aggression, an
interference, or damning an act ("sinister bids"): ACCUSE."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import speakers_own
from eventscope.events.found import Found
from eventscope.events.syntax import clause_verb
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

# Determiners that point back to what the sentence just described ("such bids").
BACK_REFERENCES = frozenset({"such", "these", "those", "this", "that"})


def accusation(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """A speaker calling what someone did a crime, an aggression, an interference, or
    damning an act ("sinister bids"): ACCUSE. Only in reported speech, and for the nouns
    of accusation only when the noun says whose act it is."""
    if noun.pos_ != "NOUN":
        return None
    damned = noun.lemma_.lower() in events.lexicon.act_nouns and any(
        c.dep_ == "amod" and c.lemma_.lower() in events.lexicon.damning_adjectives for c in noun.children)
    spec = events.lexicon.damned_act if damned else events.lexicon.accusation_nouns.get(noun.lemma_.lower())
    if spec is None:
        return None
    targets = events.event_agents_of(noun)
    if not targets and not damned and naming(noun) is not None:
        return named_as(events, noun, spec)
    if not targets and damned and any(c.dep_ in ("det", "amod") and c.lower_ in BACK_REFERENCES
                                      for c in noun.children):
        targets = last_doer_before(events, noun)
    if not targets and not damned:
        return None
    return speakers_own(events, Found([noun], spec, [], targets, clause_verb(noun), mode=spec.mode),
                              quote_speaker)


def last_doer_before(events: SentenceEvents, word: Token) -> list[Actor]:
    """ "the countries backing terrorism try to ...; such bids would ...": the doer of the
    nearest act the sentence described before `word` (not its speaker)."""
    for token in reversed(word.sent[:word.i - word.sent.start]):
        if token.dep_ == "nsubj" and token.head.lemma_.lower() not in events.lexicon.speech_verbs:
            actors = events.actors_named(token)
            if actors:
                return actors
    return []


def naming(noun: Token) -> tuple[Token, Token] | None:
    """The naming verb and what it names when `noun` is the name given: "called the visit a
    provocation" (object predicate; the parser also gives a second object, or hangs the
    name on the object)."""
    if noun.dep_ in ("oprd", "dobj"):
        named = next((c for c in noun.head.children if c.dep_ == "dobj" and c.i < noun.i), None)
        return (noun.head, named) if named is not None else None
    if noun.dep_ == "npadvmod" and noun.head.dep_ == "dobj":
        return noun.head.head, noun.head
    return None


def named_as(events: SentenceEvents, noun: Token, spec) -> Found | None:
    """ "Beijing called the visit a provocation", "Kyiv branded the strike a war crime": the
    subject of the naming verb accuses whoever did what it names."""
    namer, named = naming(noun)
    targets = events.event_agents_of(named) or events.actors_named(named)
    sources = events.subject_actors(namer)
    if not targets or not sources:
        return None
    event = Found([noun], spec, sources, targets, namer, mode=spec.mode)
    events.set_modality(event)
    return event
