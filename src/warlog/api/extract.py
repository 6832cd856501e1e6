"""Extraction without a database: `warlog.extract` for one text, `warlog.extract_many` for a stream of documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from warlog.api.documents import Document, ErrorHandler, articles_only, read_documents, read_options
from warlog.ingest.decode import DEFAULT_MAX_BYTES
from warlog.records import Event


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    doc_id: str | None = None,
) -> list[Event]:
    """The events one article reports, in text order.

    `published` (a date or YYYY-MM-DD) anchors relative dates such as "on Tuesday"; `doc_id` defaults to a
    hash of the text, so the same text gets the same event ids. An empty text raises `warlog.IngestError`.
    """
    doc = {"text": text, "published": published, "title": title, "url": url, "source": source, "id": doc_id}
    return list(extract_many([doc]))


def extract_many(
    docs: Document | Iterable[Document],
    *,
    published: dt.date | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: ErrorHandler | None = None,
) -> Iterator[Event]:
    """Stream the events of many documents, as `warlog extract` does, document by document in input order.

    `docs` holds texts, dicts with JSONL fields (`text` or `html`, `id`, `title`, `url`, `published`,
    `source`), `Article` records, or paths (`pathlib.Path`: a file or directory, read as `warlog extract` reads
    it). `published` is the date of documents that state none; documents above `max_bytes` are refused. Each
    reader problem goes to `on_error`; without it a refused document raises its `warlog.IngestError` and a
    dropped date is a Python warning.
    """
    from warlog.extraction import extract_articles

    articles = articles_only(read_documents(docs, read_options(published, max_bytes), strings="text"), on_error)
    for _article, events in extract_articles(articles):
        yield from events
