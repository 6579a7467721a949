"""Unnamed parties named nearby: "Kazakhstan is hosting four other states for the drills ...
Taking part are Kyrgyzstan, Uzbekistan and Tajikistan": a joint act whose other side is
only "states" is, among the parties the same actor's act of that type has a few sentences
away, that act with each of them (EVENTS.md "Several parties")."""

from __future__ import annotations

from dataclasses import replace

from eventscope.actors import distinct
from eventscope.events.constructions.data import section
from eventscope.records import UNNAMED_STATES, Actor, Event

_DATA = section("named_later", {"types": list, "window": int, "min_parties": int})


def _is_unnamed(event: Event) -> bool:
    return (event.type in _DATA["types"] and event.sentence_index is not None
            and event.source is not None and event.source.country is not None
            and event.target is not None and event.target.country is None
            and event.target.name is None and event.target.why == UNNAMED_STATES)


def _named_nearby(event: Event, events: list[Event]) -> list[Actor]:
    """The named other sides of the source's acts of the same type within the window."""
    return distinct([e.target for e in events if e.type == event.type and e.target is not None
                     and e.target.country is not None and e.source is not None
                     and e.source.country == event.source.country and e.sentence_index is not None
                     and 0 < abs(e.sentence_index - event.sentence_index) <= _DATA["window"]])


def name_unnamed_parties(events: list[Event]) -> list[Event]:
    """Each joint act with unnamed states, as that act with each party named nearby."""
    out: list[Event] = []
    for event in events:
        parties = _named_nearby(event, events) if _is_unnamed(event) else []
        if len(parties) < _DATA["min_parties"]:
            out.append(event)
            continue
        out += [replace(event, target=party, event_id=f"{event.event_id}:{i}")
                for i, party in enumerate(parties)]
    return out
