"""Commitments (events/constructions/commitment.py) told in the passive ("X is committed
to ...") or to an agreement ("remains committed to the peace process with Y"): AGREE, as
commitments with no act type of their own (EVENTS.md "Plans and promises keep their type").
Sentences written here."""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.events.constructions.commitment import _committed_words


def events(text: str) -> list[tuple[str, str | None, str | None]]:
    found = extract(text, publication_date="2024-06-03").events
    return sorted((e.type, e.source.country if e.source else None, e.target.country if e.target else None)
                  for e in found)


def test_the_data_section_is_read_and_none_of_its_lists_is_empty():
    assert all(_committed_words())


@pytest.mark.slow
@pytest.mark.parametrize("text, committed, other", [
    ("Eritrea is committed to the border agreement with Djibouti.", "ERI", "DJI"),
    ("Serbia remains committed to the dialogue with Kosovo, the president said.", "SRB", "XKX"),
    ("Cameroon is committed to refraining from any incursion into Nigeria.", "CMR", None),
])
def test_a_commitment_with_no_act_type_of_its_own_is_an_agreement(text, committed, other):
    found = events(text)
    assert any(e[0] == "AGREE" and e[1] == committed and (other is None or e[2] == other) for e in found), found


@pytest.mark.slow
def test_being_committed_to_a_thing_that_is_no_agreement_is_no_event():
    assert events("The suspect was committed to trial in Nairobi on Monday.") == []
    assert events("Thousands of soldiers were committed to the offensive in the east.") == []


@pytest.mark.slow
def test_an_agreement_to_an_act_is_aimed_at_whom_the_act_is_for():
    # the act keeps its type, planned; where the agreement is coded beside it (PLOVER-GSR
    # does), it is made towards the act's target, not to no one
    found = events("Japan agreed in principle to provide emergency loans for Sri Lanka and Nepal.")
    agreements = {e[2] for e in found if e[0] == "AGREE"}
    assert agreements <= {"LKA", "NPL"} and None not in agreements, found
    assert any(e[0] != "AGREE" and e[2] == "LKA" for e in found), found


@pytest.mark.slow
def test_an_intent_to_keep_relations_is_an_agreement_but_relations_that_are_an_event_keep_their_type():
    assert ("AGREE", "CRI", "PAN") in events("Costa Rica wishes to maintain friendly relations with Panama.")
    # "partnership" is a cooperation of its own: coded as that, planned, not as an AGREE
    assert "AGREE" not in [e[0] for e in events("Vietnam wants to deepen its partnership with Australia.")]
