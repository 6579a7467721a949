"""The Spark engine: extraction over a cluster with PySpark.

    run_spark(["articles/"], "out/", output_format="parquet", master="local[*]")

or, on a cluster (see docs/scale.md):

    spark-submit --master yarn "$(python -m eventscope.engines.spark --script-path)" \\
        hdfs:///news/2021/ --out hdfs:///events/2021 --format parquet

Inputs: text and HTML files and JSONL files, by file, directory (recursive) or
glob, read with `binaryFiles` so they can live on any Hadoop file system; and
Parquet files with the fields of a JSONL article (`id`, `text` or `html`,
`title`, `publication_date`, `url`, `source`). Each file is parsed by the
ingest stage exactly as the local engine does, so both engines see the same
articles. Each partition runs `mapPartitions` with one Extractor, loaded once
per Python worker process and reused for its later partitions.

Outputs, in the directory OUTPUT:
- `jsonl`: the documents, one JSON line each (Spark part files), as `extract` writes them;
- `parquet`: `OUTPUT/events` (one flat row per event, the columns of
  `eventscope.analysis.FLAT_COLUMNS`) and `OUTPUT/documents` (one row per document).

Input errors are printed on stderr, one line each, and counted; they never stop the job.
Spark does not keep input order across partitions.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import click

from eventscope.analysis import FLAT_COLUMNS, flat_rows
from eventscope.engines.local import (
    ExtractorLike,
    extract_parallel,
    from_wire,
    load_extractor,
    to_wire,
)
from eventscope.ingest import KINDS, read_inputs
from eventscope.records import Article, Document, InputError

OUTPUT_FORMATS = ("jsonl", "parquet")
PARTITIONS_PER_CORE = 2  # more tasks cost more start-up than they gain in balance
_DOCUMENT = "doc"
_ERROR = "error"

# Flat event columns that are not text; every other column is a string.
_FLAT_INTEGERS = {"event_index", "quad_class", "cameo_quad_class", "sentence_index",
                  "sentence_start", "sentence_end", "trigger_start", "trigger_end",
                  "location_geonameid"}
_FLAT_DOUBLES = {"location_latitude", "location_longitude", "intensity", "cameo_goldstein"}
_FLAT_BOOLEANS = {"negated"}
DOCUMENT_COLUMNS = ("doc_id", "title", "publication_date", "dateline", "url", "source",
                    "n_events", "n_quotes", "quotes_json", "text")


@dataclass
class SparkRun:
    """What a run did."""

    documents: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)


def run_spark(
    inputs: list[str],
    output: str,
    *,
    model: str | None = None,
    output_format: str = "jsonl",
    master: str | None = "local[*]",
    load: Callable[[str | None], ExtractorLike] = load_extractor,
) -> SparkRun:
    """Extract `inputs` with Spark into the directory `output` (replaced if it exists).

    `master=None` leaves the master to spark-submit or the Spark configuration.
    """
    if output_format not in OUTPUT_FORMATS:
        raise ValueError(f"output format must be one of {', '.join(OUTPUT_FORMATS)}")
    for path in inputs:  # Spark's own message for a missing path is a page of Java stack
        if "://" not in path and not any(c in path for c in "*?[{") and not os.path.exists(path):
            raise FileNotFoundError(f"{path}: no such file or directory")
    spark, made_here = _session(master)
    try:
        articles = _read_articles(spark, inputs)
        results = articles.mapPartitions(_extractor_over(load, model))
        results.persist(_storage_level())
        run = _write(spark, results, output, output_format)
        results.unpersist()
    finally:
        if made_here:  # a session the caller already had stays theirs
            spark.stop()
    for message in run.errors:
        print(f"eventscope: {message}", file=sys.stderr)
    return run


# --- session and inputs ----------------------------------------------------------------------


def _session(master: str | None) -> tuple[Any, bool]:
    """The active Spark session, or a new one (and whether it was made here)."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Not under spark-submit: the JVM starts here, and its Python workers must run this
        # interpreter, where eventscope and the model are (unless PYSPARK_PYTHON says otherwise).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("eventscope").config("spark.ui.enabled", "false")
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


def _storage_level() -> Any:
    from pyspark import StorageLevel

    return StorageLevel.MEMORY_AND_DISK


