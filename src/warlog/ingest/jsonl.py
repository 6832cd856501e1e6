"""JSON Lines: one article per line with `id`, `text` or `html`, `title`, `url`, `published`, `source`."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

from warlog.ingest.article import Fields, ReadOptions, ReadResult, build_article
from warlog.ingest.errors import MalformedRecord
from warlog.ingest.html import html_fields


def read_jsonl(text: str, name: str, path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Read every line; a malformed line is reported (file:line) and skipped, the others still go in."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield MalformedRecord(path, f"malformed JSON line, skipped: {exc}", number)
            continue
        if not isinstance(row, dict):
            yield MalformedRecord(path, "JSON line is not an object, skipped", number)
            continue
        fields = row_fields(row, f"{name}:{number}")
        if isinstance(fields, str):
            yield MalformedRecord(path, f"{fields}, skipped", number)
            continue
        yield from build_article(fields, path, options, line=number)


def row_fields(row: Mapping[str, object], fallback_id: str) -> Fields | str:
    """The fields of one row (a JSONL line, or a dict given to the Python API), or why it cannot be used."""
    for key in ("id", "text", "html", "title", "url", "published", "source"):
        if row.get(key) is not None and not isinstance(row[key], str | int | float):
            return f"field {key!r} must be a string"
    doc_id = str(row["id"]) if row.get("id") is not None else fallback_id
    if isinstance(row.get("text"), str):
        base = Fields(doc_id=doc_id, text=row["text"])
    elif isinstance(row.get("html"), str):
        base = html_fields(row["html"], doc_id)
    else:
        return "no 'text' or 'html' field"
    return Fields(
        doc_id=doc_id,
        text=base.text,
        title=_text(row.get("title")) or base.title,
        url=_text(row.get("url")) or base.url,
        source=_text(row.get("source")) or base.source,
        published=_text(row.get("published")) or base.published,
        published_source="user" if row.get("published") else base.published_source,
    )


def _text(value: object) -> str | None:
    return str(value) if value is not None else None
