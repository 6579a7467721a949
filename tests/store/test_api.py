"""The query API over the seed articles, extracted by the real pipeline, on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from eventscope.analysis import FLAT_COLUMNS
from eventscope.api import create_app
from eventscope.records import Document
from eventscope.store import article_hash

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def extracted_seeds(seeds_dir: Path) -> list[tuple[Document, str]]:
    """The seed articles through the real extractor, with their input hashes."""
    from eventscope.ingest import read_inputs
    from eventscope.pipeline import Extractor

    articles = list(read_inputs(sorted(str(p) for p in seeds_dir.glob("*.txt"))))
    documents = list(Extractor().extract_articles(articles))
    assert all(isinstance(d, Document) for d in documents)
    return [(doc, article_hash(article)) for doc, article in zip(documents, articles, strict=True)]


@pytest.fixture
def client(store, extracted_seeds) -> TestClient:
    for document, content_hash in extracted_seeds:
        store.save_document(document, content_hash)
    return TestClient(create_app(store=store))


@pytest.fixture
def all_events(client) -> list[dict]:
    return client.get("/api/events", params={"limit": 1000}).json()["items"]


def test_every_seed_is_stored_with_its_events(client, extracted_seeds, all_events):
    assert len(all_events) == sum(len(doc.events) for doc, _ in extracted_seeds) > 0
    for document, _ in extracted_seeds:
        stored = client.get(f"/api/documents/{document.doc_id}").json()
        assert stored["text"] == document.text
        assert [e["id"] for e in stored["events"]] == [e.event_id for e in document.events]
        assert len(stored["quotes"]) == len(document.quotes)


def test_pages_add_up_to_the_total(client, all_events):
    total = len(all_events)
    seen = []
    for offset in range(0, total + 10, 10):
        page = client.get("/api/events", params={"limit": 10, "offset": offset, "sort": "-date"})
        assert page.json()["total"] == total
        seen += [e["id"] for e in page.json()["items"]]
    assert sorted(seen) == sorted(e["id"] for e in all_events)


def test_filters_return_only_matching_events(client, all_events):
    some_type = all_events[0]["type"]
    typed = client.get("/api/events", params={"type": some_type, "limit": 1000}).json()
    assert typed["total"] == sum(e["type"] == some_type for e in all_events)
    assert {e["type"] for e in typed["items"]} == {some_type}

    country = next(e["source_country"] for e in all_events if e["source_country"])
    either = client.get("/api/events", params={"country": country, "limit": 1000}).json()
    assert either["total"] == sum(country in (e["source_country"], e["target_country"])
                                  for e in all_events)

    word = all_events[0]["sentence"].split()[2]
    found = client.get("/api/events", params={"q": word.upper(), "limit": 1000}).json()["items"]
    assert found and all(word.lower() in e["sentence"].lower() for e in found)


def test_sorting_by_date_descending(client):
    dates = [e["date"] for e in client.get(
        "/api/events", params={"sort": "-date", "limit": 1000}).json()["items"] if e["date"]]
    starts = [d + "-01" * (2 - d.count("-")) for d in dates]  # a period sorts by its first day
    assert starts == sorted(starts, reverse=True)


def test_one_event_with_its_document_and_evidence(client, all_events):
    event = next(e for e in all_events if e["sentence_start"] is not None)
    found = client.get(f"/api/events/{event['id']}").json()
    document = client.get(f"/api/documents/{event['doc_id']}").json()
    evidence = found["evidence"]
    assert found["document"]["doc_id"] == event["doc_id"]
    assert found["document"]["title"] == document["title"]
    text = document["text"]
    assert text[evidence["trigger_start"]:evidence["trigger_end"]] == event["trigger"]
    assert evidence["sentence_start"] <= evidence["trigger_start"] < evidence["sentence_end"]


def test_unknown_ids_are_404_in_json(client):
    for path in ("/api/events/nope:0", "/api/documents/nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert "nope" in response.json()["detail"]


@pytest.mark.parametrize(("params", "status"), [
    ({"limit": 1001}, 422), ({"limit": 0}, 422), ({"offset": -1}, 422),
    ({"sort": "sentence"}, 400), ({"type": "HUG"}, 400), ({"dyad": "RUS"}, 400),
    ({"date_from": "last week"}, 422), ({"date_from": "2020-02-01", "date_to": "2020-01-01"}, 400),
    ({"factuality": "rumoured"}, 422), ({"negated": "perhaps"}, 422), ({"q": "x" * 201}, 422),
])
def test_bad_parameters_get_a_json_4xx(client, params, status):
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.json()["detail"]


def test_actors_are_counted(client, all_events):
    page = client.get("/api/actors", params={"limit": 1000}).json()
    sides = sum(bool(e[f"{s}_name"] or e[f"{s}_country"]) for e in all_events
                for s in ("source", "target"))
    assert sum(a["event_count"] for a in page["items"]) == sides
    named = next(a for a in page["items"] if a["name"])
    matching = client.get("/api/actors", params={"q": named["name"][:4].lower()}).json()["items"]
    assert named in matching


def test_quotes_by_document(client, extracted_seeds):
    document = max((doc for doc, _ in extracted_seeds), key=lambda d: len(d.quotes))
    quotes = client.get("/api/quotes", params={"doc_id": document.doc_id}).json()
    assert [q["text"] for q in quotes["items"]] == [q.text for q in document.quotes]


def test_dyad_series_counts_the_dyads_events(client, all_events):
    pair = next(e for e in all_events if e["source_country"] and e["target_country"]
                and e["source_country"] != e["target_country"])
    a, b = pair["source_country"], pair["target_country"]
    series = client.get(f"/api/dyads/{a}/{b}/series", params={"by": "month"}).json()
    between = client.get("/api/events", params={
        "dyad": f"{a},{b}", "negated": "false", "limit": 1000}).json()["items"]
    counted = [e for e in between if e["factuality"] == "asserted"]   # the default
    assert series["count"] == "mentions" and series["include"] == ["asserted"]
    assert sum(p["total"] for p in series["periods"]) + series["undated"] \
        + series["out_of_range"] == len(counted)
    assert series["undated"] == sum(not e["date"] or len(e["date"]) < 7 for e in counted)
    assert all(p["period"].endswith("-01") for p in series["periods"])
    assert client.get(f"/api/dyads/{a}/{b}/series", params={"by": "day"}).status_code == 422


def test_downloads_hold_the_same_events_as_the_query(client, all_events):
    some_type = all_events[0]["type"]
    expected = sorted(e["id"] for e in all_events if e["type"] == some_type)
    params = {"type": some_type}

    csv_response = client.get("/api/events.csv", params=params)
    assert csv_response.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(csv_response.text))
    assert tuple(reader.fieldnames) == FLAT_COLUMNS
    assert sorted(row["event_id"] for row in reader) == expected

    jsonl = client.get("/api/events.jsonl", params=params)
    records = [json.loads(line) for line in jsonl.text.splitlines()]
    assert sorted(r["event_id"] for r in records) == expected
    assert {r["type"] for r in records} == {some_type}

    parquet = client.get("/api/events.parquet", params=params)
    table = pq.read_table(io.BytesIO(parquet.content))
    assert sorted(table.column("event_id").to_pylist()) == expected


def test_openapi_docs_are_served(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/actors", "/api/quotes", "/api/events.csv"} <= set(paths)


def test_post_extracts_and_stores_an_article(store):
    client = TestClient(create_app(store=store, token="s3cret"))
    auth = {"Authorization": "Bearer s3cret"}
    article = {"id": "posted-1", "title": "Talks", "publication_date": "2021-05-04",
               "text": "Moscow, 4 May - Russian Foreign Minister Sergey Lavrov met his Turkish "
                       "counterpart Mevlut Cavusoglu in Moscow on Tuesday."}
    created = client.post("/api/documents", json=article, headers=auth)
    assert created.status_code == 201 and created.json()["status"] == "inserted"
    assert client.post("/api/documents", json=article, headers=auth).json()["status"] == "unchanged"
    changed = client.post("/api/documents", json={**article, "text": article["text"] + " More."},
                          headers=auth)
    assert changed.json()["status"] == "replaced"
    stored = client.get("/api/documents/posted-1").json()
    assert stored["text"].endswith("More.") and stored["title"] == "Talks"
    missing = client.post("/api/documents", json={"id": "x", "title": "no text"}, headers=auth)
    assert missing.status_code == 422


def test_clusters_after_merge_list_the_events_reported_more_than_once(store, client):
    from eventscope.merge import merge_store

    merge_store(store)
    clusters = client.get("/api/clusters", params={"min_mentions": 2}).json()["items"]
    assert clusters and all(c["n_mentions"] >= 2 for c in clusters)
    first = clusters[0]
    assert client.get(f"/api/clusters/{first['id']}").json()["id"] == first["id"]
    members = client.get("/api/events", params={"cluster": first["id"], "limit": 100}).json()
    assert members["total"] == first["n_mentions"]
    assert {e["cluster_id"] for e in members["items"]} == {first["id"]}
    assert {e["type"] for e in members["items"]} == {first["type"]}
    assert client.get("/api/clusters/cl_no_such_cluster").status_code == 404
    assert client.get("/api/clusters", params={"min_mentions": 0}).status_code == 422
