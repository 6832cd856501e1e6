"""Canonical events as tables: a pandas DataFrame, a GeoDataFrame, a Parquet file. pandas, geopandas and pyarrow
are optional extras (`warlog[pandas]`, `warlog[geo]`, `warlog[parquet]`), imported only when asked for."""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from warlog.api.records import EventRecord
from warlog.records import Event
from warlog.store.reports import period_start

if TYPE_CHECKING:
    import geopandas
    import pandas

NESTED_FIELDS = frozenset({"claims", "evidence", "provenance", "extractor"})
EVENT_COLUMNS = tuple(name for name in Event.model_fields if name not in NESTED_FIELDS)
EXTRA_COLUMNS = (
    "date_start",
    "fatalities_low",
    "fatalities_high",
    "injured_low",
    "injured_high",
    "reports",
    "doc_ids",
    "sources",
    "campaign",
)
FRAME_COLUMNS = EVENT_COLUMNS + EXTRA_COLUMNS
"""Columns of `to_pandas()`: every non-nested `Event` field, then the first day of `event_date` as a Timestamp
(`date_start`), the low/high counts over the reports, the report count, documents, outlets and campaign."""
INTEGER_COLUMNS = (
    "inter1",
    "inter2",
    "geo_precision",
    "fatalities",
    "injured",
    "weapon_count",
    "evidence_start",
    "fatalities_low",
    "fatalities_high",
    "injured_low",
    "injured_high",
    "reports",
)


def require(module: str, extra: str) -> ModuleType:
    """Import an optional dependency, or raise an ImportError that names the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"this needs {module}, an optional dependency: pip install 'warlog[{extra}]'") from exc


def events_frame(events: Sequence[EventRecord]) -> pandas.DataFrame:
    """One row per event, with `FRAME_COLUMNS`; counts are nullable integers, lists stay Python lists."""
    pd = require("pandas", "pandas")
    frame = pd.DataFrame([_row(event) for event in events], columns=list(FRAME_COLUMNS))
    frame["date_start"] = pd.to_datetime(frame["date_start"])
    return frame.astype({column: "Int64" for column in INTEGER_COLUMNS})


def events_geoframe(events: Sequence[EventRecord]) -> geopandas.GeoDataFrame:
    """`events_frame` with a point geometry (WGS 84, EPSG:4326); events without coordinates get none."""
    gpd = require("geopandas", "geo")
    shapely = require("shapely", "geo")
    points = [
        shapely.Point(event.longitude, event.latitude)
        if event.longitude is not None and event.latitude is not None
        else None
        for event in events
    ]
    return gpd.GeoDataFrame(events_frame(events), geometry=points, crs="EPSG:4326")


def write_parquet(events: Sequence[EventRecord], path: str | os.PathLike[str]) -> int:
    """Write `events_frame(events)` to a Parquet file (pyarrow); returns the number of rows."""
    require("pyarrow", "parquet")
    events_frame(events).to_parquet(path, engine="pyarrow", index=False)
    return len(events)


def _row(event: EventRecord) -> dict[str, Any]:
    return {
        **event.model_dump(include=set(EVENT_COLUMNS)),
        "date_start": period_start(event.event_date),
        "fatalities_low": event.fatalities_range.low,
        "fatalities_high": event.fatalities_range.high,
        "injured_low": event.injured_range.low,
        "injured_high": event.injured_range.high,
        "reports": len(event.reports),
        "doc_ids": event.doc_ids,
        "sources": event.sources,
        "campaign": event.campaign,
    }
