"""Accusation: a speaker calling what someone did a crime, an aggression, an
interference, damning an act ("sinister bids"), judging it ("unacceptable") or someone
responsible for it: ACCUSE; and whom a protest is lodged with."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.events.constructions.common import OPPOSED_DOING, read_as, speakers_own, text_before
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_side
from eventscope.events.syntax import clause_verb, first_child, has_child, prepositional_objects
from eventscope.events.triggers import trigger_of
from eventscope.lexicon import Trigger
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents

# Determiners that point back to what the sentence just described ("such bids").
BACK_REFERENCES = frozenset({"such", "these", "those", "this", "that"})


def accusation(events: SentenceEvents, noun: Token, quote_speaker: Actor | None) -> Found | None:
    """A speaker calling what someone did a crime, an aggression, an interference, or
    damning an act ("sinister bids"): ACCUSE. Only in reported speech, and for the nouns
    of accusation only when the noun says whose act it is."""
    if noun.pos_ != "NOUN":
        return None
    damned = noun.lemma_.lower() in events.lexicon.act_nouns and any(
        c.dep_ == "amod" and c.lemma_.lower() in events.lexicon.damning_adjectives for c in noun.children)
    spec = events.lexicon.damned_act if damned else events.lexicon.accusation_nouns.get(noun.lemma_.lower())
    if spec is None:
        return None
    targets = events.event_agents_of(noun) or predicated_of(events, noun)
    if not targets and not damned and naming(noun) is not None:
        return named_as(events, noun, spec)
    if not targets and damned and any(c.dep_ in ("det", "amod") and c.lower_ in BACK_REFERENCES
                                      for c in noun.children):
        targets = last_doer_before(events, noun)
    if not targets and damned:  # "X said Britain was planning illegal exercises"
        return by_verbs_doer(events, noun, spec, quote_speaker)
    if not targets and not damned:
        return None
    return speakers_own(events, Found([noun], spec, [], targets, clause_verb(noun), mode=spec.mode),
                              quote_speaker)


def by_verbs_doer(events: SentenceEvents, noun: Token, spec, quote_speaker: Actor | None) -> Found | None:
    """The speaker's accusation of whoever does the damned act as the subject of its verb,
    not of the speaker's own side ("we will not tolerate such hostile acts": no one named)."""
    event = speakers_own(events, Found([noun], spec, [], doer_by_verb(events, noun), clause_verb(noun),
                                       mode=spec.mode), quote_speaker)
    if event is not None and any(same_side(s, t) for s in event.sources for t in event.targets):
        event.targets = []
    return event


def last_doer_before(events: SentenceEvents, word: Token) -> list[Actor]:
    """ "the countries backing terrorism try to ...; such bids would ...": the doer of the
    nearest act the sentence described before `word` (not its speaker)."""
    for token in reversed(word.sent[:word.i - word.sent.start]):
        if token.dep_ == "nsubj" and token.head.lemma_.lower() not in events.lexicon.speech_verbs:
            actors = events.actors_named(token)
            if actors:
                return actors
    return []


def naming(noun: Token) -> tuple[Token, Token] | None:
    """The naming verb and what it names when `noun` is the name given: "called the visit a
    provocation" (object predicate; the parser also gives a second object, or hangs the
    name on the object)."""
    if noun.dep_ in ("oprd", "dobj"):
        named = next((c for c in noun.head.children if c.dep_ == "dobj" and c.i < noun.i), None)
        found = (noun.head, named) if named is not None else None
    elif noun.dep_ == "npadvmod" and noun.head.dep_ == "dobj":
        found = noun.head.head, noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as":  # "described the decision as an outrage"
        above = noun.head.head
        named = above if above.dep_ == "dobj" else first_child(above, "dobj")
        found = (named.head, named) if named is not None else None
    else:
        return None
    # not "expel its envoy a grave mistake" misparsed: only verbs that name
    return found if found is not None and found[0].lemma_.lower() in naming_verbs() else None


@lru_cache(maxsize=1)
def naming_verbs() -> frozenset[str]:
    return frozenset(section("naming", {"verbs": list})["verbs"])


