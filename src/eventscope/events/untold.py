"""Filters for acts a sentence mentions without telling them (round 7, helper "precision"):
the violence that only describes a place ("in Arica, where 14 people were killed"), what an
inquiry looks into or evidence is about, an act called alleged, and the purpose of a protest
or complaint and the toll of an attack, the same acts told twice ("began a hunger strike to
protest ...", "summoned the envoy to complain ...", "shelled the town, killing 20 people"). Data: constructions.yaml, sections `setting_places`,
`inquiry_topics` and `protest_purposes`."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import governors
from eventscope.lexicon import Lexicon


@lru_cache(maxsize=1)
def physical_types() -> frozenset[str]:
    """Acts done to bodies and places (constructions.yaml `told_within`)."""
    return word_sets("told_within", "types")[0]


def word_sets(name: str, *keys: str) -> list[frozenset[str]]:
    """The word lists `keys` of constructions.yaml section `name`, as sets."""
    data = section(name, dict.fromkeys(keys, list))
    return [frozenset(data[key]) for key in keys]


@lru_cache(maxsize=1)
def setting_words() -> frozenset[str]:
    return word_sets("setting_places", "adverbs")[0]


def without_setting_places(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Chile lifted the curfew in Arica, where 14 people were killed in riots": a clause on
    a place that tells, in the passive with no doer, what befell it is the place's setting,
    not an act this sentence tells ("..., where police arrested 30 activists" stays)."""
    return [f for f in found if not any(_describes_place(verb) for verb in governors(f.trigger[-1]))]


def _describes_place(verb: Token) -> bool:
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "ROOT":
        return False
    children = list(verb.children)
    opening = [c for c in children if c.dep_ == "advmod" and c.lower_ in setting_words() and c.i < verb.i]
    passive = any(c.dep_ == "nsubjpass" for c in children)
    agent = any(c.dep_ == "agent" for c in children)
    return bool(opening) and passive and not agent


@lru_cache(maxsize=1)
def inquiry_words() -> dict[str, frozenset[str]]:
    keys = ("nouns", "prepositions", "modifiers", "comments")
    return dict(zip(keys, word_sets("inquiry_topics", *keys), strict=True))


def without_inquiry_topics(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop what an inquiry looks into or evidence is about ("an investigation into the
    army's shelling of X", "evidence about contacts between A and B") and an act called
    alleged ("alleged crimes by X"): the sentence tells the inquiry, the evidence or the
    allegation, not the act. (What a verb of claiming says stays: "Moscow claimed that Kyiv
    had shelled the plant" is coded.)"""
    words = inquiry_words()
    return [f for f in found if not (_inquired_into(f.trigger[-1], words)
                                     or _called_alleged(f.trigger[-1], words))]


def _inquired_into(word: Token, words: dict[str, frozenset[str]]) -> bool:
    """Is the noun what an inquiry looks into, evidence is about, or a comment is on ("Israel
    rarely comments on strikes in Syria", "declined to comment on the raid")? One with a
    relative clause of its own stays: "the strike that killed three fighters" is told."""
    if word.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "relcl" for c in word.children):
        return False
    while word.dep_ == "conj":
        word = word.head
    preposition = word.head
    return word.dep_ == "pobj" and preposition.lower_ in words["prepositions"] and (
        preposition.head.lemma_.lower() in words["nouns"] | words["comments"])


def _called_alleged(word: Token, words: dict[str, frozenset[str]]) -> bool:
    return word.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and c.lower_ in words["modifiers"] for c in word.children)


@lru_cache(maxsize=1)
def protest_purposes() -> dict[str, frozenset[str]]:
    keys = ("acts", "purposes")
    return dict(zip(keys, word_sets("protest_purposes", *keys), strict=True))


def without_protest_purposes(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Nurses began a hunger strike to protest against the cuts", "X summoned Y's envoy to
    complain about ...": the to-clause says what the act is for; it is the same act, not a
    second one. The act keeps one event and takes the purpose's target where the purpose
    names one (a protest's own target is only the government it is presumed against)."""
    kept = []
    for event in found:
        act = _purpose_of(event, found)
        if act is None:
            kept.append(event)
        elif event.targets and (act.type == "PROTEST" or not act.targets):
            act.targets = event.targets
    return kept


def _purpose_of(event: Found, found: list[Found]) -> Found | None:
    """The act whose to-clause of purpose the event is: one of the same type ("summoned ...
    to complain"), or a protest whose purpose is a verbal protest ("a hunger strike to
    protest"), told by the verb the clause hangs from or by that verb's object."""
    words = protest_purposes()
    verb = event.trigger[-1]
    if event.type not in words["purposes"] or verb.dep_ not in ("advcl", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    above = _verb_and_object(verb.head)
    return next((f for f in found if f is not event and (f.type == event.type or f.type in words["acts"])
                 and any(t in above for t in f.trigger)), None)


def without_tolls(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Rebels shelled the town, killing 20 people": a participle clause of the same physical
    act by the same doers tells that act's toll, not a second act. One event stays, the main
    verb's, aimed at the victims the toll names (they are whom the act hit)."""
    kept = []
    for event in found:
        act = _act_of_toll(event, found)
        if act is None:
            kept.append(event)
        elif event.targets:
            act.targets = event.targets
    return kept


def _act_of_toll(event: Found, found: list[Found]) -> Found | None:
    participle = event.trigger[-1]
    if event.type not in physical_types() or participle.dep_ != "advcl" or participle.tag_ != "VBG":
        return None
    return next((f for f in found if f is not event and f.type == event.type
                 and any(t in _verb_and_object(participle.head) for t in f.trigger)
                 and all(any(same_party(s, t) for t in f.sources) for s in event.sources)), None)


def _verb_and_object(verb: Token) -> set[Token]:
    """The verb a clause hangs from and its object: the act may be either ("began a hunger
    strike", "launched rocket fire"), or a conjunct of the object."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "launched artillery, mortar and rocket fire": every conjunct of the object
    return {verb, *objects} | {c for o in objects for c in o.conjuncts}
