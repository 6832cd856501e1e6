"""Gold parsers: each format gives typed gold documents, and bad rows are reported (file:line) and skipped."""

from __future__ import annotations

from pathlib import Path

from warlog.evaluate.formats import read_gold

GOLD = Path(__file__).parents[2] / "fixtures" / "gold"


def test_warlog_jsonl_reads_events_with_warlog_field_names() -> None:
    gold = read_gold(GOLD / "warlog.jsonl", "jsonl")
    assert [doc.doc_id for doc in gold.docs] == ["w1", "w2", "w3", "w4"]
    first = gold.docs[0].events[0]
    assert first.sub_event_type == "Air/drone strike"
    assert first.injured == 4 and first.fatalities == 0 and first.claimed is True
    assert str(gold.docs[0].published) == "2024-03-04"
    assert gold.docs[1].events[0].event_date == "2024-04"
    assert gold.docs[2].events[0].fatalities is None
    assert gold.docs[3].events == []


def test_warlog_jsonl_reports_typos_bad_json_and_bad_dates_by_line() -> None:
    bad = read_gold(GOLD / "warlog.jsonl", "jsonl").bad_rows
    assert [row.line for row in bad] == [5, 6, 7]
    assert "event_dat" in bad[0].reason
    assert "sometime in spring" in bad[2].reason
    assert str(bad[0]).startswith(f"{GOLD / 'warlog.jsonl'}:5: ")


def test_acled_csv_reads_dates_in_both_formats_and_notes_as_text() -> None:
    gold = read_gold(GOLD / "acled.csv", "acled")
    assert [doc.doc_id for doc in gold.docs] == ["XYZ1", "XYZ2"]
    assert gold.docs[0].events[0].event_date == "2023-10-17"
    assert gold.docs[1].text.startswith("In October 2023")
    assert gold.docs[1].events[0].actor2 == "Islamic State (Syria)"
    assert gold.docs[1].events[0].latitude == 34.56


def test_acled_month_time_precision_keeps_only_the_month() -> None:
    gold = read_gold(GOLD / "acled.csv", "acled")
    assert gold.docs[1].events[0].event_date == "2023-10"


def test_acled_zero_fatalities_with_casualties_unknown_is_not_scored() -> None:
    gold = read_gold(GOLD / "acled.csv", "acled")
    assert gold.docs[0].events[0].fatalities is None
    assert gold.docs[1].events[0].fatalities == 3


def test_acled_bad_rows_are_skipped_with_a_reason() -> None:
    bad = read_gold(GOLD / "acled.csv", "acled").bad_rows
    assert [(row.line, row.reason) for row in bad][0] == (4, "unreadable date 'the twentieth'")
    assert [row.line for row in bad] == [4, 5, 6]
    assert bad[2].reason == "empty notes"


def test_gtd_csv_dates_with_unknown_parts_and_unknown_counts() -> None:
    gold = read_gold(GOLD / "gtd.csv", "gtd")
    events = [doc.events[0] for doc in gold.docs]
    assert [event.event_date for event in events] == ["2019-01-05", "2019-02", "2019"]
    assert events[0].fatalities == 2 and events[0].injured is None
    assert events[1].fatalities is None and events[1].injured == 3
    assert [event.claimed for event in events] == [True, None, False]
    assert events[0].weapons == ["Explosives"] and events[2].weapons == []
    assert events[0].event_type == "Explosions/Remote violence"
    assert events[2].sub_event_type == "Abduction/forced disappearance"
    assert events[1].event_type is None
    assert events[1].actor1 == "Unknown" and events[1].admin1 == "Marib"
    assert gold.docs[0].text.startswith("01/05/2019:")
    assert [(row.line, row.reason) for row in gold.bad_rows] == [(5, "no iyear")]


def test_case_tsv_keeps_quotes_and_rejects_non_codes_and_short_rows() -> None:
    gold = read_gold(GOLD / "case.tsv", "case")
    assert [(doc.doc_id, doc.events[0].case_code) for doc in gold.docs] == [
        ("c1", "AIR_STRIKE"),
        ("c2", "PEACE_PROTEST"),
        ("c3", "ORG_CRIME"),
    ]
    assert gold.docs[1].text.startswith('"Peaceful" marchers')
    assert [row.line for row in gold.bad_rows] == [5, 6]


def test_missing_columns_and_duplicate_ids_are_reported(tmp_path: Path) -> None:
    no_columns = tmp_path / "wrong.tsv"
    no_columns.write_text("id\ttext\nx1\tSomething happened.\n", encoding="utf-8")
    gold = read_gold(no_columns, "case")
    assert gold.docs == []
    assert gold.bad_rows[0].line == 1 and "EventSnippet" in gold.bad_rows[0].reason

    twice = tmp_path / "twice.jsonl"
    line = '{"id": "d1", "text": "A mortar round hit a market.", "events": []}\n'
    twice.write_text(line + line, encoding="utf-8")
    gold = read_gold(twice, "jsonl")
    assert len(gold.docs) == 1
    assert [(row.line, row.reason) for row in gold.bad_rows] == [(2, "duplicate id 'd1'")]
