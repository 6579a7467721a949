"""Attacks laid at someone's door: "an attack blamed on al-Shabaab killed six soldiers", "the
bombing, attributed to the PKK, ...", "a rocket attack on the base was blamed on Kataib
Hezbollah", "an attack which the US said was carried out by X": the one the attack is
blamed on, attributed to or carried out by is its doer (CAMEO 190; the accusation is an
event of its own)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.clash import fight_nouns
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import clause_verb, is_definite, prepositional_objects
from eventscope.events.triggers import trigger_of

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.records import Actor

# clauses through which the laying verb may be reached ("which the US said was carried out by")
CLAUSES = ("relcl", "acl", "ccomp", "xcomp", "conj")


@lru_cache(maxsize=1)
def laying_verbs() -> dict[str, tuple[str, ...]]:
    """verb lemma -> the prepositions (or "agent") that name the attack's doer."""
    data = section("blamed_attack", {"verbs": dict})
    return {str(verb): tuple("on" if p is True else str(p) for p in preps)
            for verb, preps in data["verbs"].items()}


def blamed_doer(events: SentenceEvents, event: Found) -> None:
    """An attack with no doer of its own takes the one it is blamed on or carried out by."""
    if event.type != "ASSAULT" or event.sources:
        return
    for noun in _attack_nouns(event):
        if noun is not event.trigger[-1] and events._candidate(noun) is not None:
            return  # "an ambush claimed by X killed ...": the noun's own event holds the doer
        doers = [a for word in _laid_on(noun) if word.lemma_.lower() not in events.lexicon.violent_causes
                 for a in events.actors_named(word) if not any(same_party(a, t) for t in event.targets)]
        if doers:
            event.sources = doers[:1]
            if not event.targets and event.trigger[-1].pos_ == "VERB":
                # "an ambush claimed by X killed seven soldiers": the victims, now X's
                event.targets = events.targets_of(event.trigger[-1], event.spec)
            return


def blamed_attack(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """ "A rocket attack on the base was blamed on X": an attack noun that names no party of
    its own (so no candidate of its own) but is laid at X's door is X's attack."""
    _, attacks = fight_nouns()
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in attacks:
        return None
    spec = events.lexicon.nouns.get(lemma)
    if spec is None or spec.type != "ASSAULT":
        return None
    killing = trigger_of(events.lexicon, noun.head) if noun.dep_ == "nsubj" else None
    if killing is not None and killing.type == "ASSAULT":
        return None  # "an attack blamed on X killed six soldiers": the verb's event (blamed_doer)
    if is_definite(noun):
        return None  # "the attacks were conducted by drones": a reference back, told before
    doers = [a for word in _laid_on(noun) if word.lemma_.lower() not in events.lexicon.violent_causes
             for a in events.actors_named(word)]
    if not doers or events._candidate(noun) is not None:
        return None  # no one named, or the noun's own event takes the doer (blamed_doer)
    event = Found([noun], spec, doers[:1], [], clause_verb(noun), mode=spec.mode)
    events.set_modality(event)
    return event


def _attack_nouns(event: Found) -> Iterator[Token]:
    """The event's own attack noun, or the attack noun that is its verb's subject ("the
    attack, which officials blamed on X, killed nine soldiers")."""
    _, attacks = fight_nouns()
    word = event.trigger[-1]
    if word.pos_ == "NOUN" and word.lemma_.lower() in attacks:
        yield word
    elif word.pos_ == "VERB":
        yield from (s for s in word.children if s.dep_ == "nsubj" and s.lemma_.lower() in attacks)


def _laid_on(noun: Token) -> list[Token]:
    verbs = laying_verbs()
    heads = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    # "an attack on a base which X said was carried out by Y": the parser hangs the relative
    # on what was hit, which no laying verb can take
    heads += [c for g in prepositional_objects(noun) for c in g.children if c.dep_ == "relcl"]
    if noun.dep_ == "nsubjpass":
        heads.append(noun.head)  # "the attack was blamed on X"
    seen: list[Token] = []
    while heads:
        verb = heads.pop(0)
        if verb in seen or len(seen) > 6:
            continue
        seen.append(verb)
        preps = verbs.get(verb.lemma_.lower())
        if preps:
            words = tuple(p for p in preps if p != "agent")
            found = prepositional_objects(verb, words=words) if words else []
            if "agent" in preps:
                found += prepositional_objects(verb, deps=("agent",))
            if found:
                return found
        heads += [c for c in verb.children if c.dep_ in CLAUSES]
    return []


__all__ = ["blamed_attack", "blamed_doer"]
