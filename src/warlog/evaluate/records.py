"""Typed gold records: a document's text and the events a human coded in it."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class GoldEvent(BaseModel):
    """One gold event. A field left `None` is unknown in the gold and is not scored."""

    event_date: str | None = Field(default=None, description="YYYY-MM-DD, YYYY-MM or YYYY.")
    event_type: str | None = None
    sub_event_type: str | None = None
    case_code: str | None = Field(default=None, description="CASE 2021 fine-grained type, e.g. AIR_STRIKE.")
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    injured: int | None = None
    weapons: list[str] = Field(default_factory=list)
    claimed: bool | None = None


class GoldDoc(BaseModel):
    """One gold document: the text warlog reads and the events it should find."""

    doc_id: str
    line: int = Field(description="Where the document starts in the gold file.")
    text: str
    published: dt.date | None = None
    events: list[GoldEvent] = Field(default_factory=list)


class BadRow(BaseModel):
    """A gold (or prediction) row that was skipped, and why."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


class GoldSet(BaseModel):
    """Everything read from one gold file: the usable documents and the skipped rows."""

    docs: list[GoldDoc] = Field(default_factory=list)
    bad_rows: list[BadRow] = Field(default_factory=list)
