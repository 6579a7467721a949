"""The construction suite: hand-written sentences, one file per grammatical construction.

Each case in tests/constructions/*.yaml is one sentence with the events it must give (format
and matching rule in tests/constructions/README.md). All sentences are extracted in one batch;
a case passes when every expected event is found and no event of an unexpected type appears.

Run `python tests/test_constructions.py [--failures] [CONSTRUCTION...]` for the
construction x type table (also printed by `pytest -s` and written to TABLE_FILE).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest
import yaml

from eventscope import records

SUITE_DIR = Path(__file__).resolve().parent / "constructions"
TABLE_FILE = Path(os.environ.get("EVENTSCOPE_CONSTRUCTIONS_TABLE",
                                 Path(tempfile.gettempdir()) / "eventscope-constructions.txt"))
# Issue 11 targets 90 % of the cases passing (TARGET). FLOOR is the pass rate last measured
# (50.7 % when the suite was written; 62.4 % with the argument engine's constructions:
# passives, doerless violence, coordination, appositions, relatives; 70.6 % with the senses,
# carriers and codebook wordings as well; 90.8 % of 932 after the round on multi-party
# events, modality, nouns, clauses, protests and the codebook's second wordings; 93.8 % of
# 1,283 after the third round: texts as doers, force, exile, charges, conveners, filters), rounded
# down: a guard against regressions, to be raised as the extractor improves.
FLOOR = 0.92
TARGET = 0.90
DEFAULT_PUBLICATION_DATE = "2024-05-15"

EVENT_TYPES = list(records.EVENT_TYPES)
UNORDERED = records.UNORDERED_TYPES
SECTORS = set(records.SECTORS)
FACTUALITY = set(records.FACTUALITY)
ACTOR_KEYS = {"name", "country", "sector"}
EVENT_KEYS = {"type", "source", "target", "negated", "factuality", "date"}
CASE_KEYS = {"text", "events", "publication_date", "note"}
FILE_KEYS = {"construction", "description", "publication_date", "cases"}
NEGATIVE = "none"  # the table's column for cases that must give no event


class SuiteError(ValueError):
    """A malformed suite file; the message names the file, the case and the problem."""


@dataclass(frozen=True)
class Case:
    construction: str
    index: int
    text: str
    publication_date: str
    events: tuple[dict[str, Any], ...]

    @property
    def case_id(self) -> str:
        return f"{self.construction}#{self.index}"

    @property
    def types(self) -> list[str]:
        return sorted({e["type"] for e in self.events}) or [NEGATIVE]


@dataclass
class Outcome:
    case: Case
    predicted: list[dict[str, Any]]
    missing: list[dict[str, Any]] = field(default_factory=list)
    unexpected: list[dict[str, Any]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.missing and not self.unexpected


# ---------------------------------------------------------------- loading and validation

def load_suite(directory: Path = SUITE_DIR) -> list[Case]:
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise SuiteError(f"{directory}: no *.yaml construction files")
    return [case for path in files for case in load_file(path)]


def load_file(path: Path) -> list[Case]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SuiteError(f"{path}: not valid YAML: {error}") from None
    _require(isinstance(data, dict), path, "the file must be a mapping with 'construction' and 'cases'")
    _no_unknown_keys(data, FILE_KEYS, path)
    _require(data.get("construction") == path.stem, path,
             f"'construction' must be the file's name {path.stem!r}, got {data.get('construction')!r}")
    cases = data.get("cases")
    _require(isinstance(cases, list) and cases, path, "'cases' must be a non-empty list")
    default_date = _iso_date(data.get("publication_date", DEFAULT_PUBLICATION_DATE), path)
    return [_case(path, i, raw, default_date) for i, raw in enumerate(cases, 1)]


def _case(path: Path, index: int, raw: Any, default_date: str) -> Case:
    where = f"{path}, case {index}"
    _require(isinstance(raw, dict), where, "a case must be a mapping with 'text' and 'events'")
    _no_unknown_keys(raw, CASE_KEYS, where)
    text = raw.get("text")
    _require(isinstance(text, str) and text.strip(), where, "'text' must be a non-empty string")
    events = raw.get("events")
    _require(isinstance(events, list), where, "'events' must be a list ([] for no event)")
    for number, event in enumerate(events, 1):
        _check_event(event, f"{where}, event {number}")
    date = _iso_date(raw.get("publication_date", default_date), where)
    return Case(path.stem, index, text.strip(), date, tuple(events))


def _check_event(event: Any, where: str) -> None:
    _require(isinstance(event, dict), where, "an event must be a mapping")
    _no_unknown_keys(event, EVENT_KEYS, where)
    _require(event.get("type") in EVENT_TYPES, where, f"unknown type {event.get('type')!r}")
    for role in ("source", "target"):
        actor = event.get(role)
        if actor is None:
            continue
        _require(isinstance(actor, dict), where, f"{role} must be a mapping or null")
        _no_unknown_keys(actor, ACTOR_KEYS, f"{where}, {role}")
        country = actor.get("country")
        _require(country is None or (isinstance(country, str) and re.fullmatch(r"[A-Z]{3}", country)),
                 where, f"{role} country {country!r} is not an ISO alpha-3 code")
        _require(actor.get("sector") is None or actor["sector"] in SECTORS, where,
                 f"{role} sector {actor.get('sector')!r} is not one of {' '.join(sorted(SECTORS))}")
    _require(event.get("negated") in (None, True, False), where, "'negated' must be true or false")
    _require(event.get("factuality") in FACTUALITY | {None}, where,
             f"'factuality' must be one of {' '.join(sorted(FACTUALITY))}")
    _require(event.get("date") is None or re.fullmatch(r"\d{4}(-\d{2}){0,2}", str(event["date"])),
             where, "'date' must be YYYY, YYYY-MM or YYYY-MM-DD")


def _iso_date(value: Any, where: Path | str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    _require(isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), where,
             f"publication_date {value!r} must be YYYY-MM-DD")
    return value


def _no_unknown_keys(data: dict, allowed: set[str], where: Path | str) -> None:
    unknown = sorted(set(data) - allowed)
    _require(not unknown, where, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")


def _require(condition: bool, where: Path | str, problem: str) -> None:
    if not condition:
        raise SuiteError(f"{where}: {problem}")


# ---------------------------------------------------------------- matching

def name_key(name: str) -> list[str]:
    """Lower-case name words without titles and al-/el- (as shared/tools/score.py)."""
    tokens = re.findall(r"\w+", name.lower().replace("al-", " ").replace("el-", " "))
    drop = {"al", "el", "mr", "mrs", "ms", "dr", "he", "h", "e", "president", "minister"}
    return [t for t in tokens if t not in drop]


def same_name(expected: str, predicted: str | None) -> bool:
    """Same last word and, where both give more than one word, the same first initial, or
    nearly the same spelling."""
    e, p = name_key(expected), name_key(predicted or "")
    if not e or not p:
        return False
    if e[-1] == p[-1] and (len(e) == 1 or len(p) == 1 or e[0][0] == p[0][0]):
        return True
    return SequenceMatcher(None, " ".join(e), " ".join(p)).ratio() >= 0.8


def actor_ok(expected: dict | None, predicted: dict | None, given: bool) -> bool:
    """`given` False: the expectation leaves the actor open. An expected null wants none."""
    if not given:
        return True
    if not any((predicted or {}).values()):
        predicted = None
    if expected is None or predicted is None:
        return expected is None and predicted is None
    for key, value in expected.items():
        if key == "name":
            if value is None:
                if predicted.get("name"):
                    return False
            elif not same_name(value, predicted.get("name")):
                return False
        elif predicted.get(key) != value:
            return False
    return True


def event_ok(expected: dict, predicted: dict) -> bool:
    if expected["type"] != predicted.get("type"):
        return False
    if bool(predicted.get("negated")) != expected.get("negated", False):
        return False
    if "factuality" in expected and predicted.get("factuality") != expected["factuality"]:
        return False
    if "date" in expected and not str(predicted.get("date") or "").startswith(str(expected["date"])):
        return False
    return _dyad_ok(expected, predicted.get("source"), predicted.get("target")) or (
        expected["type"] in UNORDERED
        and _dyad_ok(expected, predicted.get("target"), predicted.get("source")))


def _dyad_ok(expected: dict, source: dict | None, target: dict | None) -> bool:
    return (actor_ok(expected.get("source"), source, "source" in expected)
            and actor_ok(expected.get("target"), target, "target" in expected))


def judge(case: Case, predicted: list[dict[str, Any]]) -> Outcome:
    """Expected events are paired one to one with predicted ones (a maximum matching)."""
    pairs = _maximum_matching(list(case.events), predicted)
    missing = [e for i, e in enumerate(case.events) if i not in pairs]
    allowed = {e["type"] for e in case.events}
    unexpected = [p for p in predicted if p.get("type") not in allowed]
    return Outcome(case, predicted, missing, unexpected)


def _maximum_matching(expected: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Expected index -> predicted index, by augmenting paths (the lists are tiny)."""
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j, p in enumerate(predicted):
            if j in seen or not event_ok(expected[i], p):
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        place(i, set())
    return {i: j for j, i in owner.items()}


