"""What `eventscope evaluate` reads: gold files, and predictions (read or extracted).

Gold is a folder of `<doc_id>.json` documents in the contract's format (or one JSONL file
of them). Each is checked, and a bad one stops the evaluation with its file, event and
problem named: scores against a broken gold file would mislead.

Predictions come from INPUTs: a `.jsonl` file of document records (what `eventscope
extract` writes) is read as it is; anything else `extract` takes (.txt, .html, article
JSONL, folders) is extracted, only for the articles that have a gold file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventscope.ingest import read_inputs
from eventscope.records import (
    EVENT_TYPES,
    FACTUALITY,
    Actor,
    Article,
    Document,
    Event,
    InputError,
    Location,
    Quote,
)
from eventscope.summary import read_documents

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


class GoldError(ValueError):
    """A gold file the evaluation cannot use; the message names the file and the problem."""


# ---------------------------------------------------------------- gold

def read_gold(path: Path) -> dict[str, Document]:
    """The gold documents of a folder of .json files (or a .jsonl file), by doc_id."""
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise GoldError(f"{path}: folder holds no .json gold files")
        documents = (_gold_document(_json_file(f), f.stem, str(f)) for f in files)
    elif path.is_file():
        documents = _gold_lines(path)
    else:
        raise GoldError(f"{path}: no such folder or file")
    gold: dict[str, Document] = {}
    for document in documents:
        gold[document.doc_id] = document
    return gold


def _json_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise GoldError(f"{path}: not valid JSON: {error.msg} (line {error.lineno}, "
                        f"column {error.colno})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read: {error}") from None


def _gold_lines(path: Path) -> Iterator[Document]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise GoldError(f"{origin}: not valid JSON: {error.msg}") from None
            yield _gold_document(record, None, origin)


def _gold_document(record: Any, stem: str | None, origin: str) -> Document:
    """A checked gold document; its doc_id is the record's, else the file name's."""
    if not isinstance(record, dict):
        raise GoldError(f"{origin}: a gold file holds one JSON object (a document)")
    doc_id = record.get("doc_id") or stem
    if not doc_id:
        raise GoldError(f"{origin}: no doc_id")
    events = [_gold_event(e, f"{origin}: event {n}") for n, e in
              enumerate(_list(record, "events", origin), start=1)]
    quotes = [_gold_quote(q, f"{origin}: quote {n}") for n, q in
              enumerate(_list(record, "quotes", origin), start=1)]
    return Document(doc_id=str(doc_id), title=record.get("title"),
                    publication_date=_text(record, "publication_date", origin),
                    dateline=_text(record, "dateline", origin), events=events, quotes=quotes)


def _list(record: dict, key: str, origin: str) -> list:
    value = record.get(key) or []
    if not isinstance(value, list):
        raise GoldError(f"{origin}: '{key}' must be a list")
    return value


def _text(record: dict, key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise GoldError(f"{origin}: '{key}' must be a string or null")
    return value


def _gold_event(record: Any, origin: str) -> Event:
    if not isinstance(record, dict):
        raise GoldError(f"{origin}: not a JSON object")
    sentence = _text(record, "sentence", origin)
    if not sentence or not sentence.strip():
        raise GoldError(f"{origin}: no 'sentence' (the evidence sentence is what events match on)")
    if record.get("type") not in EVENT_TYPES:
        raise GoldError(f"{origin}: type {record.get('type')!r} is not a PLOVER type "
                        f"({', '.join(EVENT_TYPES)})")
    date = _text(record, "date", origin)
    if date and not _DATE.fullmatch(date):
        raise GoldError(f"{origin}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    factuality = record.get("factuality") or "asserted"
    if factuality not in FACTUALITY:
        raise GoldError(f"{origin}: factuality {factuality!r} is not one of {', '.join(FACTUALITY)}")
    return Event(sentence=sentence, trigger=record.get("trigger") or "", type=record["type"],
                 mode=record.get("mode"), source=_actor(record, "source", origin),
                 target=_actor(record, "target", origin), date=date or None,
                 location=_location(record, origin), negated=bool(record.get("negated")),
                 factuality=factuality, attribution=record.get("attribution"))


def _actor(record: dict, key: str, origin: str) -> Actor | None:
    value = record.get(key)
    if value is not None and not isinstance(value, dict):
        raise GoldError(f"{origin}: '{key}' must be an actor object or null")
    return Actor.from_dict(value)


def _location(record: dict, origin: str) -> Location | None:
    value = record.get("location")
    if value is not None and not isinstance(value, dict):
        raise GoldError(f"{origin}: 'location' must be an object with a 'name', or null")
    return Location.from_dict(value)


def _gold_quote(record: Any, origin: str) -> Quote:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise GoldError(f"{origin}: a quote needs its 'text'")
    return Quote(record["text"], _actor(record, "speaker", origin))


# ---------------------------------------------------------------- predictions

@dataclass
class Predictions:
    """Predicted documents by doc_id, and the inputs that could not be used."""

    documents: dict[str, Document] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)


Extract = Callable[[Iterable[Article | InputError]], Iterator[Document | InputError]]


def is_prediction_file(path: str) -> bool:
    """A .jsonl file whose first record is a document with events (not an article)."""
    file = Path(path)
    if file.suffix.lower() != ".jsonl" or not file.is_file():
        return False
    try:
        with file.open(encoding="utf-8") as lines:
            first = next((line for line in lines if line.strip()), "")
        record = json.loads(first)
    except (OSError, UnicodeDecodeError, ValueError):
        return False  # extraction's reader reports what is wrong with it
    return isinstance(record, dict) and "doc_id" in record and "events" in record


def read_predictions(path: str) -> dict[str, Document]:
    """The documents of a predictions JSONL file; a bad line raises InputError (path:line)."""
    return {document.doc_id: document for document in read_documents(Path(path))}


def gather_predictions(inputs: Iterable[str], wanted: set[str], extract: Extract) -> Predictions:
    """Predictions for the `wanted` doc_ids: prediction files are read, the other inputs
    extracted with `extract` (articles without gold are skipped before extraction)."""
    result = Predictions()
    articles: list[str] = []
    for path in inputs:
        if is_prediction_file(path):
            try:
                result.documents.update(read_predictions(path))
            except InputError as error:
                result.errors.append(error)
        else:
            articles.append(path)
    if articles:
        for item in extract(_with_gold(read_inputs(articles), wanted)):
            if isinstance(item, InputError):
                result.errors.append(item)
            else:
                result.documents[item.doc_id] = item
    return result


def _with_gold(items: Iterable[Article | InputError], wanted: set[str]
               ) -> Iterator[Article | InputError]:
    return (item for item in items if isinstance(item, InputError) or item.doc_id in wanted)
