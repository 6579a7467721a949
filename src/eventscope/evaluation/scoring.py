"""Figures from matched documents: per-article tallies, their sums, and bootstrap intervals.

A `Tally` holds counts only, so the figures of any set of articles come from the sum of
their tallies. That makes resampling articles cheap: each bootstrap sample is a weighted
sum of the per-article tallies (the weights: how often each article was drawn).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass, field, fields
from typing import Any

import numpy as np

from eventscope.evaluation.matching import (
    Pair,
    actor_matches,
    date_matches,
    dyad_matches,
    full_match,
    match_events,
    match_quotes,
    normalise,
    place_matches,
)
from eventscope.records import Document, Event

LEVELS = ("type", "dyad", "full")
INTERVAL = 0.90
DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 0


@dataclass
class Tally:
    """What one article (or a sum of articles) counts toward the figures."""

    gold: int = 0               # gold events
    predicted: int = 0          # predicted events
    type_tp: int = 0            # matched pairs: same sentence and type
    dyad_tp: int = 0            # ... with source and target right
    full_tp: int = 0            # ... with names, date and place right too
    quotes_gold: int = 0
    quotes_predicted: int = 0
    quotes_tp: int = 0
    speakers_right: int = 0     # matched quotes whose speaker is right
    dated: int = 0              # matched pairs whose gold event has a date
    dates_right: int = 0        # ... the prediction right to gold's precision
    dates_exact: int = 0        # ... and of the same precision
    placed_gold: int = 0        # matched pairs whose gold event has a location
    places_found: int = 0       # ... whose place the prediction names
    placed_predicted: int = 0   # matched pairs whose prediction names a place
    places_right: int = 0       # ... which is gold's place
    factuality_right: int = 0   # matched pairs with the same factuality
    negation_right: int = 0     # matched pairs with the same `negated`
    documents: int = 0
    publication_dates_right: int = 0
    datelines_right: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(astuple(self), astuple(other))))

    @classmethod
    def total(cls, tallies: Iterable[Tally]) -> Tally:
        return sum(tallies, cls())

    def tp(self, level: str) -> int:
        return getattr(self, f"{level}_tp")


TALLY_FIELDS = tuple(f.name for f in fields(Tally))


@dataclass
class TypeCounts:
    """tp, predicted and gold events of one event type."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0


@dataclass
class ArticleScore:
    """One gold article scored: its tally, per-type counts and the events behind them."""

    doc_id: str
    gold: Document
    predicted: Document
    tally: Tally
    by_type: dict[str, TypeCounts]
    pairs: list[Pair] = field(default_factory=list)

    def missed(self) -> list[Event]:
        matched = {pair.gold for pair in self.pairs}
        return [e for i, e in enumerate(self.gold.events) if i not in matched]

    def extra(self) -> list[Event]:
        matched = {pair.predicted for pair in self.pairs}
        return [e for i, e in enumerate(self.predicted.events) if i not in matched]

    def partial(self) -> list[tuple[Event, Event]]:
        """Matched pairs that fail the full level."""
        pairs = ((self.gold.events[p.gold], self.predicted.events[p.predicted])
                 for p in self.pairs)
        return [(g, p) for g, p in pairs if not full_match(g, p)]


def score_article(gold: Document, predicted: Document | None) -> ArticleScore:
    """Match one article's predictions to its gold; a missing prediction finds nothing."""
    predicted = predicted or Document(doc_id=gold.doc_id)
    pairs = match_events(gold.events, predicted.events)
    tally = Tally(gold=len(gold.events), predicted=len(predicted.events), documents=1)
    for pair in pairs:
        _count_pair(tally, gold.events[pair.gold], predicted.events[pair.predicted])
    _count_quotes(tally, gold, predicted)
    tally.publication_dates_right = _same_value(gold.publication_date, predicted.publication_date)
    tally.datelines_right = _same_value(gold.dateline, predicted.dateline)
    return ArticleScore(gold.doc_id, gold, predicted, tally, _type_counts(gold, predicted, pairs),
                        pairs)


def _count_pair(tally: Tally, gold: Event, predicted: Event) -> None:
    tally.type_tp += 1
    tally.dyad_tp += dyad_matches(gold, predicted, by_name=False)
    tally.full_tp += full_match(gold, predicted)
    if gold.date:
        tally.dated += 1
        tally.dates_right += date_matches(gold, predicted)
        tally.dates_exact += (predicted.date or "") == gold.date
    if gold.location:
        tally.placed_gold += 1
        tally.places_found += place_matches(gold, predicted)
    if predicted.location and predicted.location.name:
        tally.placed_predicted += 1
        tally.places_right += bool(gold.location) and place_matches(gold, predicted)
    tally.factuality_right += (gold.factuality or "asserted") == (predicted.factuality or "asserted")
    tally.negation_right += bool(gold.negated) == bool(predicted.negated)


