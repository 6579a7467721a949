"""Office holders of every country (data/people/): found by name and by office on a date,
merged into the packaged table without losing its entries, valid data; and the rule that a
spelling variant of a full name must spell the same surname."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
import yaml

from eventscope.actor_table import (
    DEFAULT_PATH,
    GROUPS_DIR,
    PEOPLE_DIR,
    ActorTable,
    default_paths,
    tokens,
)
from eventscope.records import SECTORS

PEOPLE_FILES = sorted(PEOPLE_DIR.glob("*.yaml"))
COUNTRIES_TSV = Path(DEFAULT_PATH).parent / "countries.tsv"


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return ActorTable.load()


def iso3_codes() -> set[str]:
    with COUNTRIES_TSV.open(encoding="utf-8") as stream:
        return {row["iso3"] for row in csv.DictReader(stream, delimiter="\t")}


def raw_people() -> list[tuple[Path, dict]]:
    return [(path, raw) for path in PEOPLE_FILES
            for raw in yaml.safe_load(path.read_text(encoding="utf-8")).get("persons") or []]


def name_of(table: ActorTable, text: str, on: date | None = None, **kwargs) -> str | None:
    entry = table.find(text, on, **kwargs)
    return entry.name if entry else None


# ----- found by name -----------------------------------------------------------------------

@pytest.mark.parametrize("text, on, expected, country", [
    ("Kim Jong Un", date(2023, 1, 1), "Kim Jong Un", "PRK"),
    ("Kim Jong-un", date(2023, 1, 1), "Kim Jong Un", "PRK"),
    ("Pedro Castillo", date(2022, 6, 1), "Pedro Castillo", "PER"),
    ("Sadyr Japarov", date(2025, 3, 18), "Sadyr Japarov", "KGZ"),
    ("Wu Dawei", date(2012, 3, 1), "Wu Dawei", "CHN"),
    ("Christopher Hill", date(2007, 2, 1), "Christopher Hill", "USA"),
    ("President Félix Tshisekedi", date(2024, 1, 1), "Félix Tshisekedi", "COD"),
    ("Felix Tshisekedi", date(2024, 1, 1), "Félix Tshisekedi", "COD"),
    ("Alexander Lukashenko", date(2021, 1, 1), "Alexander Lukashenko", "BLR"),
    ("Lukashenka", date(2021, 1, 1), "Alexander Lukashenko", "BLR"),
    ("Prime Minister Abiy Ahmed", date(2021, 1, 1), "Abiy Ahmed", "ETH"),
    ("Hemedti", date(2023, 6, 1), "Mohamed Hamdan Dagalo", "SDN"),
    ("Tokayev", date(2022, 1, 5), "Kassym-Jomart Tokayev", "KAZ"),
])
def test_office_holder_found_by_name_with_country(table, text, on, expected, country):
    entry = table.find(text, on)
    assert entry is not None and entry.name == expected
    assert entry.actor(on).country == country


def test_undated_surname_of_a_former_holder_still_finds_him(table):
    assert name_of(table, "Castillo", date(2022, 6, 1)) == "Pedro Castillo"


# ----- found by office on a date -------------------------------------------------------------

@pytest.mark.parametrize("role, country, on, expected", [
    ("president", "KGZ", date(2025, 3, 18), "Sadyr Japarov"),
    ("president", "PER", date(2022, 6, 1), "Pedro Castillo"),
    ("president", "PER", date(2023, 6, 1), "Dina Boluarte"),
    ("head of state", "PRK", date(2015, 1, 1), "Kim Jong Un"),
    ("head of state", "PRK", date(2005, 1, 1), "Kim Jong Il"),
    ("head of state", "ESP", date(2020, 1, 1), "Felipe VI"),
    ("head of government", "ESP", date(2020, 1, 1), "Pedro Sánchez"),
    ("head of government", "AUT", date(2018, 1, 1), "Sebastian Kurz"),
    ("prime minister", "ETH", date(2019, 1, 1), "Abiy Ahmed"),
    ("president", "NGA", date(2016, 1, 1), "Muhammadu Buhari"),
    ("president", "COL", date(2015, 1, 1), "Juan Manuel Santos"),
    ("foreign minister", "HUN", date(2020, 1, 1), "Péter Szijjártó"),
    ("defence minister", "CHN", date(2020, 1, 1), "Wei Fenghe"),
    ("foreign minister", "PRK", date(2023, 1, 1), "Choe Son Hui"),
    ("secretary-general", "OAS", date(2019, 1, 1), "Luis Almagro"),
    ("secretary-general", "ASEAN", date(2019, 1, 1), "Lim Jock Hoi"),
    ("managing director", "IMF", date(2015, 1, 1), "Christine Lagarde"),
    ("president", "WB", date(2020, 1, 1), "David Malpass"),
    ("chairperson", "AU", date(2010, 1, 1), "Jean Ping"),
    # older holders (data/people/late_twentieth.yaml)
    ("president", "USA", date(1985, 6, 1), "Ronald Reagan"),
    ("president", "USA", date(1990, 8, 2), "George H. W. Bush"),
    ("prime minister", "GBR", date(1988, 1, 1), "Margaret Thatcher"),
    ("head of state", "IRN", date(1985, 1, 1), "Ruhollah Khomeini"),
    ("president", "RUS", date(1991, 1, 1), "Mikhail Gorbachev"),
    ("president", "RUS", date(1995, 1, 1), "Boris Yeltsin"),
    ("secretary-general", "UN", date(1990, 1, 1), "Javier Pérez de Cuéllar"),
])
def test_holder_of_an_office_on_a_date(table, role, country, on, expected):
    holder = table.holder(role, country, on)
    assert holder is not None and holder.name == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, published, holder, country", [
    ("The Kyrgyz president met the Kazakh foreign minister in Bishkek on Tuesday.", "2025-03-18",
     "Sadyr Japarov", "KGZ"),
    ("The Peruvian president met the Chilean foreign minister in Lima on Monday.", "2022-06-01",
     "Pedro Castillo", "PER"),
])
def test_role_phrase_with_a_demonym_in_an_article(text, published, holder, country):
    from eventscope import extract

    actors = [a for e in extract(text, publication_date=published).events for a in (e.source, e.target) if a]
    assert any((a.name, a.country, a.sector) == (holder, country, "GOV") for a in actors), actors


# ----- merging: extensions keep the packaged entries -----------------------------------------

def test_people_files_are_loaded_by_default():
    assert set(PEOPLE_FILES) <= set(default_paths())
    assert PEOPLE_FILES, "no people files packaged"


def test_a_known_person_is_extended_not_replaced(table):
    juncker = table.find("Jean-Claude Juncker")
    assert juncker.holds("commission president", "EU", date(2016, 1, 1))  # from actors.yaml
    assert juncker.holds("prime minister", "LUX", date(2010, 1, 1))  # from people/
    suu_kyi = table.find("Aung San Suu Kyi")
    assert suu_kyi.actor(date(2018, 1, 1)).sector == "GOV"  # the groups file's period is kept
    assert suu_kyi.actor(date(2022, 1, 1)).sector == "OPP"


def test_extends_adds_offices_and_aliases(tmp_path: Path):
    base = tmp_path / "a.yaml"
    base.write_text("persons:\n  - {name: Ann Example, country: FRA, sector: GOV, aliases: [A. Example],"
                    " roles: [{role: president, start: 2001-01-01}]}\n", encoding="utf-8")
    more = tmp_path / "b.yaml"
    more.write_text("extends: true\npersons:\n  - {name: Ann Example, country: FRA, sector: GOV,"
                    " aliases: [Annie Example], roles: [{role: foreign minister, start: 1995-01-01,"
                    " end: 2001-01-01}]}\n", encoding="utf-8")
    entry = ActorTable.load_files([base, more]).find("Ann Example")
    assert entry.aliases == ("A. Example", "Annie Example")
    assert [r.role for r in entry.roles] == ["foreign minister", "president"]
    more.write_text(more.read_text(encoding="utf-8").replace("extends: true\n", ""), encoding="utf-8")
    replaced = ActorTable.load_files([base, more]).find("Ann Example")
    assert replaced.aliases == ("Annie Example",) and len(replaced.roles) == 1


def test_people_do_not_repeat_each_other():
    seen: dict[str, Path] = {}
    for path, raw in raw_people():
        key = " ".join(tokens(raw["name"]))
        assert key not in seen, f"{raw['name']} in {path.name} and {seen[key].name}"
        seen[key] = path


# ----- data validation -------------------------------------------------------------------------

def test_every_person_has_valid_country_sector_roles_and_source(table):
    countries = iso3_codes()
    codes = {e.code for e in table.entries if e.code}
    vocabulary = set(table.role_words().values())
    for path, raw in raw_people():
        where = f"{path.name}: {raw['name']}"
        assert raw.get("source"), where
        assert raw.get("sector") in SECTORS, where
        assert raw.get("country") is None or raw["country"] in countries, where
        assert raw.get("roles"), where
        for role in raw["roles"]:
            office = role.get("country", raw.get("country"))
            assert role["role"] in vocabulary, (where, role)
            assert office in countries or office in codes, (where, role)
            assert role.get("to") is None or role["to"] in countries or role["to"] in codes, (where, role)
            assert isinstance(role["start"], date), (where, role)
            assert role.get("end") is None or (isinstance(role["end"], date) and role["start"] < role["end"]), \
                (where, role)
            assert role["start"] >= date(1940, 1, 1) and (role.get("end") or date.today()) <= date.today(), \
                (where, role)


def test_every_un_member_has_a_head_of_state_or_government(table):
    """Coverage: each country of countries.tsv has a head in the table (but Hong Kong, and San
    Marino, whose two Captains Regent change every six months)."""
    heads = {"president", "prime minister", "king", "emir", "sultan", "supreme leader", "chancellor", "pope"}
    covered = {r.country for e in table.entries for r in e.roles if r.role in heads}
    missing = iso3_codes() - covered - {"HKG", "SMR"}
    assert not missing, sorted(missing)


def test_every_name_finds_its_own_entry(table):
    for path, raw in raw_people():
        found = table.find(raw["name"], country=raw.get("country"))
        assert found is not None and tokens(found.name) == tokens(raw["name"]), (path.name, raw["name"])


# ----- fuzzy matching: the surname must agree --------------------------------------------------

@pytest.mark.parametrize("text", ["Christopher Miller", "Christopher Millar"])
def test_same_first_name_with_a_close_surname_still_matches(table, text):
    assert name_of(table, text, date(2020, 12, 1)) == "Christopher Miller"


@pytest.mark.parametrize("text, wrong", [
    ("Christopher Hillman", "Christopher Miller"),
    ("Christopher Milton", "Christopher Miller"),
    ("Sergey Lavin", "Sergey Lavrov"),
    ("Jose Manuel Santos", "Juan Manuel Santos"),
])
def test_a_different_surname_or_first_name_never_matches_fuzzily(table, text, wrong):
    assert name_of(table, text, date(2015, 1, 1)) != wrong


@pytest.mark.parametrize("text, on, expected", [
    ("Yevimov", date(2019, 1, 1), "Alexander Yefimov"),
    ("Alexander Yevimov", date(2019, 1, 1), "Alexander Yefimov"),
    ("Hugo Chavez", date(2005, 1, 1), "Hugo Chávez"),
    ("Sergei Lavrof", date(2019, 1, 1), "Sergey Lavrov"),
    ("Kassym-Jomart Tokaev", date(2022, 1, 1), "Kassym-Jomart Tokayev"),
    ("Emmerson Mnangagwa", date(2019, 1, 1), "Emmerson Mnangagwa"),
    ("Emerson Mnangagwa", date(2019, 1, 1), "Emmerson Mnangagwa"),
])
def test_legitimate_spelling_variants_still_match(table, text, on, expected):
    assert name_of(table, text, on) == expected


def test_fused_surname_is_split_before_lookup():
    from eventscope.nlp import split_fused_names

    assert split_fused_names("Al-Assadasserted that") == "Al-Assad asserted that"


def test_groups_and_people_files_only_ever_add(table):
    """Every packaged entry of actors.yaml and the groups files is still there with its offices."""
    base = ActorTable.load_files([DEFAULT_PATH, *sorted(GROUPS_DIR.glob("*.yaml"))])
    merged = {(e.kind, e.name): e for e in table.entries}
    for entry in base.entries:
        now = merged[(entry.kind, entry.name)]
        assert set(entry.roles) <= set(now.roles) and set(entry.aliases) <= set(now.aliases), entry.name
        assert (now.country, now.sector, now.periods) == (entry.country, entry.sector, entry.periods), entry.name


# ----- surnames: the added people do not take a surname from the packaged table ----------------

@pytest.mark.parametrize("text, on, expected", [
    ("Kim", date(2022, 1, 1), "Kim Jong Un"),
    ("Wang", date(2022, 1, 1), "Wang Yi"),
    ("Li", date(2023, 6, 1), "Li Qiang"),
    ("Belgium", None, None),  # "Philippe of Belgium": a country is never a surname
    ("Monaco", None, None),
])
def test_short_surnames_keep_their_main_holder(table, text, on, expected):
    assert name_of(table, text, on) == expected


# Two heads of government of one surname in office at once: only the country tells them apart.
GENUINE_NAMESAKES = {("lee", "Lee Myung-bak")}  # Lee Hsien Loong (SGP) in office 2004-2024


def test_surnames_of_the_packaged_table_still_find_their_holders(table):
    """A surname that found a packaged person in office still does, with the people files."""
    base = ActorTable.load_files([DEFAULT_PATH, *sorted(GROUPS_DIR.glob("*.yaml"))])
    lost = set()
    for entry in (e for e in base.entries if e.kind == "person"):
        for surname in base._surnames(entry):
            for role in (r for r in entry.roles if r.start):
                on = role.start + ((role.end or date(2026, 1, 1)) - role.start) / 2
                before, after = base.find(surname, on), table.find(surname, on)
                if before is not None and before.name == entry.name and (after is None or after.name != entry.name):
                    lost.add((surname, entry.name))
    assert lost <= GENUINE_NAMESAKES, sorted(lost - GENUINE_NAMESAKES)
    assert name_of(table, "Lee", date(2010, 8, 26), country="KOR") == "Lee Myung-bak"


# ----- an opposition leader leads a party or movement, not the state ----------------------------

def test_no_opposition_figure_leads_a_state(table):
    """ "Venezuela's leader" must never find the opposition's candidate: a person in opposition
    leads their party or movement, whose code is the office's country."""
    countries = iso3_codes()
    for path, raw in raw_people():
        if raw.get("sector") in ("OPP", "REB") and not raw.get("periods"):
            for role in raw["roles"]:
                office = role.get("country", raw.get("country"))
                assert role["role"] != "leader" or office not in countries, (path.name, raw["name"], role)


