"""Walkouts: "doctors walked out of hospitals" is a strike; "walked out of jail" is not."""

from __future__ import annotations

from functools import lru_cache

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.lexicon import Lexicon


@lru_cache(maxsize=1)
def _walkout_words() -> tuple[frozenset[str], frozenset[str]]:
    data = section("walkout", {"verbs": list, "custody_nouns": list})
    return frozenset(data["verbs"]), frozenset(data["custody_nouns"])


def without_custody_exits(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop a walkout out of a place one is held in ("walked out of prison"): leaving
    custody protests nothing."""
    verbs, places = _walkout_words()
    return [f for f in found if not (
        f.type == "PROTEST" and f.trigger[0].lemma_.lower() in verbs and f.trigger[0].pos_ == "VERB"
        and any(t.lemma_.lower() in places for t in f.trigger[0].subtree if t.dep_ == "pobj"))]
