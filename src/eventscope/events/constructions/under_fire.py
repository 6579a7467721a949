"""Attacks undergone: "Armenian troops came under fire from Azerbaijani forces" is an
ASSAULT of Azerbaijan on Armenia; the subject suffers the attack, "from X" does it. So
with an attack drawn as an object: "the convoy drew artillery fire from X"."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.records import Actor


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return section("under_fire", {"verbs": list, "prepositions": list, "doer_prepositions": list,
                                  "drawing_verbs": list})


def undergone_attack(events, noun: Token) -> tuple[list[Actor], list[Actor]] | None:
    """The doers and the victims of an attack noun under "came under", else None."""
    data = _data()
    drawn = noun.dep_ == "dobj" and noun.head.lemma_.lower() in data["drawing_verbs"]
    if drawn:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in data["prepositions"] \
            and noun.head.head.lemma_.lower() in data["verbs"]:
        verb = noun.head.head
    else:
        return None
    doers = [a for head in (noun, verb) for prep in head.children
             if prep.dep_ in ("prep", "agent") and prep.lower_ in data["doer_prepositions"]
             for obj in prep.children if obj.dep_ == "pobj" for a in events.actors_named(obj)]
    if drawn and not doers:
        return None  # "rockets hit Israel, drawing Israeli artillery fire": a response, not undergone
    return doers, events.subject_actors(verb)
