"""Extraction time per 1,000 words by document size: is it linear in the document's length?

Prints, in one run and with the model loaded once beforehand (load time excluded):
- varied synthetic news text (people, states, meetings, attacks, quotations, dates) as one
  document of 500, 1,000, 2,000 and 4,000 sentences;
- "Putin met Assad." repeated 500 ... 4,000 times as one document;
- the news-dev articles (EVENTSCOPE_SHARED/corpus/news-dev/*.txt) joined into one document,
  against the same articles extracted one by one;
- `ratio=` lines: the largest document's time per word over the smallest's, and joined over
  apart (linear time gives about 1.0; the targets are <= 1.5).

    python benchmarks/long_docs.py [--sizes 500,1000,2000,4000] [--repeat 1]
                                   [--parts synthetic,repeated,news-dev]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTSCOPE_SHARED", ROOT.parent / "shared"))

PEOPLE = ["Vladimir Putin", "Bashar al-Assad", "Recep Tayyip Erdogan", "Sergei Lavrov",
          "Antony Blinken", "Emmanuel Macron", "Olaf Scholz", "Xi Jinping", "Joe Biden",
          "Narendra Modi", "Ali Khamenei", "Benjamin Netanyahu"]
STATES = ["Russia", "Syria", "Turkey", "Iran", "Israel", "France", "Germany", "China", "India",
          "Egypt", "Jordan", "Ukraine", "the United States", "Saudi Arabia", "Qatar"]
DEMONYMS = ["Russian", "Syrian", "Turkish", "Iranian", "Israeli", "French", "German", "Chinese"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week",
        "on March 3", "in April", "yesterday"]
TEMPLATES = [
    "{p1} met {p2} in {s1} {day} to discuss the crisis.",
    "{s1} condemned the attack on {s2} and called for calm.",
    "The {d1} foreign minister said his country would support {s2}.",
    "{p1} accused {s1} of violating the ceasefire {day}.",
    "\"We will not accept any interference in our affairs,\" {p1} said.",
    "{s1} and {s2} signed an agreement on trade {day}.",
    "Protesters gathered outside the {d1} embassy in {s2} {day}.",
    "{d1} troops shelled villages near the border, killing three civilians.",
    "{p1} praised the role of {s2} in the talks.",
    "The two sides agreed to meet again next month.",
    "He told reporters that the talks had been useful and frank.",
    "{s1} imposed sanctions on {d1} officials {day}.",
    "Officials in {s1} said the aid would arrive within days.",
    "The report, published {day}, gave no figures for the losses.",
]


def synthetic_news(sentences: int, seed: int = 13) -> str:
    """`sentences` sentences of varied news text, in paragraphs of 1 to 4 sentences."""
    rng = random.Random(seed)
    paragraphs, current = [], []
    for _ in range(sentences):
        template = rng.choice(TEMPLATES)
        p1, p2 = rng.sample(PEOPLE, 2)
        s1, s2 = rng.sample(STATES, 2)
        current.append(template.format(p1=p1, p2=p2, s1=s1, s2=s2, d1=rng.choice(DEMONYMS),
                                       day=rng.choice(DAYS)))
        if rng.random() < 0.35:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def repeated_meeting(sentences: int) -> str:
    return " ".join(["Putin met Assad."] * sentences)


def news_dev_texts() -> list[str]:
    folder = SHARED / "corpus" / "news-dev"
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


def seconds(run: Callable[[], object], repeat: int) -> float:
    """The best CPU time of `repeat` runs (the machine is shared: the best is the least disturbed)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def per_thousand_words(label: str, texts: list[str], repeat: int) -> float:
    from eventscope.pipeline import extract_many

    words = sum(len(text.split()) for text in texts)
    spent = seconds(lambda: [d for d in extract_many(texts)], repeat)
    per = 1000 * spent / max(1, words)
    print(f"{label:<34} words={words:>7}  cpu_s={spent:8.2f}  s_per_1000_words={per:.3f}", flush=True)
    return per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,2000,4000", help="sentences per document")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measure (best is kept)")
    parser.add_argument("--parts", default="synthetic,repeated,news-dev", help="what to measure")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    parts = set(args.parts.split(","))

    from eventscope.pipeline import default_extractor, extract_many

    list(extract_many(["Putin met Assad in Moscow."]))  # load the model and the tables first
    assert default_extractor() is not None
    for part, name, make in (("synthetic", "synthetic news", synthetic_news),
                             ("repeated", "'Putin met Assad.'", repeated_meeting)):
        if part not in parts:
            continue
        figures = [per_thousand_words(f"{name} x{n} sentences", [make(n)], args.repeat) for n in sizes]
        print(f"ratio={figures[-1] / figures[0]:.2f}  ({name}: {sizes[-1]} vs {sizes[0]} sentences)")
    texts = news_dev_texts() if "news-dev" in parts else []
    if "news-dev" in parts and not texts:
        print(f"news-dev articles not found under {SHARED}; joined vs apart skipped")
    if not texts:
        return
    apart = per_thousand_words(f"news-dev, {len(texts)} apart", texts, args.repeat)
    joined = per_thousand_words(f"news-dev, {len(texts)} joined", ["\n\n".join(texts)], args.repeat)
    print(f"ratio={joined / apart:.2f}  (news-dev joined vs apart)")


if __name__ == "__main__":
    main()
