"""Aliases learned from articles ("Kata'ib Hezbollah (KH)", "X, also known as Y"), with the article that taught them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learned_aliases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("alias", sa.String(512), nullable=False),
        sa.Column("name", sa.String(512), nullable=False),
        sa.Column("actor_id", sa.String(128)),
        sa.Column("actor", sa.String(512)),
        sa.Column("pattern", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("learned_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("article_id", "alias", "start", name="uq_learned_aliases_article_alias_start"),
    )
    for column in ("article_id", "alias", "actor_id"):
        op.create_index(f"ix_learned_aliases_{column}", "learned_aliases", [column])


def downgrade() -> None:
    op.drop_table("learned_aliases")
