"""Throughput of the extractor against the bare spaCy pipeline it is built on.

Runs `eventscope.extract_many` and `nlp.pipe` (the same loaded pipeline,
`eventscope.nlp.load()`, all components) over the same texts in one process and
prints words/s of each, `ratio=extract/bare` and the peak RSS.

The texts are the seed articles (../shared/corpus/seeds) repeated to at least
--words words, or the examples/ articles when the shared folder is absent.

    python benchmarks/throughput.py [--words 100000] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from collections.abc import Callable, Iterable
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTSCOPE_SHARED", ROOT.parent / "shared"))


def corpus_texts(folder: Path | None) -> tuple[str, list[str]]:
    """(where the texts come from, the article texts)."""
    seeds = SHARED / "corpus" / "seeds"
    folder = folder or (seeds if seeds.is_dir() else ROOT / "examples")
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    for path in sorted(folder.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not texts:
        raise SystemExit(f"no .txt or .jsonl articles in {folder}")
    return str(folder), texts


def repeated(texts: list[str], min_words: int) -> list[str]:
    """The texts cycled until they hold at least `min_words` words."""
    out: list[str] = []
    total = 0
    for text in cycle(texts):
        if total >= min_words:
            return out
        out.append(text)
        total += len(text.split())
    return out


def timed(run: Callable[[Iterable[str]], int], texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) taken by `run` over `texts`."""
    wall, cpu = time.perf_counter(), time.process_time()
    run(texts)
    return time.perf_counter() - wall, time.process_time() - cpu


def compare(runs: dict[str, Callable[[Iterable[str]], int]], texts: list[str],
            chunk: int = 32) -> dict[str, tuple[float, float]]:
    """Total (wall, CPU) seconds of each run, alternating them chunk by chunk.

    Alternating makes both runs see the same machine load, which matters on a shared machine.
    """
    totals = {name: (0.0, 0.0) for name in runs}
    for start in range(0, len(texts), chunk):
        for name, run in runs.items():
            wall, cpu = timed(run, texts[start:start + chunk])
            totals[name] = (totals[name][0] + wall, totals[name][1] + cpu)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000, help="at least this many words (default 100000)")
    parser.add_argument("--corpus", type=Path, default=None, help="folder of .txt/.jsonl articles")
    args = parser.parse_args()

    from eventscope import nlp
    from eventscope.pipeline import default_extractor, extract_many

    source, articles = corpus_texts(args.corpus)
    texts = repeated(articles, args.words)
    words = sum(len(text.split()) for text in texts)
    extractor = default_extractor()  # loads the model and the tables once, before timing
    pipeline = nlp.load()
    assert extractor.nlp is pipeline, "the extractor should use the same loaded pipeline"
    batch_size = extractor.batch_size

    def bare(batch: Iterable[str]) -> int:
        return sum(1 for _ in pipeline.pipe(batch, batch_size=batch_size))

    def extract(batch: Iterable[str]) -> int:
        items = ({"id": f"bench-{i}", "text": text} for i, text in enumerate(batch))
        return sum(1 for _ in extract_many(items))

    # Warm both paths up (first-call caches, lazy tables) on a few texts.
    bare(texts[:3])
    extract(texts[:3])
    totals = compare({"bare_nlp_pipe": bare, "extract_many": extract}, texts)

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus={source} documents={len(texts)} words={words} batch_size={batch_size}")
    print(f"pipeline={pipeline.meta.get('name')} components={','.join(pipeline.pipe_names)}")
    for name, (wall, cpu) in totals.items():
        print(f"{name}: {words / wall:,.0f} words/s wall ({wall:.1f} s), "
              f"{words / cpu:,.0f} words/s CPU ({cpu:.1f} s)")
    (bare_wall, bare_cpu), (extract_wall, extract_cpu) = totals["bare_nlp_pipe"], totals["extract_many"]
    # Speed ratio = inverse time ratio; CPU time is the figure that other processes do not disturb.
    print(f"ratio=extract/bare={bare_cpu / extract_cpu:.3f} (CPU time; wall clock: {bare_wall / extract_wall:.3f})")
    print(f"peak_rss={peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
