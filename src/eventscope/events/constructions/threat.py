"""Threats beyond the verb "threaten": a harmful act announced on a condition ("... unless
...", for a withdrawal or expulsion only "unless": `ultimatum`) is a THREATEN (`as_threat` rewrites a candidate rather than finding one of its own);
a vow or warning of retaliation is one too (`retaliation`), and so is a warning that Y
would face sanctions, that X would not tolerate Y's act, or that Y's act will not go
unpunished (`warning`)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventscope.actors import distinct
from eventscope.events.constructions.common import THREATENED_BY, speakers_own
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import first_child, governors, has_child, prepositional_objects
from eventscope.records import Actor

if TYPE_CHECKING:
    from eventscope.events.finder import SentenceEvents


def as_threat(events: SentenceEvents, event: Found) -> None:
    """ "Nigeria will pull its troops out unless ...", "Iran would shell Iraqi towns if ...":
    a harmful act announced on a condition is a threat (THREATEN, its mode from the act)."""
    threats = events.lexicon.threats
    ultimatums = ultimatum_words()
    if event.type not in threats.acts and event.type not in ultimatums["acts"]:
        return
    # an act that is harmful only as an ultimatum: "will pull out its troops unless ..." (with
    # "if", a conditional offer: "will withdraw if Hezbollah pulls back")
    marks = threats.conditions if event.type in threats.acts else ultimatums["marks"]
    # "we will impose sanctions if ...", "we stand ready to impose sanctions if ...": the
    # condition may hang on the verb that governs the act
    chain = governors(event.trigger[-1])
    clause = None if event.factuality == "asserted" else next(
        (v for v in chain if events.is_conditional(v, marks)), None)
    if clause is None and event.type in threats.acts:
        # "Iraq is prepared to impose martial law", "X stands ready to impose sanctions": a
        # harmful act its doer declares itself ready for is held over the target
        clause = _readiness(chain, ultimatums["readiness"])
    if clause is None:
        return
    if any(c.dep_ == "aux" and c.lower_ in threats.speculative for c in clause.children) and (
            not _said_by_own_side(events, event)):
        return  # "Turkey could impose sanctions if ...": someone's guess, not Turkey's threat
    if not event.targets:
        # "If Russia continues to interfere, we will impose sanctions": who must comply
        event.targets = [a for c in clause.children if c.dep_ == "advcl"
                         for a in events.subject_actors(c) if a not in event.sources]
    event.mode = threats.mode_for(event.type, event.mode) if event.type in threats.acts else None
    event.spec = events.lexicon.verbs["threaten"]
    event.factuality = "asserted"  # the threat is made now, whatever comes of it


def _said_by_own_side(events: SentenceEvents, event: Found) -> bool:
    """ "Ghana could close its border if ..., the Ghanaian minister said", "'We may expel
    their diplomats if ...,' the minister said": a harm the doer's own side says it may do
    on a condition is held over the other side, not guessed at."""
    subject = events._reporting_subject(event.trigger[-1])
    # "the AU's chairman", "the EU foreign policy chief": the body a speaker's title names
    speakers = [a for t in subject.subtree if t is subject or t.pos_ == "PROPN"
                for a in events.actors_named(t)] if subject is not None else (
        [events.quote_speaker] if events.quote_speaker is not None else [])
    return any(same_party(speaker, source) or (speaker.name is not None and speaker.name == source.name)
               for speaker in speakers for source in event.sources)


def _readiness(chain: list[Token], readiness: frozenset[str]) -> Token | None:
    """The adjective of readiness whose to-clause holds the act ("is prepared to impose ...",
    "stands ready to impose sanctions")."""
    return next((verb.head for verb in chain if verb.dep_ == "xcomp" and verb.head.lower_ in readiness
                 and (verb.head.pos_ == "ADJ" or verb.head.dep_ == "acomp"
                      or any(c.dep_ == "auxpass" for c in verb.head.children))), None)


def as_preparation(events: SentenceEvents, event: Found) -> None:
    """ "The army is preparing a major offensive against X", "troops prepared to resume
    shelling X", "forces are preparing for a ground assault on X": the attack is not made;
    the preparation is a show of force against its target (MOBILIZE, CAMEO 152/154
    "increase military alert status", "be prepared to use force"; PETRARCH2 PREPARE * FOR
    &FIGHT), and it is under way."""
    words = preparation_words()
    if event.type not in words["acts"] or not _prepared(event.trigger[-1], words):
        return
    event.spec = events.lexicon.verbs[words["verb"]]
    event.mode = event.spec.mode
    event.factuality = "asserted"


def _prepared(word: Token, words: dict) -> bool:
    for _ in range(4):  # "prepared to resume shelling": shelling < resume < prepared
        if word.dep_ not in words["links"] or word.head == word:
            return False
        word = word.head
        if word.lemma_.lower() in words["verbs"]:
            return True
    return False


@lru_cache(maxsize=1)
def preparation_words() -> dict:
    """The preparing verbs and the act they turn into a show of force (constructions.yaml
    `preparation`)."""
    data = section("preparation", {"verbs": list, "acts": list, "links": list, "verb": str})
    return {"verbs": frozenset(data["verbs"]), "acts": frozenset(data["acts"]),
            "links": frozenset(data["links"]), "verb": data["verb"]}


@lru_cache(maxsize=1)
def ultimatum_words() -> dict[str, frozenset[str]]:
    """Acts that threaten only on a condition of these marks (constructions.yaml `ultimatum`)."""
    data = section("ultimatum", {"acts": list, "marks": list, "readiness": list})
    return {key: frozenset(data[key]) for key in ("acts", "marks", "readiness")}


@lru_cache(maxsize=1)
def retaliation_words() -> dict[str, frozenset[str]]:
    keys = ("verbs", "nouns", "adjectives", "acts", "undergo_verbs", "carriers")
    data = section("threat", dict.fromkeys(keys, list))
    return {key: frozenset(data[key]) for key in keys}


def retaliation(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "The general vowed revenge", "X warned of retaliation against any attack by Y", "X
    vowed to take retaliatory action against Spain", "X warned that Bolivia would face
    retaliatory actions": a promise or warning of retaliation is a threat (THREATEN), against
    whom it is aimed (an "against" phrase, the doer of what it avenges), who must face it, or
    who is warned."""
    words = retaliation_words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words["verbs"]:
        return None
    found = _retaliation_noun(verb, words)
    if found is None:
        return None
    noun, facing = found
    sources = events.subject_actors(verb)
    targets = events.subject_actors(facing) if facing is not None else []
    for head in (noun, noun.head, verb):
        targets = targets or [a for p in head.children if p.dep_ == "prep" and p.lower_ in ("against", "on", "for")
                              for g in p.children if g.dep_ == "pobj"
                              for a in _aimed_at(events, g, avenged=p.lower_ == "for")]
    targets = [t for t in targets if t not in sources]
    if not targets and verb.lemma_.lower() == "warn":
        targets = events.targets_of(verb, events.lexicon.verbs["warn"])  # "warned Israel of ..."
    if not sources:
        return None
    event = Found([verb], events.lexicon.verbs["threaten"], sources, targets, verb, mode="violence")
    events.set_modality(event)
    event.factuality = "asserted"  # the threat is made now
    return event


