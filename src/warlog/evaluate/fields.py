"""Field metrics: for one gold event and its aligned prediction, is a field right? (None = not scored)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from warlog.evaluate.normalise import actors_match, admin1_key, country_key
from warlog.evaluate.records import GoldEvent
from warlog.evaluate.taxonomy import case_code
from warlog.evaluate.weapons import weapon_categories
from warlog.geo.distance import haversine_km
from warlog.geo.names import place_key
from warlog.records import Event
from warlog.text import fold


@dataclass(frozen=True)
class FieldMetric:
    """One scored field: how to read it from gold and prediction, and when they agree."""

    name: str
    gold: Callable[[GoldEvent], Any]
    predicted: Callable[[Event], Any]
    same: Callable[[Any, Any], bool]
    type_field: bool = False

    def score(self, gold: GoldEvent, predicted: Event | None) -> bool | None:
        """True/False for a scored field, None when the gold does not know the value."""
        expected = self.gold(gold)
        if expected is None:
            return None
        return predicted is not None and self.same(expected, self.predicted(predicted))


def _month(date: str | None) -> str | None:
    return date[:7] if date is not None and len(date) >= 7 else None


def _point(record: GoldEvent | Event) -> tuple[float, float] | None:
    """The (latitude, longitude) of a gold or predicted event, when it has both."""
    if record.latitude is None or record.longitude is None:
        return None
    return record.latitude, record.longitude


def _within(km: float) -> Callable[[tuple[float, float], tuple[float, float] | None], bool]:
    def same(gold: tuple[float, float], predicted: tuple[float, float] | None) -> bool:
        return predicted is not None and haversine_km(*gold, *predicted) <= km

    return same


def _equal(gold: Any, predicted: Any) -> bool:
    return gold == predicted


def _same_name(key: Callable[[str], str]) -> Callable[[str, str | None], bool]:
    def same(gold: str, predicted: str | None) -> bool:
        return predicted is not None and key(gold) == key(predicted)

    return same


def _within_one(gold: int, predicted: int | None) -> bool:
    return predicted is not None and abs(gold - predicted) <= 1


def _gold_weapons(gold: GoldEvent) -> set[str] | None:
    """The gold weapon categories; None (not scored) when the gold names no known weapon."""
    return weapon_categories(gold.weapons) or None


def _overlap(gold: set[str], predicted: set[str]) -> bool:
    return bool(gold & predicted)


FIELD_METRICS: tuple[FieldMetric, ...] = (
    FieldMetric("event_type", lambda g: g.event_type, lambda p: p.event_type, _same_name(fold), type_field=True),
    FieldMetric(
        "sub_event_type", lambda g: g.sub_event_type, lambda p: p.sub_event_type, _same_name(fold), type_field=True
    ),
    FieldMetric("case_code", lambda g: g.case_code, lambda p: case_code(p.sub_event_type), _equal, type_field=True),
    FieldMetric("date_exact", lambda g: g.event_date, lambda p: p.event_date, _equal),
    FieldMetric("date_month", lambda g: _month(g.event_date), lambda p: _month(p.event_date), _equal),
    FieldMetric("country", lambda g: g.country, lambda p: p.country, _same_name(country_key)),
    FieldMetric("admin1", lambda g: g.admin1, lambda p: p.admin1, _same_name(admin1_key)),
    FieldMetric("location", lambda g: g.location, lambda p: p.location, _same_name(place_key)),
    FieldMetric("within_25km", _point, _point, _within(25.0)),
    FieldMetric("within_161km", _point, _point, _within(161.0)),
    FieldMetric("actor1", lambda g: g.actor1, lambda p: p.actor1, actors_match),
    FieldMetric("actor2", lambda g: g.actor2, lambda p: p.actor2, actors_match),
    FieldMetric("fatalities_exact", lambda g: g.fatalities, lambda p: p.fatalities, _equal),
    FieldMetric("fatalities_within1", lambda g: g.fatalities, lambda p: p.fatalities, _within_one),
    FieldMetric("injured_exact", lambda g: g.injured, lambda p: p.injured, _equal),
    FieldMetric("injured_within1", lambda g: g.injured, lambda p: p.injured, _within_one),
    FieldMetric("weapon", _gold_weapons, lambda p: weapon_categories(p.weapons), _overlap),
    FieldMetric("claimed", lambda g: g.claimed, lambda p: p.attribution_status == "claimed", _equal),
)