def _read_articles(spark: Any, inputs: list[str]) -> Any:
    """An RDD of every input's articles (and errors, as `to_wire` sends them).

    Files are parsed where they are read, then spread evenly over the partitions that
    extract them: one large JSONL file is read by one task but extracted by all cores.
    """
    context = spark.sparkContext
    # Directories are read recursively, like the local engine does.
    context._jsc.hadoopConfiguration().set(
        "mapreduce.input.fileinputformat.input.dir.recursive", "true")
    partitions = context.defaultParallelism * PARTITIONS_PER_CORE
    parts = []
    files = [p for p in inputs if not _is_parquet(p)]
    if files:
        raw = context.binaryFiles(",".join(files), minPartitions=partitions)
        parts.append(raw.flatMap(lambda item: map(to_wire, _parse_file(item[0], item[1]))))
    for path in filter(_is_parquet, inputs):
        records = spark.read.parquet(path).rdd.map(lambda row: row.asDict()).zipWithIndex()
        parts.append(records.mapPartitions(
            lambda rows, source=path: map(to_wire, _parse_records(source, rows))))
    articles = context.union(parts) if len(parts) > 1 else parts[0]
    return articles.repartition(partitions)


def _is_parquet(path: str) -> bool:
    return path.rstrip("/").lower().endswith(".parquet")


def _local_name(uri: str) -> str:
    """`file:/data/a.txt` -> `/data/a.txt`; other file systems keep their URI."""
    return uri.removeprefix("file:")


def _parse_file(uri: str, data: bytes) -> Iterator[Article | InputError]:
    """Parse one file's bytes with the ingest stage, naming it by its own path."""
    origin = _local_name(uri)
    name = os.path.basename(origin)
    if Path(name).suffix.lower() not in KINDS:
        return iter(())  # directories hold other files too; the local engine skips them as well
    return _via_ingest(name, data, lambda suffix: origin + suffix)


def _parse_records(source: str, rows: Iterable[tuple[dict[str, Any], int]]) -> Iterator[Any]:
    """Parquet rows, checked exactly like JSONL lines, named `source:row N`."""
    stem = Path(source.rstrip("/")).stem
    rows = list(rows)
    numbers = [index + 1 for _, index in rows]
    lines = "".join(
        json.dumps({"id": f"{stem}-{number}", **_json_safe(row)}, ensure_ascii=False) + "\n"
        for (row, _), number in zip(rows, numbers)
    )

    def name_row(suffix: str) -> str:  # ":3" is the 3rd line of this partition's rows
        return f"{source}:row {numbers[int(suffix[1:]) - 1]}" if suffix else source

    return _via_ingest("rows.jsonl", lines.encode("utf-8"), name_row) if rows else iter(())


def _json_safe(row: dict[str, Any]) -> dict[str, Any]:
    """Row values as JSON: dates as ISO text, a missing id left to the default."""
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in row.items() if not (k == "id" and v is None)}


def _via_ingest(name: str, data: bytes, rename: Callable[[str], str]
                ) -> Iterator[Article | InputError]:
    """The ingest stage reads paths, so the bytes go through a private temporary file.

    `rename` gets what follows the file's path in an origin ("" or ":LINE").
    """
    with tempfile.TemporaryDirectory(prefix="eventscope-") as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as file:
            file.write(data)
        items = list(read_inputs([path]))
    for item in items:
        origin = rename(item.origin[len(path):])
        yield InputError(origin, item.reason) if isinstance(item, InputError) else replace(
            item, origin=origin)


# --- extraction on the workers ------------------------------------------------------------

_extractors: dict[tuple[str, str | None], ExtractorLike] = {}


def worker_extractor(load: Callable[[str | None], ExtractorLike], model: str | None
                     ) -> ExtractorLike:
    """One extractor per Python worker process, kept for the partitions it runs later.

    A module-level function, so that tasks find it by import in the worker, with this
    module's cache, rather than as a pickled copy holding an empty one.
    """
    key = (f"{load.__module__}.{load.__qualname__}", model)
    if key not in _extractors:
        _extractors[key] = load(model)
    return _extractors[key]


