"""The storage suite; every test runs on DuckDB and on a real PostgreSQL server."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventscope.records import Actor, Document, Event, Location, Quote
from eventscope.store import EventQuery, SaveOutcome, StoreError, open_store
from eventscope.store.schema import latest_version

RUS = Actor("Sergey Lavrov", "RUS", "GOV")
SYR = Actor(None, "SYR", "GOV")
TUR = Actor("Recep Tayyip Erdoğan", "TUR", "GOV")
REBELS = Actor("Hayat Tahrir al-Sham", None, "REB")


def event(sentence: str, type_: str, source: Actor | None, target: Actor | None, **extra) -> Event:
    return Event(sentence=sentence, trigger=sentence.split()[1], type=type_, source=source,
                 target=target, **extra)


def sample_documents() -> list[Document]:
    first = Document(
        doc_id="a1", title="Talks in Moscow", publication_date="2020-03-10", dateline="Moscow",
        text="Lavrov met the Syrian delegation. Lavrov condemned the shelling of Idlib.",
        events=[
            event("Lavrov met the Syrian delegation.", "CONSULT", RUS, SYR, mode="visit",
                  date="2020-03-09", intensity=1.0, sentence_start=0, sentence_end=33),
            event("Lavrov condemned the shelling of Idlib.", "ACCUSE", RUS, REBELS,
                  date="2020-03", intensity=-2.0, location=Location("Idlib", "SYR", 35.9, 36.6),
                  cluster_id="c-1"),
        ],
        quotes=[Quote("We will keep working together", RUS, 10, 40)],
    )
    second = Document(
        doc_id="b2", title="Ankara warns", publication_date="2020-04-02",
        text="Erdoğan warned Damascus. Damascus did not reject the plan.",
        events=[
            event("Erdoğan warned Damascus.", "THREATEN", TUR, SYR, date="2020-04-01",
                  intensity=-4.5, factuality="asserted"),
            event("Damascus did not reject the plan.", "REJECT", SYR, TUR, negated=True,
                  factuality="hypothetical"),
        ],
    )
    return [first, second]


def ids(rows: list[dict]) -> list[str]:
    return [row["id"] for row in rows]


@pytest.fixture
def filled(store):
    for document in sample_documents():
        store.save_document(document)
    return store


def test_schema_is_created_once_and_versioned(store_url):
    with open_store(store_url) as first:
        assert first.schema_version() == latest_version()
    with open_store(store_url) as again:  # reopening migrates nothing twice
        assert again.schema_version() == latest_version()
        assert again.count_documents() == 0


def test_an_older_database_is_upgraded_with_its_data(store_url, monkeypatch):
    from eventscope.store import base, rows, schema

    with monkeypatch.context() as older:
        older.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
        older.setattr(base, "MIGRATIONS", schema.MIGRATIONS[:2])
        # before migration 4, documents did not record what made them
        older.setattr(base, "DOCUMENT_COLUMNS", schema.DOCUMENT_COLUMNS[:-2])
        older.setattr(rows, "DOCUMENT_COLUMNS", schema.DOCUMENT_COLUMNS[:-2])
        with open_store(store_url) as old:
            assert old.schema_version() == 2
            with old._writing() as cursor:  # the rows as the old schema held them
                old._insert(cursor, [(document, str(n)) for n, document
                                     in enumerate(sample_documents())])
    with open_store(store_url) as upgraded:
        assert upgraded.schema_version() == latest_version()
        assert upgraded.count_events(EventQuery()) == 4
        found = upgraded.find_events(EventQuery(q="SHELLING of"))
        assert ids(found) == ["a1:1"]
        # Search helpers a backend keeps for itself are not part of an event.
        assert "sentence_folded" not in found[0]


def test_saving_the_same_document_twice_changes_nothing(store):
    document = sample_documents()[0]
    assert store.save_document(document, "hash-1") is SaveOutcome.INSERTED
    assert store.has_document("a1", "hash-1")
    assert not store.has_document("a1", "hash-2")
    assert store.save_document(document, "hash-1") is SaveOutcome.UNCHANGED
    assert store.count_documents() == 1
    assert store.count_events(EventQuery()) == 2


def test_a_changed_document_replaces_its_old_events(store):
    document = sample_documents()[0]
    store.save_document(document, "v1")
    changed = replace(document, events=[document.events[1]], quotes=[])
    assert store.save_document(changed, "v2") is SaveOutcome.REPLACED
    rows = store.find_events(EventQuery(doc_id="a1"))
    assert [row["type"] for row in rows] == ["ACCUSE"]
    assert store.find_quotes(doc_id="a1")[1] == 0
    assert store.has_document("a1", "v2")


def test_a_failure_mid_save_leaves_the_old_version_intact(store):
    document = sample_documents()[0]
    store.save_document(document, "v1")
    broken = replace(document, title="New title",
                     events=[document.events[0], replace(document.events[1], type=None)])
    with pytest.raises(StoreError):
        store.save_document(broken, "v2")
    assert store.has_document("a1", "v1")
    kept = store.load_document("a1")
    assert kept.title == "Talks in Moscow"
    assert [e.type for e in kept.events] == ["CONSULT", "ACCUSE"]


def test_a_document_round_trips_every_field(store):
    document = sample_documents()[0]
    store.save_document(document)
    loaded = store.load_document("a1")
    assert loaded.text == document.text
    assert loaded.quotes == document.quotes
    for stored, original in zip(loaded.events, document.events, strict=True):
        assert replace(stored, event_id=None) == original
    assert store.load_document("missing") is None


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(types=("ACCUSE", "THREATEN")), ["a1:1", "b2:0"]),
    (EventQuery(mode="visit"), ["a1:0"]),
    (EventQuery(source="sergey lavrov"), ["a1:0", "a1:1"]),
    (EventQuery(source="tur"), ["b2:0"]),
    (EventQuery(target="SYR"), ["a1:0", "b2:0"]),
    (EventQuery(actor="Recep Tayyip Erdoğan"), ["b2:0", "b2:1"]),
    (EventQuery(country="syr"), ["a1:0", "b2:0", "b2:1"]),
    (EventQuery(dyad=("SYR", "TUR")), ["b2:0", "b2:1"]),
    (EventQuery(dyad=("Sergey Lavrov", "SYR")), ["a1:0"]),
    (EventQuery(date_from=date(2020, 3, 15)), ["a1:1", "b2:0"]),   # the month overlaps
    (EventQuery(date_from=date(2020, 3, 1), date_to=date(2020, 3, 9)), ["a1:0", "a1:1"]),
    (EventQuery(date_to=date(2020, 2, 28)), []),
    (EventQuery(factuality="hypothetical"), ["b2:1"]),
    (EventQuery(negated=True), ["b2:1"]),
    (EventQuery(negated=False, types=("REJECT",)), []),
    (EventQuery(q="SHELLING of"), ["a1:1"]),
    (EventQuery(q="%"), []),  # wildcards are plain characters
    (EventQuery(doc_id="b2"), ["b2:0", "b2:1"]),
    (EventQuery(cluster="c-1"), ["a1:1"]),
])
def test_filters(filled, query, expected):
    assert ids(filled.find_events(query)) == expected
    assert filled.count_events(query) == len(expected)


def test_sorting_puts_missing_values_last_both_ways(filled):
    assert ids(filled.find_events(EventQuery(sort="-intensity"))) == ["a1:0", "a1:1", "b2:0", "b2:1"]
    assert ids(filled.find_events(EventQuery(sort="intensity"))) == ["b2:0", "a1:1", "a1:0", "b2:1"]
    assert ids(filled.find_events(EventQuery(sort="-date")))[0] == "b2:0"
    with pytest.raises(ValueError, match="unknown sort key"):
        filled.find_events(EventQuery(sort="sentence; DROP TABLE events"))


def test_pages_cover_every_event_once(store):
    documents = [replace(sample_documents()[0], doc_id=f"doc{i:02d}") for i in range(12)]
    assert store.save_documents(documents, batch_size=5) == 12
    seen = []
    for offset in range(0, 30, 7):
        seen += ids(store.find_events(EventQuery(sort="-date", limit=7, offset=offset)))
    assert len(seen) == len(set(seen)) == 24
    batches = list(store.iter_events(EventQuery(limit=None), batch_size=10))
    assert [len(b) for b in batches] == [10, 10, 4]


def test_bulk_saving_replaces_documents_with_the_same_id(store):
    document = sample_documents()[0]
    store.save_documents([document])
    store.save_documents([replace(document, events=document.events[:1])])
    assert store.count_events(EventQuery()) == 1


def test_actors_are_counted_on_either_side(filled):
    actors, total = filled.find_actors()
    assert total == 4
    syria = next(a for a in actors if a["country"] == "SYR" and a["name"] is None)
    assert (syria["event_count"], syria["source_count"], syria["target_count"]) == (3, 1, 2)
    assert actors[0]["event_count"] >= actors[-1]["event_count"]
    found, _ = filled.find_actors(q="erdoğan")
    assert [a["name"] for a in found] == ["Recep Tayyip Erdoğan"]


def test_quotes_are_found_by_speaker_and_text(filled):
    quotes, total = filled.find_quotes(speaker="RUS")
    assert total == 1 and quotes[0]["speaker_name"] == "Sergey Lavrov"
    assert filled.find_quotes(q="nothing like this")[1] == 0


def test_unicode_survives_storage_and_search(store):
    text = "Президент встретился с «делегацией» — 会谈 🤝 in Zürich; وزير الخارجية"
    document = Document(doc_id="ünï-1", title="Zürich “talks”", text=text, events=[
        event(text, "CONSULT", Actor("Владимир Путин", "RUS", "GOV"), TUR)])
    store.save_document(document)
    loaded = store.load_document("ünï-1")
    assert loaded.text == text and loaded.title == "Zürich “talks”"
    assert loaded.events[0].source.name == "Владимир Путин"
    assert ids(store.find_events(EventQuery(q="会谈 🤝"))) == ["ünï-1:0"]
    assert ids(store.find_events(EventQuery(source="Владимир Путин"))) == ["ünï-1:0"]


def test_seed_gold_documents_round_trip(store, seed_documents):
    for document in seed_documents:
        store.save_document(document)
    assert store.count_documents() == len(seed_documents)
    assert store.count_events(EventQuery()) == sum(len(d.events) for d in seed_documents)
    for document in seed_documents:
        loaded = store.load_document(document.doc_id)
        assert [e.to_dict() | {"event_id": None} for e in loaded.events] == [
            e.to_dict() for e in document.events]
        assert loaded.quotes == document.quotes
