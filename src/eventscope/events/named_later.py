"""Unnamed parties named nearby: "Kazakhstan is hosting four other states for the drills ...
Taking part are Kyrgyzstan, Uzbekistan and Tajikistan": a joint act whose other side is
only "states" is, among the parties the same actor's act of that type has a few sentences
away, that act with each of them (EVENTS.md "Several parties")."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from eventscope.actors import distinct
from eventscope.events.constructions.data import section
from eventscope.records import UNNAMED_STATES, Actor, Event


@lru_cache(maxsize=1)
def _data() -> dict:
    """The `named_later` section of data/constructions.yaml, read on first use."""
    return section("named_later", {"types": list, "window": int, "min_parties": int})


def _is_unnamed(event: Event) -> bool:
    return (event.type in _data()["types"] and event.sentence_index is not None
            and event.source is not None and event.source.country is not None
            and event.target is not None and event.target.country is None
            and event.target.name is None and event.target.why == UNNAMED_STATES)


def _named_nearby(event: Event, events: list[Event]) -> list[Actor]:
    """The named parties of the acts of the same type within the window: the other sides of
    the source's own, and all parties of those among others ("Taking part are A, B and C",
    the host not among them)."""
    nearby = [e for e in events if e.type == event.type and e.sentence_index is not None
              and 0 < abs(e.sentence_index - event.sentence_index) <= _data()["window"]]
    parties = [p for e in nearby for p in (e.source, e.target)
               if p is not None and p.country is not None and p.country != event.source.country]
    return distinct(parties)


def name_unnamed_parties(events: list[Event]) -> list[Event]:
    """Each joint act with unnamed states, as that act with each party named nearby."""
    out: list[Event] = []
    for event in events:
        parties = _named_nearby(event, events) if _is_unnamed(event) else []
        if len(parties) < _data()["min_parties"]:
            out.append(event)
            continue
        out += [replace(event, target=party, event_id=f"{event.event_id}:{i}")
                for i, party in enumerate(parties)]
    return out
