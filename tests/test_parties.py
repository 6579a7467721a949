"""Who the parties of an event are, in wordings of real news; sentences written here.

Each test states what an annotator following shared/spec/EVENTS.md would code.
"""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.records import Event

pytestmark = pytest.mark.slow


def typed(text: str, kind: str) -> list[Event]:
    return [e for e in extract(text, publication_date="2024-03-10").events if e.type == kind]


def side(actor) -> tuple[str | None, str | None, str | None]:
    return (actor.name, actor.country, actor.sector) if actor else (None, None, None)


@pytest.mark.parametrize("text, kind, bloc, target_country", [
    ("EU envoys approved sanctions against Venezuela on Tuesday.", "SANCTION",
     "European Union", "VEN"),
    ("European interior ministers imposed sanctions on Nicaraguan judges.", "SANCTION",
     "European Union", "NIC"),
    ("NATO defence ministers condemned Iran's missile launches.", "ACCUSE", "NATO", "IRN"),
])
def test_officials_named_by_a_bloc_act_as_the_bloc(text, kind, bloc, target_country):
    events = typed(text, kind)
    assert events, extract(text, publication_date="2024-03-10").events
    assert side(events[0].source) == (bloc, None, "IGO")
    assert events[0].target is not None and events[0].target.country == target_country


def test_a_national_minister_keeps_his_country():
    events = typed("French ministers condemned Iran's missile launches.", "ACCUSE")
    assert events and events[0].source.country == "FRA"


@pytest.mark.parametrize("text, target_country", [
    ("The opposition staged a march against the Kenyan government, accusing it of fraud.", "KEN"),
    ("Peru recalled its ambassador from Bolivia, accusing it of meddling in the election.", "BOL"),
])
def test_accusing_it_points_back_at_what_the_main_clause_acted_on(text, target_country):
    events = typed(text, "ACCUSE")
    assert events, extract(text, publication_date="2024-03-10").events
    assert events[0].target is not None and events[0].target.country == target_country


@pytest.mark.parametrize("text, target", [
    ("Seoul protested over Japanese Prime Minister Shinzo Abe's visit to the shrine.",
     ("Shinzo Abe", "JPN")),
    ("Moscow complained about Poland's decision to close a consulate.", (None, "POL")),
])
def test_a_complaint_over_someones_deed_targets_its_doer(text, target):
    events = typed(text, "ACCUSE")
    assert events, extract(text, publication_date="2024-03-10").events
    assert side(events[0].target)[:2] == target


def test_a_complaint_over_an_unowned_deed_has_no_target():
    events = typed("Iran protested over the visit to a war shrine.", "ACCUSE")
    assert events and events[0].target is None


def test_its_in_a_clause_a_state_says_is_that_state():
    text = "The ruling was a blow to Armenia, which says that its annexation of two Azerbaijani villages was lawful."
    events = typed(text, "ASSAULT")
    assert events and side(events[0].source)[1] == "ARM"
