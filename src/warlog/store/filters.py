"""One filter for every event listing: reports and canonical events share the columns filtered on."""

from __future__ import annotations

from sqlalchemy import Select, func, or_

from warlog.store.models import EventRow, ReportRow
from warlog.store.records import ReportFilter


def apply_filter(query: Select, table: type[ReportRow | EventRow], where: ReportFilter) -> Select:
    """Narrow `query` over `table` to the rows `where` asks for."""
    if where.since:
        query = query.where(table.event_date >= where.since)
    if where.until:
        query = query.where(table.event_date <= where.until)
    if where.type:
        kind = where.type.lower()
        query = query.where(or_(func.lower(table.event_type) == kind, func.lower(table.sub_event_type) == kind))
    if where.actor:
        pattern = f"%{where.actor}%"
        query = query.where(or_(table.actor1.ilike(pattern), table.actor2.ilike(pattern)))
    if where.country:
        query = query.where(func.lower(table.country) == where.country.lower())
    if where.weapon:
        query = query.where(table.weapons.ilike(f"%{where.weapon}%"))
    if where.limit:
        query = query.limit(where.limit)
    return query
