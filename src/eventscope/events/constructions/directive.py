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
from eventscope.events.found import Found
from eventscope.events.syntax import has_child
from eventscope.lexicon import Trigger

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents
    from eventscope.records import Actor

DIRECTIVE = "directive (verb + party + infinitive)"
KEYS = ("verbs", "own_sectors")


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
