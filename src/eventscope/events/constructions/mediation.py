"""Mediation (EVENTS.md "Several parties": CONSULT/third-party from each mediator to each
party). `mediation`: told as a noun: "A and B signed a deal with Saudi mediation", "under
Turkish mediation, A and B agreed ...", "the truce between A and B, brokered with Egyptian
and Qatari mediation". `mediated_parties`: whom a mediating verb's mediators mediate
between: "Norway mediated talks between A and B", "the truce between A and B was brokered
by Russia", and, named nowhere in the sentence, the pair named before ("A and B signed a
deal. The deal was brokered by Qatar"). `convening`: who hosts, chairs or leads talks
between parties mediates between them ("Egypt hosted talks between A and B", "the talks
between A and B, chaired by Kenya")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.actors import distinct
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import (
    clause_verb,
    direct_objects,
    is_definite,
    objects_of,
    prepositional_objects,
)
from eventscope.events.triggers import trigger_of
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

_DATA = section("mediation", {"nouns": list, "agent_nouns": list, "prepositions": list,
                               "convening_verbs": list, "meeting_types": list})
_MEDIATION_WORDS = frozenset((*_DATA["nouns"], *_DATA["agent_nouns"]))  # every noun token asks


def _between(events: SentenceEvents, head: Token) -> list[Actor]:
    return [a for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "between"
            for obj in objects_of(prep) for a in events.actors_named(obj)]


def _mediators(events: SentenceEvents, noun: Token) -> list[Actor]:
    """The demonyms, owners and "of" objects of the noun ("joint Egyptian and Qatari
    mediation", "Norway's mediation", "the mediation of Oman")."""
    heads = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < noun.i]
    heads += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "by")
              for o in objects_of(p)]
    mediators = [a for head in heads for a in events.actors_named(head)]
    # "joint Egyptian, Qatari, and American mediation": the parse makes the noun a conjunct
    # of the demonyms listed before its own, each a state
    listed, word = [], noun
    while word.dep_ == "conj" and word.head.pos_ in ("PROPN", "ADJ"):
        word = word.head
        listed += [word, *(c for c in word.children if c.dep_ in ("amod", "nmod", "compound"))]
    mediators += [Actor(None, country.iso3, "GOV") for word in sorted(listed, key=lambda t: t.i)
                  if (country := events.actors.countries.lookup(word.text)) is not None]
    return distinct(mediators)


def _parties(events: SentenceEvents, noun: Token) -> list[Actor]:
    """Whom the mediation is between: its own "between", else, for a mediation the clause's
    act is done with ("signed a deal with Saudi mediation"), the subjects of the clause, or
    the "between" of the noun that clause qualifies ("the truce between A and B, brokered
    with ... mediation"), or for a definite one the pair named before ("the agreement,
    brokered with ... mediation")."""
    parties = _between(events, noun)
    phrase = _done_with(noun)
    if parties or phrase is None:
        return parties
    verb = clause_verb(phrase)
    parties = events.subject_actors(verb) if verb.dep_ != "acl" else []
    if parties or verb.dep_ != "acl":
        return parties
    # "the truce between A and B, brokered with ..."; "the agreement, brokered with ...": the
    # pair of the agreement told before (helper "meetings")
    return _between(events, verb.head) or (
        list(events.actors.last_pair or ()) if is_definite(verb.head) else [])


