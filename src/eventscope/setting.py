"""The article's setting: the country its events take place in.

News leaves the nationality of domestic actors unsaid: "police fired tear gas at the
marchers" in a story from Quito, "the opposition called a strike", "the court". Such an
actor belongs to the country where the event happens: its own place when the text gives
one, else the country the article is set in, which is the country its body names most
(places and governments in the body outrank the dateline, which only breaks ties: a story
datelined Beirut may tell of Damascus).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from eventscope.countries import Countries
from eventscope.places import Gazetteer
from eventscope.records import DOMESTIC_SECTORS, UNNAMED_STATES, Actor, Location

PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
# The setting must stand out: a country named this share of all country mentions or more.
MIN_SHARE = 0.3
# The lede names the scene: its place names count this much more than later ones.
LEDE_WEIGHT = 2


@dataclass(frozen=True)
class Setting:
    """Where an article's events take place, as far as its text says."""

    country: str | None

    def localize(self, actor: Actor | None, place: Location | None,
                 stateless: Callable[[str], bool]) -> Actor | None:
        """A domestic actor with no country takes the country of the event's place, else
        the article's. `stateless(name)` says a named actor has no country of its own
        (a transnational group such as ISIS), which no setting changes."""
        if actor is None or actor.country or actor.sector not in DOMESTIC_SECTORS:
            return actor
        if actor.why == UNNAMED_STATES or (actor.name and stateless(actor.name)):
            return actor
        if place is not None and place.country:
            return replace(actor, country=place.country, why=f"domestic actor at {place.name}")
        if self.country:
            return replace(actor, country=self.country, why="domestic actor in the article's country")
        return actor


class SettingTally:
    """Counts the countries an article's body names, region by region (a long article is
    parsed in pieces), then says its setting: the country named most, the dateline's
    country breaking a tie."""

    def __init__(self, countries: Countries, places: Gazetteer):
        self.countries = countries
        self.places = places
        self.counts: Counter[str] = Counter()  # in order of first mention: ties go to the first

    def add(self, doc: Doc, start: int, end: int, lede_end: int) -> None:
        """Count the places and demonyms that start in doc characters start:end; those
        before `lede_end` (the end of the first paragraph) count more."""
        for entity in doc.ents:
            if entity.label_ in PLACE_LABELS and start <= entity.start_char < end:
                country = _country_named(entity.text, entity.label_, self.countries, self.places)
                if country:
                    self.counts[country] += LEDE_WEIGHT if entity.start_char < lede_end else 1

    def setting(self, dateline: Location | None) -> Setting:
        counts = Counter(self.counts)
        if dateline is not None and dateline.country:
            counts[dateline.country] += 0.5
        if not counts:
            return Setting(None)
        country, top = counts.most_common(1)[0]
        return Setting(country if top / sum(counts.values()) >= MIN_SHARE else None)


def _country_named(text: str, label: str, countries: Countries, places: Gazetteer) -> str | None:
    """The country a place name or demonym belongs to; towns only for what the parser
    calls a place (GPE), not for every capitalised word."""
    country = countries.lookup(text)
    if country is not None:
        return country.iso3
    place = places.lookup(text) if label == "GPE" else None
    return place.country if place is not None else None


def lede_end(body: str, skip_before: int) -> int:
    """Where the article's first paragraph ends: the lede says where the story is."""
    end = body.find("\n", skip_before + 1)
    return end if end != -1 else len(body)
