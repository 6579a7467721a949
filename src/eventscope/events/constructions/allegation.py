"""Allegations and mandates carried by a verb of saying.

`alleged_act`: "Moscow claimed that Kyiv had shelled the plant", "Pakistan charged that
India had violated the ceasefire": a claim that another party did a hostile act accuses
it (ACCUSE, CAMEO 112), beside the act told as content.
`mandate`: "Iraq insisted that Turkey withdraw its forces": a verb of saying with a
clause in the mandative subjunctive demands the act of its subject (REQUEST, CAMEO 10)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.constructions.obligation import demand_of
from eventscope.events.found import Found, same_side
from eventscope.events.syntax import has_child
from eventscope.events.triggers import trigger_of

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.records import Actor

KEYS = ("alleging_verbs", "alleging_nouns", "hostile_types", "mandating_verbs", "backing_types",
        "backed_sectors")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = section("allegation", dict.fromkeys(KEYS, list))
    return {key: frozenset(data[key]) for key in KEYS}


def _content_clause(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)


def alleged_act(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X claimed that Y had shelled Z": X accuses Y, the doer of the hostile act claimed."""
    words = _words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words["alleging_verbs"]:
        return None
    spec = trigger_of(events.lexicon, verb)
    if spec is not None and spec.type == "ACCUSE":
        return None  # "alleged that ...": the verb's own event, given its target by `alleged_target`
    clause = _content_clause(verb)
    act = _hostile_act(events, clause) if clause is not None else None
    if act is None:
        return None
    sources = events.subject_actors(verb)
    targets = [t for t in act.sources if not any(same_side(t, s) for s in sources)]
    if not sources or not targets:
        return None  # "Moscow claimed its forces had destroyed ...": a boast, no accusation
    spec = events.lexicon.verbs["allege"]
    event = Found([verb], spec, sources, targets, verb, mode=spec.mode)
    events.set_modality(event)
    return event


def alleged_target(events: SentenceEvents, event: Found) -> None:
    """ "The army alleged that the attack was carried out by Rwandan troops": an accusing
    verb with no object of its own accuses the doer of the hostile act its clause tells."""
    verb = event.trigger[0]
    if event.type != "ACCUSE" or event.targets or verb.pos_ != "VERB":
        return
    clause = _content_clause(verb)
    act = _hostile_act(events, clause) if clause is not None else None
    if act is not None:
        event.targets = [t for t in act.sources if not any(same_side(t, s) for s in event.sources)]


def _hostile_act(events: SentenceEvents, clause: Token) -> Found | None:
    """The hostile act with a doer that a claimed clause tells: its verb, else the event noun
    it is said of ("the attack was carried out by X")."""
    for word in (clause, *(c for c in clause.children if c.dep_ in ("nsubjpass", "nsubj", "dobj"))):
        act = events._candidate(word)
        if act is not None and act.sources and _hostile(act):
            return act
    return None


def _hostile(act: Found) -> bool:
    """A hostile act, or backing armed groups ("Spain supported terrorist activities",
    "Congo was arming the FDLR rebels")."""
    words = _words()
    return act.type in words["hostile_types"] or (act.type in words["backing_types"] and bool(
        act.targets) and all(t.sector in words["backed_sectors"] for t in act.targets))


def alleged_in_claim(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Maduro's remarks that Spain backed terrorism", "claims by Moscow that Kyiv shelled
    the plant": the owner of a claim that another party did a hostile act accuses it."""
    words = _words()
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words["alleging_nouns"]:
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    act = _hostile_act(events, clause) if clause is not None else None
    if act is None:
        return None
    sources = events.actors.owner_of(noun)
    targets = [t for t in act.sources if not any(same_side(t, s) for s in sources)]
    if not sources or not targets:
        return None
    spec = events.lexicon.verbs["allege"]
    event = Found([noun], spec, sources, targets, noun.head, mode=spec.mode)
    events.set_modality(event)
    event.factuality, event.negated = "asserted", False  # the claim was made, whatever it says
    return event


def mandate(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X insisted that Y withdraw": the base form after "that" with its own subject and no
    auxiliary is a demand of that subject."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _words()["mandating_verbs"]:
        return None
    clause = _content_clause(verb)
    if clause is None or clause.tag_ != "VB" or has_child(clause, "aux", "auxpass") or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    return demand_of(events, verb, [a for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                                    for a in events.actors_named(c)])
