"""Agreements told by what they say: "the accord also stipulates ...", "a key aspect of the
agreement involves ...": a definite agreement noun whose parts or contents a sentence
describes refers back to an agreement told before. A bare reference back is no new event
(EVENTS.md, "Events in noun phrases"). Nor is an agreement that is only the aim of a
meeting ("they met to reach an agreement"): AGREE is for agreements reached."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.syntax import is_definite
from eventscope.lexicon import Lexicon


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = section("agreement_content", {"types": list, "parts": list, "content_verbs": list})
    return frozenset(data["types"]), frozenset(data["parts"]), frozenset(data["content_verbs"])


def _described(noun: Token, parts: frozenset[str], verbs: frozenset[str]) -> bool:
    """ "the components of the agreement", "the accord stipulates": the agreement's parts
    or what it says, not its making."""
    if noun.pos_ != "NOUN" or not is_definite(noun):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in parts:
        return True
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in verbs


def _aim_of(verb: Token, meetings: set[Token]) -> bool:
    """ "met to reach an agreement", "held talks to agree on a truce": the verb is the
    purpose ("to ...") of a meeting's verb."""
    return verb.pos_ == "VERB" and verb.dep_ in ("advcl", "xcomp") and verb.head in meetings and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def without_agreement_contents(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop agreements a sentence only describes ("the deal also includes a halt to air
    traffic"): the agreement was told where it was made; and agreements that are only what a
    meeting is for ("were to meet to reach an agreement")."""
    types, parts, verbs = _data()
    meetings = {f.trigger[0] for f in found if f.type == "CONSULT"}
    return [f for f in found if not (f.type in types and (
        _described(f.trigger[-1], parts, verbs) or _aim_of(f.trigger[0], meetings)))]
