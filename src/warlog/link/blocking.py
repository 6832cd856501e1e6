"""Blocking: only reports in the same country cell, type family and date window are ever compared.

Each report covers the date buckets (of `window_days`) its date interval spans, widened by one bucket on
each side; two reports are candidates when they share a bucket, a type family, and a country (a report
with no country, or only a region-level place, is compared with every country). The work is linear in
reports times bucket size, not quadratic in the whole database. Whether two reports are candidates depends
on the two alone, so the pairs among some of the reports are the pairs of all reports restricted to them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from warlog.link.config import LinkConfig
from warlog.link.families import family
from warlog.link.features import Profile, profile
from warlog.link.records import LinkReport

ANY_COUNTRY = "*"


def buckets(days: Sequence[tuple[int, int]], config: LinkConfig) -> range:
    """The date buckets that date readings (as day ordinals: `Profile.days`) cover, one more on each side."""
    if not days:
        return range(0)
    start, end = min(start for start, _ in days), max(end for _, end in days)
    return range(start // config.window_days - 1, end // config.window_days + 2)


def _cell(report: LinkReport) -> str:
    """The report's country, if its place is precise enough to trust it (a vague place's may be wrong)."""
    event = report.event
    return event.country if event.country and (event.geo_precision or 3) < 3 else ANY_COUNTRY


class Blocks:
    """The blocks of some reports (by position in `profiles`), to list candidate pairs or one report's partners."""

    def __init__(self, profiles: Sequence[Profile], config: LinkConfig) -> None:
        self.cells = [_cell(found.report) for found in profiles]
        self.keys = [[(family(found.kind), bucket) for bucket in buckets(found.days, config)] for found in profiles]
        self.members: dict[tuple[str, int], list[int]] = defaultdict(list)
        self._by_cell: dict[tuple[str, int], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for index, keys in enumerate(self.keys):
            for key in keys:
                self.members[key].append(index)
                self._by_cell[key][self.cells[index]].append(index)

    def partners(self, index: int) -> set[int]:
        """The reports that share a block with this one."""
        cell, found = self.cells[index], set()
        for key in self.keys[index]:
            if cell == ANY_COUNTRY:
                found.update(self.members[key])
            else:
                found.update(self._by_cell[key][cell])
                found.update(self._by_cell[key][ANY_COUNTRY])
        found.discard(index)
        return found

    def pairs(self, among: Iterable[int] | None = None) -> set[tuple[int, int]]:
        """Index pairs (i < j) that share a block, of all reports or only of those `among`."""
        chosen = None if among is None else set(among)
        pairs: set[tuple[int, int]] = set()
        for members in self.members.values():
            by_country: dict[str, list[int]] = defaultdict(list)
            for index in members:
                if chosen is None or index in chosen:
                    by_country[self.cells[index]].append(index)
            unknown = by_country.pop(ANY_COUNTRY, [])
            for group in [*by_country.values(), unknown]:
                pairs.update((i, j) for i in group for j in group if i < j)
            pairs.update((min(i, j), max(i, j)) for i in unknown for group in by_country.values() for j in group)
        return pairs


def candidate_pairs(reports: Sequence[LinkReport], config: LinkConfig) -> set[tuple[int, int]]:
    """Index pairs (i < j) of reports that share a block."""
    return Blocks([profile(report, config) for report in reports], config).pairs()
