"""Typed access to the event lexicon (data/lexicon.yaml) and PLOVER table (data/plover.yaml)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventscope.datafile import read_yaml

# Where a wording comes from when no CAMEO code says it: the PLOVER manual, the event contract
# (EVENTS.md conventions), or one news-dev article.
SOURCE = re.compile(r"plover|contract|dev:\S+")
DEFAULT_TARGETS = ("obj", "to", "against", "with", "for", "on", "toward", "towards")


@dataclass(frozen=True)
class Trigger:
    """What one trigger word means and where its target is."""

    key: str                      # lemma, or "lemma particle" / "modifier lemma"
    type: str
    mode: str | None
    targets: tuple[str, ...]      # "obj" and/or prepositions, in order of preference
    requires: frozenset[str]      # conditions from the `needs_*` flags
    object_event: bool = False    # the object is an event whose agent is the target
    object_owner: bool = False    # the object's owner is the target ("rejected X's plan")
    owner_is_target: bool = False  # "appreciates Russian stances": the owner is the target
    plural_only: bool = False     # a noun that is an event only in the plural ("talks")
    otherwise: str | None = None  # the verb sense to use when a person object is missing
    unasked: str | None = None    # the sense when no act is asked of a person ("called on the president")
    civilian_type: str | None = None  # the verb sense when the doers are civilians
    penalty_type: str | None = None   # the verb sense when its doer is a penalty ("sanctions target X")
    not_with: frozenset[str] = frozenset()  # no party to it ("spoke to reporters"); see lexicon.yaml
    cameo: str | None = None      # the CAMEO event code this wording says ("161"), if one does
    source: str | None = None     # else where it comes from: "plover", "contract", "dev:<article>"


def _trigger(key: str, spec: dict) -> Trigger:
    cameo = spec.get("cameo")
    if cameo is not None and not (isinstance(cameo, str) and re.fullmatch(r"\d{2,4}", cameo)):
        raise ValueError(f"lexicon.yaml: entry {key!r}: cameo must be a quoted CAMEO code such as "
                         f"\"161\", not {cameo!r}")
    source = spec.get("source")
    if source is not None and not SOURCE.fullmatch(str(source)):
        raise ValueError(f"lexicon.yaml: entry {key!r}: source must be plover, contract or "
                         f"dev:<article-id>, not {source!r}")
    return Trigger(
        key=key,
        type=spec["type"],
        mode=spec.get("mode"),
        targets=tuple(str(t) for t in spec.get("target", DEFAULT_TARGETS)),
        requires=frozenset(k[len("needs_"):] for k, v in spec.items() if k.startswith("needs_") and v),
        object_event=bool(spec.get("object_event")),
        object_owner=bool(spec.get("object_owner")),
        owner_is_target=bool(spec.get("owner_is_target")),
        plural_only=bool(spec.get("plural_only")),
        otherwise=spec.get("otherwise"),
        unasked=spec.get("unasked"),
        civilian_type=spec.get("civilian_type"),
        penalty_type=spec.get("penalty_type"),
        not_with=frozenset(spec.get("not_with", ())),
        cameo=cameo,
        source=source,
    )


@dataclass(frozen=True)
class Threats:
    """Harmful acts announced on a condition ("unless", "if"): THREATEN, by mode."""

    conditions: frozenset[str]
    acts: dict[str, str | None]   # harmful event type -> THREATEN mode
    modes: dict[str, str]         # the act's mode -> THREATEN mode, where more precise
    speculative: frozenset[str]   # modals of a guess, not of a threat ("could", "might")

    def mode_for(self, act_type: str, act_mode: str | None) -> str | None:
        """The THREATEN mode of threatening an act of this type and mode."""
        return self.modes.get(act_mode or "", self.acts[act_type])


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Trigger]          # by lemma; phrasal verbs by "lemma particle"
    nouns: dict[str, Trigger]          # by lemma; two-word nouns by "modifier lemma"
    adjectives: dict[str, Trigger]     # predicate adjectives ("X is opposed to Y")
    light_verbs: frozenset[str]
    publishing_verbs: frozenset[str]           # "issued a declaration demanding": the issuer demands
    speech_verbs: frozenset[str]
    interview_framings: frozenset[str]         # "Speaking to Reuters, X said": no talks
    planned_words: frozenset[str]
    hypothetical_words: frozenset[str]
    object_classes: dict[str, frozenset[str]]  # for `needs_<class>_object` flags
    accusation_nouns: dict[str, Trigger]       # ACCUSE when a speaker uses them of someone's act
    praise_nouns: dict[str, Trigger]           # SUPPORT when a speaker says an actor is one
    success_verbs: frozenset[str]              # "X's operation achieved results": praise of X
    success_objects: frozenset[str]
    damning_adjectives: frozenset[str]         # "sinister bids": the speaker accuses
    damned_act: Trigger                        # what that accusation is (ACCUSE disapprove)
    act_nouns: frozenset[str]                  # what such adjectives damn as an act
    threats: Threats
    negating_verbs: frozenset[str]             # "X failed to reach an agreement": not done
    obligation_words: frozenset[str]           # "X said Y must ...": a demand on Y
    irregular_forms: frozenset[str]            # past forms of the verbs that rules cannot make
    mode_words: dict[str, dict[str, str]]      # type -> modifier word -> mode
    beneficiary_verbs: frozenset[str]          # "X appreciated the support of Y": X gets it
    topic_verbs: frozenset[str]                # "the talks focused on cooperation": a topic
    topic_prepositions: frozenset[str]
    companion_verbs: frozenset[str]            # "toured Damascus, accompanied by Y": Y hosts
    violent_causes: frozenset[str]             # "a roadside bomb killed ...": a doerless ASSAULT
    accident_words: frozenset[str]             # deaths no one inflicted: no doerless ASSAULT
    refusal_verbs: frozenset[str]              # "X declined to resign": REJECT
    silent_acts: frozenset[str]                # "declined to comment": no refusal of note
    commitment_verbs: frozenset[str]           # "X offered to ...": X commits itself (AGREE)
    commitment_adjectives: frozenset[str]      # "X is ready to ..."
    denial_adjectives: frozenset[str]          # "X said the reports are baseless": REJECT
    claim_nouns: dict[str, str | None]         # what can be denied -> its authors' sector

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Lexicon:
        data = read_yaml(resources.files("eventscope.data").joinpath("lexicon.yaml").read_text())
        return cls(
            verbs={k: _trigger(k, v) for k, v in data["verbs"].items()},
            nouns={k: _trigger(k, v) for k, v in data["nouns"].items()},
            adjectives={k: _trigger(k, v) for k, v in data["adjectives"].items()},
            light_verbs=frozenset(data["light_verbs"]),
            publishing_verbs=frozenset(data["publishing_verbs"]),
            speech_verbs=frozenset(data["speech_verbs"]),
            interview_framings=frozenset(data["interview_framings"]),
            planned_words=frozenset(data["modality"]["planned"]),
            hypothetical_words=frozenset(data["modality"]["hypothetical"]),
            object_classes={k: frozenset(v) for k, v in data["object_classes"].items()},
            obligation_words=frozenset(data["modality"]["obligation"]),
            negating_verbs=frozenset(data["modality"]["negating"]),
            praise_nouns={word: _trigger(word, {"type": "SUPPORT", "target": ["obj"]})
                          for word in data["praise_nouns"]},
            success_verbs=frozenset(data["success"]["verbs"]),
            success_objects=frozenset(data["success"]["objects"]),
            damning_adjectives=frozenset(data["damning_adjectives"]),
            damned_act=_trigger("damned act", {"type": "ACCUSE", "mode": "disapprove", "target": ["by"]}),
            act_nouns=frozenset(data["act_nouns"]),
            threats=Threats(frozenset(data["threats"]["conditions"]), dict(data["threats"]["acts"]),
                            dict(data["threats"]["modes"]), frozenset(data["threats"]["speculative"])),
            irregular_forms=frozenset(data["irregular_forms"]),
            mode_words=data["mode_words"],
            beneficiary_verbs=frozenset(data["beneficiary_verbs"]),
            companion_verbs=frozenset(data["companion_verbs"]),
            topic_verbs=frozenset(data["topics"]["verbs"]),
            topic_prepositions=frozenset(map(str, data["topics"]["prepositions"])),
            violent_causes=frozenset(data["doerless_violence"]["causes"]),
            accident_words=frozenset(data["doerless_violence"]["accidents"]),
            refusal_verbs=frozenset(data["refusals"]["verbs"]),
            silent_acts=frozenset(data["refusals"]["not_acts"]),
            commitment_verbs=frozenset(data["commitments"]["verbs"]),
            commitment_adjectives=frozenset(data["commitments"]["adjectives"]),
            denial_adjectives=frozenset(data["denials"]["adjectives"]),
            claim_nouns=dict(data["denials"]["claims"]),
            accusation_nouns={
                word: _trigger(word, {"type": "ACCUSE", "mode": mode, "target": ["by"]})
                for mode, words in data["accusation_nouns"].items() for word in words
            },
        )


@dataclass(frozen=True)
class PloverType:
    name: str
    quad: int
    cameo: str
    intensity: float
    modes: dict[str, float]

    def score(self, mode: str | None) -> float:
        return self.modes.get(mode, self.intensity) if mode else self.intensity


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    data = read_yaml(resources.files("eventscope.data").joinpath("plover.yaml").read_text())
    return {
        name: PloverType(name, spec["quad"], spec["cameo"], float(spec["intensity"]),
                         {m: float(s) for m, s in spec["modes"].items()})
        for name, spec in data.items()
    }


# ----- CAMEO codes and their PLOVER types -------------------------------------------------


def _data_text(name: str) -> str:
    return resources.files("eventscope.data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def cameo_overrides() -> dict[str, dict]:
    """The contract's overrides of the CAMEO->PLOVER table (data/cameo_plover_overrides.yaml)."""
    rows = read_yaml(_data_text("cameo_plover_overrides.yaml")) or {}
    for code, row in rows.items():
        if not re.fullmatch(r"\d{2,4}", str(code)) or not isinstance(row, dict) or "type" not in row \
                or not row.get("reason"):
            raise ValueError(f"cameo_plover_overrides.yaml: row {code!r} needs a quoted code, "
                             "a type (or null) and a reason")
    return {str(code): row for code, row in rows.items()}


