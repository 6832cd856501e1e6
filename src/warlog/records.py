"""Typed public records: what goes into warlog (articles) and what comes out (events, learned aliases).

These models are the contract of the library, the CLI (`warlog extract` writes one `Event` per
JSONL line) and the API. The extraction core yields one `ArticleExtraction` per article. The JSON
schema of `Event` is generated from this model (`warlog schema`), so the docs never drift from the code.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from warlog.text import fold

PublishedSource = Literal["user", "metadata", "unknown"]
DatePrecision = Literal["day", "week", "month", "year"]
AttributionStatus = Literal["claimed", "attributed", "alleged", "disputed", "unattributed"]
ClaimKind = Literal["claimed", "blamed", "traced", "tied", "suspected", "denied"]
AliasPattern = Literal["abbreviation", "aka"]


class Article(BaseModel):
    """One input document, as read by an ingest reader."""

    model_config = ConfigDict(frozen=True)

    doc_id: str = Field(description="The id the document had in the input (JSONL `id`, or the file name).")
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"
    source: str | None = Field(default=None, description="The outlet or feed the article came from.")


class Evidence(BaseModel):
    """A span of the article that supports an event or one of its fields."""

    sentence: str
    start: int = Field(description="Character offset of the sentence start in the article text.")
    end: int = Field(description="Character offset of the sentence end (exclusive).")


NONE_REPORTED = "none reported"
"""The provenance rule of a casualty count of 0 set because the text says nothing of casualties."""


class FieldSource(BaseModel):
    """Why a field of an event has its value: the stage that set it and the words it read."""

    stage: str = Field(description="The producing stage's id: name@version#confighash.")
    text: str | None = Field(default=None, description="The words the value was read from.")
    start: int | None = None
    end: int | None = None
    rule: str | None = Field(default=None, description="The rule or lexicon entry that fired.")


class Claim(BaseModel):
    """A statement about who is responsible for an event."""

    kind: ClaimKind
    actor: str | None = Field(description="The canonical actor the claim points to.")
    claimant: str | None = Field(default=None, description="Who makes the claim: the group, officials, outlets...")
    hedged: bool = False
    evidence: Evidence


class Extractor(BaseModel):
    """Which pipeline produced an event, and the id of every stage in it."""

    name: str
    version: str
    config_hash: str
    stages: list[str] = Field(default_factory=list)


class Event(BaseModel):
    """One political-violence event reported in one document (an ACLED-compatible row, plus evidence)."""

    doc_id: str
    event_id: str = Field(description="Stable: the same input gives the same id.")
    event_date: str | None = Field(default=None, description="YYYY-MM-DD, YYYY-MM or YYYY.")
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    event_type: str
    sub_event_type: str
    plover_event: str | None = None
    plover_mode: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = Field(default=None, description="1 town, 2 near/part of a region, 3 region or country.")
    origin: str | None = Field(default=None, description="Where the attack was launched from, if said.")
    fatalities: int | None = Field(default=None, description="null when unknown; 0 only when the text says so.")
    injured: int | None = None
    weapons: list[str] = Field(default_factory=list)
    weapon_count: int | None = None
    target: str | None = None
    target_category: str | None = None
    outcome: str | None = None
    negated: bool = False
    hypothetical: bool = False
    background: bool = Field(default=False, description="A past or background event mentioned in passing.")
    attribution_status: AttributionStatus | None = None
    claims: list[Claim] = Field(default_factory=list)
    sponsors: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    evidence_start: int | None = Field(default=None, description="Character offset of the trigger.")
    trigger: str | None = None
    provenance: dict[str, FieldSource] = Field(default_factory=dict)
    extractor: Extractor | None = None


class LearnedAlias(BaseModel):
    """An alias an article defines: "Kata'ib Hezbollah (KH)" (abbreviation) or "X, also known as Y" (aka)."""

    model_config = ConfigDict(frozen=True)

    alias: str
    name: str = Field(description="The name the alias stands for, as the article wrote it.")
    actor_id: str | None = Field(description="The registry actor the name resolves to, if any.")
    actor: str | None = Field(default=None, description="That actor's canonical name.")
    doc_id: str = Field(description="The article that taught the alias.")
    pattern: AliasPattern
    start: int = Field(description="Character offset where the defining words start in the article text.")
    end: int = Field(description="Character offset where the defining words end (exclusive).")
    evidence: Evidence = Field(description="The sentence that defines the alias.")

    def matches(self, query: str) -> bool:
        """Does the alias, the name it stands for or its actor contain `query` (compared with `fold`)?"""
        key = fold(query)
        return any(key in fold(value) for value in (self.alias, self.name, self.actor or ""))


class ArticleExtraction(BaseModel):
    """What the extraction core found in one article: its events and the aliases it taught (picklable)."""

    model_config = ConfigDict(frozen=True)

    article: Article
    events: list[Event] = Field(default_factory=list)
    learned_aliases: list[LearnedAlias] = Field(default_factory=list)