# ---------------------------------------------------------------- running and reporting

def run_suite(cases: list[Case]) -> list[Outcome]:
    import eventscope

    items = [{"id": c.case_id, "text": c.text, "publication_date": c.publication_date} for c in cases]
    outcomes = []
    for case, doc in zip(cases, eventscope.extract_many(items), strict=True):
        if isinstance(doc, Exception):
            pytest.fail(f"{case.case_id}: extraction failed: {doc}")
        outcomes.append(judge(case, [e.to_dict() for e in doc.events]))
    return outcomes


def pass_rate(outcomes: list[Outcome]) -> float:
    return sum(o.passed for o in outcomes) / len(outcomes)


def table(outcomes: list[Outcome]) -> str:
    """Passes/cases per construction (rows) and expected type (columns; a case with events of
    several types counts in each), with each row's and the whole suite's pass rate."""
    columns = EVENT_TYPES + [NEGATIVE]
    constructions = sorted({o.case.construction for o in outcomes})
    cells: dict[tuple[str, str], list[int]] = {}
    for o in outcomes:
        for column in o.case.types:
            for key in ((o.case.construction, column), ("ALL", column)):
                cell = cells.setdefault(key, [0, 0])
                cell[0] += o.passed
                cell[1] += 1
    width = max(map(len, constructions + ["construction"]))
    lines = [" ".join(["construction".ljust(width)] + [c[:7].rjust(7) for c in columns] + ["   pass"])]
    for row in constructions + ["ALL"]:
        mine = [o for o in outcomes if row in ("ALL", o.case.construction)]
        values = [_cell(cells.get((row, c))) for c in columns]
        lines.append(" ".join([row.ljust(width)] + [v.rjust(7) for v in values]
                              + [f"{pass_rate(mine):7.0%}"]))
    passed = sum(o.passed for o in outcomes)
    lines.append(f"{passed}/{len(outcomes)} cases pass ({pass_rate(outcomes):.1%}); "
                 f"floor {FLOOR:.0%}, target {TARGET:.0%}")
    return "\n".join(lines)


