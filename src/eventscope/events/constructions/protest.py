"""Whom a protest is against, when the sentence does not say it with a preposition.

- "anti-Japanese protests in China", "an anti-government rally": the "anti-" word names the
  target, and is no protester (the demonym would otherwise make the Japanese state march);
  protesters the sentence leaves unnamed are the people where the protest is.
- "Farmers marched on parliament", "the opposition staged a strike": people, parties,
  unions or the press who protest at home, with no target said, protest against their
  own government (the gold convention of EVENTS.md's real news: the state they march
  against); its country is settled with theirs (setting.localize).

The sectors and the anti- prefixes are data (data/constructions.yaml, `protest`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

OWN_GOVERNMENT = "the protesters' own government"


def _data() -> dict:
    return section("protest", {"types": list, "protester_sectors": list, "target_sector": str,
                               "against_prefixes": list, "crowd_sector": str})


def protested_party(events: SentenceEvents, event: Found) -> None:
    """Fill in whom a protest with no target of its own is against (module doc)."""
    data = _data()
    if event.type not in data["types"] or event.targets:
        return
    against = _anti_words(event, tuple(data["against_prefixes"]))
    if against:
        targets = [a for word in against for a in events.actors_named(word)]
        if targets:
            event.targets = targets
            event.sources = [s for s in event.sources if s not in targets] or [
                Actor(None, None, data["crowd_sector"])]
            return
    if event.sources and all(s.sector in data["protester_sectors"] for s in event.sources):
        country = event.sources[0].country
        if all(s.country == country for s in event.sources):
            event.targets = [Actor(None, country, data["target_sector"], why=OWN_GOVERNMENT)]


def _anti_words(event: Found, prefixes: tuple[str, ...]) -> list[Token]:
    """The words an "anti-" modifier of the protest noun names: "anti-Japanese" -> Japanese
    (the tokenizer splits it into "anti", "-", "Japanese")."""
    nouns = [t for t in (*event.trigger, *event.absorbed) if t.pos_ in ("NOUN", "PROPN")]
    words = []
    for noun in nouns:
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
        for index, word in enumerate(modifiers):
            if word.lower_ in prefixes:
                rest = [m for m in modifiers[index + 1:] if m.text != "-"]
                words += rest[:1]
    return words
