"""Reconciliation of a canonical event from its reports, campaigns, and the linking scores."""

from __future__ import annotations

from link_helpers import report

from warlog.link import default_config
from warlog.link.batch import link
from warlog.link.cluster import Cluster
from warlog.link.metrics import by_cluster, score
from warlog.link.reconcile import reconcile
from warlog.records import NONE_REPORTED, FieldSource

CONFIG = default_config()


def test_counts_are_low_best_high_with_the_most_reported_value_best() -> None:
    reports = (report("a", fatalities=9), report("b", fatalities=9), report("c", fatalities=12), report("d"))
    event = reconcile(Cluster(reports, ()), CONFIG)
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (9, 9, 12)
    assert event.fatalities.values == {"9": ["a", "b"], "12": ["c"]} and event.event.fatalities == 9
    tied = reconcile(Cluster((report("a", fatalities=2), report("b", fatalities=5)), ()), CONFIG)
    assert tied.fatalities.best == 2


def test_a_report_silent_on_casualties_counts_only_when_no_report_states_a_toll() -> None:
    silent = [report(key, fatalities=0) for key in ("a", "b")]
    for early in silent:
        early.event.provenance["fatalities"] = FieldSource(stage="casualties@1", rule=NONE_REPORTED)
    stated = reconcile(Cluster((*silent, report("c", fatalities=5)), ()), CONFIG)
    assert (stated.fatalities.low, stated.fatalities.best, stated.fatalities.high) == (5, 5, 5)
    only_silent = reconcile(Cluster(tuple(silent), ()), CONFIG)
    assert only_silent.fatalities.best == 0 and only_silent.fatalities.values == {"0": ["a", "b"]}
    stated_zero = reconcile(Cluster((report("d", fatalities=0), report("e", fatalities=5)), ()), CONFIG)
    assert stated_zero.fatalities.low == 0


def test_the_most_precise_date_and_place_win_and_say_who_supports_them() -> None:
    reports = (
        report("a", date="2025-03", precision="month", place=None),
        report("b", date="2025-03-04"),
        report("c", date="2025-03-04"),
    )
    event = reconcile(Cluster(reports, ()), CONFIG)
    assert (event.event.event_date, event.event.date_precision) == ("2025-03-04", "day")
    assert event.support["event_date"] == ["a", "b", "c"] and event.event.location == "Ain al-Asad Air Base"
    assert event.uid == "a" and event.event.event_id == "a"


def test_claims_are_tallied_across_reports_and_set_the_perpetrator() -> None:
    kh = "Kata'ib Hezbollah"
    reports = (
        report("a", claims=(("blamed", kh, "US officials"),)),
        report("b", claims=(("blamed", kh, "US officials"),)),
        report("c", claims=(("blamed", kh, None),)),
        report("d", claims=(("denied", kh, kh),)),
    )
    event = reconcile(Cluster(reports, ()), CONFIG)
    assert event.claims[0].summary == f"3 reports blame {kh} (2 US officials, 1 unnamed)"
    assert event.claims[1].summary == f"1 report says {kh} denied it (1 {kh})"
    assert event.event.actor1 == kh and event.event.attribution_status == "disputed"
    assert event.support["actor1"] == ["a", "b", "c", "d"]


def test_events_by_one_group_against_one_target_form_a_campaign() -> None:
    kh = "Kata'ib Hezbollah"
    events = link(
        [report("a", actor=kh), report("b", date="2025-03-10", actor=kh), report("c", date="2025-03-20")], CONFIG
    )
    assert len(events) == 3
    campaigns = [event.campaign for event in events]
    assert campaigns[0] == campaigns[1] is not None and campaigns[2] is None


def test_pairwise_and_bcubed_scores() -> None:
    gold = by_cluster([["a", "b", "c"], ["d"]])
    perfect = score(gold, gold)
    assert perfect.pairwise_f1 == perfect.bcubed_f1 == 1.0
    merged = score(by_cluster([["a", "b", "c", "d"]]), gold)
    assert merged.pairwise_precision == 0.5 and merged.pairwise_recall == 1.0
    assert merged.bcubed_precision == (3 * 0.75 + 0.25) / 4
    split = score(by_cluster([["a", "b"], ["c"], ["d"]]), gold)
    assert split.pairwise_precision == 1.0 and split.pairwise_recall == 1 / 3
