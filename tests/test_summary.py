"""`eventscope summary`: a readable table of a JSONL of documents, and a pointer to
`extract` when it is given an article instead."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventscope.cli import main
from eventscope.records import Actor, Document, Event

RUSSIA, SYRIA = Actor(None, "RUS", "GOV"), Actor(None, "SYR", "GOV")


def ev(type_: str, **extra) -> Event:
    return Event(sentence=f"Written for this test: {type_}.", trigger="t", type=type_,
                 source=RUSSIA, target=SYRIA, date="2021-05-03", **extra)


def test_an_article_is_pointed_to_extract(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Moscow, 3 May — Russia sent aid to Syria.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["summary", str(article)])
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert f"{article}:1: not a document record" in message
    assert f"run `eventscope extract {article} --out events.jsonl`" in message


def test_one_document_is_counted_in_the_singular(tmp_path):
    document = Document("one", events=[
        ev("AID"), ev("AID", cluster_id="c1"), ev("AID", cluster_id="c1"),
        ev("ASSAULT", negated=True), ev("THREATEN", factuality="hypothetical")])
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(document.to_dict()) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["summary", str(path), "--width", "200"])
    assert result.exit_code == 0, result.output
    assert "1 document, 5 events (AID 3, ASSAULT 1, THREATEN 1), 0 quotes" in result.output
    # What the analyses count: asserted, not negated, the retold aid once.
    assert ("counted by dyad, network and the page (asserted, not negated, merged mentions "
            "once): 2 events (AID 2)") in result.output
