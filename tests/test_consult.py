"""Meetings, joint acts and agreements told by wordings beyond a single trigger word:
participants listed after "involve"/"include"/"brought together", returning to the
negotiating table, exchanging views, a government and its armed challengers as two sides.
Sentences written for these tests (EVENTS.md "Several parties")."""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.records import Event

pytestmark = pytest.mark.slow

DAY = "2024-05-15"


def typed(text: str, kind: str) -> list[Event]:
    return [e for e in extract(text, publication_date=DAY).events if e.type == kind]


def pairs(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events}


# ---------------------------------------------------------------- participants listed

@pytest.mark.parametrize("text, expected", [
    ("The four-party talks involve Brazil, Argentina, Chile and Peru.",
     {("BRA", "ARG"), ("BRA", "CHL"), ("BRA", "PER")}),
    ("The negotiations included Ethiopia, Egypt and Sudan.", {("ETH", "EGY"), ("ETH", "SDN")}),
    ("The talks brought together Armenia and Azerbaijan.", {("ARM", "AZE")}),
])
def test_talks_that_involve_several_states_are_a_meeting_of_the_first_with_each(text, expected):
    found = typed(text, "CONSULT")
    assert pairs(found) == expected
    if len(expected) > 1:
        assert {e.mode for e in found} == {"multilateral"}


def test_drills_that_bring_states_together_are_cooperation():
    found = typed("The naval drills brought together Indonesia, Malaysia and Singapore.", "COOPERATE")
    assert pairs(found) == {("IDN", "MYS"), ("IDN", "SGP")}


@pytest.mark.parametrize("text", [
    "The conflict involves Russia and Ukraine.",           # no meeting noun
    "The summit includes a session on climate change.",    # no parties listed
    "The talks involve Poland.",                           # one party: the other is unsaid
])
def test_involving_without_a_meeting_among_named_parties_is_no_consult(text):
    assert typed(text, "CONSULT") == []


# ---------------------------------------------------------------- back to the table

@pytest.mark.parametrize("text, expected", [
    ("The Philippine government and the communist rebels returned to the negotiating table in Oslo.",
     ("PHL", "PHL")),
    ("Spain resumed negotiations with Morocco.", ("ESP", "MAR")),
])
def test_returning_to_the_table_is_a_meeting_of_the_two_sides(text, expected):
    found = typed(text, "CONSULT")
    assert len(found) == 1
    assert pairs(found) == {expected}


def test_returning_home_is_no_meeting():
    assert typed("The Kenyan delegation returned to Nairobi on Monday.", "CONSULT") == []


def test_a_government_and_its_rebels_are_two_sides_not_one():
    found = typed("The Philippine government and the communist rebels returned to the negotiating "
                  "table in Oslo.", "CONSULT")
    assert {found[0].source.sector, found[0].target.sector} == {"GOV", "REB"}


# ---------------------------------------------------------------- exchanging views

@pytest.mark.parametrize("text, expected", [
    ("Germany exchanged views with France on the crisis.", ("DEU", "FRA")),
    ("The Indian and Japanese ministers exchanged views on regional security.", ("IND", "JPN")),
    ("Vietnam shared its views with Laos on the Mekong dams.", ("VNM", "LAO")),
])
def test_exchanging_views_is_consultation(text, expected):
    found = typed(text, "CONSULT")
    assert pairs(found) == {expected}


def test_exchanging_prisoners_is_no_consultation():
    assert typed("Armenia and Azerbaijan exchanged prisoners on Monday.", "CONSULT") == []


# ---------------------------------------------------------------- mediation (third party)

@pytest.mark.parametrize("text, mediators, parties", [
    ("Ethiopia and Eritrea signed a peace deal with Saudi and Emirati mediation.",
     {"SAU", "ARE"}, {"ETH", "ERI"}),
    ("Under Turkish mediation, Russia and Ukraine agreed on a grain corridor.", {"TUR"}, {"RUS", "UKR"}),
    (("The truce between Armenia and Azerbaijan, brokered with Russian and American mediation, "
      "took effect on Monday."), {"RUS", "USA"}, {"ARM", "AZE"}),
    ("Oman's mediation between Iran and the United States continued.", {"OMN"}, {"IRN", "USA"}),
])
def test_mediation_is_consult_from_each_mediator_to_each_party(text, mediators, parties):
    found = [e for e in typed(text, "CONSULT") if e.mode == "third-party"]
    assert pairs(found) == {(m, p) for m in mediators for p in parties}


def test_the_mediator_is_no_party_to_the_deal_it_mediates():
    deal = typed("Ethiopia and Eritrea signed a peace deal with Saudi and Emirati mediation.", "AGREE")
    assert pairs(deal) == {("ETH", "ERI")}


def test_planned_talks_under_mediation_make_a_planned_mediation():
    found = [e for e in typed("Sudan and South Sudan will resume talks under African Union mediation "
                              "next week.", "CONSULT") if e.mode == "third-party"]
    assert found and {e.factuality for e in found} == {"planned"}
    assert {e.source.name for e in found} == {"African Union"}


def test_mediation_with_no_mediator_named_is_no_third_party_event():
    assert [e for e in typed("The Vatican welcomed the mediation.", "CONSULT")
            if e.mode == "third-party"] == []


def test_accepting_a_mediation_is_no_mediation_yet():
    text = "The Thai prime minister has agreed to Malaysian mediation in the talks with the insurgents."
    assert [e for e in typed(text, "CONSULT") if e.mode == "third-party"] == []


# ---------------------------------------------------------------- taking part

@pytest.mark.parametrize("text, kind, expected", [
    ("Chile participated in joint naval exercises with Peru.", "COOPERATE", {("CHL", "PER")}),
    ("Egypt joined the talks with Israel and Hamas in Doha.", "CONSULT", {("EGY", "ISR"), ("EGY", "PSE")}),
    ("Brazil joined the sanctions against Venezuela.", "SANCTION", {("BRA", "VEN")}),
])
def test_taking_part_in_an_act_is_doing_it(text, kind, expected):
    assert pairs(typed(text, kind)) == expected


def test_joining_an_alliance_is_no_meeting():
    assert typed("Sweden joined NATO in 2024.", "CONSULT") == []


@pytest.mark.parametrize("text", ["Ghana is hosting Togo and Benin for the drills.",
                                  "Ghana hosted Togo and Benin for the naval exercises in Accra."])
def test_hosting_others_for_drills_is_cooperation_with_each(text):
    assert pairs(typed(text, "COOPERATE")) == {("GHA", "TGO"), ("GHA", "BEN")}
    assert typed(text, "CONSULT") == []


def test_hosting_a_leader_stays_a_visit():
    found = typed("Ghana hosted the Togolese president in Accra.", "CONSULT")
    assert pairs(found) == {("GHA", "TGO")} and typed("Ghana hosted the Togolese president.", "COOPERATE") == []
