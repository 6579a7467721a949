"""Fixtures for the store and API tests: a database per test on each backend.

PostgreSQL: a private server started once per session from Debian's
`postgresql` package (installed with apt when missing and we are root), or the
server named by $EVENTSCOPE_TEST_POSTGRES (a URL of a database whose user may
CREATE DATABASE). Every test gets its own fresh database.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventscope.records import Document
from eventscope.store import Store, open_store
from pgserver import PostgresServer, PostgresUnavailable, find_bindir

_database_numbers = itertools.count()


def _install_postgresql() -> None:
    """apt-get install postgresql, when that is possible here (root with apt)."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return
    subprocess.run(["apt-get", "install", "-y", "-q", "postgresql"], capture_output=True,
                   timeout=600, check=False,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


class _ExternalServer:
    """A server someone else runs (CI): new databases through its admin URL."""

    def __init__(self, url: str):
        self.admin_url = url

    def create_database(self, name: str) -> str:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        info = psycopg.conninfo.conninfo_to_dict(self.admin_url)
        info["dbname"] = name
        return psycopg.conninfo.make_conninfo(**info)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer | _ExternalServer]:
    external = os.environ.get("EVENTSCOPE_TEST_POSTGRES")
    if external:
        yield _ExternalServer(external)
        return
    try:
        find_bindir()
    except PostgresUnavailable:
        _install_postgresql()
    try:
        server = PostgresServer.start()
    except PostgresUnavailable as error:
        pytest.skip(str(error))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    return postgres_server.create_database(f"eventscope_test_{os.getpid()}_"
                                           f"{next(_database_numbers)}")


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database on each backend."""
    if request.param == "duckdb":
        return str(tmp_path / "test.duckdb")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def seed_documents(seeds_dir: Path) -> list[Document]:
    """The seed gold records, each with its article text attached."""
    documents = []
    for gold in sorted((seeds_dir / "gold").glob("*.json")):
        document = Document.from_dict(json.loads(gold.read_text(encoding="utf-8")))
        article = seeds_dir / f"{gold.stem}.txt"
        if article.exists():
            document.text = article.read_text(encoding="utf-8")
        documents.append(document)
    return documents
