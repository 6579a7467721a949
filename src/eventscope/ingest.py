"""Ingest stage: articles from files, directories, JSONL and stdin, one at a time.

`read_inputs` yields an `Article` per article, in input order, or an
`InputError` in its place when the input is bad, and goes on with the rest.
Nothing is held in memory beyond the article being read.

    .txt           plain text, doc_id = file name without extension
    .html, .htm    HTML; title and publication date from its meta tags
    .jsonl         one JSON object a line: id, text or html, title, publication_date, url, source
    directory      its files of those kinds, recursively, sorted by path
    -              stdin: JSONL, HTML or plain text, whichever it looks like
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from eventscope.metadata import parse_publication_date
from eventscope.records import Article, InputError

KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN = "<stdin>"
STDIN_DOC_ID = "stdin"
_STRING_FIELDS = ("id", "text", "html", "title", "publication_date", "url", "source")
_MARKUP = re.compile(r"\s*<(?:!doctype|!--|\?xml|[a-z][\w-]*[\s/>])", re.IGNORECASE)
_SNIFF_BYTES = 8192  # how much of a JSONL file is checked for NUL bytes
# Byte order marks, longest first: UTF-32-LE's begins with UTF-16-LE's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_MAX_INT_DIGITS = 4300  # Python's own limit for converting digits to an int


class _Bad(Exception):
    """A problem with one input, turned into an InputError by the caller."""


def read_inputs(paths: Iterable[str]) -> Iterator[Article | InputError]:
    """Articles (or the errors in their place) from `paths`, in order."""
    for path in paths:
        path = str(path)
        if path == "-":
            yield from _read_stdin()
        elif Path(path).is_dir():
            yield from _read_directory(Path(path))
        else:
            yield from _read_file(Path(path), path)


# ---------------------------------------------------------------- files and directories

def _read_directory(directory: Path) -> Iterator[Article | InputError]:
    try:
        files = sorted(
            f for f in directory.rglob("*")
            if f.suffix.lower() in KINDS and f.is_file()
            and not any(part.startswith(".") for part in f.relative_to(directory).parts)
        )
    except OSError as error:
        yield InputError(str(directory), f"cannot read directory: {_os_reason(error)}")
        return
    if not files:
        yield InputError(str(directory), "directory holds no .txt, .html, .htm or .jsonl files")
    for file in files:
        yield from _read_file(file, str(file))


def _read_file(path: Path, origin: str) -> Iterator[Article | InputError]:
    kind = KINDS.get(path.suffix.lower())
    if not path.exists():
        yield InputError(origin, "no such file or directory")
    elif kind is None:
        found = f"'{path.suffix}'" if path.suffix else "a file without extension"
        yield InputError(origin, f"unsupported input {found} (expected .txt, .html, .htm or .jsonl)")
    elif kind == "jsonl":
        yield from _read_jsonl_file(path, origin)
    else:
        try:
            yield _whole_article(_decode(path.read_bytes()), kind, path.stem, origin)
        except OSError as error:
            yield InputError(origin, f"cannot read file: {_os_reason(error)}")
        except _Bad as bad:
            yield InputError(origin, str(bad))
        except Exception as error:  # noqa: BLE001 - whatever one file does costs only that file
            yield InputError.failed(origin, "reading", error)


def _read_jsonl_file(path: Path, origin: str) -> Iterator[Article | InputError]:
    try:
        with path.open("rb") as lines:
            head = lines.read(_SNIFF_BYTES)
            wide = next((name for bom, name in _BOMS if head.startswith(bom)), "utf-8-sig")
            if wide != "utf-8-sig":
                yield InputError(origin, f"JSONL must be UTF-8; this file is {wide.upper()}")
                return
            if b"\0" in head:
                yield InputError(origin, "binary file (contains NUL bytes)")
                return
            lines.seek(0)
            yield from _jsonl_articles(lines, origin, path.stem)
    except OSError as error:
        yield InputError(origin, f"cannot read file: {_os_reason(error)}")


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


# ---------------------------------------------------------------- stdin

def _read_stdin() -> Iterator[Article | InputError]:
    """Stdin as JSONL when its first non-blank line is a JSON object, else one article."""
    stream = getattr(sys.stdin, "buffer", None)
    lines: Iterator[bytes] = iter(stream) if stream is not None else (
        line.encode("utf-8") for line in sys.stdin)
    head = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    if not any(line.strip() for line in head):
        yield InputError(STDIN, "empty input")
        return
    first = head[-1].decode("utf-8", errors="replace")  # only sniffed here; decoded properly below
    if _is_json_object(first):
        yield from _jsonl_articles(chain(head, lines), STDIN, STDIN_DOC_ID)
        return
    try:
        text = _decode(b"".join(chain(head, lines)))
    except _Bad as bad:
        yield InputError(STDIN, str(bad))
        return
    kind = "html" if _MARKUP.match(first) else "text"
    yield _whole_article(text, kind, STDIN_DOC_ID, STDIN)


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(_loads(line), dict)
    except (ValueError, RecursionError):
        return False


# ---------------------------------------------------------------- decoding and articles

def _decode(data: bytes) -> str:
    """Text of the bytes. A byte order mark decides (UTF-8, UTF-16, UTF-32); without one,
    strict UTF-8, and only where that fails the encoding charset-normalizer finds."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff")
            except UnicodeDecodeError as error:
                raise _Bad(f"not valid {encoding.removesuffix('-sig').upper()} "
                           f"at byte {error.start}") from None
    if b"\0" in data:
        raise _Bad("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _detected(data, error.start)


def _detected(data: bytes, bad_byte: int) -> str:
    """Text in the encoding that charset-normalizer finds (cp1252, cp1251, ...).

    Short texts fit many single-byte encodings equally well; among the best, Windows-1252
    wins, the legacy encoding of most English news.
    """
    from charset_normalizer import from_bytes  # imported here: most inputs are UTF-8

    matches = [m for m in from_bytes(data) if m.encoding not in ("utf_8", "ascii")]
    if not matches:
        raise _Bad(f"not valid UTF-8 at byte {bad_byte}, and no other text encoding fits")
    score = min((round(m.chaos, 3), -round(m.coherence, 3)) for m in matches)
    best = [m for m in matches if (round(m.chaos, 3), -round(m.coherence, 3)) == score]
    if any("cp1252" in m.could_be_from_charset for m in best):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best[0])


