"""Reconcile one canonical event from its reports, saying which reports support each field.

- date: the most precise one; among equally precise dates the most reported, then the earliest;
- place: the most precise one (lowest geo_precision), then the most reported;
- type: the most reported specific sub-type (a generic 'Attack' yields to 'Air/drone strike');
- fatalities and injured: low/best/high as UCDP codes them; best is the most reported value, and
  the lower median of the values when no value is reported more often than the others; a report that says
  nothing of casualties (0, "none reported") counts only when no report states a toll;
- weapons and sponsors: the union; claims: tallied by kind and actor across reports;
- attribution_status and actor1 follow from the pooled claims (a claim beats blame, blame beats the
  most reported perpetrator).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence

from warlog.actors.claims import attribution_status
from warlog.link.cluster import Cluster
from warlog.link.config import LinkConfig
from warlog.link.families import GENERIC
from warlog.link.features import attack_type
from warlog.link.periods import readings
from warlog.link.records import CanonicalEvent, ClaimTally, LinkDecision, LinkReport, Range, ReportLink
from warlog.records import NONE_REPORTED, Claim

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
VERBS = {
    "claimed": ("says {actor} claimed it", "say {actor} claimed it"),
    "blamed": ("blames {actor}", "blame {actor}"),
    "traced": ("traces it to {actor}", "trace it to {actor}"),
    "tied": ("ties {actor} to it", "tie {actor} to it"),
    "suspected": ("suspects {actor}", "suspect {actor}"),
    "denied": ("says {actor} denied it", "say {actor} denied it"),
}


def event_uid(cluster: Cluster) -> str:
    """A canonical event's id: its first report's event id (reports sorted by key, so input order never
    changes it; an event told by one report keeps that report's id)."""
    return cluster.reports[0].event.event_id


def reconcile(cluster: Cluster, config: LinkConfig) -> CanonicalEvent:
    """The canonical event of a cluster of reports."""
    reports = cluster.reports
    support: dict[str, list[str]] = {}
    placed = _choose(reports, lambda r: r.event.location, lambda r: (r.event.geo_precision or 4,))
    typed = _choose(reports, lambda r: attack_type(r, config), lambda r: (attack_type(r, config) in GENERIC,))
    kind = attack_type(typed, config) if typed else reports[0].event.sub_event_type
    base = next((r for r in reports if r.event.sub_event_type == kind), typed or reports[0])
    update: dict[str, object] = {"event_id": event_uid(cluster), "provenance": {}}
    support["event_type"] = _keys(reports, lambda r: attack_type(r, config) == kind)
    if (dated := _date(reports)) is not None:
        update |= dated[0]
        support["event_date"] = dated[1]
    if placed is not None:
        fields = ("country", "admin1", "location", "latitude", "longitude", "geo_precision")
        update |= {f: getattr(placed.event, f) for f in fields}
        support["location"] = _keys(reports, lambda r: r.event.location == placed.event.location)
    fatalities, injured = _range(reports, "fatalities"), _range(reports, "injured")
    update |= {"fatalities": fatalities.best, "injured": injured.best}
    weapons = sorted({weapon for r in reports for weapon in r.event.weapons})
    update["weapons"] = weapons
    support |= {f"weapons.{w}": _keys(reports, lambda r, w=w: w in r.event.weapons) for w in weapons}
    target = _choose(reports, lambda r: r.event.target, lambda r: ())
    if target is not None:
        update |= {"target": target.event.target, "target_category": target.event.target_category}
        support["target"] = _keys(reports, lambda r: r.event.target == target.event.target)
    claims = _pooled_claims(reports)
    actor1 = _perpetrator(reports, claims)
    update |= {
        "actor1": actor1,
        "claims": claims,
        "sponsors": sorted({s for r in reports for s in r.event.sponsors}),
        "attribution_status": attribution_status(claims, actor1) if claims or actor1 else "unattributed",
        "evidence": [evidence for r in reports for evidence in r.event.evidence[:1]],
    }
    if actor1 is not None:
        support["actor1"] = _keys(
            reports, lambda r: r.event.actor1 == actor1 or any(c.actor == actor1 for c in r.event.claims)
        )
    return CanonicalEvent(
        uid=update["event_id"],
        event=base.event.model_copy(update=update),
        fatalities=fatalities,
        injured=injured,
        claims=_tally(reports),
        support=support,
        reports=[_link(report, cluster.decisions) for report in reports],
        linker=config.id,
    )


def _date(reports: Sequence[LinkReport]) -> tuple[dict[str, object], list[str]] | None:
    """The most precise date; among days, the one most reports allow (then the earliest); and its support."""
    options = sorted(
        {(_rank(r), reading) for r in reports for reading in readings(r)},
        key=lambda option: (
            option[0],
            -sum(any(_within(option[1], other) for other in readings(r)) for r in reports),
            option[1],
        ),
    )
    if not options or options[0][0] == PRECISION_RANK[None]:
        return None
    chosen = options[0][1]
    origin = next((r for r in reports if readings(r)[:1] == [chosen] and r.event.event_date), None)
    if origin is not None:
        fields = {f: getattr(origin.event, f) for f in ("event_date", "date_precision", "date_text")}
    else:
        text = next(r.event.date_text for r in reports if chosen in readings(r))
        fields = {"event_date": chosen[0].isoformat(), "date_precision": "day", "date_text": text}
    return fields, _keys(reports, lambda r: any(_within(chosen, other) for other in readings(r)))


def _rank(report: LinkReport) -> int:
    return PRECISION_RANK[report.event.date_precision if report.event.event_date else None]


def _choose(
    reports: Sequence[LinkReport],
    value: Callable[[LinkReport], Hashable | None],
    rank: Callable[[LinkReport], tuple],
) -> LinkReport | None:
    """The report whose value is best ranked, then most reported, then first by key (None if no value)."""
    having = [r for r in reports if value(r) is not None]
    if not having:
        return None
    counts = Counter(value(r) for r in having)
    return min(having, key=lambda r: (*rank(r), -counts[value(r)], str(value(r)), r.key))


def _keys(reports: Sequence[LinkReport], supports: Callable[[LinkReport], bool]) -> list[str]:
    return [r.key for r in reports if supports(r)]


def _within(chosen, other) -> bool:
    return chosen is not None and other is not None and other[0] <= chosen[0] and chosen[1] <= other[1]


def _range(reports: Sequence[LinkReport], field: str) -> Range:
    values: dict[int, list[str]] = defaultdict(list)
    silent: list[str] = []
    for r in reports:
        source = r.event.provenance.get(field)
        if source is not None and source.rule == NONE_REPORTED:
            silent.append(r.key)
        elif (count := getattr(r.event, field)) is not None:
            values[count].append(r.key)
    if not values and silent:
        values[0] = silent
    if not values:
        return Range()
    counts = Counter({value: len(keys) for value, keys in values.items()})
    top = counts.most_common()
    if len(top) > 1 and top[0][1] == top[1][1]:
        best = statistics.median_low([v for v, keys in values.items() for _ in keys])
    else:
        best = top[0][0]
    return Range(low=min(values), best=best, high=max(values), values={str(v): k for v, k in sorted(values.items())})


def _pooled_claims(reports: Sequence[LinkReport]) -> list[Claim]:
    """Every report's claims, one per (kind, actor, claimant, hedged)."""
    seen: dict[tuple, Claim] = {}
    for r in reports:
        for claim in r.event.claims:
            seen.setdefault((claim.kind, claim.actor, claim.claimant, claim.hedged), claim)
    return list(seen.values())


def _perpetrator(reports: Sequence[LinkReport], claims: list[Claim]) -> str | None:
    """A group's own claim, else the most blamed actor, else the most reported actor1."""
    for kinds in (("claimed",), ("blamed", "traced", "tied", "suspected")):
        counts = Counter(c.actor for r in reports for c in r.event.claims if c.kind in kinds and c.actor)
        if counts:
            return min(counts, key=lambda actor: (-counts[actor], actor))
    counts = Counter(r.event.actor1 for r in reports if r.event.actor1)
    return min(counts, key=lambda actor: (-counts[actor], actor)) if counts else None


def _tally(reports: Sequence[LinkReport]) -> list[ClaimTally]:
    """'3 reports blame X (2 officials, 1 unnamed)' for each kind of claim about each actor."""
    grouped: dict[tuple[str, str | None], dict[str, str]] = defaultdict(dict)
    for r in reports:
        for claim in r.event.claims:
            grouped[(claim.kind, claim.actor)].setdefault(r.key, claim.claimant or "unnamed")
    tallies = []
    ordered = sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0][0], str(item[0][1])))
    for (kind, actor), by_report in ordered:
        claimants = dict(Counter(by_report.values()).most_common())
        n = len(by_report)
        who = ", ".join(f"{count} {name}" for name, count in claimants.items())
        verb = VERBS[kind][n > 1].format(actor=actor or "someone")
        summary = f"{n} report{'s' if n > 1 else ''} {verb} ({who})"
        tallies.append(
            ClaimTally(kind=kind, actor=actor, reports=sorted(by_report), claimants=claimants, summary=summary)
        )
    return tallies


def _link(report: LinkReport, decisions: Sequence[LinkDecision]) -> ReportLink:
    """A report's place in its event: the best decision linking it to another report."""
    own = [d for d in decisions if report.key in (d.a, d.b) and d.linked]
    if not own:
        reason = "the event's only report" if not decisions else "linked through other reports of the event"
        return ReportLink(key=report.key, doc_id=report.doc_id, source=report.source, reason=reason)
    best = max(own, key=lambda d: (d.score, d.a, d.b))
    return ReportLink(
        key=report.key,
        doc_id=report.doc_id,
        source=report.source,
        score=best.score,
        near_threshold=best.near_threshold,
        reason=best.reason,
    )
