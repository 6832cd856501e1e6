"""Pairwise decisions: dates by precision, places by distance, attack types, and the explanation."""

from __future__ import annotations

from link_helpers import report

from warlog.link import decide, default_config

CONFIG = default_config()


def test_reports_of_one_drone_strike_link_with_an_explanation() -> None:
    a = report("a", actor="Kata'ib Hezbollah", text="Two drones hit Ain al-Asad air base, damaging a hangar.")
    b = report("b", actor="Kata'ib Hezbollah", text="Drones struck a hangar at Ain al-Asad base on Tuesday.")
    decision = decide(a, b, CONFIG)
    assert decision.linked and not decision.vetoed
    features = {part.feature: part.value for part in decision.contributions}
    assert features["date"] == CONFIG.same_day and features["place"] == CONFIG.same_place
    assert features["actors"] > 0 and features["text"] > 0
    assert decision.score == round(sum(features.values()), 3)
    assert decision.reason.startswith("same event") and decision.linker == CONFIG.id


def test_a_month_precision_date_fits_any_day_of_that_month() -> None:
    decision = decide(report("a", date="2025-03", precision="month"), report("b", date="2025-03-21"), CONFIG)
    assert not decision.vetoed and "periods overlap" in decision.reason
    assert decide(report("a", date="2025-02", precision="month"), report("b", date="2025-03-01"), CONFIG).vetoed


def test_two_days_one_day_apart_are_two_events_unless_the_rest_is_strong() -> None:
    weak = decide(report("a", date="2025-03-04"), report("b", date="2025-03-05"), CONFIG)
    assert weak.vetoed and "one day apart" in weak.reason
    text = "Three drones laden with explosives hit the fuel depot of Ain al-Asad, burning two tankers."
    strong = decide(
        report("a", date="2025-03-04", actor="Kata'ib Hezbollah", text=text, fatalities=2, target="fuel depot"),
        report("b", date="2025-03-05", actor="Kata'ib Hezbollah", text=text, fatalities=2, target="fuel depot"),
        CONFIG,
    )
    assert strong.linked and strong.score >= CONFIG.strong
    assert decide(report("a", date="2025-03-04"), report("b", date="2025-03-07"), CONFIG).vetoed


def test_a_drone_strike_and_a_rocket_attack_on_one_base_one_day_are_different() -> None:
    drone = report("a")
    rockets = report("b", sub_type="Shelling/artillery/missile attack", weapons=("rocket",))
    decision = decide(drone, rockets, CONFIG)
    assert decision.vetoed and not decision.linked
    assert "Air/drone strike vs Shelling/artillery/missile attack" in decision.reason


def test_the_type_is_read_through_the_weapons() -> None:
    misread = report("a", sub_type="Air/drone strike", weapons=("rocket",))
    rockets = report("b", sub_type="Shelling/artillery/missile attack", weapons=("rocket",))
    assert not decide(misread, rockets, CONFIG).vetoed
    assert decide(misread, report("c"), CONFIG).vetoed


def test_a_generic_attack_may_be_the_drone_strike() -> None:
    generic = report("a", sub_type="Attack", weapons=())
    decision = decide(generic, report("b"), CONFIG)
    assert not decision.vetoed
    assert any(part.feature == "type" and part.value == CONFIG.generic_subtype for part in decision.contributions)


def test_two_bases_far_apart_are_two_events_even_for_one_group_on_one_day() -> None:
    harir = report("a", place="Harir Air Base", actor="Kata'ib Hezbollah")
    airport = report("b", place="Erbil International Airport", actor="Kata'ib Hezbollah")
    decision = decide(harir, airport, CONFIG)
    assert decision.vetoed and "km apart" in decision.reason


def test_a_weekday_in_a_report_of_that_weekday_may_mean_the_publication_day() -> None:
    # Published on Tuesday 4 March 2025, "on Tuesday" read as a week earlier by the date stage.
    same_day = report("a", date="2025-02-25", date_text="Tuesday", published="2025-03-04")
    decision = decide(same_day, report("b", date="2025-03-04"), CONFIG)
    assert decision.linked and "weekday read as the publication day" in decision.reason
    last_week = report("c", date="2025-02-25", date_text="last Tuesday", published="2025-03-04")
    assert decide(last_week, report("b", date="2025-03-04"), CONFIG).vetoed


def test_manual_overrides_beat_the_score() -> None:
    assert decide(report("a"), report("b"), CONFIG, override="split").vetoed
    merged = decide(report("a"), report("b", place="Harir Air Base"), CONFIG, override="merge")
    assert merged.linked and merged.reason == "merged by hand"


def test_the_config_id_names_the_linker_and_changes_with_the_config() -> None:
    assert CONFIG.id.startswith("linker@")
    assert CONFIG.model_copy(update={"threshold": 9.0}).id != CONFIG.id
