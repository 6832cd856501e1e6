"""`warlog extract INPUT... -o OUTPUT`: documents in (any format), one event per JSONL line out. No database; a thin
layer over `warlog.extract_many`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from warlog.api.extract import extract_many
from warlog.cli import app
from warlog.cli.options import (
    EXIT_NOTHING_DONE,
    MaxBytesOption,
    PublishedOption,
    SchedulerOption,
    WorkersOption,
    progress_bar,
    read_articles,
    scheduler_errors,
)
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
    articles, refused = read_articles(inputs, published, max_bytes)
    if refused and not articles:
        raise typer.Exit(EXIT_NOTHING_DONE)
    try:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    except OSError as exc:
        typer.echo(f"{output}: cannot write: {exc.strerror}", err=True)
        raise typer.Exit(EXIT_NOTHING_DONE) from exc
    with out, scheduler_errors(), progress_bar(len(articles) >= 20) as progress:
        task = progress.add_task("extracting", total=len(articles))
        events = extract_many(
            articles, workers=workers, scheduler=scheduler, on_article=lambda _: progress.advance(task)
        )
        for event in events:
            out.write(event.model_dump_json() + "\n")
