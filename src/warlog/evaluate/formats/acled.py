"""ACLED export CSV: one event per row, its `notes` as the document text."""

from __future__ import annotations

import re
from pathlib import Path

from warlog.evaluate.dates import normalise_date
from warlog.evaluate.formats.common import float_or_none, int_or_none, read_table, text_or_none
from warlog.evaluate.records import GoldDoc, GoldEvent, GoldSet

REQUIRED = ("notes", "event_date", "event_type", "sub_event_type")
MONTH_ONLY = "3"  # ACLED time_precision 3: only the month is known, the day is a placeholder
# ACLED writes 0 fatalities when the count is unknown and says so in the notes.
_CASUALTIES_UNKNOWN = re.compile(r"\b(?:casualties|fatalities)\s+(?:are\s+|were\s+)?unknown\b", re.IGNORECASE)


def _parse_row(row: dict[str, str], line: int) -> GoldDoc:
    notes = text_or_none(row["notes"])
    if notes is None:
        raise ValueError("empty notes")
    fatalities = int_or_none(row.get("fatalities"))
    if fatalities == 0 and _CASUALTIES_UNKNOWN.search(notes):
        fatalities = None
    date = text_or_none(row["event_date"])
    event_date = normalise_date(date) if date else None
    if event_date and row.get("time_precision", "").strip() == MONTH_ONLY:
        event_date = event_date[:7]
    event = GoldEvent(
        event_date=event_date,
        event_type=text_or_none(row["event_type"]),
        sub_event_type=text_or_none(row["sub_event_type"]),
        actor1=text_or_none(row.get("actor1")),
        actor2=text_or_none(row.get("actor2")),
        country=text_or_none(row.get("country")),
        admin1=text_or_none(row.get("admin1")),
        location=text_or_none(row.get("location")),
        latitude=float_or_none(row.get("latitude")),
        longitude=float_or_none(row.get("longitude")),
        fatalities=fatalities,
    )
    doc_id = text_or_none(row.get("event_id_cnty")) or f"line{line}"
    return GoldDoc(doc_id=doc_id, line=line, text=notes, published=text_or_none(row.get("published")), events=[event])


def read_acled(path: Path) -> GoldSet:
    """Read an ACLED export (CSV with ACLED's column names)."""
    return read_table(path, ",", REQUIRED, _parse_row)
