"""The analyses served by the API and printed by the CLI give one answer on one store, and
odd dates or paging parameters get a 200 or a 422, never a 500."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventscope.api import MAX_OFFSET, create_app
from eventscope.cli import main
from eventscope.records import Actor, Document, Event

RUSSIA = Actor(None, "RUS", "GOV")
SYRIA = Actor(None, "SYR", "GOV")
PUTIN = Actor("Vladimir Putin", "RUS", "GOV")
ASSAD = Actor("Bashar al-Assad", "SYR", "GOV")


def ev(type_: str, source: Actor, target: Actor, when: str | None, **extra) -> Event:
    return Event(sentence=f"Written for this test: {type_}.", trigger="t", type=type_,
                 source=source, target=target, date=when, **extra)


def documents() -> list[Document]:
    """Russia–Syria events over two months with a gap, one retold twice (a cluster), a
    planned, a negated and an undated one, and dates a chart cannot show."""
    return [
        Document("a", publication_date="2021-02-17", events=[
            ev("CONSULT", PUTIN, ASSAD, "2021-02-15", cluster_id="c1"),
            ev("CONSULT", PUTIN, ASSAD, "2021-02-15", cluster_id="c1"),
            ev("AID", RUSSIA, SYRIA, None, cluster_id="c2"),
            ev("ASSAULT", SYRIA, RUSSIA, "2021-02-16", negated=True, cluster_id="c3"),
        ]),
        Document("b", publication_date="2021-04-02", events=[
            ev("AID", RUSSIA, SYRIA, "2021-04-01", cluster_id="c4"),
            ev("AID", RUSSIA, SYRIA, "2021-04-20", factuality="planned", cluster_id="c5"),
            ev("ACCUSE", ASSAD, PUTIN, "9999-12-31", cluster_id="c6"),
            ev("ACCUSE", ASSAD, PUTIN, "9999-12", cluster_id="c7"),
        ]),
    ]


@pytest.fixture
def db_file(tmp_path: Path) -> str:
    from eventscope.store import open_store

    path = str(tmp_path / "events.duckdb")
    with open_store(path) as store:
        for document in documents():
            store.save_document(document)
    return path


@pytest.fixture
def client(db_file: str) -> TestClient:
    return TestClient(create_app(db_file, token=""))   # "" = no token: read-only


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


OPTION_SETS = [
    {}, {"count": "mentions"}, {"include": "planned"}, {"dates": "publication"},
    {"count": "mentions", "include": "planned,hypothetical", "dates": "publication"},
]


def cli_options(params: dict) -> list[str]:
    args = []
    for name, value in params.items():
        for part in value.split(","):
            args += [f"--{name}", part]
    return args


@pytest.mark.parametrize("by", ["week", "month"])
@pytest.mark.parametrize("params", OPTION_SETS)
def test_cli_and_api_give_the_same_dyad_series(client, db_file, by, params):
    api = client.get("/api/dyads/RUS/SYR/series", params={"by": by, **params})
    assert api.status_code == 200
    cli = cli_json("dyad", "RUS", "SYR", "--db", db_file, "--by", by, *cli_options(params))
    assert cli == api.json()
    # The page's timeline asks /api/series with the dyad as a filter: the same numbers too.
    page = client.get("/api/series", params={"dyad": "RUS,SYR", "by": by, **params}).json()
    assert {k: v for k, v in page.items()} == {k: v for k, v in cli.items() if k not in "ab"}


def test_defaults_count_asserted_merged_events_by_their_own_date(client):
    series = client.get("/api/dyads/Russia/Syria/series", params={"by": "month"}).json()
    assert (series["count"], series["include"], series["dates"]) == \
        ("events", ["asserted"], "event")
    assert [p["period"] for p in series["periods"]] == ["2021-02-01", "2021-03-01", "2021-04-01"]
    # The consult told twice counts once; March is a gap, not dropped.
    assert [p["total"] for p in series["periods"]] == [1, 0, 1]
    assert series["periods"][1]["mean_intensity"] is None
    assert (series["undated"], series["out_of_range"], series["mentions"]) == (1, 2, 6)
    fallback = client.get("/api/dyads/RUS/SYR/series",
                          params={"by": "month", "dates": "publication"}).json()
    assert fallback["periods"][0]["AID"] == 1 and fallback["publication_dated"] == 1


def test_bad_analysis_options_are_4xx(client):
    assert client.get("/api/series", params={"include": "negated"}).status_code == 400
    assert client.get("/api/series", params={"count": "clusters"}).status_code == 422
    assert client.get("/api/network", params={"level": "city"}).status_code == 422


def test_cli_and_api_give_the_same_network(client, db_file, tmp_path):
    for level in ("actor", "country"):
        api = client.get("/api/network", params={"level": level}).json()
        out = tmp_path / f"{level}.graphml"
        result = CliRunner().invoke(main, ["network", "--db", db_file, "--level", level,
                                           "--out", str(out)])
        assert result.exit_code == 0, result.output
        graph = nx.read_graphml(out)
        assert {n["id"]: n["events"] for n in api["nodes"]} == \
            {key: data["events"] for key, data in graph.nodes(data=True)}
        assert {(e["a"], e["b"]): e["events"] for e in api["edges"]} == \
            {tuple(sorted(pair)): data["weight"] for *pair, data in graph.edges(data=True)}
    countries = client.get("/api/network", params={"level": "country"}).json()
    assert [n["id"] for n in countries["nodes"]] == ["RUS", "SYR"]
    assert countries["nodes"][0]["label"] == "Russia"


def test_year_9999_breaks_no_series_sort_or_plot(client, db_file, tmp_path):
    for by in ("week", "month"):
        response = client.get("/api/dyads/RUS/SYR/series", params={"by": by})
        assert response.status_code == 200 and response.json()["out_of_range"] == 2
    ordered = client.get("/api/events", params={"sort": "-date", "limit": 3}).json()["items"]
    assert ordered[0]["date"].startswith("9999")
    plot = tmp_path / "dyad.png"
    result = CliRunner().invoke(main, ["dyad", "RUS", "SYR", "--db", db_file, "--by", "week",
                                       "--plot", str(plot)])
    assert result.exit_code == 0, result.output
    assert "2 dated outside the chartable years left out" in result.output
    assert plot.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("path", ["/api/events", "/api/actors", "/api/quotes", "/api/clusters"])
@pytest.mark.parametrize("params, status", [
    ({"offset": 2**63}, 422), ({"offset": 10**30}, 422), ({"offset": -1}, 422),
    ({"limit": 2**63}, 422), ({"limit": -5}, 422), ({"offset": MAX_OFFSET}, 200),
])
def test_paging_out_of_range_is_422(client, path, params, status):
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    if status == 200:
        assert response.json()["items"] == []


def test_download_limits_out_of_range_are_422(client):
    for suffix in ("csv", "jsonl", "parquet"):
        assert client.get(f"/api/events.{suffix}", params={"limit": 2**64}).status_code == 422


def test_docs_and_redoc_need_no_other_host(client):
    for path in ("/docs", "/redoc"):
        page = client.get(path)
        assert page.status_code == 200
        assert "http://" not in page.text and "https://" not in page.text
        for asset in ("swagger-ui-bundle.js", "swagger-ui.css") if path == "/docs" else \
                ("redoc.standalone.js",):
            assert client.get(f"/static-offline-docs/{asset}").status_code == 200


# ---------------------------------------------------------------- a real server

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _eventscope(*args: str, **kwargs) -> subprocess.Popen:
    code = "from eventscope.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, *args], env={**os.environ},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


@pytest.fixture
def seeds_db(tmp_path: Path, seed_documents) -> str:
    from eventscope.store import open_store

    path = str(tmp_path / "seeds.duckdb")
    with open_store(path) as store:
        store.save_documents(seed_documents)
    return path


_PIDS: dict[str, int] = {}


def served_pid(base: str) -> int:
    return _PIDS[base]


@pytest.fixture
def served(seeds_db: str):
    """`eventscope serve` (no token) in its own process over the seeds' DuckDB file."""
    port = _free_port()
    server = _eventscope("serve", "--db", seeds_db, "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/actors?limit=1", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"the server did not start: {server.communicate()[1]}")
            time.sleep(0.2)
    _PIDS[base] = server.pid
    yield base
    server.terminate()
    server.wait(timeout=20)


@pytest.mark.slow
def test_the_cli_reads_the_file_a_running_server_has_open(served, seeds_db):
    with urllib.request.urlopen(f"{served}/api/dyads/RUS/SYR/series?by=month") as response:
        api = json.load(response)
    cli = _eventscope("dyad", "RUS", "SYR", "--db", seeds_db, "--by", "month",
                      "--format", "json")
    out, err = cli.communicate(timeout=120)
    assert cli.returncode == 0, err
    assert api["periods"] and json.loads(out)["periods"] == api["periods"]


@pytest.mark.slow
def test_a_writer_blocked_by_the_lock_gets_one_clear_line(served, seeds_db):
    merge = _eventscope("merge", "--db", seeds_db)
    _, err = merge.communicate(timeout=120)
    assert merge.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert f"{seeds_db} is locked by process {served_pid(served)}" in lines[0]
    assert "stop it (or let it finish) and try again" in lines[0]
