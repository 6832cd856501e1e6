"""Extraction without a database: `warlog.extract` for one text, `warlog.extract_many` for a stream of documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from warlog.api.documents import Document, ErrorHandler, articles_only, read_documents, read_options
from warlog.extraction.parallel import ParallelExtractor
from warlog.ingest.decode import DEFAULT_MAX_BYTES
from warlog.records import Article, Event


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
    workers: int | None = 1,
    scheduler: str | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> Iterator[Event]:
    """Stream the events of many documents, as `warlog extract` does, document by document in input order.

    `docs` holds texts, dicts with JSONL fields (`text` or `html`, `id`, `title`, `url`, `published`,
    `source`), `Article` records, or paths (`pathlib.Path`: a file or directory, read as `warlog extract` reads
    it). `published` is the date of documents that state none; documents above `max_bytes` are refused. Each
    reader problem goes to `on_error`; without it a refused document raises its `warlog.IngestError` and a
    dropped date is a Python warning.

    `workers` extraction processes run side by side (None: one per core; a script that starts them needs the
    `if __name__ == "__main__":` guard of Python's multiprocessing); `scheduler` runs them on Dask instead
    ("local", or "tcp://HOST:PORT" for a running cluster; extra `dask`). The events are the same, in the same
    order, however they are run. A malformed `scheduler` raises ValueError here, before anything runs.
    `on_article(article)` is called as each document's extraction finishes, before its events are yielded (a
    progress hook).
    """
    extractor = ParallelExtractor(workers, scheduler)
    articles = articles_only(read_documents(docs, read_options(published, max_bytes), strings="text"), on_error)
    return _events(extractor, articles, on_article)


def _events(
    extractor: ParallelExtractor, articles: Iterable[Article], on_article: Callable[[Article], None] | None
) -> Iterator[Event]:
    """The events of `articles`; the workers stop when the stream ends or is closed."""
    with extractor:
        for extraction in extractor(articles):
            if on_article is not None:
                on_article(extraction.article)
            yield from extraction.events
