"""Alignment: each gold event takes the unused prediction agreeing on most non-type fields."""

from __future__ import annotations

from warlog.evaluate.align import align
from warlog.evaluate.records import GoldEvent
from warlog.records import Event


def event(event_id: str, start: int | None = None, **fields) -> Event:
    return Event(doc_id="d", event_id=event_id, event_type=fields.pop("event_type", "Battles"),
                 sub_event_type=fields.pop("sub_event_type", "Armed clash"), evidence_start=start, **fields)


def test_gold_event_takes_the_prediction_with_most_matching_fields() -> None:
    gold = [GoldEvent(event_date="2024-01-02", country="Iraq", fatalities=2)]
    preds = [
        event("a", 0, event_date="2024-01-02"),
        event("b", 50, event_date="2024-01-02", country="IQ", fatalities=2),
    ]
    assert [e.event_id for e in align(gold, preds)] == ["b"]


def test_type_does_not_steer_alignment_so_ties_take_the_earliest_trigger() -> None:
    gold = [GoldEvent(case_code="AIR_STRIKE")]
    preds = [event("late", 90, sub_event_type="Air/drone strike"), event("none"), event("early", 3)]
    assert [e.event_id for e in align(gold, preds)] == ["early"]


def test_each_prediction_is_used_once_and_extra_gold_events_get_none() -> None:
    gold = [GoldEvent(country="Iraq"), GoldEvent(country="Syria"), GoldEvent(country="Yemen")]
    preds = [event("syria", 10, country="Syria"), event("iraq", 20, country="Iraq")]
    aligned = align(gold, preds)
    assert [e.event_id if e else None for e in aligned] == ["iraq", "syria", None]
    assert align([GoldEvent()], []) == [None]
