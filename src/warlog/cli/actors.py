"""`warlog actors [QUERY]`: list and search the actor registry (shipped files plus your own), and the aliases that
stored articles taught (`--learned`, or beside the registry with `--db`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from warlog.actors.model import Actor
from warlog.actors.registry import KnowledgeError, Registry, load_registry
from warlog.cli import app
from warlog.cli.options import DbOption, session
from warlog.cli.output import Format, Row, print_csv, print_json, print_table
from warlog.records import LearnedAlias
from warlog.store import LearnedAliasRepository
from warlog.store.records import StoredLearnedAlias
from warlog.text import fold

COLUMNS = [
    "id",
    "name",
    "type",
    "kind",
    "country",
    "sponsors",
    "parents",
    "aliases",
    "learned",
    "wikidata",
    "source",
    "origin",
]
LEARNED_COLUMNS = ["alias", "actor", "actor_id", "name", "pattern", "doc_id", "learned_at", "sentence", "start", "end"]
GENERATED_KINDS = {"state", "military", "police", "civilians", "unidentified"}


@app.command("actors")
def actors(
    query: Annotated[str, typer.Argument(help="Part of a name or alias (case, accents, al- ignored).")] = "",
    country: Annotated[str | None, typer.Option("--country", help="ISO 3166 alpha-2 code, e.g. IQ.")] = None,
    inter: Annotated[int | None, typer.Option("--type", min=1, max=8, help="ACLED actor type 1-8.")] = None,
    extra: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra registry YAML file (repeatable; also $WARLOG_ACTORS).", exists=True),
    ] = None,
    resolve: Annotated[bool, typer.Option("--resolve", help="Resolve QUERY as one name (exact, then fuzzy).")] = False,
    learned: Annotated[
        bool, typer.Option("--learned", help="List the aliases stored articles taught (matching QUERY) instead.")
    ] = False,
    db: DbOption = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
) -> None:
    """List registry actors matching QUERY; generated state actors are shown when a query or --country is given.

    With --db, the aliases stored articles taught count too, each shown as "ALIAS (learned from DOC_ID)".
    """
    if learned:
        with session(db) as opened:
            _print_learned(LearnedAliasRepository(opened).list(query), fmt)
        return
    try:
        registry = load_registry(tuple(extra or ()))
    except KnowledgeError as exc:
        typer.echo(f"warlog actors: {exc}", err=True)
        raise typer.Exit(2) from exc
    taught: list[StoredLearnedAlias] = []
    if db is not None:
        with session(db) as opened:
            taught = LearnedAliasRepository(opened).list()
    if resolve:
        found, names = _resolved(registry, query, taught)
    else:
        found, names = _searched(registry, query, country, inter, taught)
    _print_actors(_rows(registry, found, names, taught), fmt)


def _stands_for(registry: Registry, learned: LearnedAlias) -> Actor | None:
    """The registry actor a learned alias stands for (None: a name the registry does not know)."""
    return registry.get(learned.actor_id) if learned.actor_id else None


def _resolved(registry: Registry, query: str, taught: Sequence[StoredLearnedAlias]) -> tuple[list[Actor], list[str]]:
    """The one actor QUERY names: by the registry (exact, then fuzzy), else by an alias an article taught."""
    if (actor := registry.resolve(query)) is not None:
        return [actor], []
    lesson = next((item.learned for item in taught if fold(item.learned.alias) == fold(query)), None)
    if lesson is None:
        return [], []
    actor = _stands_for(registry, lesson)
    return ([actor], []) if actor else ([], [lesson.name])


def _searched(
    registry: Registry, query: str, country: str | None, inter: int | None, taught: Sequence[StoredLearnedAlias]
) -> tuple[list[Actor], list[str]]:
    """Registry actors matching QUERY, the actors of learned aliases matching it, and (without filters) the names
    learned aliases stand for that the registry does not know."""
    found = registry.search(query, country=country, inter=inter)
    if not query and not country:
        found = [actor for actor in found if actor.kind not in GENERATED_KINDS]
    known, names = {actor.id for actor in found}, {}
    for learned in (item.learned for item in taught if item.learned.matches(query)):
        actor = _stands_for(registry, learned)
        if actor is None:
            if country is None and inter is None:
                names.setdefault(fold(learned.name), learned.name)
        elif actor.id not in known and country in (None, actor.country) and inter in (None, actor.inter):
            found.append(actor)
            known.add(actor.id)
    return found, list(names.values())


def _rows(registry: Registry, found: list[Actor], names: list[str], taught: Sequence[StoredLearnedAlias]) -> list[Row]:
    """One row per actor and per unregistered name, each with the aliases articles taught for it."""
    rows = []
    for actor in found:
        lessons = [item.learned for item in taught if item.learned.actor_id == actor.id]
        rows.append(_actor_row(registry, actor, lessons))
    for name in names:
        lessons = [
            item.learned for item in taught if not item.learned.actor_id and fold(item.learned.name) == fold(name)
        ]
        row: Row = {column: None for column in COLUMNS}
        row.update(name=name, kind="unregistered", sponsors=[], parents=[], aliases=[], origin="learned")
        rows.append({**row, "learned": [learned_label(learned) for learned in lessons]})
    return rows


def learned_label(learned: LearnedAlias) -> str:
    """How a learned alias is shown: 'KH (learned from doc-7)'."""
    return f"{learned.alias} (learned from {learned.doc_id})"


def _actor_row(registry: Registry, actor: Actor, lessons: Sequence[LearnedAlias]) -> Row:
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.inter,
        "kind": actor.kind,
        "country": actor.country,
        "sponsors": [s.name for s in registry.sponsors_of(actor.id)],
        "parents": [p.name for p in registry.parents(actor.id)],
        "aliases": list(actor.aliases),
        "learned": [learned_label(learned) for learned in lessons],
        "wikidata": actor.wikidata,
        "source": actor.source,
        "origin": actor.origin,
    }


def _print_actors(rows: list[Row], fmt: Format) -> None:
    if fmt is Format.json:
        print_json(rows)
    elif fmt is Format.csv:
        print_csv(rows, COLUMNS)
    else:
        shown = [{**row, "aliases": row["aliases"][:6]} for row in rows]
        columns = ["id", "name", "type", "country", "sponsors", "parents", "aliases"]
        print_table(shown, [*columns, "learned"] if any(row["learned"] for row in rows) else columns, "actors")
    if not rows:
        raise typer.Exit(1)


def _print_learned(taught: list[StoredLearnedAlias], fmt: Format) -> None:
    rows = [
        {
            **item.learned.model_dump(include={"alias", "actor", "actor_id", "name", "pattern", "doc_id"}),
            "learned_at": item.learned_at.isoformat(timespec="seconds"),
            "sentence": item.learned.evidence.sentence,
            "start": item.learned.evidence.start,
            "end": item.learned.evidence.end,
        }
        for item in taught
    ]
    if fmt is Format.json:
        print_json(rows)
    elif fmt is Format.csv:
        print_csv(rows, LEARNED_COLUMNS)
    else:
        shown = [{**row, "learned from": row["doc_id"]} for row in rows]
        print_table(shown, ["alias", "actor", "name", "pattern", "learned from", "learned_at"], "learned aliases")
    if not rows:
        raise typer.Exit(1)
