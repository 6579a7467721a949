"""Hyphenated parties: "US-China talks", "the Russia-Ukraine talks", "the Kyrgyz-Tajik
border agreement was signed", "held Iran-Iraq-Syria drills": the states the hyphen joins in
front of a meeting, cooperation or agreement noun that its clause tells are its parties
(the first-named with each other, EVENTS.md "Several parties"), when the noun has no
parties of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.actors import distinct
from eventscope.events.found import Found
from eventscope.records import UNORDERED_TYPES, Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

_MODIFIERS = ("compound", "amod", "nmod")
_TOLD = ("nsubj", "nsubjpass", "dobj")


def compound_parties(events: SentenceEvents, event: Found) -> None:
    """Give a joint-act noun the states hyphenated before it, where the parties found are
    at most one of them (the parse reads "US-China talks" as China's)."""
    noun = event.trigger[-1]
    # only what its clause tells ("US-China talks resumed", "held US-China talks"), not a
    # time it is told against ("ahead of the Russian-Turkish summit")
    if event.type not in UNORDERED_TYPES or noun.pos_ != "NOUN" or noun.dep_ not in _TOLD:
        return
    found = distinct([*event.sources, *event.targets])
    for modifier in (c for c in noun.children if c.dep_ in _MODIFIERS and c.i < noun.i):
        members = _hyphenated(modifier)
        parties = distinct([a for member in members for a in _state(events, member)])
        if len(members) < 2 or len(parties) < len(members):
            continue
        if len(found) < 2 and all(a.country in {p.country for p in parties} for a in found):
            event.sources, event.targets = parties, []  # dyads: the first with each other
        return


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
