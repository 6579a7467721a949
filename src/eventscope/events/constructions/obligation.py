"""Obligation: "X said that Y must ...": X makes a demand of Y (REQUEST), or blames Y
("Y must bear responsibility for ...": ACCUSE)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.accusation import responsibility
from eventscope.events.constructions.common import read_as, speakers_own
from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.syntax import has_child
from eventscope.events.triggers import trigger_of
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def obligation(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X said that Y must ...": X makes a demand of Y (REQUEST)."""
    blame = verb.pos_ == "VERB" and responsibility(events, verb)
    if verb.pos_ not in ("VERB", "AUX") or not (blame or any(
            c.dep_ == "aux" and c.lower_ in events.lexicon.obligation_words for c in verb.children)):
        return None
    if not blame and _no_act(verb):
        return None
    subject = events.subject_of(verb)
    halted = subject is not None and not blame and trigger_of(events.lexicon, subject) is not None and (
        verb.lemma_.lower() in stop_verbs())
    # "these attacks should stop": a demand of whoever does them, named or not (EVENTS.md:
    # calls to unnamed actors are REQUEST with target null)
    targets = events.event_agents_of(subject) if halted else (
        _told_party(events, verb) or events.subject_actors(verb))
    # "Y must bear responsibility for ...": the speaker blames Y
    spec = events.lexicon.verbs.get("blame" if blame else "demand")
    if not (targets or halted) or spec is None:
        return None
    event = Found([verb], spec, [], targets, verb, mode=spec.mode if spec.type == "ACCUSE" else None)
    events.set_speaker(event, quote_speaker)
    if not event.speaker or (targets and event.speaker == targets):
        return None
    event.sources, event.speaker = event.speaker, []
    return event


def _told_party(events: SentenceEvents, verb: Token) -> list[Actor]:
    """ "X told Y that it must ...", "X reminded Y that they should ...": what one must do
    is asked of the one told, whom the pronoun stands for (not the teller, as in "X said it
    would ...")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in _pronouns() or verb.dep_ != "ccomp" or (
            verb.head.lemma_.lower() not in events.lexicon.speech_verbs):
        return []
    return [a for c in verb.head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i
            for a in events.argument_actors(c)]


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    return frozenset(section("obligation", {"told_pronouns": list})["told_pronouns"])


@lru_cache(maxsize=1)
def stop_verbs() -> frozenset[str]:
    return frozenset(section("obligation", {"stop_verbs": list})["stop_verbs"])


@lru_cache(maxsize=1)
def _stative() -> dict[str, frozenset[str]]:
    data = section("obligation", {"state_adjectives": list, "right_nouns": list})
    return {key: frozenset(data[key]) for key in ("state_adjectives", "right_nouns")}


def _no_act(verb: Token) -> bool:
    """ "people under the rubble must be alive" (a guess, not a demand), "the islanders
    should have the right to ..." (a right claimed for them, asked of no one)."""
    words = _stative()
    if verb.lemma_ == "be":
        return any(c.dep_ == "acomp" and c.lemma_.lower() in words["state_adjectives"] for c in verb.children)
    return verb.lemma_ == "have" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words["right_nouns"] for c in verb.children)


@lru_cache(maxsize=1)
def time_nouns() -> frozenset[str]:
    return frozenset(section("time_to_act", {"nouns": list})["nouns"])


def time_to_act(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Erdogan told Putin that it was time to act on the plan", "X said it is time for
    Y to leave": the speaker demands the act (REQUEST) of the "for" phrase, else of whom it
    tells."""
    if noun.lemma_.lower() not in time_nouns() or noun.dep_ != "attr" or noun.head.lemma_ != "be" \
            or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in noun.head.children):
        return None
    act = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"
                and has_child(c, "aux")), None)
    if act is None:
        return None
    obliged = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"
               for g in c.children if g.dep_ == "pobj"] + [c for c in act.children if c.dep_ == "nsubj"]
    teller = noun.head.head if noun.head.dep_ == "ccomp" else None
    if not obliged and teller is not None and teller.lemma_.lower() in events.lexicon.speech_verbs:
        obliged = [c for c in teller.children if c.dep_ in ("dobj", "dative")]
    targets = [a for o in obliged for a in events.actors_named(o)]
    spec = events.lexicon.verbs["demand"]
    return speakers_own(events, Found([noun], spec, [], targets, noun.head, mode=spec.mode), quote_speaker)


@lru_cache(maxsize=1)
def calling_verbs() -> frozenset[str]:
    return frozenset(section("called_for", {"verbs": list})["verbs"])


def called_for(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Russia called for Georgia to sign the pact", "a vote calling for Zelaya to be
    returned to power": the caller demands the act (REQUEST) of the subject of the "for ...
    to" clause, which the parser marks with "for" instead of making it the verb's object."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in calling_verbs():
        return None
    clause = next((c for c in verb.children if c.dep_ in ("advcl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
    if clause is None:
        return None
    obliged = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return demand_of(events, verb, [a for o in obliged for a in events.actors_named(o)])


def demand_of(events: SentenceEvents, verb: Token, targets: list[Actor]) -> Found | None:
    """A demand the verb's subject makes of `targets` (not of itself), as "demand" reads."""
    sources = [s for s in events.subject_actors(verb) if s not in targets]
    if not sources or not targets:
        return None
    return read_as(events, events.lexicon.verbs["demand"], verb, sources, targets, verb)
