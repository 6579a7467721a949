"""`eventscope evaluate GOLD INPUT...`: how far to trust eventscope on your own sources."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from eventscope.evaluation.causes import CauseTable, causes_text, sort_misses, spacy_lemmatizer
from eventscope.evaluation.inputs import GoldError, gather_predictions, read_gold, read_predictions
from eventscope.evaluation.report import (
    articles_text,
    by_type_text,
    compare_text,
    misses_text,
    summary_text,
    to_json,
)
from eventscope.evaluation.report import misses as list_misses
from eventscope.evaluation.scoring import DEFAULT_RESAMPLES, DEFAULT_SEED, Evaluation, evaluate
from eventscope.records import Article, Document, InputError


def _extractor(model: str | None, workers: int | None, quiet: bool):
    """Extraction as `eventscope extract` runs it, with its progress bar on stderr."""
    def extract(articles: Iterable[Article | InputError]) -> Iterator[Document | InputError]:
        from eventscope.engines.local import extract_parallel
        from eventscope.nlp import require_model
        from eventscope.progress import Progress

        try:
            require_model(model)
        except RuntimeError as error:  # the model is missing
            raise click.ClickException(str(error)) from error
        with Progress(quiet=quiet) as progress:
            for result in extract_parallel(articles, workers, model):
                progress.advance(error=isinstance(result, InputError))
                yield result

    return extract


@click.command("evaluate")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--misses", is_flag=True,
              help="List missed gold events, extra predictions and partial matches with their "
              "sentences.")
@click.option("--causes", is_flag=True,
              help="Sort the misses by cause: lexicon gap, construction or parse, type or "
              "convention, actor, date, place (a mechanical first sort).")
@click.option("--compare", "old_path", type=click.Path(exists=True, dir_okay=False),
              help="Predictions JSONL of an earlier version: show the change of every figure "
              "and the articles it moved.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object on stdout instead of tables.")
@click.option("--save", type=click.Path(dir_okay=False, writable=True),
              help="Write the predictions scored (extracted or read) as JSONL, e.g. for a later "
              "--compare.")
@click.option("--resamples", type=click.IntRange(min=10), default=DEFAULT_RESAMPLES,
              show_default=True, help="Bootstrap resamples of the articles for the intervals.")
@click.option("--seed", type=int, default=DEFAULT_SEED, show_default=True,
              help="Seed of the resampling (the same seed gives the same intervals).")
@click.option("--model", default=None, help="spaCy pipeline for extraction.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Processes that parse in parallel [default: the number of cores].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def evaluate_command(gold: Path, inputs: tuple[str, ...], misses: bool, causes: bool,
                     old_path: str | None,
                     as_json: bool, save: str | None, resamples: int, seed: int,
                     model: str | None, workers: int | None, quiet: bool) -> None:
    """Score eventscope against GOLD, a folder of gold files you annotated.

    GOLD holds one <doc_id>.json per article in the format of the event contract
    (docs/evaluate.md). INPUTS are the articles (anything `eventscope extract` takes;
    only those with a gold file are extracted) or a JSONL file of documents that
    `eventscope extract` already wrote. Prints precision, recall and F1 at type, dyad
    and full level, per type and per article, with 90% intervals from resampling the
    articles. A bad input is reported on stderr and scored as finding nothing; the
    exit status is then 1.
    """
    try:
        gold_documents = read_gold(gold)
    except GoldError as error:
        raise click.ClickException(str(error)) from error
    predictions = gather_predictions(inputs, set(gold_documents),
                                     _extractor(model, workers, quiet))
    for error in predictions.errors:
        click.echo(f"eventscope: {error}", err=True)
    _warn_unmatched(gold_documents, predictions.documents)
    if save:
        _save(predictions.documents, save)
    result = evaluate(gold_documents, predictions.documents, resamples, seed)
    old = _old_evaluation(old_path, gold_documents, resamples, seed) if old_path else None
    table = sort_misses(list_misses(result), spacy_lemmatizer(model)) if causes else None
    _show(result, misses, old, old_path, as_json, table)
    if predictions.errors:
        raise SystemExit(1)


def _warn_unmatched(gold: dict[str, Document], predicted: dict[str, Document]) -> None:
    unpredicted = len(set(gold) - set(predicted))
    if unpredicted:
        click.echo(f"eventscope: {unpredicted} of {len(gold)} gold articles have no prediction "
                   "(scored as finding nothing): do the INPUT file names match the gold "
                   "doc_ids?", err=True)


def _save(documents: dict[str, Document], path: str) -> None:
    with open(path, "w", encoding="utf-8") as sink:
        sink.writelines(json.dumps(document.to_dict(), ensure_ascii=False) + "\n" for document in documents.values())


def _old_evaluation(path: str, gold: dict[str, Document], resamples: int, seed: int) -> Evaluation:
    try:
        old = read_predictions(path)
    except InputError as error:
        raise click.ClickException(str(error)) from error
    return evaluate(gold, old, resamples, seed)


def _show(result: Evaluation, with_misses: bool, old: Evaluation | None, old_name: str | None,
          as_json: bool, causes: CauseTable | None) -> None:
    if as_json:
        figures = to_json(result, with_misses=with_misses, old=old)
        if causes is not None:
            figures["causes"] = causes.to_dict()
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    lines = summary_text(result) + by_type_text(result) + articles_text(result)
    if with_misses:
        lines += misses_text(result)
    if causes is not None:
        lines += causes_text(causes)
    if old is not None:
        lines += compare_text(old, result, old_name or "OLD")
    click.echo("\n".join(lines))
