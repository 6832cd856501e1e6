"""Shared fixtures: `db_url` runs a test on SQLite (a temporary file) and on PostgreSQL (a fresh schema).

PostgreSQL comes from $WARLOG_TEST_PG_URL. Without it the postgres cases skip with a reason, unless
$WARLOG_REQUIRE_PG=1 (as in CI), where they fail instead: CI must never pass without PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from warlog.store import Database, open_database, resolve_url

PG_URL_ENV = "WARLOG_TEST_PG_URL"
REQUIRE_PG_ENV = "WARLOG_REQUIRE_PG"


def postgres_base_url() -> str:
    """The PostgreSQL URL to test against; skips, or fails when PostgreSQL is required, if there is none."""
    url = os.environ.get(PG_URL_ENV)
    if not url:
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"{REQUIRE_PG_ENV}=1 but {PG_URL_ENV} is not set: PostgreSQL tests cannot run")
        pytest.skip(f"PostgreSQL tests need {PG_URL_ENV} (e.g. postgresql://warlog:warlog@127.0.0.1:5432/warlog_test)")
    return resolve_url(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'warlog-test.db'}"
        return
    base = postgres_base_url()
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield (
            make_url(base)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """The `db_url` database, opened (and migrated)."""
    opened = open_database(db_url)
    try:
        yield opened
    finally:
        opened.close()
