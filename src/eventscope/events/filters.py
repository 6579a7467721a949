"""Filters: named steps that drop candidates which are not events of their own (with no
party, requested, handed over, talked about, or taken in by a sense), applied in the order
of FILTERS. What each removes on news-dev is measured by benchmarks/filters.py and
recorded in docs/events.md."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from eventscope.events.constructions.commitment import without_promises
from eventscope.events.constructions.common import without_other_readings
from eventscope.events.constructions.data import section
from eventscope.events.constructions.discontinued import without_discontinued
from eventscope.events.constructions.private_visit import without_private_visits
from eventscope.events.constructions.refusal import future_refusals
from eventscope.events.constructions.transfer import without_retold_transfers
from eventscope.events.constructions.walkout import without_custody_exits
from eventscope.events.found import Found
from eventscope.events.syntax import governors
from eventscope.lexicon import Lexicon

# Types whose object is only their content: what is asked for, turned down or threatened
# did not happen.
CONTENT_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN"})
JUDGEMENT_TYPES = frozenset({"SUPPORT", "ACCUSE"})  # what the mediators filter leaves alone


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
    for index, token in enumerate(chain[:-1]):
        if token.dep_ == "advcl" and _reason_clause(token):
            return chain[1:index + 1]  # "pulled out of the talks because Khartoum rejected ..."
        if (token.dep_ == "advcl" and token.tag_ == "VBG") or (
                token.dep_ == "conj" and chain[index + 1] in governing and token.tag_ == chain[index + 1].tag_):
            return chain[1:index + 1]
    return chain[1:]


@lru_cache(maxsize=1)
def _reason_marks() -> frozenset[str]:
    return frozenset(section("reason_clauses", {"marks": list})["marks"])


def _reason_clause(clause: Token) -> bool:
    """A clause of reason or time ("because ...", "after ...") tells an act of its own."""
    return any(c.dep_ == "mark" and c.lower_ in _reason_marks() for c in clause.children)


def _said_content(event: Found, governing: dict[Token, str]) -> bool:
    """Is the event the clause a content verb says ("warned Y that it would strike",
    "demanded that Israel withdraw", "denied that it had sent warships")? A warning or a
    demand holds out only what is yet to be done; a denial denies whatever it says."""
    clause = governors(event.trigger[-1])[-1]
    kind = governing.get(clause.head) if clause.dep_ == "ccomp" else None
    if kind is None or event.trigger[0] == clause.head or event.type == kind:
        return False  # "warned that it would not tolerate ...": the warning's own wording
    return kind == "REJECT" or event.factuality != "asserted" or clause.tag_ == "VB"


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
    return [f for f in found if not any(
        f.trigger[-1] in other.absorbed for other in found if other is not f)]


@lru_cache(maxsize=1)
def physical_types() -> frozenset[str]:
    """Acts done to bodies and places (constructions.yaml `told_within`)."""
    return frozenset(section("told_within", {"types": list})["types"])


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
    # praise or blame of the mediation is aimed at the mediator ("Qatar's mediation was effective")
    return [f if f in mediations or f.type in JUDGEMENT_TYPES else replace(
        f, sources=[s for s in f.sources if s not in mediators],
        targets=[t for t in f.targets if t not in mediators]) for f in found]


Filter = Callable[[list[Found], Lexicon], list[Found]]

FILTERS: dict[str, Filter] = {
    "actorless": without_actorless,
    "other_readings": without_other_readings,
    "requested": without_requested,
    "transferred": without_transferred,
    "topics": without_topics,
    "absorbed": without_absorbed,
    "told_within": without_told_within,
    "mediators": without_mediators,
    "promised": without_promises,
    "refusals": future_refusals,
    "retold_transfers": without_retold_transfers,
    "private_visits": without_private_visits,
    "custody_exits": without_custody_exits,
    "discontinued": without_discontinued,
}


def apply_filters(found: list[Found], lexicon: Lexicon) -> list[Found]:
    for step in FILTERS.values():
        found = step(found, lexicon)
    return found
