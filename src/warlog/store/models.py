"""The database tables: articles, per-article event *reports*, the canonical events that link them, and the
aliases articles taught."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of every warlog table."""


def as_utc(value: dt.datetime) -> dt.datetime:
    """A stored time with its time zone (SQLite drops it: its times are UTC)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


class ArticleRow(Base):
    """One stored article, with its duplicate keys and where its published date came from."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(512), index=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    url_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(512), index=True)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_source: Mapped[str] = mapped_column(String(16))
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    near_duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)


class ReportRow(Base):
    """One event as one article reports it: the full Event JSON plus the columns that are filtered on."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[str] = mapped_column(String(128), index=True)
    event_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    event_type: Mapped[str] = mapped_column(String(128), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(128), index=True)
    actor1: Mapped[str | None] = mapped_column(String(512), index=True)
    actor2: Mapped[str | None] = mapped_column(String(512), index=True)
    country: Mapped[str | None] = mapped_column(String(128), index=True)
    admin1: Mapped[str | None] = mapped_column(String(256), index=True)
    weapons: Mapped[str | None] = mapped_column(Text)
    attribution_status: Mapped[str | None] = mapped_column(String(16), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    location: Mapped[str | None] = mapped_column(Text)
    sponsors: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str | None] = mapped_column(Text)
    event_json: Mapped[str] = mapped_column(Text)


class CampaignRow(Base):
    """A series of canonical events by one perpetrator against one target (PLOVER's `link`)."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    key: Mapped[str] = mapped_column(String(1024), unique=True)
    label: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    """One real-world event reconciled from its reports: the canonical JSON plus the columns filtered on.

    `window_start`/`window_end` span every date reading of its reports, so new reports find it by date.
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_date_uid", "event_date", "uid"),
        Index("ix_events_fatalities_uid", "fatalities", "uid"),
        Index("ix_events_reports_uid", "report_count", "uid"),
        Index("ix_events_position", "latitude", "longitude", "event_date", "uid"),
        Index("ix_events_sponsors_date", "sponsors", "event_date", "uid"),
        Index("ix_events_actors_date", "actor1", "actor2", "event_date", "uid"),
        Index("ix_events_weapons_date", "weapons", "event_date", "uid"),
        *(
            Index(f"ix_events_{column}_folded", text(f"lower({column})"), "event_date", "uid")
            for column in ("country", "admin1", "event_type", "sub_event_type")
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    event_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    window_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    window_end: Mapped[dt.date | None] = mapped_column(Date, index=True)
    event_type: Mapped[str] = mapped_column(String(128), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(128), index=True)
    actor1: Mapped[str | None] = mapped_column(String(512), index=True)
    actor2: Mapped[str | None] = mapped_column(String(512), index=True)
    country: Mapped[str | None] = mapped_column(String(128), index=True)
    admin1: Mapped[str | None] = mapped_column(String(256), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    weapons: Mapped[str | None] = mapped_column(Text)
    attribution_status: Mapped[str | None] = mapped_column(String(16), index=True)
    location: Mapped[str | None] = mapped_column(Text)
    sponsors: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str | None] = mapped_column(Text)
    report_count: Mapped[int] = mapped_column(Integer)
    campaign_key: Mapped[str | None] = mapped_column(String(1024), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"), index=True)
    linker: Mapped[str] = mapped_column(String(64))
    canonical_json: Mapped[str] = mapped_column(Text)


class EventReportRow(Base):
    """A report attached to a canonical event, with the decision that linked it."""

    __tablename__ = "event_reports"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    report_key: Mapped[str] = mapped_column(String(128), index=True)
    score: Mapped[float | None] = mapped_column(Float)
    decision_json: Mapped[str] = mapped_column(Text)


class LinkOverrideRow(Base):
    """A manual decision between two reports (by report key): `merge` or `split`; later ingests respect it."""

    __tablename__ = "link_overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    report_a: Mapped[str] = mapped_column(String(128), index=True)
    report_b: Mapped[str] = mapped_column(String(128), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class LearnedAliasRow(Base):
    """An alias one article defined, the actor it stands for, and the sentence that defined it."""

    __tablename__ = "learned_aliases"
    __table_args__ = (UniqueConstraint("article_id", "alias", "start", name="uq_learned_aliases_article_alias_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(512), index=True)
    name: Mapped[str] = mapped_column(String(512))
    actor_id: Mapped[str | None] = mapped_column(String(128), index=True)
    actor: Mapped[str | None] = mapped_column(String(512))
    pattern: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    learned_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
