"""Typed records the store hands out: a stored article and a stored report (one event as one article tells it)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from warlog.records import Article, Event


class StoredArticle(BaseModel):
    """An article as stored, with its row id, duplicate key and ingestion time."""

    id: int
    article: Article
    content_hash: str
    canonical_url: str | None
    ingested_at: dt.datetime
    near_duplicate_of: int | None


class StoredReport(BaseModel):
    """An event report as stored, with the article it came from."""

    id: int
    article_id: int
    event: Event
    source: str | None
    url: str | None


class ArticleFilter(BaseModel):
    """Which articles to list."""

    source: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    search: str | None = None
    limit: int | None = None


class ReportFilter(BaseModel):
    """Which event reports to list (dates compare with the start of the event's date period)."""

    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    actor: str | None = None
    country: str | None = None
    weapon: str | None = None
    limit: int | None = None
