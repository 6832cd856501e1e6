"""`warlog gazetteer build|clear|where`: manage the offline place index in the user cache."""

from __future__ import annotations

import time

import typer

from warlog.cli import app

gazetteer_app = typer.Typer(
    help="Build or clear the offline gazetteer index (GeoNames + curated places).", no_args_is_help=True
)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def build(force: bool = typer.Option(False, "--force", help="Rebuild even if an up-to-date index exists.")) -> None:
    """Build the index for the installed data (once; later runs reuse it)."""
    from warlog.geo.build import build_index, index_path

    path = index_path()
    if path.exists() and not force:
        typer.echo(f"up to date: {path}")
        return
    started = time.perf_counter()
    build_index(path)
    typer.echo(f"built {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")


@gazetteer_app.command("clear")
def clear() -> None:
    """Delete every gazetteer index in the cache directory."""
    from warlog.geo.build import cache_dir

    removed = [path for path in sorted(cache_dir().glob("gazetteer-*")) if path.is_file()]
    for path in removed:
        path.unlink()
    typer.echo(f"removed {len(removed)} file(s) from {cache_dir()}")


@gazetteer_app.command("where")
def where() -> None:
    """Print the path of the index for the installed data."""
    from warlog.geo.build import index_path

    typer.echo(index_path())