def mediated_parties(events: SentenceEvents, event: Found) -> None:
    """Settle the parties of a third-party CONSULT found on a verb: never its mediators
    themselves ("brokered by Qatar and Egypt" is no meeting between the two)."""
    if event.type != "CONSULT" or event.mode != "third-party":
        return
    if _own_doers_as_mediators(events, event):
        event.sources, event.targets = [], []  # "after mediation efforts, A and B signed"
        return
    verb = event.trigger[0]
    # "the agreement, brokered by Sarkozy": the agent of a participle; "X succeeded in
    # mediating": the subject of the verb the gerund's preposition hangs from
    mediators = event.sources or [a for agent in prepositional_objects(verb, ("agent",))
                                  for a in events.actors_named(agent)]
    if not mediators and verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX", "ADJ"):
        mediators = events.subject_actors(verb.head.head)
    if not mediators:
        return
    event.sources = mediators
    things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        things.append(verb.head)  # "the agreement, brokered by X"
    complements = things + [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
    # the first of: whom the parse gives, the "between" of what is mediated, those who made
    # it ("the deal, mediated by Oman, was signed by A and B"), the states what is mediated
    # names ("the release of Russian prisoners in exchange for Ukrainian ones"), the
    # sentence's nearest "between", the pair named before
    candidates = (event.targets,
                  [a for thing in things for a in _between(events, thing)],
                  [a for thing in things for a in _makers(events, thing)],
                  [a for word in complements for a in _states_within(events, word)],
                  _nearest_between(events, verb),
                  _purpose_parties(events, verb),
                  list(events.actors.last_pair or ()))
    parties = next((found for found in (_others(c, mediators) for c in candidates)
                    if len(found) >= 2), _others(event.targets, mediators))
    event.targets = parties
    if not parties:
        event.sources = []  # mediating between parties the text does not name


def _done_with(noun: Token) -> Token | None:
    """The phrase the clause's act is done with or after that the noun is (or modifies, or
    is listed or measured in): "following discussions and mediation efforts", "after two
    years of Saudi mediation", "with Saudi mediation"; None if it is no such phrase."""
    head = noun
    while head.head != head and (head.dep_ in ("compound", "conj", "amod", "nmod") or (
            head.dep_ == "pobj" and head.head.lower_ == "of")):
        head = head.head.head if head.dep_ == "pobj" else head.head
    return head if head.dep_ == "pobj" and head.head.lower_ in _DATA["prepositions"] else None


def _own_doers_as_mediators(events: SentenceEvents, event: Found) -> bool:
    """A mediation noun the clause's act is done after or with whose mediators the parse
    took from the clause's own subjects: the doers of the act are its parties, never its
    mediators ("after mediation efforts from Asian states, A and B signed a truce")."""
    noun = event.trigger[-1]
    if noun.pos_ != "NOUN" or not event.sources or _done_with(noun) is None:
        return False
    subjects = events.subject_actors(clause_verb(noun))
    return all(any(same_party(s, d) for d in subjects) for s in event.sources)


def _makers(events: SentenceEvents, thing: Token) -> list[Actor]:
    """Who made what was mediated, in the clause it belongs to: "A and B signed the deal",
    "the deal was signed by A and B"."""
    if thing.dep_ == "dobj":
        return events.subject_actors(thing.head)
    if thing.dep_ == "nsubjpass":
        return [a for agent in prepositional_objects(thing.head, ("agent",))
                for a in events.actors_named(agent)]
    return []


def _states_within(events: SentenceEvents, thing: Token) -> list[Actor]:
    """The states a phrase names anywhere in it, as states ("the release of 100 Russian
    prisoners in exchange for Ukrainian ones")."""
    countries = [a.country for word in thing.subtree if word.ent_type_ in ("GPE", "NORP")
                 for a in events.actors_named(word) if a.country]
    return [Actor(None, country, "GOV") for country in dict.fromkeys(countries)]


def _nearest_between(events: SentenceEvents, word: Token) -> list[Actor]:
    """The parties of the "between" phrase nearest the word in its sentence."""
    for prep in sorted((t for t in word.sent if t.dep_ == "prep" and t.lower_ == "between"),
                       key=lambda t: abs(t.i - word.i)):
        pair = [a for obj in objects_of(prep) for a in events.actors_named(obj)]
        if len(pair) >= 2:
            return pair
    return []


def _purpose_parties(events: SentenceEvents, verb: Token) -> list[Actor]:
    """ "will visit Togo and Benin to mediate", "travelled to Bamako and Niamey to mediate",
    "met the leaders of A and B to mediate": whom the verb the mediating infinitive serves
    goes to or meets (helper "meetings")."""
    if verb.dep_ not in ("advcl", "xcomp") or verb.tag_ != "VB" or verb.head.pos_ != "VERB":
        return []
    head = verb.head
    met = [*direct_objects(head), *prepositional_objects(head, words=("to",))]
    return distinct([a for word in met for each in (word, *word.conjuncts) for a in events.actors_named(each)])


def _others(parties: list[Actor], mediators: list[Actor]) -> list[Actor]:
    return [p for p in parties if not any(same_party(p, m) for m in mediators)]


def _as_mediator(events: SentenceEvents, noun: Token) -> list[Actor]:
    """ "Turkey acted as a mediator between A and B": the subject of the clause."""
    if noun.lemma_.lower() not in _DATA["agent_nouns"] or noun.dep_ != "pobj" or noun.head.lower_ != "as":
        return []
    return events.subject_actors(clause_verb(noun))


def mediation(events: SentenceEvents, noun: Token, quote_speaker: Actor | None = None) -> Found | None:
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in _MEDIATION_WORDS:
        return None
    mediators = _mediators(events, noun) if lemma in _DATA["nouns"] else _as_mediator(events, noun)
    parties = _parties(events, noun)
    head = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else None
    if head is not None and not parties:
        # "Qatar's mediation effort between A and B", "it was the second mediation bid
        # between A and B": the compound's head has the parties, its owner or the copula's
        # subject mediates (helper "meetings")
        parties = _between(events, head)
        mediators = mediators or _mediators(events, head) or (
            events.subject_actors(head.head) if head.dep_ == "attr" else [])
    parties = [p for p in parties if not any(same_party(p, m) for m in mediators)]
    if not mediators or not parties:
        return None
    event = Found([noun], events.lexicon.nouns[_DATA["nouns"][0]], mediators, parties, clause_verb(noun))
    event.mode = event.spec.mode
    clause = Found([event.clause], event.spec, [], [], event.clause)
    events.set_modality(clause)  # the clause's: "A and B signed a deal with X's mediation"
    event.negated, event.factuality = clause.negated, clause.factuality
    events.set_speaker(event, quote_speaker)
    return event


def _convened(events: SentenceEvents, verb: Token) -> Token | None:
    """The meeting a convening verb names: its object ("hosted talks"), its passive subject
    or the noun its participle qualifies ("the talks, chaired by X"), or what it presides
    over; a meeting noun of the lexicon only."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "over" for o in objects_of(p)]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        heads.append(verb.head)
    return next((h for h in heads if (spec := trigger_of(events.lexicon, h)) is not None
                 and h.pos_ == "NOUN" and spec.type in _DATA["meeting_types"]), None)


def convening(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "Egypt hosted negotiations between Israel and Hamas", "Kenya chaired talks between
    A and B", "the talks between A and B were hosted by Qatar": the convener mediates,
    CONSULT/third-party from it to each party named by the meeting's "between" (the
    meeting itself is the noun's own event)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _DATA["convening_verbs"]:
        return None
    meeting = _convened(events, verb)
    if meeting is None:
        return None
    agents = [a for agent in prepositional_objects(verb, ("agent",)) for a in events.actors_named(agent)]
    passive = meeting.dep_ == "nsubjpass" or meeting == verb.head
    conveners = agents if passive else events.subject_actors(verb)
    parties = _others(_between(events, meeting), conveners)
    if not conveners or len(parties) < 2:
        return None
    event = Found([verb], events.lexicon.nouns[_DATA["nouns"][0]], conveners, parties, verb)
    event.mode = event.spec.mode
    events.set_modality(event)
    events.set_speaker(event, quote_speaker)
    return event
