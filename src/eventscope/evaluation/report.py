"""How an evaluation is shown: text tables for people, one JSON object for programs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventscope.evaluation.matching import (
    date_matches,
    dyad_matches,
    place_matches,
)
from eventscope.evaluation.scoring import (
    INTERVAL,
    LEVELS,
    ArticleScore,
    Evaluation,
    Interval,
    Tally,
    change_intervals,
    figures,
    headline,
    prf,
)
from eventscope.records import Actor, Event

# Below this many articles a bootstrap over articles understates the spread: say so.
FEW_ARTICLES = 20
# The accuracy figures below the P/R/F1 table: (headline name, label, what it is counted over).
ACCURACIES = (
    ("quote_speaker_accuracy", "quote speakers", "matched quotes"),
    ("dyad_given_type", "dyad given type", "matched events"),
    ("date_accuracy", "dates, to gold precision", "matched events with a gold date"),
    ("date_exact_accuracy", "dates, exact", "matched events with a gold date"),
    ("location_accuracy", "places found", "matched events with a gold place"),
    ("location_precision", "places precision", "matched events with a predicted place"),
    ("factuality_accuracy", "factuality", "matched events"),
    ("negation_accuracy", "negation", "matched events"),
    ("publication_date_accuracy", "publication date", "articles"),
    ("dateline_accuracy", "dateline", "articles"),
)


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _interval(interval: Interval | None, signed: bool = False) -> str:
    if interval is None:
        return "n/a"
    form = "{:+.3f}" if signed else "{:.3f}"
    return f"[{form.format(interval.low)}, {form.format(interval.high)}]"


# ---------------------------------------------------------------- the figures

def summary_text(evaluation: Evaluation) -> list[str]:
    total = evaluation.total
    lines = [
        (f"{total.documents} gold articles, {total.gold} gold events, {total.predicted} predicted; "
        f"90% intervals from {evaluation.resamples} resamples of the articles "
        f"(seed {evaluation.seed})"),
        "",
        (f"{'level':<8}{'P':>7}{'R':>7}{'F1':>7}  {'F1 90% interval':<17}{'tp':>6}{'pred':>6}"
        f"{'gold':>6}"),
    ]
    if total.documents < FEW_ARTICLES:
        counted = f"{total.documents} article{'s' if total.documents != 1 else ''}"
        lines.insert(1, f"note: with only {counted} the intervals are rough "
                        f"(too narrow); {FEW_ARTICLES} or more give usable ones")
    result = figures(total)
    rows = [(level, result["events"][level]) for level in LEVELS] + [("quotes", result["quotes"])]
    for level, m in rows:
        lines.append(f"{level:<8}{m['precision']:7.3f}{m['recall']:7.3f}{m['f1']:7.3f}  "
                     f"{_interval(evaluation.intervals.get(f'{level}.f1')):<17}"
                     f"{m['tp']:6}{m['pred']:6}{m['gold']:6}")
    values = headline(total)
    lines += ["", f"{'':<26}{'value':>7}  {'90% interval':<17}over"]
    for name, label, over in ACCURACIES:
        lines.append(f"{label:<26}{_number(values[name]):>7}  "
                     f"{_interval(evaluation.intervals.get(name)):<17}{over}")
    return lines


def by_type_text(evaluation: Evaluation) -> list[str]:
    lines = ["", (f"{'by type':<12}{'tp':>5}{'pred':>6}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}"
                 "  F1 90% interval")]
    for event_type, m in evaluation.figures()["by_type"].items():
        span = evaluation.intervals.get(f"by_type.{event_type}.f1")
        lines.append(f"{event_type!s:<12}{m['tp']:5}{m['pred']:6}{m['gold']:6}"
                     f"{m['precision']:7.3f}{m['recall']:7.3f}{m['f1']:7.3f}  {_interval(span)}")
    return lines


def article_figures(article: ArticleScore) -> dict[str, Any]:
    t = article.tally
    return {
        "doc_id": article.doc_id, "gold": t.gold, "pred": t.predicted,
        **{level: prf(t.tp(level), t.predicted, t.gold) for level in LEVELS},
        "quotes": prf(t.quotes_tp, t.quotes_predicted, t.quotes_gold),
    }


def articles_text(evaluation: Evaluation) -> list[str]:
    width = max([len(a.doc_id) for a in evaluation.articles] + [len("per article")]) + 2
    lines = ["", (f"{'per article':<{width}}{'gold':>5}{'pred':>5}{'tp':>5}{'P':>7}{'R':>7}"
                 f"{'type F1':>9}{'dyad F1':>9}{'full F1':>9}")]
    for article in evaluation.articles:
        m = article_figures(article)
        lines.append(f"{article.doc_id:<{width}}{m['gold']:5}{m['pred']:5}{m['type']['tp']:5}"
                     f"{m['type']['precision']:7.3f}{m['type']['recall']:7.3f}"
                     f"{m['type']['f1']:9.3f}{m['dyad']['f1']:9.3f}{m['full']['f1']:9.3f}")
    return lines


# ---------------------------------------------------------------- misses

def actor_text(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.name or ''}[{actor.country or ''}/{actor.sector or ''}]"


def event_text(event: Event) -> str:
    parts = [event.type, f"{actor_text(event.source)} -> {actor_text(event.target)}"]
    if event.date:
        parts.append(event.date)
    if event.location:
        parts.append(f"in {event.location.name}")
    return " ".join(parts)


def what_is_wrong(gold: Event, predicted: Event) -> str:
    """Which checks a type-matched pair fails: parties, names, date, place."""
    wrong = []
    if not dyad_matches(gold, predicted, by_name=False):
        wrong.append("parties")
    elif not dyad_matches(gold, predicted, by_name=True):
        wrong.append("names")
    if not date_matches(gold, predicted):
        wrong.append("date")
    if not place_matches(gold, predicted):
        wrong.append("place")
    return ", ".join(wrong)


@dataclass(frozen=True)
class Miss:
    """One line of `--misses`: a missed gold event, an extra prediction, or a partial pair."""

    doc_id: str
    kind: str                   # "missed", "extra" or "partial"
    gold: Event | None
    predicted: Event | None

    @property
    def event(self) -> Event:
        """The event the line is about: gold's, unless it is an extra prediction."""
        return self.gold or self.predicted  # one of them is always set

    @property
    def sentence(self) -> str:
        return self.event.sentence

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "kind": self.kind, "sentence": self.sentence,
            "gold": self.gold.to_dict() if self.gold else None,
            "pred": self.predicted.to_dict() if self.predicted else None,
            "wrong": what_is_wrong(self.gold, self.predicted) if self.kind == "partial" else None,
        }


