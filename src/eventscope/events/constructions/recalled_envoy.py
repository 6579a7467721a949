"""A recalled envoy told in the passive: "Venezuela's ambassador in Washington was called back
to Caracas", "the Peruvian envoy to Mexico was recalled": the envoy's own state recalls it
from the state where it serves (SANCTION, CAMEO 161 reduce or break diplomatic relations;
EVENTS.md: recalling an ambassador is a SANCTION). Data: section `recalled_envoy` of
data/constructions.yaml."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import RECALLED_ENVOY
from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.syntax import first_child, has_child
from eventscope.lexicon import Trigger
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

RECALL = Trigger(key=RECALLED_ENVOY, type="SANCTION", mode="withdraw", targets=("from",),
                 requires=frozenset(), cameo="161")


@lru_cache(maxsize=1)
def recall_words() -> dict[str, frozenset[str]]:
    keys = ("verbs", "envoys", "posts")
    data = section("recalled_envoy", dict.fromkeys(keys, list))
    return {key: frozenset(data[key]) for key in keys}


def recalled_envoy(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    words = recall_words()
    if verb.pos_ != "VERB" or not has_child(verb, "auxpass") or has_child(verb, "agent") or not _recall(verb, words):
        return None
    envoy = first_child(verb, "nsubjpass")
    if envoy is None or envoy.lemma_.lower() not in words["envoys"]:
        return None
    sources = events.actors.owner_of(envoy) or [a for a in events.actors_named(envoy) if a.country]
    posts = [g for head in (envoy, verb) for p in head.children if p.dep_ == "prep" and p.lower_ in words["posts"]
             for g in p.children if g.dep_ == "pobj"]
    targets = [a for g in posts for a in (events.argument_actors(g) or events._place_actor(g))
               if a.country not in {s.country for s in sources}]
    if not sources:
        return None
    event = Found([verb], RECALL, sources, targets, verb, mode=RECALL.mode)
    events.set_modality(event)
    return event


def _recall(verb: Token, words: dict[str, frozenset[str]]) -> bool:
    """ "was recalled", "was withdrawn", "was called back" (the particle read as an adverb too)."""
    lemma = verb.lemma_.lower()
    if lemma in words["verbs"]:
        return True
    return any(f"{lemma} {c.lower_}" in words["verbs"] for c in verb.children if c.dep_ in ("prt", "advmod"))
