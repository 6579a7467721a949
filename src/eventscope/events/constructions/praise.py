"""Praise and acclaim: a speaker calling another party a partner, saying its act "has
achieved significant results" or "was effective", or that it "played a key role in ending the
crisis": SUPPORT."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import speakers_praise
from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.syntax import has_child, is_predicate_noun
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


@lru_cache(maxsize=1)
def praise_words() -> dict[str, frozenset[str]]:
    keys = ("role_verbs", "role_nouns", "role_adjectives", "good_outcomes", "acts", "good_adjectives")
    data = section("praise", dict.fromkeys(keys, list))
    return {key: frozenset(data[key]) for key in keys}


def praised_role(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """A speaker saying another party "played a big role in solving the crisis" or "a key
    role in the talks": SUPPORT for it (CAMEO 051 praise)."""
    words = praise_words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words["role_verbs"]:
        return None
    role = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in words["role_nouns"]), None)
    if role is None or not any(c.dep_ == "amod" and c.lemma_.lower() in words["role_adjectives"]
                               for c in role.children):
        return None
    outcomes = [g for head in (verb, role) for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                for g in p.children if g.dep_ in ("pobj", "pcomp")]
    if not any(g.lemma_.lower() in words["good_outcomes"] for g in outcomes):
        return None
    return speakers_praise(events, verb, events.lexicon.verbs["praise"], events.subject_actors(verb), quote_speaker)


def praised_act(events: SentenceEvents, adjective: Token, quote_speaker: Actor | None) -> Found | None:
    """A speaker saying another party's act "was effective" or "has been constructive"
    ("France's mediation was effective and achieved results"): SUPPORT for whose act it is."""
    words = praise_words()
    if adjective.pos_ != "ADJ" or adjective.dep_ != "acomp" or adjective.lemma_.lower() not in words["good_adjectives"]:
        return None
    clause = adjective.head
    if has_child(clause, "neg"):
        return None
    act = next((c for c in clause.children if c.dep_ == "nsubj" and c.lemma_.lower() in words["acts"]), None)
    if act is None:
        return None
    return speakers_praise(events, adjective, events.lexicon.verbs["praise"], events.event_agents_of(act),
                           quote_speaker)
