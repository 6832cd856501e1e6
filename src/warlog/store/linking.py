"""Incremental linking: new reports join the canonical events already stored, found by a blocked query.

Only the events whose date window meets the new reports' (plus the events their manual overrides point
to) are reloaded and re-clustered with them; nothing is rebuilt from scratch. Clustering depends only on
the set of reports, so the same articles in any order, or ingested twice, give the same events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from warlog.link.batch import linkable
from warlog.link.campaigns import campaign_key, campaign_label, campaign_uid
from warlog.link.cluster import cluster_reports
from warlog.link.config import LinkConfig, default_config
from warlog.link.periods import readings
from warlog.link.reconcile import reconcile
from warlog.link.records import CanonicalEvent, LinkReport
from warlog.records import Event
from warlog.store.campaigns import CampaignRepository
from warlog.store.event_reports import EventReportRepository
from warlog.store.events import EventRepository
from warlog.store.models import ArticleRow, EventRow, ReportRow
from warlog.store.overrides import OverrideRepository


class LinkError(LookupError):
    """A manual split or merge names an event or report that does not exist."""


class EventLinker:
    """Keeps the canonical events of one session's database up to date as reports arrive or overrides change."""

    def __init__(self, session: Session, config: LinkConfig | None = None) -> None:
        self.session = session
        self.config = config or default_config()
        self.events = EventRepository(session)
        self.links = EventReportRepository(session)
        self.overrides = OverrideRepository(session)

    def link_articles(self, article_ids: Iterable[int]) -> list[CanonicalEvent]:
        """Link the reports of these (newly stored) articles; returns the events rebuilt."""
        return self.relink(self._reports(ReportRow.article_id.in_(list(article_ids))))

    def split(self, uid: str, report: str) -> list[CanonicalEvent]:
        """Take a report (by key or doc id) out of an event for good: later ingests never join them again."""
        event = self._event(uid)
        out = {link.key for link in event.reports if report in (link.key, link.doc_id)}
        if not out:
            raise LinkError(f"event {uid} has no report {report!r}")
        rest = [link.key for link in event.reports if link.key not in out]
        if not rest:
            raise LinkError(f"event {uid} has no other report to split {report!r} from")
        self.overrides.add("split", [(a, b) for a in out for b in rest])
        return self._redo([uid])

    def merge(self, first: str, second: str) -> list[CanonicalEvent]:
        """Make two events one for good, whatever the linker scores."""
        a, b = self._event(first), self._event(second)
        self.overrides.add("merge", [(x.key, y.key) for x in a.reports for y in b.reports])
        return self._redo([first, second])

    def _event(self, uid: str) -> CanonicalEvent:
        event = self.events.get(uid)
        if event is None:
            raise LinkError(f"no event {uid}")
        return event

    def _redo(self, uids: list[str]) -> list[CanonicalEvent]:
        """Re-cluster these events and their neighbours in time."""
        rows = [self.events.row_id(uid) for uid in uids]
        return self.relink(self._reports(ReportRow.id.in_(self.links.report_ids(rows))))

    def relink(self, new: dict[int, LinkReport], event_ids: Iterable[int] = ()) -> list[CanonicalEvent]:
        """Re-cluster `new` reports with the stored events near them in time and the events `event_ids`."""
        new = {report_id: report for report_id, report in new.items() if linkable(report.event)}
        affected = set(event_ids)
        days = [day for report in new.values() for reading in readings(report) for day in reading]
        if days:
            margin = dt.timedelta(days=2 * self.config.window_days)
            affected |= set(self.events.in_window(min(days) - margin, max(days) + margin))
        reports = {**self._reports(ReportRow.id.in_(self.links.report_ids(affected))), **new}
        overrides = self.overrides.involving(report.key for report in reports.values())
        partners = self.links.event_ids(o.a for o in overrides) | self.links.event_ids(o.b for o in overrides)
        if partners - affected:
            affected |= partners
            reports = {**self._reports(ReportRow.id.in_(self.links.report_ids(affected))), **reports}
        if not reports:
            return []
        old_keys = {key for _id, key in self._campaign_keys(affected)}
        self.events.delete(affected)
        row_of = {report.key: report_id for report_id, report in reports.items()}
        rebuilt = []
        for cluster in cluster_reports(reports.values(), self.config, overrides):
            event = reconcile(cluster, self.config)
            if self.events.row_id(event.uid) is not None:
                event = _renamed(event, cluster.reports[0].key)
            days = [day for report in cluster.reports for reading in readings(report) for day in reading]
            window = (min(days), max(days)) if days else None
            event_id = self.events.add(event, window, campaign_key(event.event))
            for link in event.reports:
                self.links.add(event_id, row_of[link.key], link)
            rebuilt.append(event)
        self.session.flush()
        labels = {key: campaign_label(e.event) for e in rebuilt if (key := campaign_key(e.event))}
        self._refresh_campaigns(old_keys | set(labels), labels)
        return rebuilt

    def _reports(self, where: ColumnElement[bool]) -> dict[int, LinkReport]:
        """Stored reports as `LinkReport`s by row id; the key joins event id and article hash (stable, unique)."""
        query = (
            select(ReportRow.id, ReportRow.event_json, ArticleRow.content_hash, ArticleRow.published, ArticleRow.source)
            .join(ArticleRow)
            .where(where)
        )
        found = {}
        for report_id, event_json, content_hash, published, source in self.session.execute(query):
            event = Event.model_validate_json(event_json)
            key = f"{event.event_id}-{content_hash[:8]}"
            found[report_id] = LinkReport(key=key, event=event, published=published, source=source)
        return found

    def _campaign_keys(self, event_ids: set[int]) -> list[tuple[int, str]]:
        query = select(EventRow.id, EventRow.campaign_key).where(
            EventRow.id.in_(list(event_ids)), EventRow.campaign_key.is_not(None)
        )
        return [(event_id, key) for event_id, key in self.session.execute(query)]

    def _refresh_campaigns(self, keys: set[str], labels: dict[str, str]) -> None:
        """A campaign exists for each key shared by two or more events; its events point to it."""
        campaigns = CampaignRepository(self.session)
        found: dict[str, list[int]] = {}
        for event_id, key in self.events.with_campaign_keys(keys):
            found.setdefault(key, []).append(event_id)
        for key in keys:
            ids = found.get(key, [])
            if len(ids) < 2:
                self.events.set_campaign(ids, None)
                campaigns.remove([key])
                continue
            self.events.set_campaign(ids, campaigns.ensure(campaign_uid(key), key, labels.get(key, key)))


def _renamed(event: CanonicalEvent, uid: str) -> CanonicalEvent:
    """The event under another uid: two articles with the same doc id gave their reports the same event id."""
    return event.model_copy(update={"uid": uid, "event": event.event.model_copy(update={"event_id": uid})})
