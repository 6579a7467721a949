"""No input stops a run: a batch of the seed articles mixed with one hostile input of each
kind gives every good document, one named error line per bad input and exit status 1.

Also the extractor stream itself: whatever one article makes extraction raise costs only
that article (engines.local.extract_isolated, used by extract, ingest, Spark and the API).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscope.cli import main
from eventscope.engines.local import extract_isolated, extract_parallel
from eventscope.records import Article, Document, InputError

SENTENCE = "The Turkish foreign minister met his Jordanian counterpart in Ankara on Tuesday."
BODY = f"<p>{SENTENCE}</p><p>Both ministers agreed to meet again in Amman next month.</p>"


def _html(body: str) -> str:
    return f"<html><head><title>Talks</title></head><body><article>{body}</article></body></html>"


def _jsonl(**fields: object) -> bytes:
    return (json.dumps(fields) + "\n").encode()


# Inputs that are bad: each must get exactly one error line naming it.
BAD_INPUTS: dict[str, bytes] = {
    "deep.jsonl": b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "huge-number.jsonl": b'{"text": ' + b"9" * 5000 + b"}\n",
    "binary.txt": b"GIF89a\x00\x01\x02\x00",
    "noise.txt": bytes(range(0x80, 0x100)) * 3,
    "empty.html": b"",
    "no-body.html": _html("<nav><a href='/'>Home</a></nav>").encode(),
    "wide.jsonl": '{"text": "x"}\n'.encode("utf-16"),
    "bad-date.jsonl": _jsonl(text=SENTENCE, publication_date="2018-13"),
    "line\nbreak.txt": b"",
}
# Inputs that are odd but fine: each must give its document.
ODD_INPUTS: dict[str, tuple[str, bytes]] = {
    "surrogate.jsonl": ("surrogate", b'{"id": "surrogate", "text": "' + SENTENCE.encode()
                        + b' \\ud800 \\udfff"}\n'),
    "nul.jsonl": ("nul", b'{"id": "nul", "text": "The\\u0000 ' + SENTENCE.encode() + b'"}\n'),
    "utf32.txt": ("utf32", ("\ufeff" + SENTENCE).encode("utf-32")),
    "nonchar.html": ("nonchar", _html(BODY + "<p>&#xFFFE; &#0;</p>").encode()),
    "deep.html": ("deep", _html("<div>" * 5000 + BODY + "</div>" * 5000).encode()),
    "month.jsonl": ("month", _jsonl(id="month", text=SENTENCE, publication_date="2018-07")),
}


@pytest.mark.slow
def test_seeds_mixed_with_hostile_inputs(seeds_dir: Path, tmp_path: Path):
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert len(seeds) == 5
    for name, data in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
    for name, (_, data) in ODD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
    inputs = [str(seeds[0]), *(str(tmp_path / n) for n in BAD_INPUTS), *map(str, seeds[1:]),
              *(str(tmp_path / n) for n in ODD_INPUTS)]
    out = tmp_path / "out.jsonl"

    result = CliRunner().invoke(main, ["extract", *inputs, "--out", str(out), "--workers", "1"])

    assert result.exit_code == 1, result.output
    written = [json.loads(line)["doc_id"] for line in out.read_text("utf-8").splitlines()]
    assert written == [seeds[0].stem, *(s.stem for s in seeds[1:]),
                       *(doc_id for doc_id, _ in ODD_INPUTS.values())]
    lines = result.stderr.splitlines()
    assert len(lines) == len(BAD_INPUTS), lines
    for line, name in zip(lines, BAD_INPUTS, strict=True):
        shown = str(tmp_path / name).replace("\n", "\\n")
        assert line.startswith(f"eventscope: {shown}"), (line, name)
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- the extractor stream

class FragileExtractor:
    """Stands in for the spaCy pipeline at its edge: like `nlp.pipe`, one bad text in a
    batch raises from the batched stream and loses the rest of it."""

    def __init__(self, failures: dict[str, BaseException]):
        self.failures = failures

    def extract_articles(self, articles: Iterable[Article]) -> Iterator[Document]:
        batch = list(articles)
        for article in batch:
            if article.text in self.failures:
                raise self.failures[article.text]
        for article in batch:
            yield Document(doc_id=article.doc_id, text=article.text or "")


def _articles(*texts: str) -> list[Article]:
    return [Article(doc_id=f"d{i}", text=text, origin=f"feed.jsonl:{i}")
            for i, text in enumerate(texts, start=1)]


@pytest.mark.parametrize("error, reason", [
    (ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.\nMore advice."),
     "extraction failed (ValueError: [E088] Text of length 1000001 exceeds maximum of 1000000.)"),
    (RecursionError("maximum recursion depth exceeded"),
     "extraction failed (input nested too deeply)"),
    (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"),
     ("extraction failed (UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' "
      "in position 0: surrogates not allowed)")),
])
def test_an_article_that_makes_extraction_raise_costs_only_itself(error: Exception, reason: str):
    extractor = FragileExtractor({"bad": error})
    results = list(extract_isolated(extractor, _articles("one", "two", "bad", "four")))
    assert [type(r).__name__ for r in results] == ["Document", "Document", "InputError", "Document"]
    assert [r.doc_id for r in results if isinstance(r, Document)] == ["d1", "d2", "d4"]
    assert (results[2].origin, results[2].reason) == ("feed.jsonl:3", reason)
    assert "\n" not in str(results[2])


def test_reader_errors_keep_their_places_around_an_extraction_failure():
    extractor = FragileExtractor({"bad": RuntimeError("boom")})
    items = [*_articles("one", "bad"), InputError("x.txt", "empty file"), *_articles("three")]
    results = list(extract_parallel(items, workers=1, load=lambda _: extractor, chunk_size=2))
    assert [str(r) if isinstance(r, InputError) else r.doc_id for r in results] == [
        "d1", "feed.jsonl:2: extraction failed (RuntimeError: boom)", "x.txt: empty file", "d1"]


def test_interrupts_are_not_swallowed():
    extractor = FragileExtractor({"bad": KeyboardInterrupt()})
    with pytest.raises(KeyboardInterrupt):
        list(extract_isolated(extractor, _articles("bad")))


def fragile_loader(model: str | None) -> FragileExtractor:
    return FragileExtractor({"bad": RecursionError("maximum recursion depth exceeded")})


def test_a_spark_partition_keeps_its_other_documents():
    from eventscope.engines.local import to_wire
    from eventscope.engines.spark import _extractor_over

    partition = _extractor_over(fragile_loader, None)
    items = [to_wire(item) for item in _articles("one", "bad", "three")]
    results = list(partition(iter(items)))
    assert [kind for kind, _, _ in results] == ["doc", "error", "doc"]
    assert results[1][1] == "feed.jsonl:2: extraction failed (input nested too deeply)"
