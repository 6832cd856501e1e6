"""The linker's thresholds and weights: a typed config whose id (name@version#hash) is stored with every result."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from warlog.extraction.base import short_hash

LINKER_NAME = "linker"
LINKER_VERSION = "1"


class LinkConfig(BaseModel):
    """Weights of the pairwise features and the threshold a pair must reach to be one event."""

    model_config = ConfigDict(frozen=True)

    threshold: float = 4.0
    strong: float = 6.0
    near_margin: float = 1.0
    window_days: int = 3
    same_day: float = 2.0
    adjacent_day: float = -2.0
    period_overlap: float = 0.5
    same_place: float = 2.0
    same_admin1: float = 0.75
    same_country: float = 0.25
    town_km: float = 15.0
    region_km: float = 60.0
    same_subtype: float = 1.0
    generic_subtype: float = 0.25
    shared_actor: float = 0.5
    different_actor: float = -0.5
    shared_target: float = 1.5
    shared_weapon: float = 0.5
    different_weapon: float = -1.0
    same_toll: float = 0.5
    text_similarity: float = 3.0
    vague_conflict: float = -0.5
    weapon_types: dict[str, str] = {
        "drone": "Air/drone strike",
        "airstrike": "Air/drone strike",
        "rocket": "Shelling/artillery/missile attack",
        "missile": "Shelling/artillery/missile attack",
        "ballistic missile": "Shelling/artillery/missile attack",
        "cruise missile": "Shelling/artillery/missile attack",
        "mortar": "Shelling/artillery/missile attack",
        "artillery": "Shelling/artillery/missile attack",
        "IED": "Remote explosive/landmine/IED",
        "VBIED": "Remote explosive/landmine/IED",
        "suicide bomb": "Suicide bomb",
        "grenade": "Grenade",
    }

    @property
    def id(self) -> str:
        """name@version#confighash, like the extraction stages' ids."""
        return f"{LINKER_NAME}@{LINKER_VERSION}#{short_hash(self.model_dump())}"


@lru_cache(maxsize=1)
def default_config() -> LinkConfig:
    """The shipped linker config."""
    return LinkConfig()
