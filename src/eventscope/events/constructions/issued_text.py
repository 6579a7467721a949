"""Issued texts as doers: "the resolution calls on states not to recognise ...", "the
document demands Russia cancel ...", "It also calls for ...", "a vote at the General
Assembly calling for X to be returned": a text, or a vote, does what its author does.

Its author is named in its own phrase ("the AU's declaration", "the vote at the General
Assembly"; not who drafted it: "the document prepared by Albania" is the Assembly's once
adopted), else the body that adopted, passed or issued such a text in the sentences
before, else the last body (not a person) told as a subject before it."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import text_before
from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.syntax import has_child, prepositional_objects
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

SUBJECTS = ("nsubj", "nsubjpass")


@lru_cache(maxsize=1)
def _rules() -> dict:
    return section("issued_text", {"nouns": list, "drafting_verbs": list, "adopting_verbs": list,
                                   "venue_prepositions": list, "look_back_sentences": int})


def text_author(events: SentenceEvents, subject: Token) -> list[Actor]:
    """The author of the text (or vote) a subject names, or [] when it names none."""
    text = _text_meant(subject)
    if text is None:
        return []
    return (_own_author(events, text) or _issuer(events, text) or _adopter_before(events, text)
            or _body_before(events, text))


def _issuer(events: SentenceEvents, text: Token) -> list[Actor]:
    """ "The ministry sent a note of complaint demanding ...": who issues the text itself
    (not "the envoy was handed a note": the one handed it is no author)."""
    verb = text.head
    if text.dep_ != "dobj" or verb.lemma_.lower() not in _rules()["adopting_verbs"] or has_child(
            verb, "nsubjpass", "auxpass"):
        return []
    return events.subject_actors(verb)


def _is_text(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in _rules()["nouns"]


def _text_meant(subject: Token) -> Token | None:
    """The text noun itself, or the one an "it" subject stands for: the nearest main-clause
    subject before it, in its sentence or the one before, when that is a text."""
    if _is_text(subject):
        return subject
    if subject.dep_ == "pobj" and subject.head.lower_ == "of" and _is_text(subject.head.head):
        return subject.head.head  # "a note of complaint demanding ...": the note
    if subject.lower_ != "it" or subject.dep_ not in SUBJECTS:
        return None
    sentence = subject.sent
    start = subject.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    for token in reversed(subject.doc[start:subject.i]):
        if token.dep_ in SUBJECTS and token.pos_ in ("NOUN", "PROPN", "PRON") and _main_clause(token.head):
            if _is_text(token):
                return token
            # "The Assembly adopted a resolution. It also calls for ...": the text adopted
            return next((o for o in token.head.children if o.dep_ == "dobj" and _is_text(o)
                         and token.head.lemma_.lower() in _rules()["adopting_verbs"]), None)
    return None


def _own_author(events: SentenceEvents, text: Token) -> list[Actor]:
    """ "the AU's declaration", "the vote at the General Assembly": an author in the
    text's own phrase, not its drafter ("prepared by Albania")."""
    rules = _rules()
    drafters = [a for acl in text.children if acl.dep_ == "acl" and acl.lemma_.lower() in rules["drafting_verbs"]
                for a in _named_by(events, acl)]
    owners = [a for a in events.actors.owner_of(text) if a not in drafters]
    if owners:
        return owners
    venues = [g for p in text.children if p.dep_ == "prep" and p.lower_ in rules["venue_prepositions"]
              for g in p.children if g.dep_ == "pobj"]
    return [a for g in venues for a in events.actors_named(g) if a.sector == "IGO" or g.ent_type_ == "ORG"]


def _window(text: Token) -> list[Token]:
    """The tokens before `text` in its sentence and the few sentences before it."""
    return list(text_before(text, _rules()["look_back_sentences"]))


def _adopter_before(events: SentenceEvents, text: Token) -> list[Actor]:
    """ "The General Assembly adopted a resolution ...", "a declaration issued by the AU":
    who adopted or issued the last text told before."""
    adopting = _rules()["adopting_verbs"]
    for token in reversed(_window(text)):
        if not _is_text(token):
            continue
        verb = token.head
        if verb.lemma_.lower() not in adopting:
            continue
        if token.dep_ == "dobj":
            authors = events.subject_actors(verb)
        elif token.dep_ == "nsubjpass" or verb.dep_ == "acl":
            authors = _named_by(events, verb)
        else:
            continue
        if authors:
            return authors
    return []


def _body_before(events: SentenceEvents, text: Token) -> list[Actor]:
    """The last body told as a subject before the text ("The OAS has condemned the coup.
    The resolution passed Wednesday calls for ..."); not a person, who issues no resolution."""
    for token in reversed(_window(text)):
        if token.dep_ != "nsubj" or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "PERSON" \
                or _is_text(token):
            continue
        bodies = [a for a in events.actors_named(token) if a.sector == "IGO" or (
            a.name is not None and token.ent_type_ == "ORG")]
        if bodies:
            return bodies
    return []


def _main_clause(verb: Token) -> bool:
    """Is `verb` its sentence's root, or a conjunct of it ("calls on ... as well as demands")?"""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def misread_reduced_relative(events: SentenceEvents, event: Found) -> None:
    """ "The resolution passed Wednesday calls for ...", "the statement issued on Sunday urges
    ...": the small model reads the participle as the main verb and the real verb as its
    object or conjunct. The text then does what its author does: who the participle's
    by-phrase names, else the text's author as `text_author` finds it."""
    verb = event.trigger[0]
    participle = verb.head
    if event.sources or verb.pos_ != "VERB" or verb.dep_ not in ("dobj", "conj", "ccomp", "xcomp", "dep") or (
            participle.lemma_.lower() not in _rules()["adopting_verbs"] or participle.tag_ != "VBD"
            or has_child(participle, "aux", "auxpass") or has_child(verb, "nsubj", "nsubjpass")):
        return
    text = next((c for c in participle.children if c.dep_ == "nsubj" and _is_text(c)), None)
    if text is None:
        return
    agents = _named_by(events, participle)
    event.sources = [a for a in agents or text_author(events, text) if a not in event.targets]


def _named_by(events: SentenceEvents, verb: Token) -> list[Actor]:
    """The actors a passive verb's by-phrase names ("a declaration issued by the AU")."""
    return [a for agent in prepositional_objects(verb, ("agent",)) for a in events.actors_named(agent)]
