"""Clustering: order independence, no bridging of distinct events, overrides, blocking."""

from __future__ import annotations

import random

from link_helpers import report

from warlog.link import cluster_reports, default_config
from warlog.link.blocking import candidate_pairs
from warlog.link.cluster import Linking, Verdicts
from warlog.link.records import Override

CONFIG = default_config()


def groups(reports, overrides=()) -> list[list[str]]:
    return [[r.key for r in cluster.reports] for cluster in cluster_reports(reports, CONFIG, overrides)]


def corpus():
    return [
        report("asad-1", actor="Kata'ib Hezbollah", text="Drones hit a hangar at Ain al-Asad."),
        report("asad-2", text="A drone attack damaged a hangar at Ain al-Asad air base."),
        report("asad-rockets", sub_type="Shelling/artillery/missile attack", weapons=("rocket",)),
        report("harir-1", place="Harir Air Base", text="A drone targeted Harir air base."),
        report("harir-2", place="Harir Air Base", text="Harir air base was targeted by a drone."),
        report("month", date="2025-03", precision="month", place="Harir Air Base", text="A drone targeted Harir."),
        report("later", date="2025-03-20", text="Drones hit a hangar at Ain al-Asad."),
    ]


def test_the_same_reports_in_any_order_give_the_same_events() -> None:
    expected = groups(corpus())
    assert ["asad-1", "asad-2"] in expected and ["asad-rockets"] in expected and ["later"] in expected
    shuffled = corpus()
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert groups(shuffled) == expected


def test_a_vague_report_never_bridges_two_distinct_events() -> None:
    # A month-precision report fits both a drone strike and a rocket attack on the base; they stay apart.
    vague = report("vague", date="2025-03", precision="month", sub_type="Attack", weapons=())
    found = groups([report("drone"), report("rockets", sub_type="Shelling/artillery/missile attack",
                                              weapons=("rocket",)), vague])
    assert not any({"drone", "rockets"} <= set(group) for group in found)


def test_manual_split_and_merge_are_respected() -> None:
    reports = corpus()
    split = groups(reports, [Override(kind="split", a="asad-1", b="asad-2")])
    assert ["asad-1"] in split and ["asad-2"] in split
    merged = groups(reports, [Override(kind="merge", a="asad-1", b="later")])
    assert ["asad-1", "later"] in merged and ["asad-2"] in merged  # asad-2 is 16 days from 'later'
    both = [Override(kind="merge", a=a, b="later") for a in ("asad-1", "asad-2")]
    assert ["asad-1", "asad-2", "later"] in groups(reports, both)


def test_blocking_compares_only_reports_near_in_time() -> None:
    reports = [report(f"r{day}", date=f"2025-03-{day:02d}") for day in range(1, 29)]
    pairs = candidate_pairs(reports, CONFIG)
    assert len(pairs) < len(reports) * (len(reports) - 1) / 4
    assert all(abs(int(reports[i].key[1:]) - int(reports[j].key[1:])) <= 3 * CONFIG.window_days for i, j in pairs)
    assert (0, 1) in pairs


def test_a_component_clustered_alone_gives_its_clusters_of_all_reports() -> None:
    reports = corpus()
    overrides = [Override(kind="merge", a="asad-1", b="later")]
    linking = Linking(reports, CONFIG, overrides)
    reached = linking.component(["asad-2"])
    keys = {linking.reports[index].key for index in reached}
    # asad-2 links to asad-1, which is merged by hand with 'later'; Harir and the rocket attack are not reached.
    assert keys == {"asad-1", "asad-2", "later"}
    every = [[r.key for r in cluster.reports] for cluster in cluster_reports(reports, CONFIG, overrides)]
    alone = [[r.key for r in cluster.reports] for cluster in linking.clusters(reached)]
    assert alone == [group for group in every if set(group) <= keys]
    assert [[r.key for r in c.reports] for c in linking.clusters()] == every


def test_reports_known_to_be_together_are_reached_without_a_linked_pair() -> None:
    linking = Linking(corpus(), CONFIG)
    assert {linking.reports[i].key for i in linking.component(["later"])} == {"later"}
    together = linking.component(["later"], [["later", "harir-1"]])
    assert {linking.reports[i].key for i in together} == {"later", "harir-1", "harir-2", "month"}


def test_a_profile_is_reused_only_for_the_very_same_report_object() -> None:
    reports = corpus()
    verdicts = Linking(reports, CONFIG).verdicts()
    assert set(verdicts.profiles) == {r.key for r in reports}
    same = Linking(reports, CONFIG, known=verdicts)
    assert all(same.profiles[same.position[r.key]] is verdicts.profiles[r.key] for r in reports)
    # A report read again from the database is another object: it is profiled again, never taken on trust.
    fresh = Linking(corpus(), CONFIG, known=verdicts)
    assert not any(fresh.profiles[fresh.position[r.key]] is verdicts.profiles[r.key] for r in reports)
    assert fresh.profiles == same.profiles


def test_verdicts_of_an_earlier_clustering_are_used_again_and_give_the_same_events() -> None:
    first = Linking(corpus()[:5], CONFIG)
    first.clusters()
    verdicts = first.verdicts()
    assert verdicts.pairs[("asad-1", "asad-2", None)][1] is not None  # linked, kept whole
    again = Linking(corpus(), CONFIG, known=verdicts)
    assert [[r.key for r in c.reports] for c in again.clusters()] == groups(corpus())
    # A known verdict is taken as it is: the one pair marked vetoed here is not decided again.
    verdicts.pairs[("asad-1", "asad-2", None)] = (True, None)
    assert ["asad-1"] in [[r.key for r in c.reports] for c in Linking(corpus(), CONFIG, known=verdicts).clusters()]
    # Verdicts of another linker (other weights) are not used.
    other = Verdicts(linker="other@1", pairs=verdicts.pairs)
    assert [[r.key for r in c.reports] for c in Linking(corpus(), CONFIG, known=other).clusters()] == groups(corpus())
