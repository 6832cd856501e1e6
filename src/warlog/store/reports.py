"""The `reports` table: events as each article reports them, stored as full JSON plus filterable columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from warlog.records import Event
from warlog.store.filters import apply_filter
from warlog.store.models import ArticleRow, EventReportRow, EventRow, ReportRow
from warlog.store.records import ReportFilter, StoredReport

LIST_SEPARATOR = "; "


class ReportRepository:
    """Reads and writes `reports` rows within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_all(self, article_id: int, events: Iterable[Event]) -> int:
        """Store the events one article reports; returns how many."""
        rows = [_row(article_id, event) for event in events]
        self.session.add_all(rows)
        self.session.flush()
        return len(rows)

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(ReportRow)) or 0

    def list(self, where: ReportFilter | None = None) -> list[StoredReport]:
        """Stored reports matching `where`, in the order they were stored."""
        where = where or ReportFilter()
        query = select(ReportRow, ArticleRow.source, ArticleRow.url).join(ArticleRow).order_by(ReportRow.id)
        query = apply_filter(query, ReportRow, where)
        return [_stored(row, source, url) for row, source, url in self.session.execute(query)]

    def of_article(self, article_id: int) -> list[StoredReport]:
        """The reports extracted from one article, in the order stored."""
        query = (
            select(ReportRow, ArticleRow.source, ArticleRow.url)
            .join(ArticleRow)
            .where(ReportRow.article_id == article_id)
            .order_by(ReportRow.id)
        )
        return [_stored(row, source, url) for row, source, url in self.session.execute(query)]

    def of_event(self, uid: str) -> list[StoredReport]:
        """The reports linked into the canonical event `uid`, with their link keys, in the order stored."""
        query = (
            select(ReportRow, ArticleRow.source, ArticleRow.url, EventReportRow.report_key)
            .join(ArticleRow)
            .join(EventReportRow, EventReportRow.report_id == ReportRow.id)
            .join(EventRow, EventRow.id == EventReportRow.event_id)
            .where(EventRow.uid == uid)
            .order_by(ReportRow.id)
        )
        return [_stored(row, source, url, key) for row, source, url, key in self.session.execute(query)]


def _stored(row: ReportRow, source: str | None, url: str | None, key: str | None = None) -> StoredReport:
    return StoredReport(
        id=row.id,
        article_id=row.article_id,
        event=Event.model_validate_json(row.event_json),
        source=source,
        url=url,
        key=key,
    )


def search_text(event: Event) -> str:
    """What free-text search reads: places, actors, target, weapons, sponsors and the evidence sentences."""
    parts = [event.location, event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2, event.target]
    parts += [*event.weapons, *event.sponsors, *(evidence.sentence for evidence in event.evidence)]
    return "\n".join(part for part in parts if part)


def period_start(event_date: str | None) -> dt.date | None:
    """The first day of a YYYY-MM-DD, YYYY-MM or YYYY date; None when absent or unreadable."""
    if not event_date:
        return None
    parts = event_date.split("-")
    try:
        numbers = [int(part) for part in parts[:3]] + [1] * (3 - len(parts[:3]))
        return dt.date(*numbers)
    except ValueError:
        return None


def _row(article_id: int, event: Event) -> ReportRow:
    return ReportRow(
        article_id=article_id,
        event_id=event.event_id,
        event_date=period_start(event.event_date),
        date_precision=event.date_precision,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1,
        actor2=event.actor2,
        country=event.country,
        admin1=event.admin1,
        weapons=LIST_SEPARATOR.join(event.weapons) or None,
        attribution_status=event.attribution_status,
        latitude=event.latitude,
        longitude=event.longitude,
        location=event.location,
        sponsors=LIST_SEPARATOR.join(event.sponsors) or None,
        search_text=search_text(event),
        event_json=event.model_dump_json(),
    )
