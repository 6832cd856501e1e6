"""The app of each `warlog serve --workers N` process: uvicorn imports this module in every worker and calls
`app()`, which opens the database and reads the settings that `warlog serve` left in the environment (never
the token itself: the worker reads it from the same file or variable)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, replace
from pathlib import Path

from fastapi import FastAPI

from warlog.store import open_database
from warlog.web.app import create_app
from warlog.web.settings import WebSettings, read_token

CONFIG_ENV = "WARLOG_SERVE_CONFIG"


def worker_config(url: str, settings: WebSettings, token_file: Path | None) -> str:
    """What a worker needs to build the same app, as JSON for `CONFIG_ENV` (the token left out)."""
    fields = asdict(replace(settings, token=None))
    fields["actors_file"] = str(settings.actors_file) if settings.actors_file else None
    return json.dumps({"url": url, "token_file": str(token_file) if token_file else None, "settings": fields})


def app() -> FastAPI:
    """The app over the database and settings in `CONFIG_ENV` (the database closes with the process)."""
    config = json.loads(os.environ[CONFIG_ENV])
    fields = config["settings"]
    token = read_token(Path(config["token_file"]) if config["token_file"] else None)
    actors_file = Path(fields["actors_file"]) if fields["actors_file"] else None
    settings = WebSettings(**{**fields, "token": token, "actors_file": actors_file})
    return create_app(open_database(config["url"]), settings)
