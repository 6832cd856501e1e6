"""`warlog evaluate --gold FILE --format FORMAT`: how accurate is warlog on your own gold data?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from warlog.cli import app
from warlog.evaluate.formats import GoldFormat, read_gold
from warlog.evaluate.predictions import extract_predictions, read_predictions
from warlog.evaluate.report import render
from warlog.evaluate.runner import evaluate as score


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="The gold file.", exists=True, dir_okay=False)],
    gold_format: Annotated[
        GoldFormat, typer.Option("--format", help="jsonl (warlog's, docs/gold-format.md), acled, gtd or case.")
    ] = "jsonl",
    pred: Annotated[
        Path | None,
        typer.Option("--pred", help="Score this `warlog extract` output instead of running the extractor.",
                     exists=True, dir_okay=False),
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the full report as JSON here.")] = None,
    errors: Annotated[int, typer.Option("--errors", help="Show up to N example misses per field.", min=0)] = 0,
) -> None:
    """Run extraction on the gold texts and score the events field by field."""
    console = Console()
    warnings = Console(stderr=True)
    gold_set = read_gold(gold, gold_format)
    for bad_row in gold_set.bad_rows:
        warnings.print(f"skipped {bad_row}", markup=False, highlight=False)
    if pred is None:
        predictions = extract_predictions(gold_set.docs)
    else:
        predictions, bad_predictions = read_predictions(pred)
        for bad_row in bad_predictions:
            warnings.print(f"skipped {bad_row}", markup=False, highlight=False)
        gold_set.bad_rows.extend(bad_predictions)
    report = score(gold_set, predictions, errors=errors)
    if report.counts.unknown_doc_ids:
        warnings.print(f"{report.counts.unknown_doc_ids} predicted events have a doc_id not in the gold")
    render(report, console)
    if json_out is not None:
        json_out.write_text(report.model_dump_json(indent=2), encoding="utf-8")
