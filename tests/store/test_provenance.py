"""Stores know what made them, keep only what both backends can hold, and `ingest`
re-extracts what is stale or forced. Every test runs on DuckDB and on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import eventscope
from eventscope.cli import main
from eventscope.records import Actor, Document, Event, Quote
from eventscope.store import EventQuery, SaveOutcome, base, open_store, rows, schema
from eventscope.store.base import Store
from eventscope.store.identity import Maker, current_maker, fingerprint

OLD_MAKER = Maker("0.0.1", "0123456789abcdef")


def document(doc_id: str = "a1", title: str = "Talks") -> Document:
    sentence = "Lavrov met the Syrian delegation."
    return Document(doc_id=doc_id, title=title, publication_date="2020-03", text=sentence,
                    events=[Event(sentence=sentence, trigger="met", type="CONSULT",
                                  source=Actor("Sergey Lavrov", "RUS", "GOV"),
                                  target=Actor(None, "SYR", "GOV"))],
                    quotes=[Quote("We met", Actor("Sergey Lavrov", "RUS", "GOV"), 0, 6)])


def test_each_document_records_the_version_and_data_that_made_it(store):
    store.save_document(document(), "h1")
    stored = store.get_document("a1")
    assert stored["extractor_version"] == eventscope.__version__
    assert stored["data_fingerprint"] == current_maker().data_fingerprint
    assert store.count_stale() == 0


def test_the_fingerprint_follows_the_data_files(tmp_path: Path):
    (tmp_path / "lexicon.yaml").write_text("verbs: [meet]\n")
    (tmp_path / "dates.yaml").write_text("numbers: {}\n")
    before = fingerprint(tmp_path.iterdir())
    assert fingerprint(tmp_path.iterdir()) == before
    (tmp_path / "lexicon.yaml").write_text("verbs: [meet, visit]\n")
    assert fingerprint(tmp_path.iterdir()) != before


def test_documents_made_by_another_maker_are_stale_and_replaced(store_url, monkeypatch):
    with open_store(store_url) as old:
        monkeypatch.setattr(old, "maker", OLD_MAKER)
        old.save_document(document(), "h1")
        old.save_document(document("b2"), "h2")
    with open_store(store_url) as new:
        assert new.count_stale() == 2
        assert not new.has_document("a1", "h1")
        assert new.save_document(document(), "h1") is SaveOutcome.REPLACED
        assert new.has_document("a1", "h1")
        assert new.count_stale() == 1
        assert new.save_document(document(), "h1") is SaveOutcome.UNCHANGED


def test_force_replaces_an_unchanged_document(store):
    store.save_document(document(title="Old"), "h1")
    assert store.save_document(document(title="New"), "h1", force=True) is SaveOutcome.REPLACED
    assert store.get_document("a1")["title"] == "New"


def test_a_store_from_before_makers_is_upgraded_and_its_documents_are_stale(store_url,
                                                                           monkeypatch):
    previous = schema.MIGRATIONS[:3]
    with monkeypatch.context() as older:
        for module in (schema, base):
            older.setattr(module, "MIGRATIONS", previous)
        for module in (base, rows):
            older.setattr(module, "DOCUMENT_COLUMNS", schema.DOCUMENT_COLUMNS[:-2])
        with open_store(store_url) as old:
            assert old.schema_version() == 3
            with old._writing() as cursor:  # the row as the old schema held it
                old._insert(cursor, [(document(), "h1")])
    with open_store(store_url) as upgraded:
        assert upgraded.schema_version() == schema.latest_version() >= 4
        assert upgraded.get_document("a1")["extractor_version"] is None
        assert upgraded.count_stale() == 1
        assert upgraded.count_events(EventQuery()) == 1
        assert upgraded.save_document(document(), "h1") is SaveOutcome.REPLACED
        assert upgraded.count_stale() == 0


def test_characters_postgresql_refuses_are_stored_the_same_on_both_backends(store):
    sentence = "Lavrov\x00met the Syrian\ud800delegation."
    odd = Document(doc_id="n\x00ul", title="T\x00", text=sentence, source="Wire\x01",
                   events=[Event(sentence=sentence, trigger="met\x00", type="CONSULT",
                                 source=Actor("Sergey\x00Lavrov", "RUS", "GOV"), target=None)],
                   quotes=[Quote("We\x00met", None, 0, 6)])
    assert store.save_document(odd) is SaveOutcome.INSERTED
    kept = store.load_document("n ul")
    assert (kept.title, kept.text, kept.source) == (
        "T ", "Lavrov met the Syrian\ufffddelegation.", "Wire ")
    assert len(kept.text) == len(sentence)  # one character for one: offsets stay valid
    assert (kept.events[0].trigger, kept.events[0].source.name) == ("met ", "Sergey Lavrov")
    assert kept.quotes[0].text == "We met"
    assert store.save_document(odd) is SaveOutcome.UNCHANGED


# ---------------------------------------------------------------- eventscope ingest

@pytest.mark.slow
def test_ingest_refreshes_stale_documents_and_force_replaces(store_url, tmp_path, monkeypatch):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a", "text": "Egypt condemned the air strike on Rafah.\u0000"}) + "\n"
        + json.dumps({"id": "b", "text": "Turkey's minister met Jordan's king in Amman."}) + "\n",
        encoding="utf-8")

    def ingest(*extra: str) -> str:
        result = CliRunner().invoke(main, ["ingest", str(feed), "--db", store_url,
                                           "--workers", "1", "-q", *extra])
        assert result.exit_code == 0, result.output
        return result.stderr

    assert "2 documents stored (2 new, 0 replaced)" in ingest()
    assert "0 documents stored (0 new, 0 replaced) with 0 events, 2 unchanged" in ingest()
    assert "2 documents stored (0 new, 2 replaced)" in ingest("--force")
    with open_store(store_url) as opened:
        monkeypatch.setattr(opened, "maker", OLD_MAKER)
        opened.save_document(document("c3"), "h3")  # stored by an older eventscope
        opened.save_document(opened.load_document("a"), "made-before")
    report = ingest()
    assert "1 document stored (0 new, 1 replaced)" in report and "1 unchanged" in report
    assert "1 other stored document was extracted by another eventscope version" in report
    monkeypatch.setattr(Store, "maker", OLD_MAKER)  # as if the data files had changed since
    assert "2 documents stored (0 new, 2 replaced)" in ingest()


def test_a_value_the_database_refuses_costs_only_its_document(store):
    from dataclasses import replace

    from eventscope.store import DocumentRejected

    odd = document("odd")
    odd.events = [replace(odd.events[0], sentence_index=2**40)]  # no INTEGER holds it
    with pytest.raises(DocumentRejected):
        store.save_document(odd)
    assert store.save_document(document("next")) is SaveOutcome.INSERTED
    assert store.get_document("odd") is None and store.count_documents() == 1


@pytest.mark.slow
def test_ingest_names_a_refused_document_and_stores_the_rest(tmp_path, monkeypatch):
    from eventscope.store import DocumentRejected

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "Egypt condemned the air strike."}) + "\n"
                    + json.dumps({"id": "b", "text": "Jordan's king met Turkey's minister."})
                    + "\n", encoding="utf-8")
    save = Store.save_document

    def refuse_a(self, document, *args, **kwargs):
        if document.doc_id == "a":  # as a database refuses a value out of its range
            raise DocumentRejected("the database refused a value: integer out of range")
        return save(self, document, *args, **kwargs)

    monkeypatch.setattr(Store, "save_document", refuse_a)
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(feed), "--db", db, "--workers", "1", "-q"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"eventscope: {feed}:1: the database refused a value: integer out of range")
    with open_store(db) as opened:
        assert [d.doc_id for d in opened.iter_documents()] == ["b"]
