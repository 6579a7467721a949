"""Participants: who takes part in a meeting, drill or agreement (CONSULT multilateral,
COOPERATE, AGREE; EVENTS.md "Several parties": the first-named participant with each other).

- `participants`: the event the subject names, among the parties its verb lists ("the
  six-party talks involve China, the DPRK and Japan", "the drills brought together A and B");
- `taking_part`: the parties that take part in, participate in or join an event ("taking
  part in the drills are A, B and C", "A and B are participating in the talks"); one
  newcomer ("Burundi is also taking part", "Ecuador joined the talks") joins the parties
  of the article's last joint act, with its first-named participant.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.actors import distinct
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import first_child, is_definite, objects_of, prepositional_objects
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Trigger
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

_DATA = section("participants", {"verbs": list, "phrasal": dict, "types": list,
                                 "taking_part": dict, "joining": list, "of_parties": list,
                                 "joint_nouns": dict, "look_back": int,
                                 "appearances": dict})


def _is_participation_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _DATA["verbs"]:
        return True
    particle = _DATA["phrasal"].get(lemma)
    return particle is not None and any(
        c.lower_ == particle and c.dep_ in ("prt", "advmod") for c in verb.children)


def _event_of(events: SentenceEvents, noun: Token) -> Trigger | None:
    """What the subject noun names: its sense ("drills" among several parties are joint
    drills, COOPERATE) or its trigger ("talks")."""
    match = events.senses.match(noun)
    if match is None:
        return trigger_of(events.lexicon, noun)
    if match.sense.joint:
        return replace(match.trigger, type=match.sense.joint, mode=None)
    return match.trigger


def _joint_event(events: SentenceEvents, noun: Token) -> Trigger | None:
    """The joint act a noun names; drills that several parties take part in are joint
    drills, a conference among them a meeting (data: participants.joint_nouns)."""
    spec = _event_of(events, noun)
    if (spec is None or spec.type not in _DATA["types"]) and noun.lemma_.lower() in _DATA["joint_nouns"]:
        spec = events.lexicon.nouns.get(_DATA["joint_nouns"][noun.lemma_.lower()])
    return spec if spec is not None and spec.type in _DATA["types"] else None


def _found(events: SentenceEvents, trigger: list[Token], spec: Trigger, parties: list[Actor],
           verb: Token, quote_speaker: Actor | None) -> Found:
    event = Found(trigger, spec, parties[:1], parties[1:], verb)
    event.mode = "multilateral" if spec.type == "CONSULT" and len(parties) > 2 else spec.mode
    events.set_modality(event)
    events.set_speaker(event, quote_speaker)
    return event


def participants(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """The event the subject noun names, done among the actors of the verb's object."""
    if verb.pos_ != "VERB" or not _is_participation_verb(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or obj is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    spec = _joint_event(events, subject)
    if spec is None:
        return None
    parties = distinct([a for t in _list_members(obj) for a in events.actors_named(t)])
    if len(parties) < 2:
        return None  # one participant named: the other side is not in the clause
    event = _found(events, [subject], spec, parties, verb, quote_speaker)
    event.sources, event.targets = parties, []  # dyads: the first-named with each other
    event.absorbed = [subject]  # the talks are these parties', not the last pair's
    return event


def _told_before(events: SentenceEvents, verb: Token) -> Trigger | None:
    """What "X is also taking part" takes part in: the joint act a noun named last ("the
    exercises are named ...", up to `look_back` sentences before), else the article's last
    joint act found (the noun names the act even where its own sentence gave no event)."""
    sentences = list(verb.doc.sents)
    first = sentences[max(0, sentences.index(verb.sent) - _DATA["look_back"])].start
    for token in reversed(verb.doc[first:verb.i]):
        spec = _joint_event(events, token) if token.pos_ == "NOUN" else None
        if spec is not None:
            return spec
    return events.actors.last_joint


def _taking_part_words(verb: Token) -> list[Token] | None:
    """The trigger words of a verb of taking part: "taking part", "participating",
    "joined"; None for any other verb."""
    lemma = verb.lemma_.lower()
    if lemma in _DATA["joining"]:
        return [verb]
    noun = _DATA["taking_part"].get(lemma)
    part = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == noun), None)
    return [verb, part] if part is not None else None


