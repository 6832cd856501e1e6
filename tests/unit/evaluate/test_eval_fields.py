"""Field metrics on one gold event and one prediction: hits, misses, and what is not scored."""

from __future__ import annotations

from warlog.evaluate.fields import FIELD_METRICS
from warlog.evaluate.records import GoldEvent
from warlog.records import Event

METRICS = {metric.name: metric for metric in FIELD_METRICS}


def predicted(**fields) -> Event:
    return Event(doc_id="d", event_id="e", event_type=fields.pop("event_type", "Battles"),
                 sub_event_type=fields.pop("sub_event_type", "Armed clash"), **fields)


def score(name: str, gold: GoldEvent, event: Event | None) -> bool | None:
    return METRICS[name].score(gold, event)


def test_unknown_gold_fields_are_not_scored() -> None:
    gold = GoldEvent()
    assert all(metric.score(gold, predicted()) is None for metric in FIELD_METRICS)


def test_no_predicted_event_misses_every_known_field() -> None:
    gold = GoldEvent(event_date="2024-03-03", fatalities=2, country="Iraq")
    assert score("date_exact", gold, None) is False
    assert score("fatalities_exact", gold, None) is False
    assert score("country", gold, None) is False


def test_a_less_precise_predicted_date_never_matches_a_full_gold_date() -> None:
    gold = GoldEvent(event_date="2024-06-11")
    assert score("date_exact", gold, predicted(event_date="2024-06")) is False
    assert score("date_month", gold, predicted(event_date="2024-06")) is True
    assert score("date_month", gold, predicted(event_date="2024")) is False
    assert score("date_exact", gold, predicted(event_date="2024-06-11")) is True


def test_month_gold_date_scores_month_only_against_month_precision() -> None:
    gold = GoldEvent(event_date="2024-04")
    assert score("date_month", gold, predicted(event_date="2024-04-15")) is True
    assert score("date_exact", gold, predicted(event_date="2024-04-15")) is False
    assert score("date_month", GoldEvent(event_date="2024"), predicted(event_date="2024")) is None


def test_fatalities_exact_and_within_one_and_null_prediction() -> None:
    gold = GoldEvent(fatalities=3, injured=0)
    assert score("fatalities_exact", gold, predicted(fatalities=3)) is True
    assert score("fatalities_exact", gold, predicted(fatalities=4)) is False
    assert score("fatalities_within1", gold, predicted(fatalities=4)) is True
    assert score("fatalities_within1", gold, predicted(fatalities=5)) is False
    assert score("fatalities_within1", gold, predicted()) is False
    assert score("injured_exact", gold, predicted(injured=0)) is True
    assert score("injured_exact", gold, predicted()) is False


def test_distance_thresholds() -> None:
    gold = GoldEvent(latitude=36.19, longitude=44.01)
    near = predicted(latitude=36.30, longitude=44.10)
    far = predicted(latitude=35.47, longitude=44.39)
    assert score("within_25km", gold, near) is True
    assert score("within_25km", gold, far) is False
    assert score("within_161km", gold, far) is True
    assert score("within_161km", gold, predicted(latitude=33.31, longitude=44.36)) is False
    assert score("within_161km", gold, predicted()) is False


def test_places_actors_weapons_and_claims() -> None:
    gold = GoldEvent(country="Syria", admin1="Deir ez-Zor Governorate", location="Deir ez-Zor",
                     actor1="Unidentified Armed Group (Syria)", actor2="Military Forces of Syria (2000-)",
                     weapons=["Explosives"], claimed=False)
    event = predicted(country="SY", admin1="Dayr az Zawr", location="Dayr az Zawr", actor1=None,
                      actor2="Military Forces of Syria", weapons=["mortar"])
    for name in ("country", "admin1", "location", "actor1", "actor2", "weapon", "claimed"):
        assert score(name, gold, event) is True, name
    assert score("weapon", gold, predicted(weapons=["rifle"])) is False
    assert score("claimed", gold, predicted(attribution_status="claimed")) is False


def test_types_compare_folded_and_case_codes_come_from_the_taxonomy() -> None:
    assert score("sub_event_type", GoldEvent(sub_event_type="Air/drone strike"),
                 predicted(sub_event_type="air/drone strike")) is True
    assert score("case_code", GoldEvent(case_code="AIR_STRIKE"), predicted(sub_event_type="Air/drone strike")) is True
    assert score("case_code", GoldEvent(case_code="ART_MISS_ATTACK"),
                 predicted(sub_event_type="Shelling/artillery/missile attack")) is True
    assert score("case_code", GoldEvent(case_code="AIR_STRIKE"), predicted(sub_event_type="Armed clash")) is False
