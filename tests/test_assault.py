"""ASSAULT, ACCUSE, SANCTION and COERCE wordings of real news, on sentences written here.

Each test states what an annotator following shared/spec/EVENTS.md would code.
"""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.records import Event

pytestmark = pytest.mark.slow


def typed(text: str, kind: str) -> list[Event]:
    return [e for e in extract(text, publication_date="2024-03-10").events if e.type == kind]


def pair(event: Event) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    def side(actor):
        return (actor.country, actor.sector) if actor else (None, None)
    return side(event.source), side(event.target)


# ------------------------------------------------------- fighting off an attack

@pytest.mark.parametrize("text, repeller, attacker", [
    ("Kenyan troops repelled an attack by al Shabaab militants on a base near the border.",
     ("KEN", "MIL"), "al-Shabaab"),
    ("Nigerian soldiers repulsed a raid by Boko Haram fighters on Monday.",
     ("NGA", "MIL"), "Boko Haram"),
])
def test_repelling_an_attack_strikes_back_at_its_doers(text, repeller, attacker):
    found = [e for e in typed(text, "ASSAULT") if e.target and e.target.name == attacker]
    assert found, typed(text, "ASSAULT")
    assert pair(found[0])[0] == repeller


def test_repelling_an_argument_is_nothing():
    assert typed("The lawyer repelled every argument of the prosecution.", "ASSAULT") == []


# ------------------------------------------------------- crowd-control weapons

@pytest.mark.parametrize("text, country", [
    ("Indonesian police used water cannon against thousands of students in Jakarta.", "IDN"),
    ("Chilean police used tear gas on protesters in Santiago.", "CHL"),
])
def test_crowd_control_weapons_used_on_people_are_an_assault(text, country):
    (event,) = typed(text, "ASSAULT")
    assert pair(event) == ((country, "COP"), (country, "CVL"))
    assert event.mode == "crowd-control"


def test_a_formation_used_against_a_team_is_nothing():
    assert extract("The coach used a new formation against Brazil.",
                   publication_date="2024-03-10").events == []


# ------------------------------------------------------- taking up arms

def test_taking_up_arms_against_a_state_is_an_assault():
    (event,) = typed("The rebels took up arms against the government of Chad in 2005.", "ASSAULT")
    assert pair(event) == (("TCD", "REB"), ("TCD", "GOV"))
    assert event.date == "2005"


def test_taking_up_arms_against_no_one_named_is_nothing():
    assert typed("The tribe took up arms in 1990.", "ASSAULT") == []


# ------------------------------------------------------- accusing beside a refusal

@pytest.mark.parametrize("text, accuser, accused", [
    ("Serbia refused to recognise the vote, accusing Kosovo of breaking the agreement.", "SRB", "XKX"),
    ("Armenia declined to attend the summit, accusing Azerbaijan of shelling border villages.",
     "ARM", "AZE"),
])
def test_an_accusation_beside_a_refusal_is_no_content_of_it(text, accuser, accused):
    (event,) = typed(text, "ACCUSE")
    assert (event.source.country, event.target.country) == (accuser, accused)


def test_what_a_request_asks_for_stays_content():
    text = "The union called on the government of Peru to stop arresting strikers."
    assert typed(text, "REQUEST") and typed(text, "COERCE") == []


# ------------------------------------------------------- clashes

@pytest.mark.parametrize("text, source, target", [
    ("Sudanese troops and rebels clashed near El Fasher on Monday.", ("SDN", "MIL"), ("SDN", "REB")),
    # a state's armed acts are its military's (the gold of real news)
    ("Chad and Sudan clashed over the border.", ("TCD", "MIL"), ("SDN", "GOV")),
])
def test_a_clash_between_two_sides_is_one_event_first_side_first(text, source, target):
    (event,) = typed(text, "ASSAULT")
    assert pair(event) == (source, target)


def test_the_side_that_inflicted_the_losses_is_the_source_of_a_clash():
    text = "Protesters and police clashed in Lagos, leaving three protesters dead."
    (event,) = typed(text, "ASSAULT")
    assert pair(event) == (("NGA", "COP"), ("NGA", "CVL"))


def test_a_team_that_fought_back_is_no_clash():
    assert extract("Arsenal and Chelsea fought hard for the title in 2004.",
                   publication_date="2024-03-10").events == []


def test_a_war_fought_by_two_states_is_an_attack_each_way():
    found = typed("India and Pakistan fought a war over Kashmir in 1999.", "ASSAULT")
    assert sorted(pair(e) for e in found) == [(("IND", "MIL"), ("PAK", "GOV")),
                                               (("PAK", "MIL"), ("IND", "GOV"))]


# ------------------------------------------------------- attacks undergone

@pytest.mark.parametrize("text, doer, victim", [
    ("A Malian army convoy came under attack from jihadists near Gao.", ("MLI", "REB"), ("MLI", "MIL")),
    ("Ukrainian positions near Bakhmut came under attack by Russian forces on Friday.",
     ("RUS", "MIL"), ("UKR", None)),
])
def test_coming_under_attack_from_someone_is_their_attack_on_the_subject(text, doer, victim):
    (event,) = typed(text, "ASSAULT")
    source, target = pair(event)
    assert source == doer and target[0] == victim[0]


# ------------------------------------------------------- sanctions aimed at someone

@pytest.mark.parametrize("text, pair_", [
    ("Washington targeted seven Russian officials with sanctions on Monday.", ("USA", "RUS")),
    ("Canada hit Belarus with new sanctions on Friday.", ("CAN", "BLR")),
])
def test_targeting_someone_with_sanctions_is_a_sanction_not_an_attack(text, pair_):
    assert typed(text, "ASSAULT") == []
    (event,) = typed(text, "SANCTION")
    assert (event.source.country, event.target.country) == pair_


# ------------------------------------------------------- calling a deed a provocation

@pytest.mark.parametrize("text, accuser, accused", [
    ("Seoul called the Japanese minister's remarks a provocation.", "KOR", "JPN"),
    ("Kyiv branded the Russian strike on the mall a war crime.", "UKR", "RUS"),
    ("Beijing called the visit of the Japanese prime minister a serious provocation.", "CHN", "JPN"),
])
def test_calling_what_someone_did_a_crime_accuses_them(text, accuser, accused):
    (event,) = typed(text, "ACCUSE")
    assert (event.source.country, event.target.country) == (accuser, accused)


def test_calling_a_match_a_massacre_is_nothing():
    assert extract("Fans called the match a massacre.", publication_date="2024-03-10").events == []


def test_the_attack_that_was_repelled_stays_an_event_of_its_doers():
    found = typed("Nigerian soldiers repulsed a raid by Boko Haram fighters on Monday.", "ASSAULT")
    assert any(e.source and e.source.name == "Boko Haram" for e in found)
