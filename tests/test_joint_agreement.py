"""Joint agreements (events/constructions/joint_agreement.py): parties that agree between
themselves on an act they will do together make one AGREE between them (EVENTS.md "Several
parties"); a single actor's promised act keeps its type (EVENTS.md "Plans and promises keep
their type"). Sentences written here."""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.events.constructions import joint_agreement
from eventscope.events.constructions.data import ConstructionDataError


def events(text: str) -> list[tuple[str, str | None, str | None, str]]:
    found = extract(text, publication_date="2024-06-03").events
    return sorted((e.type, e.source.country if e.source else None, e.target.country if e.target else None,
                   e.factuality) for e in found)


def test_the_data_section_is_read_and_none_of_its_lists_is_empty():
    assert all(joint_agreement._data())


def test_a_missing_data_section_is_reported_with_the_file(monkeypatch):
    monkeypatch.setattr("eventscope.events.constructions.data._all_sections", dict)
    joint_agreement._data.cache_clear()
    try:
        with pytest.raises(ConstructionDataError, match="joint_agreement"):
            joint_agreement._data()
    finally:
        joint_agreement._data.cache_clear()


@pytest.mark.slow
@pytest.mark.parametrize("text, pair", [
    ("Chile and Peru agreed to hold joint air force drills in August.", ("CHL", "PER")),
    ("Georgia agreed with Armenia to reopen talks on the railway link.", ("GEO", "ARM")),
    ("The leaders of Laos and Thailand agreed to exchange border maps.", ("LAO", "THA")),
])
def test_a_pair_agreeing_on_a_joint_act_is_one_agreement_alone(text, pair):
    found = events(text)
    assert [e[0] for e in found] == ["AGREE"], found
    assert {found[0][1], found[0][2]} == set(pair)


@pytest.mark.slow
def test_an_act_the_pair_agrees_to_do_to_a_third_party_keeps_its_type():
    found = events("Mali and Niger agreed to expel the Burkinabe ambassador.")
    assert ("AGREE", "MLI", "NER", "asserted") in found or ("AGREE", "NER", "MLI", "asserted") in found
    assert any(e[0] == "SANCTION" and e[2] == "BFA" and e[3] == "planned" for e in found), found


@pytest.mark.slow
def test_a_single_actor_agreeing_to_act_keeps_the_act_planned():
    found = events("Portugal agreed to send two frigates to patrol off Mozambique.")
    assert any(e[0] != "AGREE" and e[1] == "PRT" and e[3] == "planned" for e in found), found


@pytest.mark.slow
def test_a_with_phrase_that_names_no_party_makes_no_pair():
    # "with strings attached" is no partner: the act agreed to stays
    found = events("Congress agreed to lift the embargo on Cuba, with strings attached.")
    assert any(e[0] != "AGREE" and e[3] == "planned" for e in found), found
