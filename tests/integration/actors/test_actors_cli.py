"""`warlog actors`: search, filters, resolution, user files, and a clear error for a bad registry file."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from warlog.cli import (
    app,
    commands,  # noqa: F401  (registers the commands)
)

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["actors", *args])


def test_search_as_json():
    result = run("hezbollah", "--country", "IQ", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    kh = next(row for row in rows if row["id"] == "kataib-hezbollah")
    assert kh["sponsors"] == ["Iran"]
    assert "KH" in kh["aliases"]
    assert all(row["country"] == "IQ" for row in rows)


def test_type_filter_and_generated_state_forces():
    rows = json.loads(run("--country", "IQ", "--type", "1", "--format", "json").output)
    assert "Military Forces of Iraq" in [row["name"] for row in rows]
    assert all(row["type"] == 1 for row in rows)


def test_resolve_one_name():
    rows = json.loads(run("Ansarallah", "--resolve", "--format", "json").output)
    assert [row["id"] for row in rows] == ["houthis"]


def test_nothing_found_exits_1():
    assert run("no such armed group anywhere", "--resolve").exit_code == 1


def test_user_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "version: 1\nsources:\n  - {id: notes, title: My notes}\n"
        "actors:\n  - {id: river-wolves, name: River Wolves, type: 3, country: NG, source: notes, aliases: [RW Brigade]}\n",
        encoding="utf-8",
    )
    rows = json.loads(run("RW Brigade", "--resolve", "--actors", str(path), "--format", "json").output)
    assert rows[0]["name"] == "River Wolves"


def test_bad_user_file_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("version: 1\nsources: []\nactors:\n  - {id: x, name: Nameless}\n", encoding="utf-8")
    result = run("--actors", str(path))
    assert result.exit_code == 2
    assert "no source" in result.output
