"""Score predicted events against a gold set, field by field."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from warlog.evaluate.align import align
from warlog.evaluate.classification import NO_EVENT, classify
from warlog.evaluate.fields import FIELD_METRICS, FieldMetric
from warlog.evaluate.records import GoldEvent, GoldSet
from warlog.evaluate.report import Counts, EvaluationReport, FieldScore, Miss
from warlog.records import Event
from warlog.text import fold

UNMAPPED = "UNMAPPED"
MISS_TEXT_CHARS = 400


def _shown(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, set):
        return ", ".join(sorted(value)) or "none"
    return str(value)


def _type_label(metric: FieldMetric, predicted: Event | None, gold_labels: Mapping[str, str]) -> str:
    """The predicted label of a type field, spelled as the gold spells it."""
    if predicted is None:
        return NO_EVENT
    value = metric.predicted(predicted)
    if value is None:
        return UNMAPPED
    return gold_labels.get(fold(value), value)


def evaluate(gold: GoldSet, predictions: Mapping[str, Sequence[Event]], errors: int = 0) -> EvaluationReport:
    """Align each gold event with a predicted one, score every field, and keep up to `errors` misses per field."""
    hits: Counter[str] = Counter()
    applicable: Counter[str] = Counter()
    misses: dict[str, list[Miss]] = defaultdict(list)
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    aligned_pairs: list[tuple[str, str, GoldEvent, Event | None]] = []
    for doc in gold.docs:
        for gold_event, predicted in zip(doc.events, align(doc.events, predictions.get(doc.doc_id, []))):
            aligned_pairs.append((doc.doc_id, doc.text, gold_event, predicted))
    gold_labels = {
        fold(label): label
        for _, _, gold_event, _ in aligned_pairs
        for metric in FIELD_METRICS
        if metric.type_field and (label := metric.gold(gold_event)) is not None
    }
    for doc_id, text, gold_event, predicted in aligned_pairs:
        for metric in FIELD_METRICS:
            result = metric.score(gold_event, predicted)
            if result is None:
                continue
            applicable[metric.name] += 1
            hits[metric.name] += result
            if metric.type_field:
                pairs[metric.name].append((metric.gold(gold_event), _type_label(metric, predicted, gold_labels)))
            if not result and len(misses[metric.name]) < errors:
                shown = "(no event)" if predicted is None else _shown(metric.predicted(predicted))
                misses[metric.name].append(
                    Miss(field=metric.name, doc_id=doc_id, text=text[:MISS_TEXT_CHARS],
                         gold=_shown(metric.gold(gold_event)), predicted=shown)
                )
    gold_ids = {doc.doc_id for doc in gold.docs}
    predicted_events = sum(len(events) for doc_id, events in predictions.items() if doc_id in gold_ids)
    unaligned_gold = sum(1 for *_, predicted in aligned_pairs if predicted is None)
    counts = Counts(
        docs=len(gold.docs),
        gold_events=len(aligned_pairs),
        predicted_events=predicted_events,
        docs_with_event=sum(1 for doc in gold.docs if predictions.get(doc.doc_id)),
        unaligned_gold_events=unaligned_gold,
        unaligned_predicted_events=predicted_events - (len(aligned_pairs) - unaligned_gold),
        unknown_doc_ids=sum(len(events) for doc_id, events in predictions.items() if doc_id not in gold_ids),
    )
    return EvaluationReport(
        counts=counts,
        fields=[FieldScore(field=m.name, hits=hits[m.name], n=applicable[m.name]) for m in FIELD_METRICS
                if applicable[m.name]],
        classifications=[classify(m.name, pairs[m.name]) for m in FIELD_METRICS if m.type_field and pairs[m.name]],
        misses=[miss for metric in FIELD_METRICS for miss in misses[metric.name]],
        bad_rows=list(gold.bad_rows),
    )
