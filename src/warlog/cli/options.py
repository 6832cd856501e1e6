"""Options and helpers shared by the commands that read documents (`ingest`, `extract`) or a database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from warlog.api.documents import articles_only, read_documents, read_options
from warlog.extraction.parallel import SchedulerUnavailable, checked_scheduler
from warlog.ingest import IngestError
from warlog.records import Article

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) is imported by the commands that open a database only
    from warlog.api.handle import EventDatabase
    from warlog.store import Database

EXIT_NOTHING_DONE = 1
EXIT_DATABASE = 3
EXIT_SCHEDULER = 4
EXIT_INTERRUPTED = 130

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL or SQLite file (default: $WARLOG_DB, else ./warlog.db).", show_default=False
    ),
]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for documents that state none.")
]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", help="Refuse input files larger than this.", min=1)]
WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", help="Extraction processes (default: the number of cores).", min=1, show_default=False),
]


def _scheduler(value: str | None) -> str | None:
    try:
        return checked_scheduler(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        callback=_scheduler,
        help="Run extraction on Dask: 'local' starts a LocalCluster of --workers processes; tcp://HOST:PORT joins "
        "a running cluster.",
    ),
]

stderr = Console(stderr=True)


def read_articles(sources: Iterable[str], published: str | None, max_bytes: int) -> tuple[list[Article], int]:
    """The articles of files, directories, URLs or `-`, read as the Python API reads them, and how many inputs
    were refused; each reader problem is reported on its own stderr line as it comes. A bad --published is a
    usage error."""
    try:
        options = read_options(published, max_bytes)
    except ValueError as exc:
        raise typer.BadParameter(f"{published!r} is not a YYYY-MM-DD date", param_hint="--published") from exc
    refused = 0

    def report(problem: IngestError) -> None:
        nonlocal refused
        refused += problem.skips
        kind = "error" if problem.skips else "warning"
        stderr.print(f"{kind}: {problem}", markup=False, highlight=False, soft_wrap=True)

    return list(articles_only(read_documents(sources, options, strings="source"), report)), refused


@contextmanager
def scheduler_errors() -> Iterator[None]:
    """An unreachable Dask scheduler (or Dask not installed) exits with a one-line error."""
    try:
        yield
    except SchedulerUnavailable as exc:
        stderr.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_SCHEDULER) from exc


def progress_bar(enabled: bool = True) -> Progress:
    """A progress bar on stderr (never mixed into output on stdout); hidden when not a terminal."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
        disable=not (enabled and stderr.is_terminal),
    )


@contextmanager
def _exit_if_unavailable() -> Iterator[None]:
    """A database that cannot be opened becomes a one-line error and exit code 3."""
    from warlog.store import DatabaseUnavailable

    try:
        yield
    except DatabaseUnavailable as exc:
        stderr.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_DATABASE) from exc


def database(db: str | None, create: bool = False) -> Database:
    """Open the database named by --db / $WARLOG_DB (created only if `create`), or exit with a one-line error."""
    from warlog.store import open_database

    with _exit_if_unavailable():
        return open_database(db, create=create)


@contextmanager
def opened(db: str | None, create: bool = False) -> Iterator[EventDatabase]:
    """The database named by --db / $WARLOG_DB (created only if `create`), closed afterwards; a database that
    cannot be opened exits with a one-line error."""
    from warlog.api.handle import open as open_handle

    with _exit_if_unavailable():
        handle = open_handle(db, create=create)
    with handle:
        yield handle
