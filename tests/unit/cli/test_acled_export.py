"""ACLED export: ACLED's column names, values mapped from the event, the rest left empty."""

from warlog.export import ACLED_COLUMNS, acled_row
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
