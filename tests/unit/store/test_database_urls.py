"""Which database a command uses: --db, then $WARLOG_DB, then ./warlog.db; postgresql:// means psycopg 3."""

import pytest

from warlog.store import resolve_url
from warlog.store.reports import period_start


def test_default_is_a_local_sqlite_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WARLOG_DB", raising=False)
    assert resolve_url(None) == "sqlite:///warlog.db"


def test_environment_is_used_unless_db_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARLOG_DB", "postgres://u:p@db:5432/events")
    assert resolve_url(None) == "postgresql+psycopg://u:p@db:5432/events"
    assert resolve_url("/data/mine.db") == "sqlite:////data/mine.db"
    assert resolve_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"


def test_partial_event_dates_index_as_their_first_day() -> None:
    assert [str(period_start(v)) for v in ("2024-03-09", "2024-03", "2024")] == [
        "2024-03-09",
        "2024-03-01",
        "2024-01-01",
    ]
    assert period_start(None) is None and period_start("2024-13") is None
