"""`warlog.open(db_url)`: a handle on a warlog database to ingest into, query, correct and export."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO, TypedDict, TypeVar, Unpack

from pydantic import BaseModel

from warlog.api.actors import find_actors
from warlog.api.documents import Document, ErrorHandler, articles_only, read_documents, read_options
from warlog.api.records import ActorRecord, ArticleRecord, EventDetail, EventRecord, LearnedAliasRecord
from warlog.export import write_acled_csv
from warlog.extraction.parallel import ParallelExtractor
from warlog.ingest.decode import DEFAULT_MAX_BYTES
from warlog.link.records import CanonicalEvent
from warlog.service import DEFAULT_BATCH_SIZE, IngestReport, IngestService
from warlog.store import ArticleRepository, Database, LearnedAliasRepository, ReportRepository, open_database
from warlog.store.events import EventRepository
from warlog.store.linking import EventLinker
from warlog.store.records import ArticleFilter, ReportFilter

if TYPE_CHECKING:
    import geopandas
    import pandas

Filter = TypeVar("Filter", bound=BaseModel)


class EventFilters(TypedDict, total=False):
    """The filters of `warlog events` (None: no filter); dates compare with the start of an event's date."""

    since: dt.date | str | None
    until: dt.date | str | None
    type: str | None
    actor: str | None
    country: str | None
    weapon: str | None
    limit: int | None


class ArticleFilters(TypedDict, total=False):
    """The filters of `warlog articles` (None: no filter); dates compare with the published date."""

    source: str | None
    since: dt.date | str | None
    until: dt.date | str | None
    search: str | None
    limit: int | None