@lru_cache(maxsize=1)
def cameo_plover() -> dict[str, str]:
    """Every CAMEO event code that eventscope codes as a PLOVER type -> that type.

    The table (data/cameo_plover.tsv) gives a code's type, or its nearest listed ancestor's;
    an override row for the code or its nearest overridden ancestor wins over the table
    (the longer of the two codes decides, so a table row below an override stays)."""
    lines = (line for line in _data_text("cameo_plover.tsv").splitlines() if not line.startswith("#"))
    table = {row["code"]: row["plover"] for row in csv.DictReader(lines, delimiter="\t")}
    codes = [line.split("\t")[0] for line in _data_text("cameo_codes.tsv").splitlines()
             if line[:1].isdigit()]
    overrides = cameo_overrides()
    out: dict[str, str] = {}
    for code in codes:
        listed = _nearest(code, table)
        overridden = _nearest(code, overrides)
        if overridden is not None and (listed is None or len(overridden) >= len(listed)):
            kind = overrides[overridden]["type"]
        else:
            kind = table.get(listed) if listed else None
        if kind:
            out[code] = kind
    return out


def _nearest(code: str, table: dict) -> str | None:
    """The longest prefix of the code (the code itself first) that the table has."""
    return next((code[:n] for n in range(len(code), 1, -1) if code[:n] in table), None)


