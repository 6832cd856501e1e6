"""Search and resolve the actor registry (the shipped files, your own files and $WARLOG_ACTORS), together with
the aliases stored articles taught."""

from __future__ import annotations

import os
from collections.abc import Sequence

from warlog.actors.model import Actor
from warlog.actors.registry import Registry, load_registry
from warlog.api.records import ActorRecord
from warlog.records import LearnedAlias
from warlog.text import fold

GENERATED_KINDS = frozenset({"state", "military", "police", "civilians", "unidentified"})


def find_actors(
    query: str = "",
    *,
    country: str | None = None,
    type: int | None = None,
    resolve: bool = False,
    extra: Sequence[str | os.PathLike[str]] = (),
    learned: Sequence[LearnedAlias] = (),
) -> list[ActorRecord]:
    """Registry actors whose names contain `query`, of one `country` (ISO alpha-2) and ACLED `type` if given.

    With `resolve`, `query` is resolved as one name (exact, then fuzzy, then by a `learned` alias): at most one
    actor. The actors generated for every state (its military, police, civilians...) are listed only when a query
    or a country is given. `learned` aliases count as names of their actors and are listed with them; a name
    only they know is listed as an unregistered actor. `extra` names more registry YAML files; a bad file raises
    `warlog.knowledge.KnowledgeError`.
    """
    registry = load_registry(tuple(os.fspath(path) for path in extra))
    if resolve:
        found, names = _resolved(registry, query, learned)
    else:
        found, names = _searched(registry, query, country, type, learned)
    return [
        *(
            ActorRecord.from_registry(actor, registry, [alias for alias in learned if alias.actor_id == actor.id])
            for actor in found
        ),
        *(
            ActorRecord.unregistered(name, [a for a in learned if not a.actor_id and fold(a.name) == fold(name)])
            for name in names
        ),
    ]


def search_registry(registry: Registry, query: str, country: str | None, inter: int | None) -> list[Actor]:
    """Registry actors whose names contain `query`, of `country` and ACLED type `inter` if given; the actors
    generated for every state only when a query or a country is given."""
    found = registry.search(query, country=country, inter=inter)
    if not query and not country:
        found = [actor for actor in found if actor.kind not in GENERATED_KINDS]
    return found


def _stands_for(registry: Registry, learned: LearnedAlias) -> Actor | None:
    """The registry actor a learned alias stands for (None: a name the registry does not know)."""
    return registry.get(learned.actor_id) if learned.actor_id else None


def _resolved(registry: Registry, query: str, learned: Sequence[LearnedAlias]) -> tuple[list[Actor], list[str]]:
    """The one actor `query` names: by the registry (exact, then fuzzy), else by an alias an article taught."""
    if (actor := registry.resolve(query)) is not None:
        return [actor], []
    lesson = next((alias for alias in learned if fold(alias.alias) == fold(query)), None)
    if lesson is None:
        return [], []
    actor = _stands_for(registry, lesson)
    return ([actor], []) if actor else ([], [lesson.name])


def _searched(
    registry: Registry, query: str, country: str | None, inter: int | None, learned: Sequence[LearnedAlias]
) -> tuple[list[Actor], list[str]]:
    """Registry actors matching `query`, the actors of learned aliases matching it, and (without filters) the
    names learned aliases stand for that the registry does not know."""
    found = search_registry(registry, query, country, inter)
    known, names = {actor.id for actor in found}, {}
    for lesson in (alias for alias in learned if alias.matches(query)):
        actor = _stands_for(registry, lesson)
        if actor is None:
            if country is None and inter is None:
                names.setdefault(fold(lesson.name), lesson.name)
        elif actor.id not in known and country in (None, actor.country) and inter in (None, actor.inter):
            found.append(actor)
            known.add(actor.id)
    return found, list(names.values())
