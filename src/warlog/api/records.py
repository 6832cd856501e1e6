"""Typed records the Python API hands out for stored data. Each serialises (`model_dump(mode="json")`) to the
same JSON as the matching CLI listing, so a notebook and `warlog ... --format json` agree field for field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated

from pydantic import BaseModel, Field, PlainSerializer

from warlog.actors.model import Actor
from warlog.actors.registry import Registry
from warlog.link.records import CanonicalEvent, ClaimTally, Range, ReportLink
from warlog.records import AliasPattern, Article, Claim, Event, LearnedAlias
from warlog.store.records import StoredArticle, StoredLearnedAlias, StoredReport

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
    """An actor with its sponsors and parent groups resolved to names and the aliases stored articles taught for
    it (the rows of `warlog actors`). A name only articles taught, unknown to the registry, has kind
    "unregistered", origin "learned" and no id."""

    id: str | None
    name: str
    type: int | None = Field(description="ACLED actor category 1-8 (inter code).")
    kind: str
    country: str | None = Field(description="ISO 3166 alpha-2 code.")
    sponsors: list[str] = Field(description="Names of the actors sponsoring it (sponsored_by).")
    parents: list[str] = Field(description="Names of the groups it is part of or a front for.")
    aliases: list[str]
    learned: list[str] = Field(
        default_factory=list, description="Aliases stored articles taught for it, as 'KH (learned from doc-7)'."
    )
    wikidata: str | None
    source: str | None = Field(description="The id of the source the entry cites.")
    origin: str = Field(description="The registry file the entry came from, or 'learned'.")

    @classmethod
    def from_registry(cls, actor: Actor, registry: Registry, learned: Sequence[LearnedAlias] = ()) -> ActorRecord:
        """The record of one actor, its relations looked up in `registry`, with the aliases `learned` for it."""
        return cls(
            id=actor.id,
            name=actor.name,
            type=actor.inter,
            kind=actor.kind,
            country=actor.country,
            sponsors=[sponsor.name for sponsor in registry.sponsors_of(actor.id)],
            parents=[parent.name for parent in registry.parents(actor.id)],
            aliases=list(actor.aliases),
            learned=[learned_label(alias) for alias in learned],
            wikidata=actor.wikidata,
            source=actor.source,
            origin=actor.origin,
        )

    @classmethod
    def unregistered(cls, name: str, learned: Sequence[LearnedAlias]) -> ActorRecord:
        """The record of a name only articles taught (the registry does not know it)."""
        return cls(
            id=None,
            name=name,
            type=None,
            kind="unregistered",
            country=None,
            sponsors=[],
            parents=[],
            aliases=[],
            learned=[learned_label(alias) for alias in learned],
            wikidata=None,
            source=None,
            origin="learned",
        )


class LearnedAliasRecord(BaseModel):
    """An alias a stored article taught (the rows of `warlog actors --learned`), with the defining sentence."""

    alias: str
    actor: str | None = Field(description="The registry actor's canonical name, if the name resolves to one.")
    actor_id: str | None
    name: str = Field(description="The name the alias stands for, as the article wrote it.")
    pattern: AliasPattern
    doc_id: str = Field(description="The article that taught the alias.")
    learned_at: IsoDateTime
    sentence: str = Field(description="The sentence that defines the alias.")
    start: int = Field(description="Where the sentence starts in the article text (character offset).")
    end: int = Field(description="Where the sentence ends (exclusive).")

    @classmethod
    def from_stored(cls, stored: StoredLearnedAlias) -> LearnedAliasRecord:
        """The record of a stored alias."""
        learned = stored.learned
        return cls(
            **learned.model_dump(include={"alias", "actor", "actor_id", "name", "pattern", "doc_id"}),
            learned_at=stored.learned_at.replace(microsecond=0),
            sentence=learned.evidence.sentence,
            start=learned.evidence.start,
            end=learned.evidence.end,
        )


def learned_label(learned: LearnedAlias) -> str:
    """How a learned alias is shown beside its actor: 'KH (learned from doc-7)'."""
    return f"{learned.alias} (learned from {learned.doc_id})"
