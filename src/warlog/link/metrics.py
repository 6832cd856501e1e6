"""Scores of a linking against gold clusters: pairwise precision/recall/F1 and B-cubed (Bagga & Baldwin).

On a fixture of articles, each article counts once, by the event of its lead report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations

from pydantic import BaseModel

from warlog.link.records import CanonicalEvent, LinkReport


class LinkScores(BaseModel):
    """Pairwise and B-cubed precision, recall and F1."""

    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float


def score(predicted: Mapping[str, str], gold: Mapping[str, str]) -> LinkScores:
    """Compare item -> cluster maps over the items of `gold` (an item missing from `predicted` is alone)."""
    items = sorted(gold)
    predicted = {item: predicted.get(item, f"alone:{item}") for item in items}
    predicted_pairs, gold_pairs = _pairs(predicted), _pairs(gold)
    both = len(predicted_pairs & gold_pairs)
    precision = both / len(predicted_pairs) if predicted_pairs else 1.0
    recall = both / len(gold_pairs) if gold_pairs else 1.0
    b_precision = b_recall = 0.0
    for item in items:
        mine = {other for other in items if predicted[other] == predicted[item]}
        truth = {other for other in items if gold[other] == gold[item]}
        b_precision += len(mine & truth) / len(mine)
        b_recall += len(mine & truth) / len(truth)
    b_precision, b_recall = b_precision / len(items), b_recall / len(items)
    return LinkScores(
        pairwise_precision=precision,
        pairwise_recall=recall,
        pairwise_f1=_f1(precision, recall),
        bcubed_precision=b_precision,
        bcubed_recall=b_recall,
        bcubed_f1=_f1(b_precision, b_recall),
    )


def _pairs(clusters: Mapping[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for item, cluster in clusters.items():
        groups.setdefault(cluster, []).append(item)
    return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def by_cluster(clusters: Iterable[Iterable[str]]) -> dict[str, str]:
    """item -> cluster id, from a list of clusters of items."""
    return {item: str(number) for number, members in enumerate(clusters) for item in members}


def document_clusters(events: Iterable[CanonicalEvent], reports: Iterable[LinkReport]) -> dict[str, str]:
    """doc_id -> the canonical event of the document's lead report (its first linkable event in the text)."""
    lead: dict[str, LinkReport] = {}
    for report in reports:
        known = lead.get(report.doc_id)
        if known is None or (report.event.evidence_start or 0) < (known.event.evidence_start or 0):
            lead[report.doc_id] = report
    event_of = {link.key: event.uid for event in events for link in event.reports}
    return {doc_id: event_of[report.key] for doc_id, report in lead.items()}
