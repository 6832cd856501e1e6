"""Classification scores, checked by hand on a tiny set of label pairs."""

from __future__ import annotations

import pytest

from warlog.evaluate.classification import classify


def test_accuracy_weighted_and_macro_f1_and_confusions() -> None:
    pairs = [("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), ("C", "NONE")]
    score = classify("sub_event_type", pairs)
    assert score.n == 5
    assert score.accuracy == pytest.approx(3 / 5)
    by_label = {label.label: label for label in score.labels}
    assert by_label["A"].precision == 1.0 and by_label["A"].recall == pytest.approx(2 / 3)
    assert by_label["A"].f1 == pytest.approx(0.8)
    assert by_label["B"].precision == 0.5 and by_label["B"].recall == 1.0
    assert by_label["B"].f1 == pytest.approx(2 / 3)
    assert by_label["C"].f1 == 0.0
    assert score.weighted_f1 == pytest.approx((0.8 * 3 + 2 / 3 * 1 + 0) / 5)
    assert score.macro_f1 == pytest.approx((0.8 + 2 / 3 + 0) / 3)
    assert [(c.gold, c.predicted, c.count) for c in score.confusions] == [("A", "B", 1), ("C", "NONE", 1)]
    assert [label.label for label in score.labels] == ["A", "B", "C"]


def test_empty_input_scores_zero() -> None:
    score = classify("event_type", [])
    assert (score.n, score.accuracy, score.weighted_f1, score.macro_f1) == (0, 0.0, 0.0, 0.0)
