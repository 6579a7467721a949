"""Property: `eventscope.extract` never raises and always returns a valid document.

Thousands of random and malformed texts: arbitrary unicode, control characters,
very long words, unbalanced quotation marks, HTML fragments, empty text, and
political sentences cut and glued together at random.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscope.pipeline import Extractor
from eventscope.records import EVENT_TYPES, FACTUALITY, SECTORS, Actor, Document

pytestmark = pytest.mark.slow

SENTENCES = [
    "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Monday.",
    "The embassy was attacked by gunmen on Tuesday night.",
    "Jordan did not condemn the decision.",
    "President Emmanuel Macron will visit Algiers next week.",
    '"We support the Syrian people," he said.',
    "the Russian foreign minister called on Turkey to withdraw its troops.",
    "Iran rejected the sanctions announced by the European Union.",
    "CAIRO, (MENA) – Egypt sent 20 tonnes of medical aid to Sudan.",
    "Thursday, 26 July 2018",
    "date 2021-02-17",
]
PIECES = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(['"', "“", "”", "«", "»", "'", "‘", "’", "„"]),   # unbalanced quotes
    st.sampled_from(["<p>", "</p>", "<div class='share'>", "<script>alert(1)</script>", "&amp;",
                     "<br/>", "<!--", "-->", "<a href='#'>Share</a>", "<html><body>"]),
    st.sampled_from(["\n", "\n\n", "\r\n", "\t", "\x00", "\x0b", "\x0c", "\u2028", "\u200b", "\ufeff"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-", min_size=100, max_size=1500),
    st.sampled_from(["Putinsaid", "Al-Assadasserted", "Lavrovstressed", "Mr.", "U.S.", "...", "–", "—"]),
)
TEXTS = st.lists(PIECES, max_size=25).map(" ".join)
# About 1,600 texts in all: under a minute on two cores.
SETTINGS = settings(max_examples=800, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def assert_valid_actor(actor: Actor | None) -> None:
    if actor is None:
        return
    assert actor.name is None or (isinstance(actor.name, str) and actor.name.strip())
    assert actor.country is None or (len(actor.country) == 3 and actor.country.isupper())
    assert actor.sector is None or actor.sector in SECTORS


def assert_valid_document(document: Document, doc_id: str | None = None) -> None:
    assert isinstance(document, Document)
    assert isinstance(document.doc_id, str) and document.doc_id
    if doc_id:
        assert document.doc_id == doc_id
    text = document.text
    for event in document.events:
        assert event.type in EVENT_TYPES
        assert event.factuality in FACTUALITY
        assert isinstance(event.negated, bool)
        assert event.sentence and event.sentence in text
        assert event.trigger and event.trigger in event.sentence
        assert 0 <= event.sentence_start <= event.trigger_start < event.trigger_end <= event.sentence_end <= len(text)
        assert text[event.trigger_start:event.trigger_end] == event.trigger
        assert text[event.sentence_start:event.sentence_end].strip() == event.sentence
        assert event.source is not None or event.target is not None
        assert_valid_actor(event.source)
        assert_valid_actor(event.target)
    for quote in document.quotes:
        assert quote.text
        assert 0 <= quote.start < quote.end <= len(text)
        assert_valid_actor(quote.speaker)
    json.loads(json.dumps(document.to_dict()))  # serialisable, and parses back
    assert Document.from_dict(document.to_dict()).to_dict() == document.to_dict()


@SETTINGS
@given(text=st.text(max_size=400))
def test_any_unicode_text(extractor: Extractor, text: str):
    assert_valid_document(extractor.extract(text))


@SETTINGS
@given(text=TEXTS, publication_date=st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)))
def test_malformed_news_like_text(extractor: Extractor, text: str, publication_date: str | None):
    document = extractor.extract(text, doc_id="doc-1", publication_date=publication_date)
    assert_valid_document(document, "doc-1")


def test_empty_and_blank_texts(extractor: Extractor):
    for text in ("", " ", "\n\n\n", "\x00", '"'):
        document = extractor.extract(text)
        assert_valid_document(document)
        assert document.events == []
