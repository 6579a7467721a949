"""Transfer: what a verb of giving hands over says the event (data/constructions.yaml,
`transfer`): aid sent or given (AID), captives handed over (RETREAT/release, towards whose
captives they are), weapons or control handed over (RETREAT), suspects handed over to
another state (COOPERATE). A release of captives "held by" someone is that captor's
(`captors`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import ConstructionDataError, section
from eventscope.events.found import Found
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Lexicon, Trigger
from eventscope.records import EVENT_TYPES, Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

KEY_PREFIX = "transfer "  # the trigger key of a transfer's event: "transfer captives"
RECIPIENT_PREPOSITIONS = ("to", "for", "into")


@dataclass(frozen=True)
class Kind:
    """One kind of thing handed over and the event its transfer is."""

    trigger: Trigger
    words: frozenset[str]
    verbs: frozenset[str] | None  # the only verbs that hand it over this way, if limited
    to_owner: bool                # the target is whose the thing is, not who receives it
    money: bool


@lru_cache(maxsize=1)
def transfer_data() -> tuple[frozenset[str], tuple[Kind, ...]]:
    data = section("transfer", {"verbs": list, "kinds": list})
    return frozenset(data["verbs"]), tuple(_kind(entry) for entry in data["kinds"])


def _kind(entry: dict) -> Kind:
    if not isinstance(entry, dict) or entry.get("type") not in EVENT_TYPES or not entry.get("words"):
        raise ConstructionDataError(f"data/constructions.yaml: transfer.kinds: bad entry {entry!r}")
    trigger = Trigger(key=KEY_PREFIX + str(entry["name"]), type=entry["type"], mode=entry.get("mode"),
                      targets=RECIPIENT_PREPOSITIONS, requires=frozenset(), source="contract")
    verbs = entry.get("verbs")
    return Kind(trigger, frozenset(entry["words"]), frozenset(verbs) if verbs else None,
                entry.get("target") == "owner", bool(entry.get("money")))


def transfer(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "The UAE sent two field hospitals to Gaza", "Hamas handed three hostages to the Red
    Cross", "the rebels handed over 300 rifles": the giver is the source; the receiver (an
    indirect object, a to/for-phrase, or the object of "supplied X with Y"), or for captives
    whose they are, the target. Where the lexicon already reads the verb as this very event
    ("sent aid to X") that reading stands."""
    verbs, kinds = transfer_data()
    if verb.pos_ != "VERB":
        return None
    phrasal = _phrasal(verb)
    if phrasal not in verbs or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    given, receivers = _given(verb)
    match = next(((kind, thing) for thing in given for kind in kinds if _is_kind(kind, thing, phrasal)), None)
    if match is None:
        return None
    kind, thing = match
    own = trigger_of(events.lexicon, verb)
    if own is not None and own.type == kind.trigger.type and events.verb_event(verb, own) is not None:
        return None
    sources = events.subject_actors(verb) or _vehicle_owners(events, verb)
    if kind.to_owner:
        targets = [a for a in events.actors_named(thing) if a.country and a not in sources]
    else:
        targets = [a for r in receivers for a in events.actors_named(r)] or events.targets_of(verb, kind.trigger)
    if not sources and not targets:
        return None
    trigger = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    event = Found(trigger, kind.trigger, sources, targets, verb, mode=kind.trigger.mode)
    events.set_modality(event)
    return event


def _phrasal(verb: Token) -> str:
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _given(verb: Token) -> tuple[list[Token], list[Token]]:
    """What the verb hands over and who receives it when the object is the receiver:
    "supplied Sri Lanka with fuel", "gave the Philippines five vessels"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    datives = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
    with_things = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                   for g in c.children if g.dep_ == "pobj"]
    if with_things and objects:
        return with_things, objects
    # "$1 billion in emergency aid": the sum and what it is given as
    given = objects + [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                       for g in p.children if g.dep_ == "pobj"]
    return given, datives


def _is_kind(kind: Kind, thing: Token, verb: str) -> bool:
    if kind.verbs is not None and verb not in kind.verbs:
        return False
    if kind.money and (thing.ent_type_ == "MONEY" or any(c.ent_type_ == "MONEY" for c in thing.children)):
        return True
    return thing.lemma_.lower() in kind.words or thing.lower_ in kind.words


def without_retold_transfers(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Where a transfer says what its verb hands over ("handed over 300 rifles": a
    disarmament), the verb's own lexicon reading (AID) goes."""
    transfers = {f.trigger[0] for f in found if f.spec.key.startswith(KEY_PREFIX)}
    return [f for f in found if f.trigger[0] not in transfers or f.spec.key.startswith(KEY_PREFIX)
            or f.spec != trigger_of(lexicon, f.trigger[0])]


@lru_cache(maxsize=1)
def captor_verbs() -> frozenset[str]:
    return frozenset(section("transfer", {"captor_verbs": list})["captor_verbs"])


