"""The `events` table: canonical events (one per real-world event) as JSON plus filterable columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Literal

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from warlog.link.records import CanonicalEvent
from warlog.store.filters import TYPE_COLUMNS, Access, apply_filter, conditions
from warlog.store.models import CampaignRow, EventRow
from warlog.store.records import EventSummary, ReportFilter
from warlog.store.reports import LIST_SEPARATOR, period_start, search_text

EventSort = Literal["date", "-date", "fatalities", "-fatalities", "reports", "-reports"]
CountKey = Literal["day", "type", "sub_type", "actor", "country", "admin1", "attribution"]
_SORT_COLUMNS = {"date": EventRow.event_date, "fatalities": EventRow.fatalities, "reports": EventRow.report_count}
_COUNT_COLUMNS = {
    "day": EventRow.event_date,
    "type": EventRow.event_type,
    "sub_type": EventRow.sub_event_type,
    "actor": EventRow.actor1,
    "country": EventRow.country,
    "admin1": EventRow.admin1,
    "attribution": EventRow.attribution_status,
}


# The table's own columns, not the mapped attributes: a Core result over them is cheaper to read.
# A row read while walking an index in order costs about this many index entries scanned (measured on a
# 100k-event SQLite database: benchmarks/web_load.py).
WALKED_ROW_COST = 5
_SUMMARY_COLUMNS = [EventRow.__table__.c[name] for name in EventSummary.model_fields]


class EventRepository:
    """Reads and writes `events` rows within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, event: CanonicalEvent, window: tuple[dt.date, dt.date] | None, campaign_key: str | None) -> int:
        """Store a canonical event; `window` spans its reports' date readings. Returns the row id."""
        return self.add_all([(event, window, campaign_key)])[0]

    def add_all(self, events: Sequence[tuple[CanonicalEvent, tuple[dt.date, dt.date] | None, str | None]]) -> list[int]:
        """Store canonical events (each with its window and campaign key, as `add`) in one statement; their row
        ids, in order."""
        if not events:
            return []
        rows = [_columns(event, window, key) for event, window, key in events]
        query = insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True)
        return list(self.session.scalars(query, rows))

    def delete(self, ids: Iterable[int]) -> None:
        """Remove events (their report links go with them)."""
        self.session.execute(delete(EventRow).where(EventRow.id.in_(list(ids))))

    def in_window(self, start: dt.date, end: dt.date) -> list[int]:
        """Ids of events whose date window meets [start, end] (undated events are never candidates)."""
        query = select(EventRow.id).where(EventRow.window_start <= end, EventRow.window_end >= start)
        return list(self.session.scalars(query))

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(EventRow)) or 0

    def get(self, uid: str) -> CanonicalEvent | None:
        """The canonical event with this uid, or None."""
        found = self.session.execute(
            select(EventRow, CampaignRow.uid).outerjoin(CampaignRow).where(EventRow.uid == uid)
        ).first()
        return _event(*found) if found else None

    def row_id(self, uid: str) -> int | None:
        return self.session.scalar(select(EventRow.id).where(EventRow.uid == uid))

    def row_ids(self, uids: Iterable[str]) -> dict[str, int]:
        """The row ids of the events with these uids (those that exist)."""
        query = select(EventRow.uid, EventRow.id).where(EventRow.uid.in_(list(uids)))
        return {uid: row_id for uid, row_id in self.session.execute(query)}

    def written(self, ids: Iterable[int]) -> dict[str, tuple[int, tuple]]:
        """These events by uid: the row id, and what the row was written from (`written_from`)."""
        query = select(
            EventRow.uid,
            EventRow.id,
            EventRow.canonical_json,
            EventRow.window_start,
            EventRow.window_end,
            EventRow.campaign_key,
        ).where(EventRow.id.in_(list(ids)))
        return {
            row.uid: (
                row.id,
                (
                    row.canonical_json,
                    (row.window_start, row.window_end) if row.window_start else None,
                    row.campaign_key,
                ),
            )
            for row in self.session.execute(query)
        }

    def list(self, where: ReportFilter | None = None) -> list[CanonicalEvent]:
        """Canonical events matching `where`, by date then uid (dates compare with the period's start)."""
        where = where or ReportFilter()
        query = select(EventRow, CampaignRow.uid).outerjoin(CampaignRow).order_by(EventRow.event_date, EventRow.uid)
        query = apply_filter(query, EventRow, where, self._access(where))
        return [_event(row, campaign) for row, campaign in self.session.execute(query)]

    def matching(self, where: ReportFilter) -> int:
        """How many events match `where` (its offset and limit ignored)."""
        found = conditions(EventRow, where, self._access(where))
        return self.session.scalar(select(func.count()).select_from(EventRow).where(*found)) or 0

    def summaries(self, where: ReportFilter, sort: EventSort = "date") -> list[EventSummary]:
        """One page of `where` as summaries (see `summary_fields`)."""
        return [EventSummary.model_validate(fields) for fields in self.summary_fields(where, sort)]

    def summary_fields(self, where: ReportFilter, sort: EventSort = "date", matching: int | None = None) -> list[dict]:
        """One page of `where` (its offset and limit) as the plain fields of `EventSummary`, unvalidated (for
        pages serialised at once); ties broken by uid, so pages are stable.

        Missing values count as the smallest (first ascending, last descending) on every backend; the order
        is one an index gives (the uid tie-break runs in the same direction). The page's ids are found first,
        from the indexes alone, then only their rows are read. `matching`, the filter's total when the caller
        knows it, lets a bounding box that holds many events be read along the order (see `_access`)."""
        column = _SORT_COLUMNS[sort.lstrip("-")]
        if sort.startswith("-"):
            order = [column.desc().nulls_last(), EventRow.uid.desc()]
        else:
            order = [column.asc().nulls_first(), EventRow.uid.asc()]
        page = apply_filter(select(EventRow.id).order_by(*order), EventRow, where, self._access(where, matching))
        query = select(*_SUMMARY_COLUMNS).where(EventRow.id.in_(page)).order_by(*order)
        found = self.session.connection().execute(query)
        names = list(found.keys())
        return [_summary_fields(dict(zip(names, row, strict=True))) for row in found.all()]

    def counts(self, where: ReportFilter, keys: tuple[CountKey, ...]) -> list[tuple[tuple, int]]:
        """Events matching `where` counted by the columns `keys` (each group: its values, then its count)."""
        columns = [_COUNT_COLUMNS[key] for key in keys]
        found = conditions(EventRow, where, self._access(where))
        query = select(*columns, func.count()).where(*found).group_by(*columns)
        return [(tuple(row[:-1]), row[-1]) for row in self.session.execute(query)]

    def _access(self, where: ReportFilter, matching: int | None = None) -> Access:
        """The cheapest way to the rows of `where`, the same rows.

        - The type: names are either types or sub-types, so usually only one of the two columns holds it in
          any stored event; its index (in event order) then serves the filter alone, where
          `lower(event_type) = x OR lower(sub_event_type) = x` would sort every match.
        - The bounding box, on SQLite (whose planner cannot tell a large box from a small one; PostgreSQL's
          statistics can): when `matching` says the box is dense, walking the order's index and testing each
          row reads fewer rows than sorting every event in the box, so its index is left out."""
        return Access(type_columns=self._type_columns(where), box_index=not self._dense_box(where, matching))

    def _type_columns(self, where: ReportFilter) -> tuple[str, ...]:
        if not where.type:
            return TYPE_COLUMNS
        kind = where.type.lower()
        return tuple(
            column
            for column in TYPE_COLUMNS
            if self.session.scalar(select(EventRow.id).where(func.lower(getattr(EventRow, column)) == kind).limit(1))
            is not None
        )

    def _dense_box(self, where: ReportFilter, matching: int | None) -> bool:
        """Whether the order's walk (offset + limit rows out of every `stored / matching`, each row read, at
        about WALKED_ROW_COST index entries) costs less than scanning the box's `matching` entries."""
        if where.bbox is None or not matching or where.limit is None or self.session.bind.dialect.name != "sqlite":
            return False
        walked = (where.offset + where.limit) * self.count() / matching
        return walked * WALKED_ROW_COST < matching

    def with_campaign_keys(self, keys: Iterable[str]) -> list[tuple[int, str]]:
        """(id, campaign key) of every event whose campaign key is one of `keys`."""
        query = select(EventRow.id, EventRow.campaign_key).where(EventRow.campaign_key.in_(list(keys)))
        return [(event_id, key) for event_id, key in self.session.execute(query)]

    def set_campaign(self, ids: Iterable[int], campaign_id: int | None) -> None:
        for row in self.session.scalars(select(EventRow).where(EventRow.id.in_(list(ids)))):
            row.campaign_id = campaign_id
        self.session.flush()


