"""Reader options, and the one place where a reader's fields become an `Article` (date checks included)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from warlog.ingest.dates import parse_published
from warlog.ingest.decode import DEFAULT_MAX_BYTES
from warlog.ingest.errors import EmptyDocument, IngestError, RejectedDate
from warlog.records import Article, PublishedSource

ReadResult = Article | IngestError


@dataclass(frozen=True)
class ReadOptions:
    """How to read: the date to use for documents that state none, and the per-file size limit."""

    published: dt.date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Fields:
    """What a reader found in one document, before checks."""

    doc_id: str
    text: str | None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | dt.date | None = None
    published_source: PublishedSource = "metadata"


def build_article(fields: Fields, path: str, options: ReadOptions, line: int | None = None) -> Iterator[ReadResult]:
    """Yield the `Article` for `fields`, preceded by a `RejectedDate` warning if its date had to be dropped."""
    text = (fields.text or "").strip()
    if not text:
        yield EmptyDocument(path, "no text in document", line)
        return
    published_source: PublishedSource = fields.published_source
    try:
        published = parse_published(fields.published, path, line)
    except RejectedDate as warning:
        yield warning
        published = None
    if published is None:
        published = options.published
        published_source = "user" if published is not None else "unknown"
    yield Article(
        doc_id=fields.doc_id,
        text=text,
        title=_clean(fields.title),
        url=_clean(fields.url),
        source=_clean(fields.source),
        published=published,
        published_source=published_source,
    )


def _clean(value: str | None) -> str | None:
    value = " ".join(str(value).split()) if value is not None else ""
    return value or None
