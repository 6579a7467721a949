"""Where exported documents come from: eventscope's JSONL output (or single-document
JSON files such as gold files), or a store opened by URL.

Reading streams one document at a time. A bad line does not stop the others: it is
yielded as an InputError naming the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventscope.records import Document, InputError


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | InputError]:
    """Documents from JSONL files (one Document.to_dict() per line) or .json files
    (one document each), in order."""
    for path in map(Path, paths):
        try:
            if path.suffix == ".json":
                yield _parse(path.read_text(encoding="utf-8"), str(path))
            else:
                yield from _read_jsonl(path)
        except OSError as error:
            yield InputError(str(path), f"cannot read ({error.strerror or error})")
        except UnicodeDecodeError:
            yield InputError(str(path), "not UTF-8 text")


def _read_jsonl(path: Path) -> Iterator[Document | InputError]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _parse(line, f"{path}:{number}")


def _parse(text: str, origin: str) -> Document | InputError:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return InputError(origin, f"not valid JSON ({error.msg} at column {error.colno})")
    if not isinstance(data, dict) or "doc_id" not in data:
        return InputError(origin, "not a document record (an object with a doc_id)")
    try:
        return Document.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return InputError(origin, f"not a document record ({type(error).__name__}: {error})")


def store_documents(url: str) -> Iterator[Document]:
    """Every document of the store at `url`, streamed (read-only: a server may hold it too)."""
    from eventscope.store import open_store  # only when asked: the store pulls in its drivers

    store = open_store(url, read_only=True)
    try:
        yield from store.iter_documents()
    finally:
        store.close()
