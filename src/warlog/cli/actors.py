"""`warlog actors [QUERY]`: list and search the actor registry (shipped files plus your own), and the aliases that
stored articles taught (`--learned`, or beside the registry with `--db`). A thin layer over `warlog.api.actors`
and `EventDatabase.actors` / `learned_aliases`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warlog.actors.registry import KnowledgeError
from warlog.api.actors import find_actors
from warlog.api.records import ActorRecord, LearnedAliasRecord
from warlog.cli import app
from warlog.cli.options import DbOption, opened
from warlog.cli.output import Format, Row, print_csv, print_json, print_table

COLUMNS = list(ActorRecord.model_fields)
LEARNED_COLUMNS = list(LearnedAliasRecord.model_fields)


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
        with opened(db) as handle:
            _print_learned(handle.learned_aliases(query), fmt)
        return
    try:
        if db is None:
            found = find_actors(query, country=country, type=inter, resolve=resolve, extra=extra or ())
        else:
            with opened(db) as handle:
                found = handle.actors(query, country=country, type=inter, resolve=resolve, extra=extra or ())
    except KnowledgeError as exc:
        typer.echo(f"warlog actors: {exc}", err=True)
        raise typer.Exit(2) from exc
    _print_actors([record.model_dump(mode="json") for record in found], fmt)


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


def _print_learned(taught: list[LearnedAliasRecord], fmt: Format) -> None:
    rows = [record.model_dump(mode="json") for record in taught]
    if fmt is Format.json:
        print_json(rows)
    elif fmt is Format.csv:
        print_csv(rows, LEARNED_COLUMNS)
    else:
        shown = [{**row, "learned from": row["doc_id"]} for row in rows]
        print_table(shown, ["alias", "actor", "name", "pattern", "learned from", "learned_at"], "learned aliases")
    if not rows:
        raise typer.Exit(1)
