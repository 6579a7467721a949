"""Senses chosen by the object, and words that carry an event noun (data/senses.yaml).

A verb or noun that means an event only with certain objects ("recalled its ambassador",
"held naval drills", "a missile test") gets its sense here before the lexicon is asked;
the object it takes in is then no event of its own (the `absorbed` filter). Carriers are
words whose subject or owner does the act they govern ("ordered the closure of the
embassy", "its decision to expel three diplomats").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from eventscope.datafile import read_yaml
from eventscope.events.constructions.seizure import is_place_taken
from eventscope.lexicon import Trigger

# Where the object of a verb stands: "recalled its ambassador", "missiles were launched",
# "declared X persona non grata" (the parser's clausal complement), "agreed on sanctions".
VERB_OBJECTS = ("dobj", "nsubjpass", "oprd", "attr", "ccomp", "dative")
# The clause of the act a word asks of its object: "told the envoy to leave" (xcomp), and
# "allowed opposition leader X to hold a rally", which the parser makes a ccomp.
ACT_CLAUSES = ("xcomp", "ccomp")
# Where a target stands for an act aimed at someone ("fired rockets at Israel").
AIM_PREPOSITIONS = ("at", "on", "against", "into", "toward", "towards")


@dataclass(frozen=True)
class Sense:
    """One sense: `words` with one of `objects` (and governing one of `acts`) mean `trigger`."""

    words: frozenset[str]
    objects: frozenset[str]
    unless: frozenset[str]  # words of the clause that rule the sense out
    acts: frozenset[str]
    trigger: Trigger
    aimed: str | None      # the type when a target stands at AIM_PREPOSITIONS
    aimed_only: bool       # an event only when aimed at an actor
    joint: str | None      # the type when a partner is named ("joint", "with X")
    cameo: str
    keeps_object: bool = False  # the object stays an event of its own ("repelled an attack")
    tags: frozenset[str] = frozenset()  # only in these forms ("negotiated a truce": done)


@dataclass(frozen=True)
class SenseMatch:
    """A token read in a sense: the trigger it has, and the object that chose it."""

    trigger: Trigger
    obj: Token
    sense: Sense


@dataclass(frozen=True)
class Senses:
    senses: tuple[Sense, ...]
    carrier_verbs: frozenset[str]
    carrier_nouns: frozenset[str]
    aimless: frozenset[str]        # "fired into the sea": no one aimed at
    travel_verbs: frozenset[str]   # "arrived in Beijing for talks": the traveller talks
    travel_prepositions: frozenset[str]
    vehicles: frozenset[str]       # "an aid convoy": the convoy's parties are the aid's
    gerund_prepositions: frozenset[str]  # "responded by expelling": the clause's subject does it
    impact_verbs: frozenset[str]   # "two rockets hit northern Israel": an attack on what is hit
    outcome_verbs: frozenset[str] = frozenset()         # "talks culminating in deals"
    outcome_prepositions: frozenset[str] = frozenset()  # "ended in an accord"
    lacking_prepositions: frozenset[str] = frozenset()  # "broke up without agreement"
    measures: frozenset[str] = frozenset()  # "a series of deals"
    brokers: frozenset[str] = frozenset()   # "the accord, brokered by Russia": no party
    custody_prepositions: frozenset[str] = frozenset()  # "is under house arrest"
    custody_verbs: frozenset[str] = frozenset()
    outcome_nouns: frozenset[str] = frozenset()  # "ended in an agreement", not "in a pledge"
    thwarting: frozenset[str] = frozenset()  # "foiled an attempt to ...": not the attempt's doer

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Senses:
        path = resources.files("eventscope.data").joinpath("senses.yaml")
        data = read_yaml(path.read_text())
        senses = tuple(_sense(entry, index) for index, entry in enumerate(data["senses"], 1))
        carriers, outcomes = data["carriers"], data["outcomes"]
        return cls(senses, frozenset(carriers["verbs"]), frozenset(carriers["nouns"]),
                   frozenset(data["aimless"]), frozenset(carriers["travel_verbs"]),
                   frozenset(carriers["travel_prepositions"]), frozenset(data["vehicles"]),
                   frozenset(carriers["gerund_prepositions"]), frozenset(data["impact_verbs"]),
                   frozenset(outcomes["verbs"]), frozenset(outcomes["prepositions"]),
                   frozenset(outcomes["lacking"]), frozenset(outcomes["measures"]),
                   frozenset(outcomes["brokers"]), frozenset(data["custody"]["prepositions"]),
                   frozenset(data["custody"]["verbs"]), frozenset(outcomes["nouns"]),
                   frozenset(carriers.get("thwarting", ())))

    def match(self, token: Token) -> SenseMatch | None:
        """The sense this verb or noun has with its object, if any."""
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")):
            objects = _verb_objects(token)  # a copula too: "troops are on alert"
        elif token.pos_ == "NOUN":
            objects = _noun_objects(token)
        else:
            return None
        lemma = token.lemma_.lower()
        for sense in self.senses:
            if lemma not in sense.words:
                continue
            if sense.acts and not any(c.dep_ in ACT_CLAUSES and c.lemma_.lower() in sense.acts
                                      for c in token.children):
                continue
            if sense.unless and _mentions(token, sense.unless):
                continue
            if sense.tags and token.tag_ not in sense.tags:
                continue
            obj = next((o for o in objects if _names(o, sense.objects)), None)
            if obj is not None:
                return SenseMatch(_keyed(sense.trigger, token, obj), obj, sense)
        return None


def _sense(entry: dict, index: int) -> Sense:
    try:
        trigger = Trigger(
            key=f"{entry['words'][0]} {entry['objects'][0]}", type=entry["type"],
            mode=entry.get("mode"), targets=tuple("on" if t is True else str(t) for t in entry["target"]),
            requires=frozenset(entry.get("requires", ())), object_owner=bool(entry.get("object_owner")),
            # the codebook's code goes with the event (Event.cameo); "contract" is no code
            cameo=code if (code := str(entry["cameo"])).isdigit() else None,
            source=None if code.isdigit() else code)
        return Sense(frozenset(entry["words"]), frozenset(str(o).lower() for o in entry["objects"]),
                     frozenset(entry.get("unless", ())), frozenset(entry.get("acts", ())),
                     trigger, entry.get("aimed"), bool(entry.get("aimed_only")), entry.get("joint"),
                     str(entry["cameo"]), bool(entry.get("keeps_object")),
                     frozenset(entry.get("tags", ())))
    except KeyError as missing:
        raise ValueError(f"senses.yaml: sense {index} has no {missing}") from None


def _keyed(trigger: Trigger, word: Token, obj: Token) -> Trigger:
    """A noun's modifier that chose its sense is part of the trigger ("missile test")."""
    if word.pos_ == "NOUN" and obj.head == word and obj.i < word.i:
        return replace(trigger, key=f"{obj.lower_} {word.lemma_.lower()}")
    return trigger