@pytest.mark.parametrize("country, on", [("VEN", date(2024, 9, 1)), ("PER", date(2016, 1, 1)),
                                         ("BLR", date(2021, 1, 1)), ("ZWE", date(2019, 1, 1))])
def test_a_states_leader_is_no_opposition_figure(table, country, on):
    holder = table.holder("leader", country, on)
    assert holder is None or holder.as_of(on).actor(on).sector == "GOV", holder.name


# ----- leaders of the 1970s to 1990s (late_twentieth.yaml) ---------------------------------------

@pytest.mark.parametrize("text, on, expected", [
    ("Francois Mitterand", date(1990, 1, 1), "François Mitterrand"),
    ("Bush", date(1990, 8, 2), "George H. W. Bush"),
    ("Bush", date(2003, 3, 1), "George W. Bush"),
    ("King Hussein", date(1990, 8, 2), "Hussein bin Talal"),
])
def test_older_leaders_found_by_name(table, text, on, expected):
    assert name_of(table, text, on) == expected


def test_a_king_named_hussein_does_not_take_saddams_surname(table):
    assert name_of(table, "Hussein", date(1990, 8, 2)) != "Hussein bin Talal"


def test_the_eus_predecessor_keeps_its_own_name(table):
    assert name_of(table, "European Community") == "European Community"
    assert name_of(table, "EEC") == "European Community"
    assert name_of(table, "EU") == "European Union"