def _count_quotes(tally: Tally, gold: Document, predicted: Document) -> None:
    tally.quotes_gold, tally.quotes_predicted = len(gold.quotes), len(predicted.quotes)
    for pair in match_quotes(gold.quotes, predicted.quotes):
        tally.quotes_tp += 1
        tally.speakers_right += actor_matches(gold.quotes[pair.gold].speaker,
                                              predicted.quotes[pair.predicted].speaker,
                                              by_name=True)


def _same_value(gold: str | None, predicted: str | None) -> bool:
    """Publication date and dateline: a value where gold has none is wrong too."""
    return normalise(gold) == normalise(predicted)


def _type_counts(gold: Document, predicted: Document, pairs: list[Pair]) -> dict[str, TypeCounts]:
    counts: dict[str, TypeCounts] = {}
    for event in gold.events:
        counts.setdefault(event.type, TypeCounts()).gold += 1
    for event in predicted.events:
        counts.setdefault(event.type, TypeCounts()).predicted += 1
    for pair in pairs:
        counts[gold.events[pair.gold].type].tp += 1
    return counts


def merge_type_counts(articles: Iterable[ArticleScore]) -> dict[str, TypeCounts]:
    merged: dict[str, TypeCounts] = {}
    for article in articles:
        for event_type, counts in article.by_type.items():
            total = merged.setdefault(event_type, TypeCounts())
            total.tp += counts.tp
            total.predicted += counts.predicted
            total.gold += counts.gold
    return dict(sorted(merged.items(), key=lambda item: str(item[0])))


# ---------------------------------------------------------------- figures

def prf(tp: int, predicted: int, gold: int) -> dict[str, float | int]:
    """Precision, recall and F1 (0 where undefined), with the counts behind them."""
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "pred": predicted, "gold": gold,
            "precision": precision, "recall": recall, "f1": f1}


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def figures(tally: Tally) -> dict[str, Any]:
    """Every figure of a set of articles, keyed as `shared/tools/score.py --json` keys them
    (without `by_type`, which needs per-type counts)."""
    t = tally
    return {
        "events": {level: prf(t.tp(level), t.predicted, t.gold) for level in LEVELS},
        "quotes": prf(t.quotes_tp, t.quotes_predicted, t.quotes_gold),
        "quote_speaker_accuracy": t.speakers_right / t.quotes_tp if t.quotes_tp else 0.0,
        "date_accuracy": _share(t.dates_right, t.dated),
        "date_exact_accuracy": _share(t.dates_exact, t.dated),
        "location_accuracy": _share(t.places_found, t.placed_gold),
        "location_precision": _share(t.places_right, t.placed_predicted),
        "factuality_accuracy": _share(t.factuality_right, t.type_tp),
        "negation_accuracy": _share(t.negation_right, t.type_tp),
        "dyad_given_type": _share(t.dyad_tp, t.type_tp),
        "metadata": {"publication_date": _share(t.publication_dates_right, t.documents),
                     "dateline": _share(t.datelines_right, t.documents)},
    }


def headline(tally: Tally) -> dict[str, float | None]:
    """The scalar figures that get intervals, by a flat name ('type.f1', 'date_accuracy')."""
    result = figures(tally)
    flat: dict[str, float | None] = {}
    for level in (*LEVELS, "quotes"):
        counts = result["events"][level] if level in LEVELS else result["quotes"]
        for measure in ("precision", "recall", "f1"):
            flat[f"{level}.{measure}"] = counts[measure]
    for key, value in result.items():
        if key not in ("events", "quotes", "metadata"):
            flat[key] = value
    for key, value in result["metadata"].items():
        flat[f"{key}_accuracy"] = value
    return flat


# ---------------------------------------------------------------- bootstrap

@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def to_list(self) -> list[float]:
        return [self.low, self.high]


def resample_weights(articles: int, resamples: int, seed: int) -> np.ndarray:
    """How often each article is drawn in each resample (resamples x articles)."""
    rng = np.random.default_rng(seed)
    return rng.multinomial(articles, np.full(articles, 1 / articles), size=resamples)


