"""`warlog actors [QUERY]`: list and search the actor registry (shipped files plus your own)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warlog.cli import app
from warlog.cli.output import Format, print_csv, print_json, print_table

COLUMNS = ["id", "name", "type", "kind", "country", "sponsors", "parents", "aliases", "wikidata", "source", "origin"]
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
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
) -> None:
    """List registry actors matching QUERY; generated state actors are shown when a query or --country is given."""
    from warlog.actors.registry import KnowledgeError, load_registry

    try:
        registry = load_registry(tuple(extra or ()))
    except KnowledgeError as exc:
        typer.echo(f"warlog actors: {exc}", err=True)
        raise typer.Exit(2) from exc
    if resolve:
        found = [actor] if (actor := registry.resolve(query)) is not None else []
    else:
        found = registry.search(query, country=country, inter=inter)
        if not query and not country:
            found = [actor for actor in found if actor.kind not in GENERATED_KINDS]
    rows = [
        {
            "id": actor.id,
            "name": actor.name,
            "type": actor.inter,
            "kind": actor.kind,
            "country": actor.country,
            "sponsors": [s.name for s in registry.sponsors_of(actor.id)],
            "parents": [p.name for p in registry.parents(actor.id)],
            "aliases": list(actor.aliases),
            "wikidata": actor.wikidata,
            "source": actor.source,
            "origin": actor.origin,
        }
        for actor in found
    ]
    if fmt is Format.json:
        print_json(rows)
    elif fmt is Format.csv:
        print_csv(rows, COLUMNS)
    else:
        print_table(
            [
                {
                    **row,
                    "aliases": ", ".join(row["aliases"][:6]),
                    "sponsors": ", ".join(row["sponsors"]),
                    "parents": ", ".join(row["parents"]),
                }
                for row in rows
            ],
            ["id", "name", "type", "country", "sponsors", "parents", "aliases"],
            "actors",
        )
    if not rows:
        raise typer.Exit(1)
