"""`POST /api/documents` with hostile bodies: a 2xx or a 4xx with the reason, never a 500."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from fastapi.testclient import TestClient

from eventscope import pipeline
from eventscope.api import create_app
from eventscope.records import Article, Document

AUTH = {"Authorization": "Bearer s3cret", "Content-Type": "application/json"}


class EdgeExtractor:
    """Stands in for the spaCy pipeline: a text saying TOO-LONG fails as spaCy's E088 does."""

    def __init__(self, model: str | None = None):
        pass

    def extract_articles(self, articles: Iterable[Article]) -> Iterator[Document]:
        for article in articles:
            if "TOO-LONG" in (article.text or ""):
                raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000. "
                                 "The parser and NER models require roughly 1GB")
            yield Document(doc_id=article.doc_id, text=article.text or "",
                           publication_date=article.publication_date, title=article.title)


@pytest.fixture
def client(store, monkeypatch) -> TestClient:
    monkeypatch.setattr(pipeline, "Extractor", EdgeExtractor)
    return TestClient(create_app(store=store, token="s3cret"), raise_server_exceptions=False)


@pytest.mark.parametrize("body, status, reason", [
    (b'{"id": "s", "text": "Talks \\ud800 resumed \\u0000 today."}', 201, None),
    (b'{"id": "m", "text": "Talks resumed.", "publication_date": "2021-05"}', 201, None),
    (b'{"id": "e", "text": "TOO-LONG"}', 422, "extraction failed (ValueError: [E088]"),
    (b'{"text": "x", "publication_date": "2021-13"}', 422, "not a date: '2021-13'"),
    (b'{"text": "x", "id": "\\u0000\\ud800"}', 422, "valid string"),
    (b"[" * 100_000 + b"]" * 100_000, 400, "error parsing the body"),
    (b'{"text": ' + b"9" * 5000 + b"}", 400, "error parsing the body"),
])
def test_hostile_bodies_get_an_answer_with_the_reason(client, body: bytes, status: int,
                                                      reason: str | None):
    response = client.post("/api/documents", content=body, headers=AUTH)
    assert response.status_code == status, response.text
    if reason:
        assert reason in response.text
    else:
        assert response.json()["status"] == "inserted"


def test_stored_text_is_what_both_backends_can_hold(client):
    client.post("/api/documents", content=b'{"id": "s", "text": "A\\u0000B \\ud800"}', headers=AUTH)
    assert client.get("/api/documents/s").json()["text"] == "A B \ufffd"
    posted = client.post("/api/documents", json={"id": "m", "text": "Talks.",
                                                 "publication_date": "2021-05"}, headers=AUTH)
    assert posted.status_code == 201
    assert client.get("/api/documents/m").json()["publication_date"] == "2021-05"
