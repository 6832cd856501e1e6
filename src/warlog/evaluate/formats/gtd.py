"""GTD export CSV: one incident per row, its `summary` as the document text."""

from __future__ import annotations

from pathlib import Path

from warlog.evaluate.dates import date_from_parts
from warlog.evaluate.formats.common import float_or_none, int_or_none, read_table, text_or_none
from warlog.evaluate.records import GoldDoc, GoldEvent, GoldSet

REQUIRED = ("summary", "iyear", "imonth", "iday")
GTD_UNKNOWN = frozenset({-9, -99})
# Only the GTD attack types that name one ACLED type or sub-type unambiguously.
_ATTACK_TYPES: dict[str, tuple[str | None, str | None]] = {
    "bombing/explosion": ("Explosions/Remote violence", None),
    "hostage taking (kidnapping)": ("Violence against civilians", "Abduction/forced disappearance"),
}
_NOT_A_WEAPON = frozenset({"unknown", "other"})


def _parse_row(row: dict[str, str], line: int) -> GoldDoc:
    summary = text_or_none(row["summary"])
    if summary is None:
        raise ValueError("empty summary")
    year = int_or_none(row["iyear"])
    if year is None:
        raise ValueError("no iyear")
    date = date_from_parts(year, int_or_none(row["imonth"]) or 0, int_or_none(row["iday"]) or 0)
    event_type, sub_event_type = _ATTACK_TYPES.get((row.get("attacktype1_txt") or "").strip().casefold(), (None, None))
    weapon = text_or_none(row.get("weaptype1_txt"))
    claimed = int_or_none(row.get("claimed"), GTD_UNKNOWN)
    event = GoldEvent(
        event_date=date,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=(row.get("gname") or "").strip() or None,  # "Unknown" is scored: it wants no named group
        country=text_or_none(row.get("country_txt")),
        admin1=text_or_none(row.get("provstate")),
        location=text_or_none(row.get("city")),
        latitude=float_or_none(row.get("latitude")),
        longitude=float_or_none(row.get("longitude")),
        fatalities=int_or_none(row.get("nkill"), GTD_UNKNOWN),
        injured=int_or_none(row.get("nwound"), GTD_UNKNOWN),
        weapons=[weapon] if weapon and weapon.casefold() not in _NOT_A_WEAPON else [],
        claimed=None if claimed is None else claimed == 1,
    )
    doc_id = text_or_none(row.get("eventid")) or f"line{line}"
    return GoldDoc(doc_id=doc_id, line=line, text=summary, events=[event])


def read_gtd(path: Path) -> GoldSet:
    """Read a GTD export (CSV with GTD's column names)."""
    return read_table(path, ",", REQUIRED, _parse_row)
