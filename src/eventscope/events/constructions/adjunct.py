"""Adjunct gerunds: "In addition to condemning X's strikes, Y called on ...", "Besides
criticising the decision, Y demanded ...": the gerund is a second act of the clause's
subject, told beside the main verb, not what that verb asks for or says."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.events.constructions.data import section

# How far up from the gerund its clause verb may be ("in" <- "addition" <- "to" <- gerund).
MAX_CLIMB = 4


@lru_cache(maxsize=1)
def adjunct_phrases() -> tuple[tuple[str, ...], ...]:
    """The prepositions (one or more words) that open an adjunct gerund, longest first."""
    phrases = section("adjunct_gerund", {"phrases": list})["phrases"]
    return tuple(sorted((tuple(p.lower().split()) for p in phrases), key=len, reverse=True))


def adjunct_clause(gerund: Token) -> Token | None:
    """The verb of the clause an adjunct gerund hangs from ("in addition to condemning",
    "apart from denouncing", "besides criticising"), or None when the gerund is no such
    adjunct ("called for ending the siege", "accused X of shelling")."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or not _opened_by_adjunct(gerund):
        return None
    current = gerund
    for _ in range(MAX_CLIMB):
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head == current:
            return None
    return None


def _opened_by_adjunct(gerund: Token) -> bool:
    before = [t.lower_ for t in gerund.doc[max(gerund.sent.start, gerund.i - 3):gerund.i]]
    return any(tuple(before[-len(p):]) == p for p in adjunct_phrases() if len(p) <= len(before))
