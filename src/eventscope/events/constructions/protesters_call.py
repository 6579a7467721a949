"""What protests are held to demand: "rallies to call for the resignation of X", "months of
protests to demand the release of Y". The infinitive hangs on the protest noun, which
names no one a subject could; the request is the protesters' own (CAMEO 10 demand, as in
"Students held a rally to demand ...", where the subject says who they are).

The protesters are the protest noun's own doers ("the opposition's rallies to demand
..."), else the crowd `protest.protesting_crowd` reads ("student protests"), else, for
plural protests whose doer goes unsaid, the people where they happen (data/constructions.yaml
`protest.crowd_sector`, settled to the country by setting.localize as for the protest).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.protest import protest_data, protesting_crowd
from eventscope.events.found import Found
from eventscope.events.syntax import prepositional_objects
from eventscope.events.triggers import trigger_of
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def protesters_call(events: SentenceEvents, event: Found) -> None:
    """A request with no doer, told by an infinitive on a protest noun: the protesters'."""
    verb = event.trigger[0]
    if event.type != "REQUEST" or event.sources or verb.pos_ != "VERB" or (
            verb.dep_ not in ("acl", "relcl")) or (
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return
    data = protest_data()
    # "months of protests to demand ...": the parser may hang the infinitive on the span
    nouns = [verb.head, *prepositional_objects(verb.head, words=("of",))]
    protest = next((n for n in nouns if _is_protest(events, n, data["types"])), None)
    if protest is not None:
        event.sources = [a for a in _protesters(events, protest, data["crowd_sector"])
                         if a not in event.targets]


def _is_protest(events: SentenceEvents, noun: Token, types: list[str]) -> bool:
    spec = trigger_of(events.lexicon, noun) if noun.pos_ == "NOUN" else None
    return spec is not None and spec.type in types


def _protesters(events: SentenceEvents, noun: Token, crowd_sector: str) -> list[Actor]:
    own = events.event_agents_of(noun)
    if own:
        return own
    crowd = protesting_crowd(events, noun, None)
    if crowd is not None and crowd.sources:
        return crowd.sources
    return [Actor(None, None, crowd_sector)] if noun.tag_ == "NNS" else []
