"""Partners of a meeting told in a participle on a visit: "visited Hanoi and Vientiane,
exchanging views with his counterparts there", "visited Lima, holding talks with senior
officials", "visited Accra, meeting his host". Partners the text does not name (no name, no
country) are the hosts of the visit, never the visitor's own side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventscope.events.found import Found
from eventscope.events.triggers import trigger_of

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def visit_partners(events: SentenceEvents, event: Found) -> None:
    if event.type != "CONSULT" or not event.targets or any(t.name or t.country for t in event.targets):
        return
    clause = event.clause
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.head.i > clause.i:
        return
    visit = clause.head
    spec = trigger_of(events.lexicon, visit)
    if spec is None or spec.type != "CONSULT" or spec.mode != "visit":
        return
    hosts = [h for h in events.targets_of(visit, spec) if h.country or h.name]
    if hosts:
        event.targets = hosts
