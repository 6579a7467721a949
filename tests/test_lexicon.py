"""The lexicon's provenance and breadth: every wording says where it comes from (a CAMEO code,
the PLOVER manual, the event contract, or a dev article), agrees in type with the CAMEO->PLOVER
table through the one override table, and every CAMEO code eventscope codes has wordings.

The coverage rule (docs/lexicon.md): a verb, noun, adjective or object pattern ("verb object")
counts for its CAMEO code's counted code (`lexicon.counted_code`: the three-digit code; a
residual "X0" code counts like its root) and for every code above it; each counted code needs
three wordings, unless `few_wordings` in lexicon.yaml says why it has fewer.
"""

from __future__ import annotations

import re
import sys
from importlib import resources

import pytest
import yaml

from eventscope.lexicon import (
    Lexicon,
    Trigger,
    _trigger,
    cameo_coverage,
    cameo_overrides,
    cameo_plover,
    counted_code,
    trigger_code,
    wordings,
)

MIN_WORDINGS = 3


def lexicon_data() -> dict:
    return yaml.safe_load(resources.files("eventscope.data").joinpath("lexicon.yaml").read_text())


def test_every_wording_names_where_it_comes_from():
    unsourced = [name for name, trigger in wordings(Lexicon.load()).items()
                 if not trigger.cameo and not trigger.source]
    assert unsourced == []


def test_wordings_from_a_dev_article_alone_stay_under_one_in_ten():
    entries = wordings(Lexicon.load())
    dev_only = [name for name, t in entries.items()
                if not t.cameo and (t.source or "").startswith("dev:")]
    assert len(dev_only) / len(entries) < 0.10, dev_only


def test_every_wording_has_the_type_its_cameo_code_is_coded_as():
    mapping = cameo_plover()
    wrong = {name: (t.type, t.cameo, mapping.get(t.cameo))
             for name, t in wordings(Lexicon.load()).items()
             if t.cameo and mapping.get(t.cameo) != t.type}
    assert wrong == {}


def test_every_cameo_code_coded_as_a_plover_type_has_three_wordings():
    exceptions = lexicon_data()["few_wordings"]
    coverage = cameo_coverage(Lexicon.load())
    short = {code: names for code, names in coverage.items()
             if len(names) < MIN_WORDINGS and code not in exceptions}
    assert short == {}
    # An exception that is no longer needed, or has no reason, is stale.
    assert all(len(coverage[code]) < MIN_WORDINGS and reason for code, reason in exceptions.items())


def test_coverage_counts_sub_codes_for_their_parent_and_residual_codes_for_their_root():
    assert counted_code("1031") == "103"
    assert counted_code("103") == "103"
    assert counted_code("140") == "14"
    assert counted_code("14") == "14"
    coverage = cameo_coverage(Lexicon.load())
    # "demand compensation" is 1031: it counts for 103 and for the root 10.
    assert "verb:demand compensation" in coverage["103"]
    assert "verb:demand compensation" in coverage["10"]


def test_the_override_table_changes_only_what_the_contract_codes_otherwise():
    mapping = cameo_plover()
    assert mapping["057"] == "AGREE"        # signing an agreement
    assert mapping["163"] == "SANCTION"     # sanctions, embargoes
    assert mapping["192"] == "ASSAULT"      # occupying territory
    assert mapping["116"] == "SANCTION"     # found guilty
    assert mapping["0211"] == "REQUEST"     # an override row covers the codes below it
    assert mapping["173"] == "COERCE"       # no override: the table's own type
    assert "012" not in mapping             # commentary is no event
    for code, row in cameo_overrides().items():
        assert row["reason"], code


