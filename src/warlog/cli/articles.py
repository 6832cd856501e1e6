"""`warlog articles`: list stored articles, filtered by source, published date or a search string."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from warlog.cli import app
from warlog.cli.options import DbOption, session
from warlog.cli.output import Format, print_csv, print_json, print_table
from warlog.store import ArticleRepository
from warlog.store.records import ArticleFilter, StoredArticle

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
    where = ArticleFilter(
        source=source,
        since=since.date() if since else None,
        until=until.date() if until else None,
        search=search,
        limit=limit,
    )
    with session(db) as opened:
        found = ArticleRepository(opened).list(where)
    rows = [_row(stored, with_text=format is Format.json) for stored in found]
    if format is Format.json:
        print_json(rows)
    elif format is Format.csv:
        print_csv(rows, COLUMNS)
    else:
        print_table(rows, TABLE_COLUMNS, "articles")


def _row(stored: StoredArticle, with_text: bool) -> dict[str, object]:
    row = {
        "id": stored.id,
        **stored.article.model_dump(mode="json", exclude={"text"}),
        "near_duplicate_of": stored.near_duplicate_of,
        "ingested_at": stored.ingested_at.isoformat(),
        "content_hash": stored.content_hash,
    }
    if with_text:
        row["text"] = stored.article.text
    return row
