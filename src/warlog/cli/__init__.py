"""The `warlog` command line: a thin layer over the library. Each command lives in its own module."""

from __future__ import annotations

import gc
import importlib
import sys

import typer

# Allocations between two collections of the youngest generation. Start-up builds millions of objects that live as
# long as the command (spaCy's model, the cached names and registry, pydantic's schemas); at Python's default of 700
# the collector runs hundreds of times over them, full collections of the whole heap included, finding almost no
# garbage (about 0.5 s of a one-article `warlog extract`).
YOUNG_COLLECTION_THRESHOLD = 50_000

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
    """Entry point of the `warlog` console script.

    Each command lives in the module of its name (`warlog ingest` in `warlog.cli.ingest`), so only the invoked
    command's module is imported: start-up does not pay for every command's libraries. Help, and a name that is
    no module, import every command. The cycle collector runs less often (`YOUNG_COLLECTION_THRESHOLD`), and not at
    all over what is left when the command ends."""
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    if command is None or not _import_command(command):
        from warlog.cli import commands  # noqa: F401  (registers every command on `app`)
    try:
        app()
    finally:
        _spare_shutdown_collections()


def _spare_shutdown_collections() -> None:
    """Move every object to the cycle collector's permanent generation as the command ends.

    The process is about to exit: its output is written and closed, and the interpreter's shutdown would otherwise
    run full collections over every object the models left (about a second after `warlog extract`, for nothing).
    """
    gc.freeze()


def _import_command(name: str) -> bool:
    """Import the module of command `name`, registering it on `app`; False if there is no such module."""
    if not name.isidentifier():
        return False
    module = f"warlog.cli.{name}"
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return False
        raise
    return True