def named_as(events: SentenceEvents, noun: Token, spec) -> Found | None:
    """ "Beijing called the visit a provocation", "Kyiv branded the strike a war crime": the
    subject of the naming verb accuses whoever did what it names."""
    namer, named = naming(noun)
    targets = events.event_agents_of(named) or events.actors_named(named)
    sources = events.subject_actors(namer)
    if not targets and sources:
        targets = named_act_doers(events, named, sources)
    if not targets or not sources:
        return None
    event = Found([noun], spec, sources, targets, namer, mode=spec.mode)
    events.set_modality(event)
    return event


def named_act_doers(events: SentenceEvents, named: Token, namers: list[Actor]) -> list[Actor]:
    """ "Bolivia expelled the US envoy. Washington called that / the expulsion / the
    decision a grave error": what is named, told before, is the act of whoever did it (the
    same word or type, or any hostile act for "that" and the general nouns)."""
    rules = _referred_acts()
    if named.pos_ in ("PRON", "SCONJ", "DET") and named.lower_ in rules["determiners"]:
        types = frozenset(rules["hostile_types"])
    else:
        types = _types_referred_to(events, named)
    return _doers_before(events, named, types, namers) if types is not None else []


def _types_referred_to(events: SentenceEvents, noun: Token) -> frozenset[str] | None:
    """ "the launch", "the decision": the types of act a noun with a determiner pointing back
    refers to (the noun's own; any hostile act for the general nouns), or None if it is none."""
    rules = _referred_acts()
    if noun.pos_ != "NOUN" or has_child(noun, "poss") or not any(
            c.dep_ == "det" and c.lower_ in rules["determiners"] for c in noun.children):
        return None
    if noun.lemma_.lower() in rules["general_nouns"]:
        return frozenset(rules["hostile_types"])
    spec = trigger_of(events.lexicon, noun)  # a word the senses read with its object
    return frozenset({spec.type} if spec else ())


@lru_cache(maxsize=1)
def evaluation_words() -> dict[str, frozenset[str]]:
    keys = ("adjectives", "culpable", "judging_verbs", "responsibility_verbs", "responsibility_nouns")
    data = section("evaluation", dict.fromkeys(keys, list))
    return {key: frozenset(data[key]) for key in keys}


