"""The country table: names, aliases, demonyms, capitals and government metonyms.

The facts live in `data/countries.tsv` (one row per state: every UN member plus
Palestine, Kosovo, Taiwan, the Holy See and Hong Kong). This module only indexes
them for O(1) look-ups by any of those surface forms.

Matching ignores case, diacritics, spacing and a leading "the"; aliases written in
capitals ("US", "UK", "DRC") match only in capitals, so "us" is never the USA.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

TABLE = "countries.tsv"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of a name ("Élysée" -> "elysee")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def _without_the(text: str) -> str:
    return _LEADING_THE.sub("", text.strip())


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 5


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    cow: int | None
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: tuple[str, ...]    # the first is the seat of government; others are also used
    metonyms: tuple[str, ...]   # "the Kremlin": places that stand for the government
    former_cow: tuple[tuple[int, int], ...] = ()  # (code, last year it applied)


class _Index:
    """Folded name -> country, with acronyms kept case-sensitive."""

    def __init__(self) -> None:
        self.folded: dict[str, Country] = {}
        self.acronyms: dict[str, Country] = {}

    def add(self, name: str, country: Country) -> None:
        name = _without_the(name)
        if _is_acronym(name):
            self.acronyms.setdefault(name, country)
        else:
            self.folded.setdefault(fold(name), country)

    def get(self, text: str) -> Country | None:
        text = _without_the(text)
        return self.acronyms.get(text) or self.folded.get(fold(text))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _former_codes(cell: str | None) -> tuple[tuple[int, int], ...]:
    pairs = (part.split(":") for part in _split(cell))
    return tuple(sorted((int(code), int(until)) for code, until in pairs))


def read_table(path=None) -> list[Country]:
    """Read the table; a bad row raises ValueError naming the line."""
    source = path or resources.files("eventscope") / "data" / TABLE
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    countries = []
    for line, row in enumerate(rows, start=2):
        try:
            countries.append(Country(
                iso3=row["iso3"], iso2=row["iso2"], cow=int(row["cow"]) if row["cow"] else None,
                name=row["name"], aliases=_split(row["aliases"]), demonyms=_split(row["demonyms"]),
                capital=_split(row["capital"]), metonyms=_split(row["metonyms"]),
                former_cow=_former_codes(row.get("former_cow")),
            ))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{source}:{line}: bad country row ({error})") from None
    return countries


class Countries:
    """All countries, indexed by code, name, demonym, capital and metonym."""

    def __init__(self, countries: list[Country]):
        self.all = tuple(countries)
        self._by_code = {c.iso3: c for c in countries} | {c.iso2: c for c in countries}
        self._names, self._demonyms, self._capitals, self._metonyms = (_Index() for _ in range(4))
        for country in countries:
            for name in (country.name, *country.aliases):
                self._names.add(name, country)
            for demonym in country.demonyms:
                self._demonyms.add(demonym, country)
            for capital in country.capital:
                self._capitals.add(capital, country)
            for metonym in country.metonyms:
                self._metonyms.add(metonym, country)

    @classmethod
    @cache
    def load(cls) -> Countries:
        return cls(read_table())

    def by_code(self, code: str | None) -> Country | None:
        """ISO alpha-3 (or alpha-2) code -> country."""
        return self._by_code.get((code or "").upper())

    def from_name(self, text: str) -> Country | None:
        return self._names.get(text)

    def from_demonym(self, word: str) -> Country | None:
        return self._demonyms.get(word)

    def from_capital(self, text: str) -> Country | None:
        return self._capitals.get(text)

    def from_metonym(self, text: str) -> Country | None:
        return self._metonyms.get(text)

    def lookup(self, text: str) -> Country | None:
        """Any surface form: name, demonym, capital or metonym."""
        if not text or not text.strip():
            return None
        for index in (self._names, self._demonyms, self._capitals, self._metonyms):
            found = index.get(text)
            if found:
                return found
        return self.from_plural_demonym(text)

    def from_plural_demonym(self, text: str) -> Country | None:
        """ "Palestinians", "Iraqis": the people of a country."""
        text = text.strip()
        return self._demonyms.get(text[:-1]) if len(text) > 4 and text.endswith("s") else None

    def cow_code(self, iso3: str, year: int | None = None) -> int | None:
        """Correlates of War state code, the one in force in `year` when it changed."""
        country = self.by_code(iso3)
        if country is None:
            return None
        if year is not None:
            for code, until in country.former_cow:
                if year <= until:
                    return code
        return country.cow


def countries() -> Countries:
    """The shared, loaded table."""
    return Countries.load()
