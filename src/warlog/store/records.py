"""Typed records the store hands out: a stored article, a stored report (one event as one article tells it) and a
stored learned alias."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from warlog.records import Article, Event, LearnedAlias


class StoredArticle(BaseModel):
    """An article as stored, with its row id, duplicate key and ingestion time."""

    id: int
    article: Article
    content_hash: str
    canonical_url: str | None
    ingested_at: dt.datetime
    near_duplicate_of: int | None


class StoredReport(BaseModel):
    """An event report as stored, with the article it came from (and its link key, when read with its event)."""

    id: int
    article_id: int
    event: Event
    source: str | None
    url: str | None
    key: str | None = None


class StoredLearnedAlias(BaseModel):
    """An alias an article taught, as stored: the alias record (its `doc_id` names the article) and when."""

    id: int
    article_id: int
    learned: LearnedAlias
    learned_at: dt.datetime


class ArticleFilter(BaseModel):
    """Which articles to list."""

    source: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    search: str | None = None
    limit: int | None = None
    offset: int = 0


class BoundingBox(BaseModel):
    """West, south, east, north in degrees; west > east crosses the antimeridian."""

    west: float = Field(ge=-180, le=180)
    south: float = Field(ge=-90, le=90)
    east: float = Field(ge=-180, le=180)
    north: float = Field(ge=-90, le=90)


class ReportFilter(BaseModel):
    """Which event reports (or canonical events) to list; dates compare with the start of the event's period.

    `type` matches the event type or the sub-event type; `actor` is part of actor 1 or 2; `sponsor` is part of
    a name in the event's sponsor chain (the registry's and the text's: "Iran" finds Iran-backed actors' events);
    `text` is part of the places, actors, target, weapons, sponsors or evidence sentences.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    sub_type: str | None = None
    actor: str | None = None
    sponsor: str | None = None
    attribution: str | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: BoundingBox | None = None
    weapon: str | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0


class EventSummary(BaseModel):
    """A canonical event's filterable columns, read without decoding its JSON (for lists, maps and pages)."""

    uid: str
    event_date: dt.date | None
    date_precision: str | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    weapons: list[str]
    sponsors: list[str]
    attribution_status: str | None
    report_count: int