def evaluation(events: SentenceEvents, adjective: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Seoul said Pyongyang's launch was unacceptable", "Spain found Maduro's remarks
    intolerable", "X is responsible for the attack", "Beijing holds Manila responsible": a
    judgement of someone's act, or of an actor as culpable, accuses it (ACCUSE). The judge
    is the subject of a judging verb, else the speaker of the clause."""
    words = evaluation_words()
    lemma = adjective.lemma_.lower()
    culpable = lemma in words["culpable"]
    if adjective.pos_ != "ADJ" or not (culpable or lemma in words["adjectives"]):
        return None
    stranded = None if culpable else _stranded_judgement(adjective, words["judging_verbs"])
    if stranded is not None:
        head, judged = stranded
        return _judgement(events, adjective, events.lexicon.verbs["denounce"], head,
                          events.event_agents_of(judged) or events.actors.owner_of(judged))
    if adjective.dep_ == "amod" and not culpable:
        return judged_act(events, adjective, quote_speaker)
    if adjective.dep_ == "amod" and adjective.head.dep_ == "dobj" and culpable:
        head = adjective.head.head  # "holds the rebels responsible for ...", parsed as a modifier
    elif adjective.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
        head = adjective.head
    else:
        return None
    judging = head.pos_ == "VERB" and head.lemma_.lower() in words["judging_verbs"]
    judged = first_child(head, "dobj") if judging else first_child(head, "nsubj")
    if judged is None and judging:  # "found X intolerable" parsed with X as the adjective's subject
        judged = first_child(adjective, "nsubj")
    if judged is None or (culpable and not has_child(adjective, "prep")):
        return None
    targets = events.actors_named(judged) if culpable else (
        events.event_agents_of(judged) or events.actors.owner_of(judged))
    if not targets:
        return None
    spec = events.lexicon.verbs["blame" if culpable else "denounce"]
    if judging:
        return _judgement(events, adjective, spec, head, targets)
    return speakers_own(events, Found([adjective], spec, [], targets, head, mode=spec.mode), quote_speaker)


def _judgement(events: SentenceEvents, adjective: Token, spec: Trigger, judging: Token,
               targets: list[Actor]) -> Found | None:
    """The subject of the judging verb accuses the targets (not itself)."""
    sources = [s for s in events.subject_actors(judging) if s not in targets]
    if not sources or not targets:
        return None
    return read_as(events, spec, adjective, sources, targets, judging)


def _stranded_judgement(adjective: Token, judging_verbs: frozenset[str]) -> tuple[Token, Token] | None:
    """ "found X's remarks that Y was a failed state unacceptable": the parser hangs the
    judging adjective inside the that-clause of the words judged, or on their noun after the
    clause; the judging verb and the noun judged."""
    token = adjective
    for _ in range(4):
        noun = token.head
        if token.dep_ == "acl" or (token is adjective and token.dep_ == "amod" and token.i > noun.i
                                   and any(c.dep_ == "acl" for c in noun.children)):
            if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in judging_verbs:
                return noun.head, noun
            return None
        if token.head == token:
            return None
        token = token.head
    return None


def judged_act(events: SentenceEvents, adjective: Token, quote_speaker: Actor | None) -> Found | None:
    """ "X said Washington was planning illegal military manoeuvres": an event noun the
    speaker qualifies as illegal, unacceptable ... accuses its doer (the noun's own, or the
    subject of the verb whose object it is). Act nouns with the lexicon's damning adjectives
    are `accusation`'s."""
    noun = adjective.head
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or (lemma in events.lexicon.act_nouns and adjective.lemma_.lower()
                               in events.lexicon.damning_adjectives):
        return None
    if lemma not in events.lexicon.act_nouns and trigger_of(events.lexicon, noun) is None:
        return None
    targets = events.event_agents_of(noun) or predicated_of(events, noun)
    spec = events.lexicon.verbs["denounce"]
    if not targets:
        event = by_verbs_doer(events, noun, spec, quote_speaker)
        return event if event is not None and event.targets else None
    return speakers_own(events, Found([adjective], spec, [], targets, clause_verb(noun), mode=spec.mode),
                        quote_speaker)


@lru_cache(maxsize=1)
def reacting_types() -> frozenset[str]:
    return frozenset(section("damned_act_doer", {"reacting_types": list})["reacting_types"])


def doer_by_verb(events: SentenceEvents, noun: Token) -> list[Actor]:
    """ "Britain was planning illegal exercises", "NATO is staging provocative drills": the
    subject of the verb whose object the damned act is does it; not the subject of a verb
    that only reacts to the act ("Argentina condemned the illegal exercises")."""
    if noun.dep_ != "dobj":
        return []
    verb = noun.head
    spec = trigger_of(events.lexicon, verb)
    if spec is not None and spec.type in reacting_types():
        return []
    return events.subject_actors(verb)


@lru_cache(maxsize=1)
def predicating_verbs() -> frozenset[str]:
    return frozenset(section("predicated_act", {"verbs": list})["verbs"])


def predicated_of(events: SentenceEvents, noun: Token) -> list[Actor]:
    """ "the remarks by Mexico's president constitute interference", "Moscow's remarks
    amounted to interference": whoever did the act the verb's subject names."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "attr", "pobj") or verb.lemma_.lower() not in predicating_verbs():
        return []
    subject = first_child(verb, "nsubj")
    return events.event_agents_of(subject) if subject is not None else []


def responsibility(events: SentenceEvents, verb: Token) -> bool:
    """ "Koizumi must shoulder the responsibility for damaging relations": blame, not a
    demand (constructions/obligation.py)."""
    words = evaluation_words()
    return verb.lemma_.lower() in words["responsibility_verbs"] and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words["responsibility_nouns"] for c in verb.children)


@lru_cache(maxsize=1)
def addressee_prepositions() -> frozenset[str]:
    return frozenset(section("addressee", {"prepositions": list})["prepositions"])


def addressee(events: SentenceEvents, event: Found) -> None:
    """ "Vietnam protested to China over the harassment of its fishermen": an accusation
    with no target of its own is against whom it is lodged with."""
    verb = event.trigger[0]
    if event.type != "ACCUSE" or event.targets or verb.pos_ != "VERB":
        return
    event.targets = [a for p in verb.children if p.dep_ == "prep" and p.lower_ in addressee_prepositions()
                     for g in p.children if g.dep_ == "pobj" for a in events.actors_named(g)
                     if a not in event.sources]


@lru_cache(maxsize=1)
def _referred_acts() -> dict:
    return section("referred_act", {"determiners": list, "general_nouns": list, "hostile_types": list,
                                    "prepositions": list, "look_back_sentences": int})


def referred_act_doer(events: SentenceEvents, event: Found) -> None:
    """ "North Korea launched two missiles. Japan condemned the launch": an accusation of an
    act referred back to ("the launch", "the arrests", "the decision") is aimed at whoever
    did the act told before (the same word or type; any hostile act for "the decision")."""
    verb = event.trigger[0]
    if event.type != "ACCUSE" or verb.pos_ != "VERB" or not event.sources:
        return
    # a target of the accusers' own side is a misreading ("a protest against the harassment
    # of its vessels by X": X, not its vessels' owner)
    if any(not any(same_side(t, s) for s in event.sources) for t in event.targets):
        return
    rules = _referred_acts()
    deeds = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ in rules["prepositions"]
        for g in p.children if g.dep_ == "pobj"]
    grounds = protest_grounds(events, verb, event.sources)
    if grounds:
        event.targets = grounds
        return
    for deed in deeds:
        types = _types_referred_to(events, deed)
        if types is None:
            continue
        doers = _doers_before(events, deed, types, event.sources)
        if doers:
            event.targets = doers
            return


@lru_cache(maxsize=1)
def _ground_prepositions() -> frozenset[str]:
    return frozenset(section("protest_grounds", {"prepositions": list})["prepositions"])


def protest_grounds(events: SentenceEvents, verb: Token, accusers: list[Actor]) -> list[Actor]:
    """ "lodged a strong protest over the seizure of the boats by Ugandan police", "filed a
    protest against the harassment of its vessels by the coast guard": the doers the act
    protested names itself
    (by-phrase or owner), other than the accusers' own side; the object itself when it is
    the act ("protested the harassment of its boats by the coast guard")."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    deeds = [g for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ in _ground_prepositions()
             for g in p.children if g.dep_ == "pobj"] + [n for n in nouns if _by_phrase(n)]
    for deed in deeds:
        if deed.pos_ != "NOUN":
            continue
        for found in (events.event_agents_of(deed), _misplaced_agents(events, verb, deed)):
            doers = [a for a in found if not any(same_side(a, s) for s in accusers)]
            if doers:
                return doers
    return []


