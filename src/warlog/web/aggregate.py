"""Aggregations over the filtered events: counts by period or field, and the actor/sponsor/umbrella network."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Literal

from sqlalchemy.orm import Session

from warlog.actors.model import Actor
from warlog.actors.registry import Registry
from warlog.store.events import CountKey, EventRepository
from warlog.store.records import ReportFilter
from warlog.web.schemas import CountGroup, Counts, Network, NetworkEdge, NetworkNode

Period = Literal["week", "month"]
CountBy = Literal["week", "month", "type", "sub_type", "actor", "country", "admin1", "attribution"]
SplitBy = Literal["type", "sub_type", "actor", "country", "attribution"]
PARENT_KINDS = ("sponsored_by", "part_of", "front_for", "member_of")


def period_of(day: dt.date | None, period: Period) -> str | None:
    """The week (its Monday, YYYY-MM-DD) or month (YYYY-MM) a day falls in."""
    if day is None:
        return None
    if period == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    return day.strftime("%Y-%m")


def counts(session: Session, where: ReportFilter, by: CountBy, split: SplitBy | None) -> Counts:
    """Matching events counted by `by` (periods are bucketed from daily counts), optionally split by a field."""
    key: CountKey = "day" if by in ("week", "month") else by
    keys: tuple[CountKey, ...] = (key, split) if split else (key,)
    tally: Counter[tuple[str | None, str | None]] = Counter()
    for values, count in EventRepository(session).counts(where, keys):
        first = period_of(values[0], by) if by in ("week", "month") else values[0]
        tally[(first, values[1] if split else None)] += count
    groups = [CountGroup(key=k, split=s, count=n) for (k, s), n in tally.items()]
    if by in ("week", "month"):
        groups.sort(key=lambda g: (g.key is None, g.key or "", g.split or ""))
    else:
        groups.sort(key=lambda g: (-g.count, g.key or "", g.split or ""))
    return Counts(by=by, split=split, total=sum(tally.values()), groups=groups)


def network(session: Session, where: ReportFilter, registry: Registry) -> Network:
    """Actor 1 of the matching events, with every sponsor, umbrella and fronted group above them.

    An edge weighs the events of all the actors whose chain goes through it."""
    nodes: dict[str, NetworkNode] = {}
    edges: Counter[tuple[str, str, str]] = Counter()
    for (name,), count in EventRepository(session).counts(where, ("actor",)):
        if not name:
            continue
        actor = registry.resolve(name, fuzzy=False)
        node_id = actor.id if actor is not None else f"name:{name}"
        node = nodes.setdefault(node_id, _node(node_id, name, actor.kind if actor else "unknown", "actor"))
        node.events += count
        if actor is not None:
            _climb(actor, count, registry, nodes, edges)
    return Network(
        nodes=sorted(nodes.values(), key=lambda n: (-n.events, n.name)),
        edges=[NetworkEdge(source=s, target=t, kind=k, weight=w) for (s, t, k), w in sorted(edges.items())],
    )


def _climb(
    actor: Actor,
    count: int,
    registry: Registry,
    nodes: dict[str, NetworkNode],
    edges: Counter[tuple[str, str, str]],
) -> None:
    """Add the relations above `actor`, each weighted with its `count` events (every relation once per actor)."""
    seen = {actor.id}
    frontier = [actor]
    while frontier:
        current = frontier.pop(0)
        for relation in current.relations:
            if relation.kind not in PARENT_KINDS:
                continue
            target = registry.actors[relation.actor]
            edges[(current.id, target.id, relation.kind)] += count
            role = "sponsor" if relation.kind == "sponsored_by" else "actor"
            nodes.setdefault(target.id, _node(target.id, target.name, target.kind, role))
            if target.id not in seen:
                seen.add(target.id)
                frontier.append(target)


def _node(node_id: str, name: str, kind: str, role: str) -> NetworkNode:
    return NetworkNode(id=node_id, name=name, kind=kind, events=0, filter={role: name})
