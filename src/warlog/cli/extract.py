"""`warlog extract INPUT... -o OUTPUT`: documents in (any format), one event per JSONL line out. No database."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from warlog.cli import app
from warlog.cli.options import (
    EXIT_NOTHING_DONE,
    MaxBytesOption,
    PublishedOption,
    SchedulerOption,
    WorkersOption,
    parallel_extractor,
    progress_bar,
    read_options,
    split_results,
)
from warlog.ingest import read_sources
from warlog.ingest.decode import DEFAULT_MAX_BYTES


@app.command()
def extract(
    inputs: Annotated[
        list[str], typer.Argument(help="Files (JSONL, text, HTML, RSS/Atom), directories, URLs, or - for stdin.")
    ],
    output: Annotated[str, typer.Option("-o", "--output", help="Where to write events as JSONL; - for stdout.")] = "-",
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Extract political-violence events from documents; write one event per JSONL line."""
    articles, errors = split_results(read_sources(inputs, read_options(published, max_bytes)))
    if errors and not articles:
        raise typer.Exit(EXIT_NOTHING_DONE)
    try:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    except OSError as exc:
        typer.echo(f"{output}: cannot write: {exc.strerror}", err=True)
        raise typer.Exit(EXIT_NOTHING_DONE) from exc
    with out, parallel_extractor(workers, scheduler) as extractor, progress_bar(len(articles) >= 20) as progress:
        task = progress.add_task("extracting", total=len(articles))
        for extraction in extractor(articles):
            for event in extraction.events:
                out.write(event.model_dump_json() + "\n")
            progress.advance(task)
