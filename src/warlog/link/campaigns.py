"""Campaigns: canonical events by the same perpetrator against the same target form a series (PLOVER's `link`)."""

from __future__ import annotations

from warlog.extraction.base import short_hash
from warlog.records import Event
from warlog.text import fold


def campaign_key(event: Event) -> str | None:
    """'perpetrator|target' (folded; the location stands in for a missing target), or None if either is unknown."""
    aim = event.target or event.location
    if not event.actor1 or not aim:
        return None
    return f"{fold(event.actor1)}|{fold(aim)}"


def campaign_uid(key: str) -> str:
    """A campaign's stable id, from its key."""
    return f"camp-{short_hash(key)}"


def campaign_label(event: Event) -> str:
    """What users see: 'Kata'ib Hezbollah against Ain al-Asad air base'."""
    return f"{event.actor1} against {event.target or event.location}"
