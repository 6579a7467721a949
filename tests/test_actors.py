"""Actors: who the event's source and target are, resolved within the document and in time.

Sentences written here; the expected holders of offices are facts of the actor table's domain
(who was the US Secretary of State in 2019, ...).
"""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.records import Actor, Event

pytestmark = pytest.mark.slow


def first(text: str, published: str, kind: str) -> Event:
    found = [e for e in extract(text, publication_date=published).events if e.type == kind]
    assert found, (kind, extract(text, publication_date=published).events)
    return found[0]


def names(event: Event) -> set[str | None]:
    return {event.source.name if event.source else None, event.target.name if event.target else None}


def all_actors(text: str, published: str) -> list[Actor]:
    document = extract(text, publication_date=published)
    return [a for e in document.events for a in (e.source, e.target) if a] + [
        q.speaker for q in document.quotes if q.speaker]


# ------------------------------------------------------------------ titles in time

@pytest.mark.parametrize(("published", "holder"), [("2019-05-01", "Mike Pompeo"), ("2022-05-01", "Antony Blinken")])
def test_title_alone_is_the_office_holder_on_the_publication_date(published: str, holder: str):
    event = first("The US secretary of state visited Cairo on Tuesday.", published, "CONSULT")
    assert (event.source.name, event.source.country, event.source.sector) == (holder, "USA", "GOV")
    assert event.target.country == "EGY"


def test_title_and_counterpart_resolve_to_both_ministers():
    event = first("The Russian foreign minister met his Syrian counterpart in Moscow on Monday.", "2021-06-01",
                  "CONSULT")
    assert names(event) == {"Sergey Lavrov", "Faisal Mekdad"}


def test_president_of_a_country_resolves_to_the_holder():
    event = first("The Syrian President received a delegation of the Iranian parliament in Damascus.",
                  "2020-03-10", "CONSULT")
    assert (event.source.name, event.source.country) == ("Bashar al-Assad", "SYR")
    assert event.target.country == "IRN"


# --------------------------------------------------------- names, appositions, variants

def test_apposition_names_the_minister():
    event = first("Turkey's foreign minister, Hakan Fidan, met the Iraqi Prime Minister Mohammed Shia al-Sudani "
                  "in Baghdad.", "2023-09-05", "CONSULT")
    assert names(event) == {"Hakan Fidan", "Mohammed Shia al-Sudani"}


def test_variant_spellings_resolve_to_the_canonical_names():
    event = first("Sergei Lavrov met President Erdogan in Sochi on Monday.", "2023-09-05", "CONSULT")
    assert names(event) == {"Sergey Lavrov", "Recep Tayyip Erdoğan"}


def test_surname_alone_refers_back_to_the_full_name():
    text = ("Egyptian Foreign Minister Sameh Shoukry arrived in Amman on Sunday.\n"
            "Shoukry later called on Israel to stop the raids.")
    event = first(text, "2023-09-05", "REQUEST")
    assert (event.source.name, event.source.country) == ("Sameh Shoukry", "EGY")
    assert event.target.country == "ISR"


def test_mr_and_surname_refers_back_to_the_full_name():
    text = "Hakan Fidan arrived in Baghdad on Monday. Mr. Fidan said that Ankara supports the unity of Iraq."
    event = first(text, "2023-09-05", "SUPPORT")
    assert (event.source.name, event.target.country) == ("Hakan Fidan", "IRQ")


# ------------------------------------------------------------- pronouns and pairs

def test_he_refers_to_the_last_named_person():
    text = ("Iranian Foreign Minister Hossein Amir-Abdollahian arrived in Beijing on Monday.\n"
            "He met Wang Yi on Tuesday.")
    event = first(text, "2023-09-05", "CONSULT")
    assert names(event) == {"Hossein Amir-Abdollahian", "Wang Yi"}
    assert event.date == "2023-09-05"


def test_the_two_ministers_are_the_pair_that_met():
    text = ("Egyptian Foreign Minister Sameh Shoukry received Jordan's foreign minister, Ayman Safadi, in Cairo "
            "on Sunday.\nThe two ministers discussed the situation in Gaza.")
    discussed = [e for e in extract(text, publication_date="2023-09-05").events if e.trigger == "discussed"]
    assert len(discussed) == 1
    assert names(discussed[0]) == {"Sameh Shoukry", "Ayman Safadi"}


# ------------------------------------------------- states, capitals, demonyms, groups

def test_capital_and_seat_of_government_stand_for_the_state():
    event = first("The Kremlin criticised Washington for sending cluster munitions to Kyiv.", "2023-07-20",
                  "ACCUSE")
    assert (event.source.country, event.source.sector) == ("RUS", "GOV")
    assert (event.target.country, event.target.sector, event.target.name) == ("USA", "GOV", None)


def test_demonym_with_forces_is_the_military():
    event = first("Russian forces attacked Ukrainian positions near Bakhmut on Wednesday.", "2023-07-20", "ASSAULT")
    assert (event.source.country, event.source.sector) == ("RUS", "MIL")
    assert event.target.country == "UKR"


def test_organisations_have_no_country():
    event = first("NATO condemned the attack by ISIS on a Kurdish checkpoint.", "2023-09-05", "ACCUSE")
    assert (event.source.name, event.source.country, event.source.sector) == ("NATO", None, "IGO")
    assert (event.target.name, event.target.country, event.target.sector) == ("ISIS", None, "REB")


def test_both_addressees_of_a_call_are_targets():
    found = [e for e in extract("The UN Security Council called on Israel and Hamas to agree a ceasefire.",
                                publication_date="2023-09-05").events if e.type == "REQUEST"]
    assert {(e.source.name, e.target.country or e.target.name) for e in found} == {
        ("UN Security Council", "ISR"), ("UN Security Council", "PSE")}


def test_dateline_place_and_agency_are_not_actors():
    text = "MOSCOW, (TASS) – Iran and Russia signed an agreement on Monday to build a railway line."
    event = first(text, "2023-09-05", "AGREE")
    assert {event.source.country, event.target.country} == {"IRN", "RUS"}
    assert all(actor.sector != "MED" for actor in all_actors(text, "2023-09-05"))
