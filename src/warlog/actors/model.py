"""Typed records of the actor registry (what an article teaches is `warlog.records.LearnedAlias`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RelationKind = Literal["sponsored_by", "part_of", "front_for", "member_of"]
ActorKind = Literal["group", "state", "military", "police", "civilians", "unidentified", "person"]
ActorRole = Literal["perpetrator", "target"]

INTER_NAMES = {
    1: "State Forces",
    2: "Rebel Groups",
    3: "Political Militias",
    4: "Identity Militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other Forces",
}


class Relation(BaseModel):
    """A dated link from one actor to another (sponsor, umbrella, front, membership)."""

    model_config = ConfigDict(frozen=True)

    kind: RelationKind
    actor: str = Field(description="The id of the actor pointed to.")
    since: int | None = Field(default=None, description="First year the relation held, if known.")
    until: int | None = Field(default=None, description="Last year the relation held, if it ended.")


class Actor(BaseModel):
    """One registry entry: a group, a state organ, a generic actor or a person."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str = Field(description="Canonical name, written as warlog outputs it (ACLED style).")
    aliases: tuple[str, ...] = ()
    shared: tuple[str, ...] = Field(default=(), description="Aliases other actors may also hold.")
    kind: ActorKind = "group"
    inter: int | None = Field(default=None, description="ACLED actor category 1-8.")
    country: str | None = Field(default=None, description="ISO 3166 alpha-2 code.")
    wikidata: str | None = None
    generic: bool = Field(default=False, description="A description, not a named group.")
    source: str
    relations: tuple[Relation, ...] = ()
    origin: str = Field(default="", description="The registry file the entry came from.")

    @property
    def all_names(self) -> tuple[str, ...]:
        """The canonical name, every alias and every shared alias."""
        return (self.name, *self.aliases, *self.shared)

    def related(self, kind: RelationKind) -> tuple[Relation, ...]:
        """The relations of one kind."""
        return tuple(rel for rel in self.relations if rel.kind == kind)
