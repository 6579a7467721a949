"""Load test of `GET /api/events` on DuckDB and PostgreSQL with 100k+ stored events.

    .venv/bin/python benchmarks/api_load.py [--events 100000] [--requests 2000] [--concurrency 4]

For each backend: replicate the seed gold documents (or built documents when
../shared is absent) with shifted dates and new ids until there are at least
--events events, store them through the bulk path, start `eventscope serve` in
a subprocess on 127.0.0.1, then drive a bounded number of filtered queries
from this process with a few concurrent keep-alive connections. Prints
requests/s, p50/p95/p99 latency and the error count per backend.
PostgreSQL runs on a throw-away cluster (tests/pgserver.py); it is skipped
when Debian's postgresql package is not installed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import httpx

from eventscope.cameo import plover_intensity
from eventscope.records import Actor, Document, Event
from eventscope.store import EventQuery, open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTSCOPE_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "tests"))


# ---------------------------------------------------------------- data

def base_documents() -> list[Document]:
    gold = sorted((SHARED / "corpus" / "seeds" / "gold").glob("*.json"))
    if gold:
        return [Document.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in gold]
    return [built_document(i) for i in range(5)]


def built_document(number: int) -> Document:
    """A stand-in document when the seeds are absent: 16 events among four countries."""
    actors = [Actor(None, c, "GOV") for c in ("RUS", "SYR", "TUR", "IRN")]
    types = ("CONSULT", "SUPPORT", "ACCUSE", "THREATEN", "AGREE", "AID", "REQUEST", "ASSAULT")
    events = [Event(sentence=f"Sentence {number}.{i} about {types[i % 8].lower()}.",
                    trigger=types[i % 8].lower(), type=types[i % 8], source=actors[i % 4],
                    target=actors[(i + 1) % 4], date=f"2020-0{1 + i % 9}-1{i % 10}")
              for i in range(16)]
    return Document(doc_id=f"built-{number}", title=f"Built {number}",
                    publication_date="2020-10-01", events=events)


def shifted(value: str | None, days: int) -> str | None:
    """A contract date moved by `days`, keeping its precision."""
    if not value:
        return value
    parts = value.split("-")
    padded = date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                  int(parts[2]) if len(parts) > 2 else 1)
    return (padded + timedelta(days=days)).isoformat()[: len(value)]


def replicas(documents: list[Document], min_events: int):
    """Copies of the documents with new ids and dates shifted a day per copy."""
    per_round = sum(len(d.events) for d in documents)
    for copy in range(math.ceil(min_events / per_round)):
        days = copy - 1500  # spread over about four years
        for document in documents:
            yield replace(
                document, doc_id=f"{document.doc_id}-r{copy}",
                publication_date=shifted(document.publication_date, days),
                events=[replace(e, event_id=None, date=shifted(e.date, days),
                                intensity=e.intensity if e.intensity is not None
                                else plover_intensity(e.type, e.mode))
                        for e in document.events])


# ---------------------------------------------------------------- queries

def query_mix(rng: random.Random, countries: list[str], types: list[str]) -> list[dict]:
    """A plausible analyst's filters: each request gets one or two filters, sort and page."""
    def one() -> dict:
        a, b = rng.sample(countries, 2)
        year = rng.choice((2014, 2015, 2016, 2017, 2018))
        options = [
            {"type": rng.choice(types)},
            {"country": a},
            {"dyad": f"{a},{b}"},
            {"source": a, "type": rng.choice(types)},
            {"date_from": f"{year}-0{rng.randint(1, 9)}-01", "date_to": f"{year}-12-31"},
            {"q": rng.choice(("president", "minister", "syria", "cooperation", "talks"))},
            {"actor": a, "negated": "false"},
            {"factuality": "asserted", "type": rng.choice(types)},
        ]
        params = dict(rng.choice(options))
        params["sort"] = rng.choice(("-date", "date", "-intensity", "type", "doc_id"))
        params["limit"] = rng.choice((20, 50, 100))
        params["offset"] = rng.choice((0, 0, 0, 50, 500))
        return params
    return [one() for _ in range(4000)]


def drive(base_url: str, queries: list[dict], count: int, concurrency: int) -> dict:
    latencies: list[float] = []
    errors = 0

    def worker(part: list[dict]) -> tuple[list[float], int]:
        times, failed = [], 0
        with httpx.Client(base_url=base_url, timeout=30) as client:
            for params in part:
                start = time.perf_counter()
                try:
                    response = client.get("/api/events", params=params)
                    failed += response.status_code != 200
                except httpx.HTTPError:
                    failed += 1
                times.append(time.perf_counter() - start)
        return times, failed

    chosen = [queries[i % len(queries)] for i in range(count)]
    parts = [chosen[i::concurrency] for i in range(concurrency)]
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for times, failed in pool.map(worker, parts):
            latencies += times
            errors += failed
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": count, "seconds": elapsed, "rps": count / elapsed, "errors": errors,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(0.95 * (count - 1))] * 1000,
        "p99": latencies[int(0.99 * (count - 1))] * 1000,
    }


# ---------------------------------------------------------------- server

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db_url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "EVENTSCOPE_TOKEN"}
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "eventscope"), "serve", "--db", db_url, "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"{base_url}/api/events?limit=1", timeout=2).status_code == 200:
                return process, base_url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not answer within 60 s")


def run_backend(name: str, db_url: str, documents: list[Document], args) -> None:
    store = open_store(db_url)
    started = time.perf_counter()
    stored = store.save_documents(replicas(documents, args.events), batch_size=1000)
    load_seconds = time.perf_counter() - started
    total = store.count_events(EventQuery())
    actors = store.find_actors(limit=30)[0]
    store.close()
    print(f"{name}: stored {stored} documents, {total} events in {load_seconds:.1f} s "
          f"({total / load_seconds:,.0f} events/s)", flush=True)

    countries = sorted({a["country"] for a in actors if a["country"]}) or ["RUS", "SYR"]
    types = sorted({e.type for d in documents for e in d.events})
    queries = query_mix(random.Random(7), countries, types)
    process, base_url = serve(db_url)
    try:
        drive(base_url, queries, min(100, args.requests), args.concurrency)  # warm-up
        result = drive(base_url, queries, args.requests, args.concurrency)
    finally:
        process.terminate()
        process.wait(timeout=30)
    print(f"{name}: {result['requests']} requests, {args.concurrency} concurrent: "
          f"{result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
          f"p99 {result['p99']:.1f} ms, errors {result['errors']}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--backends", default="duckdb,postgres")
    args = parser.parse_args()
    documents = base_documents()
    backends = args.backends.split(",")
    with tempfile.TemporaryDirectory(prefix="eventscope-bench-") as tmp:
        if "duckdb" in backends:
            run_backend("duckdb", str(Path(tmp) / "bench.duckdb"), documents, args)
        if "postgres" in backends:
            from pgserver import PostgresServer, PostgresUnavailable
            try:
                server = PostgresServer.start()
            except PostgresUnavailable as error:
                print(f"postgres: skipped ({error})")
                return
            with server:
                run_backend("postgres", server.create_database("bench"), documents, args)


if __name__ == "__main__":
    main()
