"""`warlog serve`: the HTTP query API and the web dashboard over a database, on one port."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from warlog.cli import app
from warlog.cli.options import DbOption, database, stderr
from warlog.web.settings import DEFAULT_MAX_BODY, SettingsError, WebSettings, read_token

EXIT_SETTINGS = 2


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option(
            help="File holding the API token (else $WARLOG_API_TOKEN_FILE or $WARLOG_API_TOKEN).", exists=True
        ),
    ] = None,
    protect_reads: Annotated[bool, typer.Option(help="Reads need the token too.")] = False,
    actors_file: Annotated[
        Path | None, typer.Option(help="The user registry YAML file that PUT /api/actors/{id} edits.")
    ] = None,
    max_body: Annotated[int, typer.Option(help="Largest request body accepted, in bytes.", min=1)] = DEFAULT_MAX_BODY,
    workers: Annotated[
        int, typer.Option(help="Server processes sharing the port (to use more than one core).", min=1)
    ] = 1,
) -> None:
    """Serve the query API (/api, spec at /api/openapi.json) and the dashboard (/) until interrupted."""
    import uvicorn

    from warlog.store.db import resolve_url
    from warlog.web import create_app
    from warlog.web.worker import CONFIG_ENV, worker_config

    try:
        token = read_token(token_file)
    except SettingsError as exc:
        stderr.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_SETTINGS) from exc
    if protect_reads and token is None:
        stderr.print("error: --protect-reads needs an API token", markup=False, highlight=False)
        raise typer.Exit(EXIT_SETTINGS)
    url = resolve_url(db)
    settings = WebSettings(token=token, protect_reads=protect_reads, max_body_bytes=max_body, actors_file=actors_file)
    if workers > 1 and not url.startswith("sqlite"):
        # Only SQLite tells one worker that another committed: elsewhere the totals are counted every time.
        settings = replace(settings, total_seconds=0)
    store = database(db)
    writes = "writes need the token" if token else "no token configured: writes are refused"
    stderr.print(f"warlog serve: http://{host}:{port}/ ({writes})", markup=False, highlight=False)
    try:
        if workers == 1:
            uvicorn.run(create_app(store, settings), host=host, port=port, log_level="info")
            return
        os.environ[CONFIG_ENV] = worker_config(url, settings, token_file)
        uvicorn.run("warlog.web.worker:app", factory=True, workers=workers, host=host, port=port, log_level="info")
    finally:
        store.close()
