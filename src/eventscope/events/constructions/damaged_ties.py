"""Damaged ties: a speaker saying someone's act "has damaged relations", "undermines
trust", "inflicted serious damage on ties": ACCUSE (CAMEO 111, criticize or denounce) of
whoever did the act, or of the actor said to do the damage."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import speakers_own
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_side
from eventscope.events.syntax import clause_verb, first_child

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.records import Actor

KEYS = ("verbs", "harm_nouns", "harm_verbs", "ties_nouns", "effort_nouns")


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    data = section("damaged_ties", dict.fromkeys(KEYS, list))
    return {key: frozenset(data[key]) for key in KEYS}


def damaged_ties(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "He said Tokyo's move has damaged relations", "the incident undermines efforts to
    build trust", "the expulsion inflicted serious damage on relations": the speaker
    accuses the doer of the act (or the actor) that does the damage."""
    if verb.pos_ != "VERB" or not harms_ties(verb):
        return None
    subject = first_child(verb, "nsubj")
    if subject is None:
        return None
    targets = events.event_agents_of(subject) or events.actors_named(subject)
    if not targets:
        return None
    spec = events.lexicon.verbs["denounce"]
    event = speakers_own(events, Found([verb], spec, [], targets, clause_verb(verb), mode=spec.mode),
                         quote_speaker)
    if event is None or any(same_side(s, t) for s in event.sources for t in targets):
        return None
    return event


def harms_ties(verb: Token) -> bool:
    """ "damaged relations", "undermines efforts to build trust", "inflicted damage on ties"."""
    vocabulary = words()
    obj = first_child(verb, "dobj")
    if obj is None:
        return False
    lemma, verb_lemma = obj.lemma_.lower(), verb.lemma_.lower()
    if verb_lemma in vocabulary["verbs"]:
        return lemma in vocabulary["ties_nouns"] or (
            lemma in vocabulary["effort_nouns"] and names_ties(obj.subtree))
    if verb_lemma not in vocabulary["harm_verbs"] or lemma not in vocabulary["harm_nouns"]:
        return False
    # the parser hangs "on relations" on the noun or on the verb
    return any(p.dep_ == "prep" and p.lower_ in ("on", "to") and names_ties(p.subtree)
               for p in [*obj.children, *verb.children])


def names_ties(tokens) -> bool:
    return any(t.lemma_.lower() in words()["ties_nouns"] for t in tokens)