def captors(events: SentenceEvents, event: Found) -> None:
    """ "the release of 40 hostages held by the Taliban", "fishermen detained by Myanmar's
    navy were released": who held the captives releases them, whoever else secured or
    mediated the release (a rewrite of the release's sources)."""
    if event.type != "RETREAT" or event.mode != "release":
        return
    word = event.trigger[-1]
    deps = ("pobj",) if word.pos_ == "NOUN" else ("dobj", "nsubjpass")
    captives = [g for p in word.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ in deps] if word.pos_ == "NOUN" else [
                c for c in word.children if c.dep_ in deps]
    captives += [c for t in captives for c in t.conjuncts]
    holders = [a for t in captives for clause in t.children
               if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in captor_verbs()
               for by in clause.children if by.dep_ == "agent"
               for g in by.children if g.dep_ == "pobj" for a in events.argument_actors(g)]
    holders = [a for a in holders if a not in event.targets]
    if holders:
        event.sources = holders


@dataclass(frozen=True)
class CarriedAid:
    verbs: frozenset[str]          # "planes carrying tents", "ships bringing food"
    vehicles: frozenset[str]       # what carries it
    arrivals: frozenset[str]       # "landed in Kathmandu": where the carried aid goes
    speakers: frozenset[str]       # sectors of a reporter who may be the sender


@lru_cache(maxsize=1)
def carried_aid_data() -> CarriedAid:
    data = section("transfer", {"carry_verbs": list, "vehicles": list, "arrival_verbs": list,
                                "sending_speakers": list})
    return CarriedAid(frozenset(data["carry_verbs"]), frozenset(data["vehicles"]),
                      frozenset(data["arrival_verbs"]), frozenset(data["sending_speakers"]))


def carried_aid(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "Chinese planes carrying tents and medical supplies landed in Kathmandu", "the planes
    are carrying field hospitals, the minister said": a vehicle carrying aid, goods or helpers
    is an AID from whose vehicle it is (its demonym or owner, else a government or army
    reporting it) to where it goes (a to-phrase, or where the vehicle lands or arrives)."""
    data = carried_aid_data()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in data.verbs:
        return None
    vehicle = _vehicle(verb, data.vehicles)
    kinds = [k for k in transfer_data()[1] if k.trigger.type == "AID"]
    if vehicle is None or not kinds or not any(_is_kind(k, t, "") for t in _carried(verb) for k in kinds):
        return None
    own = trigger_of(events.lexicon, verb)
    if own is not None and own.type == "AID" and events.verb_event(verb, own) is not None:
        return None  # "trucks delivering food to Gaza": the lexicon reads it already
    goods = kinds[0]
    sources = [a for a in events.actors_named(vehicle) if a.name or a.country]
    targets = _destination(events, verb, vehicle, data.arrivals)
    event = Found([verb], goods.trigger, sources, targets, verb, mode=goods.trigger.mode)
    events.set_modality(event)
    if not sources:
        events.set_speaker(event, quote_speaker)
        senders = [a for a in event.speaker if a.sector in data.speakers and a.country]
        if not senders:
            return None  # who sent it is not said
        event.sources, event.speaker = senders, []
    event.targets = [t for t in event.targets if t not in event.sources] or _last_recipient(events, event)
    return event


def _last_recipient(events: SentenceEvents, event: Found) -> list[Actor]:
    """ "India sent aircraft to Nepal. The planes are carrying field hospitals": where the
    vehicle goes unsaid, the sender's last act was towards whom it still carries aid."""
    if events.last_dyad is None:
        return []
    doer, target = events.last_dyad
    if any(doer == s or (doer.country and doer.country == s.country) for s in event.sources):
        return [target]
    return []


def _vehicle(verb: Token, vehicles: frozenset[str]) -> Token | None:
    """The vehicle that carries: the verb's subject, or the noun its participle qualifies."""
    candidates = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "acl":
        candidates.append(verb.head)
    return next((c for c in candidates if c.lemma_.lower() in vehicles), None)


def _carried(verb: Token) -> list[Token]:
    """What the verb carries: its objects, their conjuncts and what they measure ("two tonnes
    of medical supplies"), and what comes "along with" them."""
    things = [c for c in verb.children if c.dep_ == "dobj"]
    things += [g for t in list(things) for p in t.subtree if p.dep_ == "prep" and p.lower_ in ("of", "with")
               for g in p.children if g.dep_ == "pobj"]
    return things + [c for t in things for c in t.conjuncts]


def _destination(events: SentenceEvents, verb: Token, vehicle: Token, arrivals: frozenset[str]) -> list[Actor]:
    heads = [verb]
    if vehicle.dep_ == "nsubj" and vehicle.head.lemma_.lower() in arrivals:
        heads.append(vehicle.head)  # "planes carrying aid landed in Kathmandu"
    places = [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("to", "in", "into", "for")
              for g in p.children if g.dep_ == "pobj"]
    return [a for g in places for a in (events.argument_actors(g) or events._place_actor(g))]


def vehicle_owner(events: SentenceEvents, event: Found) -> None:
    """ "U.N. helicopters evacuated the wounded", "Turkish ships brought food to Beirut": an
    act with no doer of its own whose subject is a vehicle is done by whose the vehicle is."""
    if not event.sources:
        event.sources = [a for a in _vehicle_owners(events, event.trigger[0]) if a not in event.targets]


def _vehicle_owners(events: SentenceEvents, verb: Token) -> list[Actor]:
    vehicles = carried_aid_data().vehicles
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in vehicles), None)
    return events.actors.owner_of(subject) if subject is not None else []
