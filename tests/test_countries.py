"""The country table: coverage, unique codes, and look-ups by every surface form."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from eventscope.countries import Countries, fold, read_table

COUNTRIES = Countries.load()


def test_every_un_member_and_the_extra_states_are_there():
    assert len(COUNTRIES.all) >= 193 + 5
    for code in ("PSE", "XKX", "TWN", "VAT", "HKG", "SSD", "SYR", "RUS"):
        assert COUNTRIES.by_code(code) is not None


def test_codes_are_well_formed_and_unique():
    for column, pattern in (("iso3", r"[A-Z]{3}"), ("iso2", r"[A-Z]{2}")):
        values = [getattr(c, column) for c in COUNTRIES.all]
        assert all(re.fullmatch(pattern, v) for v in values), column
        assert not [v for v, n in Counter(values).items() if n > 1], column
    cows = [c.cow for c in COUNTRIES.all if c.cow is not None]
    assert len(cows) == len(set(cows))


def test_every_name_alias_demonym_capital_and_metonym_maps_back_to_its_row():
    for country in COUNTRIES.all:
        for name in (country.name, *country.aliases):
            assert COUNTRIES.from_name(name) is country, name
        for demonym in country.demonyms:
            assert COUNTRIES.from_demonym(demonym) is country, demonym
        for capital in country.capital:
            assert COUNTRIES.from_capital(capital) is country, capital
        for metonym in country.metonyms:
            assert COUNTRIES.from_metonym(metonym) is country, metonym


@pytest.mark.parametrize("text, iso3", [
    ("the United States", "USA"), ("The US", "USA"), ("U.S.", "USA"), ("America", "USA"),
    ("SYRIA", "SYR"), ("the Syrian Arab Republic", "SYR"), ("Russian", "RUS"), ("Moscow", "RUS"),
    ("the Kremlin", "RUS"), ("the White House", "USA"), ("Downing Street", "GBR"),
    ("the Élysée", "FRA"), ("the Elysee", "FRA"), ("Côte d\u2019Ivoire", "CIV"), ("Türkiye", "TUR"),
    ("Turkiye", "TUR"), ("Kiev", "UKR"), ("Kyiv", "UKR"), ("the Holy See", "VAT"), ("Emirati", "ARE"),
])
def test_lookup_by_any_form(text, iso3):
    assert COUNTRIES.lookup(text).iso3 == iso3


@pytest.mark.parametrize("text", ["us", "car", "", "   ", "the", "Mr. Lavrov", "talks"])
def test_lookup_rejects_common_words_and_junk(text):
    assert COUNTRIES.lookup(text) is None


def test_cow_codes_follow_state_changes():
    assert COUNTRIES.cow_code("USA") == 2
    assert COUNTRIES.cow_code("DEU", 1985) == 260 and COUNTRIES.cow_code("DEU", 2005) == 255
    assert COUNTRIES.cow_code("YEM", 1989) == 678 and COUNTRIES.cow_code("YEM", 1990) == 679
    assert COUNTRIES.cow_code("PSE") is None and COUNTRIES.cow_code("XXX") is None


def test_fold_ignores_case_accents_and_spacing():
    assert fold("  Élysée   Palace ") == "elysee palace"


def test_a_bad_row_names_the_file_and_line(tmp_path):
    table = tmp_path / "countries.tsv"
    table.write_text("iso3\tiso2\tcow\tname\taliases\tdemonyms\tcapital\tmetonyms\tformer_cow\n"
                     "SYR\tSY\tnot-a-number\tSyria\t\tSyrian\tDamascus\t\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"countries.tsv:2"):
        read_table(table)
