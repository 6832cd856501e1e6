"""Canonical events as a DataFrame, a GeoDataFrame and a Parquet file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from warlog.api.frames import FRAME_COLUMNS, events_frame, events_geoframe, require, write_parquet
from warlog.api.records import EventRecord
from warlog.link.records import Range, ReportLink


def record(uid: str, event_date: str | None, **fields: object) -> EventRecord:
    return EventRecord(
        doc_id=f"{uid}-doc",
        event_id=uid,
        event_date=event_date,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        fatalities_range=Range(low=1, best=2, high=3),
        injured_range=Range(),
        linker="linker@1#test",
        reports=[
            ReportLink(key=f"{uid}-1", doc_id=f"{uid}-doc", source="Wire", reason="first report"),
            ReportLink(key=f"{uid}-2", doc_id=f"{uid}-other", source="Daily", reason="same day, same place"),
        ],
        **fields,
    )


EVENTS = [
    record("a", "2024-03", fatalities=2, latitude=36.19, longitude=44.01, sponsors=["Iran"], weapons=["drone"]),
    record("b", None),
]


def test_one_row_per_event_with_typed_columns() -> None:
    frame = events_frame(EVENTS)
    assert list(frame.columns) == list(FRAME_COLUMNS) and len(frame) == 2
    first = frame.iloc[0]
    assert first["date_start"] == pd.Timestamp("2024-03-01") and pd.isna(frame.iloc[1]["date_start"])
    assert (first["fatalities"], first["fatalities_low"], first["fatalities_high"], first["reports"]) == (2, 1, 3, 2)
    assert str(frame["fatalities"].dtype) == "Int64" and pd.isna(frame.iloc[1]["fatalities"])
    assert first["sponsors"] == ["Iran"] and first["doc_ids"] == ["a-doc", "a-other"] and first["sources"] == "Wire; Daily"
    assert "claims" not in frame.columns and "provenance" not in frame.columns
    assert list(events_frame([]).columns) == list(FRAME_COLUMNS)


def test_geoframe_has_points_in_wgs84_and_none_without_coordinates() -> None:
    frame = events_geoframe(EVENTS)
    assert frame.crs.to_epsg() == 4326
    assert (frame.geometry.iloc[0].x, frame.geometry.iloc[0].y) == (44.01, 36.19)
    assert frame.geometry.iloc[1] is None


def test_parquet_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(EVENTS, path) == 2
    back = pd.read_parquet(path)
    assert list(back.columns) == list(FRAME_COLUMNS) and list(back["event_id"]) == ["a", "b"]
    assert list(back.iloc[0]["sponsors"]) == ["Iran"]


def test_a_missing_optional_dependency_names_the_extra() -> None:
    with pytest.raises(ImportError, match=r"needs warlog_no_such_module.*pip install 'warlog\[geo\]'"):
        require("warlog_no_such_module", "geo")
