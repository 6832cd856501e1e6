"""ACLED export: ACLED's column names, values mapped from the event, the rest left empty."""

import csv
import io

from warlog.export import ACLED_COLUMNS, acled_row, write_acled_csv
from warlog.records import Event


def test_acled_row_maps_known_fields_and_leaves_the_rest_empty() -> None:
    event = Event(
        doc_id="d",
        event_id="d-1",
        event_date="2024-05",
        date_precision="month",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        inter1=6,
        inter2=1,
        country="Iraq",
    )
    row = acled_row(event, "Daily")
    assert tuple(row) == ACLED_COLUMNS
    assert (row["year"], row["time_precision"], row["disorder_type"], row["interaction"]) == (
        2024,
        3,
        "Demonstrations",
        16,
    )
    assert (row["source"], row["country"], row["fatalities"], row["admin2"], row["notes"]) == (
        "Daily",
        "Iraq",
        None,
        None,
        None,
    )


def test_unknown_dates_and_interactions_stay_empty() -> None:
    row = acled_row(Event(doc_id="d", event_id="x", event_type="Battles", sub_event_type="Armed clash", inter1=2), None)
    assert (row["year"], row["time_precision"], row["interaction"], row["disorder_type"]) == (
        None,
        None,
        None,
        "Political violence",
    )


def test_write_acled_csv_writes_a_header_then_one_row_per_event_with_empty_cells_for_none() -> None:
    events = [
        (Event(doc_id="d", event_id="a", event_type="Battles", sub_event_type="Armed clash", fatalities=2), "Wire"),
        (Event(doc_id="d", event_id="b", event_type="Protests", sub_event_type="Peaceful protest"), None),
    ]
    out = io.StringIO()
    assert write_acled_csv(events, out) == 2
    assert out.getvalue().splitlines()[0] == ",".join(ACLED_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["event_id_cnty"], r["source"], r["fatalities"], r["admin2"]) for r in rows] == [
        ("a", "Wire", "2", ""),
        ("b", "", "", ""),
    ]
