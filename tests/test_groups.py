"""Non-state actors as data: the groups files, date-dependent sectors, the user's own
tables ($EVENTSCOPE_ACTORS), and extraction with a group as a party. Sentences are
written for these tests."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from eventscope.actor_table import (
    DEFAULT_PATH,
    GROUPS_DIR,
    USER_TABLES_VAR,
    ActorTable,
    default_paths,
    user_paths,
)
from eventscope.records import SECTORS, Actor


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return ActorTable.load_files([DEFAULT_PATH, *sorted(GROUPS_DIR.glob("*.yaml"))])


def entries_of(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [*(data.get("organisations") or []), *(data.get("persons") or [])]


# ----- each alias finds the group, with its sector of the date -------------------------------

@pytest.mark.parametrize("alias", ["FARC", "FARC-EP", "Revolutionary Armed Forces of Colombia",
                                   "Fuerzas Armadas Revolucionarias de Colombia", "farc"])
@pytest.mark.parametrize("on, sector", [(date(2010, 5, 1), "REB"), (date(2020, 5, 1), "PTY")])
def test_farc_by_every_alias_takes_its_sector_of_the_date(table, alias, on, sector):
    entry = table.find(alias, on)
    assert entry is not None and entry.name == "FARC"
    assert entry.actor() == Actor("FARC", "COL", sector)
    assert table.find(alias, on).actor(on) == Actor("FARC", "COL", sector)


def test_undated_text_gets_the_current_sector(table):
    assert table.find("FARC").sector == "PTY"
    assert table.find("FARC").actor(date(2016, 12, 31)).sector == "REB"


def test_a_period_can_change_the_country(table):
    """The SPLM fought Sudan's government, then rules South Sudan."""
    assert table.find("SPLM", date(1999, 1, 1)).actor() == Actor("Sudan People's Liberation Movement", "SDN", "REB")
    assert table.find("SPLM", date(2015, 1, 1)).actor() == Actor("Sudan People's Liberation Movement", "SSD", "PTY")


@pytest.mark.parametrize("on, sector", [(date(2004, 1, 1), "PTY"), (date(2014, 1, 1), "OPP"), (date(2008, 1, 1), "OPP")])
def test_a_party_is_opp_out_of_office_and_pty_in_it(table, on, sector):
    assert table.find("BNP", on).sector == sector


@pytest.mark.parametrize("alias, name, country", [
    ("M23", "M23", "COD"), ("March 23 Movement", "M23", "COD"), ("Mouvement du 23 mars", "M23", "COD"),
    ("Janjaweed", "Janjaweed", "SDN"), ("JEM", "Justice and Equality Movement", "SDN"),
    ("Boko Haram", "Boko Haram", "NGA"), ("al-Shabab", "al-Shabaab", "SOM"), ("Hizbollah", "Hezbollah", "LBN"),
    ("Tamil Tigers", "Liberation Tigers of Tamil Eelam", "LKA"), ("Sendero Luminoso", "Shining Path", "PER"),
    ("Daesh", "ISIS", None),
])
def test_armed_groups_are_reb_with_the_contract_country(table, alias, name, country):
    assert table.find(alias, date(2015, 1, 1)).actor() == Actor(name, country, "REB")


@pytest.mark.parametrize("alias, expected", [
    ("OAS", Actor("Organization of American States", None, "IGO")),
    ("Asian Development Bank", Actor("Asian Development Bank", None, "IGO")),
    ("Sant'Egidio", Actor("Community of Sant'Egidio", None, "NGO")),
    ("Forum for Democratic Change", Actor("Forum for Democratic Change", "UGA", "OPP")),
    ("Xinhua", Actor("Xinhua", "CHN", "MED")),
    ("KCNA", Actor("KCNA", "PRK", "MED")),
])
def test_igos_ngos_parties_and_media(table, alias, expected):
    assert table.find(alias, date(2016, 1, 1)).actor() == expected


@pytest.mark.parametrize("on, sector", [(date(2014, 8, 20), "OPP"), (date(2020, 1, 1), "GOV"), (date(2023, 5, 9), "OPP")])
def test_an_opposition_leader_in_office_is_gov(table, on, sector):
    assert table.find("Imran Khan", on).actor() == Actor("Imran Khan", "PAK", sector)


def test_a_group_office_is_no_office_of_the_state(table):
    assert table.holder("prime minister", "PAK", date(2020, 1, 1)).name == "Imran Khan"
    assert table.holder("head of state", "COD", date(2022, 6, 1)) is None  # not M23's leader
    assert table.holder("leader", "M23", date(2022, 6, 1)).name == "Bertrand Bisimwa"
    assert table.find("Cirillo", date(2019, 1, 1)).actor() == Actor("Thomas Cirillo Swaka", "SSD", "REB")


def test_derived_groups_come_from_petrarch_with_their_country(table):
    assert table.find("Abu Sayyaf Group").actor() == Actor("Abu Sayyaf", "PHL", "REB")  # hand-written wins
    derived = table.find("Sardinian Autonomy Movement")
    assert derived.actor() == Actor("Sardinian Autonomy Movement", "ITA", "REB")
    assert derived.source.startswith("petrarch2:")


@pytest.mark.parametrize("text", ["Paradise", "Tigers", "Abu Musab", "Umar Patek", "Mavericks",
                                  "Revolutionary Army", "National Liberation Front", "Islamic Army", "Popular Front",
                                  "the Base", "Red Army"])
