"""Canonical events linked from reports, manual link overrides, and campaigns.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("key", sa.String(1024), nullable=False, unique=True),
        sa.Column("label", sa.Text(), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("event_date", sa.Date()),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("window_start", sa.Date()),
        sa.Column("window_end", sa.Date()),
        sa.Column("event_type", sa.String(128), nullable=False),
        sa.Column("sub_event_type", sa.String(128), nullable=False),
        sa.Column("actor1", sa.String(512)),
        sa.Column("actor2", sa.String(512)),
        sa.Column("country", sa.String(128)),
        sa.Column("admin1", sa.String(256)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("fatalities", sa.Integer()),
        sa.Column("weapons", sa.Text()),
        sa.Column("attribution_status", sa.String(16)),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("campaign_key", sa.String(1024)),
        sa.Column("campaign_id", sa.Integer(), sa.ForeignKey("campaigns.id", ondelete="SET NULL")),
        sa.Column("linker", sa.String(64), nullable=False),
        sa.Column("canonical_json", sa.Text(), nullable=False),
    )
    for column in (
        "event_date",
        "window_start",
        "window_end",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "country",
        "admin1",
        "attribution_status",
        "campaign_key",
        "campaign_id",
    ):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_table(
        "event_reports",
        sa.Column("report_id", sa.Integer(), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("report_key", sa.String(128), nullable=False),
        sa.Column("score", sa.Float()),
        sa.Column("decision_json", sa.Text(), nullable=False),
    )
    op.create_index("ix_event_reports_event_id", "event_reports", ["event_id"])
    op.create_index("ix_event_reports_report_key", "event_reports", ["report_key"])
    op.create_table(
        "link_overrides",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("report_a", sa.String(128), nullable=False),
        sa.Column("report_b", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_link_overrides_report_a", "link_overrides", ["report_a"])
    op.create_index("ix_link_overrides_report_b", "link_overrides", ["report_b"])


def downgrade() -> None:
    op.drop_table("link_overrides")
    op.drop_table("event_reports")
    op.drop_table("events")
    op.drop_table("campaigns")
