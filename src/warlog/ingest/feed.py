"""RSS and Atom feeds with feedparser: one article per entry."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from warlog.ingest.article import Fields, ReadOptions, ReadResult, build_article
from warlog.ingest.errors import EmptyDocument, MalformedRecord

if TYPE_CHECKING:
    import feedparser


def read_feed(data: bytes, name: str, path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Read every entry of a feed (parsed from the bytes given, never fetched by feedparser itself)."""
    import feedparser  # slow to import (with lxml): loaded by the first feed, not by every command

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.get("bozo"):
            yield MalformedRecord(path, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        else:
            yield EmptyDocument(path, "feed has no entries")
        return
    source = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries, 1):
        fields = Fields(
            doc_id=str(entry.get("id") or entry.get("link") or f"{name}#{index}"),
            text=_entry_text(entry),
            title=entry.get("title"),
            url=entry.get("link"),
            source=source,
            published=_entry_date(entry),
            published_source="metadata",
        )
        yield from build_article(fields, f"{path}#{index}", options)


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    contents = [part.get("value", "") for part in entry.get("content", [])] or [entry.get("summary", "")]
    return "\n".join(_strip_tags(content) for content in contents if content)


def _strip_tags(markup: str) -> str:
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.fromstring(markup).text_content()
    except (lxml.etree.ParserError, ValueError):
        return markup


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
