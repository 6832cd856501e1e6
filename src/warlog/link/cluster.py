"""Group reports into events: order-independent, constrained agglomeration over the blocked pairs.

Manual `merge` overrides join reports first. Then linked pairs are taken best score first (ties by report
key) and their two groups merge only if no pair across them is vetoed (different place, date or attack
type, or split by hand). The result depends only on the set of reports, never on the order they came in,
so re-ingesting or ingesting in another order gives the same events.

Two groups only ever merge along a linked candidate pair or a manual merge, and a veto only matters
between two groups about to merge. So the clusters of the reports are the clusters of each connected
component of that graph taken alone (the pairs of a component keep their order): `Linking.component`
finds the components that some reports are in, and `Linking.clusters` clusters those alone, which is how
new reports are linked without re-clustering the stored events they cannot reach.

An ingest's batches read many of the same stored reports again; `Verdicts` carries the pair verdicts and the
report profiles of one clustering to the next, so a pair of stored reports is not decided again (a pair's
verdict depends only on its two reports, the linker and the manual override between them) and a report read
again is not profiled again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from warlog.link.blocking import Blocks
from warlog.link.config import LinkConfig
from warlog.link.features import Profile, dates_veto, profile
from warlog.link.records import LinkDecision, LinkReport, Override
from warlog.link.scoring import judge


@dataclass(frozen=True)
class Cluster:
    """The reports of one event (sorted by key) and the decisions between them."""

    reports: tuple[LinkReport, ...]
    decisions: tuple[LinkDecision, ...]


Pair = tuple[str, str, str | None]
"""Two report keys, in key order, and the kind of the manual override between them (None: none)."""


@dataclass
class Verdicts:
    """What one linker's clustering knows for the next: each pair's verdict (whether it is vetoed, and its
    decision when it is linked) and each report's profile, by key (used for the very same report object)."""

    linker: str
    pairs: dict[Pair, tuple[bool, LinkDecision | None]] = field(default_factory=dict)
    profiles: dict[str, Profile] = field(default_factory=dict)


