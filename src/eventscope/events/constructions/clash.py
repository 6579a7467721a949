"""Clashes: the conjoined subjects of a fighting verb fight one another (EVENTS.md,
"Clashes": one event, the side that inflicted the reported losses as its source)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.records import Actor


@lru_cache(maxsize=1)
def clash_verbs() -> frozenset[str]:
    return frozenset(section("clash", {"verbs": list})["verbs"])


@lru_cache(maxsize=1)
def clash_wars() -> frozenset[str]:
    return frozenset(section("clash", {"wars": list})["wars"])


def clash_sides(events, verb: Token, sources: list[Actor]) -> tuple[list[Actor], list[Actor]] | None:
    """ "Sudanese troops and rebels clashed near El Fasher": the first side against the
    second, unless the losses told after the verb are the first side's."""
    if verb.lemma_.lower() not in clash_verbs() or len(sources) < 2:
        return None
    first, second = sources[0], sources[1]
    if any(c.dep_ == "dobj" and c.lemma_.lower() in clash_wars() for c in verb.children):
        return [first, second], [first, second]  # a war: each side attacks the other
    losers = [a for word in verb.subtree if word.i > verb.i and word.pos_ == "NOUN"
              and _counted(word) for a in events.actors_named(word)]
    if any(_same(a, first) for a in losers) and not any(_same(a, second) for a in losers):
        first, second = second, first
    return [first], [second]


def _counted(word: Token) -> bool:
    """A noun of losses: "three protesters", "dozens of fighters"."""
    return any(c.dep_ == "nummod" for c in word.children) or (
        word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.like_num)


def _same(a: Actor, b: Actor) -> bool:
    return (a.name, a.country, a.sector) == (b.name, b.country, b.sector)
