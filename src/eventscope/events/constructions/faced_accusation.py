"""Accusations undergone: "Museveni faced accusations of cracking down on dissent", "the
plan drew condemnation from Cairo": ACCUSE of the subject, by the "from" phrase (or no one
named: EVENTS.md codes the accusation with a null source)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import read_as
from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.syntax import has_child, prepositional_objects

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.records import Actor

KEYS = ("verbs", "nouns", "doer_prepositions", "role_nouns", "more_verbs", "under_verbs", "met_verbs",
        "more_nouns", "owner_nouns", "unsaid_accuser_verbs")


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    data = section("faced_accusation", dict.fromkeys(KEYS, list))
    found = {key: frozenset(data[key]) for key in KEYS}
    found["verbs"] |= found["more_verbs"]
    found["nouns"] |= found["more_nouns"]
    return found


def faced_accusation(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X faced mounting accusations at home of ...", "X drew criticism from Y": Y (or no
    one named) accuses X."""
    vocabulary = words()
    if noun.lemma_.lower() not in vocabulary["nouns"]:
        return None
    verb = _undergoing_verb(noun, vocabulary)
    if verb is None:
        return None
    targets = events.subject_actors(verb) or _owner_of_subject(events, verb)
    if not targets:
        return None
    # the parser may hang "from Y" on the noun's "of" object ("accusations of abuses from Y")
    heads = [noun, verb, *prepositional_objects(noun, words=("of",))]
    doer_prepositions = vocabulary["doer_prepositions"] | (
        {"of"} if noun.lemma_.lower() in vocabulary["owner_nouns"] else set())
    sources = [a for head in heads for prep in head.children
               if prep.dep_ == "prep" and prep.lower_ in doer_prepositions
               for obj in prep.children if obj.dep_ == "pobj" for a in events.actors_named(obj)
               if a not in targets]
    if noun.lemma_.lower() in vocabulary["more_nouns"] and not sources:
        return None  # "drew a backlash", "drew complaints": from no one named, no accusation
    event = read_as(events, events.lexicon.verbs["accuse"], noun, sources, targets, verb)
    # "X faced accusations of ...": told for itself with no accuser; "drew criticism" alone is not
    event.doer_unsaid = not sources and verb.lemma_.lower() in vocabulary["unsaid_accuser_verbs"]
    return event


def _undergoing_verb(noun: Token, vocabulary: dict[str, frozenset[str]]) -> Token | None:
    """The verb whose subject undergoes the accusation: "X faced accusations", or the copula
    of "X has been the subject (target) of repeated accusations"."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in vocabulary["verbs"]:
        return noun.head
    preposition, above = noun.head, noun.head.head
    if noun.dep_ == "pobj" and preposition.dep_ == "prep" and (
            (preposition.lower_ == "under" and above.lemma_.lower() in vocabulary["under_verbs"])
            or (preposition.lower_ == "with" and above.lemma_.lower() in vocabulary["met_verbs"]
                and has_child(above, "auxpass"))):
        return above  # "came under criticism from Y", "was met with condemnation from Y"
    of = noun.head
    role = of.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and role.lemma_.lower() in vocabulary["role_nouns"] \
            and role.dep_ == "attr" and role.head.lemma_ == "be":
        return role.head
    return None


def _owner_of_subject(events: SentenceEvents, verb: Token) -> list[Actor]:
    """ "Israel's decision drew condemnation", "the Russian move prompted ...": whose act the
    subject is."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN":
        return []
    return events.event_agents_of(subject) or events.actors.owner_of(subject)