class Linking:
    """Reports sorted by key, with their profiles, blocks and overrides; pairwise decisions are made on demand,
    once per pair (except unlinked ones asked for whole: see `_decide`), or taken from `known` verdicts."""

    def __init__(
        self,
        reports: Iterable[LinkReport],
        config: LinkConfig,
        overrides: Iterable[Override] = (),
        known: Verdicts | None = None,
    ) -> None:
        self.reports = sorted({report.key: report for report in reports}.values(), key=lambda report: report.key)
        self.config, self.linker = config, config.id
        self.position = {report.key: index for index, report in enumerate(self.reports)}
        mine = known is not None and known.linker == self.linker
        self._known = known.pairs if mine else {}
        profiles = known.profiles if mine else {}
        self.profiles = [
            found if (found := profiles.get(report.key)) is not None and found.report is report
            else profile(report, config)
            for report in self.reports
        ]
        self.blocks = Blocks(self.profiles, config)
        given = [o for o in overrides if o.a in self.position and o.b in self.position]
        self._kinds = {frozenset((o.a, o.b)): o.kind for o in given}
        self.overrides = sorted(given, key=lambda o: (o.a, o.b))
        self._vetoed: dict[tuple[int, int], bool] = {}
        self._linked: dict[tuple[int, int], LinkDecision] = {}

    def decision(self, i: int, j: int) -> LinkDecision:
        """The decision between two reports (kept if linked; an unlinked one is made again when asked)."""
        pair = (min(i, j), max(i, j))
        return self._linked.get(pair) or self._decide(pair)

    def linked(self, i: int, j: int) -> bool:
        return self._judged(i, j) in self._linked

    def vetoed(self, i: int, j: int) -> bool:
        return self._vetoed[self._judged(i, j)]

    def _judged(self, i: int, j: int) -> tuple[int, int]:
        """The pair in order, once its verdict is known: taken from the `known` verdicts, or made. A pair whose
        dates veto it (and that no override names) is not decided in full, as its decision could only say so."""
        pair = (min(i, j), max(i, j))
        if pair in self._vetoed:
            return pair
        a, b = self.profiles[pair[0]], self.profiles[pair[1]]
        override = self._override(pair)
        known = self._known.get((a.report.key, b.report.key, override))
        if known is not None:
            self._vetoed[pair] = known[0]
            if known[1] is not None:
                self._linked[pair] = known[1]
        elif override is None and dates_veto(a, b):
            self._vetoed[pair] = True
        else:
            self._decide(pair)
        return pair

    def _override(self, pair: tuple[int, int]) -> str | None:
        """The kind of the manual override between the pair's reports, if any."""
        return self._kinds.get(frozenset((self.reports[pair[0]].key, self.reports[pair[1]].key)))

    def verdicts(self) -> Verdicts:
        """The verdict of every pair this linking has judged and the profile of every report, for the next one."""
        keys = [report.key for report in self.reports]
        return Verdicts(
            self.linker,
            {
                (keys[pair[0]], keys[pair[1]], self._override(pair)): (vetoed, self._linked.get(pair))
                for pair, vetoed in self._vetoed.items()
            },
            dict(zip(keys, self.profiles, strict=True)),
        )

    def _decide(self, pair: tuple[int, int]) -> LinkDecision:
        """Decide a pair and remember the verdict; only linked decisions are kept whole (most pairs are not
        linked, and holding every decision with its explanation costs more in garbage collection than
        making the few needed again)."""
        a, b = self.profiles[pair[0]], self.profiles[pair[1]]
        found = judge(a, b, self.config, self.linker, self._override(pair))
        self._vetoed[pair] = found.vetoed
        if found.linked:
            self._linked[pair] = found
        return found

    def component(self, keys: Iterable[str], together: Iterable[Iterable[str]] = ()) -> set[int]:
        """Positions of the reports connected to `keys` by linked candidate pairs and manual merges.

        `together` are groups of keys known to lie in one component (the stored events): reaching one key
        of a group reaches the others without deciding the pairs between them."""
        groups = [[self.position[key] for key in group if key in self.position] for group in together]
        group_of = {index: group for group in groups for index in group}
        merged: dict[int, list[int]] = {}
        for o in self.overrides:
            if o.kind == "merge":
                i, j = self.position[o.a], self.position[o.b]
                merged.setdefault(i, []).append(j)
                merged.setdefault(j, []).append(i)
        todo = [self.position[key] for key in keys if key in self.position]
        reached = set(todo)
        while todo:
            index = todo.pop()
            found = [*group_of.get(index, ()), *merged.get(index, ())]
            found += [other for other in self.blocks.partners(index) - reached if self.linked(index, other)]
            fresh = set(found) - reached
            reached |= fresh
            todo.extend(fresh)
        return reached

    def clusters(self, among: Iterable[int] | None = None) -> list[Cluster]:
        """The clusters of all reports, or of those `among` (which must be whole components), by first key."""
        chosen = set(range(len(self.reports)) if among is None else among)
        group = {index: index for index in chosen}
        members: dict[int, set[int]] = {index: {index} for index in chosen}

        def join(i: int, j: int) -> None:
            keep, gone = sorted((group[i], group[j]))
            for index in members.pop(gone):
                group[index] = keep
                members[keep].add(index)

        for override in self.overrides:
            i, j = self.position[override.a], self.position[override.b]
            if override.kind == "merge" and i in chosen and group[i] != group[j]:
                join(i, j)
        linked = [self.decision(i, j) for i, j in sorted(self.blocks.pairs(chosen)) if self.linked(i, j)]
        linked.sort(key=lambda d: (-d.score, d.a, d.b))
        for decision in linked:
            i, j = self.position[decision.a], self.position[decision.b]
            if group[i] == group[j]:
                continue
            if not any(self.vetoed(x, y) for x in members[group[i]] for y in members[group[j]]):
                join(i, j)
        clusters = []
        for root in sorted(members):
            indices = sorted(members[root])
            pair_decisions = tuple(self.decision(x, y) for n, x in enumerate(indices) for y in indices[n + 1 :])
            clusters.append(Cluster(tuple(self.reports[index] for index in indices), pair_decisions))
        return clusters


def cluster_reports(
    reports: Iterable[LinkReport], config: LinkConfig, overrides: Iterable[Override] = ()
) -> list[Cluster]:
    """The events the reports tell of, each a cluster of reports, sorted by their first report's key."""
    return Linking(reports, config, overrides).clusters()
