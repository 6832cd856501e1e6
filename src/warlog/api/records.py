"""Typed records the Python API hands out for stored data. Each serialises (`model_dump(mode="json")`) to the
same JSON as the matching CLI listing, so a notebook and `warlog ... --format json` agree field for field."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, Field, PlainSerializer

from warlog.actors.model import Actor
from warlog.actors.registry import Registry
from warlog.link.records import CanonicalEvent, ClaimTally, Range, ReportLink
from warlog.records import Article, Claim, Event
from warlog.store.records import StoredArticle, StoredReport

IsoDateTime = Annotated[dt.datetime, PlainSerializer(lambda value: value.isoformat(), when_used="json")]


class ArticleRecord(Article):
    """A stored article: its `Article` fields plus row id, ingestion time, content hash and near-copy link."""

    id: int
    near_duplicate_of: int | None = Field(default=None, description="Row id of the article this nearly copies.")
    ingested_at: IsoDateTime
    content_hash: str = Field(description="SHA-256 of the normalised text (the duplicate key).")

    @classmethod
    def from_stored(cls, stored: StoredArticle) -> ArticleRecord:
        """The record of a stored article."""
        return cls(
            **stored.article.model_dump(),
            id=stored.id,
            near_duplicate_of=stored.near_duplicate_of,
            ingested_at=stored.ingested_at,
            content_hash=stored.content_hash,
        )


class EventRecord(Event):
    """A canonical event: the `Event` fields reconciled from every report of one real-world event, plus the
    count ranges, claim tallies, the reports behind each field, its campaign and its reports."""

    fatalities_range: Range
    injured_range: Range
    claim_tallies: list[ClaimTally] = Field(default_factory=list)
    support: dict[str, list[str]] = Field(default_factory=dict, description="Field -> report keys supporting it.")
    campaign: str | None = None
    linker: str = Field(description="The id of the linker that built the event.")
    reports: list[ReportLink] = Field(default_factory=list)

    @classmethod
    def from_canonical(cls, event: CanonicalEvent) -> EventRecord:
        """The record of a canonical event as the store holds it."""
        return cls(
            **event.event.model_dump(),
            fatalities_range=event.fatalities,
            injured_range=event.injured,
            claim_tallies=event.claims,
            support=event.support,
            campaign=event.campaign,
            linker=event.linker,
            reports=event.reports,
        )

    @property
    def doc_ids(self) -> list[str]:
        """The documents that report the event, in report order."""
        return [link.doc_id for link in self.reports]

    @property
    def sources(self) -> str | None:
        """The outlets that report the event, joined with '; ' (None when no report names one)."""
        return "; ".join(dict.fromkeys(link.source for link in self.reports if link.source)) or None


class EventDetail(BaseModel):
    """A canonical event with every report of it in full (each an `Event` as one article tells it)."""

    event: EventRecord
    reports: list[StoredReport]

    @property
    def claims(self) -> list[Claim]:
        """Every responsibility claim the reports make, report by report."""
        return [claim for report in self.reports for claim in report.event.claims]


class ActorRecord(BaseModel):
    """A registry actor with its sponsors and parent groups resolved to names (the rows of `warlog actors`)."""

    id: str
    name: str
    type: int | None = Field(description="ACLED actor category 1-8 (inter code).")
    kind: str
    country: str | None = Field(description="ISO 3166 alpha-2 code.")
    sponsors: list[str] = Field(description="Names of the actors sponsoring it (sponsored_by).")
    parents: list[str] = Field(description="Names of the groups it is part of or a front for.")
    aliases: list[str]
    wikidata: str | None
    source: str = Field(description="The id of the source the entry cites.")
    origin: str = Field(description="The registry file the entry came from.")

    @classmethod
    def from_registry(cls, actor: Actor, registry: Registry) -> ActorRecord:
        """The record of one actor, its relations looked up in `registry`."""
        return cls(
            id=actor.id,
            name=actor.name,
            type=actor.inter,
            kind=actor.kind,
            country=actor.country,
            sponsors=[sponsor.name for sponsor in registry.sponsors_of(actor.id)],
            parents=[parent.name for parent in registry.parents(actor.id)],
            aliases=list(actor.aliases),
            wikidata=actor.wikidata,
            source=actor.source,
            origin=actor.origin,
        )
