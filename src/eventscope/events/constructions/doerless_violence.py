"""Doerless violence: "three civilians were killed in a car bombing", "a roadside bomb
killed two soldiers": violence whose doer the text does not name still stands with its
named victims (see doerless_violence in lexicon.yaml); an attack in a place with no named
victim is against the people there."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventscope.events.found import Found
from eventscope.events.syntax import has_child, is_definite
from eventscope.lexicon import Lexicon
from eventscope.records import Actor, Location


def doerless_violence(item: Found, sentence: Span, lexicon: Lexicon) -> bool:
    """Is this violence told without its doer (a passive, a weapon as the subject, or an
    attack noun with its victims that no other event of the sentence holds)?"""
    verb = item.trigger[-1]
    if item.type != "ASSAULT" or any(t.lemma_.lower() in lexicon.accident_words for t in sentence):
        return False
    if verb.pos_ == "NOUN":  # "the air strikes" is a reference back, not a new event
        return not is_definite(verb) and _told_attack(verb, lexicon)
    if verb.pos_ != "VERB" or verb.dep_ in ("relcl", "acl", "xcomp"):
        return False
    passive = has_child(verb, "nsubjpass")
    by_weapon = any(c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.violent_causes for c in verb.children)
    return passive or by_weapon


def _told_attack(noun: Token, lexicon: Lexicon) -> bool:
    """ "Airstrikes on the port killed three", "after a rocket attack on the base": an attack
    noun that is told, not what someone condemns, denies or calls for (the contract's
    noun-phrase rule): no trigger or speech verb above it takes it as its object."""
    head = noun
    while head.dep_ in ("conj", "compound", "appos") and head.head != head:
        head = head.head
    if head.dep_ == "pobj":
        head = head.head
    above = head.head
    if above.pos_ not in ("VERB", "AUX") or head.dep_ in ("nsubj", "nsubjpass"):
        return head.dep_ in ("nsubj", "nsubjpass", "ROOT") or above.pos_ not in ("NOUN", "PROPN")
    lemma = above.lemma_.lower()
    if lemma in lexicon.verbs:
        # "were killed in a rocket attack on X" tells it; "condemned the attack" does not,
        # nor "X killed 46 civilians in an attack on Y" (X's attack, told by the verb)
        return lexicon.verbs[lemma].type == "ASSAULT" and not has_child(above, "nsubj")
    return lemma not in lexicon.speech_verbs


def victims(item: Found, place: Location | None) -> list[Actor]:
    """An attack in a place with no named victim: the people there."""
    if item.type == "ASSAULT" and place is not None and place.country:
        return [Actor(None, place.country, "CVL")]
    return []
