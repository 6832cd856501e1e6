"""Incremental linking: new reports join the canonical events already stored, found by blocked queries.

Clusters are the clusters of each connected component of linked pairs and manual merges taken alone
(`link.cluster`), so only the components holding new reports are re-clustered: the stored events those
reports reach, loaded by date (`EventLinker._reach`). Every other event keeps its row, and so does a
re-clustered event whose row would be written the same. The stored events are therefore always what
clustering every stored report at once gives: the same articles in any order, in any batches, or ingested
twice, give the same events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from warlog.link.batch import linkable
from warlog.link.campaigns import campaign_key, campaign_label, campaign_uid
from warlog.link.cluster import Linking, Verdicts
from warlog.link.config import LinkConfig, default_config
from warlog.link.features import LINKED_GAP
from warlog.link.periods import readings
from warlog.link.reconcile import reconcile
from warlog.link.records import CanonicalEvent, LinkReport
from warlog.records import Event
from warlog.store.campaigns import CampaignRepository
from warlog.store.event_reports import EventReportRepository
from warlog.store.events import EventRepository, written_from
from warlog.store.models import ArticleRow, EventReportRow, EventRow, ReportRow
from warlog.store.overrides import OverrideRepository


class LinkError(LookupError):
    """A manual split or merge names an event or report that does not exist."""


class EventLinker:
    """Keeps the canonical events of one session's database up to date as reports arrive or overrides change.

    `known` verdicts (and `verdicts`, after linking) are the pair verdicts of the last clustering: an ingest hands
    them from one batch's linker to the next, as its batches read many of the same stored reports again."""

    def __init__(self, session: Session, config: LinkConfig | None = None, known: Verdicts | None = None) -> None:
        self.session = session
        self.config = config or default_config()
        self.verdicts = known
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
        """Re-cluster these events and the components they are in."""
        rows = [self.events.row_id(uid) for uid in uids]
        return self.relink(self._reports(ReportRow.id.in_(self.links.report_ids(rows))))

    def relink(self, new: dict[int, LinkReport]) -> list[CanonicalEvent]:
        """Re-cluster `new` reports with the stored events they can reach (`_reach`); returns the events of
        those components, in cluster order. An event whose row would be written the same is left as it is."""
        new = {report_id: report for report_id, report in new.items() if linkable(report.event)}
        if not new:
            return []
        linking, stored, reached = self._reach(new)
        affected = {event_id for event_id, report in stored.values() if linking.position[report.key] in reached}
        row_of = {report.key: report_id for report_id, (_event, report) in stored.items()}
        row_of |= {report.key: report_id for report_id, report in new.items()}
        clusters = linking.clusters(reached)
        self.verdicts = linking.verdicts()
        events = [reconcile(cluster, self.config) for cluster in clusters]
        before = self.events.written(affected)
        taken = {uid for uid, row_id in self.events.row_ids(e.uid for e in events).items() if row_id not in affected}
        rebuilt, kept, added = [], set(), []
        for cluster, event in zip(clusters, events, strict=True):
            if event.uid in taken:
                event = _renamed(event, cluster.reports[0].key)
            taken.add(event.uid)
            row = (event, _span(cluster.reports), campaign_key(event.event))
            old = before.get(event.uid)
            if old is not None and old[1] == written_from(*row):
                kept.add(old[0])
            else:
                added.append(row)
            rebuilt.append(event)
        old_keys = {key for _id, key in self._campaign_keys(affected)}
        self.events.delete(affected - kept)
        ids = self.events.add_all(added)
        self.links.add_all(
            (event_id, row_of[link.key], link)
            for event_id, (event, _window, _key) in zip(ids, added, strict=True)
            for link in event.reports
        )
        self.session.flush()
        labels = {key: campaign_label(e.event) for e in rebuilt if (key := campaign_key(e.event))}
        self._refresh_campaigns(old_keys | set(labels), labels)
        return rebuilt

    def _reach(self, new: dict[int, LinkReport]) -> tuple[Linking, dict[int, tuple[int, LinkReport]], set[int]]:
        """The new reports and enough stored events to find the components they are in; those components.

        A linked pair is at most `LINKED_GAP` apart in time, so the stored events a report can link to meet its
        dates widened by that gap: those events are loaded and the components found. When a component reaches
        beyond what was loaded (a chain of reports over several days), or has a manual merge with an event not
        loaded, more is loaded and the components found again. Stored reports come by report row id, each with
        its event's row id."""
        keys = [report.key for report in new.values()]
        wanted = self.links.event_ids(keys)
        window = _widened(_span(new.values()))
        stored: dict[int, tuple[int, LinkReport]] = {}
        loaded: set[int] = set()
        while True:
            if window is not None:
                wanted |= set(self.events.in_window(*window))
            stored |= self._stored(wanted - loaded)
            loaded |= wanted
            reports = [report for _event, report in stored.values()] + list(new.values())
            overrides = self.overrides.involving(report.key for report in reports)
            present = {report.key for report in reports}
            partners = {key for o in overrides if o.kind == "merge" for key in (o.a, o.b)} - present
            if fresh := self.links.event_ids(partners) - loaded:
                wanted |= fresh
                continue
            linking = Linking(reports, self.config, overrides, self.verdicts)
            events: dict[int, list[str]] = {}
            for event_id, report in stored.values():
                events.setdefault(event_id, []).append(report.key)
            reached = linking.component(keys, events.values())
            needed = _widened(_span(linking.reports[index] for index in reached))
            if needed is None or (window is not None and window[0] <= needed[0] and needed[1] <= window[1]):
                return linking, stored, reached
            window = needed if window is None else (min(window[0], needed[0]), max(window[1], needed[1]))

    def _stored(self, event_ids: set[int]) -> dict[int, tuple[int, LinkReport]]:
        """The reports of these events by report row id, each with its event's row id."""
        if not event_ids:
            return {}
        query = select(EventReportRow.report_id, EventReportRow.event_id).where(
            EventReportRow.event_id.in_(list(event_ids))
        )
        event_of = {report_id: event_id for report_id, event_id in self.session.execute(query)}
        found = self._reports(ReportRow.id.in_(list(event_of)))
        return {report_id: (event_of[report_id], report) for report_id, report in found.items()}

    def _reports(self, where: ColumnElement[bool]) -> dict[int, LinkReport]:
        """Stored reports as `LinkReport`s by row id; the key joins event id and article hash (stable, unique).
        A report the last clustering profiled is that same object (a stored report never changes)."""
        query = (
            select(
                ReportRow.id, ReportRow.event_id, ReportRow.event_json, ArticleRow.content_hash, ArticleRow.published,
                ArticleRow.source,
            )
            .join(ArticleRow)
            .where(where)
        )
        profiled = self.verdicts.profiles if self.verdicts is not None else {}
        found = {}
        for report_id, event_id, event_json, content_hash, published, source in self.session.execute(query):
            key = f"{event_id}-{content_hash[:8]}"
            if (known := profiled.get(key)) is not None:
                found[report_id] = known.report
                continue
            event = Event.model_validate_json(event_json)
            found[report_id] = LinkReport(key=key, event=event, published=published, source=source)
        return found

    def _campaign_keys(self, event_ids: set[int]) -> list[tuple[int, str]]:
        query = select(EventRow.id, EventRow.campaign_key).where(
            EventRow.id.in_(list(event_ids)), EventRow.campaign_key.is_not(None)
        )
        return [(event_id, key) for event_id, key in self.session.execute(query)]

    def _refresh_campaigns(self, keys: set[str], labels: dict[str, str]) -> None:
        """A campaign exists for each key shared by two or more events; its events point to it. Keys are taken in
        order, so campaign rows are numbered the same in every run."""
        campaigns = CampaignRepository(self.session)
        found: dict[str, list[int]] = {}
        for event_id, key in self.events.with_campaign_keys(keys):
            found.setdefault(key, []).append(event_id)
        for key in sorted(keys):
            ids = found.get(key, [])
            if len(ids) < 2:
                self.events.set_campaign(ids, None)
                campaigns.remove([key])
                continue
            self.events.set_campaign(ids, campaigns.ensure(campaign_uid(key), key, labels.get(key, key)))


def _span(reports: Iterable[LinkReport]) -> tuple[dt.date, dt.date] | None:
    """First and last day of the reports' date readings (an event's window), or None if none has a date."""
    days = [day for report in reports for reading in readings(report) for day in reading]
    return (min(days), max(days)) if days else None


def _widened(span: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date] | None:
    """A span widened on both sides by the widest date gap of a linked pair."""
    return (span[0] - LINKED_GAP, span[1] + LINKED_GAP) if span else None


def _renamed(event: CanonicalEvent, uid: str) -> CanonicalEvent:
    """The event under another uid: two articles with the same doc id gave their reports the same event id."""
    return event.model_copy(update={"uid": uid, "event": event.event.model_copy(update={"event_id": uid})})
