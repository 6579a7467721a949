"""The filters of events/untold.py (acts a sentence mentions without telling them, and one
act told twice) and the preparation and ultimatum rewrites of constructions/threat.py.
Sentences written here; each test says which rule it follows."""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.events import untold
from eventscope.events.constructions import threat


def events(text: str) -> list:
    return extract(text, publication_date="2024-06-03").events


def types(text: str) -> list[str]:
    return sorted(e.type for e in events(text))


def test_every_data_section_is_read_and_none_is_empty():
    for read in (untold.setting_words, untold.inquiry_words, untold.protest_purposes,
                 untold.physical_types, threat.ultimatum_words, threat.preparation_words):
        value = read()
        assert all(value.values()) if isinstance(value, dict) else value, read.__name__
    assert "on" in untold.inquiry_words()["prepositions"]  # quoted in YAML, not a boolean


@pytest.mark.slow
def test_a_protest_purpose_is_the_protest_itself_aimed_where_it_says():
    found = events("Two hundred Armenian farmers began a hunger strike in Yerevan on Monday to "
                   "protest against Georgia's closure of the border crossing.")
    assert [e.type for e in found] == ["PROTEST"]
    assert found[0].target is not None and found[0].target.country == "GEO"


@pytest.mark.slow
def test_a_purpose_of_another_type_stays():
    # "summoned ... to demand an explanation": the summons and the demand are two acts
    assert types("The Latvian foreign ministry summoned Russia's ambassador to demand an "
                 "explanation for the drone flights.") == ["ACCUSE", "REQUEST"]


@pytest.mark.slow
def test_what_befell_a_place_in_a_where_clause_is_its_setting_unless_a_doer_is_named():
    assert types("Peru lifted the curfew in Puno, where 18 people were killed in clashes in "
                 "January.") == ["CONCEDE"]
    assert "COERCE" in types("The Zambian president flew to Kitwe, where police detained "
                             "twelve opposition activists last week.")


@pytest.mark.slow
def test_what_an_inquiry_looks_into_is_not_told_as_done():
    assert types("The UN opened an inquiry into the Sudanese army's bombing of a market in "
                 "Nyala.") == ["ACCUSE"]
    assert "ASSAULT" not in types("Police in Oslo are investigating alleged attacks by Russian "
                                  "agents on railway lines.")


@pytest.mark.slow
def test_a_toll_is_the_attack_it_follows():
    found = events("Malian troops attacked a jihadist camp near Mopti, killing 15 militants.")
    assert [e.type for e in found] == ["ASSAULT"]


@pytest.mark.slow
def test_an_attack_being_prepared_is_a_show_of_force_not_an_attack():
    found = events("The Sudanese army is preparing a major offensive against the RSF in Darfur.")
    assert [(e.type, e.factuality) for e in found] == [("MOBILIZE", "asserted")]


@pytest.mark.slow
def test_a_withdrawal_unless_the_other_complies_is_a_threat_and_if_it_complies_an_offer():
    assert types("Burundi will withdraw its troops from Congo unless Kinshasa pays for their "
                 "deployment.") == ["THREATEN"]
    found = events("Burundi will withdraw its troops from Congo if the rebels lay down their arms.")
    assert [e.type for e in found if e.type == "RETREAT"] == ["RETREAT"]
    assert "THREATEN" not in [e.type for e in found]


@pytest.mark.slow
def test_a_harm_its_doer_is_ready_for_is_a_threat_and_help_it_is_ready_for_an_offer():
    assert types("Ghana is prepared to close its border with Togo, the minister said.") == ["THREATEN"]
    found = events("Ghana is ready to send doctors to Togo.")
    assert [(e.type, e.factuality) for e in found] == [("AID", "planned")]
