"""Weapon categories for scoring: GTD's weapon types and warlog's weapon words on one coarse scale."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from warlog.text import fold

# category -> words that put a weapon string in it (a drone strike delivers explosives, so it is both).
_CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "drone": ("drone", "uav", "unmanned", "quadcopter"),
    "explosives": (
        "explosive", "explosives", "bomb", "ied", "vbied", "grenade", "mine", "landmine", "shell", "rocket",
        "mortar", "missile", "artillery", "dynamite", "drone", "uav", "quadcopter", "projectile",
    ),
    "firearms": ("firearm", "firearms", "gun", "rifle", "pistol", "bullet", "gunfire", "kalashnikov", "ak 47"),
    "incendiary": ("incendiary", "arson", "fire", "molotov", "petrol bomb"),
    "melee": ("melee", "knife", "machete", "blade", "axe", "sword"),
    "chemical": ("chemical", "chlorine", "sarin", "mustard gas", "nerve agent", "tear gas"),
}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        category: re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words) + r")s?\b")
        for category, words in _CATEGORY_WORDS.items()
    }


def weapon_categories(weapons: Iterable[str]) -> set[str]:
    """The coarse categories of a list of weapon strings ('Explosives', 'armed drone', 'AK-47'...)."""
    folded = [fold(weapon, drop_articles=False) for weapon in weapons]
    return {category for category, pattern in _patterns().items() if any(pattern.search(w) for w in folded)}
