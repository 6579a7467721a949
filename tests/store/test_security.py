"""Hostile input: markup and SQL in articles and filters, missing tokens, huge bodies."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventscope.api import create_app
from eventscope.records import Actor, Document, Event, Quote
from eventscope.store import EventQuery

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SQL = "'; DROP TABLE events; --"
HOSTILE_SENTENCE = f"Russia condemned Turkey {SCRIPT} after {IMG} and {SQL} was posted."


def hostile_document() -> Document:
    return Document(
        doc_id="hostile-1", title=f"Title {SCRIPT}", dateline=IMG,
        text=f"Intro line.\n{HOSTILE_SENTENCE}\n", url="javascript:alert(1)",
        events=[Event(sentence=HOSTILE_SENTENCE, trigger="condemned", type="ACCUSE",
                      source=Actor(f"Name {IMG}", "RUS", "GOV"), target=Actor(SQL, "TUR", "GOV"),
                      attribution=SCRIPT, sentence_start=12, sentence_end=12 + len(HOSTILE_SENTENCE))],
        quotes=[Quote(f"{SCRIPT} {SQL}", Actor(IMG, None, None))],
    )


@pytest.fixture
def hostile_store(store):
    store.save_document(hostile_document())
    return store


@pytest.fixture
def client(hostile_store) -> TestClient:
    return TestClient(create_app(store=hostile_store, token="right-token"))


def test_markup_and_sql_come_back_intact_as_json_data(client):
    response = client.get("/api/documents/hostile-1")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    document = response.json()
    assert document["title"] == f"Title {SCRIPT}" and document["dateline"] == IMG
    assert HOSTILE_SENTENCE in document["text"]
    event = document["events"][0]
    assert event["sentence"] == HOSTILE_SENTENCE
    assert (event["source_name"], event["target_name"], event["attribution"]) == (
        f"Name {IMG}", SQL, SCRIPT)
    assert document["quotes"][0]["text"] == f"{SCRIPT} {SQL}"
    single = client.get(f"/api/events/{event['id']}")
    assert single.headers["content-type"] == "application/json"
    assert single.json()["evidence"]["sentence"] == HOSTILE_SENTENCE


@pytest.mark.parametrize("params", [
    {"q": SQL}, {"q": "' OR '1'='1"}, {"q": "%"}, {"q": "_"}, {"source": "x' OR '1'='1"},
    {"actor": SQL}, {"country": "RUS' --"}, {"doc_id": "' OR ''='"}, {"dyad": f"RUS,{SQL}"},
    {"cluster": "1; DELETE FROM documents"}, {"mode": "$1"}, {"q": "?"}, {"q": "%s"},
    {"type": "ACCUSE' OR 1=1 --"}, {"sort": "date; DROP TABLE events"},
    {"sort": "-(SELECT 1)"}, {"date_from": "2020-01-01'; --"}, {"negated": "true OR 1=1"},
])
def test_injection_attempts_in_filters_are_data_or_refused(client, hostile_store, params):
    before = hostile_store.count_events(EventQuery())
    response = client.get("/api/events", params=params)
    assert response.status_code in (200, 400, 422)
    assert response.headers["content-type"] == "application/json"
    if response.status_code == 200:
        for event in response.json()["items"]:  # what matches really matches, as text
            assert event["id"] == "hostile-1:0"
    assert hostile_store.count_events(EventQuery()) == before
    assert hostile_store.count_documents() == 1


def test_a_search_for_the_sql_string_finds_it_as_text(client):
    found = client.get("/api/events", params={"q": SQL}).json()
    assert [e["id"] for e in found["items"]] == ["hostile-1:0"]
    assert client.get("/api/events", params={"target": SQL}).json()["total"] == 1
    assert client.get("/api/quotes", params={"q": SQL}).json()["total"] == 1
    assert client.get("/api/actors", params={"q": SQL}).json()["total"] == 1


def test_hostile_paths_are_plain_not_found(client):
    for path in ("/api/documents/../../etc/passwd", "/api/events/' OR '1'='1",
                 f"/api/documents/{SCRIPT}"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/json"


def test_downloads_keep_the_text_as_data(client):
    assert SQL in client.get("/api/events.csv").text
    jsonl = client.get("/api/events.jsonl")
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert jsonl.headers["x-content-type-options"] == "nosniff"


ARTICLE = {"id": "new-1", "text": "Russia condemned Turkey on Monday."}


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong-token"}, {"Authorization": "right-token"},
    {"Authorization": "Basic right-token"}, {"Authorization": "Bearer "},
    {"Authorization": "Bearer right-token-and-more"},
])
def test_post_without_the_right_token_is_refused(client, hostile_store, headers):
    response = client.post("/api/documents", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert hostile_store.count_documents() == 1


def test_without_a_configured_token_the_server_is_read_only(hostile_store, monkeypatch):
    monkeypatch.delenv("EVENTSCOPE_TOKEN", raising=False)
    client = TestClient(create_app(store=hostile_store))
    for headers in ({}, {"Authorization": "Bearer anything"}):
        response = client.post("/api/documents", json=ARTICLE, headers=headers)
        assert response.status_code == 403
        assert "read-only" in response.json()["detail"]
    assert client.get("/api/events").status_code == 200


def test_oversized_bodies_are_refused_before_reading_them(hostile_store):
    client = TestClient(create_app(store=hostile_store, token="t", max_body_bytes=1000))
    auth = {"Authorization": "Bearer t"}
    big = {"id": "big", "text": "x" * 2000}
    assert client.post("/api/documents", json=big, headers=auth).status_code == 413

    def chunks():  # no Content-Length: the limit must still hold
        for _ in range(10):
            yield b"x" * 200

    response = client.post("/api/documents", content=chunks(), headers={
        **auth, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert "larger than 1000 bytes" in response.json()["detail"]
    assert hostile_store.count_documents() == 1


def test_the_default_limit_is_two_megabytes(hostile_store):
    client = TestClient(create_app(store=hostile_store, token="t"))
    body = b'{"text": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    response = client.post("/api/documents", content=body, headers={
        "Authorization": "Bearer t", "Content-Type": "application/json"})
    assert response.status_code == 413


def test_csv_downloads_defuse_spreadsheet_formulas(store):
    formula = '=HYPERLINK("http://evil.example","click")'
    store.save_document(Document(
        doc_id="formula-1", text=formula, events=[Event(
            sentence=formula, trigger="click", type="ACCUSE", source=Actor("@SUM(1+1)", "RUS", "GOV"),
            target=Actor("-2+3", "TUR", "GOV"), attribution="+cmd", intensity=-2.0)]))
    client = TestClient(create_app(store=store))
    import csv as csv_module
    import io

    row = next(csv_module.DictReader(io.StringIO(client.get("/api/events.csv").text)))
    assert row["sentence"] == "'" + formula
    assert (row["source_name"], row["target_name"], row["attribution"]) == ("'@SUM(1+1)", "'-2+3", "'+cmd")
    assert row["intensity"] == "-2.0"          # numbers stay numbers
    # JSON is not a spreadsheet: the text comes back as it was.
    assert client.get("/api/events").json()["items"][0]["sentence"] == formula
