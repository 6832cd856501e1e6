"""Align gold events with predicted events inside one document."""

from __future__ import annotations

from collections.abc import Sequence

from warlog.evaluate.fields import FIELD_METRICS
from warlog.evaluate.records import GoldEvent
from warlog.records import Event


def agreement(gold: GoldEvent, predicted: Event) -> int:
    """How many non-type fields the prediction gets right (types are what we score, not what we align on)."""
    return sum(bool(metric.score(gold, predicted)) for metric in FIELD_METRICS if not metric.type_field)


def _reading_order(events: Sequence[Event]) -> list[int]:
    """Indexes of `events` by trigger offset (events without one last), then file order."""
    return sorted(
        range(len(events)), key=lambda i: (events[i].evidence_start is None, events[i].evidence_start or 0, i)
    )


def align(gold_events: Sequence[GoldEvent], predicted: Sequence[Event]) -> list[Event | None]:
    """For each gold event, the unused predicted event that agrees on most fields (ties: the earliest in the text).

    With no other field known (a CASE snippet), a gold event gets the primary, earliest predicted event.
    """
    unused = _reading_order(predicted)
    aligned: list[Event | None] = []
    for gold in gold_events:
        if not unused:
            aligned.append(None)
            continue
        best = max(unused, key=lambda i: (agreement(gold, predicted[i]), -unused.index(i)))
        unused.remove(best)
        aligned.append(predicted[best])
    return aligned
