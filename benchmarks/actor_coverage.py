"""How many non-state mentions in real news the actor table resolves.

Two measures over the corpora of ../shared/corpus (news-dev and the seeds by default):

- `mentions`: the organisation-like names of the texts (ORG and NORP spans of the plain
  statistical spaCy model, so that the set is the same whatever the table; NORP spans
  that are a country's demonym are states and left out), and the share the table finds
  (`ActorTable.find(text, publication date)`), with the share found as a non-state
  entry (a sector other than GOV and MIL);
- `gold actors`: the named non-state parties of the gold events and quote speakers
  (a sector other than GOV and MIL given), and the share whose name the table finds with gold's
  country and sector on the article's date.

Run it on a tree with that tree's sources first on the path, e.g. before and after a change:

    PYTHONPATH=/work/main/src python benchmarks/actor_coverage.py
    PYTHONPATH=src python benchmarks/actor_coverage.py [--corpus news-dev seeds] [--misses]
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import spacy

from eventscope.actor_table import ActorTable
from eventscope.countries import Countries
from eventscope.nlp import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTSCOPE_SHARED", ROOT.parent / "shared"))
STATE_SECTORS = {"GOV", "MIL"}


def articles(corpus: Path) -> Iterator[tuple[str, str, date | None, dict]]:
    """(id, text, publication date, gold record) of each article with a gold file."""
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        text_path = corpus / f"{gold_path.stem}.txt"
        if not text_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        published = gold.get("publication_date") or ""
        on = date.fromisoformat(published) if len(published) == 10 else None
        yield gold_path.stem, text_path.read_text(encoding="utf-8"), on, gold


def gold_actors(gold: dict) -> Iterator[dict]:
    for event in gold.get("events", []):
        for side in ("source", "target"):
            if event.get(side):
                yield event[side]
    for quote in gold.get("quotes", []):
        if quote.get("speaker"):
            yield quote["speaker"]


def measure(corpora: list[Path], show_misses: bool) -> None:
    table, countries = ActorTable.load(), Countries.load()
    nlp = spacy.load(DEFAULT_MODEL, exclude=["senter"])
    mentions, found, non_state = Counter(), Counter(), Counter()
    named, right = Counter(), Counter()
    for corpus in corpora:
        for _doc_id, text, on, gold in articles(corpus):
            for ent in nlp(text).ents:
                if ent.label_ not in ("ORG", "NORP") or (ent.label_ == "NORP" and countries.lookup(ent.text)):
                    continue
                surface = ent.text.removeprefix("the ").removeprefix("The ")
                entry = table.find(surface, on)
                mentions[surface] += 1
                if entry is not None:
                    found[surface] += 1
                    non_state[surface] += entry.actor().sector not in STATE_SECTORS
            for actor in gold_actors(gold):
                if not actor.get("name") or actor.get("sector") in (None, *STATE_SECTORS):
                    continue
                key = (actor["name"], actor.get("country"), actor.get("sector"))
                named[key] += 1
                entry = table.find(actor["name"], on)
                got = entry.actor() if entry is not None else None
                right[key] += bool(got and (got.country, got.sector) == key[1:])
    total = sum(mentions.values())
    print(f"corpora: {', '.join(c.name for c in corpora)}")
    print(f"mentions (ORG/NORP, no demonyms): {total}  found: {sum(found.values()) / total:.3f}  "
          f"found as non-state: {sum(non_state.values()) / total:.3f}  (distinct names: {len(mentions)})")
    gold_total = sum(named.values())
    print(f"gold non-state actors with a name: {gold_total}  found with gold's country and sector: "
          f"{sum(right.values()) / gold_total:.3f}  (distinct: {len(named)}, right: {sum(1 for k in named if right[k])})")
    if show_misses:
        print("\nmentions not found (most frequent):")
        for surface, count in mentions.most_common():
            if not found[surface]:
                print(f"  {count:3d}  {surface}")
        print("\ngold actors not resolved:")
        for key, count in named.most_common():
            if right[key] < count:
                entry = table.find(key[0])
                print(f"  {count:3d}  {key}  table: {entry.actor() if entry else None}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", default=["news-dev", "seeds"],
                        help="corpus names under $EVENTSCOPE_SHARED/corpus (default: news-dev seeds)")
    parser.add_argument("--misses", action="store_true", help="list what is not found")
    args = parser.parse_args()
    corpora = [SHARED / "corpus" / name for name in args.corpus]
    missing = [str(c) for c in corpora if not (c / "gold").is_dir()]
    if missing:
        raise SystemExit(f"no gold folder in {', '.join(missing)} (set EVENTSCOPE_SHARED)")
    measure(corpora, args.misses)


if __name__ == "__main__":
    main()
