"""Kill a real `eventscope ingest` mid-run (SIGKILL), run it again: nothing lost, nothing twice.

On DuckDB and on PostgreSQL (the store tests' private server, imported from
tests/store/conftest.py). The killed-and-resumed database must hold exactly
the documents and events of a clean, uninterrupted run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from eventscope.store import EventQuery, open_store
from store.conftest import postgres_server, postgres_url  # noqa: F401 - fixtures, shared
from test_engines_local import article_text

pytestmark = pytest.mark.slow
ARTICLES = 160
EVENTSCOPE = [str(Path(sys.executable).parent / "eventscope")]  # the installed command


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for n in range(ARTICLES):
        (folder / f"story-{n:04d}.txt").write_text(article_text(n), encoding="utf-8")
    return folder


def ingest(corpus: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen([*EVENTSCOPE, "ingest", str(corpus), "--db", db, "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> None:
    _, errors = process.communicate(timeout=900)
    assert process.returncode == 0, errors


def contents(db: str) -> tuple[list[str], Counter[str], list[str]]:
    """Stored document ids, events per document as stored, and all event ids."""
    with open_store(db) as store:
        documents = [d.doc_id for d in store.iter_documents()]
        events = store.find_events(EventQuery(limit=None))
    return sorted(documents), Counter(e["doc_id"] for e in events), sorted(e["id"] for e in events)


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory) -> tuple[list[str], Counter[str], list[str]]:
    db = str(tmp_path_factory.mktemp("clean") / "clean.duckdb")
    finish(ingest(corpus, db))
    return contents(db)


def kill_mid_run(corpus: Path, db: str, started: Callable[[], bool]) -> None:
    """Start ingest, SIGKILL it once it has stored something, then run it again to the end."""
    process = ingest(corpus, db)
    deadline = time.monotonic() + 600
    while not started():
        assert process.poll() is None, "ingest ended before it could be killed"
        assert time.monotonic() < deadline, "ingest stored nothing in 10 minutes"
        time.sleep(0.05)
    time.sleep(0.5)  # let it get into the middle of a document
    workers = children_of(process.pid)
    assert workers or not Path("/proc").is_dir(), "ingest runs no worker processes"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    # Its extraction workers do not outlive it (each would keep a model in memory).
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)], "worker processes outlived the killed ingest"


def children_of(pid: int) -> list[int]:
    """Process ids whose parent is `pid` (Linux /proc; empty elsewhere)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's bookkeeping is left


def check_resumed(corpus: Path, db: str, clean_run, partial: int) -> None:
    assert 0 < partial < ARTICLES, "the kill did not land mid-run"
    finish(ingest(corpus, db))
    documents, events, ids = contents(db)
    expected_documents, expected_events, expected_ids = clean_run
    assert len(expected_documents) == ARTICLES and sum(expected_events.values()) > ARTICLES
    assert documents == expected_documents  # none lost, none twice
    assert events == expected_events
    assert ids == expected_ids and len(ids) == len(set(ids))


def test_killed_ingest_resumes_on_duckdb(corpus, clean_run, tmp_path):
    db = str(tmp_path / "resumed.duckdb")
    # DuckDB allows one writing process, so progress is watched through its write-ahead log.
    wal = Path(db + ".wal")
    kill_mid_run(corpus, db, lambda: wal.exists() and wal.stat().st_size > 64 * 1024)
    with open_store(db) as store:
        partial = store.count_documents()
    check_resumed(corpus, db, clean_run, partial)


@pytest.mark.postgres
def test_killed_ingest_resumes_on_postgresql(corpus, clean_run, postgres_url):  # noqa: F811
    import psycopg

    def stored() -> int:
        try:
            with psycopg.connect(postgres_url) as conn:
                return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except psycopg.errors.UndefinedTable:
            return 0

    kill_mid_run(corpus, postgres_url, lambda: stored() >= 10)
    check_resumed(corpus, postgres_url, clean_run, stored())