def _by_phrases(verb: Token, noun: Token) -> list[Token]:
    """ "the harassment of its boats by X": the by-phrases that may name the doer of an act
    noun: its own, its of-object's, or (a parser's slip) the active verb's whose object it is."""
    of_objects = [g for o in noun.children if o.dep_ == "prep" and o.lower_ == "of"
                  for g in o.children if g.dep_ == "pobj"]
    heads = [noun, *of_objects] + ([verb] if noun.dep_ == "dobj" and not has_child(verb, "auxpass") else [])
    return [c for h in heads for c in h.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]


def _by_phrase(noun: Token) -> bool:
    return bool(_by_phrases(noun.head, noun))


def _misplaced_agents(events: SentenceEvents, verb: Token, deed: Token) -> list[Actor]:
    """The doers a by-phrase hung on the deed's of-object or on the verb names."""
    return [a for by in _by_phrases(verb, deed) for g in by.children if g.dep_ == "pobj"
            for a in events.actors_named(g)]


def _doers_before(events: SentenceEvents, deed: Token, types: frozenset[str],
                  accusers: list[Actor]) -> list[Actor]:
    """The doers of the last act of these types (or told by the same word) before `deed`, in
    its sentence and the few before, other than the accusers' own side."""
    for token in reversed(text_before(deed, _referred_acts()["look_back_sentences"])):
        if token.pos_ not in ("VERB", "NOUN"):
            continue
        act = events._candidate(token)
        if act is None or not act.sources or not (act.type in types or token.lemma_ == deed.lemma_):
            continue
        doers = [s for s in act.sources if not any(same_side(s, a) for a in accusers)]
        if doers:
            return doers
    return []


