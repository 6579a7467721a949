"""Events with more than two parties, and events told by reference back to parties named
before (EVENTS.md, "Several parties"); sentences written here."""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.events.dyads import armed, dyads_of, joint_parties
from eventscope.records import Actor, Event

KEN, UGA, RWA = (Actor(None, c, "GOV") for c in ("KEN", "UGA", "RWA"))


def country_pairs(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events}


def typed(text: str, kind: str) -> list[Event]:
    return [e for e in extract(text, publication_date="2024-03-10").events if e.type == kind]


# ------------------------------------------------------- dyads (no parsing)

def test_a_states_armed_act_is_done_by_its_military():
    assert armed("ASSAULT", KEN) == Actor(None, "KEN", "MIL")
    assert armed("MOBILIZE", KEN) == Actor(None, "KEN", "MIL")


@pytest.mark.parametrize("kind, actor", [
    ("COERCE", KEN),                                   # arrests are not armed acts
    ("ASSAULT", Actor("William Ruto", "KEN", "GOV")),  # a named leader stays himself
    ("ASSAULT", Actor(None, "KEN", "REB")),            # rebels stay rebels
    ("ASSAULT", None),
])
def test_other_doers_keep_their_sector(kind, actor):
    assert armed(kind, actor) == actor


def test_the_dyads_of_an_attack_give_the_military_as_source():
    assert list(dyads_of("ASSAULT", [KEN], [UGA])) == [(Actor(None, "KEN", "MIL"), UGA)]


def test_a_meeting_among_three_is_the_first_with_each_other():
    assert list(dyads_of("CONSULT", [KEN, UGA, RWA], [])) == [(KEN, UGA), (KEN, RWA)]


def test_the_parties_of_a_mediation_are_the_mediated_not_the_mediator():
    assert joint_parties("third-party", [KEN], [UGA, RWA]) == [UGA, RWA]
    assert joint_parties(None, [KEN], [UGA, KEN, RWA]) == [KEN, UGA, RWA]


# ------------------------------------------------------- references back (spaCy)

@pytest.mark.slow
def test_the_parties_of_a_group_meeting_are_all_of_its_members():
    text = ("The talks on the dam involve Egypt, Sudan and Ethiopia. "
            "In Khartoum, the parties signed a memorandum on water sharing.")
    assert country_pairs(typed(text, "AGREE")) == {("EGY", "SDN"), ("EGY", "ETH")}


@pytest.mark.slow
def test_the_ministers_alone_refer_to_the_last_pair():
    text = "Chile and Peru signed a trade deal on Monday. The ministers also discussed fishing quotas."
    assert country_pairs(typed(text, "CONSULT")) == {("CHL", "PER")}


@pytest.mark.slow
def test_ministers_named_by_their_countries_are_no_reference_back():
    text = ("Chile and Peru signed a trade deal on Monday. "
            "The ministers of Bolivia and Ecuador met in Quito on Tuesday.")
    assert country_pairs(typed(text, "CONSULT")) == {("BOL", "ECU")}


@pytest.mark.slow
def test_a_reference_back_needs_a_pair_named_before():
    assert extract("Brazil beat Peru 2-0 in Lima. The two sides meet again in March.",
                   publication_date="2024-03-10").events == []


# ------------------------------------------------------- taking part, mediators

@pytest.mark.slow
def test_participants_listed_after_the_event_cooperate_with_the_first_named():
    events = typed("Taking part in the exercise are navies from Oman, India and France.", "COOPERATE")
    assert country_pairs(events) == {("OMN", "IND"), ("OMN", "FRA")}


@pytest.mark.slow
def test_a_newcomer_joins_the_first_named_party_of_the_last_joint_act():
    text = "Ghana and Togo began joint naval drills on Monday. Benin is also taking part."
    assert country_pairs(typed(text, "COOPERATE")) == {("GHA", "TGO"), ("GHA", "BEN")}


@pytest.mark.slow
def test_mediators_named_together_do_not_meet_each_other():
    text = "Sudan and Chad signed a border accord. The accord was brokered by Qatar and Egypt."
    pairs = country_pairs(typed(text, "CONSULT"))
    assert pairs == {("QAT", "SDN"), ("QAT", "TCD"), ("EGY", "SDN"), ("EGY", "TCD")}


@pytest.mark.slow
@pytest.mark.parametrize("second", [
    "The two also signed a protocol on fishing.",
    "Both signed a protocol on fishing.",
    "Both countries signed a protocol on fishing.",
])
def test_the_two_and_both_alone_refer_to_the_last_pair(second):
    text = f"Senegal and Mauritania held talks in Dakar. {second}"
    assert country_pairs(typed(text, "AGREE")) == {("SEN", "MRT")}


@pytest.mark.slow
def test_an_organ_of_the_pair_is_each_partys_organ():
    text = ("Senegal and Mauritania held talks in Dakar. "
            "Their troops clashed on the border, leaving three Senegalese soldiers dead.")
    (event,) = typed(text, "ASSAULT")
    assert (event.source.country, event.source.sector, event.target.country) == ("MRT", "MIL", "SEN")


@pytest.mark.slow
def test_a_conference_among_several_states_is_a_meeting_among_them():
    events = typed("The conference in Lusaka brought together envoys from Zambia, Malawi and Angola.",
                   "CONSULT")
    assert country_pairs(events) == {("ZMB", "MWI"), ("ZMB", "AGO")}


@pytest.mark.slow
def test_officials_refer_back_only_when_counted():
    first = "Chile and Peru held talks on Monday. "
    second = "officials later condemned the attack on the Ecuadorian embassy."
    counted = typed(first + "The two " + second, "ACCUSE")
    alone = typed(first + "The " + second, "ACCUSE")
    assert {e.source.country for e in counted} == {"CHL", "PER"}
    assert len({e.source.country for e in alone}) < 2


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, pair", [
    ("Kenya-Somalia talks resumed in Nairobi on Monday.", "CONSULT", ("KEN", "SOM")),
    ("The Chile-Argentina agreement was signed in Santiago.", "AGREE", ("CHL", "ARG")),
])
def test_states_hyphenated_before_a_joint_act_are_its_parties(text, kind, pair):
    assert country_pairs(typed(text, kind)) == {pair}


@pytest.mark.slow
def test_a_hyphenated_meeting_told_as_a_time_is_no_event():
    assert typed("Markets fell ahead of the Kenya-Somalia summit.", "CONSULT") == []
