"""`warlog events`: list canonical events (one per real-world event, each with its reports), show why reports
were linked, and split or merge events by hand (decisions kept across later ingests)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated

import typer

from warlog.api.handle import EventDatabase
from warlog.api.records import EventRecord
from warlog.cli import app
from warlog.cli.options import DbOption, opened
from warlog.cli.output import print_csv, print_json, print_table
from warlog.link.records import Range

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
    "reports",
    "campaign",
    "source",
)
TABLE_COLUMNS = (
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
    "country",
    "fatalities",
    "weapons",
    "attribution_status",
    "reports",
)

events_app = typer.Typer(help="Canonical events: list, show, split, merge.", no_args_is_help=False)
app.add_typer(events_app, name="events")


class EventFormat(StrEnum):
    """Output formats of `warlog events`; `acled` uses ACLED's column names."""

    table = "table"
    json = "json"
    csv = "csv"
    acled = "acled"


@events_app.callback(invoke_without_command=True)
def events(
    context: typer.Context,
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
    """List canonical events: one per real-world event, with every report of it."""
    if context.invoked_subcommand is not None:
        return
    filters = {
        "since": since.date() if since else None,
        "until": until.date() if until else None,
        "type": type,
        "actor": actor,
        "country": country,
        "weapon": weapon,
        "limit": limit,
    }
    with opened(db) as handle:
        if format is EventFormat.acled:
            handle.to_acled_csv(sys.stdout, **filters)
            return
        found = handle.events(**filters)
    if format is EventFormat.json:
        print_json([event.model_dump(mode="json") for event in found])
    else:
        rows = [_row(event) for event in found]
        if format is EventFormat.csv:
            print_csv(rows, COLUMNS)
        else:
            print_table(rows, TABLE_COLUMNS, "events")


@events_app.command()
def show(event_id: Annotated[str, typer.Argument(help="The event's id.")], db: DbOption = None) -> None:
    """An event, its reports, and why each was linked (decisions near the threshold are marked)."""
    with opened(db) as handle:
        try:
            event = handle.event(event_id).event
        except KeyError as exc:
            typer.echo(f"warlog events show: no event {event_id}", err=True)
            raise typer.Exit(1) from exc
    place = event.location or event.country or "?"
    typer.echo(f"{event.event_id}: {event.event_date} {event.sub_event_type} at {place}")
    typer.echo(f"  actor1: {event.actor1 or '-'}  attribution: {event.attribution_status}")
    typer.echo(f"  fatalities: {_range(event.fatalities_range)}  injured: {_range(event.injured_range)}")
    for tally in event.claim_tallies:
        typer.echo(f"  claims: {tally.summary}")
    if event.campaign:
        typer.echo(f"  campaign: {event.campaign}")
    typer.echo(f"  linker: {event.linker}")
    typer.echo(f"  reports ({len(event.reports)}):")
    for link in event.reports:
        near = " [near threshold]" if link.near_threshold else ""
        typer.echo(f"  - {link.doc_id} ({link.source or 'unknown source'}) key={link.key}{near}")
        typer.echo(f"      {link.reason}")


@events_app.command()
def split(
    event_id: Annotated[str, typer.Argument(help="The event's id.")],
    report: Annotated[str, typer.Option("--report", help="The report to take out: its doc id or key.")],
    db: DbOption = None,
) -> None:
    """Take a report out of an event, for good (later ingests respect it)."""
    _manual(lambda handle: handle.split(event_id, report), db)


@events_app.command()
def merge(
    first: Annotated[str, typer.Argument(help="One event's id.")],
    second: Annotated[str, typer.Argument(help="The other event's id.")],
    db: DbOption = None,
) -> None:
    """Make two events one, for good (later ingests respect it)."""
    _manual(lambda handle: handle.merge(first, second), db)


def _manual(action: Callable[[EventDatabase], list[EventRecord]], db: str | None) -> None:
    """Run a manual split or merge and print the events it rebuilt."""
    with opened(db) as handle:
        try:
            rebuilt = action(handle)
        except LookupError as exc:
            typer.echo(f"warlog events: {exc.args[0]}", err=True)
            raise typer.Exit(1) from exc
    for event in rebuilt:
        typer.echo(f"{event.event_id}: {', '.join(event.doc_ids)}")


def _row(event: EventRecord) -> dict[str, object]:
    return {
        **event.model_dump(mode="json", include=set(COLUMNS)),
        "doc_id": event.doc_ids,
        "reports": len(event.reports),
        "source": event.sources,
    }


def _range(counts: Range) -> str:
    if counts.best is None:
        return "unknown"
    return f"{counts.best} (low {counts.low}, high {counts.high})"