def misses(evaluation: Evaluation) -> list[Miss]:
    found: list[Miss] = []
    for article in evaluation.articles:
        found += [Miss(article.doc_id, "missed", e, None) for e in article.missed()]
        found += [Miss(article.doc_id, "extra", None, e) for e in article.extra()]
        found += [Miss(article.doc_id, "partial", g, p) for g, p in article.partial()]
    return found


def misses_text(evaluation: Evaluation) -> list[str]:
    lines = ["", ("missed gold events, extra predictions, and partial matches (type right, "
                 "something else wrong), by article:")]
    current = None
    for miss in misses(evaluation):
        if miss.doc_id != current:
            current = miss.doc_id
            lines += ["", f"== {current}"]
        if miss.kind == "partial":
            lines.append(f"  partial {miss.gold.type}, wrong {what_is_wrong(miss.gold, miss.predicted)}")
            lines.append(f"          gold {event_text(miss.gold)}")
            lines.append(f"          pred {event_text(miss.predicted)}")
        else:
            lines.append(f"  {miss.kind:<7} {event_text(miss.event)}")
        lines.append(f"          | {' '.join(miss.sentence.split())}")
    return lines


# ---------------------------------------------------------------- --compare

@dataclass(frozen=True)
class ArticleChange:
    doc_id: str
    old: Tally
    new: Tally

    def f1(self, tally: Tally, level: str = "type") -> float:
        return prf(tally.tp(level), tally.predicted, tally.gold)["f1"]

    def change(self, level: str = "type") -> float:
        return self.f1(self.new, level) - self.f1(self.old, level)

    @property
    def moved(self) -> bool:
        return self.old != self.new

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"doc_id": self.doc_id}
        for level in LEVELS:
            result[level] = {"old_f1": self.f1(self.old, level), "new_f1": self.f1(self.new, level),
                             "change": self.change(level)}
        result["old"] = {"tp": self.old.type_tp, "pred": self.old.predicted}
        result["new"] = {"tp": self.new.type_tp, "pred": self.new.predicted}
        return result