def _extractor_over(load: Callable[[str | None], ExtractorLike], model: str | None
                    ) -> Callable[[Iterable[Any]], Iterator[tuple[str, str, int]]]:
    """The mapPartitions function: wire items in, (kind, JSON or message, events) out."""

    def extract_partition(items: Iterable[Any]) -> Iterator[tuple[str, str, int]]:
        extractor = worker_extractor(load, model)
        articles = map(from_wire, items)
        for result in extract_parallel(articles, workers=1, load=lambda _: extractor):
            if isinstance(result, InputError):
                yield _ERROR, str(result), 0
            else:
                yield _DOCUMENT, json.dumps(result.to_dict(), ensure_ascii=False), len(result.events)

    return extract_partition


# --- outputs -------------------------------------------------------------------------------


def _write(spark: Any, results: Any, output: str, output_format: str) -> SparkRun:
    """Write the documents; count them and gather the input errors from the cached results."""
    documents = results.filter(lambda r: r[0] == _DOCUMENT)
    if output_format == "jsonl":
        _replace_output(spark, output)
        documents.map(lambda r: r[1]).saveAsTextFile(output)
    else:
        _write_parquet(spark, documents.map(lambda r: Document.from_dict(json.loads(r[1]))), output)
    counts = documents.map(lambda r: (1, r[2])).fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
    errors = results.filter(lambda r: r[0] == _ERROR).map(lambda r: r[1]).collect()
    return SparkRun(documents=counts[0], events=counts[1], errors=sorted(errors))


def _replace_output(spark: Any, output: str) -> None:
    """saveAsTextFile refuses an existing directory; the DataFrame writers overwrite it."""
    context = spark.sparkContext
    jvm = context._jvm
    path = jvm.org.apache.hadoop.fs.Path(output)
    file_system = path.getFileSystem(context._jsc.hadoopConfiguration())
    if file_system.exists(path):
        file_system.delete(path, True)


def _write_parquet(spark: Any, documents: Any, output: str) -> None:
    events = documents.mapPartitions(flat_rows).map(lambda row: tuple(row[c] for c in FLAT_COLUMNS))
    spark.createDataFrame(events, _flat_schema()).write.mode("overwrite").parquet(f"{output}/events")
    rows = documents.map(_document_row)
    spark.createDataFrame(rows, _document_schema()).write.mode("overwrite").parquet(
        f"{output}/documents")


def _document_row(document: Document) -> tuple[Any, ...]:
    quotes = json.dumps([q.to_dict() for q in document.quotes], ensure_ascii=False)
    return (document.doc_id, document.title, document.publication_date, document.dateline,
            document.url, document.source, len(document.events), len(document.quotes),
            quotes, document.text)


def _flat_schema() -> Any:
    from pyspark.sql import types as T

    def column_type(name: str) -> Any:
        if name in _FLAT_INTEGERS:
            return T.LongType()
        if name in _FLAT_DOUBLES:
            return T.DoubleType()
        if name in _FLAT_BOOLEANS:
            return T.BooleanType()
        return T.StringType()

    return T.StructType([T.StructField(name, column_type(name)) for name in FLAT_COLUMNS])


def _document_schema() -> Any:
    from pyspark.sql import types as T

    counts = {"n_events", "n_quotes"}
    return T.StructType([
        T.StructField(name, T.LongType() if name in counts else T.StringType())
        for name in DOCUMENT_COLUMNS
    ])


# --- spark-submit entry point ----------------------------------------------------------------


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1)
@click.option("--out", "output", help="Output directory (any Hadoop file system URI).")
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="jsonl",
              show_default=True, help="JSONL documents, or Parquet events + documents tables.")
@click.option("--model", default=None, help="spaCy pipeline installed on every worker.")
@click.option("--master", default=None,
              help="Spark master; by default the one spark-submit or spark-defaults gives.")
@click.option("--script-path", is_flag=True, help="Print this file's path (for spark-submit) and exit.")
def main(inputs: tuple[str, ...], output: str | None, output_format: str, model: str | None,
         master: str | None, script_path: bool) -> None:
    """Extract events from INPUTS with Spark into the directory --out."""
    if script_path:
        click.echo(os.path.abspath(__file__))
        return
    if not inputs or not output:
        raise click.UsageError("give at least one INPUT and --out")
    try:
        run = run_spark(list(inputs), output, model=model, output_format=output_format,
                        master=master)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{run.documents} documents, {run.events} events, {len(run.errors)} input errors "
               f"-> {output}", err=True)
    if run.errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
