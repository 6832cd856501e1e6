"""Options and helpers shared by the commands that read documents (`ingest`, `extract`) or a database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from warlog.extraction.parallel import ParallelExtractor, SchedulerUnavailable
from warlog.ingest import IngestError, ReadOptions
from warlog.ingest.decode import DEFAULT_MAX_BYTES
from warlog.records import Article

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) is imported by the commands that open a database only
    from sqlalchemy.orm import Session

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
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Run extraction on Dask: 'local' starts a LocalCluster of --workers processes; tcp://HOST:PORT joins "
        "a running cluster.",
    ),
]

stderr = Console(stderr=True)


def read_options(published: str | None, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadOptions:
    """Reader options from the command line; a bad --published is a usage error."""
    if published is None:
        return ReadOptions(max_bytes=max_bytes)
    try:
        return ReadOptions(published=dt.date.fromisoformat(published), max_bytes=max_bytes)
    except ValueError as exc:
        raise typer.BadParameter(f"{published!r} is not a YYYY-MM-DD date", param_hint="--published") from exc


@contextmanager
def parallel_extractor(workers: int | None, scheduler: str | None) -> Iterator[ParallelExtractor]:
    """The extractor for --workers / --scheduler, stopped afterwards. A malformed scheduler is a usage error; an
    unreachable one (or Dask not installed) exits with a one-line error."""
    try:
        extractor = ParallelExtractor(workers, scheduler)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--scheduler") from exc
    try:
        with extractor:
            yield extractor
    except SchedulerUnavailable as exc:
        stderr.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_SCHEDULER) from exc


def split_results(results: Iterable[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    """Articles to process, reporting each reader problem on its own stderr line as it comes."""
    articles: list[Article] = []
    errors: list[IngestError] = []
    for result in results:
        if isinstance(result, IngestError):
            kind = "error" if result.skips else "warning"
            stderr.print(f"{kind}: {result}", markup=False, highlight=False, soft_wrap=True)
            if result.skips:
                errors.append(result)
        else:
            articles.append(result)
    return articles, errors


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


@contextmanager
def session(db: str | None) -> Iterator[Session]:
    """One transaction on the database named by --db / $WARLOG_DB, closed afterwards."""
    store = database(db)
    try:
        with store.transaction() as opened:
            yield opened
    finally:
        store.close()