def article_changes(old: Evaluation, new: Evaluation) -> list[ArticleChange]:
    """The articles a change moved, the biggest loss of type F1 first (then of full F1)."""
    old_tallies = {a.doc_id: a.tally for a in old.articles}
    changes = [ArticleChange(a.doc_id, old_tallies[a.doc_id], a.tally) for a in new.articles]
    moved = [c for c in changes if c.moved]
    return sorted(moved, key=lambda c: (c.change("type"), c.change("full"), c.doc_id))


def compare_figures(old: Evaluation, new: Evaluation) -> dict[str, dict[str, Any]]:
    """Each headline figure old and new, and the 90 % interval of the change."""
    before, after = headline(old.total), headline(new.total)
    spans = change_intervals(old.tallies(), new.tallies(), new.resamples, new.seed)
    return {name: {"old": before[name], "new": after[name],
                   "change": None if before[name] is None or after[name] is None
                   else after[name] - before[name],
                   "interval": spans[name].to_list() if spans.get(name) else None}
            for name in after}


COMPARED = ("type.f1", "type.precision", "type.recall", "dyad.f1", "full.f1", "quotes.f1",
            "quote_speaker_accuracy", "date_accuracy", "location_accuracy")


def compare_text(old: Evaluation, new: Evaluation, old_name: str) -> list[str]:
    lines = ["", (f"change against {old_name} (new - old; 90% interval of the change, "
                 "the same articles resampled for both)"),
             f"{'figure':<24}{'old':>7}{'new':>7}{'change':>8}  interval"]
    compared = compare_figures(old, new)
    for name in COMPARED:
        row = compared[name]
        change = "n/a" if row["change"] is None else f"{row['change']:+.3f}"
        span = (_interval(Interval(*row["interval"]), signed=True) if row["interval"] else "n/a")
        lines.append(f"{name:<24}{_number(row['old']):>7}{_number(row['new']):>7}{change:>8}  {span}")
    changes = article_changes(old, new)
    width = max([len(c.doc_id) for c in changes] + [len("articles moved")]) + 2
    lines += ["", (f"{'articles moved':<{width}}{'type F1 old':>12}{'new':>7}{'change':>8}"
                  f"{'tp/pred old':>13}{'new':>9}{'full F1 change':>16}")]
    for c in changes:
        lines.append(
            f"{c.doc_id:<{width}}{c.f1(c.old):12.3f}{c.f1(c.new):7.3f}{c.change():+8.3f}"
            f"{f'{c.old.type_tp}/{c.old.predicted}':>13}{f'{c.new.type_tp}/{c.new.predicted}':>9}"
            f"{c.change('full'):+16.3f}")
    unchanged = len(new.articles) - len(changes)
    lines.append(f"{len(changes)} articles moved, {unchanged} unchanged")
    return lines


# ---------------------------------------------------------------- JSON

def to_json(evaluation: Evaluation, *, with_misses: bool = False,
            old: Evaluation | None = None) -> dict[str, Any]:
    """The figures keyed as `score.py --json` keys them, plus intervals, per-article figures,
    and on request the misses and the comparison."""
    result = evaluation.figures()
    result["intervals"] = {name: span.to_list() if span else None
                           for name, span in evaluation.intervals.items()}
    result["bootstrap"] = {"resamples": evaluation.resamples, "seed": evaluation.seed,
                           "level": INTERVAL, "unit": "article"}
    result["articles"] = [article_figures(a) for a in evaluation.articles]
    if with_misses:
        result["misses"] = [m.to_dict() for m in misses(evaluation)]
    if old is not None:
        result["compare"] = {"figures": compare_figures(old, evaluation),
                             "articles": [c.to_dict() for c in article_changes(old, evaluation)]}
    return result
