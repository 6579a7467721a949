"""What is said about an act: promises, refusals, threats, conditions, transfers, judgements.

Sentences written here; each test states what EVENTS.md (the contract) codes for them.
"""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.events.constructions import data
from eventscope.events.constructions.transfer import _kind as transfer_kind
from eventscope.records import Event


def events(text: str) -> list[Event]:
    return extract(text, publication_date="2024-06-03").events


def summary(found: list[Event]) -> list[tuple]:
    return [(e.type, e.source.country if e.source else None, e.target.country if e.target else None,
             e.factuality, e.negated) for e in found]


def test_a_bad_transfer_kind_is_named_in_the_error():
    with pytest.raises(data.ConstructionDataError, match="transfer.kinds"):
        transfer_kind({"name": "gifts", "type": "PRESENT", "words": ["gift"]})


@pytest.mark.slow
def test_a_promise_keeps_the_type_of_the_act_promised():
    # EVENTS.md: "Plans and promises keep their type" — no AGREE beside the act
    assert summary(events("Egypt pledged to deliver wheat to Sudan.")) == [
        ("AID", "EGY", "SDN", "planned", False)]


@pytest.mark.slow
def test_a_future_negation_is_a_refusal_and_a_promise_not_to_harm_is_not_coded():
    found = events("Chad will not withdraw its soldiers from the border, the minister said.")
    assert [(e.type, e.source.country, e.negated) for e in found] == [("REJECT", "TCD", False)]
    assert events("Chad will not attack Sudan, the minister said.") == []


@pytest.mark.slow
def test_a_plan_on_a_condition_is_hypothetical():
    found = events("Italy will send medical aid to Libya if the fighting stops, the minister said.")
    assert summary(found) == [("AID", "ITA", "LBY", "hypothetical", False)]


@pytest.mark.slow
def test_what_a_warning_says_will_be_done_is_its_content():
    found = events("Serbia warned Kosovo that it would arrest its officials.")
    assert [(e.type, e.source.country, e.target.country) for e in found] == [("THREATEN", "SRB", "XKX")]


@pytest.mark.slow
def test_a_verb_conjoined_to_a_denial_is_an_act_of_its_own():
    types = {e.type for e in events("Serbia denied the report and blamed Kosovo for the unrest.")}
    assert types == {"REJECT", "ACCUSE"}


@pytest.mark.slow
def test_captives_handed_over_are_released_towards_their_country():
    found = events("The militants handed four Egyptian hostages to Libyan elders.")
    assert [(e.type, e.target.country if e.target else None) for e in found] == [("RETREAT", "EGY")]


@pytest.mark.slow
def test_a_sum_of_money_transferred_is_aid():
    assert summary(events("Qatar transferred $30 million to Lebanon last week.")) == [
        ("AID", "QAT", "LBN", "asserted", False)]


@pytest.mark.slow
def test_a_rejected_offer_is_against_who_made_it():
    found = events("Armenia rejected the proposal from Azerbaijan.")
    assert [(e.type, e.source.country, e.target.country) for e in found] == [("REJECT", "ARM", "AZE")]


@pytest.mark.slow
def test_a_judgement_of_someones_act_accuses_them():
    found = events("Lithuania said Belarus's decision was unacceptable.")
    assert [(e.type, e.source.country, e.target.country) for e in found] == [("ACCUSE", "LTU", "BLR")]


@pytest.mark.slow
def test_a_vow_of_revenge_threatens():
    found = events("Ukraine vowed retaliation against Russia for the strike.")
    assert [(e.type, e.source.country, e.target.country) for e in found] == [("THREATEN", "UKR", "RUS")]
