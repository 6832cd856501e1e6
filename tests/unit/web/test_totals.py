"""The kept totals of event filters: counted once per filter (whatever the page), forgotten on `clear`, never
kept when counted across a clear, and never kept at all with no time to keep them."""

from __future__ import annotations

from warlog.store.records import ReportFilter
from warlog.web.totals import FilterTotals


class Counter:
    """Counts how often the store would be asked, returning `total`; `during` runs inside the count."""

    def __init__(self, total: int, during=None) -> None:
        self.total, self.during, self.calls = total, during, 0

    def __call__(self) -> int:
        self.calls += 1
        if self.during:
            self.during()
        return self.total


def test_a_filter_is_counted_once_for_all_its_pages() -> None:
    totals, count = FilterTotals(ttl=3600), Counter(7)
    iraq = ReportFilter(country="Iraq")
    assert [totals.get(iraq.model_copy(update={"offset": n, "limit": 5}), count) for n in range(3)] == [7, 7, 7]
    assert count.calls == 1
    assert totals.get(ReportFilter(country="Yemen"), Counter(2)) == 2


def test_clear_forgets_every_total() -> None:
    totals, count = FilterTotals(ttl=3600), Counter(7)
    totals.get(ReportFilter(), count)
    totals.clear()
    count.total = 8
    assert totals.get(ReportFilter(), count) == 8 and count.calls == 2


def test_a_total_counted_while_a_write_clears_is_not_kept() -> None:
    totals = FilterTotals(ttl=3600)
    racing = Counter(7, during=totals.clear)
    assert totals.get(ReportFilter(), racing) == 7
    after = Counter(8)
    assert totals.get(ReportFilter(), after) == 8 and after.calls == 1


def test_no_time_to_keep_means_always_counting() -> None:
    totals, count = FilterTotals(ttl=0), Counter(3)
    for _ in range(3):
        totals.get(ReportFilter(), count)
    assert count.calls == 3


def test_at_most_size_totals_are_kept() -> None:
    totals = FilterTotals(ttl=3600, size=2)
    counts = [Counter(n) for n in range(3)]
    for n, count in enumerate(counts):
        totals.get(ReportFilter(limit=1, country=f"c{n}"), count)
    totals.get(ReportFilter(country="c0"), counts[0])
    totals.get(ReportFilter(country="c2"), counts[2])
    assert [count.calls for count in counts] == [2, 1, 1]
