"""The `warlog` command line: a thin layer over the library. Each command lives in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="warlog",
    help="Turn news reporting on political violence into a geocoded, attributed event database.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """warlog: news reporting on political violence in, a geocoded, attributed event database out."""


def main() -> None:
    """Entry point of the `warlog` console script."""
    from warlog.cli import commands  # noqa: F401  (registers every command on `app`)

    app()
