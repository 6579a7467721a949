"""Filters: named steps that drop candidates which are not events of their own (with no
party, requested, handed over, talked about, or taken in by a sense), applied in the order
of FILTERS. What each removes on news-dev is measured by benchmarks/filters.py and
recorded in docs/events.md."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Token

from eventscope.events.constructions.acceptance import without_accepted_acts
from eventscope.events.constructions.adjunct import adjunct_clause
from eventscope.events.constructions.agreement_content import without_agreement_contents
from eventscope.events.constructions.commitment import with_agreed_act_targets, without_promises
from eventscope.events.constructions.common import without_other_readings
from eventscope.events.constructions.discontinued import without_discontinued
from eventscope.events.constructions.joint_agreement import without_joint_plans
from eventscope.events.constructions.private_visit import without_private_visits
from eventscope.events.constructions.refusal import future_refusals
from eventscope.events.constructions.transfer import without_retold_transfers
from eventscope.events.constructions.unsaid_doer import STATE_WHERE_IT_HAPPENS
from eventscope.events.constructions.walkout import without_custody_exits
from eventscope.events.found import Found
from eventscope.events.syntax import governors
from eventscope.events.untold import (
    physical_types,
    without_inquiry_topics,
    without_protest_purposes,
    without_setting_places,
    without_tolls,
)
from eventscope.events.untold import word_sets as _words  # one reader of word lists for both
from eventscope.lexicon import Lexicon
from eventscope.records import Actor

# Types whose object is only their content: what is asked for, turned down or threatened
# did not happen.
CONTENT_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN"})
JUDGEMENT_TYPES = frozenset({"SUPPORT", "ACCUSE"})  # what the mediators filter leaves alone

# Named-entity labels of a modifier that names who did an act ("the Russian invasion").
DOER_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON"})


def without_actorless(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop candidates the sentence gives no party at all: "the talks", "an attack" with no
    doer, victim or addressee is a mention, not an event this sentence asserts."""
    return [f for f in found if f.sources or f.targets]


def _told_in_own_clause(word: Token) -> bool:
    """An event noun that a relative clause of its own, set off by a comma, says happened:
    in "X denied backing the rebels' offensive, which began in March" the offensive is no
    content of the denial."""
    return word.pos_ == "NOUN" and any(
        c.dep_ == "relcl" and c.doc[c.left_edge.i - 1].text == "," for c in word.children)


def without_requested(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop what a request asks for, a refusal turns down or a threat holds out: in "X
    called on Y to halt supporting Z" only the REQUEST happened, in "X refused to meet Y"
    only the REJECT, in "X threatened to shell Y" only the THREATEN, in "X warned Y that it
    would strike" only the warning, in "X denied that its troops shelled Y" only the denial;
    the rest is content."""
    governing = {f.trigger[0]: f.type for f in found if f.type in CONTENT_TYPES and (f.sources or f.targets)}
    if found:  # a word of requesting holds out its content even where its parties are not found
        governing |= {t: "REQUEST" for t in found[0].trigger[0].sent
                      if t.lemma_.lower() in request_words() and t not in governing}
    if not governing:
        return found
    return [f for f in found if not (
        # a phrasal verb's particle ("turned down") is governed by its own verb, not content
        any(t in governing and t not in f.trigger for t in _content_governors(f.trigger[-1], governing))
        or _said_content(f, governing) or _same_word_content(f, governing))]


def _same_word_content(event: Found, governing: dict[Token, str]) -> bool:
    """ "Sudan must return the helicopter": the demand (constructions/obligation.py) is told
    by the act's own verb; the act is its content."""
    return event.type not in CONTENT_TYPES and event.trigger[0] in governing


def _content_governors(word: Token, governing: dict[Token, str]) -> list[Token]:
    """The verbs above a word whose content it may be. A participle clause beside the verb
    ("X refused to negotiate, accusing Y of ...") or a verb of the same form conjoined to it
    ("X denied the charge and blamed Y") is a second act of the subject, not content ("had
    threatened to expel ... and recall", parsed as a conjunct of "threatened", is content)."""
    chain = governors(word)
    if _told_in_own_clause(word):
        return []  # "denied backing the rebels' offensive, which began in March"
    facts = told_facts()
    for index, token in enumerate(chain[:-1]):
        if (token.dep_ == "advcl" and token.tag_ == "VBG") or adjunct_clause(token) is not None or (
                token.dep_ == "conj" and chain[index + 1] in governing and token.tag_ == chain[index + 1].tag_):
            return chain[1:index + 1]
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in facts["marks"] for c in token.children):
            return chain[1:index + 1]  # "pulled out because Khartoum rejected their demands"
        if index and (token.lower_ in facts["prepositions"] or (
                token.pos_ == "NOUN" and token.lemma_.lower() in facts["stopped"])):
            return chain[1:index]  # "hours after shelling hit", "called for a halt to attacks"
    return chain[1:]


