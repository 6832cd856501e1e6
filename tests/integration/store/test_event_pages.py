"""Pages of canonical events on SQLite and PostgreSQL: however the store reaches a filter's rows (a dense
bounding box walked along the order, a type looked for in one column), it finds the same rows in the same order."""

from __future__ import annotations

import datetime as dt

import pytest

from warlog.link.records import CanonicalEvent, Range, ReportLink
from warlog.records import Event
from warlog.store import Database
from warlog.store.events import EventRepository
from warlog.store.records import BoundingBox, ReportFilter

NORTH = BoundingBox(west=30, south=30, east=50, north=40)
SORTS = ["date", "-date", "fatalities", "-fatalities", "reports", "-reports"]


def canonical(number: int) -> CanonicalEvent:
    """Event `number` of 60: five in six in NORTH, a few dates shared (ties broken by uid), types that are
    sub-types, one 'Protests' stored as a sub-type too (a name both columns hold)."""
    north = number % 6 != 0
    kind, sub = [
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Battles", "Armed clash"),
        ("Protests", "Peaceful protest"),
        ("Riots", "Protests"),
    ][number % 4]
    uid = f"page-{number:02d}"
    event = Event(
        doc_id=uid,
        event_id=uid,
        event_type=kind,
        sub_event_type=sub,
        event_date=(dt.date(2024, 1, 1) + dt.timedelta(days=number // 3)).isoformat(),
        date_precision="day",
        latitude=35.0 + number / 100 if north else -5.0,
        longitude=40.0 if north else 10.0,
        fatalities=number % 7 if number % 5 else None,
    )
    links = [ReportLink(key=f"{uid}-{n}", doc_id=uid, reason="invented") for n in range(1 + number % 3)]
    return CanonicalEvent(uid=uid, event=event, fatalities=Range(), injured=Range(), reports=links, linker="test")


@pytest.fixture
def sixty(database: Database) -> Database:
    with database.transaction() as session:
        events = EventRepository(session)
        for number in range(60):
            events.add(canonical(number), None, None)
    return database


@pytest.mark.parametrize("sort", SORTS)
def test_a_dense_box_reads_the_same_pages_along_the_order(sixty: Database, sort: str) -> None:
    with sixty.transaction() as session:
        events = EventRepository(session)
        box = ReportFilter(bbox=NORTH)
        total = events.matching(box)
        assert total == 50
        if session.bind.dialect.name == "sqlite":
            first, deep = (box.model_copy(update={"offset": offset, "limit": 2}) for offset in (0, 40))
            assert events._dense_box(first, total) and not events._dense_box(deep, total)
            assert not events._dense_box(first, None)
        for offset in range(0, 52, 2):
            page = box.model_copy(update={"offset": offset, "limit": 2})
            walked = events.summary_fields(page, sort, matching=total)
            assert walked == events.summary_fields(page, sort)
            assert len(walked) == min(2, max(0, total - offset))
        everything = events.summary_fields(box.model_copy(update={"limit": 100}), sort, matching=total)
        assert {item["uid"] for item in everything} == {f"page-{n:02d}" for n in range(60) if n % 6}


def test_type_is_found_in_whichever_column_holds_it(sixty: Database) -> None:
    with sixty.transaction() as session:
        events = EventRepository(session)

        def found(kind: str) -> list[str]:
            where = ReportFilter(type=kind)
            page = [item["uid"] for item in events.summary_fields(where.model_copy(update={"limit": 100}))]
            assert events.matching(where) == len(page)
            return page

        assert found("air/drone strike") == [f"page-{n:02d}" for n in range(0, 60, 4)]
        assert found("Battles") == [f"page-{n:02d}" for n in range(1, 60, 4)]
        assert found("protests") == [f"page-{n:02d}" for n in range(60) if n % 4 in (2, 3)]
        assert found("Strategic developments") == []
        assert len(events.summaries(ReportFilter(type="Protests", limit=5))) == 5