@lru_cache(maxsize=1)
def opposing_verbs() -> frozenset[str]:
    return frozenset(section("opposed_doing", {"verbs": list})["verbs"])


def opposed_doing(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Beijing opposes Washington selling arms to Taiwan", "we oppose Israel building
    settlements": opposing another party's doing disapproves of its act (ACCUSE, CAMEO 111),
    where opposing a plan or a proposal rejects it (the verb's lexicon reading, which this
    reading replaces: `common.OWN_READINGS`)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in opposing_verbs():
        return None
    doer = _doer_of_opposed_act(verb)
    if doer is None:
        return None
    sources = events.subject_actors(verb)
    targets = [a for a in events.actors_named(doer) if not any(same_side(a, s) for s in sources)]
    if not sources or not targets:
        return None
    spec = replace(events.lexicon.verbs["denounce"], key=OPPOSED_DOING)
    return read_as(events, spec, verb, sources, targets, verb)


def _doer_of_opposed_act(verb: Token) -> Token | None:
    """The party whose act is opposed: the subject of a gerund clause on the verb ("opposes
    NATO expanding"), or the object with a gerund beside it ("opposes Pakistan raising ...")."""
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "ccomp", "advcl") or not clause.lower_.endswith("ing"):
            continue
        doer = first_child(clause, "nsubj")
        if doer is None and clause.dep_ == "advcl" and clause.i > verb.i:
            doer = next((c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i), None)
        if doer is not None:
            return doer
    return None


@lru_cache(maxsize=1)
def duty_words() -> tuple[frozenset[str], frozenset[str]]:
    data = section("failed_duty", {"verbs": list, "duties": list})
    return frozenset(data["verbs"]), frozenset(data["duties"])


def failed_duty(events: SentenceEvents, verb: Token, quote_speaker: Actor | None) -> Found | None:
    """ "HRW said Croatian authorities are failing to protect refugees", "the EU said Hungary
    has failed to comply with the ruling": the speaker accuses the party that fails in a
    duty (ACCUSE, CAMEO 111); not its own side ("Kenya said it had failed to ...")."""
    verbs, duties = duty_words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or not any(
            c.dep_ == "xcomp" and c.lemma_.lower() in duties for c in verb.children):
        return None
    targets = events.subject_actors(verb)
    if not targets:
        return None
    spec = events.lexicon.verbs["denounce"]
    event = speakers_own(events, Found([verb], spec, [], targets, verb, mode=spec.mode), quote_speaker)
    if event is None:
        return None
    event.targets = [t for t in targets if not any(same_side(t, s) for s in event.sources)]
    return event if event.targets and event.sources else None


def protest_owner(events: SentenceEvents, event: Found) -> None:
    """ "The official conveyed the strong protest of the Philippine government to ...", "a
    diplomat lodged Argentina's protest with ...": a protest handed over as another party's
    is that party's, where the one handing it over names no country of their own (a named
    official keeps the name and speaks for the owner)."""
    if event.type != "ACCUSE" or any(s.country for s in event.sources):
        return
    owners = [a for noun in event.absorbed if noun.pos_ == "NOUN" for a in _protest_owners(events, noun)
              if a.country]
    if not owners:
        return
    owner = owners[0]
    named = [s for s in event.sources if s.name]
    event.sources = [replace(s, country=owner.country, sector=owner.sector or s.sector) for s in named] or [owner]
    event.targets = [t for t in event.targets if not same_side(t, owner)]


def _protest_owners(events: SentenceEvents, noun: Token) -> list[Actor]:
    """Whose a protest is: "Argentina's protest", "the protest of the Philippine government"."""
    return events.actors.owner_of(noun) or [
        a for g in prepositional_objects(noun, words=("of",)) for a in events.actors_named(g)]
