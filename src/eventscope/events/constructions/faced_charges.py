"""Coercion undergone: "the opposition leader faces charges of treason", "two journalists
will face trial", "he could face arrest if he returns": charges brought, trials and arrests
are COERCE (EVENTS.md "Coercion"; CAMEO 173) of the subject of "face" (or "risk"), by the
state (an unnamed organ of the subject's own country, else the state where it happens)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.constructions.unsaid_doer import STATE_WHERE_IT_HAPPENS
from eventscope.events.found import Found
from eventscope.events.syntax import prepositional_objects
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


@lru_cache(maxsize=1)
def words() -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """The verbs of undergoing, and each noun's lexicon verb entry and state organ."""
    data = section("faced_charges", {"verbs": list, "nouns": dict})
    nouns = {str(noun).lower(): (str(spec["entry"]), str(spec["organ"]))
             for noun, spec in data["nouns"].items()}
    return frozenset(data["verbs"]), nouns


def faced_charges(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X faces charges of sedition": COERCE of X by its own state's courts or police."""
    verbs, nouns = words()
    wanted = nouns.get(noun.lemma_.lower())
    verb = noun.head
    if wanted is None or noun.dep_ != "dobj" or verb.lemma_.lower() not in verbs:
        return None
    entry, organ = wanted
    spec = events.lexicon.verbs.get(entry)
    # "was put under investigation": the passive subject is the one investigated
    targets = events.subject_actors(verb) or [
        a for c in verb.children if c.dep_ == "nsubjpass" for a in events.argument_actors(c)]
    if spec is None or not targets:
        return None
    country = next((t.country for t in targets if t.country), None)
    sources = [Actor(None, country, organ, why=STATE_WHERE_IT_HAPPENS)]
    event = Found([noun], spec, sources, targets, verb, mode=spec.mode)
    events.set_modality(event)
    return event


@lru_cache(maxsize=1)
def under_words() -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    data = section("faced_charges", {"under_verbs": list, "under_nouns": dict})
    nouns = {str(noun).lower(): (str(spec["entry"]), str(spec["organ"]))
             for noun, spec in data["under_nouns"].items()}
    return frozenset(data["under_verbs"]), nouns


def under_investigation(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X is under investigation", "X was put under investigation in France" with no
    investigator named: the state where it happens (an "in" country, else X's own)
    investigates X (CAMEO 092)."""
    verbs, nouns = under_words()
    wanted = nouns.get(noun.lemma_.lower())
    preposition = noun.head
    verb = preposition.head
    if wanted is None or noun.dep_ != "pobj" or preposition.lower_ != "under" \
            or verb.lemma_.lower() not in verbs or any(c.dep_ == "agent" for c in verb.children):
        return None
    entry, organ = wanted
    spec = events.lexicon.verbs.get(entry)
    # "was put under investigation": the passive subject is the one investigated
    targets = events.subject_actors(verb) or [
        a for c in verb.children if c.dep_ == "nsubjpass" for a in events.argument_actors(c)]
    if spec is None or not targets:
        return None
    places = [p for head in (verb, noun) for p in prepositional_objects(head, words=("in",))]
    country = next(filter(None, map(events._country_named, places)), None) or next(
        (t.country for t in targets if t.country), None)
    sources = [Actor(None, country, organ, why=STATE_WHERE_IT_HAPPENS)]
    event = Found([noun], spec, sources, targets, verb, mode=spec.mode)
    events.set_modality(event)
    return event
