"""Clashes: the conjoined subjects of a fighting verb fight one another (EVENTS.md,
"Clashes": one event, the side that inflicted the reported losses as its source)."""

from __future__ import annotations

from functools import cache, lru_cache

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import prepositional_objects
from eventscope.records import Actor


def clash_verbs() -> frozenset[str]:
    return clash_words("verbs")


@lru_cache(maxsize=1)
def reciprocal_verbs() -> frozenset[str]:
    """Verbs whose subjects do the noun they carry to one another (constructions.yaml)."""
    return frozenset(section("reciprocal", {"verbs": list})["verbs"])


@lru_cache(maxsize=1)
def reciprocal_types() -> frozenset[str]:
    """The types a reciprocal verb makes mutual ("exchanged fire", "exchanged prisoners")."""
    return frozenset(section("reciprocal", {"types": list})["types"])


def clash_wars() -> frozenset[str]:
    return clash_words("wars")


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


@lru_cache(maxsize=1)
def fight_nouns() -> tuple[frozenset[str], frozenset[str]]:
    data = section("clash", {"fight_nouns": list, "attack_nouns": list})
    return frozenset(data["fight_nouns"]), frozenset(data["attack_nouns"])


def clash_partner(events, event: Found) -> None:
    """ "Nine Malian soldiers were killed in clashes with jihadists", "three officers died in
    an ambush by al-Shabaab": losses with no doer of their own, told in a fight with a side
    (or an attack by one), were inflicted by that side (EVENTS.md "Clashes")."""
    if event.type != "ASSAULT" or event.sources:
        return
    fights, attacks = fight_nouns()
    verb = event.trigger[0]
    for noun in (g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
                 for g in p.children if g.dep_ == "pobj"):
        lemma = noun.lemma_.lower()
        wanted = ({"with"} if lemma in fights else set()) | ({"by"} if lemma in attacks else set())
        doers = [a for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ in wanted
                 for g in p.children if g.dep_ == "pobj" for a in events.actors_named(g)]
        doers = [a for a in doers if not any(same_party(a, t) for t in event.targets)]
        if doers:
            event.sources = doers[:1]
            return
    # "14 soldiers were killed when Azerbaijani forces shelled positions": the attacker
    for clause in losses_clauses(verb, "attack_verbs"):
        doers = [a for s in clause.children if s.dep_ == "nsubj" for a in events.actors_named(s)
                 if not any(same_party(a, t) for t in event.targets)]
        if doers:
            event.sources = doers[:1]
            return


@cache
def clash_words(kind: str) -> frozenset[str]:
    """A word list of the `clash` data."""
    return frozenset(section("clash", {kind: list})[kind])


def losses_clauses(verb: Token, kind: str) -> list[Token]:
    """The clauses of `kind` (a word list of the `clash` data) that tell when `verb`
    happened: "killed when X shelled", "died after X bombed"."""
    words = clash_words(kind)
    return [c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in words
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "after", "as")
                    for m in c.children)]


def mutual_exchange(event: Found) -> None:
    """ "India and Pakistan exchanged fire", "police and gunmen traded shots", "A and B
    exchanged prisoners": an act of a reciprocal type carried by a reciprocal verb
    (constructions.yaml `reciprocal`) with two or more sides and no target of its own is
    each side's act on the other (EVENTS.md "Clashes": an attack and a counter-attack told
    together are two events)."""
    if event.type not in reciprocal_types() or event.targets or not any(
            word.lemma_.lower() in reciprocal_verbs() for word in event.trigger):
        return  # the verb ("exchanged fire") or the noun ("carried out a prisoner exchange")
    sides = [a for i, a in enumerate(event.sources)
             if not any(same_party(a, b) for b in event.sources[:i])]
    if len(sides) >= 2:
        event.targets = list(sides)


CROWD = "a crowd in a clash"


@lru_cache(maxsize=1)
def crowd_words() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns of crowds that clash though no actor table knows them, and the modifiers that
    make one such noun two sides ("rival gangs")."""
    data = section("clash", {"crowd_nouns": list, "two_sided": list})
    return frozenset(data["crowd_nouns"]), frozenset(data["two_sided"])


def crowd_clash(events, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Supporters and opponents of the strike clashed at the university", "rival gangs
    clashed in the capital": crowds that name no actor of their own fight one another, as
    civilians of the country where it happens (EVENTS.md "Clashes": one event)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in clash_verbs() or any(
            c.dep_ == "dobj" for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or events.subject_actors(verb):
        return None  # named sides: the verb's own event (clash_sides)
    crowds, two_sided = crowd_words()
    sides = [subjects[0], *subjects[0].conjuncts]
    crowd = [s for s in sides if s.lemma_.lower() in crowds]
    partner = [a for g in prepositional_objects(verb, words=("with",)) for a in events.argument_actors(g)]
    rival = len(crowd) == 1 and len(sides) == 1 and any(
        w.lower_ in two_sided for w in crowd[0].subtree)
    if len(crowd) != len(sides) or not (len(crowd) >= 2 or partner or rival):
        return None
    spec = events.lexicon.verbs[verb.lemma_.lower()]
    # two crowds of one country are one party to the tables: the clash has no target then
    event = Found([verb], spec, [Actor(None, None, "CVL", why=CROWD)], partner[:1], verb,
                  mode=spec.mode)
    events.set_modality(event)
    return event