@lru_cache(maxsize=1)
def request_words() -> frozenset[str]:
    """Words of asking whose content did not happen (constructions.yaml `told_facts`)."""
    return _words("told_facts", "requests")[0]


@lru_cache(maxsize=1)
def told_facts() -> dict[str, frozenset[str]]:
    """What a request, refusal or threat does not hold out (constructions.yaml `told_facts`)."""
    keys = ("marks", "prepositions", "stopped")
    return dict(zip(keys, _words("told_facts", *keys), strict=True))


def _said_content(event: Found, governing: dict[Token, str]) -> bool:
    """Is the event the clause a content verb says ("warned Y that it would strike",
    "demanded that Israel withdraw", "denied that it had sent warships")? A warning or a
    demand holds out only what is yet to be done; a denial denies whatever it says."""
    clause = governors(event.trigger[-1])[-1]
    kind = governing.get(clause.head) if clause.dep_ == "ccomp" else None
    if kind is None or event.trigger[0] == clause.head or event.type == kind:
        return False  # "warned that it would not tolerate ...": the warning's own wording
    # what a request asks for never happened, whatever tag the parser gives its verb
    # ("asked that Hamas and Fatah agree")
    return kind in ("REJECT", "REQUEST") or event.factuality != "asserted" or clause.tag_ == "VB"


