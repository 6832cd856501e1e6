"""The real pipeline plus the linker on 40 invented reports of 16 events: accuracy targets and hard cases."""

from __future__ import annotations

from types import ModuleType

import pytest

from warlog.link import default_config
from warlog.link.batch import link, link_reports
from warlog.link.metrics import document_clusters, score

DISTINCT = [
    ("asad-drone", "asad-rockets"),  # a drone and a rocket attack on one base on one day
    ("harir-drone", "erbil-drone-march"),  # one group, two bases, one day
    ("embassy-rockets", "greenzone-rockets"),  # one city, consecutive days
    ("tanf-may10", "tanf-may13"),  # one base, one weapon, three days apart
]


@pytest.fixture(scope="module")
def linked(fixture_articles, extracted):
    articles, gold = fixture_articles
    reports = link_reports(extracted[article.doc_id] for article in articles)
    events = link(reports, default_config())
    return events, document_clusters(events, reports), gold


@pytest.mark.slow
def test_linking_meets_the_targets(linked) -> None:
    _events, predicted, gold = linked
    scores = score(predicted, gold)
    assert scores.pairwise_precision >= 0.95 and scores.pairwise_recall >= 0.85, scores
    assert scores.bcubed_f1 >= 0.9, scores


@pytest.mark.slow
def test_distinct_events_are_never_merged(linked) -> None:
    _events, predicted, gold = linked
    for first, second in DISTINCT:
        events_of = {label: {predicted[doc] for doc, g in gold.items() if g == label} for label in (first, second)}
        assert not events_of[first] & events_of[second], (first, second)


@pytest.mark.slow
def test_a_wrong_toll_widens_the_range_but_not_the_best_count(linked) -> None:
    events, predicted, gold = linked
    (uid,) = {predicted[doc] for doc, label in gold.items() if label == "mogadishu-bomb"}
    (event,) = [event for event in events if event.uid == uid]
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (9, 9, 12)
    assert event.event.attribution_status == "claimed" and event.event.actor1 == "Al-Shabaab"
    assert sorted(link.doc_id for link in event.reports) == ["mogadishu-coast", "mogadishu-horn", "mogadishu-wire"]


@pytest.mark.slow
def test_the_benchmark_script_prints_the_figures(linking_benchmark: ModuleType, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.argv", ["linking_fixture.py"])
    linking_benchmark.main()
    printed = capsys.readouterr().out
    assert "pairwise_precision" in printed and "bcubed_f1" in printed and default_config().id in printed
