"""Verb and noun senses chosen by the object, and carriers of event nouns
(data/senses.yaml, eventscope.events.senses). Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventscope import extract
from eventscope.events.senses import Senses
from eventscope.records import Event

DAY = "2024-05-15"


def typed(text: str, kind: str) -> list[Event]:
    return [e for e in extract(text, publication_date=DAY).events if e.type == kind]


def countries(event: Event) -> tuple[str | None, str | None]:
    return (event.source.country if event.source else None,
            event.target.country if event.target else None)


def test_every_sense_names_its_codebook_source_and_a_plover_type():
    senses = Senses.load()
    types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
             "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert senses.senses
    for sense in senses.senses:
        assert sense.cameo == "contract" or sense.cameo.isdigit(), sense
        assert {sense.trigger.type, sense.aimed or "AGREE", sense.joint or "AGREE"} <= types


@pytest.mark.parametrize("text, pair", [
    ("Chile recalled its ambassador to Bolivia on Monday.", ("CHL", "BOL")),
    ("Ghana withdrew its envoy from Togo after the dispute.", ("GHA", "TGO")),
    ("Mali ordered the French ambassador to leave the country within 72 hours.", ("MLI", "FRA")),
    ("Bolivia declared the Peruvian envoy persona non grata.", ("BOL", "PER")),
])
def test_recalling_or_expelling_an_envoy_is_a_sanction(text, pair):
    found = typed(text, "SANCTION")
    assert [countries(e) for e in found] == [pair]
    assert not typed(text, "RETREAT")  # withdrawing an envoy is no retreat


def test_recalling_a_product_is_nothing():
    assert not extract("Toyota recalled its hybrid cars in Japan.", publication_date=DAY).events


def test_lodging_a_protest_accuses_and_the_protest_is_no_demonstration():
    text = "Vietnam lodged a formal protest with China over the seizure of its fishing boat."
    assert [countries(e) for e in typed(text, "ACCUSE")] == [("VNM", "CHN")]
    assert not typed(text, "PROTEST")


@pytest.mark.parametrize("text, country", [
    ("Iran held naval drills in the Gulf of Oman on Friday.", "IRN"),
    ("The Chinese army conducted live-fire exercises near Taiwan.", "CHN"),
    ("Pakistan test-fired a ballistic missile on Monday.", "PAK"),
    ("North Korea launched two short-range missiles into the sea.", "PRK"),
])
def test_drills_and_missile_launches_with_no_target_are_mobilize(text, country):
    found = typed(text, "MOBILIZE")
    assert [(e.source.country, e.target) for e in found] == [(country, None)]


def test_joint_drills_with_a_partner_are_cooperation():
    text = "Egypt held joint naval drills with Greece in the Mediterranean."
    assert [set(countries(e)) for e in typed(text, "COOPERATE")] == [{"EGY", "GRC"}]
    assert not typed(text, "MOBILIZE")


def test_rockets_fired_at_someone_are_an_attack():
    text = "Hamas fired rockets at Israeli towns on Saturday."
    assert typed(text, "ASSAULT") and not typed(text, "MOBILIZE")


def test_missile_test_compound_is_mobilize():
    found = typed("India carried out a missile test off its eastern coast.", "MOBILIZE")
    assert [e.source.country for e in found] == ["IND"]
    assert found[0].trigger == "missile test"


def test_arrest_warrant_compound_is_coercion_of_whom_it_is_for():
    found = typed("A Kenyan court issued an arrest warrant for the former governor.", "COERCE")
    assert len(found) == 1 and found[0].source.sector == "JUD"


def test_taking_a_town_is_an_assault():
    found = typed("Houthi fighters captured the town of Marib on Sunday.", "ASSAULT")
    assert [e.source.country for e in found] == ["YEM"]


@pytest.mark.parametrize("text, kind, pair", [
    ("The Kuwaiti emir ordered the closure of the Iraqi embassy.", "SANCTION", ("KWT", "IRQ")),
    ("The Estonian government announced its decision to expel two Russian diplomats.", "SANCTION",
     ("EST", "RUS")),
    ("The EU agreed on new sanctions against Belarus.", "SANCTION", (None, "BLR")),
    ("The Turkish parliament approved the deployment of troops to Libya.", "MOBILIZE", ("TUR", None)),
    ("The Chilean president ordered an investigation into the police.", "ACCUSE", ("CHL", "CHL")),
])
def test_the_decider_does_the_act_it_orders_or_announces(text, kind, pair):
    found = typed(text, kind)
    assert found
    source, target = countries(found[0])
    assert source == pair[0] or (pair[0] is None and found[0].source.sector == "IGO")
    assert pair[1] is None or target == pair[1]


def test_commenting_on_someone_elses_decision_does_not_make_it_ones_own():
    # "welcomed" carries nothing: the deployment is not the welcomer's
    text = "Japan welcomed the deployment of American troops."
    assert all(e.source is None or e.source.country != "JPN" for e in typed(text, "MOBILIZE"))


@pytest.mark.parametrize("text, pair", [
    ("The Turkish foreign minister flew to Cairo for talks with Egyptian officials.", {"TUR", "EGY"}),
    ("The Indian envoy arrived in Dhaka on Monday ahead of talks with the Bangladeshi government.",
     {"IND", "BGD"}),
])
def test_who_travels_for_talks_takes_part_in_them(text, pair):
    assert [set(countries(e)) for e in typed(text, "CONSULT")] == [pair]


def test_an_attack_noun_told_with_its_victims_and_no_doer_has_a_null_source():
    found = typed("Airstrikes on the port of Hodeidah killed four dockworkers in Yemen.", "ASSAULT")
    assert found and all(e.source is None for e in found)
    assert {e.target.country for e in found} == {"YEM"}


def test_a_condemned_attack_noun_is_only_the_accusation():
    text = "Jordan condemned the attack on the Egyptian embassy."
    assert typed(text, "ACCUSE") and not typed(text, "ASSAULT")


def test_an_attack_noun_under_an_attacker_verb_is_not_a_second_doerless_attack():
    text = "Rebel fighters killed nine villagers in an attack on a market in Mali."
    assert all(e.source is not None for e in typed(text, "ASSAULT"))


@pytest.mark.parametrize("text, mode", [
    ("Opposition supporters staged a protest outside the electoral commission in Lusaka.", "demo"),
    ("Nurses went on strike across Kenya on Monday.", "strike"),
    ("Thousands of Georgian students took to the streets of Tbilisi.", "demo"),
])
def test_a_single_protest_staged_or_a_strike_is_protest(text, mode):
    found = typed(text, "PROTEST")
    assert [e.mode for e in found] == [mode]


def test_air_strikes_carried_out_are_attacks_not_labour_strikes():
    text = "The Turkish air force carried out air strikes on militant camps in Iraq."
    assert typed(text, "ASSAULT") and not typed(text, "PROTEST")


def test_a_ban_on_trade_is_a_sanction_and_a_ban_on_rallies_a_restriction():
    assert [e.target.country for e in typed(
        "Canada announced a ban on imports of Russian steel.", "SANCTION")] == ["RUS"]
    coerced = typed("The Ugandan government announced a ban on opposition rallies.", "COERCE")
    assert [e.mode for e in coerced] == ["restrict"]


def test_ordering_the_lifting_of_a_curfew_is_a_concession():
    found = typed("The Sri Lankan president ordered the lifting of the curfew in Colombo.", "CONCEDE")
    assert [e.source.country for e in found] == ["LKA"]


def test_opening_fire_on_people_is_an_attack():
    found = typed("Soldiers opened fire on villagers near the border with Chad.", "ASSAULT")
    assert [e.mode for e in found] == ["firearms"]


def test_an_operation_is_an_attack_only_when_aimed_at_someone():
    assert typed("The Kenyan army launched an operation against al-Shabaab.", "ASSAULT")
    assert not extract("The army launched an operation to rescue flood victims.",
                       publication_date=DAY).events


@pytest.mark.parametrize("text, kind", [
    ("Prosecutors in Lima charged the former president with corruption.", "COERCE"),
    ("Thai authorities declared a state of emergency in Bangkok.", "COERCE"),
    ("Militants are holding three aid workers hostage in Sudan.", "COERCE"),
])
def test_charges_emergencies_and_hostages_held_are_coercion(text, kind):
    assert typed(text, kind)


def test_a_warning_issued_to_a_state_is_a_threat_but_a_flood_warning_is_nothing():
    found = typed("The Sudanese army issued a warning to Chad over its support for the rebels.",
                  "THREATEN")
    assert [countries(e) for e in found] == [("SDN", "TCD")]
    assert not extract("The weather agency issued a warning to residents about the flood.",
                       publication_date=DAY).events


def test_an_aid_convoy_or_relief_team_carries_the_aid_to_whom_it_goes():
    found = typed("Jordan sent a medical relief team to Gaza on Tuesday.", "AID")
    assert [e.source.country for e in found] == ["JOR"]


def test_pulling_out_of_talks_is_a_rejection_not_a_retreat():
    text = "The rebel movement pulled out of peace talks with the government in Addis Ababa."
    assert typed(text, "REJECT") and not typed(text, "RETREAT")
    assert not extract("The hikers walked out of the valley at dawn.", publication_date=DAY).events


def test_the_attack_referred_back_to_is_no_new_doerless_attack():
    text = "Officials in Kabul said the airstrikes on Kandahar had stopped."
    assert not typed(text, "ASSAULT")


# --- doers of gerunds and documents, hyphenated nouns, crowd control, expelled people -------

@pytest.mark.parametrize("text, pair", [
    ("Latvia answered the threat by expelling three Russian diplomats.", ("LVA", "RUS")),
    ("Norway reacted by announcing the closure of the Iranian consulate in Bergen.", ("NOR", "IRN")),
    ("Senegal's president signed a decree imposing sanctions on two Malian officials.", ("SEN", "MLI")),
])
def test_a_gerund_or_a_document_is_done_by_its_clause_subject_or_author(text, pair):
    assert [countries(e) for e in typed(text, "SANCTION")] == [pair]


def test_a_gerund_after_of_is_not_the_clause_subjects():
    # "accused X of shelling": the accuser does not shell
    text = "Armenia accused Azerbaijan of shelling border villages."
    assert all(e.source is None or e.source.country != "ARM" for e in typed(text, "ASSAULT"))


def test_a_hyphenated_event_noun_is_found_whole():
    found = typed("The Greek premier ordered a naval build-up near Rhodes.", "MOBILIZE")
    assert [(e.trigger, e.source.country) for e in found] == [("build-up", "GRC")]


def test_crowd_control_weapons_fired_are_violence_even_with_no_one_named():
    found = typed("Riot police in Lima fired tear gas on Sunday.", "ASSAULT")
    assert [(e.source.country, e.source.sector, e.mode) for e in found] == [("PER", "COP", "crowd-control")]
    # the purpose clause tells the same act: one event, not two
    text = "Police in Accra fired tear gas to disperse the crowd."
    assert len(typed(text, "ASSAULT")) == 1


def test_expelling_people_who_are_no_envoys_is_coercion():
    text = "Two Spanish reporters were expelled from Nicaragua on Friday."
    assert [countries(e) for e in typed(text, "COERCE")] == [("NIC", "ESP")]
    assert not typed(text, "SANCTION")
    envoys = "Nicaragua expelled two Spanish diplomats on Friday."
    assert typed(envoys, "SANCTION") and not typed(envoys, "COERCE")


def test_a_call_for_something_is_a_request_by_its_owner():
    found = typed("Ireland's call for a humanitarian pause in Gaza drew support in Brussels.", "REQUEST")
    assert [e.source.country for e in found] == ["IRL"]
    assert not typed("The phone call for the minister came at noon.", "REQUEST")


def test_a_reduced_relative_read_as_a_main_verb_keeps_its_by_phrase_as_doers():
    text = "The Karen militia, designated a terrorist group by Myanmar and Thailand, denied the report."
    found = typed(text, "SANCTION")
    assert sorted(e.source.country for e in found) == ["MMR", "THA"]
    assert all(e.target is not None and e.target.sector == "REB" for e in found)


def test_a_weapon_that_hits_something_is_an_attack_on_it():
    found = typed("Four rockets fired by the Houthis hit a Saudi border post in Jizan.", "ASSAULT")
    assert [(e.source and e.source.country, e.target.country) for e in found] == [("YEM", "SAU")]
    assert not typed("Falling prices hit Brazilian farmers hard.", "ASSAULT")


# ---- agreements concluded, agreements talks led to, raids (helper "agree")

@pytest.mark.parametrize("text, pair", [
    ("Kenya signed a defence pact with Ethiopia in Nairobi.", ("KEN", "ETH")),
    ("Thailand and Cambodia negotiated a truce after three days of fighting.", ("THA", "KHM")),
    ("Talks between Ecuador and Peru ended in an agreement on fishing quotas.", ("ECU", "PER")),
    ("Mali opened talks with Algeria, culminating in a series of deals on border security.",
     ("MLI", "DZA")),
])
def test_agreements_concluded_or_reached_by_talks_are_agree_between_the_parties(text, pair):
    found = typed(text, "AGREE")
    assert [tuple(sorted(countries(e))) for e in found] == [tuple(sorted(pair))]
    assert not found[0].negated


def test_negotiating_a_deal_not_yet_done_is_no_agreement():
    text = "Colombia is not willing to negotiate a peace deal with the rebels yet."
    assert not typed(text, "AGREE")


def test_talks_breaking_up_without_agreement_give_a_negated_agreement():
    found = typed("Talks between Ecuador and Peru broke up without agreement on Friday.", "AGREE")
    assert len(found) == 1 and found[0].negated


def test_the_broker_of_an_agreement_is_no_party_to_it():
    text = "The ceasefire agreement between Azerbaijan and Armenia, brokered by Russia, holds."
    assert {c for e in typed(text, "AGREE") for c in countries(e)} == {"AZE", "ARM"}


def test_a_police_raid_on_offices_is_coercion_a_raid_on_a_village_an_attack():
    assert typed("Kenyan police carried out a raid on the offices of a rights group.", "COERCE")
    assert not typed("Kenyan police carried out a raid on the offices of a rights group.", "ASSAULT")
    assert typed("Israeli troops carried out a raid on the village of Qabatiya.", "ASSAULT")


def test_a_city_the_parser_misreads_as_an_organisation_is_still_the_target_of_an_attack():
    found = typed("The bombardment of Kharkiv by Russian forces continued overnight.", "ASSAULT")
    assert [countries(e) for e in found] == [("RUS", "UKR")]


def test_someone_under_house_arrest_is_held_by_the_state_where_it_happens():
    found = typed("The Turkish journalist remains in detention in Ankara.", "COERCE")
    assert [countries(e) for e in found] == [("TUR", "TUR")]
    assert found[0].target.sector == "MED"
