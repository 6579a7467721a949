"""Acceptance: "Colombia agreed to Norway's mediation", "the junta accepted the plan put
forward by ECOWAS", "Nepal agreed to the Indian proposal": an acceptance (AGREE) is made to
whoever made the offer, proposal or mediation accepted (CAMEO 03x accept; EVENTS.md: AGREE
for acceptances), before any party the accepted thing itself concerns ("mediation in the talks
with the rebels")."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import objects_of, prepositional_objects
from eventscope.lexicon import Lexicon
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = section("acceptance", {"verbs": list, "to_verbs": list, "nouns": list, "author_prepositions": list})
    return (frozenset(data["verbs"]), frozenset(data["to_verbs"]), frozenset(data["nouns"]),
            frozenset(data["author_prepositions"]))


def _accepted(verb: Token) -> Token | None:
    """The offer, proposal or mediation a verb accepts: the object of "accepted", the
    to-phrase of "agreed to"."""
    verbs, to_verbs, nouns, _ = _data()
    lemma = verb.lemma_.lower()
    things = [c for c in verb.children if c.dep_ == "dobj"] if lemma in verbs else []
    if lemma in to_verbs:
        things += prepositional_objects(verb, words=("to",))
    return next((t for t in things if t.lemma_.lower() in nouns), None)


def _author_words(accepted: Token) -> list[Token]:
    """Who made it: "Norway's", "Norwegian", "the ECOWAS plan", "the offer from Qatar",
    "the plan put forward by the AU"."""
    _, _, _, prepositions = _data()
    words = [c for c in accepted.children if c.dep_ in ("poss", "amod", "compound") and c.pos_ != "PRON"]
    words += [g for t in accepted.subtree if t.dep_ in ("prep", "agent") and t.lower_ in prepositions
              and t.i - accepted.i < 8 for g in objects_of(t)]
    return words


def accepted_author(events: SentenceEvents, event: Found) -> None:
    """Aim an acceptance at the author of what it accepts, where the sentence names one."""
    verb = event.trigger[0]
    if event.type != "AGREE" or verb.pos_ != "VERB" or event.negated:
        return
    accepted = _accepted(verb)
    if accepted is None:
        return
    authors: list[Actor] = [a for w in _author_words(accepted) for a in events.actors_named(w)
                            if not any(same_party(a, s) for s in event.sources)]
    if authors:
        event.targets = authors[:1]


def without_accepted_acts(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Israel agreed to US mediation": the mediation accepted is what the acceptance is
    about, not a planned event beside it (as what a pair agrees to do together is the
    agreement, constructions/joint_agreement.py). An offer or invitation already made stays."""
    accepted = {_accepted(f.trigger[0]) for f in found
                if f.type == "AGREE" and f.trigger[0].pos_ == "VERB" and not f.negated} - {None}
    return [f for f in found if not (f.type != "AGREE" and f.factuality == "planned" and (
        f.trigger[0] in accepted or f.trigger[-1] in accepted))]