def _resampled_tallies(tallies: Sequence[Tally], weights: np.ndarray) -> list[Tally]:
    matrix = np.array([astuple(t) for t in tallies], dtype=np.int64)
    return [Tally(*(int(v) for v in row)) for row in weights @ matrix]


def percentile_interval(values: Sequence[float], level: float = INTERVAL) -> Interval | None:
    if not values:
        return None
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(np.asarray(values, dtype=float), [tail, 100 - tail])
    return Interval(float(low), float(high))


def bootstrap(tallies: Sequence[Tally], measure: Callable[[Tally], dict[str, float | None]],
              weights: np.ndarray) -> dict[str, Interval | None]:
    """A percentile interval for each figure `measure` gives, over resampled article sets.

    A resample where a figure is undefined (no dated events drawn...) does not count for it.
    """
    samples: dict[str, list[float]] = {}
    for resampled in _resampled_tallies(tallies, weights):
        for name, value in measure(resampled).items():
            samples.setdefault(name, [])
            if value is not None:
                samples[name].append(value)
    return {name: percentile_interval(values) for name, values in samples.items()}


def intervals(tallies: Sequence[Tally], resamples: int = DEFAULT_RESAMPLES,
              seed: int = DEFAULT_SEED) -> dict[str, Interval | None]:
    """90 % intervals of the headline figures, by resampling articles with replacement."""
    if not tallies:
        return {}
    return bootstrap(tallies, headline, resample_weights(len(tallies), resamples, seed))


def type_f1_intervals(articles: Sequence[ArticleScore], weights: np.ndarray
                      ) -> dict[str, Interval | None]:
    """90 % intervals of each event type's F1 ('by_type.ACCUSE.f1'), over the same resamples.

    F1 is 2 tp / (pred + gold); a resample with no event of the type does not count.
    """
    found: dict[str, Interval | None] = {}
    for event_type in merge_type_counts(articles):
        counts = np.array([_type_row(article, event_type) for article in articles], dtype=np.int64)
        tp, predicted, gold = (weights @ counts).T
        scored = predicted + gold > 0
        f1 = 2 * tp[scored] / (predicted[scored] + gold[scored])
        found[f"by_type.{event_type}.f1"] = percentile_interval(f1.tolist())
    return found


def _type_row(article: ArticleScore, event_type: str) -> tuple[int, int, int]:
    counts = article.by_type.get(event_type, TypeCounts())
    return counts.tp, counts.predicted, counts.gold


def change_intervals(old: Sequence[Tally], new: Sequence[Tally],
                     resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED
                     ) -> dict[str, Interval | None]:
    """90 % intervals of new minus old for each headline figure, resampling the same
    articles for both (a paired bootstrap): an interval that excludes 0 is a real change."""
    if not new:
        return {}
    weights = resample_weights(len(new), resamples, seed)
    differences: dict[str, list[float]] = {}
    for before, after in zip(_resampled_tallies(old, weights), _resampled_tallies(new, weights)):
        old_figures, new_figures = headline(before), headline(after)
        for name, value in new_figures.items():
            differences.setdefault(name, [])
            if value is not None and old_figures[name] is not None:
                differences[name].append(value - old_figures[name])
    return {name: percentile_interval(values) for name, values in differences.items()}


# ---------------------------------------------------------------- a whole evaluation

@dataclass
class Evaluation:
    """Every gold article scored, with the figures of the whole set and their intervals."""

    articles: list[ArticleScore]
    intervals: dict[str, Interval | None]
    resamples: int
    seed: int

    @property
    def total(self) -> Tally:
        return Tally.total(a.tally for a in self.articles)

    def tallies(self) -> list[Tally]:
        return [a.tally for a in self.articles]

    def figures(self) -> dict[str, Any]:
        """The figures of `shared/tools/score.py --json`, `by_type` included."""
        result = figures(self.total)
        result["by_type"] = {t: prf(c.tp, c.predicted, c.gold)
                             for t, c in merge_type_counts(self.articles).items()}
        return result


def evaluate(gold: dict[str, Document], predicted: dict[str, Document],
             resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED) -> Evaluation:
    """Score every gold article (in doc_id order); predictions without gold are ignored."""
    articles = [score_article(gold[doc_id], predicted.get(doc_id)) for doc_id in sorted(gold)]
    if not articles:
        return Evaluation(articles, {}, resamples, seed)
    weights = resample_weights(len(articles), resamples, seed)
    spans = {**bootstrap([a.tally for a in articles], headline, weights),
             **type_f1_intervals(articles, weights)}
    return Evaluation(articles, spans, resamples, seed)