def counted_code(code: str) -> str:
    """The code a code's wordings count for in the coverage rule (docs/lexicon.md).

    Four-digit codes refine their three-digit parent only by the issue (economic, military,
    legal ...), which eventscope says with modes and object classes, not with other words: they
    count for the parent. A residual code ("140: engage in political dissent, not specified
    below") means its whole root: it counts like the root ("14")."""
    if len(code) >= 3 and code[2] == "0":
        return code[:2]
    return code[:3]


def trigger_code(spec: Trigger, event_type: str) -> str | None:
    """The CAMEO code a trigger gives an event of this type: the trigger's own code when that
    code is coded as the type (not for another sense of the word), else None."""
    if spec.cameo and cameo_plover().get(spec.cameo) == event_type:
        return spec.cameo
    return None


def wordings(lexicon: Lexicon) -> dict[str, Trigger]:
    """Every trigger entry ("verb:call on", "noun:phone call", "adjective:opposed") -> its entry.
    Object patterns are the verb entries "verb object" ("verb:recall ambassador")."""
    parts = (("verb", lexicon.verbs), ("noun", lexicon.nouns), ("adjective", lexicon.adjectives))
    return {f"{part}:{key}": trigger for part, entries in parts for key, trigger in entries.items()}


def cameo_coverage(lexicon: Lexicon) -> dict[str, list[str]]:
    """For each code that coverage counts at (see `counted_code`) among the codes eventscope
    codes as a PLOVER type: the wordings whose CAMEO code is that code or one below it."""
    counted = {counted_code(code) for code in cameo_plover()}
    cited = [(name, trigger.cameo) for name, trigger in wordings(lexicon).items() if trigger.cameo]
    return {code: sorted(name for name, cameo in cited if cameo.startswith(code))
            for code in sorted(counted)}
