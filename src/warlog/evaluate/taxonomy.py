"""Map warlog's ACLED sub-event types onto CASE 2021 codes, through the shipped taxonomy data file."""

from __future__ import annotations

from functools import lru_cache

from warlog.knowledge import load_data
from warlog.text import fold


@lru_cache(maxsize=1)
def _case_code_index() -> dict[str, str]:
    """Folded sub-event type name (and folded CASE code) -> CASE code, from taxonomy.yaml."""
    index: dict[str, str] = {}
    for event_type in load_data("taxonomy.yaml")["event_types"]:
        for sub_type in event_type.get("sub_event_types", []):
            code = sub_type.get("case_code")
            if code:
                index.setdefault(fold(sub_type["name"]), code)
                index[fold(code)] = code
    return index


def case_code(sub_event_type: str | None) -> str | None:
    """The CASE code of a sub-event type name (a CASE code is accepted as is); None when unmapped."""
    if sub_event_type is None:
        return None
    return _case_code_index().get(fold(sub_event_type))
