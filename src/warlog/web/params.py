"""Query parameters shared by the event endpoints: the filter, the page and the sort order.

Bad values are 422 errors whose `detail` names the parameter and says what is expected. The dependencies are
coroutines (they only compute), so they run on the event loop, not in the thread pool."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from pydantic import ValidationError

from warlog.records import AttributionStatus
from warlog.store.events import EventSort
from warlog.store.records import BoundingBox, ReportFilter

Text = Annotated[str | None, Query(max_length=200)]


def bad_parameter(name: str, message: str) -> HTTPException:
    """A 422 for one query parameter."""
    return HTTPException(status_code=422, detail=f"{name}: {message}")


def parse_bbox(value: str | None) -> BoundingBox | None:
    """`west,south,east,north` in degrees."""
    if value is None:
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
        box = BoundingBox(west=west, south=south, east=east, north=north)
    except (ValueError, ValidationError) as exc:
        raise bad_parameter("bbox", "expected west,south,east,north in degrees, e.g. 38,29,49,38") from exc
    if box.south > box.north:
        raise bad_parameter("bbox", "south is greater than north")
    return box


async def event_filter(
    since: Annotated[dt.date | None, Query(description="Event on or after (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Event on or before (YYYY-MM-DD).")] = None,
    type: Annotated[str | None, Query(max_length=200, description="ACLED event type or sub-event type.")] = None,
    sub_type: Annotated[str | None, Query(max_length=200, description="ACLED sub-event type.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of actor 1 or actor 2.")] = None,
    sponsor: Annotated[
        str | None,
        Query(max_length=200, description="Part of a name in the sponsor chain: 'Iran' finds Iran-backed actors."),
    ] = None,
    attribution: Annotated[AttributionStatus | None, Query(description="Attribution status.")] = None,
    country: Annotated[str | None, Query(max_length=200, description="Country name.")] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="First-level region.")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="west,south,east,north in degrees.")] = None,
    weapon: Annotated[str | None, Query(max_length=200, description="Part of a weapon, e.g. drone.")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Free text in places, actors, target, evidence.")
    ] = None,
) -> ReportFilter:
    """The event filter of a request."""
    if since and until and since > until:
        raise bad_parameter("since", f"{since} is after until ({until})")
    return ReportFilter(
        since=since,
        until=until,
        type=type,
        sub_type=sub_type,
        actor=actor,
        sponsor=sponsor,
        attribution=attribution,
        country=country,
        admin1=admin1,
        bbox=parse_bbox(bbox),
        weapon=weapon,
        text=q,
    )


EventFilter = Annotated[ReportFilter, Depends(event_filter)]


async def page_size(request: Request, limit: Annotated[int, Query(ge=1, description="Page size.")] = 50) -> int:
    """The page size, at most the server's `max_page`."""
    ceiling = request.app.state.settings.max_page
    if limit > ceiling:
        raise bad_parameter("limit", f"at most {ceiling} per page (got {limit})")
    return limit


async def export_size(
    request: Request, limit: Annotated[int | None, Query(ge=1, description="At most this many.")] = None
) -> int:
    """How many events an export may hold: `limit`, at most the server's `max_export`."""
    ceiling = request.app.state.settings.max_export
    if limit is not None and limit > ceiling:
        raise bad_parameter("limit", f"at most {ceiling} per export (got {limit})")
    return limit or ceiling


Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
PageSize = Annotated[int, Depends(page_size)]
ExportSize = Annotated[int, Depends(export_size)]
Sort = Annotated[
    EventSort, Query(description="date, fatalities or reports; '-' first for descending. Ties by event id.")
]