def _names(obj: Token, lemmas: frozenset[str]) -> bool:
    """The object is one of these words, or is modified by one ("a terrorist group")."""
    return any(t.lemma_.lower() in lemmas or t.lower_ in lemmas
               for t in (obj, *(c for c in obj.children if c.dep_ in ("amod", "compound"))))


def _mentions(word: Token, lemmas: frozenset[str]) -> bool:
    """A word of the phrase or clause is one of these ("a warning to residents about the
    flood", "air strikes")."""
    return any(t.lemma_.lower() in lemmas for t in word.subtree)


def _verb_objects(verb: Token) -> list[Token]:
    objects = [c for c in verb.children if c.dep_ in VERB_OBJECTS]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not objects and is_place_taken(verb.head):
        objects = [verb.head]  # a reduced passive relative on a place: "the airport, seized by X"
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    # "pulled out of the talks": the object of a preposition after the particle
    objects += [g for c in verb.children if c.dep_ in ("prep", "prt", "advmod") for p in c.children
                if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    # "fired a barrage of rockets", "launched dozens of missiles": what the object measures
    objects += [g for o in list(objects) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
    # "is hosting four states for the drills, which X said were ...": the parser takes the
    # object for the subject of the clause after it (helper "meetings")
    objects += [s for o in list(objects) if o.dep_ == "ccomp" and o.head == verb for s in o.children
                if s.dep_ == "nsubj" and s.left_edge.i == verb.i + 1]
    # "is hosting four states for the drills": the parser hangs the purpose on the object
    objects += [g for o in list(objects) if o.head in (verb, *verb.children) for c in o.children
                if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    return _with_conjuncts(objects)


def _noun_objects(noun: Token) -> list[Token]:
    objects = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    objects += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "on")
                for g in c.children if g.dep_ == "pobj"]
    if noun.dep_ == "dobj":
        # "conducted raids on the homes of activists": the parser hangs the noun's
        # preposition on the verb when it follows the noun
        objects += [g for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "on"
                    and c.i == noun.right_edge.i + 1 for g in c.children if g.dep_ == "pobj"]
    return _with_conjuncts(objects)


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    return tokens + [c for t in tokens for c in t.children if c.dep_ == "conj"]


def is_joint(word: Token, match: SenseMatch) -> bool:
    """ "joint drills": the noun or the object itself says there is a partner."""
    return any(c.lower_ in ("joint", "combined", "bilateral", "multinational")
               for t in (word, match.obj) for c in t.children if c.dep_ in ("amod", "compound"))


def aimed_at(word: Token, match: SenseMatch, aimless: frozenset[str]) -> bool:
    """ "fired rockets at Israeli positions", "carried out strikes on rebel bases": aimed at
    something, not into the sea, not "on Friday", not "went on strike"."""
    heads = [word, match.obj, *[a for a in match.obj.ancestors if a.i != word.i and a in word.subtree]]
    return any(p.dep_ == "prep" and p.lower_ in AIM_PREPOSITIONS and g.dep_ == "pobj" and g != match.obj
               and g.ent_type_ not in ("DATE", "TIME") and g.lemma_.lower() not in aimless
               for head in heads for p in head.children for g in p.children)
