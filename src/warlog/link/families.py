"""Coarse families of ACLED sub-event types, and which types are generic enough to match a specific one."""

from __future__ import annotations

REMOTE_VIOLENCE = frozenset({
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
})
GENERIC = frozenset({"Attack", "Armed clash", "Disrupted weapons use", "Looting/property destruction", "Other"})
VIOLENCE = REMOTE_VIOLENCE | GENERIC | {
    "Abduction/forced disappearance",
    "Government regains territory",
    "Non-state actor overtakes territory",
}
PROTEST = frozenset({
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
})


def family(sub_event_type: str) -> str:
    """`violence` for attacks of any kind, `protest` for demonstrations and riots, else the sub-type itself."""
    if sub_event_type in VIOLENCE:
        return "violence"
    if sub_event_type in PROTEST:
        return "protest"
    return sub_event_type