def _cell(cell: list[int] | None) -> str:
    return f"{cell[0]}/{cell[1]}" if cell else ""


def failures(outcomes: Iterable[Outcome]) -> str:
    lines = []
    for o in outcomes:
        if o.passed:
            continue
        lines.append(f"{o.case.case_id}: {o.case.text}")
        lines += [f"    missing    {_brief(e)}" for e in o.missing]
        lines += [f"    unexpected {_brief(p)}" for p in o.unexpected]
        lines += [f"    predicted  {_brief(p)}" for p in o.predicted if p not in o.unexpected]
    return "\n".join(lines)


def _brief(event: dict) -> str:
    def actor(a: dict | None) -> str:
        if not a:
            return "-"
        return "/".join(str(a.get(k)) for k in ("name", "country", "sector") if k in a)

    flags = [f"{k}={event[k]}" for k in ("negated", "factuality", "date") if k in event]
    return f"{event['type']} {actor(event.get('source'))} -> {actor(event.get('target'))} {' '.join(flags)}"


# ---------------------------------------------------------------- tests

@pytest.fixture(scope="module")
def suite() -> list[Case]:
    return load_suite()


def test_suite_covers_every_type_and_construction(suite: list[Case]):
    """The issue's shape: >= 400 sentences, >= 20 per type, >= 3 types per construction,
    about one in ten a negative."""
    assert len(suite) >= 400
    per_type = {t: sum(t in c.types for c in suite) for t in EVENT_TYPES}
    assert min(per_type.values()) >= 20, per_type
    for construction in {c.construction for c in suite}:
        types = {t for c in suite if c.construction == construction for t in c.types} - {NEGATIVE}
        assert len(types) >= 3 or construction == "no_event", (construction, types)
    negatives = sum(not c.events for c in suite)
    assert 0.08 <= negatives / len(suite) <= 0.2, negatives


def test_no_sentence_is_written_twice(suite: list[Case]):
    texts = [c.text for c in suite]
    assert len(texts) == len(set(texts)), [t for t in set(texts) if texts.count(t) > 1]


def _word_ngrams(text: str, n: int = 8) -> set[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text.lower())
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def test_no_sentence_is_taken_from_the_corpora(suite: list[Case], shared_dir: Path):
    """The suite is written, not copied: no case shares eight running words with the seeds,
    news-dev, PLOVER-GSR or off-topic texts."""
    corpus_grams: set[tuple[str, ...]] = set()
    for path in (shared_dir / "corpus").rglob("*.txt"):
        corpus_grams |= _word_ngrams(path.read_text(encoding="utf-8", errors="replace"))
    copied = [c.case_id for c in suite if _word_ngrams(c.text) & corpus_grams]
    assert copied == []


