"""Dyads: the (source, target) pairs an event found in a sentence stands for, and one
event per type and dyad in a sentence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from eventscope.actors import distinct
from eventscope.events.constructions.data import section
from eventscope.events.found import CHALLENGERS, same_party
from eventscope.records import UNORDERED_TYPES, Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

# Types that stand without a target ("Egypt condemned the attack"): the text often leaves
# the victim, culprit or addressee unnamed; a commitment ("X agreed to reopen the border")
# binds X alone. Support, aid and meetings need their other side.
TARGETLESS_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "RETREAT", "CONCEDE", "ACCUSE",
                              "REJECT", "REQUEST", "THREATEN", "SANCTION", "COERCE", "AGREE"})


_ARMED = section("armed_acts", {"types": list, "sector": str})

# Praise of a thing rather than a party: "the ceasefire proposal was welcomed by the
# government of Sudan" (a passive verb with its by-agent) is SUPPORT by Sudan of no actor.
PASSIVE_PRAISE_TYPES = frozenset({"SUPPORT"})

# Why a target is its doer's own state's organ ("the parliament urged its government"): a
# second body of the same state, not the doer aimed at itself.
OWN_INSTITUTION = "an institution of the asker's own state"


def dyads_of(event_type: str, sources: list[Actor], targets: list[Actor],
             trigger: list[Token] | None = None) -> Iterator[tuple[Actor | None, Actor | None]]:
    """The pairs an event stands for: every source with every target, a pair of sources
    meeting each other, a source alone for types that stand without a target (and for
    praise told in the passive, see `passive_praise`). A state that fights or mobilizes
    does it with its armed forces; a challenger's act aimed at no one named is aimed at the
    government it challenges (`challenged_state`)."""
    alone = event_type in TARGETLESS_TYPES or passive_praise(event_type, trigger) or body_meets(
        event_type, sources)
    targets = targets or challenged_state(event_type, sources)
    for source, target in _pairs(event_type, sources, targets, alone):
        yield armed(event_type, source), target


def body_meets(event_type: str, sources: list[Actor]) -> bool:
    """ "the meeting of EU leaders in Brussels", "NATO ministers met on Tuesday": an
    international body's own meeting is a (multilateral) CONSULT with no other side."""
    return event_type == "CONSULT" and bool(sources) and all(s.sector == "IGO" for s in sources)


def armed(event_type: str, actor: Actor | None) -> Actor | None:
    """ "Britain and Argentina fought a war", "Israel struck targets": the state's military
    (MIL) is the doer of its armed acts (data/constructions.yaml, armed_acts)."""
    if actor is None or actor.name or actor.sector != "GOV" or actor.country is None or (
            event_type not in _ARMED["types"]):
        return actor
    return replace(actor, sector=_ARMED["sector"])


_CHALLENGED = section("challenged_state", {"types": list, "sectors": list, "target_sector": str})
CHALLENGED_STATE = "the government the challenger opposes"


def challenged_state(event_type: str, sources: list[Actor]) -> list[Actor]:
    """ "The rebels declared a ceasefire", "the opposition leader rejected the offer": an act
    of a domestic challenger aimed at no one named is aimed at the government of its country
    (data/constructions.yaml, challenged_state)."""
    if not sources or event_type not in _CHALLENGED["types"]:
        return []
    countries = {s.country for s in sources}
    country = next(iter(countries)) if len(countries) == 1 else None
    if country is None or any(s.sector not in _CHALLENGED["sectors"] for s in sources):
        return []
    return [Actor(None, country, _CHALLENGED["target_sector"], why=CHALLENGED_STATE)]


def joint_parties(mode: str | None, sources: list[Actor], targets: list[Actor]) -> list[Actor]:
    """The parties of a joint act, as later references back see them: the participants of
    a meeting, drill or agreement; of a mediation, the parties mediated."""
    return distinct(targets if mode == "third-party" else [*sources, *targets])


