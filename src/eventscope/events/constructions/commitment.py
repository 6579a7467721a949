"""Commitment: "Libya offered to hand over the suspects", "France is ready to contribute
troops": AGREE, towards whom the act is for."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import stance
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import (
    first_child,
    governed_act,
    governors,
    has_child,
    prepositional_objects,
)
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Lexicon
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def commitment(events: SentenceEvents, word: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "Libya offered to hand over the suspects to Britain", "France is ready to contribute
    troops": the subject commits itself to an act that is no event type of its own (AGREE,
    towards whom the act is for). Verbs that are AGREE triggers ("agreed to") take the
    usual path."""
    lemma = word.lemma_.lower()
    sources = None
    if word.pos_ == "VERB" and lemma in events.lexicon.commitment_verbs:
        subject_of = word
    elif word.pos_ in ("ADJ", "VERB") and word.dep_ == "acomp" and (
            word.lower_ if word.pos_ == "VERB" else lemma) in events.lexicon.commitment_adjectives:
        subject_of = word.head  # "is ready to", "was committed to" (a participle as complement)
    elif (committed := _committed_subject(word)) is not None:
        subject_of, sources = word, events.argument_actors(committed)  # "Israel is committed to ..."
    elif _intends_ties(events, word):
        subject_of = word  # "Bolivia wishes to maintain relations with Chile"
    else:
        return None
    action = governed_act(word) or _committed_to(word)
    if action is None:
        return None
    own_spec = trigger_of(events.lexicon, action) if action.pos_ in ("VERB", "AUX") else None
    if own_spec is not None and events.verb_event(action, own_spec) is not None:
        return None  # "ready to work with Y" is coded as the (planned) cooperation itself
    if action.lemma_.lower() in events.lexicon.light_verbs and any(
            c.dep_ == "dobj" and trigger_of(events.lexicon, c) is not None for c in action.children):
        return None  # "ready to impose sanctions": the sanctions' own (planned) event
    event = stance(events, word, subject_of, events.lexicon.verbs["agree"], action, sources)
    if event is not None and event.negated:
        # "FARC is not willing to negotiate": an explicit refusal is REJECT (EVENTS.md)
        event.spec, event.negated, event.mode = events.lexicon.verbs["reject"], False, None
    return event


@lru_cache(maxsize=1)
def _committed_words() -> tuple[frozenset[str], frozenset[str]]:
    data = section("committed_to", {"passive_verbs": list, "nouns": list})
    return frozenset(data["passive_verbs"]), frozenset(data["nouns"])


@lru_cache(maxsize=1)
def _intent_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = section("intended_ties", {"verbs": list, "acts": list, "ties": list})
    return frozenset(data["verbs"]), frozenset(data["acts"]), frozenset(data["ties"])


def _intends_ties(events: SentenceEvents, word: Token) -> bool:
    """ "wishes to maintain bilateral relations", "hopes to strengthen ties with X": an
    intent to keep or build relations (CAMEO 030/032 express intent to cooperate), where
    the relations are no event of their own."""
    verbs, acts, ties = _intent_words()
    if word.pos_ != "VERB" or word.lemma_.lower() not in verbs:
        return False
    action = governed_act(word)
    return (action is not None and action.lemma_.lower() in acts and any(
                o.lemma_.lower() in ties and trigger_of(events.lexicon, o) is None
                for o in action.children if o.dep_ == "dobj"))


def _committed_subject(word: Token) -> Token | None:
    """ "Israel is committed to ...", "Hanoi was committed to ...": the passive's subject."""
    verbs, _ = _committed_words()
    if word.pos_ != "VERB" or word.lemma_.lower() not in verbs or not has_child(word, "auxpass"):
        return None
    return first_child(word, "nsubjpass")


def _committed_to(word: Token) -> Token | None:
    """ "committed to the ceasefire", "to the peace process with India": an agreement or
    settlement one commits to (not "committed to its offensive")."""
    _, nouns = _committed_words()
    return next((g for g in prepositional_objects(word, words=("to",)) if g.lemma_.lower() in nouns), None)


@lru_cache(maxsize=1)
def promise_verbs() -> frozenset[str]:
    return frozenset(section("commitment", {"promise_verbs": list})["promise_verbs"])


def without_promises(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Saudi Arabia pledged to send aid to Sudan", "the president vowed to withdraw the
    army": a promise keeps the type of the act promised (planned, EVENTS.md), so the
    promise's own AGREE goes where the act it governs, or a reading of the promise itself
    ("vowed revenge": a threat), is an event of its own. A denied commitment ("is not
    willing to hand over the suspects") denies the act, which the `refusals` filter then
    reads as a refusal."""
    words = promise_verbs() | lexicon.commitment_verbs | lexicon.commitment_adjectives
    promises = [f for f in found if f.type == "AGREE" and f.trigger[0].lemma_.lower() in words]
    if not promises:
        return found
    kept = [f for f in found if f.type != "AGREE"]
    dropped = []
    for promise in promises:
        # an act no one is said to do is not the promised act ("offered to consider a
        # ceasefire": the offer is the commitment; helper "meetings")
        acts = [g for g in kept if g.trigger[0] == promise.trigger[0]
                or (g.sources and promise.trigger[0] in governors(g.trigger[-1])[1:])]
        if acts:
            dropped.append(promise)
        for act in acts if promise.negated else []:
            act.negated = True
    return [f for f in found if f not in dropped]


def with_agreed_act_targets(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "The EU agreed in principle to provide aid for Romania and Poland": an agreement to
    an act that names no party of its own is made towards whom the act is for (as "agreed
    to send aid to Sudan" already is, through the infinitive's to-phrase)."""
    for agreement in (f for f in found if f.type == "AGREE" and not f.targets and f.trigger[0].pos_ == "VERB"):
        acts = [g for g in found if g.type != "AGREE" and g.targets and g.factuality == "planned"
                and agreement.trigger[0] in governors(g.trigger[-1])[1:]]
        if acts:
            agreement.targets = [t for t in acts[0].targets
                                 if not any(same_party(t, s) for s in agreement.sources)]
    return found
