"""Fighting that stops: "fighting between the army and the rebels stopped on Sunday", "the
clashes ended", "firefights should stop between the two forces", "the two sides halted
hostilities": a ceasefire between the sides (CAMEO 0871 declare truce, ceasefire;
PETRARCH2 HALT * VIOLENCE / ATTACKS / CLASHES, END * GUNFIRE / &FIGHT, STOP * ATTACK
[0871]): RETREAT ceasefire, between the pair the sentence names or the subjects."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

ROLES = ("nsubj", "nsubjpass", "dobj")


@lru_cache(maxsize=1)
def words() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs of stopping and the nouns of fighting they stop."""
    data = section("halted_fighting", {"verbs": list, "nouns": list})
    return frozenset(data["verbs"]), frozenset(data["nouns"])


def halted_fighting(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Fighting between A and B stopped", "A and B halted hostilities": RETREAT of A to B."""
    verbs, nouns = words()
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in verbs:
        return None
    fighting = next((c for c in verb.children if c.dep_ in ROLES and c.lemma_.lower() in nouns), None)
    spec = events.lexicon.nouns.get("ceasefire")
    if fighting is None or spec is None:
        return None
    sources, targets = events._clause_pair(fighting)
    if not sources and fighting.dep_ == "dobj":  # "the army and the rebels halted fighting"
        subjects = events.subject_actors(verb)
        sources, targets = subjects[:1], subjects[1:2]
    if not sources:
        return None
    event = Found([verb], spec, sources, targets, verb, mode=spec.mode)
    events.set_modality(event)
    return event
