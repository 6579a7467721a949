"""Meetings, joint acts and agreements told in ways the trigger words alone miss: a joint
act named sentences before, conveners of talks, visits to sites, joint press conferences,
agreements only described (EVENTS.md "Several parties", "Events in noun phrases");
sentences written here."""

from __future__ import annotations

from eventscope import extract
from eventscope.records import Event


def typed(text: str, kind: str) -> list[Event]:
    return [e for e in extract(text, publication_date="2024-03-10").events if e.type == kind]


def pairs(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events}


def test_taking_part_refers_to_the_joint_act_a_noun_named_before_not_to_the_last_event():
    text = ("Poland hosted the Lithuanian president in Warsaw on Monday. The exercises begin on Friday. "
            "Taking part are Poland, Latvia and Estonia.")
    assert pairs(typed(text, "COOPERATE")) == {("POL", "LVA"), ("POL", "EST")}
    assert ("POL", "LVA") not in pairs(typed(text, "CONSULT"))


def test_the_host_of_talks_between_two_parties_mediates_between_them():
    found = typed("Kenya hosted talks between Ethiopia and Eritrea in Nairobi.", "CONSULT")
    assert {("KEN", "ETH"), ("KEN", "ERI")} <= pairs(found)
    assert {e.mode for e in found if e.source.country == "KEN"} == {"third-party"}


def test_hosting_a_match_between_two_teams_is_no_meeting():
    assert typed("Qatar hosted the final between Argentina and France.", "CONSULT") == []


def test_a_visit_to_a_site_is_no_meeting_but_a_visit_to_a_state_is():
    assert typed("The Thai prime minister visited a temple in Chiang Mai.", "CONSULT") == []
    assert pairs(typed("The Thai prime minister visited Laos on Monday.", "CONSULT")) == {("THA", "LAO")}


def test_a_press_conference_given_with_someone_is_a_meeting_with_them():
    found = typed("Peru's foreign minister spoke at a joint news conference with her Chilean counterpart.",
                  "CONSULT")
    assert pairs(found) == {("PER", "CHL")}
    assert typed("Peru's foreign minister held a news conference in Lima.", "CONSULT") == []


def test_an_agreement_described_after_it_was_told_is_no_new_event():
    text = ("Serbia and Kosovo signed a trade accord in Brussels. The accord also stipulates the opening "
            "of two crossings. A key aspect of the agreement involves customs stamps.")
    assert [e.sentence_index for e in typed(text, "AGREE")] == [0]


def test_an_agreement_a_meeting_is_for_is_not_reached_but_one_reached_after_it_is():
    assert typed("Chad and Niger met in Niamey to reach an agreement on the border.", "AGREE") == []
    assert pairs(typed("Chad and Niger met in Niamey and reached an agreement on the border.", "AGREE")) \
        == {("TCD", "NER")}
