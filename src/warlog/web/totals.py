"""The totals of event filters, kept a few seconds so that paging through a filter counts its matches once.

A write through the API clears them before its response is sent (`auth.require_write`), so a client always
reads its own writes; writes by another process (a `warlog ingest` next to the server) show within `ttl`."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from warlog.store.records import ReportFilter


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
