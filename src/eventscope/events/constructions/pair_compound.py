"""Hyphenated parties: "US-China talks", "the Russia-Ukraine talks", "the Kyrgyz-Tajik
border agreement was signed", "held Iran-Iraq-Syria drills": the states the hyphen joins in
front of a meeting, cooperation or agreement noun that its clause tells, or in front of
what it is about ("talks on the Kyrgyz-Tajik border"), are its parties (the first-named
with each other, EVENTS.md "Several parties"), when the noun has no parties of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.actors import distinct
from eventscope.events.found import Found
from eventscope.events.syntax import prepositional_objects
from eventscope.records import UNORDERED_TYPES, Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

_MODIFIERS = ("compound", "amod", "nmod")
_TOLD = ("nsubj", "nsubjpass", "dobj")
_TOPIC_PREPOSITIONS = ("on", "over", "about", "regarding", "concerning")


def compound_parties(events: SentenceEvents, event: Found) -> None:
    """Give a joint-act noun the states hyphenated before it, where the parties found are
    at most one of them (the parse reads "US-China talks" as China's)."""
    noun = event.trigger[-1]
    # only what its clause tells ("US-China talks resumed", "held US-China talks"), not a
    # time it is told against ("ahead of the Russian-Turkish summit")
    if event.type not in UNORDERED_TYPES or noun.pos_ != "NOUN" or noun.dep_ not in _TOLD:
        return
    found = distinct([*event.sources, *event.targets])
    for modifier in (c for head in (noun, *_topics(noun)) for c in head.children
                     if c.dep_ in _MODIFIERS and c.i < head.i):
        members = _hyphenated(modifier)
        parties = distinct([a for member in members for a in _state(events, member)])
        if len(members) < 2 or len(parties) < len(members):
            continue
        if len(found) < 2 and all(a.country in {p.country for p in parties} for a in found):
            event.sources, event.targets = parties, []  # dyads: the first with each other
        return


def _topics(noun: Token) -> list[Token]:
    """What a joint act is about, where states hyphenated there are its parties ("talks on
    the Kyrgyz-Tajik border", "an accord on the delimitation of the India-Nepal border";
    helper "meetings")."""
    topics = prepositional_objects(noun, words=_TOPIC_PREPOSITIONS)
    return topics + [o for t in topics for o in prepositional_objects(t, words=("of",))]


def _hyphenated(word: Token) -> list[Token]:
    """The words a hyphen chain ends in `word` joins, first-written first."""
    before = next((c for c in word.children if c.dep_ in _MODIFIERS and c.i == word.i - 2
                   and word.doc[c.i + 1].tag_ == "HYPH"), None)
    return [*_hyphenated(before), word] if before is not None else [word]


def _state(events: SentenceEvents, word: Token) -> list[Actor]:
    """The party a word names: a state by the word itself first ("US", "Tajik"), for the
    entity may span the whole chain ("Kyrgyz-Tajik"), else the actor it names (Hamas)."""
    country = events.actors.countries.lookup(word.text)
    if country is not None:
        return [Actor(None, country.iso3, "GOV")]
    return events.actors.actors_of(word)[:1]  # "Israel-Hamas": Hamas itself
