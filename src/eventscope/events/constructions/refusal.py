"""Refusal: "X declined to meet Y", "X will not withdraw": REJECT, towards whom the act was for."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from eventscope.events.constructions.common import stance
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party, same_side
from eventscope.events.syntax import governed_act, governors
from eventscope.lexicon import Lexicon
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def refusal(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "The vice-president declined to resign", "X declined to meet Y": a refusal (REJECT,
    towards whom the act was for); "declined to comment" refuses nothing political."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in events.lexicon.refusal_verbs:
        return None
    action = governed_act(verb)
    if action is None or action.pos_ != "VERB" or action.lemma_.lower() in events.lexicon.speech_verbs \
            or action.lemma_.lower() in events.lexicon.silent_acts:
        return None
    event = stance(events, verb, verb, events.lexicon.verbs["reject"], action)
    if event is not None:
        pressured_refusal(events, event)  # constructions' events pass no rewrites
    return event


@lru_cache(maxsize=1)
def refusal_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = section("refusal", {"future_auxiliaries": list, "harmful_types": list, "backing_verbs": list})
    return (frozenset(data["future_auxiliaries"]), frozenset(data["harmful_types"]),
            frozenset(data["backing_verbs"]))


def future_refusals(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Russia will not withdraw its troops", "Serbia would never recognise Kosovo's
    independence", "pledged not to release them": an act said not to be going to happen is
    the subject's refusal (REJECT, towards whom the act was for). A promise not to harm
    ("will not attack") is not coded, nor "will not abandon X" (backing, EVENTS.md rule 3)."""
    auxiliaries, harmful, backing = refusal_words()
    out = []
    for event in found:
        if not _refused(event, auxiliaries):
            out.append(event)
        elif event.type not in harmful and event.trigger[0].lemma_.lower() not in backing:
            out.append(replace(event, spec=lexicon.verbs["reject"], mode=None, negated=False,
                               factuality="asserted"))
    return out


def _refused(event: Found, auxiliaries: frozenset[str]) -> bool:
    """A verb event negated and planned by a future auxiliary or a promise above it, also on
    a condition ("will not accept refugees if war starts"), but not a condition itself ("if
    they will not leave")."""
    verb = event.trigger[0]
    if not event.negated or event.factuality not in ("planned", "hypothetical") or verb.pos_ != "VERB" or (
            event.type == "REJECT"):
        return False
    if event.factuality == "hypothetical" and any(c.dep_ == "mark" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in auxiliaries for v in governors(verb) for c in v.children) \
        or verb.dep_ == "xcomp"


@lru_cache(maxsize=1)
def rejected_words() -> tuple[frozenset[str], frozenset[str]]:
    data = section("rejected", {"nouns": list, "author_prepositions": list})
    return frozenset(data["nouns"]), frozenset(data["author_prepositions"])


def rejected_author(events: SentenceEvents, event: Found) -> None:
    """ "Niger's junta rejected calls from ECOWAS to restore the president", "Ankara rejected
    the demands made by Greece": a REJECT with no target of its own is against who made the
    call, demand, offer or claim it turns down (a from/by phrase within its object)."""
    verb = event.trigger[0]
    if event.type != "REJECT" or event.targets or verb.pos_ != "VERB":
        return
    nouns, prepositions = rejected_words()
    turned_down = _turned_down(verb)
    rejected = next((c for c in turned_down if c.lemma_.lower() in nouns), None)
    if rejected is None:
        # "Egypt put forward a proposal. Ethiopia rejected it", "... Five states voted
        # against": the call or document told last
        if any(c.lower_ in _words("back_pronouns") for c in turned_down) or (
                not turned_down and verb.lemma_.lower() in _words("vote_verbs")
                and any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children)):
            event.targets = [a for a in events.last_author if a not in event.sources]
        return
    authors = _authors(events, verb, rejected, prepositions)
    event.targets = [a for g in authors[:1] for a in events.actors_named(g) if a not in event.sources]
    if not event.targets:
        event.targets = _owners(events, verb, rejected, event.sources)
    if not event.targets and not authors and _told_before(rejected):
        event.targets = [a for a in events.last_author or [] if a not in event.sources] or \
            _answered(event.sources, events.last_dyad)


def _authors(events: SentenceEvents, verb: Token, rejected: Token,
             prepositions: frozenset[str]) -> list[Token]:
    """The phrases naming who made what is rejected, first the likeliest."""
    authors = [g for t in rejected.subtree if t.dep_ in ("prep", "agent") and t.lower_ in prepositions
               and t.i - rejected.i < 8 for g in t.children if g.dep_ == "pobj"]
    # "rejected the proposal from Azerbaijan", the phrase parsed on the verb
    authors += [g for t in verb.children if t.dep_ == "prep" and t.lower_ == "from" and t.i > rejected.i
                for g in t.children if g.dep_ == "pobj"]
    # "vetoed the Security Council resolution", "rejected the ECOWAS plan"
    authors += [c for c in rejected.children if c.dep_ == "compound" and events.actors_named(c)]
    if rejected.lemma_.lower() in _words("invitation_nouns"):
        # "turned down an invitation to visit Moscow": the host invited
        authors += [g for x in rejected.children if x.dep_ in ("acl", "relcl")
                    for g in x.children if g.dep_ == "dobj"]
    if rejected.lemma_.lower() in _words("forum_nouns"):
        # "voted against the resolution in the General Assembly": the body that votes on it
        authors += [g for head in (verb, rejected) for t in head.children
                    if t.dep_ == "prep" and t.lower_ in ("in", "at") for g in t.children
                    if g.dep_ == "pobj" and any(a.sector == "IGO" for a in events.actors_named(g))]
    return authors


