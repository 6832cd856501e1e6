"""`/api/counts` and `/api/network`: aggregations over the same event filter as `/api/events`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from warlog.web.aggregate import CountBy, SplitBy, counts, network
from warlog.web.auth import ReadAccess
from warlog.web.deps import CurrentRegistry, DbSession
from warlog.web.params import EventFilter
from warlog.web.schemas import Counts, Network

router = APIRouter(prefix="/api", tags=["aggregations"], dependencies=[ReadAccess])


@router.get("/counts", response_model=Counts)
def event_counts(
    session: DbSession,
    where: EventFilter,
    by: Annotated[CountBy, Query(description="week (its Monday), month, or a field.")] = "month",
    split: Annotated[SplitBy | None, Query(description="Also split each group by this field.")] = None,
):
    """How many matching events per week, month, type, sub-type, actor, country, region or attribution status."""
    return counts(session, where, by, split)


@router.get("/network", response_model=Network)
def actor_network(session: DbSession, where: EventFilter, registry: CurrentRegistry):
    """The actors of the matching events with their sponsors and umbrellas; edges weigh events."""
    return network(session, where, registry)
