"""The typed bodies the HTTP API takes and returns (they make up its OpenAPI spec)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from warlog.actors.model import ActorKind, RelationKind
from warlog.link.records import CanonicalEvent
from warlog.records import Event, PublishedSource
from warlog.store.records import EventSummary


class EventPage(BaseModel):
    """One page of canonical events, in a stable order."""

    total: int = Field(description="Events matching the filter, over all pages.")
    offset: int
    limit: int
    sort: str
    items: list[EventSummary]


class ArticleInfo(BaseModel):
    """A stored article; `text` only in the detail."""

    id: int
    doc_id: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.date | None
    published_source: PublishedSource
    near_duplicate_of: int | None
    ingested_at: dt.datetime
    text: str | None = None


class ReportDetail(BaseModel):
    """One report of a canonical event: what its article says (evidence offsets index `article.text`)."""

    key: str | None
    report: Event
    article: ArticleInfo


class EventDetail(BaseModel):
    """A canonical event (reconciled fields, `support` naming the reports behind each) and all its reports."""

    event: CanonicalEvent
    reports: list[ReportDetail]


class ArticlePage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ArticleInfo]


class ArticleDetail(ArticleInfo):
    """An article with its text and the events it reports."""

    reports: list[Event] = Field(default_factory=list)


class RelationInfo(BaseModel):
    kind: RelationKind
    actor: str
    name: str
    since: int | None = None
    until: int | None = None


class ActorInfo(BaseModel):
    """A registry actor with its relations, sponsor chain and umbrellas."""

    id: str
    name: str
    kind: ActorKind
    inter: int | None
    country: str | None
    aliases: list[str]
    wikidata: str | None
    source: str
    origin: str
    relations: list[RelationInfo]
    sponsors: list[str]
    parents: list[str]


class ActorDetail(ActorInfo):
    events: int = Field(description="Stored events with this actor as actor 1 or 2.")


class ActorPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ActorInfo]


class RelationIn(BaseModel):
    actor: str = Field(min_length=1, max_length=200)
    since: int | None = None
    until: int | None = None


class ActorIn(BaseModel):
    """A user registry entry (added, or replacing the entry with the same id)."""

    name: str = Field(min_length=1, max_length=300)
    aliases: list[str] = Field(default_factory=list, max_length=200)
    kind: Literal["group", "person"] = "group"
    type: int | None = Field(default=None, ge=1, le=8, description="ACLED actor category 1-8.")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    source: str = Field(default="user", min_length=1, max_length=100)
    sponsored_by: list[RelationIn] = Field(default_factory=list)
    part_of: list[RelationIn] = Field(default_factory=list)
    front_for: list[RelationIn] = Field(default_factory=list)


class ArticleIn(BaseModel):
    """An article to ingest."""

    id: str = Field(min_length=1, max_length=500, description="The document id.")
    text: str = Field(min_length=1)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    published: dt.date | None = None
    source: str | None = Field(default=None, max_length=500)


class ArticleUpload(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=500)


class IngestResult(BaseModel):
    articles: int
    reports: int
    duplicates: list[str]
    near_duplicates: list[str]


class MergeIn(BaseModel):
    first: str = Field(min_length=1, max_length=128)
    second: str = Field(min_length=1, max_length=128)


class SplitIn(BaseModel):
    report: str = Field(min_length=1, max_length=512, description="The report's doc id or key.")


class Rebuilt(BaseModel):
    """A canonical event rebuilt by a merge or split, with the documents of its reports."""

    uid: str
    doc_ids: list[str]


class CountGroup(BaseModel):
    key: str | None
    split: str | None = None
    count: int


class Counts(BaseModel):
    by: str
    split: str | None
    total: int
    groups: list[CountGroup]


class NetworkNode(BaseModel):
    id: str
    name: str
    kind: str
    events: int = Field(description="Matching events with this actor as actor 1.")
    filter: dict[str, str] = Field(description="The event filter that clicking this actor applies.")


class NetworkEdge(BaseModel):
    source: str
    target: str
    kind: RelationKind
    weight: int = Field(description="Matching events of the actors behind this relation.")


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
