"""Wars and battles named as nouns: "Iraq's battle against ISIS", "the war between Ethiopia
and Eritrea", "Russia waged war on Ukraine": fighting between the noun's doer (its owner,
demonym or the subject of the verb that carries it) and the side in its "against", "on",
"with" or "between" phrase is ASSAULT (CAMEO 190 use conventional military force). Both
sides must be actors, the side fought a named one or a state: "the war on drugs", "World
War II", "the war against terrorism" or "the fight against corruption" name no one fought."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import clause_verb

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.records import Actor


@lru_cache(maxsize=1)
def words() -> tuple[frozenset[str], tuple[str, ...], str]:
    data = section("armed_conflict", {"nouns": list, "prepositions": list, "entry": str})
    return frozenset(data["nouns"]), tuple(data["prepositions"]), data["entry"]


def armed_conflict(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X's war against Y": ASSAULT by X on Y, when both are named."""
    nouns, prepositions, entry = words()
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or noun.dep_ == "compound":
        return None
    spec = replace(events.lexicon.verbs[entry], targets=prepositions)
    sources, targets = events._noun_participants(noun, spec)
    if noun.dep_ == "dobj":  # "waged war on Ukraine": the verb's subject, its phrases
        sources = sources or events.subject_actors(noun.head)
        targets = targets or events.targets_of(noun.head, spec)
    if not sources:
        sources = events._governor_subject(noun)
    # a side fought is named or a state: "the war against terrorism" fights no one
    targets = [t for t in targets if (t.name or t.country) and not any(
        same_party(t, s) for s in sources)]
    if not sources or not targets:
        return None
    event = Found([noun], spec, sources[:1], targets, clause_verb(noun), mode=spec.mode)
    events.set_modality(event)
    return event
