"""Parallel extraction on one machine: a pool of worker processes, each with its own model.

    for item in extract_parallel(read_inputs(paths), workers=2):
        ...  # Document or InputError, in input order

Articles are sent to the workers in chunks; at most `2 * workers` chunks are in
flight, so memory stays bounded however large the input (the input iterator is
read only as fast as results are consumed). Each worker process loads the
Extractor once (spaCy model and tables) and runs `nlp.pipe` over its chunks.
Results come back in input order because chunks are collected first in, first
out. `workers=1` runs in this process, with no pool at all.

Workers are started with the 'spawn' method: a clean interpreter per worker, no
forked copy of the parent's state (open databases, threads, a loaded model).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Protocol

from ..records import Article, Document, InputError

DEFAULT_CHUNK_SIZE = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 2


class ExtractorLike(Protocol):
    def extract_articles(self, articles: Iterable[Article]) -> Iterator[Document | InputError]: ...


def load_extractor(model: str | None) -> ExtractorLike:
    from ..pipeline import Extractor  # imported here: the parent of a pool never needs spaCy

    return Extractor(model)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_parallel(
    articles: Iterable[Article | InputError],
    workers: int | None = None,
    model: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    *,
    load: Callable[[str | None], ExtractorLike] = load_extractor,
) -> Iterator[Document | InputError]:
    """Extract every article with `workers` processes; yield one result per input, in order.

    Input errors (from the readers) pass through in their place. `load` builds
    the extractor in each worker; it must be a module-level function.
    """
    workers = workers or default_workers()
    if workers <= 1:
        yield from _extract_in_process(articles, load(model), chunk_size)
        return
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker, initargs=(load, model),
    )
    pending: deque[Future] = deque()
    try:
        for chunk in _chunks(articles, chunk_size):
            pending.append(pool.submit(_extract_chunk, [to_wire(item) for item in chunk]))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from _all_from_wire(pending.popleft().result())
        while pending:
            yield from _all_from_wire(pending.popleft().result())
    finally:  # also when the consumer stops early: drop queued work, do not wait for it
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _extract_in_process(articles: Iterable[Article | InputError], extractor: ExtractorLike,
                        chunk_size: int) -> Iterator[Document | InputError]:
    for chunk in _chunks(articles, chunk_size):
        yield from _extract_mixed(extractor, chunk)


def _extract_mixed(extractor: ExtractorLike, chunk: list[Article | InputError]
                   ) -> Iterator[Document | InputError]:
    """Extract the articles of a chunk, keeping the readers' errors in their places."""
    results = extract_isolated(extractor, [item for item in chunk if isinstance(item, Article)])
    for item in chunk:
        yield item if isinstance(item, InputError) else next(results)


def extract_isolated(extractor: ExtractorLike, articles: list[Article]
                     ) -> Iterator[Document | InputError]:
    """One result per article, in order, whatever an article makes the extractor raise.

    The articles go through the extractor's batched stream; when that raises (spaCy's
    length limit, a recursion, a character the tokenizer cannot encode ...), the stream
    is lost, so the articles not yet returned are extracted again one at a time and the
    one that raises becomes an InputError naming it: it costs only itself.
    """
    done = 0
    try:
        for result in extractor.extract_articles(articles):
            done += 1
            yield result
    except Exception:  # noqa: BLE001 - which article raised is found one at a time
        for article in articles[done:]:
            yield _extract_one(extractor, article)


def _extract_one(extractor: ExtractorLike, article: Article) -> Document | InputError:
    try:
        return next(iter(extractor.extract_articles([article])))
    except Exception as error:  # noqa: BLE001 - reported as this article's error
        return InputError.failed(article.origin, "extraction", error)


# --- in the worker processes ---------------------------------------------------------------

_worker_extractor: ExtractorLike | None = None


def _start_worker(load: Callable[[str | None], ExtractorLike], model: str | None) -> None:
    global _worker_extractor
    _exit_with_parent(os.getppid())
    _worker_extractor = load(model)


def _exit_with_parent(parent: int, every_seconds: float = 1.0) -> None:
    """End this worker when its parent is gone. A parent killed outright (SIGKILL, the OOM
    killer) cannot shut its pool down, and its idle workers would otherwise live on, each
    holding a model in memory."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every_seconds)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _extract_chunk(wire_items: list[Any]) -> list[Any]:
    assert _worker_extractor is not None, "worker started without its extractor"
    chunk = [from_wire(item) for item in wire_items]
    return [to_wire(result) for result in _extract_mixed(_worker_extractor, chunk)]


# --- between processes -----------------------------------------------------------------------
# InputError cannot be unpickled as it is (its constructor takes two arguments),
# so it travels as a tagged tuple; articles and documents are plain dataclasses.
# The Spark engine sends its items the same way.

_ERROR = "input-error"


def to_wire(item: Any) -> Any:
    if isinstance(item, InputError):
        return (_ERROR, item.origin, item.reason)
    return item


def from_wire(item: Any) -> Any:
    if isinstance(item, tuple) and item and item[0] == _ERROR:
        return InputError(item[1], item[2])
    return item


def _all_from_wire(items: list[Any]) -> Iterator[Document | InputError]:
    return (from_wire(item) for item in items)
