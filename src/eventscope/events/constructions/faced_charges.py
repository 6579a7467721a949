"""Coercion undergone: "the opposition leader faces charges of treason", "two journalists
will face trial", "he could face arrest if he returns": charges brought, trials and arrests
are COERCE (EVENTS.md "Coercion"; CAMEO 173) of the subject of "face" (or "risk"), by the
state (an unnamed organ of the subject's own country, else the state where it happens)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import read_as
from eventscope.events.constructions.data import section
from eventscope.events.constructions.unsaid_doer import STATE_WHERE_IT_HAPPENS
from eventscope.events.found import Found
from eventscope.events.syntax import prepositional_objects
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


@cache
def _verbs_and_nouns(verbs_key: str, nouns_key: str) -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """A list of verbs and, for each noun, its lexicon verb entry and the state organ doing it."""
    data = section("faced_charges", {verbs_key: list, nouns_key: dict})
    nouns = {str(noun).lower(): (str(spec["entry"]), str(spec["organ"]))
             for noun, spec in data[nouns_key].items()}
    return frozenset(data[verbs_key]), nouns


def words() -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """The verbs of undergoing ("face", "risk") and their nouns."""
    return _verbs_and_nouns("verbs", "nouns")


def under_words() -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """The verbs of being under something ("be", "remain", "put") and their nouns."""
    return _verbs_and_nouns("under_verbs", "under_nouns")


def faced_charges(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X faces charges of sedition": COERCE of X by its own state's courts or police."""
    verbs, nouns = words()
    wanted = nouns.get(noun.lemma_.lower())
    verb = noun.head
    if wanted is None or noun.dep_ != "dobj" or verb.lemma_.lower() not in verbs:
        return None
    return _done_by_the_state(events, noun, verb, *wanted, places=[])


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
    places = [p for head in (verb, noun) for p in prepositional_objects(head, words=("in",))]
    return _done_by_the_state(events, noun, verb, *wanted, places=places)


def _done_by_the_state(events: SentenceEvents, noun: Token, verb: Token, entry: str, organ: str,
                       places: list[Token]) -> Found | None:
    """The act `noun` names, done to the verb's subject by an organ of the state of the
    first country `places` name, else of the subject's own."""
    spec = events.lexicon.verbs.get(entry)
    # "was put under investigation": the passive subject is the one investigated
    targets = events.subject_actors(verb) or [
        a for c in verb.children if c.dep_ == "nsubjpass" for a in events.argument_actors(c)]
    if spec is None or not targets:
        return None
    country = next(filter(None, map(events._country_named, places)), None) or next(
        (t.country for t in targets if t.country), None)
    sources = [Actor(None, country, organ, why=STATE_WHERE_IT_HAPPENS)]
    return read_as(events, spec, noun, sources, targets, verb)
