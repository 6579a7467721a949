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

from eventscope.events.constructions.common import read_as, speakers_own
from eventscope.events.constructions.data import section
from eventscope.events.constructions.obligation import demand_of
from eventscope.events.found import Found, same_party, same_side
from eventscope.events.syntax import first_child, has_child
from eventscope.events.triggers import trigger_of
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

KEYS = ("alleging_verbs", "alleging_nouns", "hostile_types", "mandating_verbs", "backing_types",
        "backed_sectors", "attributing_verbs", "perpetrating_verbs", "attributed_nouns", "fraud_verbs",
        "ballot_nouns", "vote_virtues", "vote_flaws", "vote_state_sectors")


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
    return read_as(events, events.lexicon.verbs["allege"], verb, sources, targets, verb)


def alleged_target(events: SentenceEvents, event: Found) -> None:
    """ "The army alleged that the attack was carried out by Rwandan troops": an accusing
    verb with no object of its own accuses the doer of the hostile act its clause tells."""
    verb = event.trigger[0]
    if event.type != "ACCUSE" or event.targets or verb.pos_ != "VERB":
        return
    clause = _content_clause(verb)
    act = _hostile_act(events, clause) if clause is not None else None
    doers = act.sources if act is not None else attributed_doers(events, clause) if clause is not None else []
    event.targets = [t for t in doers if not any(same_side(t, s) for s in event.sources)]


def attributed_act(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Moscow said Kyiv was behind the attack", "Islamabad said the bombing was orchestrated
    by Indian intelligence": naming who did an act accuses that party (CAMEO 112)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _words()["attributing_verbs"]:
        return None
    spec = trigger_of(events.lexicon, verb)
    clause = _content_clause(verb)
    if (spec is not None and spec.type == "ACCUSE") or clause is None:
        return None  # "alleged that ...": the verb's own event, given its target by `alleged_target`
    sources = events.subject_actors(verb)
    targets = [t for t in attributed_doers(events, clause) if not any(_own_side(t, s) for s in sources)]
    if not sources or not targets:
        return None
    return read_as(events, events.lexicon.verbs["allege"], verb, sources, targets, verb)


def _own_side(doer: Actor, speaker: Actor) -> bool:
    """The speaker's own party or its state ("Moscow said its forces were behind the strike":
    a boast); rebels or an opposition of the speaker's own country are accused all the same."""
    state = ("GOV", "MIL", "COP", "JUD")
    return same_party(doer, speaker) or (doer.country == speaker.country and (
        doer.sector == speaker.sector or (doer.sector in state and speaker.sector in state)))


def attributed_doers(events: SentenceEvents, clause: Token) -> list[Actor]:
    """Who a clause says did an act: the subject of "was behind" an act, or the agent of an
    act "carried out / orchestrated by" them (the act its subject, or the noun a relative
    clause hangs from: "the raid, which Baku says was masterminded by ...")."""
    if clause.lemma_.lower() == "be":
        behind = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ == "behind"), None)
        act = next((c for c in behind.children if c.dep_ == "pobj"), None) if behind is not None else None
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if act is None or subject is None or not _is_act(events, act):
            return []
        return events.actors_named(subject)
    words = _words()
    fraud = clause.lemma_.lower() in words["fraud_verbs"]
    if not (fraud or clause.lemma_.lower() in words["perpetrating_verbs"]) or not has_child(clause, "auxpass"):
        return []
    subject = next((c for c in clause.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subject is not None and subject.tag_ == "WDT" and clause.head.dep_ == "relcl":
        subject = clause.head.head  # "the raid, which X says was masterminded by ..."
        if subject.dep_ == "pobj" and not _is_act(events, subject):  # hung on "the raid on the post"
            subject = subject.head.head
    agent = next((c for c in clause.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is None or doer is None or not (_is_act(events, subject) or (
            fraud and subject.lemma_.lower() in words["ballot_nouns"])):
        return []
    return events.actors_named(doer)


def _is_act(events: SentenceEvents, noun: Token) -> bool:
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in _words()["attributed_nouns"]
                                    or trigger_of(events.lexicon, noun) is not None)


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
    event = read_as(events, events.lexicon.verbs["allege"], noun, sources, targets, noun.head)
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


def unfree_vote(events: SentenceEvents, adjective: Token, quote_speaker: Actor | None) -> Found | None:
    """ "The opposition said the election would not be free and fair", "the EU said Belarus's
    vote was neither free nor fair", "said the poll was fraudulent": the speaker accuses the
    state holding the vote (CAMEO 111): the vote's owner, else the speaker's own state when
    the speaker is not part of it. A vote called free and fair is no accusation."""
    words = _words()
    lemma = adjective.lemma_.lower()
    if adjective.pos_ != "ADJ" or adjective.dep_ not in ("acomp", "attr") or not (
            lemma in words["vote_flaws"] or (lemma in words["vote_virtues"] and _denied(adjective))):
        return None
    vote = first_child(adjective.head, "nsubj")
    if vote is None or vote.pos_ != "NOUN" or vote.lemma_.lower() not in words["ballot_nouns"]:
        return None
    spec = events.lexicon.verbs["denounce"]
    event = speakers_own(events, Found([adjective], spec, [], [], adjective.head, mode=spec.mode), quote_speaker)
    if event is None:
        return None
    states = words["vote_state_sectors"]
    owners = [a for a in events.actors.owner_of(vote) if a.sector in (None, *states)]
    event.targets = [Actor(None, a.country, "GOV") if a.sector is None else a for a in owners] or [
        Actor(None, s.country, "GOV") for s in event.sources if s.country and s.sector not in states]
    event.targets = [t for t in event.targets if not any(_own_side(t, s) for s in event.sources)]
    event.negated = False  # the denied virtue is the accusation itself
    return event if event.targets else None


def _denied(adjective: Token) -> bool:
    """ "would not be free", "was neither free nor fair": the virtue is denied of the vote."""
    return has_child(adjective.head, "neg") or any(
        c.dep_ == "preconj" and c.lower_ == "neither" for c in adjective.children)