def test_a_malformed_case_is_reported_with_its_file_and_number(tmp_path: Path):
    bad = tmp_path / "passive_agent.yaml"
    bad.write_text("construction: passive_agent\ncases:\n  - text: Fine.\n    events: []\n"
                   "  - text: Bad.\n    events: [{type: ATTACK}]\n", encoding="utf-8")
    with pytest.raises(SuiteError, match=r"passive_agent\.yaml, case 2, event 1: unknown type 'ATTACK'"):
        load_file(bad)
    bad.write_text("construction: other\ncases: []\n", encoding="utf-8")
    with pytest.raises(SuiteError, match="must be the file's name"):
        load_file(bad)


def _case_of(*events: dict) -> Case:
    return Case("unit", 1, "A sentence.", DEFAULT_PUBLICATION_DATE, tuple(events))


def test_matching_checks_only_the_given_fields_and_ignores_order_where_the_contract_does():
    rus, syr = {"name": "Sergey Lavrov", "country": "RUS", "sector": "GOV"}, {"country": "SYR", "sector": "GOV"}
    consult = {"type": "CONSULT", "source": rus, "target": syr}
    assert judge(_case_of({"type": "CONSULT", "source": {"country": "SYR"}}), [consult]).passed
    assert judge(_case_of({"type": "CONSULT", "source": {"name": "Lavrov"}, "target": {"country": "RUS"}}),
                 [consult]).missing
    swapped = {"type": "CONSULT", "source": {"country": "SYR"}, "target": {"name": "S. Lavrov"}}
    assert judge(_case_of(swapped), [consult]).passed
    accuse = {"type": "ACCUSE", "source": {"country": "SYR"}, "target": {"country": "RUS"}}
    assert judge(_case_of(accuse), [{**consult, "type": "ACCUSE"}]).missing  # ordered type


def test_an_expected_null_actor_wants_none_and_flags_must_agree():
    doerless = {"type": "ASSAULT", "source": None, "target": {"sector": "MIL"}}
    soldiers = {"country": None, "sector": "MIL", "name": None}
    assert judge(_case_of(doerless), [{"type": "ASSAULT", "source": None, "target": soldiers}]).passed
    assert judge(_case_of(doerless), [{"type": "ASSAULT", "source": {"country": "SYR"},
                                       "target": soldiers}]).missing
    planned = {"type": "CONSULT", "factuality": "planned"}
    assert judge(_case_of(planned), [{"type": "CONSULT", "factuality": "asserted"}]).missing
    assert judge(_case_of({"type": "SANCTION", "negated": True}), [{"type": "SANCTION"}]).missing
    assert judge(_case_of({"type": "SANCTION"}), [{"type": "SANCTION", "negated": True}]).missing


def test_each_expected_event_needs_its_own_prediction_and_extra_types_fail():
    two = _case_of({"type": "ACCUSE", "source": {"country": "DEU"}}, {"type": "ACCUSE", "source": {"country": "FRA"}})
    one = [{"type": "ACCUSE", "source": {"country": "DEU"}}]
    assert judge(two, one).missing
    assert judge(two, one + [{"type": "ACCUSE", "source": {"country": "FRA"}}]).passed
    assert judge(_case_of(), [{"type": "PROTEST"}]).unexpected
    duplicate_of_expected_type = one + one
    assert judge(_case_of(*two.events[:1]), duplicate_of_expected_type).passed


@pytest.mark.slow
def test_construction_suite_pass_rate(suite: list[Case]):
    outcomes = run_suite(suite)
    report = table(outcomes)
    TABLE_FILE.write_text(report + "\n\n" + failures(outcomes) + "\n", encoding="utf-8")
    print("\n" + report + f"\n(failures in {TABLE_FILE})")
    assert pass_rate(outcomes) >= FLOOR, f"construction suite below its floor:\n{report}"


def main(argv: list[str]) -> int:
    show_failures = "--failures" in argv
    wanted = {Path(a).stem for a in argv if not a.startswith("--")}  # names or their .yaml files
    cases = [c for c in load_suite() if not wanted or c.construction in wanted]
    if not cases:
        print(f"no suite cases for {', '.join(sorted(wanted))} in {SUITE_DIR}", file=sys.stderr)
        return 2
    outcomes = run_suite(cases)
    print(table(outcomes))
    if show_failures:
        print("\n" + failures(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