def written_from(event: CanonicalEvent, window: tuple[dt.date, dt.date] | None, campaign_key: str | None) -> tuple:
    """What an `events` row is made of (an event's row is rewritten only when this changes)."""
    return event.model_dump_json(exclude={"campaign"}), window, campaign_key


def _columns(event: CanonicalEvent, window: tuple[dt.date, dt.date] | None, campaign_key: str | None) -> dict:
    """The `events` row of a canonical event."""
    e = event.event
    return {
        "uid": event.uid,
        "event_date": period_start(e.event_date),
        "date_precision": e.date_precision,
        "window_start": window[0] if window else None,
        "window_end": window[1] if window else None,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "country": e.country,
        "admin1": e.admin1,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "fatalities": e.fatalities,
        "weapons": LIST_SEPARATOR.join(e.weapons) or None,
        "attribution_status": e.attribution_status,
        "location": e.location,
        "sponsors": LIST_SEPARATOR.join(e.sponsors) or None,
        "search_text": search_text(e),
        "report_count": len(event.reports),
        "campaign_key": campaign_key,
        "linker": event.linker,
        "canonical_json": event.model_dump_json(exclude={"campaign"}),
    }


def _summary_fields(fields: dict) -> dict:
    fields["weapons"] = fields["weapons"].split(LIST_SEPARATOR) if fields["weapons"] else []
    fields["sponsors"] = fields["sponsors"].split(LIST_SEPARATOR) if fields["sponsors"] else []
    return fields


def _event(row: EventRow, campaign: str | None) -> CanonicalEvent:
    return CanonicalEvent.model_validate_json(row.canonical_json).model_copy(update={"campaign": campaign})
