"""`warlog articles`: list stored articles, filtered by source, published date or a search string."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from warlog.cli import app
from warlog.cli.options import DbOption, opened
from warlog.cli.output import Format, print_csv, print_json, print_table

COLUMNS = (
    "id",
    "doc_id",
    "published",
    "published_source",
    "source",
    "title",
    "url",
    "near_duplicate_of",
    "ingested_at",
    "content_hash",
)
TABLE_COLUMNS = ("id", "doc_id", "published", "source", "title", "near_duplicate_of")


@app.command()
def articles(
    source: Annotated[str | None, typer.Option(help="Only this outlet or feed (case-insensitive).")] = None,
    since: Annotated[dt.datetime | None, typer.Option(help="Published on or after.", formats=["%Y-%m-%d"])] = None,
    until: Annotated[dt.datetime | None, typer.Option(help="Published on or before.", formats=["%Y-%m-%d"])] = None,
    search: Annotated[str | None, typer.Option(help="Text or title contains this (case-insensitive).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.", min=1)] = None,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
    db: DbOption = None,
) -> None:
    """List stored articles."""
    with opened(db) as handle:
        found = handle.articles(
            source=source,
            since=since.date() if since else None,
            until=until.date() if until else None,
            search=search,
            limit=limit,
        )
    rows = [record.model_dump(mode="json", exclude=None if format is Format.json else {"text"}) for record in found]
    if format is Format.json:
        print_json(rows)
    elif format is Format.csv:
        print_csv(rows, COLUMNS)
    else:
        print_table(rows, TABLE_COLUMNS, "articles")
