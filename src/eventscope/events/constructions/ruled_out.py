"""Ruled out: an act a speaker says "is out of the question" or "off the table" is the
speaker rejecting it (CAMEO 12 reject, the lexicon's `rule out`): "lifting the embargo on
Cuba is out of the question", "talks with the Taliban are off the table". The parties the
act is about are the targets; a thing ruled out that no party is named in is no event."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.actors import distinct
from eventscope.events.constructions.common import speakers_own
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_side
from eventscope.events.syntax import first_child

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.records import Actor


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, ...], ...]:
    """The phrases, as words without articles ("out of question")."""
    data = section("ruled_out", {"phrases": list, "copulas": list})
    return tuple(tuple(w for w in p.lower().split() if w not in ("the", "a")) for p in data["phrases"])


@lru_cache(maxsize=1)
def _copulas() -> frozenset[str]:
    return frozenset(section("ruled_out", {"phrases": list, "copulas": list})["copulas"])


def ruled_out(events: SentenceEvents, word: Token, quote_speaker: Actor | None) -> Found | None:
    """ "US officials said that lifting the embargo on Cuba was out of the question": the
    officials reject the lifting, aimed at Cuba."""
    copula = _phrase_copula(word)
    if copula is None:
        return None
    subject = first_child(copula, "nsubj") or first_child(copula, "csubj")
    if subject is None:
        return None
    targets = distinct([a for t in subject.subtree if t.dep_ in ("pobj", "dobj", "poss")
                        for a in events.actors_named(t)])
    if not targets:
        return None  # "the old bridge was out of the question": no party's act
    spec = events.lexicon.verbs["rule out"]
    event = speakers_own(events, Found([word], spec, [], targets, copula, mode=spec.mode), quote_speaker)
    if event is None or any(same_side(s, t) for s in event.sources for t in targets):
        return None
    return event


def _phrase_copula(word: Token) -> Token | None:
    """The copula ("is", "remains") whose predicate phrase ends in `word`, if the phrase
    is one of the data's ("out of the question")."""
    if word.dep_ != "pobj" or all(phrase[-1] != word.lower_ for phrase in _phrases()):
        return None
    chain = [word]
    while chain[-1].dep_ in ("pobj", "prep") and len(chain) < 4:
        chain.append(chain[-1].head)
    for phrase in _phrases():
        if len(chain) < len(phrase) + 1 or phrase[-1] != word.lower_:
            continue
        words = tuple(t.lower_ for t in reversed(chain[:len(phrase)]))
        head = chain[len(phrase)]
        if words == phrase and head.lemma_.lower() in _copulas():
            return head
    return None
