"""`/api/actors`: the registry (shipped plus the operator's user file) with relations, sponsor chains and
umbrellas; `PUT /api/actors/{id}` (a write) adds or replaces an entry in the user registry file."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request

from warlog.actors.model import Actor
from warlog.actors.registry import Registry, RegistryError
from warlog.api.actors import search_registry
from warlog.store.events import EventRepository
from warlog.store.records import ReportFilter
from warlog.web.auth import ReadAccess, WriteAccess
from warlog.web.deps import CurrentRegistry, DbSession
from warlog.web.params import Offset, PageSize, Text
from warlog.web.schemas import ActorDetail, ActorIn, ActorInfo, ActorPage, RelationInfo

router = APIRouter(prefix="/api/actors", tags=["actors"])
ActorId = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9_.-]{0,99}$", description="A registry id.")]


def actor_info(actor: Actor, registry: Registry) -> ActorInfo:
    """The API view of a registry actor."""
    return ActorInfo(
        id=actor.id,
        name=actor.name,
        kind=actor.kind,
        inter=actor.inter,
        country=actor.country,
        aliases=list(actor.aliases),
        wikidata=actor.wikidata,
        source=actor.source,
        origin=actor.origin,
        relations=[
            RelationInfo(kind=r.kind, actor=r.actor, name=registry.actors[r.actor].name, since=r.since, until=r.until)
            for r in actor.relations
        ],
        sponsors=[s.name for s in registry.sponsors_of(actor.id)],
        parents=[p.name for p in registry.parents(actor.id)],
    )


@router.get("", response_model=ActorPage, dependencies=[ReadAccess])
def list_actors(
    registry: CurrentRegistry,
    q: Text = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2 code.")] = None,
    type: Annotated[int | None, Query(ge=1, le=8, description="ACLED actor type 1-8.")] = None,
    offset: Offset = 0,
    limit: PageSize = 50,
):
    """Registry actors whose names contain `q`, by id; state actors generated per country only with q or country."""
    found = sorted(search_registry(registry, q or "", country, type), key=lambda actor: actor.id)
    items = [actor_info(actor, registry) for actor in found[offset : offset + limit]]
    return ActorPage(total=len(found), offset=offset, limit=limit, items=items)


@router.get("/{actor_id}", response_model=ActorDetail, dependencies=[ReadAccess])
def actor_detail(actor_id: ActorId, registry: CurrentRegistry, session: DbSession):
    """One actor with its relations and how many stored events name it."""
    actor = registry.get(actor_id)
    if actor is None:
        raise HTTPException(status_code=404, detail=f"no actor {actor_id}")
    events = EventRepository(session).matching(ReportFilter(actor=actor.name))
    return ActorDetail(**actor_info(actor, registry).model_dump(), events=events)


@router.put("/{actor_id}", response_model=ActorInfo, dependencies=[WriteAccess])
def save_actor(actor_id: ActorId, body: ActorIn, request: Request):
    """Add or replace an actor in the operator's user registry file (checked against the whole registry)."""
    fields = body.model_dump(exclude_none=True)
    entry = {"id": actor_id, **{key: value for key, value in fields.items() if value != []}}
    try:
        registry = request.app.state.registry.save(entry)
    except RegistryError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return actor_info(registry.actors[actor_id], registry)
