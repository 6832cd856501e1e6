"""Articles (with duplicate keys) and per-article event reports.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("doc_id", sa.String(512), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text()),
        sa.Column("canonical_url", sa.Text()),
        sa.Column("url_hash", sa.String(64), unique=True),
        sa.Column("title", sa.Text()),
        sa.Column("source", sa.String(512)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published", sa.Date()),
        sa.Column("published_source", sa.String(16), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("minhash", sa.LargeBinary()),
        sa.Column("near_duplicate_of", sa.Integer(), sa.ForeignKey("articles.id")),
    )
    for column in ("doc_id", "source", "published", "near_duplicate_of"):
        op.create_index(f"ix_articles_{column}", "articles", [column])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("event_date", sa.Date()),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("event_type", sa.String(128), nullable=False),
        sa.Column("sub_event_type", sa.String(128), nullable=False),
        sa.Column("actor1", sa.String(512)),
        sa.Column("actor2", sa.String(512)),
        sa.Column("country", sa.String(128)),
        sa.Column("admin1", sa.String(256)),
        sa.Column("weapons", sa.Text()),
        sa.Column("attribution_status", sa.String(16)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("event_json", sa.Text(), nullable=False),
    )
    for column in (
        "article_id",
        "event_id",
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "country",
        "admin1",
        "attribution_status",
    ):
        op.create_index(f"ix_reports_{column}", "reports", [column])


def downgrade() -> None:
    op.drop_table("reports")
    op.drop_table("articles")
