"""Aliases articles teach are stored by `warlog ingest` and shown by `warlog actors` as learned, with the article
that taught them (SQLite and PostgreSQL, real pipeline)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import warlog
from warlog.cli import app, commands  # noqa: F401  (registers the commands)

runner = CliRunner()
STORY = (
    "Two drones struck a logistics base near Erbil on Monday, officials said. The Tigris Hawks Brigade (THB), a "
    "militia aligned with Kata'ib Hezbollah (KH), claimed the attack in a statement. Its commander Abu Zaid (also "
    "known as Karim al-Nouri) said more strikes would follow."
)


@pytest.fixture
def db(db_url, tmp_path) -> str:
    """A database holding the invented story, ingested twice (the second time adds nothing)."""
    path = tmp_path / "hawks-story.txt"
    path.write_text(STORY, encoding="utf-8")
    for expected in ("3 aliases learned", "0 aliases learned"):
        result = runner.invoke(app, ["ingest", str(path), "--published", "2024-03-05", "--db", db_url])
        assert result.exit_code == 0, result.output
        assert expected in result.output
    return db_url


def actors(*args: str):
    return runner.invoke(app, ["actors", *args])


def test_learned_lists_each_alias_with_the_article_that_taught_it(db: str) -> None:
    result = actors("--learned", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["alias"], r["name"], r["actor_id"], r["pattern"]) for r in rows] == [
        ("THB", "Tigris Hawks Brigade", None, "abbreviation"),
        ("KH", "Kata'ib Hezbollah", "kataib-hezbollah", "abbreviation"),
        ("Karim al-Nouri", "Abu Zaid", None, "aka"),
    ]
    assert {r["doc_id"] for r in rows} == {"hawks-story.txt"}
    assert all(STORY[r["start"] : r["end"]] == r["sentence"] for r in rows)


def test_learned_search_and_csv(db: str) -> None:
    result = actors("--learned", "hawks", "--db", db, "--format", "csv")
    [row] = list(csv.DictReader(io.StringIO(result.output)))
    assert (row["alias"], row["doc_id"]) == ("THB", "hawks-story.txt")
    assert actors("--learned", "nobody at all", "--db", db).exit_code == 1


def test_search_marks_a_registry_actors_learned_alias(db: str) -> None:
    rows = json.loads(actors("hezbollah", "--country", "IQ", "--db", db, "--format", "json").output)
    kh = next(row for row in rows if row["id"] == "kataib-hezbollah")
    assert kh["learned"] == ["KH (learned from hawks-story.txt)"]
    assert kh["sponsors"] == ["Iran"]


def test_resolve_finds_a_name_only_an_article_taught(db: str) -> None:
    result = actors("THB", "--resolve", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Tigris Hawks Brigade" in result.output and "learned from hawks-story.txt" in result.output
    [row] = json.loads(actors("Karim al-Nouri", "--resolve", "--db", db, "--format", "json").output)
    assert (row["id"], row["name"], row["kind"]) == (None, "Abu Zaid", "unregistered")
    assert row["learned"] == ["Karim al-Nouri (learned from hawks-story.txt)"]


def test_without_a_database_the_registry_alone_answers(db: str) -> None:
    assert actors("THB", "--resolve").exit_code == 1
    rows = json.loads(actors("hezbollah", "--country", "IQ", "--format", "json").output)
    assert all(row["learned"] == [] for row in rows)


def test_learned_on_a_missing_database_is_a_clear_error(tmp_path) -> None:
    result = actors("--learned", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 3
    assert "no such file" in result.output


def test_the_python_api_gives_the_same_actors_and_aliases_as_the_cli(db: str) -> None:
    with warlog.open(db) as handle:
        taught = handle.learned_aliases()
        assert [record.alias for record in handle.learned_aliases("hawks")] == ["THB"]
        found = handle.actors("hezbollah", country="IQ")
        [unregistered] = handle.actors("Karim al-Nouri", resolve=True)
    assert [record.model_dump(mode="json") for record in taught] == json.loads(
        actors("--learned", "--db", db, "--format", "json").output
    )
    assert [record.model_dump(mode="json") for record in found] == json.loads(
        actors("hezbollah", "--country", "IQ", "--db", db, "--format", "json").output
    )
    kh = next(record for record in found if record.id == "kataib-hezbollah")
    assert kh.learned == ["KH (learned from hawks-story.txt)"]
    assert (unregistered.id, unregistered.kind, unregistered.origin) == (None, "unregistered", "learned")
