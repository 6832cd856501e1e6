"""Search and resolve the actor registry (the shipped files, your own files and $WARLOG_ACTORS)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from warlog.actors.registry import load_registry
from warlog.api.records import ActorRecord

GENERATED_KINDS = frozenset({"state", "military", "police", "civilians", "unidentified"})


def find_actors(
    query: str = "",
    *,
    country: str | None = None,
    type: int | None = None,
    resolve: bool = False,
    extra: Sequence[str | os.PathLike[str]] = (),
) -> list[ActorRecord]:
    """Registry actors whose names contain `query`, of one `country` (ISO alpha-2) and ACLED `type` if given.

    With `resolve`, `query` is resolved as one name (exact, then fuzzy): at most one actor. The actors generated
    for every state (its military, police, civilians...) are listed only when a query or a country is given.
    `extra` names more registry YAML files; a bad file raises `warlog.knowledge.KnowledgeError`.
    """
    registry = load_registry(tuple(os.fspath(path) for path in extra))
    if resolve:
        found = [actor] if (actor := registry.resolve(query)) is not None else []
    else:
        found = registry.search(query, country=country, inter=type)
        if not query and not country:
            found = [actor for actor in found if actor.kind not in GENERATED_KINDS]
    return [ActorRecord.from_registry(actor, registry) for actor in found]
