"""The event taxonomy (`data/taxonomy.yaml`): ACLED event and sub-event types, plus non-ACLED types.

Each sub-event type knows its event type, PLOVER event and mode, and CASE 2021 code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from warlog.knowledge import KnowledgeError, load_data

TAXONOMY_FILE = "taxonomy.yaml"


@dataclass(frozen=True)
class SubEventType:
    """One sub-event type and the codes it maps to."""

    name: str
    event_type: str
    plover_event: str
    plover_mode: str
    case_code: str
    acled: bool
    source: str
    mode_groups: tuple[tuple[str, str], ...] = ()

    def mode_for(self, groups: set[str]) -> str:
        """The PLOVER mode, made precise by the first of `mode_groups` present in `groups`."""
        return next((mode for group, mode in self.mode_groups if group in groups), self.plover_mode)


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, SubEventType]:
    """Every sub-event type by its exact name, parsed once from the data file."""
    types: dict[str, SubEventType] = {}
    for event_type in load_data(TAXONOMY_FILE)["event_types"]:
        for sub in event_type["sub_event_types"]:
            if sub["name"] in types:
                raise KnowledgeError(f"{TAXONOMY_FILE}: sub-event type {sub['name']!r} is listed twice")
            types[sub["name"]] = SubEventType(
                name=sub["name"],
                event_type=event_type["name"],
                plover_event=sub["plover_event"],
                plover_mode=sub["plover_mode"],
                case_code=sub["case_code"],
                acled=event_type.get("acled", True),
                source=sub["source"],
                mode_groups=tuple((sub.get("mode_groups") or {}).items()),
            )
    return types


def sub_event_type(name: str) -> SubEventType:
    """The sub-event type called `name`; a `KnowledgeError` names unknown ones."""
    try:
        return taxonomy()[name]
    except KeyError as exc:
        raise KnowledgeError(f"unknown sub-event type {name!r} (not in {TAXONOMY_FILE})") from exc
