"""Typed records of linking: a report to link, a pairwise decision, and a canonical event with its support."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from warlog.records import Event


class LinkReport(BaseModel):
    """One event as one article reports it, with what the linker needs from the article."""

    model_config = ConfigDict(frozen=True)

    key: str = Field(description="Stable id of the report (its event_id), used for ordering and overrides.")
    event: Event
    published: dt.date | None = None
    source: str | None = None

    @property
    def doc_id(self) -> str:
        return self.event.doc_id


class Contribution(BaseModel):
    """One feature's part of a pairwise score; `veto` means the pair can never be one event."""

    feature: str
    value: float
    veto: bool = False
    note: str


class LinkDecision(BaseModel):
    """Whether two reports tell of one event, with the score, each feature's contribution and the reason."""

    a: str
    b: str
    score: float
    linked: bool
    vetoed: bool
    near_threshold: bool
    contributions: list[Contribution]
    reason: str
    linker: str


class Override(BaseModel):
    """A manual decision between two reports: `merge` (must be one event) or `split` (must not be)."""

    model_config = ConfigDict(frozen=True)

    kind: str
    a: str
    b: str


class Range(BaseModel):
    """A count as reports give it (UCDP's way): lowest, best and highest, and the reports behind each value."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    values: dict[str, list[str]] = Field(default_factory=dict, description="Value -> report keys giving it.")


class ClaimTally(BaseModel):
    """Reports that make one kind of claim about one actor, by who makes it."""

    kind: str
    actor: str | None
    reports: list[str]
    claimants: dict[str, int]
    summary: str


class ReportLink(BaseModel):
    """A report attached to a canonical event, and why."""

    key: str
    doc_id: str
    source: str | None = None
    score: float | None = Field(default=None, description="The best score to another report of the event.")
    near_threshold: bool = False
    reason: str


class CanonicalEvent(BaseModel):
    """One real-world event reconciled from its reports; `support` names the reports behind each field."""

    uid: str
    event: Event
    fatalities: Range
    injured: Range
    claims: list[ClaimTally] = Field(default_factory=list)
    support: dict[str, list[str]] = Field(default_factory=dict)
    reports: list[ReportLink] = Field(default_factory=list)
    campaign: str | None = None
    linker: str
