"""Group reports into events: order-independent, constrained agglomeration over the blocked pairs.

Manual `merge` overrides join reports first. Then linked pairs are taken best score first (ties by report
key) and their two groups merge only if no pair across them is vetoed (different place, date or attack
type, or split by hand). The result depends only on the set of reports, never on the order they came in,
so re-ingesting or ingesting in another order gives the same events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from warlog.link.blocking import candidate_pairs
from warlog.link.config import LinkConfig
from warlog.link.records import LinkDecision, LinkReport, Override
from warlog.link.scoring import decide


@dataclass(frozen=True)
class Cluster:
    """The reports of one event (sorted by key) and the decisions between them."""

    reports: tuple[LinkReport, ...]
    decisions: tuple[LinkDecision, ...]


class _Decisions:
    """Pairwise decisions, computed once per pair on demand."""

    def __init__(self, reports: Sequence[LinkReport], config: LinkConfig, overrides: Iterable[Override]) -> None:
        self.reports, self.config = reports, config
        self.overrides = {frozenset((o.a, o.b)): o.kind for o in overrides}
        self.found: dict[tuple[int, int], LinkDecision] = {}

    def get(self, i: int, j: int) -> LinkDecision:
        pair = (min(i, j), max(i, j))
        if pair not in self.found:
            a, b = self.reports[pair[0]], self.reports[pair[1]]
            self.found[pair] = decide(a, b, self.config, self.overrides.get(frozenset((a.key, b.key))))
        return self.found[pair]


def cluster_reports(
    reports: Iterable[LinkReport], config: LinkConfig, overrides: Iterable[Override] = ()
) -> list[Cluster]:
    """The events the reports tell of, each a cluster of reports, sorted by their first report's key."""
    ordered = sorted({report.key: report for report in reports}.values(), key=lambda report: report.key)
    position = {report.key: index for index, report in enumerate(ordered)}
    overrides = [o for o in overrides if o.a in position and o.b in position]
    decisions = _Decisions(ordered, config, overrides)
    group = list(range(len(ordered)))
    members: dict[int, set[int]] = {index: {index} for index in group}

    def join(i: int, j: int) -> None:
        keep, gone = sorted((group[i], group[j]))
        for index in members.pop(gone):
            group[index] = keep
            members[keep].add(index)

    for override in sorted(overrides, key=lambda o: (o.a, o.b)):
        i, j = position[override.a], position[override.b]
        if override.kind == "merge" and group[i] != group[j]:
            join(i, j)
    pairs = candidate_pairs(ordered, config)
    linked = [decisions.get(i, j) for i, j in sorted(pairs)]
    linked = sorted((d for d in linked if d.linked), key=lambda d: (-d.score, d.a, d.b))
    for decision in linked:
        i, j = position[decision.a], position[decision.b]
        if group[i] == group[j]:
            continue
        if not any(decisions.get(x, y).vetoed for x in members[group[i]] for y in members[group[j]]):
            join(i, j)
    clusters = []
    for root in sorted(members):
        indices = sorted(members[root])
        pair_decisions = tuple(decisions.get(x, y) for n, x in enumerate(indices) for y in indices[n + 1 :])
        clusters.append(Cluster(tuple(ordered[index] for index in indices), pair_decisions))
    return clusters
