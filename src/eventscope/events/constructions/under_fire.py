"""Attacks undergone: "Armenian troops came under fire from Azerbaijani forces" is an
ASSAULT of Azerbaijan on Armenia; the subject suffers the attack, "from X" does it."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.records import Actor


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return section("under_fire", {"verbs": list, "prepositions": list, "doer_prepositions": list})


def undergone_attack(events, noun: Token) -> tuple[list[Actor], list[Actor]] | None:
    """The doers and the victims of an attack noun under "came under", else None."""
    data = _data()
    if noun.dep_ != "pobj" or noun.head.lower_ not in data["prepositions"]:
        return None
    verb = noun.head.head
    if verb.lemma_.lower() not in data["verbs"]:
        return None
    doers = [a for head in (noun, verb) for prep in head.children
             if prep.dep_ in ("prep", "agent") and prep.lower_ in data["doer_prepositions"]
             for obj in prep.children if obj.dep_ == "pobj" for a in events.actors_named(obj)]
    return doers, events.subject_actors(verb)
