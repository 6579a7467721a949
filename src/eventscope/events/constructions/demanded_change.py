"""Demands of a change of leader and wishes told as demands.

`ousted_party` (a rewrite): "protesters called for the departure of Prime Minister X",
"demanded X's resignation": a demand of a leadership change (CAMEO 1041) is made of the
leader to go, where the request names no one else.
`wanted_act`: "We no longer want the monarch to interfere in politics", "Kyiv wants Moscow
to withdraw": wanting another party to do (or not do) something is a demand of it (REQUEST);
a negation is the demand's content, not a denial of the demand."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import speakers_own
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_side
from eventscope.events.syntax import first_child, prepositional_objects

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.records import Actor

PERSON_PRONOUNS = frozenset({"we", "i"})


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = section("demanded_change", {"change_nouns": list, "wanting_verbs": list})
    return {key: frozenset(data[key]) for key in ("change_nouns", "wanting_verbs")}


def ousted_party(events: SentenceEvents, event: Found) -> None:
    """A REQUEST with no target whose asked-for act is a leader's departure: the leader."""
    verb = event.trigger[0]
    if event.type != "REQUEST" or event.targets or verb.pos_ != "VERB":
        return
    asked = [c for c in verb.children if c.dep_ == "dobj"] + prepositional_objects(verb, words=("for",))
    changes = [n for a in asked for n in (a, *a.conjuncts) if n.lemma_.lower() in _words()["change_nouns"]]
    leaders = [a for n in changes for a in _leaders_of(events, n)]
    event.targets = [a for a in leaders if not any(s == a for s in event.sources)]


def _leaders_of(events: SentenceEvents, change: Token) -> list[Actor]:
    """ "the departure of Prime Minister X", "X's resignation"."""
    owners = [c for c in change.children if c.dep_ == "poss"] + prepositional_objects(change, words=("of",))
    return [a for o in owners for a in events.actors_named(o)]


def wanted_act(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X wants Y to do ...": X demands it of Y (the speaker for "we")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _words()["wanting_verbs"]:
        return None
    act = first_child(verb, "xcomp", "ccomp")
    if act is None or act.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
        return None
    # "want Y to do": Y is the verb's object, or the parser makes it the clause's subject
    wanted = first_child(verb, "dobj") if act.dep_ == "xcomp" else first_child(act, "nsubj")
    if wanted is None or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in wanted.children):
        return None  # "wants his ministers to cut spending": an order to one's own, no demand
    targets = events.actors_named(wanted)
    if not targets:
        return None
    spec = events.lexicon.verbs["demand"]
    subject = first_child(verb, "nsubj")
    if subject is not None and subject.lower_ in PERSON_PRONOUNS:
        event = speakers_own(events, Found([verb], spec, [], targets, verb, mode=spec.mode), quote_speaker)
    else:
        sources = events.subject_actors(verb)
        event = Found([verb], spec, sources, targets, verb, mode=spec.mode) if sources else None
        if event is not None:
            events.set_modality(event)
    if event is None or any(same_side(s, t) for s in event.sources for t in targets):
        return None
    event.negated = False  # "no longer want X to interfere": the demand is that X does not
    return event


def asked_party(events: SentenceEvents, event: Found) -> None:
    """ "its demand that Israel ease restrictions", "its appeal for Ethiopia to stop": a
    request with no target of its own is made of the subject of the act it asks for."""
    word = event.trigger[-1]
    if event.type != "REQUEST" or event.targets:
        return
    asked = []
    for clause in (c for c in word.children if c.dep_ in ("acl", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX")):
        if any(m.dep_ == "mark" and m.lower_ in ("that", "for") for m in clause.children):
            asked += [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
        elif any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
            asked += [g for p in word.children if p.dep_ == "prep" and p.lower_ == "for" and p.i < clause.i
                      for g in p.children if g.dep_ == "pobj"]
    event.targets = [a for s in asked for a in events.actors_named(s) if a not in event.sources]
