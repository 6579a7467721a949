"""CAMEO codes chosen for PLOVER events, one case per CAMEO root code PLOVER reaches."""

from __future__ import annotations

import pytest
import yaml

from eventscope.cameo import (
    _codes,
    _data_path,
    cameo_code,
    cameo_quad_class,
    lookup,
    plover_intensity,
    plover_quad,
    source_hosts_visit,
)
from eventscope.records import EVENT_TYPES, Actor, Event, Location

RUS_GOV = Actor("Sergey Lavrov", "RUS", "GOV")
SYR_GOV = Actor(None, "SYR", "GOV")
REBELS = Actor("Hayat Tahrir al-Sham", None, "REB")


def event(type_, mode=None, trigger="", *, source=RUS_GOV, target=SYR_GOV, factuality="asserted",
          location=None) -> Event:
    return Event(sentence="...", trigger=trigger, type=type_, mode=mode, source=source,
                 target=target, factuality=factuality, location=location)


# (root, event, expected code): every root from 01 to 20.
CASES = [
    ("01", event("REJECT", trigger="denied"), "016"),
    ("02", event("REQUEST", "meet", "called on"), "026"),
    ("03", event("AID", "economic", "will provide", factuality="planned"), "0331"),
    ("04", event("CONSULT", "phone", "spoke"), "041"),
    ("05", event("SUPPORT", trigger="praised"), "051"),
    ("06", event("COOPERATE", trigger="military cooperation"), "062"),
    ("07", event("AID", "humanitarian", "delivered"), "073"),
    ("08", event("RETREAT", "ceasefire", "declared"), "0871"),
    ("09", event("ACCUSE", "investigate", "opened an inquiry"), "090"),
    ("10", event("REQUEST", "yield", "demanded"), "105"),
    ("11", event("ACCUSE", "disapprove", "condemned"), "111"),
    ("12", event("REJECT", "meet", "turned down"), "125"),
    ("13", event("THREATEN", "violence", "warned"), "138"),
    ("14", event("PROTEST", "demo", "rallied", source=Actor(None, "SYR", "CVL")), "141"),
    ("15", event("MOBILIZE", "troops", "massed"), "154"),
    ("16", event("SANCTION", trigger="imposed sanctions"), "163"),
    ("17", event("COERCE", "arrest", "detained"), "173"),
    ("18", event("ASSAULT", trigger="attacked", source=REBELS), "180"),
    ("19", event("ASSAULT", "aerial", "struck"), "195"),
    ("20", event("ASSAULT", trigger="massacre"), "202"),
]


@pytest.mark.parametrize("root, ev, expected", CASES, ids=[case[0] for case in CASES])
def test_one_code_per_root(root, ev, expected):
    code = cameo_code(ev)
    assert code.code == expected
    assert code.root == root
    assert code.label and code.label == lookup(expected).label


def test_every_root_is_covered():
    assert sorted({case[0] for case in CASES}) == [f"{n:02d}" for n in range(1, 21)]


def test_visit_direction_follows_the_place():
    in_damascus = Location("Damascus", "SYR")
    visitor = event("CONSULT", "visit", "met", source=RUS_GOV, target=SYR_GOV, location=in_damascus)
    host = event("CONSULT", "visit", "met", source=SYR_GOV, target=RUS_GOV, location=in_damascus)
    assert cameo_code(visitor).code == "042"
    assert cameo_code(host).code == "043"
    assert not source_hosts_visit(visitor) and source_hosts_visit(host)


def test_visit_direction_from_the_trigger_when_the_place_is_silent():
    assert cameo_code(event("CONSULT", "visit", "received", source=SYR_GOV)).code == "043"
    assert cameo_code(event("CONSULT", "visit", "arrived in")).code == "042"
    # Same country on both sides: the place cannot tell, the trigger does.
    same = event("CONSULT", "visit", "hosted", source=SYR_GOV, target=Actor("X", "SYR", "OPP"),
                 location=Location("Aleppo", "SYR"))
    assert cameo_code(same).code == "043"


def test_consult_modes_and_defaults():
    assert cameo_code(event("CONSULT", "third-party", "met in Geneva")).code == "044"
    assert cameo_code(event("CONSULT", None, "negotiations")).code == "046"
    assert cameo_code(event("CONSULT", None, "talks")).code == "040"
    assert cameo_code(event("CONSULT", "visit", "will visit", factuality="planned")).code == "036"


def test_accuse_disapprove_versus_accuse():
    assert cameo_code(event("ACCUSE", "disapprove", "criticised")).code == "111"
    assert cameo_code(event("ACCUSE", "disapprove", "accused")).code == "112"
    assert cameo_code(event("ACCUSE", "allege", "said was behind")).code == "112"


def test_aid_modes():
    for mode, code in (("economic", "071"), ("military", "072"), ("humanitarian", "073"), (None, "070")):
        assert cameo_code(event("AID", mode, "sent")).code == code


def test_trigger_words_match_word_starts_only():
    # "significant" must not read as "signed"; "east" not as "eased".
    assert cameo_code(event("SUPPORT", trigger="significant results")).code == "050"
    assert cameo_code(event("SUPPORT", trigger="signed the accord")).code == "057"


def test_goldstein_and_quad_class_come_from_the_tables():
    visit = lookup("042")
    assert (visit.goldstein, visit.quad_class) == (1.9, 1)
    assert lookup("190").goldstein == -10.0
    assert [cameo_quad_class(r) for r in ("01", "05", "06", "08", "09", "13", "14", "20")] == \
        [1, 1, 2, 2, 3, 3, 4, 4]


def test_every_code_named_in_the_rules_exists():
    with _data_path("plover_to_cameo.yaml").open() as handle:
        rules = yaml.safe_load(handle)
    text = yaml.safe_dump(rules["types"])
    named = set(__import__("re").findall(r"'(\d{3,4})'", text))
    assert named and named <= set(_codes())
    assert set(rules["types"]) == set(EVENT_TYPES)


def test_unknown_type_has_no_code():
    assert cameo_code(event("GOSSIP")) is None


def test_plover_scale():
    assert plover_intensity("CONSULT", "visit") == 4.0
    assert plover_intensity("CONSULT") == 2.5
    assert plover_intensity("ASSAULT", "no-such-mode") == -9.0
    assert plover_quad("AID") == 2 and plover_quad("ASSAULT") == 4