def passive_praise(event_type: str, trigger: list[Token] | None) -> bool:
    """A SUPPORT verb in the passive with a by-agent ("was welcomed by Sudan"): what was
    praised is the subject, a thing when no actor is named there."""
    if event_type not in PASSIVE_PRAISE_TYPES or not trigger:
        return False
    verb = trigger[0]
    return verb.pos_ == "VERB" and any(c.dep_ == "agent" for c in verb.children)


def _pairs(event_type: str, sources: list[Actor], targets: list[Actor],
           alone: bool) -> Iterator[tuple[Actor | None, Actor | None]]:
    if not sources:
        for target in targets:  # only what doerless_violence let through
            yield None, target
        return
    parties = other_parties(sources) if event_type in UNORDERED_TYPES else []
    if parties and all(t.name is None and t.country is None for t in targets):
        # "the two sides agreed to fight terrorism": one act between the pair; an
        # unnamed, stateless target is what they act on, not a third party. "Germany,
        # France and Italy met": the first-named participant with each other one.
        for other in parties:
            yield sources[0], other
        return
    if not targets:
        if alone:
            for source in sources:
                yield source, None
        return
    pairs = [(source, target) for source in sources for target in targets
             if source != target or target.why == OWN_INSTITUTION]
    if not pairs and alone:
        # "Turkish authorities imposed a curfew in a Turkish town": the only target found is
        # the doer itself; the act still stands, aimed at no one named
        pairs = [(source, None) for source in sources]
    yield from pairs


def other_parties(actors: list[Actor]) -> list[Actor]:
    """The actors after the first that are parties other than it and than each other
    (see same_party): whom the first-named participant of a meeting meets."""
    others: list[Actor] = []
    for actor in actors[1:]:
        if not any(same_party(actor, known) for known in (actors[0], *others)):
            others.append(actor)
    return others


def collapse(events: list[Event]) -> list[Event]:
    """One event per type and dyad in a sentence: "Assad, during his visit to Russia, and
    Putin held a meeting" says one meeting; keep the mention that names more, with the
    mode and place the others add."""
    kept: list[Event] = []
    for event in events:
        # Another trigger's mention of the same dyad; but one trigger's list of a state and
        # its president ("support for the state and its president") names two targets.
        twin = next((k for k in kept if _same_dyad(k, event) and (
            k.trigger_start != event.trigger_start or _named(k) == _named(event))), None)
        if twin is None:
            twin = next((k for k in kept if _untargeted_twin(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        better, other = (event, twin) if _named(event) > _named(twin) or (
            twin.target is None and event.target is not None) else (twin, event)
        better.mode = better.mode or other.mode
        better.location = better.location or other.location
        better.date = better.date or other.date
        kept[kept.index(twin)] = better
    return kept


def _untargeted_twin(a: Event, b: Event) -> bool:
    """Two readings of one trigger word by the same doer, one of which found whom it is
    aimed at ("warned of ruin in Chad"): the one without a target says nothing more."""
    return a.type == b.type and a.trigger_start == b.trigger_start and (
        (a.target is None) != (b.target is None)) and _compatible(a.source, b.source)


def _same_dyad(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    pairs = [(a.source, b.source, a.target, b.target)]
    if a.type in UNORDERED_TYPES:
        pairs.append((a.source, b.target, a.target, b.source))
    return any(_compatible(s1, s2) and _compatible(t1, t2) for s1, s2, t1, t2 in pairs)


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    """The same actor, or the same country where one of them is unnamed."""
    if a is None or b is None:
        return a is b
    if a.name and b.name:
        return a.name == b.name
    if not (a.name or b.name) and a.sector != b.sector and "GOV" not in (a.sector, b.sector):
        return False  # "opposition leaders and journalists were detained": two groups
    if (a.sector in CHALLENGERS) != (b.sector in CHALLENGERS):
        return False  # "talks between the Colombian government and the rebels": two sides
    return a.country is not None and a.country == b.country


def _named(event: Event) -> int:
    return sum(1 for actor in (event.source, event.target) if actor is not None and actor.name)