def without_transferred(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Russia will provide more support to Syria": what a transfer verb hands over is that
    event's object, not a second event."""
    transfers = {f.trigger[0] for f in found if "aid_object" in f.spec.requires}
    return [f for f in found if not (f.trigger[-1].dep_ == "dobj" and f.trigger[-1].head in transfers)]


def without_topics(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop what talks are about: in "X discussed cooperation with Y", "the talks focused
    on cooperation", "talks on security" only the talks happened."""
    talks = {f.trigger[-1] for f in found if f.type == "CONSULT"}
    return [f for f in found if f.type == "CONSULT" or not _is_topic(f.trigger[-1], talks, lexicon)]


def _is_topic(word: Token, talks: set[Token], lexicon: Lexicon) -> bool:
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    while word.dep_ == "conj":
        word = word.head
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.dep_ == "dobj":
        word = word.head.head  # "discussed issues of regional cooperation": the issues' matter
    if word.dep_ == "dobj":
        return word.head in talks
    if word.dep_ != "pobj" or word.head.lower_ not in lexicon.topic_prepositions:
        return False
    above = word.head.head
    if above in talks:
        return True
    return above.lemma_.lower() in lexicon.topic_verbs and any(
        c.dep_ in ("nsubj", "nsubjpass") and c in talks for c in above.children)


def without_absorbed(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop what a sense took in as its object: in "X lodged a protest with Y" the protest
    is the accusation's wording, in "X held naval drills" the drills are the show of force
    the verb already tells (data/senses.yaml)."""
    kept = []
    for event in found:
        taker = next((o for o in found if o is not event and event.trigger[-1] in o.absorbed), None)
        if taker is None:
            kept.append(event)
        elif _unplaced_state(taker.sources) and event.sources and not _unplaced_state(event.sources):
            # "was put under investigation in France": the state the noun's reading placed
            taker.sources = event.sources
    return kept


def _unplaced_state(actors: list[Actor]) -> bool:
    """The state where an agentless act happens, its country not yet known."""
    return bool(actors) and all(a.why == STATE_WHERE_IT_HAPPENS and not a.country for a in actors)


def without_told_within(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Six civilians were killed in a rocket attack", "two soldiers died during an
    ambush": the noun in the verb's in/during phrase tells the same physical act as the
    verb. One event stays, the verb's, taking from the noun's the parties it lacks."""
    kept = []
    for event in found:
        telling = _telling_verb_event(event, found)
        if telling is None:
            kept.append(event)
            continue
        telling.sources = telling.sources or event.sources
        telling.targets = telling.targets or event.targets
    return kept


def _telling_verb_event(event: Found, found: list[Found]) -> Found | None:
    noun = event.trigger[-1]
    preposition = noun.head
    if event.type not in physical_types():
        return None
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return None
    if preposition.lower_ not in ("in", "during") or preposition.head.pos_ != "VERB":
        return None
    return next((other for other in found if other is not event and other.type == event.type
                 and other.trigger[-1] == preposition.head), None)


def without_mediators(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "A and B signed a deal with Saudi mediation", "the agreement, brokered with Qatari
    mediation": the mediator is the third party of the mediation (constructions/mediation.py),
    not a party to the deal."""
    mediations = [f for f in found if f.type == "CONSULT" and f.trigger[-1].pos_ == "NOUN"
                  and f.mode == "third-party"]
    mediators = [m for f in mediations for m in f.sources]
    if not mediators:
        return found
    # praise or blame of the mediation is aimed at the mediator ("Qatar's mediation was effective");
    # an act of another clause is the mediator's own ("said it was the third mediation effort
    # between A and B, adding that it is calling for dialogue"; helper "meetings")
    clauses = {f.clause for f in mediations}
    return [f if f in mediations or f.type in JUDGEMENT_TYPES or f.clause not in clauses else replace(
        f, sources=[s for s in f.sources if s not in mediators],
        targets=[t for t in f.targets if t not in mediators]) for f in found]


@lru_cache(maxsize=1)
def held_out_words() -> dict[str, frozenset[str]]:
    """The aims, capabilities and goals whose complement did not happen (constructions.yaml
    `held_out`)."""
    keys = ("words", "prepositions", "capability")
    return dict(zip(keys, _words("held_out", *keys), strict=True))


def without_held_out(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop what an aim, design, capability, right or goal only holds out: in "backed a
    resolution that aims to impose sanctions", "defended the right of troops to fire",
    "drones capable of attacking ships", "a step towards cooperation", "rockets that can
    strike Guam" nothing is imposed, fired, attacked, begun or struck."""
    return [f for f in found if not _held_out(f.trigger[-1], held_out_words())]


def _held_out(word: Token, words: dict[str, frozenset[str]]) -> bool:
    for below, above in pairwise(governors(word)):
        if below.dep_ == "relcl" and not _is_person_like(above) and any(
                c.dep_ == "aux" and c.lower_ in words["capability"] for c in below.children):
            return True  # "a rocket that could strike Japanese cities"
        if below.dep_ in ("xcomp", "acl", "pobj", "pcomp", "advcl") and (
                above.lemma_.lower() in words["words"] or above.lower_ in words["prepositions"]):
            return True
    return False


def _is_person_like(noun: Token) -> bool:
    """Who can do things on purpose: "the army that could strike" tells a threat-like
    capability of a party, not of a weapon; left to the other rules."""
    return noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.lemma_.lower() in (
        "army", "force", "government", "group", "militia", "country", "state")


def without_questions(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop the events of a direct question: "Why did Armenia and Azerbaijan hold talks?"
    asks, it does not tell."""
    if not found:
        return found
    sentence = found[0].trigger[0].sent
    last = next((t for t in reversed(sentence) if not t.is_quote and not t.is_space), None)
    return [] if last is not None and last.text == "?" else found


@lru_cache(maxsize=1)
def not_request_words() -> list[frozenset[str]]:
    return _words("not_requests", "question_verbs", "question_prepositions", "request_children",
                  "request_prepositions", "use_verbs", "use_phrases")


def without_non_requests(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop a REQUEST that asks for nothing: "asked the minister about the talks" is a
    question, "pressed fishing boats into service" a use."""
    return [f for f in found if not (f.type == "REQUEST" and _asks_nothing(f.trigger[0]))]


def _asks_nothing(verb: Token) -> bool:
    verbs, about, asking, asking_for, use_verbs, uses = not_request_words()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs | use_verbs:
        return False
    # "asked the minister about ...": the parser may hang the phrase on the one asked
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"} | {
        c.lower_: c for o in verb.children if o.dep_ == "dobj" for c in o.children
        if c.dep_ == "prep" and c.lower_ in about}
    into = preps.get("into")
    if into is not None and any(o.lemma_.lower() in uses for o in into.children if o.dep_ == "pobj"):
        return True  # "pressed boats into service"
    asks_for = bool(asking_for & preps.keys()) or any(c.dep_ in asking for c in verb.children)
    return verb.lemma_.lower() in verbs and bool(about & preps.keys()) and not asks_for


@lru_cache(maxsize=1)
def object_words() -> list[frozenset[str]]:
    return _words("objects_of_acts", "types", "prepositions", "stance_nouns", "protest_types")


def without_objects_of_acts(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop an event noun that is only the object of a condemnation or accusation told in
    the same sentence: in "Seoul condemned Pyongyang's missile launch" the launch is what is
    condemned (EVENTS.md, "Events in noun phrases"; thanks keep the aid they thank for when
    they are the first to tell it, so praise is no such act)."""
    types, prepositions, stances, protests = object_words()
    # a protest's object is an act too ("protested against Georgia's closure of the border"),
    # but a protest may itself be what is condemned ("condemned the opposition's protests")
    acts = {f.trigger[-1] for f in found
            if f.type in types or (f.type in protests and f.trigger[-1].pos_ == "VERB")}
    if found:  # "in protest against X's refusal": the protest of a protest act's adjunct
        acts |= {t for t in found[0].trigger[0].sent if t.lemma_.lower() in stances
                 and t.dep_ == "pobj" and t.head.lower_ == "in"}
    return [f for f in found if not (f.type not in types and _object_of(f.trigger[-1], acts, prepositions))]


def _object_of(word: Token, acts: set[Token], prepositions: frozenset[str]) -> bool:
    """Is the noun, whose doer is named in it and which tells nothing more of its own, the
    object of one of the acts? ("condemned the airstrikes that struck the airport" tells
    the strikes' target: it stays, as the article's telling of them may be this one.)"""
    if word.pos_ not in ("NOUN", "PROPN") or not _names_its_doer(word) or any(
            c.dep_ == "relcl" or (c.dep_ == "acl" and not _infinitive(c)) for c in word.children):
        return False
    while word.dep_ == "conj":
        word = word.head
    if word.dep_ == "dobj":
        above = word.head
    elif word.dep_ == "pobj" and word.head.lower_ in prepositions:
        above = word.head.head
    else:
        return False
    # "accused Minsk of backing the Wagner group's attack": the act the accusation names
    while above not in acts and above.dep_ in ("pcomp", "xcomp") and above.head.head in acts | {above.head}:
        above = above.head if above.head in acts else above.head.head
    return above in acts


def _infinitive(clause: Token) -> bool:
    """ "X's refusal to raise pay": a to-clause on the noun is its content, no fact of its own."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _names_its_doer(noun: Token) -> bool:
    """ "Koizumi's visit", "the Russian invasion", "crimes by Croatian extremists"."""
    return any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in DOER_ENTITIES)
               or (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")) for c in noun.children)


@lru_cache(maxsize=1)
def agreed_words() -> list[frozenset[str]]:
    return _words("agreed_matter", "dependencies", "prepositions")


def without_agreed_matter(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop what an agreement settles: "signed a ceasefire agreement", "a memorandum on the
    cessation of hostilities" are the AGREE alone."""
    dependencies, prepositions = agreed_words()
    agreements = {_agreement_noun(f.trigger[-1]) for f in found if f.type == "AGREE"} - {None}
    return [f for f in found if f.type == "AGREE" or not _matter_of(f.trigger[-1], agreements, dependencies, prepositions)]


def _agreement_noun(word: Token) -> Token | None:
    """The noun that names the agreement: the trigger itself ("the ceasefire agreement was
    signed") or the object of a signing verb ("signed a ceasefire agreement")."""
    if word.pos_ in ("NOUN", "PROPN"):
        return word
    return next((c for c in word.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _matter_of(word: Token, agreements: set[Token], dependencies: frozenset[str],
               prepositions: frozenset[str]) -> bool:
    while word.dep_ == "conj":  # "a treaty of friendship and cooperation"
        word = word.head
    if word.dep_ in dependencies:
        return word.head in agreements
    return word.dep_ == "pobj" and word.head.lower_ in prepositions and word.head.head in agreements


@lru_cache(maxsize=1)
def aid_words() -> list[frozenset[str]]:
    return _words("aided_acts", "verbs", "against")


def without_aided_acts(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Militias that helped drive the rebels out": a help verb whose complement is an act
    against someone, with no receiver of its own, gives no AID to the one it is against
    ("helped defend Saudi Arabia" is aid to Saudi Arabia and stays)."""
    return [f for f in found if not (f.type == "AID" and _helps_against(f.trigger[-1]))]


def _helps_against(word: Token) -> bool:
    verbs, against = aid_words()
    children = list(word.children)
    # "helping Syria to confront the pandemic": Syria, the complement's subject, is helped
    return word.lemma_.lower() in verbs and any(
        c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in against
        and not any(g.dep_ == "nsubj" for g in c.children) for c in children
    ) and not any(c.dep_ in ("dobj", "dative") for c in children)


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    return _words("indirect_questions", "words")[0]


def without_indirect_questions(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop what a clause asks about: in "it did not say which regions the strikes had
    targeted" or "asked whether Iran would retaliate" the sentence tells no act; and a verb
    of asking with such a clause is a question, no request ("reporters asked whether ...")."""
    return [f for f in found if not (_asked_about(f.trigger[-1]) or (
        f.type == "REQUEST" and any(_is_question(c) for c in f.trigger[-1].children)))]


def _asked_about(word: Token) -> bool:
    clause = governors(word)[-1]
    return _is_question(clause) and (clause.left_edge.i < word.i or clause.left_edge == word)


def _is_question(clause: Token) -> bool:
    """A reported question follows the verb that reports it ("asked whether ..."); a clause
    before it is the quotation itself ("If X keeps ..., we will ...," he said)."""
    return clause.dep_ == "ccomp" and clause.left_edge.lower_ in question_words() \
        and clause.head.i < clause.left_edge.i


@lru_cache(maxsize=1)
def agreed_on_words() -> frozenset[str]:
    return _words("agreed_acts", "prepositions")[0]


def without_agreed_acts(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "EU ambassadors agreed on new sanctions against Iran": an agreement on an act of
    another type, with no second party, is the decision to take that act, which keeps its
    own type (EVENTS.md: AGREE is for commitments that have no act type of their own)."""
    acts = {f.trigger[-1] for f in found if f.type != "AGREE"}
    return [f for f in found if not (f.type == "AGREE" and not f.targets and len(f.sources) < 2
                                     and _agrees_on(f.trigger[-1], acts))]


def _agrees_on(word: Token, acts: set[Token]) -> bool:
    """Is an act the object of the agreement ("agreed on sanctions", the trigger "agreed on"
    itself ending in the preposition)?"""
    prepositions = [word] if word.dep_ == "prep" else [c for c in word.children if c.dep_ == "prep"]
    return any(p.lower_ in agreed_on_words() and any(g.dep_ == "pobj" and g in acts for g in p.children)
               for p in prepositions)


@lru_cache(maxsize=1)
def committed_words() -> list[frozenset[str]]:
    return _words("committed_objects", "verbs", "reflexives")


def without_committed_objects(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "Russian troops committed atrocities in Bucha", "crimes committed by the militia":
    a verb of commitment with an object other than the committer itself is a deed done,
    not a commitment (AGREE is "committed to", "committed itself to")."""
    verbs, reflexives = committed_words()
    return [f for f in found if not (f.type == "AGREE" and f.trigger[-1].lemma_.lower() in verbs and (
        any(c.dep_ == "dobj" and c.lower_ not in reflexives for c in f.trigger[-1].children)
        or f.trigger[-1].dep_ == "acl"))]


Filter = Callable[[list[Found], Lexicon], list[Found]]

FILTERS: dict[str, Filter] = {
    "actorless": without_actorless,
    "other_readings": without_other_readings,
    "not_requests": without_non_requests,
    "requested": without_requested,
    "transferred": without_transferred,
    "topics": without_topics,
    "absorbed": without_absorbed,
    "told_within": without_told_within,
    "accepted_acts": without_accepted_acts,
    "mediators": without_mediators,
    "promised": without_promises,
    "refusals": future_refusals,
    "retold_transfers": without_retold_transfers,
    "private_visits": without_private_visits,
    "custody_exits": without_custody_exits,
    "discontinued": without_discontinued,
    "held_out": without_held_out,
    "questions": without_questions,
    "objects_of_acts": without_objects_of_acts,
    "protest_purposes": without_protest_purposes,
    "setting_places": without_setting_places,
    "inquiry_topics": without_inquiry_topics,
    "tolls": without_tolls,
    "agreed_matter": without_agreed_matter,
    "aided_acts": without_aided_acts,
    "agreement_contents": without_agreement_contents,
    "indirect_questions": without_indirect_questions,
    "agreed_acts": without_agreed_acts,
    "committed_objects": without_committed_objects,
    "agreed_act_targets": with_agreed_act_targets,
    "joint_plans": without_joint_plans,
}


def apply_filters(found: list[Found], lexicon: Lexicon) -> list[Found]:
    for step in FILTERS.values():
        found = step(found, lexicon)
    return found
