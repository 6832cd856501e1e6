"""`/api/events`: filtered, paged canonical events; one event with its reports and evidence; exports; and the
manual merge and split (writes)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import JSONResponse, Response
from pydantic_core import to_json
from sqlalchemy.orm import Session

from warlog.api.records import EventRecord
from warlog.export import geojson, write_acled_csv
from warlog.link.records import CanonicalEvent
from warlog.store.articles import ArticleRepository
from warlog.store.events import EventRepository
from warlog.store.linking import EventLinker, LinkError
from warlog.store.records import BoundingBox, EventSummary
from warlog.store.reports import ReportRepository
from warlog.web.auth import ReadAccess, WriteAccess
from warlog.web.deps import DbSession
from warlog.web.params import EventFilter, ExportSize, Offset, PageSize, Sort
from warlog.web.routes.articles import article_info
from warlog.web.schemas import EventDetail, EventPage, MergeIn, Rebuilt, ReportDetail, SplitIn

router = APIRouter(prefix="/api/events", tags=["events"])
GEOJSON = "application/geo+json"
_WORLD = BoundingBox(west=-180, south=-90, east=180, north=90)


@router.get("", response_model=EventPage, dependencies=[ReadAccess])
def list_events(
    request: Request,
    session: DbSession,
    where: EventFilter,
    offset: Offset = 0,
    limit: PageSize = 50,
    sort: Sort = "date",
):
    """Canonical events matching the filter, one page in a stable order (ties broken by event id)."""
    events = EventRepository(session)
    totals = request.app.state.totals
    totals.notice_writes(session)
    total = totals.get(where, lambda: events.matching(where))
    items = events.summary_fields(where.model_copy(update={"offset": offset, "limit": limit}), sort, total)
    # The store's typed columns, serialised at once by pydantic-core as the model would be (without validating
    # each row again); `response_model` still documents the shape, and the tests check the body against it.
    page = {"total": total, "offset": offset, "limit": limit, "sort": sort, "items": items}
    return Response(to_json(page), media_type="application/json")


@router.get(
    "/map",
    dependencies=[ReadAccess],
    response_class=JSONResponse,
    responses={200: {"content": {GEOJSON: {}}, "description": "A GeoJSON FeatureCollection of event summaries."}},
)
def event_map(session: DbSession, where: EventFilter, limit: ExportSize):
    """The matching events with coordinates, as light GeoJSON points for the map (newest first)."""
    located = where.model_copy(update={"limit": limit, "bbox": where.bbox or _WORLD})
    summaries = EventRepository(session).summaries(located, "-date")
    return JSONResponse(geojson(_point(s) for s in summaries), media_type=GEOJSON)


@router.get(
    "/export.{fmt}",
    dependencies=[ReadAccess],
    responses={200: {"content": {"text/csv": {}, GEOJSON: {}, "application/json": {}}}},
)
def export_events(fmt: Literal["csv", "json", "geojson"], session: DbSession, where: EventFilter, limit: ExportSize):
    """The matching events in full, by date: `csv` (ACLED columns), `json` (canonical records) or `geojson`."""
    stored = EventRepository(session).list(where.model_copy(update={"limit": limit}))
    events = [EventRecord.from_canonical(event) for event in stored]
    if fmt == "csv":
        stream = io.StringIO()
        write_acled_csv(((e, e.sources) for e in events), stream)
        headers = {"Content-Disposition": 'attachment; filename="warlog-events.csv"'}
        return Response(stream.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if fmt == "json":
        return JSONResponse([e.model_dump(mode="json") for e in events])
    features = ((e.latitude, e.longitude, e.model_dump(mode="json")) for e in events)
    return JSONResponse(geojson(features), media_type=GEOJSON)


@router.get("/{uid}", response_model=EventDetail, dependencies=[ReadAccess])
def event_detail(uid: Annotated[str, Path(max_length=128)], session: DbSession):
    """One canonical event, every report of it with its article text, evidence offsets and claims."""
    event = EventRepository(session).get(uid)
    if event is None:
        raise HTTPException(status_code=404, detail=f"no event {uid}")
    articles = ArticleRepository(session)
    reports = [
        ReportDetail(key=r.key, report=r.event, article=article_info(articles.get(r.article_id), with_text=True))
        for r in ReportRepository(session).of_event(uid)
    ]
    return EventDetail(event=event, reports=reports)


@router.post("/merge", response_model=list[Rebuilt], dependencies=[WriteAccess])
def merge_events(body: MergeIn, session: DbSession):
    """Make two events one, for good (later ingests respect it)."""
    return _manual(lambda linker: linker.merge(body.first, body.second), session)


@router.post("/{uid}/split", response_model=list[Rebuilt], dependencies=[WriteAccess])
def split_event(uid: str, body: SplitIn, session: DbSession):
    """Take a report (doc id or key) out of an event, for good."""
    return _manual(lambda linker: linker.split(uid, body.report), session)


def _manual(action: Callable[[EventLinker], list[CanonicalEvent]], session: Session) -> list[Rebuilt]:
    try:
        rebuilt = action(EventLinker(session))
    except LinkError as exc:
        raise HTTPException(status_code=404, detail=exc.args[0]) from exc
    return [Rebuilt(uid=e.uid, doc_ids=[link.doc_id for link in e.reports]) for e in rebuilt]


def _point(summary: EventSummary) -> tuple[float | None, float | None, dict]:
    properties = summary.model_dump(mode="json", exclude={"latitude", "longitude"})
    return summary.latitude, summary.longitude, properties