def _retaliation_noun(verb: Token, words: dict[str, frozenset[str]]) -> tuple[Token, Token | None] | None:
    """The noun of retaliation the verb promises or warns of, and the verb of undergoing it
    ("would face ...") if that is how it is told."""
    candidates = [(c, None) for c in verb.children if c.dep_ == "dobj"]
    candidates += [(g, None) for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
    for clause in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp")):
        lemma = clause.lemma_.lower()
        if lemma in words["carriers"] or lemma in words["undergo_verbs"]:
            facing = clause if lemma in words["undergo_verbs"] else None
            candidates += [(g, facing) for g in clause.children if g.dep_ == "dobj"]
    for noun, facing in candidates:
        lemma = noun.lemma_.lower()
        if lemma in words["nouns"] or (lemma in words["acts"] and any(
                c.dep_ == "amod" and c.lemma_.lower() in words["adjectives"] for c in noun.children)):
            return noun, facing
    return None


def _aimed_at(events: SentenceEvents, noun: Token, avenged: bool) -> list[Actor]:
    """Against whom: "against the rebels", "against any attack by Seoul" (its doer), and for
    what it avenges only that act's doer ("revenge for the killing by X")."""
    agents = events.event_agents_of(noun)
    return agents if agents or avenged else events.actors_named(noun)


@lru_cache(maxsize=1)
def warning_words() -> dict[str, frozenset[str]]:
    keys = ("intolerance_verbs", "undergo_verbs", "penalty_nouns", "impunity_adjectives", "impunity_verbs",
            "future_auxiliaries", "quantifiers")
    data = section("warning", dict.fromkeys(keys, list))
    return {key: frozenset(data[key]) for key in keys}


def warning(events: SentenceEvents, word: Token, quote_speaker: Actor | None) -> Found | None:
    """ "Ankara would not tolerate any Kurdish presence", "X said Minsk would face further
    sanctions", "the attack by Y will not go unpunished": a warning of harm (THREATEN)."""
    words = warning_words()
    lemma = word.lemma_.lower()
    if not any(lemma in words[key] for key in ("intolerance_verbs", "undergo_verbs", "impunity_adjectives")):
        return None  # every token meets this: the word before the walk to its auxiliaries
    clause = word.head if word.dep_ == "acomp" else word
    if not any(c.dep_ == "aux" and c.lower_ in words["future_auxiliaries"] for c in clause.children):
        return None
    negated = has_child(clause, "neg") or _no_subject(clause)
    spec = events.lexicon.verbs["threaten"]
    if word.pos_ == "VERB" and lemma in words["intolerance_verbs"] and negated:
        tolerated = first_child(word, "dobj")
        targets = _tolerated_doers(events, tolerated) if tolerated is not None else []
        sources = events.subject_actors(word)
        event = Found([word], spec, sources, targets, word, mode="violence")
        if sources:
            return event
        # "Ankara warned that it would not tolerate ...": "it" is who warns
        return speakers_own(events, event, quote_speaker) if _pronoun_subject(word) else None
    if word.pos_ == "VERB" and lemma in words["undergo_verbs"] and not negated and any(
            c.dep_ == "dobj" and c.lemma_.lower() in words["penalty_nouns"] for c in word.children) and (
            word.head.lemma_.lower() not in retaliation_words()["verbs"]):
        # "if Russia does not back off, it could expect sanctions": "it" is the condition's
        # subject (not the reporter the engine would give a pronoun of a reported clause)
        conditions = events.lexicon.threats.conditions
        conditioned = [a for c in word.children if c.dep_ == "advcl" and any(
                           m.dep_ == "mark" and m.lower_ in conditions for m in c.children)
                       for a in events.subject_actors(c)] if _pronoun_subject(word) else []
        targets = conditioned or events.subject_actors(word)
    elif word.pos_ == "ADJ" and lemma in words["impunity_adjectives"] and negated and (
            clause.lemma_.lower() in words["impunity_verbs"]):
        deed = _deed(first_child(clause, "nsubj"))
        targets = _doers(events, deed) if deed is not None else []
    else:
        return None
    if not targets:
        return None
    return speakers_own(events, Found([word], spec, [], targets, clause, mode="violence"), quote_speaker)


def _pronoun_subject(verb: Token) -> bool:
    subject = first_child(verb, "nsubj")
    return subject is not None and subject.pos_ == "PRON"


def _no_subject(clause: Token) -> bool:
    """ "None of the attacks will go unanswered", "no attack will go unpunished"."""
    subject = first_child(clause, "nsubj")
    return subject is not None and (subject.lower_ == "none" or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children))


