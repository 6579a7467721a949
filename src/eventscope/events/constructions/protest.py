"""Whom a protest is against, when the sentence does not say it with a preposition.

- "anti-Japanese protests in China", "an anti-government rally": the "anti-" word names the
  target, and is no protester (the demonym would otherwise make the Japanese state march);
  protesters the sentence leaves unnamed are the people where the protest is.
- "a student protest", "farmer protests": the people the noun's modifier names protest
  (the lexicon keeps "student protest" as one trigger, which otherwise has no doer; "a
  teacher strike" is a labour strike, not an air strike); "the
  march was led by X and Y", "the strike was called by the unions": the by-phrase of an
  organising verb names the protesters; plural protests with no doer said ("protests
  erupted in Nairobi") are the people's where they happen.
- "Farmers marched on parliament", "the opposition staged a strike": people, parties,
  unions or the press who protest at home, with no target said, protest against their
  own government (the gold convention of EVENTS.md's real news: the state they march
  against); its country is settled with theirs (setting.localize).

The sectors and the anti- prefixes are data (data/constructions.yaml, `protest`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.data import section
from eventscope.events.found import Found
from eventscope.events.syntax import clause_verb
from eventscope.events.triggers import trigger_of
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

OWN_GOVERNMENT = "the protesters' own government"


@lru_cache(maxsize=1)
def protest_data() -> dict:
    """The `protest` section of data/constructions.yaml, checked (read once: every token asks),
    its word lists that are looked up as sets."""
    data = section("protest", {"types": list, "protester_sectors": list, "target_sector": str,
                               "against_prefixes": list, "crowd_sector": str,
                               "organising_verbs": list, "labour_nouns": dict,
                               "told_prepositions": list})
    return {**data, "organising_verbs": frozenset(data["organising_verbs"]),
            "told_prepositions": frozenset(data["told_prepositions"])}


def protesting_crowd(events: SentenceEvents, token: Token, speaker: Actor | None) -> Found | None:
    """ "during a student protest in Abuja", "opposition strikes": a protest noun with no doer
    of its own whose modifier names protesters is their protest."""
    if token.pos_ != "NOUN":
        return None
    data = protest_data()
    if not _told(events, token, data["told_prepositions"]):
        return None
    spec = trigger_of(events.lexicon, token)
    labour = token.lemma_.lower() in data["labour_nouns"]  # a strike by whom it names only
    if labour:
        spec = events.lexicon.nouns.get(data["labour_nouns"][token.lemma_.lower()]) or spec
    if spec is None or spec.type not in data["types"]:
        return None
    crowd = _organisers(events, token, data["organising_verbs"]) or [
        a for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i
        and c.pos_ == "NOUN" for a in events.actors_named(c)]
    if not crowd and not labour and token.tag_ == "NNS" and not _has_modifier_actor(events, token):
        crowd = [Actor(None, None, data["crowd_sector"])]  # "protests erupted in Nairobi"
    if not crowd or not all(a.sector in data["protester_sectors"] for a in crowd):
        return None
    own = events._candidate(token)
    if own is not None and own.sources:
        return None  # the noun has its doer ("the union's student protest")
    event = Found([token], spec, crowd, [], clause_verb(token), mode=spec.mode)
    events.set_modality(event)
    protested_party(events, event)
    return event


def _has_modifier_actor(events: SentenceEvents, noun: Token) -> bool:
    """Does the noun name any actor of its own ("Japan's protests", "Chinese protests")?"""
    return any(events.actors_named(c) for c in noun.children
               if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i)


def _told(events: SentenceEvents, noun: Token, prepositions: frozenset[str]) -> bool:
    """Is the protest told as having happened: a subject ("farmer protests paralysed ..."),
    a light verb's object ("joined a student protest") or the time or place of another
    event ("during a student protest")? Not the thing a ban, a right or a call is about
    ("lift the ban on opposition rallies")."""
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in events.lexicon.light_verbs
    return noun.dep_ == "pobj" and noun.head.lower_ in prepositions


def _organisers(events: SentenceEvents, noun: Token, verbs: frozenset[str]) -> list[Actor]:
    """ "The march was led by Khan and Qadri": the agents of the passive organising verb."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in verbs:
        return []
    agents = [g for p in verb.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"]
    return [a for g in agents for a in events.actors_named(g)]


def protested_party(events: SentenceEvents, event: Found) -> None:
    """Fill in whom a protest with no target of its own is against (module doc)."""
    data = protest_data()
    if event.type not in data["types"] or event.targets:
        return
    against = _anti_words(event, tuple(data["against_prefixes"]))
    if against:
        targets = [a for word in against for a in events.actors_named(word)]
        if targets:
            event.targets = targets
            event.sources = [s for s in event.sources if s not in targets] or [
                Actor(None, None, data["crowd_sector"])]
            return
    if event.sources and all(s.sector in data["protester_sectors"] for s in event.sources):
        country = event.sources[0].country
        if all(s.country == country for s in event.sources):
            event.targets = [Actor(None, country, data["target_sector"], why=OWN_GOVERNMENT)]


def _anti_words(event: Found, prefixes: tuple[str, ...]) -> list[Token]:
    """The words an "anti-" modifier of the protest noun names: "anti-Japanese" -> Japanese
    (the tokenizer splits it into "anti", "-", "Japanese")."""
    nouns = [t for t in (*event.trigger, *event.absorbed) if t.pos_ in ("NOUN", "PROPN")]
    words = []
    for noun in nouns:
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
        for index, word in enumerate(modifiers):
            if word.lower_ in prefixes:
                rest = [m for m in modifiers[index + 1:] if m.text != "-"]
                words += rest[:1]
    return words