def _listed(events: SentenceEvents, noun: Token) -> list[Actor]:
    """The parties a noun lists: its own conjuncts, or where its head names no state, those
    its "from" or "of" phrase lists ("ships from Indonesia, Malaysia and Singapore") or
    its apposition ("four republics — Kazakhstan, Kyrgyzstan and Tajikistan")."""
    found = events.actors_named(noun)
    if any(a.country or a.name for a in found):
        return found
    heads = [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in _DATA["of_parties"]
             for o in objects_of(prep)] or [c for c in noun.children if c.dep_ == "appos"]
    listed = [t for head in heads for t in _list_members(head)]
    return distinct([a for t in listed for a in events.actors_named(t)]) or found


def _list_members(head: Token) -> list[Token]:
    """A list's items, which the parser chains as conjuncts or appositions."""
    return [head, *(t for c in head.children if c.dep_ in ("appos", "conj") for t in _list_members(c))]


def taking_part(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "Taking part in the drills are A, B and C": the event of the "in" phrase (or the
    verb's object, "joined the talks"; or the article's last joint act, "X is also taking
    part"), among the parties listed; one party named joins the parties named before."""
    words = _taking_part_words(verb) if verb.pos_ == "VERB" else None
    if words is None:
        return None
    # "Taking part ... are A and B": the copula follows as the verb's auxiliary or its head;
    # the list after it is parsed as its attribute or, at times, its subject
    copulas = [verb.head] if verb.dep_ == "csubj" else [a for a in verb.children if a.i > verb.i]
    attribute = next((g for aux in copulas if aux.lemma_ == "be" for g in aux.children
                      if g.dep_ in ("attr", "acomp") or (g.dep_ == "nsubj" and g.i > aux.i)), None)
    listed = attribute if attribute is not None else first_child(verb, "nsubj")
    parties = _listed(events, listed) if listed is not None else []
    noun = next((o for p in (verb, *words[1:]) for prep in p.children
                 if prep.dep_ == "prep" and prep.lower_ == "in" for o in objects_of(prep)), None)
    if noun is None and words == [verb]:
        noun = first_child(verb, "dobj")
    spec = _joint_event(events, noun) if noun is not None else _told_before(events, verb)
    if spec is None or not parties:
        return None
    if len(parties) == 1:
        before = events.actors.last_parties()
        if not before or (noun is not None and not is_definite(noun)) or any(
                same_party(parties[0], p) for p in before):
            return None
        parties = [before[0], parties[0]]
    event = _found(events, words, spec, parties, verb, quote_speaker)
    event.absorbed = [noun] if noun is not None else []
    return event


def _is_appearance(noun: Token) -> bool:
    """ "press conference", "news briefing": the noun with a modifier that makes it one."""
    modifiers = _DATA["appearances"].get(noun.lemma_.lower())
    return noun.pos_ == "NOUN" and modifiers is not None and any(
        c.dep_ in ("compound", "amod") and c.lower_ in modifiers for c in noun.lefts)


def joint_appearance(events: SentenceEvents, noun: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "X said at a joint news conference with Y", "A and B held a joint press
    conference": CONSULT between those who give it. Its doers are its owner or carrier's
    subject ("held"), else the sentence's subject, whom "his counterpart" is relative to;
    its partners the "with" phrase, else the doers beyond the first. Alone, no event."""
    if not _is_appearance(noun):
        return None
    partners = distinct([a for o in prepositional_objects(noun, words=("with",)) for a in events.actors_named(o)])
    doers = events._governor_subject(noun) or events.subject_actors(noun.sent.root)
    doers = [d for d in distinct(doers) if not any(same_party(d, p) for p in partners)]
    if not partners and len(doers) >= 2:
        doers, partners = doers[:1], doers[1:]
    if not doers or not partners:
        return None
    event = Found([noun], events.lexicon.nouns["meeting"], doers[:1], partners, noun.sent.root)
    events.set_modality(event)
    events.set_speaker(event, quote_speaker)
    return event
