"""Type classification scores: accuracy, per-label precision/recall/F1, weighted and macro F1, confusions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel

NO_EVENT = "NONE"


class LabelScore(BaseModel):
    label: str
    support: int
    precision: float
    recall: float
    f1: float


class Confusion(BaseModel):
    gold: str
    predicted: str
    count: int


class ClassificationScore(BaseModel):
    """How well one type field (event_type, sub_event_type, case_code) is predicted."""

    field: str
    n: int
    accuracy: float
    weighted_f1: float
    macro_f1: float
    labels: list[LabelScore]
    confusions: list[Confusion]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def classify(field: str, pairs: Sequence[tuple[str, str]], top_confusions: int = 15) -> ClassificationScore:
    """Score (gold, predicted) label pairs; macro F1 averages the labels that occur in the gold."""
    support = Counter(gold for gold, _ in pairs)
    predicted_counts = Counter(predicted for _, predicted in pairs)
    correct = Counter(gold for gold, predicted in pairs if gold == predicted)
    labels = []
    for label, count in sorted(support.items(), key=lambda item: (-item[1], item[0])):
        precision = correct[label] / predicted_counts[label] if predicted_counts[label] else 0.0
        recall = correct[label] / count
        labels.append(LabelScore(label=label, support=count, precision=precision, recall=recall,
                                 f1=_f1(precision, recall)))
    n = len(pairs)
    confusions = Counter((gold, predicted) for gold, predicted in pairs if gold != predicted)
    return ClassificationScore(
        field=field,
        n=n,
        accuracy=sum(correct.values()) / n if n else 0.0,
        weighted_f1=sum(score.f1 * score.support for score in labels) / n if n else 0.0,
        macro_f1=sum(score.f1 for score in labels) / len(labels) if labels else 0.0,
        labels=labels,
        confusions=[Confusion(gold=g, predicted=p, count=c) for (g, p), c in confusions.most_common(top_confusions)],
    )
