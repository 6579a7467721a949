"""Browser-test fixtures: the real API app over a DuckDB store of test articles, served by
uvicorn on a free loopback port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_articles import all_articles

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
VIEWPORT = {"width": 1366, "height": 768}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A DuckDB file holding the test articles."""
    from eventscope.store import open_store

    path = str(tmp_path_factory.mktemp("web") / "events.duckdb")
    with open_store(path) as store:
        store.migrate()
        for document in all_articles():
            store.save_document(document)
    return path


def serving(db_path: str) -> Iterator[str]:
    """The base URL of the real application (no write token: read-only) over `db_path`."""
    import uvicorn

    from eventscope.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(db_url=db_path, token=""), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    uvi = uvicorn.Server(config)
    thread = threading.Thread(target=uvi.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvi.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvi.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(seeded_db: str) -> Iterator[str]:
    """The base URL of the real application serving `seeded_db`."""
    yield from serving(seeded_db)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A DuckDB file of the example articles (examples/), extracted by the real pipeline and
    merged, as `make demo` stores them."""
    from eventscope.ingest import read_inputs
    from eventscope.merge import merge_store
    from eventscope.pipeline import Extractor
    from eventscope.store import open_store

    examples = Path(__file__).resolve().parents[2] / "examples"
    path = str(tmp_path_factory.mktemp("examples") / "examples.duckdb")
    articles = list(read_inputs([str(examples)]))
    with open_store(path) as store:
        for document in Extractor().extract_articles(articles):
            store.save_document(document)
        merge_store(store)
    return path


@pytest.fixture(scope="session")
def examples_server(examples_db: str) -> Iterator[str]:
    yield from serving(examples_db)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: str, request: pytest.FixtureRequest):
    """A fresh 1366x768 page on the served app; a screenshot of it is saved after the test
    under test-artifacts/, named after the test."""
    context = browser.new_context(viewport=VIEWPORT, base_url=server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.script_errors = errors
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name.replace('/', '')}.png"))
    context.close()
