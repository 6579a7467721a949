"""Directives: "Beijing told Manila not to send ships", "the government ordered the
protesters to disperse": a verb of commanding with a party as object and an infinitive
is its subject's demand of that party (REQUEST, CAMEO 10); the act ordered is only its
content (filters.py, `requested`). An order to one's own forces or officials ("ordered
the army to withdraw") tells their act, not a request between parties."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_side
from eventscope.events.syntax import first_child, has_child, prepositional_objects
from eventscope.lexicon import Trigger

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.records import Actor

DIRECTIVE = "directive (verb + party + infinitive)"
KEYS = ("verbs", "own_sectors", "handing_verbs", "receiving_verbs", "documents")


@lru_cache(maxsize=1)
def directive_words() -> dict[str, frozenset[str]]:
    data = section("directive", dict.fromkeys(KEYS, list))
    return {key: frozenset(data[key]) for key in KEYS}


@lru_cache(maxsize=1)
def _demand() -> Trigger:
    return Trigger(key=DIRECTIVE, type="REQUEST", mode=None, targets=("obj",),
                   requires=frozenset(), cameo="100")


def directive(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "X ordered/told/instructed Y (not) to do Z": X's REQUEST of Y."""
    words = directive_words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words["verbs"]:
        return None
    addressee = _ordered_party(verb)
    if addressee is None or events._candidate(verb) is not None:
        return None  # the verb's own reading ("ordered the envoy to leave": an expulsion)
    sources = events.subject_actors(verb)
    targets = [a for a in events.actors_named(addressee) if a not in sources]
    if not sources or not targets or all(_own_ranks(s, t, words["own_sectors"])
                                         for s in sources for t in targets):
        return None
    event = Found([verb], _demand(), sources, targets, verb)
    events.set_modality(event)
    return event


def _ordered_party(verb: Token) -> Token | None:
    """Whom the verb orders: its object with an infinitive beside it ("told Manila not to
    send ..."), or the subject of an infinitive clause the parser hangs on it ("ordered
    the protesters to disperse" read as one clause)."""
    infinitive = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB"
                       and has_child(c, "aux") and any(a.lower_ == "to" for a in c.children)), None)
    if infinitive is None:
        return None
    party = next((c for c in verb.children if c.dep_ == "dobj" and c.i < infinitive.i), None)
    return party or next((c for c in infinitive.children if c.dep_ == "nsubj"), None)


def _own_ranks(source: Actor, target: Actor, own_sectors: frozenset[str]) -> bool:
    """Is the target the source's own forces or officials (a chain of command)?"""
    return target.sector in own_sectors and target.country in (None, source.country)


def handed_demand(events: SentenceEvents, event: Found) -> None:
    """ "Tokyo handed the Chinese ambassador a note demanding ...", "the envoy was summoned
    and given a letter calling for ...", "the envoy received a note from Britain demanding
    ...": a demand carried by a document handed over is the hander's REQUEST of the
    recipient (the parser reads the demanding verb as the recipient's own)."""
    words = directive_words()
    demanding = event.trigger[0]
    document = _carried_by(demanding, words["documents"])
    if event.type != "REQUEST" or document is None or document.head.pos_ != "VERB":
        return
    verb = document.head
    lemma = verb.lemma_.lower()
    if lemma in words["receiving_verbs"]:
        sources = [a for p in (verb, document) for g in prepositional_objects(p, words=("from",))
                   for a in events.actors_named(g)]
        targets = events.subject_actors(verb)
    elif lemma in words["handing_verbs"]:
        sources, targets = _hander_and_recipient(events, verb, document)
    else:
        return
    targets = [t for t in targets if not any(same_side(t, s) for s in sources)]
    if sources and targets:
        event.sources, event.targets = sources, targets


def _carried_by(demanding: Token, documents: frozenset[str]) -> Token | None:
    """The document a demanding verb is told of: the noun it hangs from ("a letter of
    protest calling for ..."), or the object of the verb it is parsed as an adverbial of."""
    if demanding.pos_ != "VERB" or demanding.tag_ != "VBG":
        return None
    if demanding.dep_ == "acl":
        noun = demanding.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "a letter of protest calling for ..."
    elif demanding.dep_ == "advcl":
        noun = next((c for c in demanding.head.children if c.dep_ in ("dobj", "npadvmod")
                     and c.lemma_.lower() in documents and c.i < demanding.i), None)
    else:
        return None
    return noun if noun is not None and noun.lemma_.lower() in documents and noun.dep_ in (
        "dobj", "npadvmod") else None


def _hander_and_recipient(events: SentenceEvents, verb: Token, document: Token) -> tuple[list[Actor], list[Actor]]:
    """Who hands the document over and to whom: the subject and the person object (or "to"
    phrase) of an active verb; of a passive one (or one conjoined to a passive, "was
    summoned ... and handed"), its subject receives it from the doer of that passive act."""
    passive = verb if has_child(verb, "auxpass") else (
        verb.head if verb.dep_ == "conj" and has_child(verb.head, "auxpass") else None)
    if passive is None:
        people = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c is not document]
        people += prepositional_objects(verb, words=("to",))
        return events.subject_actors(verb), [a for p in people for a in events.actors_named(p)]
    recipient = first_child(passive, "nsubjpass")
    act = events._candidate(passive)
    sources = act.sources if act is not None else []
    return sources, events.actors_named(recipient) if recipient is not None else []
