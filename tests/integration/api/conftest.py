"""Invented articles for the Python API tests: two outlets on one drone attack, and a protest."""

from __future__ import annotations

import pytest

DRONE_WIRE = {
    "id": "wire-drones",
    "text": (
        "Two drones struck a military base near Erbil on Tuesday, wounding three soldiers, officials said. "
        "Kataib Hezbollah claimed responsibility for the attack."
    ),
    "title": "Drones hit base near Erbil",
    "published": "2024-05-02",
    "source": "Northern Wire",
}
DRONE_DAILY = {
    "id": "daily-drones",
    "text": (
        "A drone attack on a military base near Erbil on Tuesday wounded three soldiers, the regional "
        "government said. Kataib Hezbollah said it launched the drones."
    ),
    "published": "2024-05-02",
    "source": "Tigris Daily",
}
PROTEST = {
    "id": "baghdad-protest",
    "text": "Hundreds of students protested peacefully in Baghdad on Sunday against rising fuel prices.",
    "published": "2023-11-20",
    "source": "Tigris Daily",
}


@pytest.fixture
def documents() -> list[dict[str, str]]:
    """The three invented articles, as dicts with JSONL fields."""
    return [DRONE_WIRE, DRONE_DAILY, PROTEST]
