"""Ripostes: an attack told as the answer to another ("Israeli jets struck in response to
rocket attacks by Hamas") or as part of a campaign against someone ("air strikes as part of
its offensive against the PKK") is aimed at the doer of that attack or campaign."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.clash import losses_clauses
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


@lru_cache(maxsize=1)
def riposte_words() -> dict[str, frozenset[str]]:
    data = section("riposte", {"answer_nouns": list, "attack_nouns": list, "campaign_nouns": list,
                               "loss_verbs": list})
    return {key: frozenset(words) for key, words in data.items() if isinstance(words, list)}


def riposte_target(events: SentenceEvents, event: Found) -> None:
    """An attack with a doer and no target of its own takes as target the losses it caused
    ("were killed when X shelled ..."), the doer of the attack it answers ("in retaliation
    for Russian shelling") or whom its campaign is against."""
    if event.type != "ASSAULT" or not event.sources or event.targets:
        return
    # "14 soldiers were killed when Azerbaijani forces shelled positions": the victims
    verb = event.trigger[0]
    if verb.dep_ == "advcl" and verb in losses_clauses(verb.head, "attack_verbs") \
            and verb.head.lemma_.lower() in riposte_words()["loss_verbs"]:
        victims = [a for s in verb.head.children if s.dep_ in ("nsubjpass", "nsubj")
                   for a in events.actors_named(s) if not any(same_party(a, d) for d in event.sources)]
        if victims:
            event.targets = victims
            return
    for noun in _phrases(event):
        aimed = [a for word in _doer_words(noun) for a in events.actors_named(word)
                 if not any(same_party(a, s) for s in event.sources)]
        if aimed:
            event.targets = aimed[:1]
            return


def _phrases(event: Found) -> Iterator[Token]:
    """The attack answered and the campaign joined, in prepositional phrases on the event's
    words: "in response to X", "in retaliation for X", "as part of its offensive"."""
    words = riposte_words()
    heads = {event.trigger[0], event.clause}
    heads |= {c for h in tuple(heads) for c in h.children if c.dep_ == "dobj"}
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep"):
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                yield from _answered(noun, words)


def _answered(noun: Token, words: dict[str, frozenset[str]]) -> Iterator[Token]:
    lemma = noun.lemma_.lower()
    if lemma in words["campaign_nouns"]:
        yield noun
    elif lemma in words["answer_nouns"] or lemma == "part":
        for inner in (g for p in noun.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"):
            if inner.lemma_.lower() in words["attack_nouns"] | words["campaign_nouns"]:
                yield inner


def _doer_words(noun: Token) -> list[Token]:
    """Who does an attack or campaign noun: "Russian shelling", "Hamas attacks", "attacks by
    Hamas"; a campaign's "against" phrase names whom it is aimed at instead."""
    against = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "against"
               for g in p.children if g.dep_ == "pobj"]
    if against:
        return against
    return [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")] + [
        g for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
        for g in p.children if g.dep_ == "pobj"]
