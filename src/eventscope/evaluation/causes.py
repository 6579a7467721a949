"""Why events were missed or got wrong parts: a first sort of the misses by cause.

The sort is mechanical, to tell where the work is, not a verdict on each miss:

- `lexicon gap`: no word of the sentence is a trigger of the gold type in the lexicon
  (verbs, event nouns, predicate adjectives, accusation and praise nouns);
- `construction or parse`: the sentence has such a word but no event of that type came
  out of it: the construction is not handled, or the parse put the words elsewhere;
- `type or convention`: an event was found in the sentence, of another type (a sense or
  a coding convention the extractor reads differently);
- `actor`, `date`, `place`: the type was found; the parties (or their names), the date
  or the place are wrong (a pair can count under several of these).

Extra predictions are sorted as `type or convention` when gold has an event of another
type in that sentence, else `no event in gold`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventscope.evaluation.matching import date_matches, dyad_matches, place_matches, same_sentence
from eventscope.evaluation.report import Miss
from eventscope.lexicon import Lexicon

MISS_CAUSES = ("lexicon gap", "construction or parse", "type or convention")
PART_CAUSES = ("actor", "date", "place")
EXTRA_CAUSES = ("type or convention", "no event in gold")

Lemmatize = Callable[[list[str]], list[set[str]]]
NOUN_PREPOSITIONS = frozenset({"for", "on", "of", "to", "against", "with"})  # "call for" keys


@dataclass(frozen=True)
class CauseTable:
    """Counts of misses, partial matches and extra predictions by cause, overall and by type."""

    missed: Counter[str]
    partial: Counter[str]
    extra: Counter[str]
    by_type: dict[str, Counter[str]]   # gold type -> cause -> missed or partial events

    def to_dict(self) -> dict:
        return {"missed": dict(self.missed), "partial": dict(self.partial),
                "extra": dict(self.extra),
                "by_type": {t: dict(c) for t, c in sorted(self.by_type.items())}}


def trigger_words(lexicon: Lexicon) -> dict[str, set[str]]:
    """PLOVER type -> the words that can express it: the verb of verb keys ("call on",
    "recall ambassador"), the head noun of noun keys ("phone call")."""
    words: dict[str, set[str]] = {}
    heads = [(lexicon.verbs, 0), (lexicon.adjectives, 0), (lexicon.nouns, -1),
             (lexicon.accusation_nouns, -1), (lexicon.praise_nouns, -1)]
    for table, head in heads:
        for key, trigger in table.items():
            parts = key.lower().split()
            # a noun read with its preposition ("call for") has its noun first
            word = parts[0] if table is lexicon.nouns and parts[-1] in NOUN_PREPOSITIONS else parts[head]
            words.setdefault(trigger.type, set()).add(word)
    return words


def sort_misses(misses: Iterable[Miss], lemmatize: Lemmatize,
                lexicon: Lexicon | None = None) -> CauseTable:
    """Count every miss under its cause. `lemmatize` gives each sentence's lemmas (in a
    batch, so a spaCy pipeline can do it in one pass)."""
    misses = list(misses)
    words = trigger_words(lexicon or Lexicon.load())
    missed = [m for m in misses if m.kind == "missed"]
    lemmas = lemmatize([m.sentence for m in missed])
    found = _found_sentences(misses)
    table = CauseTable(Counter(), Counter(), Counter(), {})
    for miss, sentence_lemmas in zip(missed, lemmas, strict=True):
        cause = _missed_cause(miss, sentence_lemmas, words, found.get(miss.doc_id, []))
        table.missed[cause] += 1
        table.by_type.setdefault(miss.gold.type, Counter())[cause] += 1
    for miss in (m for m in misses if m.kind == "partial"):
        for cause in _partial_causes(miss):
            table.partial[cause] += 1
            table.by_type.setdefault(miss.gold.type, Counter())[cause] += 1
    gold_sentences = _gold_sentences(misses)
    for miss in (m for m in misses if m.kind == "extra"):
        other = any(same_sentence(s, miss.sentence) for s in gold_sentences.get(miss.doc_id, []))
        table.extra[EXTRA_CAUSES[0] if other else EXTRA_CAUSES[1]] += 1
    return table


def _missed_cause(miss: Miss, lemmas: set[str], words: dict[str, set[str]],
                  found_sentences: list[str]) -> str:
    if any(same_sentence(miss.sentence, s) for s in found_sentences):
        return "type or convention"
    if lemmas & words.get(miss.gold.type, set()):
        return "construction or parse"
    return "lexicon gap"


def _partial_causes(miss: Miss) -> list[str]:
    causes = []
    if not dyad_matches(miss.gold, miss.predicted, by_name=True):
        causes.append("actor")
    if not date_matches(miss.gold, miss.predicted):
        causes.append("date")
    if not place_matches(miss.gold, miss.predicted):
        causes.append("place")
    return causes


def _found_sentences(misses: list[Miss]) -> dict[str, list[str]]:
    """Sentences with an extra prediction, by article: something was found there."""
    found: dict[str, list[str]] = {}
    for miss in misses:
        if miss.kind == "extra":
            found.setdefault(miss.doc_id, []).append(miss.sentence)
    return found


def _gold_sentences(misses: list[Miss]) -> dict[str, list[str]]:
    gold: dict[str, list[str]] = {}
    for miss in misses:
        if miss.gold is not None:
            gold.setdefault(miss.doc_id, []).append(miss.sentence)
    return gold


def spacy_lemmatizer(model: str | None = None) -> Lemmatize:
    """Lemmas of sentences with the extraction's own spaCy pipeline (loaded on first use)."""
    def lemmatize(sentences: list[str]) -> list[set[str]]:
        from eventscope.nlp import load

        nlp = load(model)
        return [{t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}
                for doc in nlp.pipe(sentences, batch_size=64)]

    return lemmatize


def causes_text(table: CauseTable) -> list[str]:
    """The cause table for people."""
    lines = ["", "misses by cause (a mechanical first sort; see eventscope.evaluation.causes):"]
    for label, counts, names in (("missed gold events", table.missed, MISS_CAUSES),
                                 ("partial matches", table.partial, PART_CAUSES),
                                 ("extra predictions", table.extra, EXTRA_CAUSES)):
        total = sum(counts.values()) if label != "partial matches" else None
        lines.append(f"  {label}" + (f" ({total})" if total is not None else ""))
        lines += [f"    {name:<24}{counts.get(name, 0):>5}" for name in names]
    causes = MISS_CAUSES + PART_CAUSES
    lines += ["", "  by gold type: " + " | ".join(causes)]
    for kind, counts in sorted(table.by_type.items()):
        lines.append(f"    {kind:<10}" + " ".join(f"{counts.get(c, 0):>5}" for c in causes))
    return lines
