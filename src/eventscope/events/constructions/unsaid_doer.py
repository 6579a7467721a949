"""Doers left unsaid: "Four opposition leaders were detained in Minsk", "an Australian
journalist was expelled from China". An arrest, detention, charge or expulsion told in the
passive with no agent is done by the state where it happens (the contract's "Doers left
unsaid"): an unnamed organ of that state, whose country is the place left in an expulsion
("from China"), else the event's place or the article's country (`Setting.localize`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.syntax import prepositional_objects
from eventscope.records import Actor

# Actor.why of the state an agentless passive implies, until its country is settled.
STATE_WHERE_IT_HAPPENS = "the state where it happens (agentless passive)"


@dataclass(frozen=True)
class UnsaidDoers:
    state_acts: dict[str, str]            # verb lemma -> sector of the state organ doing it
    origin_prepositions: frozenset[str]   # "expelled from China": the state left
    patient_doers: frozenset[str]         # "troops were deployed": the troops deploy
    foreign_target_acts: frozenset[str]   # "the envoy was summoned": by another state
    own_state_acts: frozenset[str]        # "was sent into exile": by the exile's own state
    force_movers: frozenset[str]          # "reinforcements were sent": forces move
    placing_verbs: frozenset[str]         # "the army was placed on high alert": so do they,
    placing_prepositions: frozenset[str]  # with one of these prepositions
    forces: frozenset[str]                # the passive subjects that make them doers

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> UnsaidDoers:
        data = section("unsaid_doer", {"state_acts": dict, "origin_prepositions": list,
                                        "patient_doers": list, "foreign_target_acts": list,
                                        "own_state_acts": list, "force_movers": list,
                                        "forces": list, "placing_verbs": list,
                                        "placing_prepositions": list})
        return cls({str(k).lower(): str(v) for k, v in data["state_acts"].items()},
                   frozenset(data["origin_prepositions"]), frozenset(data["patient_doers"]),
                   frozenset(data["foreign_target_acts"]), frozenset(data["own_state_acts"]),
                   frozenset(data["force_movers"]), frozenset(data["placing_verbs"]),
                   frozenset(data["placing_prepositions"]), frozenset(data["forces"]))


def patient_is_doer(verb: Token) -> bool:
    """ "Troops were deployed to the border", "reinforcements were sent to the town": the
    passive subject does the act (a mover's only when that subject is armed forces)."""
    data = UnsaidDoers.load()
    lemma = verb.lemma_.lower()
    moves = lemma in data.force_movers or (lemma in data.placing_verbs and any(
        g.ent_type_ not in ("DATE", "TIME") for g in prepositional_objects(
            verb, words=tuple(data.placing_prepositions))))  # not "placed under arrest on Monday"
    return lemma in data.patient_doers or (moves and any(
        c.dep_ == "nsubjpass" and _counted(c).lemma_.lower() in data.forces for c in verb.children))


def _counted(noun: Token) -> Token:
    """What a number counts: "hundreds of Russian troops", "3,000 of its soldiers": the
    troops; any other noun is itself."""
    if noun.like_num or noun.ent_type_ == "CARDINAL":
        return next(iter(prepositional_objects(noun, words=("of",))), noun)
    return noun


def state_doer(verb: Token, trigger_key: str, country_of: Callable[[Token], str | None],
               targets: list[Actor]) -> list[Actor]:
    """The state that does an agentless passive act to `targets`, or [] when the act is
    not one a state does or is only wished for ("called for them to be released").
    `country_of(token)` gives the country a place or state phrase names."""
    data = UnsaidDoers.load()
    lemma = verb.lemma_.lower()
    sector = data.state_acts.get(trigger_key) or data.state_acts.get(lemma)
    if sector is None or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    country = next(filter(None, map(country_of, prepositional_objects(
        verb, words=tuple(data.origin_prepositions)))), None)
    if country is None and (trigger_key in data.own_state_acts or lemma in data.own_state_acts):
        country = next((t.country for t in targets if t.country), None)
    if country is None and lemma in data.foreign_target_acts:
        theirs = {t.country for t in targets}
        # "was declared persona non grata in Tallinn": the phrase may hang on the verb's complement
        holders = [verb, *(c for c in verb.children if c.dep_ in ("oprd", "dobj"))]
        holders += [g for h in holders[1:] for g in h.children if g.dep_ == "dobj"]
        named = (country_of(t) for h in holders for p in prepositional_objects(h) for t in p.subtree
                 if t.ent_type_ in ("GPE", "NORP", "ORG"))
        country = next((c for c in named if c and c not in theirs), None)
    return [Actor(None, country, sector, why=STATE_WHERE_IT_HAPPENS)]


@lru_cache(maxsize=1)
def counted_people() -> frozenset[str]:
    return frozenset(section("unsaid_doer", {"counted_people": list})["counted_people"])


def counted_detainees(events, event) -> None:
    """ "Police detained four men", "the government says 350 were detained": people held
    whom the tables do not know, told by their number, are civilians (of the holder's
    country, else of the country where it happens), as unnamed victims of violence are."""
    verb = event.trigger[0]
    if event.type != "COERCE" or event.spec.mode != "arrest" or event.targets or verb.pos_ != "VERB":
        return
    people = counted_people()
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(h.like_num or (h.lemma_.lower() in people and any(
            c.dep_ == "nummod" or c.lower_ in ("dozens", "hundreds", "thousands", "several")
            for c in h.children)) for h in held):
        # held by a state, in it: of the holder's country where it is known
        country = next((s.country for s in event.sources if s.country), None)
        event.targets = [Actor(None, country, "CVL", why="people held, told by their number")]
