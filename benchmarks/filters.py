"""What each candidate filter (eventscope.events.filters.FILTERS) removes on a gold set.

Extracts the set once with every filter and once without each filter in turn, scores each
run with `shared/tools/score.py --json`, and prints per filter the events it removes and
how many of them were right (type level: the true positives lost with them), so that a
filter that costs more recall than it buys precision shows up. docs/events.md records the
figures for news-dev.

    python benchmarks/filters.py [--corpus ../shared/corpus/news-dev]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from eventscope.events import filters
from eventscope.pipeline import Extractor
from eventscope.records import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTSCOPE_SHARED", ROOT.parent / "shared"))


def articles(corpus: Path) -> list[Article]:
    """The corpus's articles, with the publication date of their gold file."""
    out = []
    for gold in sorted((corpus / "gold").glob("*.json")):
        date = json.loads(gold.read_text(encoding="utf-8")).get("publication_date")
        text = (corpus / f"{gold.stem}.txt").read_text(encoding="utf-8")
        out.append(Article(doc_id=gold.stem, text=text,
                           publication_date=date if date and len(date) == 10 else None))
    return out


def type_scores(extractor: Extractor, items: list[Article], corpus: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for document in extractor.extract_articles(items):
            out.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
    scored = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(corpus / "gold"),
                             out.name, "--json"], capture_output=True, text=True, check=True)
    os.unlink(out.name)
    return json.loads(scored.stdout)["events"]["type"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "news-dev")
    corpus = parser.parse_args().corpus
    extractor = Extractor()
    items = articles(corpus)
    everything = dict(filters.FILTERS)
    base = type_scores(extractor, items, corpus)
    print(f"all filters: pred {base['pred']} tp {base['tp']} P {base['precision']:.3f} "
          f"R {base['recall']:.3f} F1 {base['f1']:.3f}")
    print(f"{'filter':<12} {'removes':>8} {'right':>6} {'F1 without':>11}")
    for name in everything:
        filters.FILTERS.clear()
        filters.FILTERS.update((k, v) for k, v in everything.items() if k != name)
        without = type_scores(extractor, items, corpus)
        print(f"{name:<12} {without['pred'] - base['pred']:>8} {without['tp'] - base['tp']:>6} "
              f"{without['f1']:>11.3f}")
    filters.FILTERS.clear()
    filters.FILTERS.update(everything)


if __name__ == "__main__":
    main()
