"""`warlog extract INPUT -o OUTPUT`: documents in, one event per JSONL line out. No database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from warlog.cli import app
from warlog.extract import extract_articles
from warlog.records import Article


def _read_jsonl(path: str) -> list[Article]:
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
    articles = []
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                articles.append(
                    Article(
                        doc_id=str(row.get("id", number)),
                        text=row["text"],
                        title=row.get("title"),
                        url=row.get("url"),
                        published=row.get("published"),
                        published_source="user" if row.get("published") else "unknown",
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                typer.echo(f"{path}:{number}: skipped malformed line: {exc}", err=True)
    return articles


@app.command()
def extract(
    input: Annotated[str, typer.Argument(help="JSONL documents (id, text, published...), or - for stdin.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Where to write events as JSONL; - for stdout.")] = "-",
) -> None:
    """Extract political-violence events from documents; write one event per JSONL line."""
    articles = _read_jsonl(input)
    out = sys.stdout if output == "-" else open(Path(output), "w", encoding="utf-8")
    with out, Progress(console=None, transient=True, disable=len(articles) < 20) as progress:
        task = progress.add_task("extracting", total=len(articles))
        for _article, events in extract_articles(articles):
            for event in events:
                out.write(event.model_dump_json() + "\n")
            progress.advance(task)
