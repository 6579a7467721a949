"""The Spark engine in local mode: same documents and events as the local engine."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eventscope.analysis import FLAT_COLUMNS
from eventscope.engines.local import extract_parallel
from eventscope.ingest import read_inputs
from eventscope.records import Document, InputError
from test_engines_local import make_article

pytestmark = [pytest.mark.spark, pytest.mark.slow]


def _java_missing() -> str | None:
    if not shutil.which("java"):
        return "needs Java (Debian: apt-get install openjdk-17-jre-headless)"
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "needs pyspark (pip install eventscope[spark])"
    return None


@pytest.fixture(scope="module")
def spark():
    reason = _java_missing()
    if reason:
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    # One session for the module (starting Spark takes seconds); its Python workers run
    # this interpreter, where eventscope is installed.
    saved = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("eventscope-tests")
               .config("spark.ui.enabled", "false").getOrCreate())
    yield session
    session.stop()
    if saved is None:
        del os.environ["PYSPARK_PYTHON"]
    else:
        os.environ["PYSPARK_PYTHON"] = saved


def spark_documents(output: Path) -> list[dict]:
    lines = [line for part in sorted(output.glob("part-*")) for line in part.read_text().splitlines()]
    return sorted((json.loads(line) for line in lines), key=lambda d: d["doc_id"])


def local_documents(paths: list[str]) -> tuple[list[dict], list[str]]:
    results = list(extract_parallel(read_inputs(paths), workers=1))
    documents = sorted((r.to_dict() for r in results if isinstance(r, Document)),
                       key=lambda d: d["doc_id"])
    return documents, sorted(str(r) for r in results if isinstance(r, InputError))


def test_spark_finds_the_same_events_as_the_local_engine_on_the_seeds(spark, seeds_dir, tmp_path):
    from eventscope.engines.spark import run_spark

    run = run_spark([str(seeds_dir)], str(tmp_path / "out"))
    expected, _ = local_documents([str(seeds_dir)])
    found = spark_documents(tmp_path / "out")
    assert [d["doc_id"] for d in found] == [d["doc_id"] for d in expected]
    assert len(expected) == 5 and run.documents == 5 and run.errors == []
    assert [d["events"] for d in found] == [d["events"] for d in expected]
    assert run.events == sum(len(d["events"]) for d in expected) > 0


def test_jsonl_parquet_and_bad_inputs(spark, tmp_path):
    from eventscope.engines.spark import run_spark

    articles = [make_article(n) for n in range(6)]
    records = [{"id": a.doc_id, "text": a.text, "publication_date": a.publication_date}
               for a in articles]
    jsonl = tmp_path / "in" / "news.jsonl"
    jsonl.parent.mkdir()
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records[:3]) + "{not json\n")
    (tmp_path / "in" / "notes.md").write_text("not an article")  # skipped in a directory
    (tmp_path / "in" / "blank.txt").write_text("   \n")
    parquet = tmp_path / "more.parquet"
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = records[3:] + [{"id": None, "text": None, "publication_date": None}]
    pq.write_table(pa.Table.from_pylist(rows), parquet)

    run = run_spark([str(tmp_path / "in"), str(parquet)], str(tmp_path / "out"))
    expected, local_errors = local_documents([str(tmp_path / "in")])
    found = spark_documents(tmp_path / "out")
    assert [d["doc_id"] for d in found] == sorted(a.doc_id for a in articles)
    by_id = {d["doc_id"]: d for d in found}
    assert [by_id[d["doc_id"]]["events"] for d in expected] == [d["events"] for d in expected]
    assert run.errors == sorted(local_errors + [f"{parquet}:row 4: line has neither 'text' nor 'html'"])
    assert f"{jsonl}:4: line is not valid JSON" in " ".join(run.errors)


def test_parquet_output_has_one_row_per_event_and_a_documents_table(spark, seeds_dir, tmp_path):
    import pyarrow.parquet as pq

    from eventscope.engines.spark import run_spark

    run = run_spark([str(seeds_dir)], str(tmp_path / "out"), output_format="parquet")
    events = pq.read_table(tmp_path / "out" / "events").to_pylist()
    documents = pq.read_table(tmp_path / "out" / "documents").to_pylist()
    assert len(events) == run.events and len(documents) == run.documents == 5
    assert tuple(pq.read_schema(next((tmp_path / "out" / "events").glob("*.parquet"))).names) == FLAT_COLUMNS
    assert {row["doc_id"] for row in events} <= {row["doc_id"] for row in documents}
    assert sum(row["n_events"] for row in documents) == len(events)


def test_the_spark_submit_entry_point_names_its_script():
    result = subprocess.run(
        [sys.executable, "-m", "eventscope.engines.spark", "--script-path"],
        capture_output=True, text=True, check=True)
    assert Path(result.stdout.strip()).name == "spark.py"


def test_a_missing_input_is_named_before_spark_starts(tmp_path):
    from eventscope.engines.spark import run_spark

    with pytest.raises(FileNotFoundError, match=r"nowhere\.jsonl: no such file or directory"):
        run_spark([str(tmp_path / "nowhere.jsonl")], str(tmp_path / "out"))
