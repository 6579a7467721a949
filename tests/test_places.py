"""Place names and phrases resolved to Locations with ISO alpha-3 countries."""

from __future__ import annotations

import json

import pytest

from eventscope.countries import Countries
from eventscope.places import Gazetteer, _build_index, _Rules, display_name, name_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("name", ["As-Suwayda", "Al-Sweida", "Al_Sweida", "Sweida", "al sweida", "AS SUWAYDA"])
def test_arabic_article_and_transliteration_variants(gazetteer, name):
    place = gazetteer.lookup(name)
    assert place.country == "SYR" and place.name == "As-Suwayda"


@pytest.mark.parametrize("name", ["Deir ez-Zor", "Deir al-Zour", "deir_ez_zor", "Dayr az-Zawr"])
def test_internal_articles(gazetteer, name):
    assert gazetteer.lookup(name).name == "Deir ez-Zor"


def test_capitals_win_for_bare_names(gazetteer):
    assert gazetteer.lookup("Washington").country == "USA"
    assert gazetteer.lookup("Tripoli").country == "LBY"
    assert gazetteer.lookup("Damascus").country == "SYR"


def test_country_hint_picks_the_namesake(gazetteer):
    assert gazetteer.lookup("Tripoli", country_hint="LBN").country == "LBN"
    assert gazetteer.lookup("Damascus", country_hint="USA").country == "USA"
    assert gazetteer.lookup("Sochi", country_hint="FRA").country == "RUS"   # no French Sochi


def test_countries_resolve_to_the_country(gazetteer):
    place = gazetteer.lookup("the United States")
    assert (place.name, place.country, place.latitude) == ("United States", "USA", None)
    assert gazetteer.lookup("US").country == "USA"
    assert gazetteer.lookup("Syria").name == "Syria"


def test_locations_carry_coordinates_and_geonames_ids(gazetteer):
    sochi = gazetteer.lookup("Sochi")
    assert sochi.country == "RUS" and 43 < sochi.latitude < 44 and sochi.geonameid


@pytest.mark.parametrize("phrase, name, country", [
    ("the Russian city of Sochi", "Sochi", "RUS"),
    ("the Russian resort of Sochi", "Sochi", "RUS"),
    ("the Russian Black Sea resort of Sochi", "Sochi", "RUS"),
    ("the old city of Damascus", "Damascus", "SYR"),
    ("the Syrian capital, Damascus", "Damascus", "SYR"),
    ("the Syrian capital", "Damascus", "SYR"),
    ("the Lebanese city of Tripoli", "Tripoli", "LBN"),
    ("Idlib province", "Idlib", "SYR"),
    ("Damascus", "Damascus", "SYR"),
])
def test_phrases(gazetteer, phrase, name, country):
    place = gazetteer.lookup_in_phrase(phrase)
    assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize("junk", ["", "  ", "the talks", "xqzvbn", "the city of"])
def test_unknown_names_give_none(gazetteer, junk):
    assert gazetteer.lookup(junk) is None
    assert gazetteer.lookup_in_phrase(junk) is None


def test_keys_and_display_names():
    assert name_key("Al_Sweida") == name_key("al-sweida") == "al sweida"
    assert name_key("Ra\u2019s al \u2018Ayn") == "ras al ayn"
    assert display_name("\u0162ar\u0163\u016bs") == "Tartus"


def test_index_built_from_records_ranks_population_then_hint():
    cities = [
        {"geonameid": 1, "name": "Springfield", "latitude": 0, "longitude": 0, "countrycode": "US",
         "population": 100_000, "alternatenames": ["Springfeld"]},
        {"geonameid": 2, "name": "Springfield", "latitude": 1, "longitude": 1, "countrycode": "GB",
         "population": 20_000, "alternatenames": []},
        {"geonameid": 3, "name": "El-Qasr", "latitude": 2, "longitude": 2, "countrycode": "EG",
         "population": 30_000, "alternatenames": ["QSR"]},
    ]
    geonames_countries = {
        "US": {"iso": "US", "iso3": "USA", "geonameid": 10, "capital": "Washington"},
        "GB": {"iso": "GB", "iso3": "GBR", "geonameid": 11, "capital": "London"},
        "EG": {"iso": "EG", "iso3": "EGY", "geonameid": 12, "capital": "Cairo"},
    }
    countries = Countries.load()
    index = _build_index(cities, json.loads(json.dumps(geonames_countries)), countries, _Rules.load())
    small = Gazetteer(index, countries, _Rules.load())
    assert small.lookup("Springfield").geonameid == 1
    assert small.lookup("springfeld").geonameid == 1
    assert small.lookup("Springfield", country_hint="GBR").geonameid == 2
    assert small.lookup("Qasr").geonameid == 3           # article dropped
    assert small.lookup("QSR") is None                    # codes are not names


