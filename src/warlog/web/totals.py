"""The totals of event filters, kept a few seconds so that paging through a filter counts its matches once.

A write through the API clears them before its response is sent (`auth.require_write`), so a client always
reads its own writes. On SQLite a commit by any other connection (a `warlog ingest` next to the server, another
`--workers` process) clears them at the next request (`notice_writes`); elsewhere such writes show within `ttl`."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy.orm import Session

from warlog.store.records import ReportFilter

_SEEN_VERSION = "warlog_data_version"


class FilterTotals:
    """Event totals by filter (offset and limit ignored), each for `ttl` seconds, at most `size` of them."""

    def __init__(self, ttl: float, size: int = 1024) -> None:
        self.ttl = ttl
        self.size = size
        self._lock = threading.Lock()
        self._generation = 0
        self._totals: dict[str, tuple[int, float, int]] = {}

    def get(self, where: ReportFilter, count: Callable[[], int]) -> int:
        """The total of `where`, from `count()` unless a fresh one is kept.

        A total counted while a write commits is never kept: `clear` moves to a new generation, and a total is
        served only in the generation it was counted in."""
        key = where.model_dump_json(exclude={"offset", "limit"})
        now = time.monotonic()
        with self._lock:
            generation = self._generation
            kept = self._totals.get(key)
        if kept is not None and kept[0] == generation and kept[1] > now:
            return kept[2]
        total = count()
        if self.ttl > 0:
            with self._lock:
                if len(self._totals) >= self.size:
                    del self._totals[next(iter(self._totals))]
                self._totals[key] = (generation, now + self.ttl, total)
        return total

    def clear(self) -> None:
        """Forget every total (the events changed)."""
        with self._lock:
            self._generation += 1
            self._totals.clear()

    def notice_writes(self, session: Session) -> None:
        """Clear the totals if another connection committed since this one last looked (SQLite's
        `data_version`, kept in the pooled connection's info; a connection never seen cannot tell, so it
        clears too). Other databases rely on `ttl`."""
        connection = session.connection()
        if connection.dialect.name != "sqlite":
            return
        version = connection.exec_driver_sql("PRAGMA data_version").scalar()
        if connection.info.get(_SEEN_VERSION) != version:
            self.clear()
            connection.info[_SEEN_VERSION] = version
