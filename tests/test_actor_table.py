"""The actor table: lookups on names as news text writes them, offices in time, and data checks."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from eventscope.actor_table import DEFAULT_PATH, ActorTable, tokens
from eventscope.records import SECTORS, Actor


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return ActorTable.load()


def name_of(table: ActorTable, text: str, on: date | None = None, **kwargs) -> str | None:
    entry = table.find(text, on, **kwargs)
    return entry.name if entry else None


# ----- find: exact names, aliases, titles, spelling --------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Sergey Lavrov", "Sergey Lavrov"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("SERGEY LAVROV", "Sergey Lavrov"),
    ("Faysal Mikdad", "Faisal Mekdad"),
    ("Faisal Miqdad", "Faisal Mekdad"),
    ("ISIL", "ISIS"),
    ("Daesh", "ISIS"),
    ("the Islamic State", "ISIS"),
    ("Ansar Allah", "Houthis"),
    ("Jabhat al-Nusra", "Hayat Tahrir al-Sham"),
    ("Doctors Without Borders", "Médecins Sans Frontières"),
    ("Syrian Arab News Agency", "SANA"),
])
def test_find_canonical_names_and_aliases(table, text, expected):
    assert name_of(table, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("President Bashar al-Assad", "Bashar al-Assad"),
    ("H.E. Mr. Sergey Lavrov", "Sergey Lavrov"),
    ("Dr. Faisal Mekdad", "Faisal Mekdad"),
    ("Foreign and Expatriates Minister Faisal Mekdad", "Faisal Mekdad"),
    ("Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov"),
    ("Special Presidential Envoy Alexander Lavrentiev", "Alexander Lavrentiev"),
    ("King Abdullah II", "Abdullah II"),
    ("Sheikh Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"),
    ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman"),
    ("Secretary of State Antony Blinken", "Antony Blinken"),
    ("Lavrov's", "Sergey Lavrov"),
])
def test_find_ignores_titles_and_possessives(table, text, expected):
    assert name_of(table, text) == expected


@pytest.mark.parametrize("text", ["Al-Assad", "al-Assad", "Al Assad", "Assad", "Bashar Al-Assad", "bashar assad"])
def test_find_ignores_arabic_article_variants(table, text):
    assert name_of(table, text, date(2018, 7, 26)) == "Bashar al-Assad"


@pytest.mark.parametrize("text, expected", [
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Mevlut Cavusoglu", "Mevlüt Çavuşoğlu"),
    ("Binali Yildirim", "Binali Yıldırım"),
    ("Medecins Sans Frontieres", "Médecins Sans Frontières"),
])
def test_find_ignores_diacritics(table, text, expected):
    assert name_of(table, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lavrov", "Sergey Lavrov"),
    ("Putin", "Vladimir Putin"),
    ("Mr. Lavrentiev", "Alexander Lavrentiev"),
    ("Mekdad", "Faisal Mekdad"),
    ("Zelensky", "Volodymyr Zelensky"),
])
def test_find_unique_surname(table, text, expected):
    assert name_of(table, text, date(2021, 2, 17)) == expected


@pytest.mark.parametrize("text, on, expected", [
    ("Assad", date(1999, 5, 1), "Hafez al-Assad"),
    ("Assad", date(2015, 5, 1), "Bashar al-Assad"),
    ("Hariri", date(2002, 1, 1), "Rafic Hariri"),
    ("Hariri", date(2018, 1, 1), "Saad Hariri"),
    ("Aoun", date(2020, 1, 1), "Michel Aoun"),
    ("Aoun", date(2025, 6, 1), "Joseph Aoun"),
    ("President Bush", date(2003, 3, 20), "George W. Bush"),
    ("Kirchner", date(2010, 1, 1), "Cristina Fernández de Kirchner"),
])
def test_find_shared_surname_resolved_by_date(table, text, on, expected):
    assert name_of(table, text, on) == expected


def test_find_shared_surname_without_a_single_office_holder_is_none(table):
    # Bashar Jaafari (Syria's UN envoy) and Ibrahim al-Jaafari (Iraq's FM) both served in 2016.
    assert name_of(table, "Jaafari", date(2016, 1, 1)) is None
    assert name_of(table, "Jaafari", date(2016, 1, 1), country="IRQ") == "Ibrahim al-Jaafari"
    assert name_of(table, "Jaafari", date(2016, 1, 1), country="SYR") == "Bashar Jaafari"


def test_find_without_spelling_variants(table):
    assert name_of(table, "Lavrov", date(2021, 1, 1)) == "Sergey Lavrov"
    assert table.find("Lavrof", date(2021, 1, 1), fuzzy=False) is None
    assert table.find("Lavrof", date(2021, 1, 1)) is not None


def test_undated_namesakes_out_of_office_resolve_to_the_last_holder(table):
    # Neither Assad holds office now; an undated "President Assad" is the later one.
    assert name_of(table, "President Al-Assad", None) == "Bashar al-Assad"
    assert name_of(table, "Assad", date(1999, 5, 1)) == "Hafez al-Assad"


def test_find_surname_does_not_claim_another_first_name(table):
    assert table.find("Asma al-Assad", date(2018, 1, 1)) is None
    assert table.find("Rami Lavrov") is None


@pytest.mark.parametrize("text, expected", [
    ("Yevimov", "Alexander Yefimov"),
    ("Alexander Yevimov", "Alexander Yefimov"),
    ("Lavrof", "Sergey Lavrov"),
    ("Sergei Lavrof", "Sergey Lavrov"),
    ("Mikdad", "Faisal Mekdad"),
    ("Zelenskyi", "Volodymyr Zelensky"),
    ("Netanjahu", "Benjamin Netanyahu"),
    ("Shtayeh", "Mohammad Shtayyeh"),
])
def test_find_fuzzy_transliterations(table, text, expected):
    assert name_of(table, text, date(2021, 2, 17)) == expected


COMMON_WORDS = ["Minister", "President", "Government", "Ministry", "Council", "Security", "Country", "Foreign", "Meeting", "Support", "Cooperation", "Minister's", "Statement", "Conference", "Relations", "Republic", "Official", "Ambassador", "Embassy", "Attack", "Against", "Terrorism", "Terrorist", "Military", "Between", "National", "International", "Development", "Putting", "Lovers", "Leverage", "Assault", "Assets", "Muslim", "Mustard", "Sharing", "Hamster", "Parliament", "Elections", "Alexander", "Mohammed", "Abdullah", "Moscow", "Damascus", "Russia", "Syrian", "Russian", "Turkey", "Israel", "America", "Washington", "Bashar", "Sergey", "Vladimir", "Macaroni", "Micron", "Market", "Merger", "Sultanate", "Kingdom", "Tripoli", "Lebanon", "Lebanese", "Palestinian", "Kremlin", "Pentagon", "Hamlet", "Harvest", "Obligation", "Ukrainian", "Nations"]


@pytest.mark.parametrize("word", COMMON_WORDS)
def test_common_words_are_not_actors(table, word):
    hit = table.find(word, date(2020, 1, 1))
    assert hit is None or word.lower() in {w for n in (hit.name, *hit.aliases) for w in tokens(n)}, hit


@pytest.mark.parametrize("text", [
    "Sergey Ivanovich Petrov", "Vladimir Lenin", "Asma al-Assad", "John Smith", "Ahmad Shah Massoud",
    "Yevgeny Prigozhin", "Macronn Emmanuel", "Lavrenti Beria", "",
])
def test_unknown_and_near_but_different_names_are_none(table, text):
    assert table.find(text, date(2020, 1, 1)) is None


def test_table_names_do_not_fuzzy_match_each_other(table):
    """Every table name, looked up, finds its own entry, not a similar neighbour."""
    for entry in table.entries:
        found = table.find(entry.name, country=entry.country) if entry.kind == "person" else table.find(entry.name)
        assert found is entry, (entry.name, found and found.name)


def test_acronyms_match_only_in_capitals(table):
    assert name_of(table, "WHO") == "World Health Organization"
    assert table.find("who") is None
    assert name_of(table, "MSF") == "Médecins Sans Frontières"


def test_entry_actor_record(table):
    assert table.find("Lavrov").actor() == Actor("Sergey Lavrov", "RUS", "GOV")
    assert table.find("ISIS").actor() == Actor("ISIS", None, "REB")
    assert table.find("Syrian Arab Army").actor() == Actor("Syrian Arab Army", "SYR", "MIL")


def test_entry_holds(table):
    mekdad = table.find("Faisal Mekdad")
    assert mekdad.holds("foreign minister", "SYR", date(2021, 2, 17))
    assert not mekdad.holds("foreign minister", "SYR", date(2018, 7, 26))
    assert mekdad.holds("deputy foreign minister", "SYR", date(2018, 7, 26))


# ----- holder: offices in time -------------------------------------------------------------

@pytest.mark.parametrize("role, country, on, expected", [
    ("foreign minister", "RUS", date(2021, 2, 17), "Sergey Lavrov"),
    ("foreign minister", "RUS", date(2003, 1, 1), "Igor Ivanov"),
    ("president", "USA", date(2018, 7, 26), "Donald Trump"),
    ("president", "USA", date(2022, 7, 26), "Joe Biden"),
    ("president", "RUS", date(2010, 1, 1), "Dmitry Medvedev"),
    ("prime minister", "RUS", date(2010, 1, 1), "Vladimir Putin"),
    ("foreign minister", "SYR", date(2018, 7, 26), "Walid Muallem"),
    ("foreign minister", "SYR", date(2021, 2, 17), "Faisal Mekdad"),
    ("secretary of state", "USA", date(2014, 1, 1), "John Kerry"),
    ("FM", "TUR", date(2019, 1, 1), "Mevlüt Çavuşoğlu"),
    ("premier", "ISR", date(2019, 1, 1), "Benjamin Netanyahu"),
    ("defence minister", "RUS", date(2018, 1, 1), "Sergei Shoigu"),
    ("defense secretary", "USA", date(2018, 1, 1), "James Mattis"),
    ("head of state", "SAU", date(2018, 1, 1), "Salman bin Abdulaziz"),
    ("head of state", "IRN", date(2018, 1, 1), "Ali Khamenei"),
    ("head of government", "DEU", date(2018, 1, 1), "Angela Merkel"),
    ("secretary-general", "UN", date(2018, 1, 1), "António Guterres"),
])
def test_holder_on_date(table, role, country, on, expected):
    assert table.holder(role, country, on).name == expected


def test_holder_at_a_changeover_is_the_successor(table):
    assert table.holder("president", "USA", date(2021, 1, 19)).name == "Donald Trump"
    assert table.holder("president", "USA", date(2021, 1, 20)).name == "Joe Biden"
    assert table.holder("foreign minister", "SYR", date(2020, 11, 21)) is None  # Muallem died 16 Nov
    assert table.holder("foreign minister", "SYR", date(2020, 11, 22)).name == "Faisal Mekdad"


def test_holder_of_an_embassy(table):
    assert table.holder("ambassador", "RUS", date(2019, 1, 1), to="SYR").name == "Alexander Yefimov"
    assert table.holder("ambassador", "RUS", date(2016, 1, 1), to="SYR").name == "Alexander Kinshchak"


def test_holder_now_and_unknown_offices(table):
    assert table.holder("foreign minister", "RUS").name == "Sergey Lavrov"
    assert table.holder("president", "SYR", date(1950, 1, 1)) is None
    assert table.holder("court jester", "RUS", date(2020, 1, 1)) is None


# ----- role words and names -----------------------------------------------------------------

def test_role_words(table):
    words = table.role_words()
    assert words["foreign and expatriates minister"] == "foreign minister"
    assert words["minister of foreign affairs"] == "foreign minister"
    assert words["fm"] == "foreign minister"
    assert words["premier"] == "prime minister"
    assert words["defense secretary"] == "defence minister"


def test_names_cover_canonical_names_and_aliases(table):
    surfaces = defaultdict(set)
    for surface, entry in table.names():
        surfaces[entry.name].add(surface)
    assert {"Sergey Lavrov", "Sergei Lavrov"} <= surfaces["Sergey Lavrov"]
    assert {"ISIS", "Daesh", "ISIL"} <= surfaces["ISIS"]
    assert len(surfaces) == len(table.entries)


# ----- loading ------------------------------------------------------------------------------

def test_default_table_is_loaded_once(table):
    assert ActorTable.load() is table


def test_bad_table_names_the_file_and_entry(tmp_path: Path):
    bad = tmp_path / "actors.yaml"
    bad.write_text("persons:\n  - name: X Y\n    country: RUS\n    sector: BAD\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"actors\.yaml: persons\[0\] \(X Y\): unknown sector 'BAD'"):
        ActorTable.load(bad)
    bad.write_text("persons:\n  - name: X Y\n    roles: [{role: king, start: 2020-13-01}]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"actors\.yaml: cannot read the actor table: month must be in 1\.\.12"):
        ActorTable.load(bad)
    bad.write_text("persons: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"actors\.yaml: cannot read"):
        ActorTable.load(bad)


# ----- data checks --------------------------------------------------------------------------

ISO3 = re.compile(r"^[A-Z]{3}$")


def org_codes(table: ActorTable) -> set[str]:
    return {e.code for e in table.entries if e.code}


def test_every_entry_has_a_valid_sector_and_country(table):
    for entry in table.entries:
        assert entry.sector in SECTORS, entry.name
        assert entry.country is None or ISO3.match(entry.country), entry.name
        assert entry.kind == "organisation" or entry.roles, f"{entry.name} has no role"


def test_every_role_uses_the_vocabulary_and_known_places(table):
    vocabulary = set(table.role_words().values())
    codes = org_codes(table)
    for entry in table.entries:
        for role in entry.roles:
            assert role.role in vocabulary, (entry.name, role.role)
            assert role.country is None or ISO3.match(role.country) or role.country in codes, (entry.name, role)
            assert role.start is not None, (entry.name, role)
            assert role.end is None or role.start < role.end, (entry.name, role)


def test_no_office_has_two_holders_at_once(table):
    by_office = defaultdict(list)
    for entry in table.entries:
        for role in entry.roles:
            by_office[(role.role, role.country, role.to)].append((role.start, role.end or date.max, entry.name))
    shared = {"ambassador", "special envoy", "spokesperson", "deputy foreign minister",
              "minister of state for foreign affairs", "vice president", "commander", "leader"}
    for office, terms in by_office.items():
        if office[0] in shared:
            continue
        terms.sort()
        for (_, end, before), (start, _, after) in pairwise(terms):
            assert end <= start, f"{office}: {before} until {end} overlaps {after} from {start}"


def test_every_surface_string_is_unambiguous_or_told_apart_by_date(table):
    """Two entries may share a name only when no day has both in office."""
    owners = defaultdict(set)
    for surface, entry in table.names():
        owners[" ".join(tokens(surface))].add(entry)
    for surface, entries in owners.items():
        if len(entries) > 1:
            assert all(e.kind == "person" for e in entries), surface


def test_default_path_is_packaged():
    assert DEFAULT_PATH.name == "actors.yaml" and DEFAULT_PATH.parent.name == "data"


def test_empty_table_file_is_an_error(tmp_path: Path):
    empty = tmp_path / "actors.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match=r"actors\.yaml: the actor table must be a mapping"):
        ActorTable.load(empty)


def test_cached_table_equals_the_parsed_one(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("EVENTSCOPE_CACHE", str(tmp_path / "cache"))
    first = ActorTable.load(DEFAULT_PATH)
    assert list((tmp_path / "cache").glob("actors-*.pickle"))
    second = ActorTable.load(DEFAULT_PATH)
    assert second is not first and second.entries == first.entries
    assert second.find("Lavrov").name == "Sergey Lavrov"
