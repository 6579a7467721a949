"""The events package's shared tree walks and its registries, on sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from eventscope import nlp
from eventscope.events.constructions import CONSTRUCTIONS
from eventscope.events.filters import FILTERS
from eventscope.events.syntax import (
    clause_verb,
    direct_objects,
    first_child,
    governors,
    has_child,
    prepositional_objects,
    reporting_verb,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline() -> Language:
    return nlp.load()


def word(pipeline: Language, text: str, wanted: str) -> Token:
    return next(t for t in pipeline(text) if t.text == wanted)


def test_a_noun_s_clause_verb_is_the_verb_it_hangs_from(pipeline: Language):
    talks = word(pipeline, "The two ministers held long talks in Cairo.", "talks")
    assert clause_verb(talks).lemma_ == "hold"
    assert clause_verb(clause_verb(talks)) == clause_verb(talks)  # a verb is its own


def test_governors_stop_at_the_reporting_clause(pipeline: Language):
    meet = word(pipeline, "The minister said that Egypt wants to meet Jordan.", "meet")
    chain = [t.lemma_ for t in governors(meet)]
    assert chain[:2] == ["meet", "want"] and "say" not in chain


def test_governors_stop_at_the_relative_clause(pipeline: Language):
    deployed = word(pipeline, "Chad, which has deployed troops, threatened to close the border.", "deployed")
    assert [t.lemma_ for t in governors(deployed)] == ["deploy"]


def test_prepositional_objects_by_label_and_word(pipeline: Language):
    talked = word(pipeline, "Egypt talked with Jordan about the border.", "talked")
    assert [t.text for t in prepositional_objects(talked, words=("with",))] == ["Jordan"]
    assert {t.text for t in prepositional_objects(talked)} == {"Jordan", "border"}
    attacked = word(pipeline, "The convoy was attacked by rebels.", "attacked")
    assert [t.text for t in prepositional_objects(attacked, ("agent",))] == ["rebels"]
    assert has_child(attacked, "nsubjpass") and first_child(attacked, "nsubjpass").text == "convoy"


@pytest.mark.parametrize(("text", "verb", "objects"), [
    ("Ghana signed a deal with Togo.", "signed", ["deal"]),
    ("The deal that Ghana signed with Togo expired.", "signed", ["deal"]),  # the pronoun's noun
    ("The loan Ghana received last year was repaid.", "received", ["loan"]),  # left unsaid
    ("Ghana said it would talk.", "said", []),
])
def test_direct_objects_read_relative_clauses(pipeline: Language, text: str, verb: str, objects: list[str]):
    assert [t.text for t in direct_objects(word(pipeline, text, verb))] == objects


SPEECH = frozenset({"say", "announce"})


@pytest.mark.parametrize(("text", "wanted", "reporter"), [
    ("Chile said that Peru had closed the border.", "closed", "said"),
    ("Peru has closed the border, Chile announced on Monday.", "closed", "announced"),
    ("Peru closed the border on Monday.", "closed", None),
])
def test_the_reporting_verb_is_above_or_after_the_clause(pipeline: Language, text, wanted, reporter):
    found = reporting_verb(word(pipeline, text, wanted), SPEECH)
    assert (found.text if found is not None else None) == reporter


def test_constructions_and_filters_are_named_and_ordered():
    assert list(CONSTRUCTIONS)[:2] == ["accusation", "praise"]
    assert {"denial", "commitment", "refusal", "obligation"} <= set(CONSTRUCTIONS)
    # a construction's own reading of a word ("was called back") goes before its content is judged
    # and a "request" that asks for nothing ("asked X about Y") before what it asks for is dropped
    assert list(FILTERS)[:6] == ["actorless", "other_readings", "not_requests", "requested", "transferred",
                                 "topics"]