def _deed(subject: Token | None) -> Token | None:
    """The deed a subject names, through a quantifier: "none of the attacks by Y"."""
    if subject is None or subject.lemma_.lower() not in warning_words()["quantifiers"]:
        return subject
    return next(iter(prepositional_objects(subject, words=("of",))), subject)


def _doers(events: SentenceEvents, deed: Token) -> list[Actor]:
    """Who did the deed a noun phrase names, its "by" phrase wherever the parser hung it
    ("the attack on our embassy by Iraqi militias")."""
    found = events.event_agents_of(deed) or events.actors.owner_of(deed)
    if found:
        return found
    return [a for t in deed.subtree if t.lower_ == "by" and t.dep_ in ("prep", "agent")
            for g in t.children if g.dep_ == "pobj" for a in events.actors_named(g)]


def _tolerated_doers(events: SentenceEvents, thing: Token) -> list[Actor]:
    """Whose act or presence is not to be tolerated: "Kurdish presence", "an increase in
    Iranian presence" (through an in/of phrase)."""
    for noun in (thing, *(g for p in thing.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                          for g in p.children if g.dep_ == "pobj")):
        found = events.event_agents_of(noun) or events.actors.owner_of(noun) or events.actors_named(noun)
        if found:
            return found
    return []


def threatened_by(events: SentenceEvents, verb: Token, quote_speaker: Actor | None = None) -> Found | None:
    """ "Threatened by US and EU sanctions, the government pledged ...", "Minsk was threatened
    with sanctions by the EU": a threat told from the side of the threatened, by whose the
    penalty is (its demonym or owner) or the by-phrase's actor, against the threatened."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "threaten" or verb.tag_ != "VBN":
        return None
    agents = prepositional_objects(verb, ("agent",))
    agents += [c for g in list(agents) for c in g.conjuncts]
    means = prepositional_objects(verb, words=("with",))
    penalties = [g for g in agents + means if g.lemma_.lower() in warning_words()["penalty_nouns"]]
    sources = [a for g in agents for a in (events.event_agents_of(g) if g in penalties else events.actors_named(g))]
    if not penalties or not sources:
        return None  # "threatened by rising seas": no one threatens
    threatened = first_child(verb, "nsubjpass")
    if threatened is None and verb.dep_ in ("advcl", "acl", "amod"):
        # "Threatened by sanctions, the junta agreed ...": the clause's subject
        threatened = first_child(verb.head, "nsubj") if verb.dep_ == "advcl" else verb.head
    targets = [a for a in events.argument_actors(threatened) if a not in sources] if threatened is not None else []
    event = Found([verb], replace(events.lexicon.verbs["threaten"], key=THREATENED_BY), distinct(sources), targets, verb,
                  mode=events.lexicon.threats.mode_for("SANCTION", None))
    events.set_modality(event)
    event.factuality = "asserted"
    return event
