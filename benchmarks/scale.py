"""Scale benchmark: parallel speed-up, memory per worker, Spark against the local engine, resume.

    .venv/bin/python benchmarks/scale.py [--words 200000] [--skip-spark] [--skip-resume]

Input: the seed articles repeated (with distinct ids) to at least --words words,
as one JSONL file. Prints, one `name=value` per line:
- words/s with 1 and 2 workers (local engine) and their ratio;
- peak RSS of each worker process (VmHWM), and of the single-process run;
- Spark local mode (local[2]) words/s on the same file, and its ratio to 2 local workers,
  with and without the Spark session's start-up;
- resume: `eventscope ingest` of a directory SIGKILLed half-way, then the time the
  same command takes to finish (and to skip what was stored).
Timings include loading the model in every process, as a real run does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Self

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("EVENTSCOPE_SHARED", ROOT.parent / "shared")) / "corpus" / "seeds"


def make_corpus(folder: Path, words: int) -> tuple[Path, int]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seed articles under {SEEDS}")
    path, total, n = folder / "corpus.jsonl", 0, 0
    with path.open("w", encoding="utf-8") as out:
        while total < words:
            text = texts[n % len(texts)]
            out.write(json.dumps({"id": f"copy-{n:06d}", "text": text}) + "\n")
            total += len(text.split())
            n += 1
    return path, total


class WorkerMemory:
    """Peak RSS (VmHWM) of this process's children, polled while a run goes on."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.wait(0.2):
            for pid in _workers(os.getpid()):
                peak = _vm_hwm_kb(pid)
                if peak:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), peak)


def _workers(pid: int) -> list[int]:
    """Child processes that are pool workers (not multiprocessing's resource tracker)."""
    try:
        children = [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return [child for child in children if b"spawn_main" in _cmdline(child)]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _vm_hwm_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


@dataclass
class LocalRun:
    seconds: float          # the whole run, model loading included
    steady_seconds: float   # from the first document out to the last
    steady_words: int       # words of the documents after the first
    documents: int
    worker_peaks_kb: dict[int, int]


def run_local(corpus: Path, workers: int) -> LocalRun:
    from eventscope.engines.local import extract_parallel
    from eventscope.ingest import read_inputs
    from eventscope.records import Document

    documents = steady_words = 0
    first = None
    with WorkerMemory() as memory:
        start = time.perf_counter()
        for result in extract_parallel(read_inputs([str(corpus)]), workers=workers):
            if first is None:
                first = time.perf_counter()
            elif isinstance(result, Document):
                steady_words += len(result.text.split())
            documents += isinstance(result, Document)
        end = time.perf_counter()
    return LocalRun(end - start, end - (first or end), steady_words, documents, memory.peaks)


def run_spark(corpus: Path, folder: Path) -> tuple[float, float, int]:
    """(seconds with session start-up, seconds of the job alone, documents)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from eventscope.engines.spark import run_spark as spark_engine

    start = time.perf_counter()
    session = (SparkSession.builder.master("local[2]").appName("eventscope-bench")
               .config("spark.ui.enabled", "false").getOrCreate())
    job_start = time.perf_counter()
    run = spark_engine([str(corpus)], str(folder / "spark-out"))
    end = time.perf_counter()
    session.stop()
    return end - start, end - job_start, run.documents


def resume_after_kill(folder: Path, articles: int) -> dict[str, float]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    inputs = folder / "articles"
    inputs.mkdir()
    for n in range(articles):
        (inputs / f"story-{n:05d}.txt").write_text(texts[n % len(texts)], encoding="utf-8")
    db = folder / "resume.duckdb"
    command = [str(Path(sys.executable).parent / "eventscope"), "ingest", str(inputs),
               "--db", str(db), "--quiet"]
    start = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    clean = time.perf_counter() - start
    db.unlink()
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    time.sleep(clean / 2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    from eventscope.store import open_store

    with open_store(str(db)) as store:
        stored = store.count_documents()
    start = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    resumed = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    rerun = time.perf_counter() - start
    return {"resume_articles": articles, "resume_clean_run_s": clean,
            "resume_stored_when_killed": stored, "resume_finish_after_kill_s": resumed,
            "resume_rerun_all_stored_s": rerun}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--resume-articles", type=int, default=200)
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--skip-resume", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eventscope-scale-") as tmp:
        folder = Path(tmp)
        corpus, words = make_corpus(folder, args.words)
        print(f"words={words}")
        print(f"load_average_1min={os.getloadavg()[0]:.2f}")
        one = run_local(corpus, 1)
        one_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"documents={one.documents}")
        print(f"workers_1_words_per_s={words / one.seconds:.0f}")
        print(f"workers_1_steady_words_per_s={one.steady_words / one.steady_seconds:.0f}")
        print(f"workers_1_peak_rss_mb={one_rss}")
        two = run_local(corpus, 2)
        print(f"workers_2_words_per_s={words / two.seconds:.0f}")
        print(f"workers_2_steady_words_per_s={two.steady_words / two.steady_seconds:.0f}")
        print(f"ratio_2_over_1={one.seconds / two.seconds:.2f}")
        print(f"ratio_2_over_1_steady="
              f"{(two.steady_words / two.steady_seconds) / (one.steady_words / one.steady_seconds):.2f}")
        worker_peaks = sorted(peak // 1024 for peak in two.worker_peaks_kb.values())
        print(f"workers_2_peak_rss_mb_per_worker={','.join(map(str, worker_peaks))}")
        if not args.skip_spark:
            total, job, spark_documents = run_spark(corpus, folder)
            print(f"spark_documents={spark_documents}")
            print(f"spark_local2_words_per_s={words / total:.0f}")
            print(f"spark_local2_job_only_words_per_s={words / job:.0f}")
            print(f"ratio_spark_over_local2={two.seconds / total:.2f}")
            print(f"ratio_spark_job_only_over_local2={two.seconds / job:.2f}")
        if not args.skip_resume:
            for name, value in resume_after_kill(folder, args.resume_articles).items():
                print(f"{name}={value:.1f}" if isinstance(value, float) else f"{name}={value}")


if __name__ == "__main__":
    main()
