"""Weapon categories for scoring: GTD weapon types, the one scale GTD gold and warlog's weapon names share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from warlog.extraction.weapons import weapon_entries
from warlog.text import fold


@lru_cache(maxsize=1)
def _category_index() -> tuple[re.Pattern[str], dict[str, str]]:
    """A whole-word regex over every weapon name, pattern and GTD type, and the GTD type (folded) of each."""
    index: dict[str, str] = {}
    for entry in weapon_entries().values():
        category = fold(entry.gtd_type)
        index[category] = category
        for name in (entry.name, *entry.patterns):
            index.setdefault(fold(name), category)
    alternatives = "|".join(re.escape(key) for key in sorted(index, key=len, reverse=True))
    return re.compile(rf"\b({alternatives})s?\b"), index


def weapon_categories(weapons: Iterable[str]) -> set[str]:
    """The GTD weapon types of weapon strings: 'Explosives', 'drone' and 'car bomb' are all explosives."""
    pattern, index = _category_index()
    categories = set()
    for weapon in weapons:
        match = pattern.search(fold(weapon))
        if match:
            categories.add(index[match.group(1)])
    return categories
