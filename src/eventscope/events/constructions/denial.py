"""Denial: "the source said the published articles are unfounded": REJECT of the claims."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import speakers_own
from eventscope.events.found import Found
from eventscope.events.syntax import first_child
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def denial(events: SentenceEvents, word: Token, quote_speaker: Actor | None) -> Found | None:
    """ "The source said the published articles are unfounded": the speaker rejects the
    claims (REJECT), against whoever made them."""
    if word.lemma_.lower() not in events.lexicon.denial_adjectives or word.dep_ not in ("acomp", "attr"):
        return None
    claim = first_child(word.head, "nsubj", "nsubjpass")
    if claim is None or claim.lemma_.lower() not in events.lexicon.claim_nouns:
        return None
    targets = events.actors.owner_of(claim)
    authors = events.lexicon.claim_nouns[claim.lemma_.lower()]
    if not targets and authors:
        targets = [Actor(None, None, authors)]
    return speakers_own(events, Found([word], events.lexicon.verbs["reject"], [], targets, word.head),
                              quote_speaker)
