"""`warlog ingest PATH...`: read documents, skip duplicates, extract events, and store articles and event reports;
a thin layer over `EventDatabase.ingest`."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from warlog.cli import app
from warlog.cli.options import (
    EXIT_DATABASE,
    EXIT_INTERRUPTED,
    EXIT_NOTHING_DONE,
    DbOption,
    MaxBytesOption,
    PublishedOption,
    SchedulerOption,
    WorkersOption,
    opened,
    progress_bar,
    read_articles,
    scheduler_errors,
    stderr,
)
from warlog.ingest.decode import DEFAULT_MAX_BYTES
from warlog.service import DEFAULT_BATCH_SIZE


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, http(s) feed/page URLs, or - for stdin.")],
    published: PublishedOption = None,
    db: DbOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.", min=1)] = DEFAULT_BATCH_SIZE,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Store articles and the events extracted from them (duplicates are skipped, near-duplicates linked)."""
    articles, refused = read_articles(paths, published, max_bytes)
    if not articles:
        stderr.print("error: no readable article in the input; nothing stored", highlight=False)
        raise typer.Exit(EXIT_NOTHING_DONE)
    try:
        with opened(db, create=True) as handle, scheduler_errors(), progress_bar() as progress:
            task = progress.add_task("ingesting", total=len(articles))
            report = handle.ingest(
                articles,
                batch_size=batch_size,
                workers=workers,
                scheduler=scheduler,
                on_batch=lambda count: progress.advance(task, count),
            )
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        stderr.print(
            f"error: database failed mid-ingest (committed batches are kept): {reason}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_DATABASE) from exc
    except KeyboardInterrupt as exc:
        stderr.print("interrupted: committed batches are kept; run the same ingest again to finish", highlight=False)
        raise typer.Exit(EXIT_INTERRUPTED) from exc
    for duplicate in report.duplicates:
        stderr.print(
            f"duplicate: {duplicate.doc_id} has the same text or URL as {duplicate.original_doc_id}; not stored again",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    for near in report.near_duplicates:
        stderr.print(
            f"near-duplicate: {near.doc_id} is a near-copy of {near.original_doc_id}; stored and linked, "
            "not re-extracted",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    typer.echo(
        f"stored {report.articles} articles and {report.reports} event reports; {len(report.duplicates)} duplicates "
        f"skipped, {len(report.near_duplicates)} near-duplicates linked, {refused} inputs rejected, "
        f"{report.learned_aliases} aliases learned"
    )
