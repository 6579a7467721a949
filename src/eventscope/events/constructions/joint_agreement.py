"""Joint agreements: "Peru and Ecuador agreed to hold joint exercises", "the two sides agreed
to resume talks", "Fiji agreed with Tonga to exchange officers". Parties that agree between
themselves on an act they will do together or to one another make one agreement (EVENTS.md
"Several parties": an agreement among several parties is one AGREE between them); the joint
act is what they agreed on, not an event of its own beside it. A single actor's promise
("Norway agreed to send aid to Sudan") keeps the act's type (constructions/commitment.py),
and so does an act the pair agrees to do to a third party ("agreed to impose sanctions on X").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventscope.actors import MentionRules
from eventscope.events.constructions.data import section
from eventscope.events.found import Found, same_party
from eventscope.events.syntax import governors, inherited_subject, objects_of
from eventscope.lexicon import Lexicon
from eventscope.records import Actor

# Named-entity labels of a with-phrase that names the other party of an agreement.
PARTY_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = section("joint_agreement", {"pair_nouns": list, "pair_determiners": list,
                                       "partner_prepositions": list})
    return (frozenset(data["pair_nouns"]), frozenset(data["pair_determiners"]),
            frozenset(data["partner_prepositions"]))


def _names_a_pair(subject: Token) -> bool:
    """ "Jordan and Britain", "the Turkish and Greek sides", "the leaders of Kenya and
    Tanzania", "the two sides", "both governments", "the parties"."""
    pair_nouns, determiners, _ = _data()
    if any(c.dep_ == "conj" for c in subject.children):
        return True
    if any(c.dep_ == "amod" and any(g.dep_ == "conj" for g in c.children) for c in subject.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(
            any(g.dep_ == "conj" for g in o.children) for o in objects_of(c)) for c in subject.children):
        return True
    if subject.tag_ not in ("NNS", "NNPS"):
        return False
    return subject.lemma_.lower() in pair_nouns or any(
        c.dep_ in ("det", "nummod", "predet") and c.lower_ in determiners for c in subject.children)


def _with_partner(word: Token) -> bool:
    """ "agreed with Tonga to ...", "reached an agreement with Togo to ...": the other
    party stands in a with-phrase of the verb or of its agreement noun."""
    _, _, prepositions = _data()
    heads = [word, *(c for c in word.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in prepositions and any(_names_party(o) for o in objects_of(c))
               for h in heads for c in h.children)


def _names_party(noun: Token) -> bool:
    """A name or an actor noun ("with Tonga", "with the rebels"), not "with strings attached"."""
    return noun.ent_type_ in PARTY_ENTITIES or noun.lemma_.lower() in MentionRules.load().sector_nouns


def is_joint(agreement: Found) -> bool:
    """Is the agreement made between parties the sentence names as agreeing together?"""
    if len(agreement.sources) + len(agreement.targets) < 2:
        return False
    verb = agreement.trigger[0]
    subject = inherited_subject(verb)
    return (subject is not None and _names_a_pair(subject)) or _with_partner(verb)


def _agreeing(agreement: Found) -> list[Actor]:
    """The parties that agree: a conjoined subject ("Jordan and Britain agreed"), else the
    subject and its partner ("agreed with Tonga")."""
    if len(agreement.sources) >= 2:
        return agreement.sources
    return [*agreement.sources, *agreement.targets]


def _among(actors: list[Actor], parties: list[Actor]) -> bool:
    return all(any(same_party(a, p) for p in parties) for a in actors)


def _under(act: Found, agreement: Found) -> bool:
    """A planned act the agreement governs ("agreed to hold talks", "to impose sanctions")."""
    return (act.type != "AGREE" and act.factuality == "planned" and bool(act.sources)
            and agreement.trigger[0] in governors(act.trigger[-1])[1:])


def without_joint_plans(found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Drop the joint act a pair agreed on ("agreed to restart talks": the AGREE alone); an
    act the pair agreed to do to a third party stays, and an agreement a conjoined subject
    makes is between its members ("Kenya and Uganda agreed to impose sanctions on X": AGREE
    Kenya-Uganda)."""
    agreements = [f for f in found if f.type == "AGREE" and not f.negated and is_joint(f)]
    dropped = []
    for agreement in agreements:
        parties = _agreeing(agreement)
        acts = [f for f in found if _under(f, agreement)]
        dropped += [f for f in acts if _among([*f.sources, *f.targets], parties)]
        if len(agreement.sources) >= 2 and not _with_partner(agreement.trigger[0]):
            # "agreed to impose sanctions on X", "to hold talks in Geneva": whom or where
            # the agreed act is aimed at is no party to the agreement
            agreement.targets = []
    return [f for f in found if f not in dropped]
