"""Places taken: "rebels seized the town of Kidal", "Russian forces captured Bakhmut":
capturing a town, base or territory is ASSAULT (EVENTS.md "Coercion") on the forces that
held it, that country's military, whether the text names the country ("the Malian town"),
only the place, or neither (then an armed group's own country: the state it fights)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.syntax import prepositional_objects
from eventscope.places import Gazetteer
from eventscope.records import Actor, Location

PLACE_ENTITIES = ("GPE", "LOC", "FAC")


@lru_cache(maxsize=1)
def seizure_words() -> tuple[frozenset[str], frozenset[str]]:
    data = section("seizure", {"verbs": list, "places": list})
    return frozenset(data["verbs"]), frozenset(data["places"])


@lru_cache(maxsize=1)
def seizure_nouns() -> frozenset[str]:
    return frozenset(section("seizure", {"nouns": list})["nouns"])


def seizes_place(item: Found) -> bool:
    """An ASSAULT whose verb takes a place: "seized the town", "took control of Goma"."""
    verbs, _ = seizure_words()
    verb = item.trigger[0]
    if item.type != "ASSAULT":
        return False
    if verb.pos_ == "NOUN":
        return _seizure_noun(verb)
    if verb.lemma_.lower() not in verbs:
        return False
    return any(is_place_taken(o) for o in _seized_objects(verb))


def _seized_objects(verb: Token) -> list[Token]:
    """What a seizure verb takes: its object, or what its participle qualifies."""
    objects = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)  # "the heights, occupied by Israel in 1967"
    objects += [g for o in objects if o.lemma_.lower() == "control" for p in o.children
                if p.dep_ == "prep" and p.lower_ in ("of", "over") for g in p.children
                if g.dep_ == "pobj"]
    return objects


def _seizure_noun(noun: Token) -> bool:
    """ "the M23 takeover", "the rebels' capture of Goma" (not "the capture of 20 soldiers"):
    a seizure noun whose "of" phrase, if any, is a place."""
    if noun.lemma_.lower() not in seizure_nouns():
        return False
    taken = prepositional_objects(noun, words=("of",))
    return all(is_place_taken(g) for g in taken)


def is_place_taken(word: Token) -> bool:
    """A noun a seizure can take: a place entity or a place noun ("the base", "the town")."""
    _, places = seizure_words()
    return word.lemma_.lower() in places or word.ent_type_ in PLACE_ENTITIES


def seized_from(item: Found, place: Location | None) -> list[Actor]:
    """The forces a seized place was taken from (none when the item seizes no place):
    unnamed state or people targets become that country's military."""
    if not seizes_place(item):
        return []
    states = {s.country for s in item.sources if s.sector in ("GOV", "MIL")}
    # a state takes no place from itself ("the peninsula annexed by Russia": not Russia's)
    held = [Actor(None, t.country, "MIL") if t.name is None and t.country else t
            for t in item.targets if t.country not in states]
    if held:
        return held
    if place is not None and place.country:
        return [Actor(None, place.country, "MIL")]
    occupied = _state_taken_from(item)
    if occupied is not None and occupied not in states:
        return [Actor(None, occupied, "GOV")]  # "the Golan Heights, occupied by Israel": Syria
    rebels = {s.country for s in item.sources if s.sector == "REB"}
    if len(rebels) == 1 and None not in rebels and len(item.sources) == len(
            [s for s in item.sources if s.sector == "REB"]):
        return [Actor(None, rebels.pop(), "MIL")]
    return []


def _state_taken_from(item: Found) -> str | None:
    """The state an occupied territory seized was taken from (places.yaml occupied_places)."""
    gazetteer = Gazetteer.load()
    for taken in _seized_objects(item.trigger[0]):
        phrase = taken.doc[taken.left_edge.i: taken.i + 1].text
        state = gazetteer.held_from(phrase) or gazetteer.held_from(taken.text)
        if state is not None:
            return state
    return None
