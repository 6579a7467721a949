"""The extractor against real news it was not written for, and against news with no events.

news-dev: 42 real articles from ~40 outlets with 487 gold events (shared/corpus/news-dev),
fed as JSONL with each article's publication date as metadata, as a crawler gives it.
FLOORS guard the figures reached (regression guards, not the targets): the issues'
targets are type F1 0.75 with recall 0.70, dyad F1 0.60, full F1 0.45, quotes 0.90
(issues "Events that real news tells" and "Who is who in an article").

off-topic: real sports, science, business and culture articles whose gold has no events:
at most one event per 2,000 words.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EVENTSCOPE = Path(sys.executable).with_name("eventscope")
# Measured at the end of the round that raised them: type 0.819 (recall 0.745), dyad 0.722,
# full 0.609, quotes 0.971; the floors sit a little under (a noise margin for 42 articles).
FLOORS = {("events", "type"): 0.79, ("events", "dyad"): 0.69, ("events", "full"): 0.58,
          ("quotes", None): 0.93}
TYPE_RECALL_FLOOR = 0.72  # the issue asks recall >= 0.70 beside the F1: not bought with silence
WORDS_PER_EVENT = 2000


def _corpus(shared_dir: Path, name: str) -> Path:
    corpus = shared_dir / "corpus" / name
    if not (corpus / "gold").is_dir():
        pytest.skip(f"needs the {name} corpus with gold at {corpus} (absent here)")
    return corpus


def _as_jsonl(corpus: Path, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as sink:
        for gold in sorted((corpus / "gold").glob("*.json")):
            date = json.loads(gold.read_text(encoding="utf-8")).get("publication_date")
            text = (corpus / f"{gold.stem}.txt").read_text(encoding="utf-8")
            sink.write(json.dumps({"id": gold.stem, "text": text,
                                   "publication_date": date if date and len(date) == 10 else None}) + "\n")
    return path


def _extract(inputs: Path, out: Path) -> Path:
    run = subprocess.run([str(EVENTSCOPE), "extract", str(inputs), "--out", str(out), "--quiet"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def news_dev_scores(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    corpus = _corpus(shared_dir, "news-dev")
    folder = tmp_path_factory.mktemp("news-dev")
    predictions = _extract(_as_jsonl(corpus, folder / "in.jsonl"), folder / "pred.jsonl")
    score = subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"), str(corpus / "gold"),
                            str(predictions), "--json"], capture_output=True, text=True, check=True)
    return json.loads(score.stdout)


@pytest.mark.parametrize(("section", "level"), list(FLOORS), ids=str)
def test_news_dev_f1_reaches_floor(news_dev_scores: dict, section: str, level: str | None):
    figures = news_dev_scores[section][level] if level else news_dev_scores[section]
    floor = FLOORS[(section, level)]
    assert figures["f1"] >= floor, (
        f"news-dev {section} {level or ''} F1 {figures['f1']:.3f} < {floor} "
        f"(P {figures['precision']:.3f}, R {figures['recall']:.3f})")


def test_news_dev_recall_reaches_floor(news_dev_scores: dict):
    figures = news_dev_scores["events"]["type"]
    assert figures["recall"] >= TYPE_RECALL_FLOOR, (
        f"news-dev type recall {figures['recall']:.3f} < {TYPE_RECALL_FLOOR} (P {figures['precision']:.3f})")


def test_off_topic_news_stays_quiet(shared_dir: Path, tmp_path: Path):
    corpus = _corpus(shared_dir, "off-topic")
    predictions = _extract(corpus, tmp_path / "pred.jsonl")
    events = [e for line in predictions.read_text(encoding="utf-8").splitlines()
              for e in json.loads(line)["events"]]
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
    allowed = words // WORDS_PER_EVENT
    assert len(events) <= allowed, (
        f"{len(events)} events in {words} words of off-topic news (at most {allowed}): "
        + "; ".join(f"{e['type']} '{e['trigger']}' in: {e['sentence'][:80]}" for e in events[:5]))
