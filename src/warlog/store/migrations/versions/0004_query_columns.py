"""Columns and indexes for the HTTP query API: location, sponsors and search text on reports and events
(existing rows are filled in); event indexes for each sort order with its uid tie-break, for the bounding box
and the sponsors, and for the case-insensitive filters (lower(column), then the default order).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SEPARATOR = "; "
NEW_COLUMNS = ("location", "sponsors", "search_text")
# Each sort key with the uid that breaks its ties (one index serves both directions); the bounding box, and
# the sponsors, actors and weapons (matched by substring, so the index is scanned instead of the wide table),
# each with the default order.
PAIRED = {
    "date_uid": ["event_date", "uid"],
    "fatalities_uid": ["fatalities", "uid"],
    "reports_uid": ["report_count", "uid"],
    "position": ["latitude", "longitude", "event_date", "uid"],
    "sponsors_date": ["sponsors", "event_date", "uid"],
    "actors_date": ["actor1", "actor2", "event_date", "uid"],
    "weapons_date": ["weapons", "event_date", "uid"],
}
# Case-insensitive filters, each with the default order, so a filtered page reads only its own rows.
FOLDED = ("country", "admin1", "event_type", "sub_event_type")


def upgrade() -> None:
    for table in ("reports", "events"):
        with op.batch_alter_table(table) as batch:
            for column in NEW_COLUMNS:
                batch.add_column(sa.Column(column, sa.Text()))
    for name, columns in PAIRED.items():
        op.create_index(f"ix_events_{name}", "events", columns)
    for column in FOLDED:
        op.create_index(f"ix_events_{column}_folded", "events", [sa.text(f"lower({column})"), "event_date", "uid"])
    _fill("reports", "event_json", lambda content: content)
    _fill("events", "canonical_json", lambda content: content["event"])


def downgrade() -> None:
    for name in [*PAIRED, *(f"{column}_folded" for column in FOLDED)]:
        op.drop_index(f"ix_events_{name}", "events")
    for table in ("reports", "events"):
        with op.batch_alter_table(table) as batch:
            for column in NEW_COLUMNS:
                batch.drop_column(column)


def _fill(table: str, json_column: str, event_of) -> None:
    """Fill the new columns of stored rows from their JSON (the same values the store now writes)."""
    connection = op.get_bind()
    rows = connection.execute(sa.text(f"SELECT id, {json_column} FROM {table}")).all()
    update = sa.text(
        f"UPDATE {table} SET location = :location, sponsors = :sponsors, search_text = :text WHERE id = :id"
    )
    for row_id, content in rows:
        event = event_of(json.loads(content))
        parts = [event.get(key) for key in ("location", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "target")]
        parts += [*event.get("weapons", []), *event.get("sponsors", [])]
        parts += [evidence["sentence"] for evidence in event.get("evidence", [])]
        connection.execute(
            update,
            {
                "id": row_id,
                "location": event.get("location"),
                "sponsors": SEPARATOR.join(event.get("sponsors", [])) or None,
                "text": "\n".join(part for part in parts if part),
            },
        )