def test_generic_phrases_are_no_derived_group(table, text):
    hit = table.find(text)
    assert hit is None or not (hit.source or "").startswith("petrarch2:Phoenix.MilNonState") \
        or hit.name in {"FARC"}, hit


@pytest.mark.parametrize("text", ["Lebanese forces", "KIA", "DPR", "Memorial", "Bloomberg", "Amal", "Democratic Party",
                                  "Workers' Party", "Justice and Development Party", "PNA", "NRC"])
def test_names_that_often_mean_something_else_are_left_out(table, text):
    """Lebanese troops, 'killed in action', DPR Korea, Michael Bloomberg, a first name, parties of
    that name in many countries, the Palestinian National Authority, a US commission."""
    assert table.find(text, date(2020, 1, 1), fuzzy=False) is None


# ----- data checks ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(GROUPS_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_group_entry_has_a_source_sector_and_country(path):
    for raw in entries_of(path):
        assert raw.get("source"), raw["name"]
        assert raw["sector"] in SECTORS, raw["name"]
        assert raw["country"] is None or re.fullmatch(r"[A-Z]{3}", raw["country"]), raw["name"]
        for period in raw.get("periods") or []:
            assert period.get("sector", raw["sector"]) in SECTORS, raw["name"]


def test_groups_files_are_part_of_the_default_table():
    assert default_paths()[:2] == [DEFAULT_PATH, *sorted(GROUPS_DIR.glob("*.yaml"))][:2]
    assert set(GROUPS_DIR.glob("*.yaml")) <= set(default_paths())


# ----- the user's own entries -------------------------------------------------------------------

USER_TABLE = """\
organisations:
  - name: Island Liberation Front
    aliases: [ILF, Front for the Liberation of the Islands]
    country: PNG
    sector: REB
    periods: [{start: 2030-01-01, sector: PTY}]
    source: my own notes
  - name: FARC
    aliases: [FARC-EP]
    country: COL
    sector: REB
persons:
  - name: Jon Tanu
    country: PNG
    sector: REB
    roles: [{role: leader, country: PNG, start: 2020-01-01}]
"""


def test_a_user_file_adds_and_replaces_entries_without_code(tmp_path: Path, monkeypatch):
    folder = tmp_path / "my-actors"
    folder.mkdir()
    (folder / "islands.yaml").write_text(USER_TABLE, encoding="utf-8")
    monkeypatch.setenv(USER_TABLES_VAR, str(folder))
    monkeypatch.setenv("EVENTSCOPE_CACHE", str(tmp_path / "cache"))
    assert user_paths() == [folder / "islands.yaml"]
    table = ActorTable.load_files(default_paths())
    assert table.find("Front for the Liberation of the Islands", date(2025, 1, 1)).actor() == \
        Actor("Island Liberation Front", "PNG", "REB")
    assert table.find("ILF", date(2031, 1, 1)).sector == "PTY"
    assert table.find("Jon Tanu").actor() == Actor("Jon Tanu", "PNG", "REB")
    assert table.find("FARC", date(2020, 1, 1)).sector == "REB"  # the user's entry replaced the packaged one
    assert table.find("Lavrov").name == "Sergey Lavrov"  # the rest is still there


def test_a_missing_user_path_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ValueError, match=r"EVENTSCOPE_ACTORS: .*nowhere: no such file or folder"):
        user_paths(str(tmp_path / "nowhere"))


@pytest.mark.parametrize("body, message", [
    ("organisations:\n  - name: X Front\n    country: Colombia\n    sector: REB\n",
     r"organisations\[0\] \(X Front\): country 'Colombia' is not an ISO 3166 alpha-3 code"),
    ("organisations:\n  - name: X Front\n    sector: REB\n    periods: [{sector: PTY}]\n",
     r"organisations\[0\] \(X Front\): periods\[0\]: a period needs a start or end date"),
    ("organisations:\n  - name: X Front\n    sector: REB\n    periods: [{start: 2020-01-01, end: 2019-01-01, sector: PTY}]\n",
     r"organisations\[0\] \(X Front\): periods\[0\]: ends \(2019-01-01\) before it starts"),
    ("organisations:\n  - name: X Front\n    sector: REB\n    aliases: X\n",
     r"organisations\[0\] \(X Front\): aliases must be a list"),
])
def test_a_bad_user_entry_names_file_entry_and_problem(tmp_path: Path, body, message):
    bad = tmp_path / "mine.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=r"mine\.yaml: " + message):
        ActorTable.load_files([DEFAULT_PATH, bad])


# ----- extraction -------------------------------------------------------------------------------

@pytest.mark.slow
def test_boko_haram_fighters_attacking_a_village_are_nga_reb():
    from eventscope import extract

    found = extract("Boko Haram fighters attacked a village in Borno state on Sunday, killing 12 people.",
                    publication_date="2021-03-02").events
    attacks = [e for e in found if e.type == "ASSAULT"]
    assert attacks, found
    assert (attacks[0].source.name, attacks[0].source.country, attacks[0].source.sector) == ("Boko Haram", "NGA", "REB")


@pytest.mark.slow
def test_a_group_takes_its_sector_of_the_article_date():
    from eventscope import extract

    text = "The FARC accused the army of attacking its members."
    sectors = {published: [e.source.sector for e in extract(text, publication_date=published).events
                           if e.source and e.source.name == "FARC"] for published in ("2010-06-01", "2020-06-01")}
    assert sectors == {"2010-06-01": ["REB"], "2020-06-01": ["PTY"]}
