"""Doerless violence: "three civilians were killed in a car bombing", "a roadside bomb
killed two soldiers": violence whose doer the text does not name still stands with its
named victims (see doerless_violence in lexicon.yaml); an attack in a place with no named
victim is against the people there."""

from __future__ import annotations

from spacy.tokens import Span

from eventscope.events.found import Found
from eventscope.events.syntax import has_child
from eventscope.lexicon import Lexicon
from eventscope.records import Actor, Location


def doerless_violence(item: Found, sentence: Span, lexicon: Lexicon) -> bool:
    """Is this violence told without its doer (a passive, or a weapon as the subject)?"""
    verb = item.trigger[-1]
    if item.type != "ASSAULT" or verb.pos_ != "VERB" or verb.dep_ in ("relcl", "acl", "xcomp"):
        return False
    if any(t.lemma_.lower() in lexicon.accident_words for t in sentence):
        return False
    passive = has_child(verb, "nsubjpass")
    by_weapon = any(c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.violent_causes for c in verb.children)
    return passive or by_weapon


def victims(item: Found, place: Location | None) -> list[Actor]:
    """An attack in a place with no named victim: the people there."""
    if item.type == "ASSAULT" and place is not None and place.country:
        return [Actor(None, place.country, "CVL")]
    return []
