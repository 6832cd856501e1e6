"""The `event_reports` table: which canonical event each report belongs to, and the decision that put it there."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from warlog.link.records import ReportLink
from warlog.store.models import EventReportRow


class EventReportRepository:
    """Reads and writes `event_reports` rows within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_all(self, links: Iterable[tuple[int, int, ReportLink]]) -> None:
        """Attach reports to events: (event id, report id, link) each, in one statement."""
        rows = [
            {
                "event_id": event_id,
                "report_id": report_id,
                "report_key": link.key,
                "score": link.score,
                "decision_json": link.model_dump_json(),
            }
            for event_id, report_id, link in links
        ]
        if rows:
            self.session.execute(insert(EventReportRow), rows)

    def report_ids(self, event_ids: Iterable[int]) -> list[int]:
        """The reports of these events."""
        query = select(EventReportRow.report_id).where(EventReportRow.event_id.in_(list(event_ids)))
        return list(self.session.scalars(query))

    def event_ids(self, report_keys: Iterable[str]) -> set[int]:
        """The events holding reports with these keys."""
        query = select(EventReportRow.event_id).where(EventReportRow.report_key.in_(list(report_keys)))
        return set(self.session.scalars(query))
