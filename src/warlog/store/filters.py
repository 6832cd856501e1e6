"""One filter for every event listing: reports and canonical events share the columns filtered on."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, and_, false, func, or_

from warlog.store.models import EventRow, ReportRow
from warlog.store.records import BoundingBox, ReportFilter

TYPE_COLUMNS = ("event_type", "sub_event_type")


@dataclass(frozen=True)
class Access:
    """How a filter reaches its rows, the same rows either way: the columns that may hold its `type` (by
    default both), and whether its bounding box may use the position index (else it is tested row by row)."""

    type_columns: tuple[str, ...] = TYPE_COLUMNS
    box_index: bool = True


def apply_filter(
    query: Select, table: type[ReportRow | EventRow], where: ReportFilter, access: Access = Access()
) -> Select:
    """Narrow `query` over `table` to the rows `where` asks for (then its offset and limit)."""
    query = query.where(*conditions(table, where, access))
    if where.offset:
        query = query.offset(where.offset)
    if where.limit:
        query = query.limit(where.limit)
    return query


def conditions(table: type[ReportRow | EventRow], where: ReportFilter, access: Access = Access()) -> list:
    """The WHERE clauses of `where` over `table` (all must hold), reached as `access` says."""
    found = []
    if where.since:
        found.append(table.event_date >= where.since)
    if where.until:
        found.append(table.event_date <= where.until)
    if where.type:
        kind = where.type.lower()
        found.append(or_(false(), *(func.lower(getattr(table, column)) == kind for column in access.type_columns)))
    if where.sub_type:
        found.append(func.lower(table.sub_event_type) == where.sub_type.lower())
    if where.actor:
        pattern = f"%{where.actor}%"
        found.append(or_(table.actor1.ilike(pattern), table.actor2.ilike(pattern)))
    if where.sponsor:
        found.append(table.sponsors.ilike(f"%{where.sponsor}%"))
    if where.attribution:
        found.append(table.attribution_status == where.attribution.lower())
    if where.country:
        found.append(func.lower(table.country) == where.country.lower())
    if where.admin1:
        found.append(func.lower(table.admin1) == where.admin1.lower())
    if where.bbox:
        found.append(_inside(table, where.bbox, access.box_index))
    if where.weapon:
        found.append(table.weapons.ilike(f"%{where.weapon}%"))
    if where.text:
        found.append(table.search_text.ilike(f"%{where.text}%"))
    return found


def _inside(table: type[ReportRow | EventRow], box: BoundingBox, indexed: bool):
    # `latitude + 0` is the same value, but no index can serve it: the rows are then tested one by one.
    latitude = (table.latitude if indexed else table.latitude + 0).between(box.south, box.north)
    if box.west <= box.east:
        return and_(latitude, table.longitude.between(box.west, box.east))
    return and_(latitude, or_(table.longitude >= box.west, table.longitude <= box.east))
