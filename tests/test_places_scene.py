"""Places of events told in the scene of a meeting, and of meetings a host holds at home."""

from __future__ import annotations

import pytest

from eventscope import extract


def _places(text: str, kind: str, published: str | None = "2021-03-12") -> list[str | None]:
    found = [e for e in extract(text, publication_date=published).events if e.type == kind]
    assert found, f"no {kind} event in {text!r}"
    return [e.location.name if e.location else None for e in found]


def test_a_meetings_place_carries_to_what_is_said_there_that_day():
    places = _places("Talks in Sochi\n\nPresident Putin met President Erdogan in Sochi on Monday. "
                     "Putin urged Turkey to reopen the border crossing.", "REQUEST", "2021-03-16")
    assert places == ["Sochi"]


def test_a_meetings_place_does_not_carry_to_an_event_of_another_date():
    places = _places("Talks in Sochi\n\nPresident Putin met President Erdogan in Sochi on Monday. "
                     "Russia and Turkey signed a gas agreement in 2015.", "AGREE", "2021-03-16")
    assert places == [None]


def test_a_meeting_with_a_visiting_guest_is_at_the_hosts_dateline():
    text = "Minister in Damascus\n\nDAMASCUS, (SANA) - {} the visiting Iranian foreign minister on Thursday."
    assert _places(text.format("President Assad held talks with"), "CONSULT") == ["Damascus"]
    # a guest abroad: the dateline's country is not the host's
    assert _places(text.format("Iraq's president held talks with"), "CONSULT") == [None]


def test_a_place_two_phrases_down_the_clause():
    places = _places("Clashes\n\nFive Turkish soldiers were killed in clashes with Kurdish militants "
                     "in northern Iraq on Friday.", "ASSAULT")
    assert places and all(p is not None and p.endswith("Iraq") for p in places)


def test_the_place_of_a_meeting_returned_to():
    places = _places("Talks resume\n\nThe Colombian government and the ELN rebels returned to the "
                     "negotiating table in Caracas on Monday.", "CONSULT")
    assert places == ["Caracas"]


def test_the_district_named_after_of_is_the_place_not_its_city():
    places = _places("Shelling\n\nSix civilians were killed in a rocket attack on the southern Tripoli "
                     "district of Abu Salim on Tuesday.", "ASSAULT")
    assert places == ["Abu Salim"]


@pytest.mark.parametrize("sentence", [
    "Egypt condemned the bombing that killed ten soldiers in Sinai.",
    "Kenya condemned the attack that targeted a police post, north of Garissa.",
    "Jordan denounced the Israeli raid on the Jenin refugee camp.",
])
def test_what_a_statement_is_about_is_not_where_it_was_made(sentence):
    assert _places(f"Statement\n\n{sentence}", "ACCUSE") == [None]


def test_a_statement_is_placed_where_it_was_made():
    places = _places("Statement\n\nSpeaking in Cairo, the Egyptian foreign minister condemned the "
                     "attack on the Sinai checkpoint.", "ACCUSE")
    assert places == ["Cairo"]


def test_a_phone_call_has_no_place():
    places = _places("Call\n\nPresident Putin and President Erdogan discussed the safety of shipping "
                     "in the Black Sea in a phone call on Monday.", "CONSULT")
    assert places == [None]


def test_the_place_taken_is_the_place_of_its_capture():
    places = _places("Offensive\n\nM23 rebels took control over Rutshuru from Congolese troops on "
                     "Monday.", "ASSAULT")
    assert places == ["Rutshuru"]


def test_a_compass_part_of_a_country_struck_is_a_place():
    places = _places("Strikes\n\nIsraeli jets carried out airstrikes on south Lebanon on Thursday.",
                     "ASSAULT")
    assert places and places[0] is not None and places[0].endswith("Lebanon")


def test_an_envoys_post_is_not_the_place_of_his_recall():
    places = _places("Recall\n\nPARIS (AFP) - France recalled its ambassador in Rome on Thursday.",
                     "SANCTION")
    assert places == [None]


def test_a_meeting_still_to_come_takes_no_place_from_todays():
    places = _places("Talks\n\nPresident Putin met President Erdogan in Sochi on Monday. Putin will "
                     "meet the Iranian president next week.", "CONSULT", "2021-03-16")
    assert places == ["Sochi", None]


@pytest.mark.parametrize("sentence, name", [
    ("Five policemen died when Azerbaijani troops attacked the republic of Nagorno-Karabakh on Sunday.",
     "Karabakh"),
    ("Ten villagers were killed when gunmen attacked the village of Tindaroke on Sunday.", "Tindaroke"),
])
def test_a_when_clause_sets_the_scene_of_the_killing(sentence, name):
    places = _places(f"Attack\n\n{sentence}", "ASSAULT")
    assert places and all(p is not None and p.endswith(name) for p in places)


