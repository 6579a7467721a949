"""Ingest: every input kind, and every kind of bad input with its message."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from eventscope.ingest import read_inputs
from eventscope.records import Article, InputError

HTML_PAGE = """<html><head><title>Ministers agree on grain corridor</title>
<meta property="article:published_time" content="2022-07-22T09:30:00+03:00"></head>
<body><article><h1>Ministers agree on grain corridor</h1>
<p>ISTANBUL (Reuters) - The two ministers signed an agreement on Friday to reopen the ports
for grain exports, officials from both governments said after the ceremony.</p>
</article></body></html>"""


def read_all(*paths) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths]))


def only(results):
    assert len(results) == 1, results
    return results[0]


def reason(result) -> str:
    assert isinstance(result, InputError), result
    return result.reason


# ---------------------------------------------------------------- good input

def test_text_file_gives_article_named_after_the_file(tmp_path: Path):
    (tmp_path / "kabul-talks.txt").write_text("The envoy met the minister.\n", encoding="utf-8")
    article = only(read_all(tmp_path / "kabul-talks.txt"))
    assert article == Article(
        doc_id="kabul-talks", text="The envoy met the minister.\n",
        origin=str(tmp_path / "kabul-talks.txt"))


def test_utf8_bom_is_dropped(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfThe envoy arrived.")
    assert only(read_all(tmp_path / "a.txt")).text == "The envoy arrived."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                      "utf-32-be"])
def test_byte_order_mark_decides_the_encoding(tmp_path: Path, encoding: str):
    # UTF-32-LE's mark begins with UTF-16-LE's: read as UTF-16 it would be text full of NULs.
    (tmp_path / "a.txt").write_bytes(("\ufeffThe envoy arrived in Doha.").encode(encoding))
    assert only(read_all(tmp_path / "a.txt")).text == "The envoy arrived in Doha."


@pytest.mark.parametrize("text, encoding", [
    ("Le ministre a rencontré son homologue à Genève, a déclaré le porte-parole.", "cp1252"),
    ("The minister said “we agree” — and left Café Central.", "cp1252"),
    ("Путин встретился с Асадом в Москве, сообщил Кремль в пятницу.", "cp1251"),
])
def test_text_that_is_not_utf8_is_read_in_the_encoding_found(tmp_path: Path, text: str,
                                                              encoding: str):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    assert only(read_all(tmp_path / "a.txt")).text == text


def test_valid_utf8_is_never_second_guessed(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes("Ã© is what mojibake looks like.".encode())
    assert only(read_all(tmp_path / "a.txt")).text == "Ã© is what mojibake looks like."


def test_html_file_keeps_markup_and_reads_meta_title_and_date(tmp_path: Path):
    (tmp_path / "grain.htm").write_text(HTML_PAGE, encoding="utf-8")
    article = only(read_all(tmp_path / "grain.htm"))
    assert article.doc_id == "grain"
    assert article.html == HTML_PAGE and article.text is None
    assert article.title == "Ministers agree on grain corridor"
    assert article.publication_date == "2022-07-22"


def test_jsonl_lines_become_articles_with_their_fields(tmp_path: Path):
    lines = [
        {"id": "a1", "text": "Talks resumed.", "title": "Talks", "publication_date": "2020-03-05T10:00:00Z",
         "url": "https://example.org/a1", "source": "Example Wire"},
        {"text": "No id here."},
        {"id": 42, "html": HTML_PAGE, "title": "Given title"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines[:2]) + "\n\n" + json.dumps(lines[2]) + "\n")
    first, second, third = read_all(path)
    assert first == Article(
        doc_id="a1", text="Talks resumed.", title="Talks", publication_date="2020-03-05",
        url="https://example.org/a1", source="Example Wire", origin=f"{path}:1")
    assert (second.doc_id, second.origin) == ("batch-2", f"{path}:2")
    # the given title wins over the page's; the page's date fills the gap
    assert (third.doc_id, third.title, third.publication_date) == ("42", "Given title", "2022-07-22")
    assert third.origin == f"{path}:4"


@pytest.mark.parametrize("written, iso", [
    ("26 July 2018", "2018-07-26"),
    ("July 26, 2018", "2018-07-26"),
    ("Thu, 26 Jul 2018 10:00:00 +0000", "2018-07-26"),
    ("2018-07-26T23:59:00-05:00", "2018-07-26"),
    ("26/07/2018", "2018-07-26"),
])
def test_jsonl_publication_date_is_normalised(tmp_path: Path, written: str, iso: str):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Body.", "publication_date": written}) + "\n")
    assert only(read_all(path)).publication_date == iso


def test_directory_is_read_recursively_in_path_order_skipping_other_files(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "c.jsonl").write_text('{"id": "third", "text": "Third."}\n')
    (tmp_path / "notes.json").write_text("{}")  # not an input kind: skipped in a directory
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    assert [a.doc_id for a in read_all(tmp_path)] == ["a", "2", "third"]


def test_inputs_keep_their_order(tmp_path: Path):
    for name in ("z", "m", "a"):
        (tmp_path / f"{name}.txt").write_text(f"Article {name}.")
    assert [a.doc_id for a in read_all(*(tmp_path / f"{n}.txt" for n in "zma"))] == ["z", "m", "a"]


def test_reading_is_lazy(tmp_path: Path):
    (tmp_path / "a.txt").write_text("One.")
    results = read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "later.txt")])
    assert next(results).doc_id == "a"
    (tmp_path / "later.txt").write_text("Written after the first was read.")
    assert next(results).doc_id == "later"


def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(monkeypatch):
    _stdin(monkeypatch, b"\nThe ministers met in Oslo.\nThey agreed.\n")
    article = only(read_all("-"))
    assert (article.doc_id, article.origin, article.html) == ("stdin", "<stdin>", None)
    assert article.text == "\nThe ministers met in Oslo.\nThey agreed.\n"


def test_stdin_html(monkeypatch):
    _stdin(monkeypatch, HTML_PAGE.encode())
    article = only(read_all("-"))
    assert article.html == HTML_PAGE and article.doc_id == "stdin"


def test_stdin_jsonl(monkeypatch):
    _stdin(monkeypatch, b'\n{"id": "s1", "text": "One."}\n{"text": "Two."}\nnot json\n')
    first, second, third = read_all("-")
    assert (first.doc_id, first.origin) == ("s1", "<stdin>:2")
    assert (second.doc_id, second.origin) == ("stdin-3", "<stdin>:3")
    assert third.origin == "<stdin>:4" and reason(third).startswith("line is not valid JSON")


def test_stdin_without_buffer(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Plain words, no bytes."))
    assert only(read_all("-")).text == "Plain words, no bytes."


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("name, data, message", [
    ("binary.txt", b"GIF89a\x00\x01\x02", "binary file (contains NUL bytes)"),
    ("noise.txt", bytes(range(0x80, 0x100)) * 3,
     "not valid UTF-8 at byte 0, and no other text encoding fits"),
    ("wide.jsonl", '{"text": "x"}'.encode("utf-16"), "JSONL must be UTF-8; this file is UTF-16"),
    ("empty.txt", b"", "empty file"),
    ("blank.html", b" \n\t\n", "empty file"),
    ("empty.jsonl", b"\n\n", "empty file"),
    ("binary.jsonl", b'{"id": "a"}\x00\x00', "binary file (contains NUL bytes)"),
    ("report.pdf", b"%PDF-1.4", "unsupported input '.pdf' (expected .txt, .html, .htm or .jsonl)"),
    ("README", b"text", "unsupported input a file without extension (expected .txt, .html, .htm or .jsonl)"),
])
def test_bad_file_gives_one_error_naming_it(tmp_path: Path, name: str, data: bytes, message: str):
    (tmp_path / name).write_bytes(data)
    error = only(read_all(tmp_path / name))
    assert isinstance(error, InputError)
    assert (error.origin, error.reason) == (str(tmp_path / name), message)
    assert str(error) == f"{tmp_path / name}: {message}"


def test_missing_file(tmp_path: Path):
    assert reason(only(read_all(tmp_path / "gone.txt"))) == "no such file or directory"


def test_unreadable_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Secret.")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)  # root reads any file, so refuse here
    assert reason(only(read_all(path))) == "cannot read file: permission denied"


def test_directory_without_inputs(tmp_path: Path):
    (tmp_path / "data.csv").write_text("a,b")
    error = only(read_all(tmp_path))
    assert error.origin == str(tmp_path)
    assert error.reason == "directory holds no .txt, .html, .htm or .jsonl files"


@pytest.mark.parametrize("line, message", [
    ('{"id": "a" "text": "x"}', "line is not valid JSON: Expecting ',' delimiter (col 12)"),
    ('["a", "b"]', "line is not a JSON object (found an array)"),
    ('"just a string"', "line is not a JSON object (found a string)"),
    ('{"id": "a"}', "line has neither 'text' nor 'html'"),
    ('{"id": "a", "text": "   "}', "line has neither 'text' nor 'html'"),
    ('{"id": "a", "text": ["x"]}', "field 'text' must be a string, found an array"),
    ('{"id": true, "text": "x"}', "field 'id' must be a string, found a boolean"),
    ('{"text": "x", "title": 3}', "field 'title' must be a string, found a number"),
    ('{"text": "x", "publication_date": "sometime soon"}', "publication_date is not a date: 'sometime soon'"),
    ('{"text": "x", "publication_date": "2021-02-30"}', "publication_date is not a date: '2021-02-30'"),
])
def test_bad_jsonl_line_is_an_error_and_reading_goes_on(tmp_path: Path, line: str, message: str):
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{{"id": "before", "text": "x"}}\n{line}\n{{"id": "after", "text": "y"}}\n')
    before, error, after = read_all(path)
    assert (before.doc_id, after.doc_id) == ("before", "after")
    assert (error.origin, error.reason) == (f"{path}:2", message)


@pytest.mark.parametrize("line, message", [
    ("[" * 100_000 + "]" * 100_000, "line is not valid JSON: nested too deeply"),
    ('{"text": ' + "9" * 5000 + "}", "field 'text' must be a string, found a number"),
    ('{"text": "x", "publication_date": "2021-13"}', "publication_date is not a date: '2021-13'"),
])
def test_hostile_jsonl_line_is_one_error_and_reading_goes_on(tmp_path: Path, line: str,
                                                              message: str):
    test_bad_jsonl_line_is_an_error_and_reading_goes_on(tmp_path, line, message)


def test_huge_numbers_elsewhere_do_not_cost_the_article(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    digits = "7" * 5000
    path.write_text(f'{{"id": {digits}, "text": "Talks resumed.", "views": {digits}}}\n')
    assert only(read_all(path)).doc_id == digits


def test_characters_no_store_can_hold_become_storable(tmp_path: Path):
    # A lone surrogate cannot be encoded at all; PostgreSQL refuses NUL. One character
    # for one, so that offsets stay valid.
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a\\u0000b", "text": "Talks\\u0000resumed \\ud800 today.",'
                    ' "title": "T\\udfff"}\n')
    article = only(read_all(path))
    assert (article.doc_id, article.text, article.title) == (
        "a b", "Talks resumed \ufffd today.", "T\ufffd")
    assert article.text.encode("utf-8")


@pytest.mark.parametrize("given", ["2018-07", "2018"])
def test_publication_date_known_to_the_month_or_year_is_kept_at_that_precision(
        tmp_path: Path, given: str):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "Talks resumed.", "publication_date": given}) + "\n")
    assert only(read_all(path)).publication_date == given


def test_file_name_with_a_line_break_keeps_its_error_on_one_line(tmp_path: Path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    error = only(read_all(path))
    assert error.origin == str(path)
    assert "\n" not in str(error) and str(error) == f"{tmp_path}/two\\nlines.txt: empty file"


def test_undecodable_jsonl_line(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"text": "caf\xe9"}\n')
    ok, error = read_all(path)
    assert ok.doc_id == "a"
    assert (error.origin, error.reason) == (f"{path}:2", "not valid UTF-8 at byte 13 of the line")


def test_errors_do_not_stop_the_other_inputs(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Fine.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    results = read_all(tmp_path / "missing.txt", tmp_path / "bad.txt", tmp_path / "good.txt")
    assert [type(r).__name__ for r in results] == ["InputError", "InputError", "Article"]


def test_empty_stdin(monkeypatch):
    _stdin(monkeypatch, b"\n  \n")
    error = only(read_all("-"))
    assert (error.origin, error.reason) == ("<stdin>", "empty input")


def test_undecodable_stdin(monkeypatch):
    _stdin(monkeypatch, bytes(range(0x80, 0x100)) * 3)
    assert reason(only(read_all("-"))).startswith("not valid UTF-8 at byte 0")


def test_legacy_encoded_stdin_is_detected(monkeypatch):
    _stdin(monkeypatch, b"Talks in Caf\xe9 district")
    assert only(read_all("-")).text == "Talks in Café district"
