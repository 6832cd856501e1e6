"""Open a database by URL (SQLite file by default, PostgreSQL via psycopg 3) and bring its schema up to date."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///warlog.db"
ENV_VAR = "WARLOG_DB"
MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached, opened or migrated."""


def resolve_url(value: str | None = None) -> str:
    """The SQLAlchemy URL for `--db` (or $WARLOG_DB, or ./warlog.db): a bare path is a SQLite file."""
    value = value or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in value:
        return f"sqlite:///{value}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return value


@dataclass
class Database:
    """An engine with a session factory; `transaction()` commits on success and rolls back on error."""

    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(value: str | None = None, create: bool = True) -> Database:
    """Connect, run the shipped Alembic migrations up to head, and return the database.

    With `create=False` a SQLite file that does not exist yet is an error (a typo is not an empty database).
    """
    url = resolve_url(value)
    try:
        parsed = make_url(url)
        if not create and parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            if not Path(parsed.database).exists():
                raise DatabaseUnavailable(
                    f"cannot open database {parsed.database}: no such file (nothing ingested yet)"
                )
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        migrate(engine)
    except (OperationalError, DBAPIError, ArgumentError, NoSuchModuleError, ImportError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseUnavailable(f"cannot open database {_shown(url)}: {reason}") from exc
    return Database(engine, sessionmaker(engine, expire_on_commit=False))


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest shipped migration."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _shown(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


# SQLite reads the file through a memory map of up to this many bytes: the pages come from the OS cache
# that every connection shares, where each connection's own small page cache kept evicting them (a page of
# events read by rowid costs about four times less).
SQLITE_MMAP_BYTES = 1 << 30


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()
