"""What the Python API accepts as documents (texts, dicts, `Article` records, paths) and how reader problems
reach the caller. Dicts take the fields of a JSONL line, so a dict and a JSONL line give the same article."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Literal

from warlog.ingest import IngestError, ReadOptions, ReadResult, read_sources
from warlog.ingest.article import build_article
from warlog.ingest.decode import DEFAULT_MAX_BYTES
from warlog.ingest.errors import MalformedRecord, TooLarge
from warlog.ingest.jsonl import row_fields
from warlog.records import Article

Document = str | Mapping[str, object] | Article | os.PathLike[str]
"""A text, a dict with JSONL fields (`text` or `html`, `id`, `title`, `url`, `published`, `source`), an
`Article`, or a path (file or directory, read by the readers of `warlog ingest`)."""
ErrorHandler = Callable[[IngestError], None]
"""Called with each reader problem; `error.skips` is False for a warning about a document that was kept."""


def read_options(published: dt.date | str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadOptions:
    """Reader options: the date for documents that state none (a date or YYYY-MM-DD), the size limit in bytes."""
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise ValueError(f"published: {published!r} is not a YYYY-MM-DD date") from exc
    return ReadOptions(published=published, max_bytes=max_bytes)


def read_documents(
    docs: Document | Iterable[Document], options: ReadOptions, strings: Literal["text", "source"]
) -> Iterator[ReadResult]:
    """Articles and reader problems, in input order. A `str` is a document's text, or with `strings="source"`
    a path, URL or `-` as on the command line; one document alone counts as a list of one."""
    single = isinstance(docs, str | Mapping | Article | os.PathLike)
    for position, doc in enumerate([docs] if single else docs, 1):
        if isinstance(doc, Article):
            yield _dated(doc, options)
        elif isinstance(doc, os.PathLike) or (isinstance(doc, str) and strings == "source"):
            yield from read_sources([os.fspath(doc)], options)
        elif isinstance(doc, str):
            yield from _from_row({"text": doc}, position, options)
        elif isinstance(doc, Mapping):
            yield from _from_row(doc, position, options)
        else:
            raise TypeError(f"document {position}: expected a str, dict, Article or path, not {type(doc).__name__}")


def _dated(article: Article, options: ReadOptions) -> Article:
    """The article, with the default published date if it has none."""
    if article.published is not None or options.published is None:
        return article
    return article.model_copy(update={"published": options.published, "published_source": "user"})


def _from_row(row: Mapping[str, object], position: int, options: ReadOptions) -> Iterator[ReadResult]:
    """The article of one in-memory document (dates may be `datetime.date`; `doc_id` may stand for `id`)."""
    where = f"<document {position}>"
    row = {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in row.items()}
    if row.get("id") is None and row.get("doc_id") is not None:
        row["id"] = row["doc_id"]
    body = row.get("text") if row.get("text") is not None else row.get("html")
    if isinstance(body, str) and len(body.encode("utf-8")) > options.max_bytes:
        yield TooLarge(where, f"document larger than {options.max_bytes} bytes, skipped")
        return
    fallback = "doc-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:12] if isinstance(body, str) else where
    fields = row_fields(row, fallback)
    if isinstance(fields, str):
        yield MalformedRecord(where, f"{fields}, skipped")
        return
    yield from build_article(fields, where, options)


def articles_only(results: Iterable[ReadResult], on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """The articles of `results`; each problem goes to `on_error`, or by default a skipped document raises its
    `IngestError` and a warning about a kept one (a rejected date) is issued with `warnings.warn`."""
    for result in results:
        if not isinstance(result, IngestError):
            yield result
        elif on_error is not None:
            on_error(result)
        elif result.skips:
            raise result
        else:
            warnings.warn(str(result), stacklevel=3)
