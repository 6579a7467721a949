"""Private visits: "Record numbers of tourists visited Iceland" is travel, not a CONSULT."""

from __future__ import annotations

from functools import lru_cache

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.lexicon import Lexicon


@lru_cache(maxsize=1)
def _private() -> tuple[frozenset[str], frozenset[str]]:
    data = section("private_visit", {"modes": list, "sectors": list})
    return frozenset(data["modes"]), frozenset(data["sectors"])


def without_private_visits(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop visits made only by unnamed people of a private sector (tourists, students,
    fans): no political party travels, so no one is consulted."""
    modes, sectors = _private()
    return [f for f in found if not (
        f.mode in modes and f.sources and all(s.sector in sectors and not s.name for s in f.sources))]
