"""`warlog events`: list canonical events (one per real-world event, each with its reports), show why reports
were linked, and split or merge events by hand (decisions kept across later ingests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated

import typer

from warlog.cli import app
from warlog.cli.options import DbOption, database, session
from warlog.cli.output import print_csv, print_json, print_table
from warlog.export import ACLED_COLUMNS, acled_row
from warlog.link.records import CanonicalEvent, Range
from warlog.store.events import EventRepository
from warlog.store.linking import EventLinker, LinkError
from warlog.store.records import ReportFilter

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
    where = ReportFilter(
        since=since.date() if since else None,
        until=until.date() if until else None,
        type=type,
        actor=actor,
        country=country,
        weapon=weapon,
        limit=limit,
    )
    with session(db) as opened:
        found = EventRepository(opened).list(where)
    if format is EventFormat.json:
        print_json([_record(event) for event in found])
    elif format is EventFormat.acled:
        print_csv([acled_row(event.event, _sources(event)) for event in found], ACLED_COLUMNS)
    else:
        rows = [_row(event) for event in found]
        if format is EventFormat.csv:
            print_csv(rows, COLUMNS)
        else:
            print_table(rows, TABLE_COLUMNS, "events")


@events_app.command()
def show(event_id: Annotated[str, typer.Argument(help="The event's id.")], db: DbOption = None) -> None:
    """An event, its reports, and why each was linked (decisions near the threshold are marked)."""
    with session(db) as opened:
        event = EventRepository(opened).get(event_id)
    if event is None:
        typer.echo(f"warlog events show: no event {event_id}", err=True)
        raise typer.Exit(1)
    e = event.event
    typer.echo(f"{event.uid}: {e.event_date} {e.sub_event_type} at {e.location or e.country or '?'}")
    typer.echo(f"  actor1: {e.actor1 or '-'}  attribution: {e.attribution_status}")
    typer.echo(f"  fatalities: {_range(event.fatalities)}  injured: {_range(event.injured)}")
    for tally in event.claims:
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
    _manual(lambda linker: linker.split(event_id, report), db)


@events_app.command()
def merge(
    first: Annotated[str, typer.Argument(help="One event's id.")],
    second: Annotated[str, typer.Argument(help="The other event's id.")],
    db: DbOption = None,
) -> None:
    """Make two events one, for good (later ingests respect it)."""
    _manual(lambda linker: linker.merge(first, second), db)


def _manual(action: Callable[[EventLinker], list[CanonicalEvent]], db: str | None) -> None:
    """Run a manual split or merge in one transaction and print the events it rebuilt."""
    store = database(db)
    try:
        with store.transaction() as session:
            rebuilt = action(EventLinker(session))
    except LinkError as exc:
        typer.echo(f"warlog events: {exc.args[0]}", err=True)
        raise typer.Exit(1) from exc
    finally:
        store.close()
    for event in rebuilt:
        typer.echo(f"{event.uid}: {', '.join(link.doc_id for link in event.reports)}")


def _record(event: CanonicalEvent) -> dict[str, object]:
    """The reconciled event's fields, then its ranges, claims, support, campaign and reports."""
    return {
        **event.event.model_dump(mode="json"),
        "fatalities_range": event.fatalities.model_dump(mode="json"),
        "injured_range": event.injured.model_dump(mode="json"),
        "claim_tallies": [tally.model_dump(mode="json") for tally in event.claims],
        "support": event.support,
        "campaign": event.campaign,
        "linker": event.linker,
        "reports": [link.model_dump(mode="json") for link in event.reports],
    }


def _row(event: CanonicalEvent) -> dict[str, object]:
    return {
        **event.event.model_dump(mode="json", include=set(COLUMNS)),
        "doc_id": [link.doc_id for link in event.reports],
        "reports": len(event.reports),
        "campaign": event.campaign,
        "source": _sources(event),
    }


def _sources(event: CanonicalEvent) -> str | None:
    return "; ".join(dict.fromkeys(link.source for link in event.reports if link.source)) or None


def _range(counts: Range) -> str:
    if counts.best is None:
        return "unknown"
    return f"{counts.best} (low {counts.low}, high {counts.high})"