# ---------------------------------------------------------------- places of events in articles

def _located(text: str, kind: str, published: str = "2021-03-12"):
    from eventscope import extract

    found = [e for e in extract(text, publication_date=published).events if e.type == kind]
    assert found, f"no {kind} event in {text!r}"
    return found[0].location


def test_a_body_place_outranks_the_dateline():
    place = _located("Clashes in the north\n\nBAMAKO, March 11 (Reuters) - Malian troops attacked "
                     "Tuareg rebels in Kidal on Wednesday, the army said.", "ASSAULT")
    assert place is not None and (place.name, place.country) == ("Kidal", "MLI")


def test_the_dateline_alone_places_no_event():
    place = _located("Ministers meet\n\nBAMAKO (AFP) - Mali accused France of arming the rebels "
                     "on Thursday.", "ACCUSE")
    assert place is None


def test_a_host_receiving_visitors_meets_at_the_dateline():
    place = _located("Envoy in Damascus\n\nDAMASCUS, (SANA) - President Assad received the Russian "
                     "envoy on Thursday.", "CONSULT")
    assert place is not None and place.name == "Damascus"


def test_place_prepositions_and_compass_phrases():
    near = _located("Fighting\n\nCongolese troops attacked M23 rebels near Goma on Monday.", "ASSAULT")
    assert near is not None and near.name == "Goma" and near.country == "COD"
    east = _located("Attack\n\nMalian soldiers attacked a rebel checkpoint east of Kidal on Monday.",
                    "ASSAULT")
    assert east is not None and east.name == "Kidal"


def test_a_named_village_unknown_to_the_gazetteer_is_still_a_place():
    place = _located("Raid\n\nGunmen attacked farmers at Tindaroke village on Sunday, police said.", "ASSAULT")
    assert place is not None and place.name == "Tindaroke" and place.latitude is None


def test_a_small_town_is_found_after_a_place_preposition_in_the_articles_country(gazetteer):
    # Ngala (Borno, Nigeria) has fewer than 15,000 people: only GeoNames' cities500 has it.
    assert gazetteer.lookup("Ngala") is None
    assert gazetteer.small_town("Ngala", frozenset({"NGA"})).country == "NGA"
    place = _located("Attack in Nigeria\n\nBoko Haram fighters attacked Nigerian soldiers in Ngala "
                     "on Monday.", "ASSAULT")
    assert place is not None and place.name == "Ngala" and place.country == "NGA" and place.latitude


def test_a_small_town_of_another_country_is_not_taken(gazetteer):
    assert gazetteer.small_town("Ngala", frozenset({"FRA"})) is None
    assert gazetteer.small_town("Ngala", frozenset()) is None


@pytest.mark.parametrize("word", ["Police", "Court", "Union", "Said", "Independence", "Liberty"])
def test_capitalised_common_words_never_become_small_towns(gazetteer, word):
    assert gazetteer.small_town(word, frozenset({"USA", "POL", "PHL", "CZE", "CHE", "EGY"})) is None


@pytest.mark.parametrize("sentence", [
    "Protesters clashed with Police in the capital on Monday.",
    "Protesters attacked supporters of the Union in the capital on Monday.",
    "Gunmen attacked a bus outside the Court on Monday.",
])
def test_capitalised_common_words_are_no_event_places(sentence):
    place = _located(f"Clashes in Kenya\n\nKenyan {sentence[0].lower()}{sentence[1:]}", "ASSAULT")
    assert place is None or place.name not in ("Police", "Union", "Court", "Said")