def _whole_article(text: str, kind: str, doc_id: str, origin: str) -> Article | InputError:
    if not text.strip():
        return InputError(origin, "empty file")
    if kind == "html":
        return _html_article(doc_id, text, origin)
    return Article(doc_id=doc_id, text=text, origin=origin)


def _html_article(doc_id: str, html: str, origin: str, **given: str | None) -> Article:
    """An HTML article; its meta tags fill the title and date the input did not give."""
    if not given.get("title") or not given.get("publication_date"):
        title, published = _html_meta(html)
        given["title"] = given.get("title") or title
        given["publication_date"] = given.get("publication_date") or published
    return Article(doc_id=doc_id, html=html, origin=origin, **given)


def _html_meta(html: str) -> tuple[str | None, str | None]:
    """Title and publication date from the page's own metadata (meta tags, JSON-LD, <title>)."""
    from trafilatura import extract_metadata  # imported here: only HTML input needs it

    try:
        meta = extract_metadata(html, extensive=False)
    except Exception:  # noqa: BLE001 - broken markup: the metadata is optional
        return None, None
    published = parse_publication_date(meta.date) if meta.date else None
    return meta.title or None, published


# ---------------------------------------------------------------- JSONL

def _jsonl_articles(lines: Iterable[bytes], origin: str, stem: str) -> Iterator[Article | InputError]:
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        line_origin = f"{origin}:{number}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield InputError(line_origin, f"not valid UTF-8 at byte {error.start} of the line")
            seen_any = True
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            yield _record_article(_json_object(line.removeprefix("\ufeff")), line_origin, f"{stem}-{number}")
        except _Bad as bad:
            yield InputError(line_origin, str(bad))
        except Exception as error:  # noqa: BLE001 - whatever one line does costs only that line
            yield InputError.failed(line_origin, "reading the line", error)
    if not seen_any:
        yield InputError(origin, "empty file")


class _LongNumber(str):
    """A JSON integer too long for Python to convert, kept as its digits."""


def _json_int(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= _MAX_INT_DIGITS else _LongNumber(digits)


def _loads(line: str) -> object:
    return json.loads(line, parse_int=_json_int)


def _json_object(line: str) -> dict:
    try:
        record = _loads(line)
    except json.JSONDecodeError as error:
        raise _Bad(f"line is not valid JSON: {error.msg} (col {error.colno})") from None
    except RecursionError:
        raise _Bad("line is not valid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise _Bad(f"line is not a JSON object (found {_json_type(record)})")
    return record


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", _LongNumber: "a number", type(None): "null", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _record_article(record: dict, origin: str, default_id: str) -> Article:
    fields = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if name == "id" and isinstance(value, int | _LongNumber) and not isinstance(value, bool):
            value = str(value)  # numeric ids are common; they name the document all the same
        if value is not None and (not isinstance(value, str) or isinstance(value, _LongNumber)):
            raise _Bad(f"field '{name}' must be a string, found {_json_type(value)}")
        fields[name] = value if value and value.strip() else None
    if not fields["text"] and not fields["html"]:
        raise _Bad("line has neither 'text' nor 'html'")
    if fields["publication_date"]:
        iso = parse_publication_date(fields["publication_date"])
        if iso is None:
            raise _Bad(f"publication_date is not a date: {fields['publication_date']!r}")
        fields["publication_date"] = iso
    doc_id = fields.pop("id") or default_id
    extra = {k: fields[k] for k in ("title", "publication_date", "url", "source")}
    if fields["text"]:
        return Article(doc_id=doc_id, text=fields["text"], origin=origin, **extra)
    return _html_article(doc_id, fields["html"], origin, **extra)