def test_the_cameo_plover_table_says_what_the_published_table_says(shared_dir):
    published = {}
    for line in (shared_dir / "reference" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if match:
            published.setdefault(match.group(1), match.group(2))
    overrides = cameo_overrides()
    mapping = cameo_plover()
    for code, kind in published.items():
        if not any(code.startswith(overridden) for overridden in overrides):
            assert mapping[code] == kind, code
    # Each override row really differs from the table (else it is no override).
    for code, row in overrides.items():
        assert published.get(code) != row["type"], code


def test_a_wording_with_a_malformed_provenance_is_refused_with_its_name():
    with pytest.raises(ValueError, match="'recall ambassador'.*cameo"):
        _trigger("recall ambassador", {"type": "SANCTION", "cameo": 161})
    with pytest.raises(ValueError, match="'boycott'.*source"):
        _trigger("boycott", {"type": "PROTEST", "source": "a blog"})
    assert _trigger("impeach", {"type": "SANCTION", "source": "contract"}).source == "contract"


def test_a_trigger_gives_its_code_only_to_events_of_its_own_type():
    recall = Trigger("recall ambassador", "SANCTION", "withdraw", ("from",), frozenset(), cameo="161")
    assert trigger_code(recall, "SANCTION") == "161"
    assert trigger_code(recall, "ACCUSE") is None   # another sense (a construction's type)
    assert trigger_code(Trigger("x", "SANCTION", None, (), frozenset()), "SANCTION") is None


def test_object_patterns_are_verb_entries_of_a_verb_and_its_object():
    verbs = Lexicon.load().verbs
    assert verbs["recall ambassador"].type == "SANCTION"
    assert verbs["lift sanction"].type == "RETREAT"
    assert verbs["demand release"].type == "REQUEST" and verbs["demand release"].cameo == "1053"


# ----- the wordings at work, on sentences written here ------------------------------------

def events_of(text: str, published: str = "2024-03-06") -> list:
    from eventscope import extract
    return extract(text, publication_date=published).events


@pytest.mark.slow
def test_recalling_ambassadors_is_a_sanction_with_its_cameo_code():
    found = [e for e in events_of("Peru recalled its ambassadors from Mexico on Monday.")
             if e.type == "SANCTION"]
    assert len(found) == 1
    assert (found[0].source.country, found[0].target.country) == ("PER", "MEX")
    assert found[0].cameo == "161"


@pytest.mark.slow
def test_an_object_pattern_needs_its_object():
    # "sought aid" is an appeal for aid (023); "sought shelter" is nothing the lexicon knows.
    asked = [e for e in events_of("Lebanon sought aid from France.") if e.type == "REQUEST"]
    assert [e.cameo for e in asked] == ["023"]
    assert [e for e in events_of("The hikers sought shelter in a cave.")] == []


@pytest.mark.slow
def test_events_take_the_code_of_their_trigger_word():
    found = [e for e in events_of("Kenya condemned the attack by al-Shabaab.") if e.type == "ACCUSE"]
    assert found and found[0].cameo == "111"
    met = [e for e in events_of("The Polish president met the Czech prime minister in Prague.")
           if e.type == "CONSULT"]
    assert met and met[0].cameo == "040"


def test_the_exported_cameo_code_is_the_trigger_words_unless_residual_or_refined():
    from eventscope.cameo import cameo_code
    from eventscope.records import Actor, Event

    def coded(type_, mode, cameo, factuality="asserted"):
        return cameo_code(Event("...", "x", type_, mode, Actor(None, "PER", "GOV"),
                                Actor(None, "MEX", "GOV"), factuality=factuality, cameo=cameo)).code

    assert coded("SANCTION", None, "161") == "161"            # recalled an ambassador
    assert coded("REQUEST", "assist", "023") == "023"          # sought aid, not the mode's 021
    assert coded("ASSAULT", "aerial", "190") == "195"          # a residual code says less
    assert coded("AID", "humanitarian", "070") == "073"        # the mode says more than "aid"
    assert coded("AID", None, "07") == "070"                   # a root code is no trigger code
    assert coded("AID", "economic", "033", "planned") == "0331"  # a plan takes its intent code


def test_the_derivation_tool_prints_the_codebook_and_petrarch_candidates(shared_dir, capsys):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "derive_lexicon.py"
    spec = importlib.util.spec_from_file_location("derive_lexicon", path)
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool  # its dataclasses look their module up
    spec.loader.exec_module(tool)
    assert tool.main(["161", "--shared", str(shared_dir)]) == 0
    out = capsys.readouterr().out
    assert "=== 161 -> SANCTION" in out
    assert "Reduce or break diplomatic relations" in out          # the codebook's name
    assert "recall * ambassador" in out                            # PETRARCH2's pattern
    assert "verb:recall ambassador" in out                         # the lexicon's wording


@pytest.mark.slow
def test_seizing_a_town_is_an_assault_but_seizing_weapons_is_coercion():
    taken = events_of("Sudanese troops seized the town of Heglig from South Sudan on Tuesday.")
    assert [(e.type, e.cameo) for e in taken] == [("ASSAULT", "192")]
    seized = events_of("Colombian police seized weapons from the rebels on Tuesday.")
    assert [e.type for e in seized] == ["COERCE"]


@pytest.mark.slow
def test_compensation_paid_is_property_returned_but_a_fee_paid_is_nothing():
    # PETRARCH2 PAY * COMPENSATION [0842]: the object says the sense of "pay"
    paid = events_of("Chad paid compensation to the families of three French aid workers.")
    assert [(e.type, e.cameo, e.source.country, e.target.country) for e in paid] == [
        ("RETREAT", "0842", "TCD", "FRA")]
    assert events_of("The club paid a record fee for the Brazilian striker.") == []


@pytest.mark.slow
def test_patrols_stepped_up_by_a_force_are_a_show_of_force():
    # PETRARCH2 PATROL [150], STEP_UP * PATROLS; a patrol with no force named is nothing
    shown = events_of("Kenyan police stepped up patrols in the coastal county of Lamu.")
    assert [(e.type, e.cameo, e.source.country) for e in shown] == [("MOBILIZE", "150", "KEN")]
    assert events_of("A patrol found the missing hikers near the lake.") == []


@pytest.mark.slow
def test_a_strike_called_off_is_a_concession_but_a_match_called_off_is_nothing():
    # CAMEO 082 (ease political dissent); `call off` needs a protest action as its object
    ended = events_of("The Kenyan teachers' union called off its nationwide strike on Monday.")
    assert [(e.type, e.cameo) for e in ended] == [("CONCEDE", "082")]
    assert events_of("The league called off the match because of the storm.") == []