def _owners(events: SentenceEvents, verb: Token, rejected: Token, sources: list[Actor]) -> list[Actor]:
    """ "rejected Mexico's demand"; "The rebels left the talks after Bamako rejected their
    demands": an owner pronoun stands for the subject of a clause above the refusal."""
    owners = [c for c in rejected.children if c.dep_ == "poss"]
    if owners and owners[0].pos_ == "PRON":
        owners = [c for v in verb.ancestors for c in v.children if c.dep_ == "nsubj"]
    for owner in owners:
        found = [a for a in events.actors_named(owner) if not any(same_party(a, s) for s in sources)]
        if found:
            return found
    return []


def _turned_down(verb: Token) -> list[Token]:
    """What a verb of refusal turns down: its object, or what it is against ("voted against")."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ == "against"
        for g in p.children if g.dep_ == "pobj"]


@lru_cache(maxsize=4)
def _words(key: str) -> frozenset[str]:
    """One word list of the `rejected` section of data/constructions.yaml."""
    return frozenset(section("rejected", {key: list})[key])


def _told_before(noun: Token) -> bool:
    """ "rejected the offer", "denied these accusations": a call or claim the article told
    before (a definite or demonstrative determiner, no owner in the sentence)."""
    return not any(c.dep_ == "poss" for c in noun.children) and any(
        c.dep_ == "det" and c.lower_ in _words("back_determiners") for c in noun.children)


def _answered(sources: list[Actor], last: tuple[Actor, Actor] | None) -> list[Actor]:
    """ "Chile accused Bolivia of spying. Bolivia denied the accusation": the doer of the
    last act told from one party to another, when the refuser is the one it was aimed at."""
    if not sources or last is None:
        return []
    doer, aimed_at = last
    if any(same_party(aimed_at, s) for s in sources) and not any(same_party(doer, s) for s in sources):
        return [doer]
    return []




def note_authored(events: SentenceEvents, sentence: Span, found: list[Found]) -> None:
    """Remember who made the last call, offer or document the article names with its author
    ("an offer of talks from the prime minister", "the government's call", "the Assembly
    adopted a resolution", a demand told as a REQUEST): whose "the offer" or "it" a later
    refusal turns down."""
    nouns, prepositions = rejected_words()
    requests = [e for e in found if e.type == "REQUEST" and e.sources and not e.negated]
    if requests:
        events.last_author = list(requests[-1].sources)
    for noun in sentence:
        if noun.lemma_.lower() not in nouns or noun.pos_ != "NOUN":
            continue
        authors = _authors_of(events, noun, prepositions)
        if authors:
            events.last_author = authors


def _authors_of(events: SentenceEvents, noun: Token, prepositions: frozenset[str]) -> list[Actor]:
    """Who made a call or document: a from/by phrase, an owner, or the subject of a verb of
    making ("issued a call", "adopted a resolution")."""
    heads = [g for t in noun.subtree if t.dep_ in ("prep", "agent") and t.lower_ in prepositions
             and t.i - noun.i < 6 for g in t.children if g.dep_ == "pobj"]
    heads += [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _words("making_verbs"):
        heads += [c for c in verb.children if c.dep_ == "nsubj"]
    for head in heads:
        found = events.actors_named(head)
        if found:
            return found
    return []


@lru_cache(maxsize=1)
def pressure_words() -> dict[str, frozenset[str]]:
    keys = ("prepositions", "nouns", "author_prepositions")
    data = section("pressured_refusal", dict.fromkeys(keys, list))
    return {key: frozenset(data[key]) for key in keys}


def pressured_refusal(events: SentenceEvents, event: Found) -> None:
    """ "Maduro refused to resign despite pressure from Washington", "Ethiopia refused to
    withdraw its troops despite calls from the AU": a refusal whose act names no other party
    turns down who pressed for it (the author of the calls, demands or pressure)."""
    if event.type != "REJECT" or any(not any(same_side(t, s) for s in event.sources) for t in event.targets):
        return
    words = pressure_words()
    verb = event.trigger[0]
    heads = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    pressures = [g for head in heads for p in head.children if p.dep_ == "prep"
                 and p.lower_ in words["prepositions"] for g in p.children
                 if g.dep_ == "pobj" and g.lemma_.lower() in words["nouns"]]
    for pressure in pressures:
        authors = [a for p in pressure.children if p.dep_ == "prep" and p.lower_ in words["author_prepositions"]
                   for g in p.children if g.dep_ == "pobj" for a in events.actors_named(g)]
        authors = authors or events.actors.owner_of(pressure)
        authors = [a for a in authors if not any(same_party(a, s) for s in event.sources)]
        if authors:
            event.targets = authors
            return
