"""`eventscope extract` as a user runs it: every input kind, output order, bad inputs.

Most tests call the click command in-process (the model loads once); one runs the
installed console script in a subprocess, as a shell user would with stdin.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscope.cli import main

pytestmark = pytest.mark.slow

EVENTSCOPE = Path(sys.executable).with_name("eventscope")  # the installed console script

VISIT = ("Visit to Tokyo\n\nMonday, 6 March 2023\n\n"
         "Indian Foreign Minister S. Jaishankar met Japanese Foreign Minister Yoshimasa Hayashi "
         "in Tokyo on Monday.\n")
CONDEMN = "Egypt condemned Israel for the air strike on the Rafah crossing on Friday.\n"
HTML = """<html><head><title>Ministers talk</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks in Ankara</h1>
<p>Turkish Foreign Minister Hakan Fidan received his Jordanian counterpart Ayman Safadi in Ankara
on Tuesday to discuss the situation in Syria and the return of refugees.</p></article>
<div class="share">Share on Facebook | Tweet | 12 comments</div></body></html>"""


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def documents(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def jsonl_line(**fields) -> str:
    return json.dumps(fields) + "\n"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "visit.txt").write_text(VISIT, encoding="utf-8")
    (folder / "talks.html").write_text(HTML, encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        jsonl_line(id="cairo-1", text=CONDEMN, publication_date="2023-05-12", title="Egypt condemns")
        + jsonl_line(id="ankara-1", html=HTML, publication_date="2023-05-09"),
        encoding="utf-8",
    )
    return folder


def test_help_explains_inputs_and_output():
    result = run("extract", "--help")
    assert result.exit_code == 0
    for word in (".txt", ".html", ".jsonl", "--out", "--model", "standard input", "JSON"):
        assert word.lower() in result.output.lower(), word


def test_text_file_gives_one_document_named_after_the_file(articles: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(articles / "visit.txt"), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    (doc,) = documents(out)
    assert doc["doc_id"] == "visit"
    assert doc["publication_date"] == "2023-03-06"
    consult = [e for e in doc["events"] if e["type"] == "CONSULT"]
    assert consult and {consult[0]["source"]["country"], consult[0]["target"]["country"]} == {"IND", "JPN"}


def test_html_file_is_cleaned_of_site_chrome(articles: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    assert run("extract", str(articles / "talks.html"), "--out", str(out)).exit_code == 0
    (doc,) = documents(out)
    assert doc["doc_id"] == "talks"
    assert "Hakan Fidan" in doc["text"]
    for chrome in ("Share on Facebook", "Home", "12 comments"):
        assert chrome not in doc["text"]


def test_jsonl_lines_keep_their_ids_and_metadata(articles: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    assert run("extract", str(articles / "feed.jsonl"), "--out", str(out)).exit_code == 0
    docs = documents(out)
    assert [d["doc_id"] for d in docs] == ["cairo-1", "ankara-1"]
    assert docs[0]["publication_date"] == "2023-05-12"
    assert docs[0]["title"] == "Egypt condemns"
    assert any(e["type"] == "ACCUSE" and e["source"]["country"] == "EGY" for e in docs[0]["events"])


def test_directory_and_explicit_inputs_come_out_in_input_order(articles: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(articles / "visit.txt"), str(articles / "feed.jsonl"),
                 str(articles / "talks.html"), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert [d["doc_id"] for d in documents(out)] == ["visit", "cairo-1", "ankara-1", "talks"]
    out_dir = tmp_path / "dir.jsonl"
    assert run("extract", str(articles), "--out", str(out_dir)).exit_code == 0
    assert sorted(d["doc_id"] for d in documents(out_dir)) == ["ankara-1", "cairo-1", "talks", "visit"]


def test_stdout_is_the_default_output(articles: Path):
    result = run("extract", str(articles / "visit.txt"))
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["doc_id"] == "visit"


def test_stdin_through_the_installed_script():
    process = subprocess.run([str(EVENTSCOPE), "extract", "-"], input=CONDEMN, capture_output=True, check=False,
                             text=True, timeout=300)
    assert process.returncode == 0, process.stderr
    (line,) = process.stdout.splitlines()
    doc = json.loads(line)
    assert isinstance(doc["doc_id"], str) and doc["doc_id"]
    assert [(e["type"], e["source"]["country"], e["target"]["country"]) for e in doc["events"]] == [
        ("ACCUSE", "EGY", "ISR")]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("empty.txt", b"", "empty"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 3, "UTF-8"),
    ],
)
def test_bad_file_is_reported_and_the_good_ones_still_written(
        articles: Path, tmp_path: Path, name: str, content: bytes, problem: str):
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "out.jsonl"
    result = run("extract", str(articles / "visit.txt"), str(bad), str(articles / "talks.html"),
                 "--out", str(out))
    assert result.exit_code == 1
    (message,) = result.stderr.splitlines()
    assert str(bad) in message and problem.lower() in message.lower()
    assert [d["doc_id"] for d in documents(out)] == ["visit", "talks"]


def test_bad_jsonl_line_is_named_by_file_and_line(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl_line(id="a", text=CONDEMN) + '{"id": "b", "text": \n'
                    + jsonl_line(id="c", text=VISIT), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(feed), "--out", str(out))
    assert result.exit_code == 1
    (message,) = result.stderr.splitlines()
    assert f"{feed}:2" in message and "JSON" in message
    assert [d["doc_id"] for d in documents(out)] == ["a", "c"]


def test_missing_file_is_reported_and_the_others_processed(articles: Path, tmp_path: Path):
    gone = tmp_path / "gone.txt"
    out = tmp_path / "out.jsonl"
    result = run("extract", str(gone), str(articles / "visit.txt"), "--out", str(out))
    assert result.exit_code == 1
    (message,) = result.stderr.splitlines()
    assert str(gone) in message and "no such file" in message.lower()
    assert [d["doc_id"] for d in documents(out)] == ["visit"]


def test_unknown_model_is_a_clear_error(articles: Path):
    result = run("extract", str(articles / "visit.txt"), "--model", "xx_no_such_model")
    assert result.exit_code != 0
    assert "xx_no_such_model" in result.output + result.stderr
