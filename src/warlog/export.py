"""Export events: as ACLED rows (ACLED's own column names, filled from what warlog knows, the rest empty), as
JSON records of canonical events, as GeoJSON, and as CSV text. The CLI and the HTTP API share these."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import IO, Any

from warlog.records import Event

Row = dict[str, object]

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_DISORDER = {"Protests": "Demonstrations", "Strategic developments": "Strategic developments"}


def acled_row(event: Event, source: str | None) -> dict[str, str | int | float | None]:
    """One ACLED-shaped row (column name -> value, None where warlog has nothing) for `event`."""
    interaction = None
    if event.inter1 is not None and event.inter2 is not None:
        low, high = sorted((event.inter1, event.inter2))
        interaction = low * 10 + high
    row: dict[str, str | int | float | None] = dict.fromkeys(ACLED_COLUMNS)
    row.update(
        event_id_cnty=event.event_id,
        event_date=event.event_date,
        year=int(event.event_date[:4]) if event.event_date and event.event_date[:4].isdigit() else None,
        time_precision=_TIME_PRECISION.get(event.date_precision or ""),
        disorder_type=_DISORDER.get(event.event_type, "Political violence"),
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1,
        assoc_actor_1=event.assoc_actor_1,
        inter1=event.inter1,
        actor2=event.actor2,
        assoc_actor_2=event.assoc_actor_2,
        inter2=event.inter2,
        interaction=interaction,
        country=event.country,
        admin1=event.admin1,
        location=event.location,
        latitude=event.latitude,
        longitude=event.longitude,
        geo_precision=event.geo_precision,
        source=source,
        notes=" ".join(evidence.sentence for evidence in event.evidence) or None,
        fatalities=event.fatalities,
    )
    return row


def geojson(features: Iterable[tuple[float | None, float | None, dict[str, Any]]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of (latitude, longitude, properties); no coordinates gives a null geometry."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": None
                if latitude is None or longitude is None
                else {"type": "Point", "coordinates": [longitude, latitude]},
                "properties": properties,
            }
            for latitude, longitude, properties in features
        ],
    }


def cell(value: object) -> str:
    """One CSV or table cell: empty for None, lists joined with '; '."""
    if value is None:
        return ""
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def write_csv(rows: Iterable[Row], columns: Sequence[str], stream: IO[str]) -> int:
    """CSV with a header of `columns` (other keys ignored); returns the number of rows written."""
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: cell(value) for key, value in row.items()})
        count += 1
    return count


def write_acled_csv(events: Iterable[tuple[Event, str | None]], out: IO[str]) -> int:
    """Write a header of `ACLED_COLUMNS`, then the ACLED row of each (event, source) pair; returns the row count."""
    return write_csv((acled_row(event, source) for event, source in events), ACLED_COLUMNS, out)
