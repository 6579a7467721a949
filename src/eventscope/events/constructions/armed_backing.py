"""Armed backing: one armed force supporting another as a fact ("the Wagner group, which
backs the Malian army", "Rwandan troops are supporting the M23 rebels") is military
cooperation, COOPERATE (PLOVER: SUPPORT is verbal and diplomatic only; military cooperation
is COOPERATE). Said by the backer itself ("Hamas said it backs the Houthis") it is a
statement of support and stays SUPPORT."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


@lru_cache(maxsize=1)
def _data() -> dict:
    data = section("armed_backing", {"verbs": list, "sectors": list, "type": str})
    return {"verbs": frozenset(data["verbs"]), "sectors": frozenset(data["sectors"]), "type": data["type"]}


def _armed(actors: list, sectors: frozenset[str]) -> bool:
    return bool(actors) and all(a.sector in sectors for a in actors)


def _said_by_backer(events: SentenceEvents, event: Found) -> bool:
    """ "Hamas said it backs the Houthis": the backing is the backer's own statement."""
    verb = event.trigger[0]
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in events.lexicon.speech_verbs:
        return False
    speakers = events.subject_actors(verb.head)
    return any(same_party(s, b) for s in speakers for b in event.sources)


def armed_backing(events: SentenceEvents, event: Found) -> None:
    data = _data()
    verb = event.trigger[0]
    if event.type != "SUPPORT" or len(event.trigger) != 1 or verb.pos_ != "VERB" or (
            verb.lemma_.lower() not in data["verbs"]) or not any(c.dep_ == "dobj" for c in verb.children):
        return  # active backing of a force named as its object only ("backed by drones" is not)
    if not (_armed(event.sources, data["sectors"]) and _armed(event.targets, data["sectors"])):
        return
    if _said_by_backer(events, event):
        return
    event.spec = replace(event.spec, type=data["type"])
