"""CAMEO event codes and scores for PLOVER events.

`cameo_code(event)` picks the most specific CAMEO code (3 or 4 digits) that the
event's PLOVER type, mode, trigger and factuality support (the lexicon's code for the trigger
word, `Event.cameo`, unless it is a residual "not specified" code or the rules refine it), with the code's label,
Goldstein weight and CAMEO quad class. The choice rules live in
data/plover_to_cameo.yaml, the code list in data/cameo_codes.tsv; this module
only applies them. `plover_intensity` and `plover_quad` read the PLOVER manual's
scale (data/plover.yaml).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from eventscope.datafile import read_yaml
from eventscope.records import Actor, Event

# CAMEO quad classes by root code, as GDELT's QuadClass: 1 verbal cooperation
# (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict.
_QUAD_ROOT_LIMITS = ((5, 1), (8, 2), (13, 3), (20, 4))
VISIT, HOST_VISIT = "042", "043"


@dataclass(frozen=True)
class CameoCode:
    code: str          # "042", "1121"
    root: str          # "04"
    label: str         # "Make a visit"
    goldstein: float   # -10 .. +10
    quad_class: int    # 1..4, from the root code


def _data_path(name: str):
    return resources.files("eventscope") / "data" / name


@lru_cache(maxsize=1)
def _codes() -> dict[str, tuple[float, str]]:
    with _data_path("cameo_codes.tsv").open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return {row["code"]: (float(row["goldstein"]), row["label"])
                for row in csv.DictReader(lines, delimiter="\t")}


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return read_yaml(_data_path("plover_to_cameo.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _plover_scale() -> dict[str, Any]:
    return read_yaml(_data_path("plover.yaml").read_text(encoding="utf-8"))


def cameo_quad_class(root: str) -> int:
    number = int(root)
    return next(quad for limit, quad in _QUAD_ROOT_LIMITS if number <= limit)


def lookup(code: str) -> CameoCode:
    """The CAMEO code's label and Goldstein weight; KeyError for an unknown code."""
    goldstein, label = _codes()[code]
    return CameoCode(code, code[:2], label, goldstein, cameo_quad_class(code[:2]))


def cameo_code(event: Event) -> CameoCode | None:
    """The best CAMEO code for a PLOVER event, None for a type CAMEO cannot express."""
    rule = _rules()["types"].get(event.type)
    if rule is None:
        return None
    if event.type == "CONSULT" and event.mode == "visit" and event.factuality != "planned":
        return lookup(HOST_VISIT if source_hosts_visit(event) else VISIT)
    if event.factuality == "planned" and "intent" in rule:
        return lookup(_apply(rule["intent"], event))
    code = _apply(rule, event)
    said = event.cameo or ""
    if len(said) >= 3 and said in _codes() and said[2] != "0" and not code.startswith(said):
        return lookup(said)  # the trigger word's own code, unless residual or the rules refine it
    return lookup(code)


def _apply(rule: dict[str, Any], event: Event) -> str:
    for trigger_rule in rule.get("triggers", ()):
        if _trigger_says(event.trigger, trigger_rule["words"]):
            return _apply(trigger_rule, event)
    if event.mode in rule.get("modes", {}):
        return rule["modes"][event.mode]
    sector = event.source.sector if event.source else None
    return rule.get("source_sectors", {}).get(sector, rule["code"])


def _trigger_says(trigger: str | None, words: list[str]) -> bool:
    text = (trigger or "").lower()
    return any(re.search(r"\b" + re.escape(word), text) for word in words)


def source_hosts_visit(event: Event) -> bool:
    """For a CONSULT/visit event: is the source the host (CAMEO 043) rather than the visitor (042)?

    The place decides first: the side whose country the visit happened in is the
    host. Else the trigger ("received", "hosted" vs "visited", "arrived"). Else the
    PLOVER convention that the actor of a visit is the visitor.
    """
    place = event.location.country if event.location else None
    source, target = _country(event.source), _country(event.target)
    if place and source != target:
        if place == source:
            return True
        if place == target:
            return False
    return _trigger_says(event.trigger, _rules()["visit"]["host_triggers"])


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor else None


def plover_intensity(event_type: str, mode: str | None = None) -> float | None:
    """The PLOVER manual's conflict-cooperation score of a type (and mode), -10 .. +10."""
    entry = _plover_scale().get(event_type)
    if entry is None:
        return None
    return float(entry.get("modes", {}).get(mode, entry["intensity"]))


def plover_quad(event_type: str) -> int | None:
    """PLOVER quad class of a type: 1 verbal cooperation .. 4 material conflict."""
    entry = _plover_scale().get(event_type)
    return entry["quad"] if entry else None


def sector_role(sector: str | None) -> str | None:
    """The CAMEO actor role code of a contract sector ("GOV"), None when CAMEO has none."""
    entry = _rules()["sectors"].get(sector or "")
    return entry["cameo"] if entry else None


def sector_name(sector: str | None) -> str | None:
    """The readable sector name ICEWS-style files print ("Government")."""
    entry = _rules()["sectors"].get(sector or "")
    return entry["name"] if entry else None
