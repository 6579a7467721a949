"""Private visits: "Record numbers of tourists visited Iceland" is travel, not a CONSULT;
"the prime minister's visit to the shrine" is a visit to a site, where no one is consulted."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.syntax import prepositional_objects
from eventscope.lexicon import Lexicon


@lru_cache(maxsize=1)
def _private() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = section("private_visit", {"modes": list, "sectors": list, "sites": list})
    return frozenset(data["modes"]), frozenset(data["sectors"]), frozenset(data["sites"])


def _destinations(word: Token) -> list[Token]:
    """Where a visit goes: the verb's object ("visited the shrine"), the noun's "to" phrase
    ("his visit to the shrine")."""
    if word.pos_ == "VERB":
        return [c for c in word.children if c.dep_ == "dobj"]
    return prepositional_objects(word, words=("to",))


def _to_a_site(event: Found, sites: frozenset[str]) -> bool:
    """A visit to a site (a shrine, a museum, a hospital), not to a state or an actor."""
    destinations = _destinations(event.trigger[-1])
    return bool(destinations) and all(d.pos_ == "NOUN" and d.lemma_.lower() in sites for d in destinations)


def without_private_visits(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop visits made only by unnamed people of a private sector (tourists, students,
    fans): no political party travels, so no one is consulted; and visits to a site ("his
    visit to the Yasukuni shrine"), where no party is met."""
    modes, sectors, sites = _private()
    return [f for f in found if not (f.mode in modes and (_to_a_site(f, sites) or (
        f.sources and all(s.sector in sectors and not s.name for s in f.sources))))]
