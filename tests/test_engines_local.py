"""The local engine (a process pool) and the progress bar, with the real extractor."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from eventscope.engines.local import extract_parallel
from eventscope.progress import Progress
from eventscope.records import Article, Document, InputError

# Short articles written for these tests (and reused by the merge, Spark and resume tests).
_TEMPLATES = (
    ("{city}, {month} {day} – Russian Foreign Minister Sergey Lavrov met Turkish Foreign Minister "
    "Mevlut Cavusoglu in {city} on {month} {day}, {year}. The two ministers discussed the "
    "situation in Syria and agreed to continue close cooperation."),
    ("{city}, {month} {day} – Syrian President Bashar al-Assad received a Russian delegation in "
    "Damascus. Assad thanked Russia for its support. The Russian side condemned the attacks "
    "on civilians in {city}."),
    ("{city}, {month} {day} – The United Nations called on all parties to respect the ceasefire. "
    "Turkey rejected the proposal and accused the Syrian government of violating the agreement."),
    ("{city}, {month} {day} – Vladimir Putin held a telephone conversation with Recep Tayyip "
    "Erdogan on {month} {day}, {year}. The two presidents praised the cooperation between "
    "Russia and Turkey."),
)
_CITIES = ("Moscow", "Ankara", "Damascus", "Beirut", "Tehran", "Cairo", "Amman", "Baghdad")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def article_text(n: int) -> str:
    return _TEMPLATES[n % len(_TEMPLATES)].format(
        city=_CITIES[n % len(_CITIES)], month=_MONTHS[n % 12], day=1 + n % 28, year=2015 + n % 7)


def make_article(n: int) -> Article:
    return Article(doc_id=f"art-{n:05d}", text=article_text(n), origin=f"art-{n:05d}.txt",
                   publication_date=f"{2015 + n % 7}-{1 + n % 12:02d}-{1 + n % 28:02d}")


def with_bad_inputs(count: int) -> list[Article | InputError]:
    """Articles with a reader's error and an article the cleaner rejects among them."""
    items: list[Article | InputError] = [make_article(n) for n in range(count)]
    items.insert(3, InputError("broken.jsonl:7", "line is not valid JSON"))
    items.insert(8, Article(doc_id="empty-html", html="<html><body></body></html>",
                            origin="empty.html"))
    return items


def names(results: list[Document | InputError]) -> list[str]:
    return [r.doc_id if isinstance(r, Document) else f"error {r.origin}" for r in results]


@pytest.mark.slow
def test_two_workers_give_the_in_process_results_in_input_order():
    items = with_bad_inputs(24)
    alone = list(extract_parallel(items, workers=1, chunk_size=5))
    pooled = list(extract_parallel(items, workers=2, chunk_size=5))
    assert names(pooled) == names(alone) == [
        i.doc_id if isinstance(i, Article) and i.doc_id != "empty-html" else f"error {i.origin}"
        for i in items
    ]
    assert [str(r) for r in pooled if isinstance(r, InputError)] == [
        "broken.jsonl:7: line is not valid JSON", str(alone[8])]
    assert [r.to_dict() for r in pooled if isinstance(r, Document)] == [
        r.to_dict() for r in alone if isinstance(r, Document)]
    assert sum(len(r.events) for r in pooled if isinstance(r, Document)) >= 24


@pytest.mark.slow
def test_the_pool_reads_its_input_only_as_fast_as_results_are_taken():
    consumed = 0

    def endless() -> Iterator[Article]:
        nonlocal consumed
        for n in range(100_000):
            consumed += 1
            yield make_article(n)

    results = extract_parallel(endless(), workers=2, chunk_size=4)
    first = [next(results) for _ in range(6)]
    results.close()
    assert names(first) == [f"art-{n:05d}" for n in range(6)]
    assert consumed <= 4 * 5  # the chunks in flight (2 per worker) and the one being sent


def test_progress_is_silent_off_a_terminal_and_counts_all_the_same():
    stream = io.StringIO()
    with Progress(total=3, stream=stream) as progress:
        for error in (False, True, False):
            progress.advance(error=error)
    assert stream.getvalue() == ""
    assert (progress.done, progress.errors, progress.visible) == (3, 1, False)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_shows_done_total_rate_and_errors():
    stream = _Terminal()
    with Progress(total=3, stream=stream) as progress:
        for error in (False, True, False):
            progress.advance(error=error)
    shown = stream.getvalue()
    assert "3/3" in shown and "errors: 1" in shown and "ETA" in shown


def test_progress_with_an_unknown_total_or_quiet():
    stream = _Terminal()
    with Progress(stream=stream) as progress:
        progress.advance()
    assert "1/?" in stream.getvalue()
    quiet = _Terminal()
    with Progress(total=1, stream=quiet, quiet=True) as progress:
        progress.advance()
    assert quiet.getvalue() == ""
