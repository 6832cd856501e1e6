"""`warlog events`: list stored event reports, filtered by date, type, actor, country or weapon."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

import typer

from warlog.cli import app
from warlog.cli.options import DbOption, database
from warlog.cli.output import print_csv, print_json, print_table
from warlog.export import ACLED_COLUMNS, acled_row
from warlog.store import ReportRepository
from warlog.store.records import ReportFilter, StoredReport

COLUMNS = (
    "event_id",
    "doc_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "weapons",
    "attribution_status",
    "source",
)
TABLE_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
    "country",
    "fatalities",
    "weapons",
    "attribution_status",
    "doc_id",
)


class EventFormat(StrEnum):
    """Output formats of `warlog events`; `acled` uses ACLED's column names."""

    table = "table"
    json = "json"
    csv = "csv"
    acled = "acled"


@app.command()
def events(
    since: Annotated[
        dt.datetime | None, typer.Option(help="Event on or after (YYYY-MM-DD).", formats=["%Y-%m-%d"])
    ] = None,
    until: Annotated[
        dt.datetime | None, typer.Option(help="Event on or before (YYYY-MM-DD).", formats=["%Y-%m-%d"])
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="ACLED event type or sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor 1 or 2 contains this (case-insensitive).")] = None,
    country: Annotated[str | None, typer.Option(help="Country name (case-insensitive).")] = None,
    weapon: Annotated[str | None, typer.Option(help="A weapon contains this, e.g. drone.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.", min=1)] = None,
    format: Annotated[EventFormat, typer.Option("--format", help="Output format.")] = EventFormat.table,
    db: DbOption = None,
) -> None:
    """List stored events (one report per event per article)."""
    where = ReportFilter(
        since=since.date() if since else None,
        until=until.date() if until else None,
        type=type,
        actor=actor,
        country=country,
        weapon=weapon,
        limit=limit,
    )
    store = database(db)
    try:
        with store.transaction() as session:
            found = ReportRepository(session).list(where)
    finally:
        store.close()
    if format is EventFormat.json:
        print_json([stored.event.model_dump(mode="json") for stored in found])
    elif format is EventFormat.acled:
        print_csv([acled_row(stored.event, stored.source) for stored in found], ACLED_COLUMNS)
    else:
        rows = [_row(stored) for stored in found]
        if format is EventFormat.csv:
            print_csv(rows, COLUMNS)
        else:
            print_table(rows, TABLE_COLUMNS, "events")


def _row(stored: StoredReport) -> dict[str, object]:
    return {**stored.event.model_dump(mode="json", include=set(COLUMNS)), "source": stored.source}
