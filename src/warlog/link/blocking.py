"""Blocking: only reports in the same country cell, type family and date window are ever compared.

Each report covers the date buckets (of `window_days`) its date interval spans, widened by one bucket on
each side; two reports are candidates when they share a bucket, a type family, and a country (a report
with no country, or only a region-level place, is compared with every country). The work is linear in
reports times bucket size, not quadratic in the whole database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from warlog.link.config import LinkConfig
from warlog.link.families import family
from warlog.link.features import attack_type
from warlog.link.periods import readings
from warlog.link.records import LinkReport

ANY_COUNTRY = "*"


def buckets(report: LinkReport, config: LinkConfig) -> range:
    """The date buckets a report's date interval (or publication day) covers, one more on each side."""
    found = readings(report)
    if not found:
        return range(0)
    start, end = min(start for start, _ in found), max(end for _, end in found)
    return range(start.toordinal() // config.window_days - 1, end.toordinal() // config.window_days + 2)


def _cell(report: LinkReport) -> str:
    """The report's country, if its place is precise enough to trust it (a vague place's may be wrong)."""
    event = report.event
    return event.country if event.country and (event.geo_precision or 3) < 3 else ANY_COUNTRY


def candidate_pairs(reports: Sequence[LinkReport], config: LinkConfig) -> set[tuple[int, int]]:
    """Index pairs (i < j) of reports that share a block."""
    blocks: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, report in enumerate(reports):
        kind = family(attack_type(report, config))
        for bucket in buckets(report, config):
            blocks[(kind, bucket)].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        by_country: dict[str, list[int]] = defaultdict(list)
        for index in members:
            by_country[_cell(reports[index])].append(index)
        unknown = by_country.pop(ANY_COUNTRY, [])
        for group in [*by_country.values(), unknown]:
            pairs.update((i, j) for i in group for j in group if i < j)
        pairs.update((min(i, j), max(i, j)) for i in unknown for group in by_country.values() for j in group)
    return pairs