class EventDatabase:
    """An open warlog database (SQLite or PostgreSQL). Use it in a `with` block, or call `close()`."""

    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the database, its password hidden."""
        return self._database.engine.url.render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"EventDatabase({self.url!r})"

    def __enter__(self) -> EventDatabase:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self._database.close()

    def ingest(
        self,
        paths_or_docs: Document | Iterable[Document],
        *,
        published: dt.date | str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        batch_size: int = DEFAULT_BATCH_SIZE,
        on_error: ErrorHandler | None = None,
        on_batch: Callable[[int], None] | None = None,
        workers: int | None = 1,
        scheduler: str | None = None,
    ) -> IngestReport:
        """Store documents and their events, as `warlog ingest` does, one transaction per `batch_size` articles.

        A `str` or `pathlib.Path` is a file, directory, http(s) URL or `-` (stdin); dicts (JSONL fields) and
        `Article` records are documents. Duplicates are skipped and near-duplicates linked (see the report).
        `published`, `max_bytes` and `on_error` work as in `warlog.extract_many`; `on_batch(n)` is called after
        each committed batch of n articles. `workers` and `scheduler` run extraction in parallel as in
        `warlog.extract_many`; this process stays the one that writes to the database.
        """
        extractor = ParallelExtractor(workers, scheduler)
        options = read_options(published, max_bytes)
        articles = articles_only(read_documents(paths_or_docs, options, strings="source"), on_error)
        with extractor:
            return IngestService(self._database, extractor=extractor, batch_size=batch_size).ingest(
                articles, on_batch=on_batch
            )

    def events(self, **filters: Unpack[EventFilters]) -> list[EventRecord]:
        """Canonical events (one per real-world event, with its reports), by date then id, as `warlog events`."""
        where = _filter(ReportFilter, filters)
        with self._database.transaction() as session:
            return [EventRecord.from_canonical(event) for event in EventRepository(session).list(where)]

    def event(self, event_id: str) -> EventDetail:
        """One canonical event with every report of it in full; a `KeyError` if there is none with this id."""
        with self._database.transaction() as session:
            event = EventRepository(session).get(event_id)
            if event is None:
                raise KeyError(f"no event {event_id}")
            reports = ReportRepository(session).of_event(event_id)
        return EventDetail(event=EventRecord.from_canonical(event), reports=reports)

    def articles(self, **filters: Unpack[ArticleFilters]) -> list[ArticleRecord]:
        """Stored articles, oldest first, as `warlog articles`."""
        where = _filter(ArticleFilter, filters)
        with self._database.transaction() as session:
            return [ArticleRecord.from_stored(stored) for stored in ArticleRepository(session).list(where)]

    def actors(
        self,
        query: str = "",
        *,
        country: str | None = None,
        type: int | None = None,
        resolve: bool = False,
        extra: Sequence[str | os.PathLike[str]] = (),
    ) -> list[ActorRecord]:
        """Actors of the registry that extraction uses (shipped files, `extra` files and $WARLOG_ACTORS), with the
        aliases this database's articles taught, as `warlog actors --db` (see `warlog.api.actors.find_actors`)."""
        with self._database.transaction() as session:
            taught = [stored.learned for stored in LearnedAliasRepository(session).list()]
        return find_actors(query, country=country, type=type, resolve=resolve, extra=extra, learned=taught)

    def learned_aliases(self, query: str = "") -> list[LearnedAliasRecord]:
        """The aliases stored articles taught whose alias, name or actor contains `query`, as `warlog actors
        --learned`, in the order they were learned."""
        with self._database.transaction() as session:
            return [LearnedAliasRecord.from_stored(stored) for stored in LearnedAliasRepository(session).list(query)]

    def split(self, event_id: str, report: str) -> list[EventRecord]:
        """Take a report (its doc id or key) out of an event for good; returns the events rebuilt.

        Later ingests respect the decision. An unknown event or report raises a `LookupError`.
        """
        return self._manual(lambda linker: linker.split(event_id, report))

    def merge(self, first: str, second: str) -> list[EventRecord]:
        """Make two events one for good; returns the events rebuilt (a `LookupError` for an unknown id)."""
        return self._manual(lambda linker: linker.merge(first, second))

    def to_pandas(self, **filters: Unpack[EventFilters]) -> pandas.DataFrame:
        """The events as a pandas DataFrame, one row per event (columns: `warlog.api.frames.FRAME_COLUMNS`)."""
        from warlog.api.frames import events_frame

        return events_frame(self.events(**filters))

    def to_geopandas(self, **filters: Unpack[EventFilters]) -> geopandas.GeoDataFrame:
        """`to_pandas()` with point geometries in WGS 84; needs the `geo` extra (geopandas)."""
        from warlog.api.frames import events_geoframe

        return events_geoframe(self.events(**filters))

    def to_parquet(self, path: str | os.PathLike[str], **filters: Unpack[EventFilters]) -> int:
        """Write `to_pandas()` to a Parquet file; needs the `parquet` extra (pyarrow). Returns the row count."""
        from warlog.api.frames import write_parquet

        return write_parquet(self.events(**filters), path)

    def to_acled_csv(self, target: str | os.PathLike[str] | TextIO, **filters: Unpack[EventFilters]) -> int:
        """Write the events as ACLED CSV (as `warlog events --format acled`) to a path or an open text stream.

        Returns the row count.
        """
        rows = [(event, event.sources) for event in self.events(**filters)]
        if isinstance(target, str | os.PathLike):
            with Path(target).open("w", encoding="utf-8", newline="") as out:
                return write_acled_csv(rows, out)
        return write_acled_csv(rows, target)

    def _manual(self, action: Callable[[EventLinker], list[CanonicalEvent]]) -> list[EventRecord]:
        with self._database.transaction() as session:
            return [EventRecord.from_canonical(event) for event in action(EventLinker(session))]


def open(db_url: str | os.PathLike[str] | None = None, *, create: bool = True) -> EventDatabase:  # noqa: A001
    """Open a warlog database and bring its schema up to date, with the rules of `--db`.

    `db_url` is a SQLite file path, a `sqlite://` URL or a `postgresql://` URL (psycopg 3); by default
    $WARLOG_DB, else `./warlog.db`. With `create=False` a missing SQLite file is an error rather than a new,
    empty database. A database that cannot be opened raises `warlog.store.DatabaseUnavailable`.
    """
    return EventDatabase(open_database(os.fspath(db_url) if db_url is not None else None, create=create))


def _filter(model: type[Filter], filters: dict[str, object]) -> Filter:
    """The filter record for keyword filters; an unknown keyword is a TypeError, as for any function."""
    unknown = sorted(set(filters) - set(model.model_fields))
    if unknown:
        raise TypeError(f"unknown filter {', '.join(unknown)}; expected one of {', '.join(model.model_fields)}")
    return model.model_validate(filters)
