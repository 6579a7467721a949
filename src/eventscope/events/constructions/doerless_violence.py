"""Doerless violence: "three civilians were killed in a car bombing", "a roadside bomb
killed two soldiers", "two soldiers died in an ambush": violence whose doer the text does
not name still stands with its victims, source null (the contract's "Doers left unsaid"; see
doerless_violence in lexicon.yaml and constructions.yaml); an attack in a place with no
named victim is against the people there."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from eventscope.events.constructions.clash import fight_nouns
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import (
    has_child,
    inherited_subject,
    is_definite,
    prepositional_objects,
)
from eventscope.lexicon import Lexicon
from eventscope.records import Actor, Location

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

# Unnamed victims of violence no one is said to do ("a priest was kidnapped"): people.
UNNAMED_VICTIMS = "unnamed victims of violence"


@dataclass(frozen=True)
class HarmWords:
    harm_verbs: frozenset[str]          # "died", "were injured": the subject suffered
    cause_prepositions: frozenset[str]  # "in an ambush": the cause
    harm_prepositions: frozenset[str]   # "died under torture", "died of torture"
    harm_nouns: frozenset[str]          # ill-treatment that kills: "torture", "beatings"
    cause_links: frozenset[str]         # "as a result of": the cause is the link's of-object
    custody_nouns: frozenset[str]       # "in X's custody": X held, and did it

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> HarmWords:
        data = section("doerless_violence", {
            "harm_verbs": list, "cause_prepositions": list, "harm_prepositions": list,
            "harm_nouns": list, "cause_links": list, "custody_nouns": list})
        return cls(*(frozenset(data[key]) for key in (
            "harm_verbs", "cause_prepositions", "harm_prepositions", "harm_nouns", "cause_links",
            "custody_nouns")))


def doerless_violence(item: Found, sentence: Span, lexicon: Lexicon) -> bool:
    """Is this violence told without its doer (a passive, a weapon as the subject, people
    dying of an attack, or an attack noun with its victims that no other event of the
    sentence holds)?"""
    verb = item.trigger[-1]
    if item.type != "ASSAULT" or any(t.lemma_.lower() in lexicon.accident_words for t in sentence):
        return False
    if verb.pos_ == "NOUN":  # "the air strikes" is a reference back, not a new event
        return not is_definite(verb) and _told_attack(verb, lexicon)
    if verb.pos_ != "VERB" or verb.dep_ == "xcomp":
        return False
    if any(_is_violence(above, lexicon) for above in verb.ancestors if above.pos_ == "NOUN"):
        return False  # "two air raids in which 20 people were killed": the raids, told already
    if violent_cause(verb, lexicon) is not None:
        return True  # "two soldiers died in an ambush"
    passive = has_child(verb, "nsubjpass", "auxpass") or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    subject = inherited_subject(verb)
    by_weapon = subject is not None and subject.lemma_.lower() in lexicon.violent_causes
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


def violent_cause(verb: Token, lexicon: Lexicon) -> Token | None:
    """What a verb of dying or being hurt says its subject died of, when that is violence:
    "died in an ambush", "were injured when a rocket hit the building"."""
    words = HarmWords.load()
    if verb.lemma_.lower() not in words.harm_verbs or not has_child(verb, "nsubj", "nsubjpass"):
        return None
    causes = prepositional_objects(verb, words=tuple(words.cause_prepositions))
    causes += [s for c in verb.children if c.dep_ == "advcl" for s in c.children if s.dep_ == "nsubj"]
    violent = next((c for c in causes if _is_violence(c, lexicon)), None)
    return violent if violent is not None else ill_treatment(verb)


def ill_treatment(verb: Token) -> Token | None:
    """The torture or beating a verb of dying says its subject died of or under ("died
    under torture", "died as a result of beatings")."""
    words = HarmWords.load()
    causes = prepositional_objects(verb, words=tuple(words.harm_prepositions))
    causes += [o for c in causes if c.lemma_.lower() in words.cause_links
               for o in prepositional_objects(c, words=("of",))]
    return next((c for c in causes if c.lemma_.lower() in words.harm_nouns), None)


def custodians(events: SentenceEvents, verb: Token, cause: Token) -> list[Actor]:
    """Who held the one who died of ill-treatment: the owner of the custody, jail or cell
    the clause puts them in ("in Bahraini police custody", "in the custody of X")."""
    words = HarmWords.load()
    for holder in prepositional_objects(verb, words=("in",)) + prepositional_objects(cause, words=("in",)):
        if holder.lemma_.lower() not in words.custody_nouns:
            continue
        named = [a for c in holder.children if c.dep_ == "compound" for a in events.actors_named(c)]
        owners = events.actors.owner_of(holder)
        country = next((a.country for a in owners if a.country), None)
        if named and country:  # "Bahraini police custody": the police of that country
            return [replace(a, country=a.country or country) for a in named]
        return owners or named
    return []


def _is_violence(noun: Token, lexicon: Lexicon) -> bool:
    lemma = noun.lemma_.lower()
    spec = lexicon.nouns.get(lemma)
    fights, _ = fight_nouns()  # "died in clashes with X": a fight (clash.py names the doer)
    return (lemma in lexicon.violent_causes or lemma in fights
            or (spec is not None and spec.type == "ASSAULT"))


def died_of_violence(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Two Ecuadorian soldiers died in an ambush": an ASSAULT on who died (registry
    construction; "were killed in an ambush" is the passive trigger's own event)."""
    if verb.pos_ != "VERB" or events.lexicon.verbs.get(verb.lemma_.lower()) is not None:
        return None
    if violent_cause(verb, events.lexicon) is None:
        return None
    victims = events.subject_actors(verb) or [Actor(None, None, "CVL", why=UNNAMED_VICTIMS)]
    harm = ill_treatment(verb)
    if harm is not None:  # "died under torture in X's custody": X's torture
        spec = events.lexicon.verbs["torture"]
        event = Found([verb], spec, custodians(events, verb, harm), victims, verb)
    else:
        event = Found([verb], events.lexicon.verbs["attack"], [], victims, verb)
    events.set_modality(event)
    return event


def victims(item: Found, place: Location | None) -> list[Actor]:
    """An attack in a place with no named victim: the people there."""
    if item.type == "ASSAULT" and place is not None and place.country:
        return [Actor(None, place.country, "CVL")]
    return []


def attack_told_again(events: SentenceEvents, item: Found) -> None:
    """ "US jets struck militia bases. The strikes killed 25 fighters": losses whose cause is
    a definite attack noun ("the strikes", "in the raid") were inflicted by whoever did the
    last attack the article told (`last_attacker`), unless that is the victims' side."""
    attacker = events.last_attacker
    verb = item.trigger[0]
    if item.type != "ASSAULT" or item.sources or attacker is None or verb.pos_ != "VERB":
        return
    causes = [s for s in verb.children if s.dep_ == "nsubj"]
    cause = violent_cause(verb, events.lexicon)
    causes += [cause] if cause is not None else []
    _, attacks = fight_nouns()
    if not any(is_definite(c) and _is_attack_noun(c, events.lexicon, attacks) for c in causes):
        return
    if not any(same_party(attacker, t) for t in item.targets):
        item.sources = [attacker]


def _is_attack_noun(noun: Token, lexicon: Lexicon, attacks: frozenset[str]) -> bool:
    lemma = noun.lemma_.lower()
    spec = lexicon.nouns.get(lemma)
    return lemma in attacks or (spec is not None and spec.type == "ASSAULT")
