"""The typed place record the gazetteer returns."""

from __future__ import annotations

from dataclasses import dataclass

# Feature types, most specific first: what `geo_precision` and ranking read.
POINT_FEATURES = frozenset({"city", "base", "airport", "crossing", "facility", "district", "camp", "oilfield"})
AREA_FEATURES = frozenset({"region", "admin1", "sea", "country"})


@dataclass(frozen=True)
class Place:
    """One gazetteer entry: a GeoNames town, a curated place, a first-order division or a country."""

    id: str
    name: str
    feature: str
    country: str | None
    admin1: str | None
    latitude: float
    longitude: float
    population: int = 0

    @property
    def is_point(self) -> bool:
        """A town-sized place (geo_precision 1), as opposed to a division, sea or country."""
        return self.feature in POINT_FEATURES

    def contains(self, other: Place) -> bool:
        """`other` lies in this country or division and is more specific than it."""
        if self.feature == "country":
            return other.country == self.country and other.feature != "country"
        if self.feature == "admin1":
            return other.country == self.country and other.admin1 == self.admin1 and other.feature not in AREA_FEATURES
        return False