def test_support_for_a_republic_is_no_place():
    places = _places("Statement\n\nJordan expressed its full support for the Republic of Lebanon.",
                     "SUPPORT")
    assert places == [None]


# ---------------------------------------------------------------- each event its own place

def test_a_city_named_before_an_event_noun_is_its_place():
    # (talks that are only what a briefing is about are no event: EVENTS.md's noun-phrase rule)
    text = "Talks\n\nThe US envoy's Berlin talks with North Korean negotiators ended on Tuesday without a deal."
    assert "Berlin" in _places(text, "CONSULT")


def test_countries_named_before_an_event_noun_are_its_parties_not_its_place():
    text = "Talks\n\nThe US-China talks ended without agreement, officials said."
    assert all(p not in ("United States", "China") for p in _places(text, "CONSULT"))


def test_a_place_of_another_events_phrase_is_not_this_ones():
    text = ("Tour\n\nPrior to his arrival in the Chinese capital, US envoy Christopher Hill visited "
            "Seoul and Tokyo.")
    assert "Beijing" not in _places(text, "CONSULT")


@pytest.mark.parametrize("sentence, places", [
    (("Prior to his arrival in the Chinese capital, US envoy Christopher Hill visited Seoul and "
      "Tokyo, exchanging views with his counterparts there."), {"Seoul", "Tokyo"}),
    ("The Indian prime minister visited Dhaka and Kathmandu last week.", {"Dhaka", "Kathmandu"}),
])
def test_each_city_visited_is_the_place_of_the_meeting_with_its_country(sentence, places):
    assert places <= set(_places(f"Tour\n\n{sentence}", "CONSULT"))


@pytest.mark.parametrize("sentence, name", [
    (("Iran's foreign minister condemned the Israeli airstrikes on the airport, which was damaged "
      "during a press conference with his Syrian counterpart in Damascus."), "Damascus"),
    ("Turkey's foreign minister criticised the sanctions at a news conference in Ankara.", "Ankara"),
    ("Iran's president condemned the killings during a visit to Baghdad.", "Baghdad"),
])
def test_a_statement_is_placed_at_the_occasion_it_was_made_at(sentence, name):
    assert _places(f"Statement\n\n{sentence}", "ACCUSE")[0] == name


@pytest.mark.parametrize("sentence", [
    "The African Union has plans to send a peace force to Darfur.",
    "The African Union has plans to send a peace force to Darfur to protect aid workers.",
])
def test_a_deployment_takes_place_where_the_force_is_sent(sentence):
    assert _places(f"Force\n\n{sentence}", "MOBILIZE") == ["Darfur"]


def test_strikes_take_place_where_what_they_target_is():
    text = ("Strikes\n\nUS forces have carried out strikes targeting five Kataib Hezbollah "
            "facilities in Syria and Iraq, the Pentagon said.")
    assert _places(text, "ASSAULT")[0] == "Syria"


@pytest.mark.parametrize("name", ["Malvinas", "Falklands", "Falkland Islands"])
def test_a_place_called_by_another_of_its_names_takes_its_usual_name(name):
    text = (f"Exercises\n\nArgentina said Britain was planning illegal military exercises in the "
            f"area of the {name}.")
    assert _places(text, "MOBILIZE") == ["Falkland Islands"]


def test_a_day_the_parser_runs_into_a_place_name_is_not_part_of_it():
    text = ("War\n\nGeorgian forces attacked Russian peacekeepers in the Georgian republic of "
            "South Ossetia Aug 8, officials said.")
    assert _places(text, "ASSAULT")[0] == "South Ossetia"


def test_the_place_of_a_participle_after_a_preposition_is_the_scenes():
    text = ("Raid\n\nThe army said its troops had killed 15 insurgents after repelling an attack by "
            "the militants at Yamteke village in Borno.")
    assert set(_places(text, "ASSAULT")) == {"Yamteke"}


@pytest.mark.parametrize("text, name", [
    (("Drills\n\nArgentina protested against British military exercises in the Falkland Islands. "
      "Britain and Argentina fought a brief war over the islands in 1982."), "Falkland Islands"),
    (("Clashes\n\nRebels seized the town of Bunagana on Monday. Congolese troops attacked the "
      "rebels in the town on Tuesday."), "Bunagana"),
])
def test_a_definite_place_noun_refers_back_to_the_place_of_its_kind(text, name):
    assert _places(text, "ASSAULT")[-1] == name


def test_a_definite_place_noun_with_nothing_to_refer_to_is_no_place():
    assert _places("Clashes\n\nTroops attacked rebels in the town on Tuesday.", "ASSAULT") == [None]


def test_the_place_of_talks_an_act_is_about_is_not_the_scene_of_what_follows():
    text = ("Talks\n\nThe US envoy met Chinese officials in Beijing on Sunday, briefing them about "
            "his Berlin talks with North Korean negotiators. The Chinese foreign minister also "
            "met the US envoy on Sunday.")
    assert "Berlin" not in _places(text, "CONSULT")[-1:]
