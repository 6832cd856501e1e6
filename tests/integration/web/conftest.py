"""Fixtures of the API tests: a database (SQLite and PostgreSQL) holding the invented corpus, and a client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_corpus import TOKEN, fill

from warlog.store import Database
from warlog.web import WebSettings, create_app


@pytest.fixture
def filled(database: Database) -> Database:
    fill(database)
    return database


@pytest.fixture
def client(filled: Database) -> Iterator[TestClient]:
    """Public reads, writes with TOKEN."""
    with TestClient(create_app(filled, WebSettings(token=TOKEN))) as opened:
        yield opened
