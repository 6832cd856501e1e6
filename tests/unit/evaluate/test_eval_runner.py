"""Scoring a gold set against a prediction file: counts, field rates, classification and misses."""

from __future__ import annotations

import json
from pathlib import Path

from warlog.evaluate.formats import read_gold
from warlog.evaluate.predictions import read_predictions
from warlog.evaluate.runner import evaluate

GOLD = Path(__file__).parents[2] / "fixtures" / "gold"


def report(errors: int = 0):
    predictions, bad = read_predictions(GOLD / "predictions.jsonl")
    assert [row.line for row in bad] == [6]
    return evaluate(read_gold(GOLD / "warlog.jsonl", "jsonl"), predictions, errors=errors)


def rates() -> dict[str, tuple[int, int]]:
    return {score.field: (score.hits, score.n) for score in report().fields}


def test_counts_of_documents_and_events() -> None:
    counts = report().counts
    assert (counts.docs, counts.gold_events, counts.predicted_events) == (4, 3, 4)
    assert counts.docs_with_event == 4
    assert counts.unaligned_gold_events == 0
    assert counts.unaligned_predicted_events == 1
    assert counts.unknown_doc_ids == 1
    assert counts.events_per_doc == 1.0 and counts.gold_events_per_doc == 0.75


def test_field_rates_only_count_gold_events_that_know_the_field() -> None:
    scores = rates()
    assert scores["date_exact"] == (1, 3)
    assert scores["date_month"] == (3, 3)
    assert scores["country"] == (3, 3)
    assert scores["admin1"] == (3, 3)
    assert scores["actor1"] == (2, 2)
    assert scores["fatalities_exact"] == (1, 2)
    assert scores["injured_within1"] == (1, 1)
    assert scores["weapon"] == (2, 2)
    assert scores["within_25km"] == (1, 1)
    assert "case_code" not in scores


def test_type_classification_and_misses_with_text_and_both_values() -> None:
    result = report(errors=1)
    sub_types = next(c for c in result.classifications if c.field == "sub_event_type")
    assert sub_types.accuracy == 2 / 3
    confusions = [(c.gold, c.predicted) for c in sub_types.confusions]
    assert confusions == [("Shelling/artillery/missile attack", "Armed clash")]
    date_miss = next(miss for miss in result.misses if miss.field == "date_exact")
    assert (date_miss.doc_id, date_miss.gold, date_miss.predicted) == ("w2", "2024-04", "2024-04-15")
    assert date_miss.text.startswith("Gunmen shot dead")
    assert len([miss for miss in result.misses if miss.field == "date_exact"]) == 1
    assert report(errors=0).misses == []


def test_json_report_carries_rates_and_bad_rows() -> None:
    data = json.loads(report().model_dump_json())
    assert {"field": "date_month", "hits": 3, "n": 3, "rate": 1.0} in data["fields"]
    assert data["counts"]["events_per_doc"] == 1.0
    assert [row["line"] for row in data["bad_rows"]] == [5, 6, 7]


def test_case_gold_scores_the_primary_event_through_case_codes(tmp_path: Path) -> None:
    predictions_file = tmp_path / "pred.jsonl"
    rows = [
        {"doc_id": "c1", "event_id": "x", "event_type": "Battles", "sub_event_type": "Armed clash",
         "evidence_start": 40},
        {"doc_id": "c1", "event_id": "y", "event_type": "Explosions/Remote violence",
         "sub_event_type": "Air/drone strike", "evidence_start": 0},
        {"doc_id": "c2", "event_id": "z", "event_type": "Protests", "sub_event_type": "Made-up type"},
    ]
    predictions_file.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    predictions, _ = read_predictions(predictions_file)
    result = evaluate(read_gold(GOLD / "case.tsv", "case"), predictions)
    codes = next(c for c in result.classifications if c.field == "case_code")
    assert codes.accuracy == 1 / 3
    assert {(c.gold, c.predicted) for c in codes.confusions} == {("PEACE_PROTEST", "UNMAPPED"), ("ORG_CRIME", "NONE")}
