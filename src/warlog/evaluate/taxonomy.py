"""Map warlog's ACLED sub-event types onto CASE 2021 codes, through the shipped taxonomy."""

from __future__ import annotations

from functools import lru_cache

from warlog.extraction.taxonomy import taxonomy
from warlog.text import fold


@lru_cache(maxsize=1)
def _case_code_index() -> dict[str, str]:
    """Folded sub-event type name (and folded CASE code) -> CASE code."""
    index: dict[str, str] = {}
    for sub_type in taxonomy().values():
        index.setdefault(fold(sub_type.name), sub_type.case_code)
        index[fold(sub_type.case_code)] = sub_type.case_code
    return index


def case_code(sub_event_type: str | None) -> str | None:
    """The CASE code of a sub-event type name (a CASE code is accepted as is); None when unmapped."""
    if sub_event_type is None:
        return None
    return _case_code_index().get(fold(sub_event_type))
