"""`warlog ingest`, `articles` and `events` against SQLite and PostgreSQL, and their bad-input behaviour."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warlog.cli import app, commands  # noqa: F401  (registers the commands)
from warlog.export import ACLED_COLUMNS
from warlog.records import Article, ArticleExtraction, Event, Evidence
from warlog.service import IngestService
from warlog.store import open_database

runner = CliRunner()
BODY = (
    "Three rockets landed inside a base hosting foreign troops on Friday night, a security source said, "
    "and a fuel depot caught fire. A militia spokesman denied involvement in a televised statement."
)


def run(*args: str):
    return runner.invoke(app, list(args))


def seed(db_url: str) -> None:
    """Store two articles with constructed events through the real service."""
    events = {
        "first": [
            Event(
                doc_id="first",
                event_id="first-1",
                event_date="2024-01-05",
                date_precision="day",
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                actor1="Islamic Resistance in Iraq",
                country="Iraq",
                admin1="Erbil",
                location="Erbil",
                latitude=36.19,
                longitude=44.01,
                weapons=["rocket"],
                fatalities=0,
                inter1=3,
                inter2=1,
                evidence=[Evidence(sentence="Rockets hit a base.", start=0, end=19)],
            )
        ],
        "second": [
            Event(
                doc_id="second",
                event_id="second-1",
                event_date="2024-02-10",
                event_type="Protests",
                sub_event_type="Peaceful protest",
                country="Jordan",
            )
        ],
    }
    database = open_database(db_url)
    IngestService(
        database, extractor=lambda arts: (ArticleExtraction(article=a, events=events[a.doc_id]) for a in arts)
    ).ingest(
        [
            Article(doc_id="first", text=BODY, source="Example Wire", url="https://wire.example/1"),
            Article(
                doc_id="second", text="Hundreds marched peacefully through the capital on Saturday.", source="Daily"
            ),
        ]
    )
    database.close()


def test_events_formats_and_filters(db_url: str) -> None:
    seed(db_url)
    listed = run("events", "--db", db_url, "--format", "json")
    assert listed.exit_code == 0, listed.output
    assert [e["event_id"] for e in json.loads(listed.stdout)] == ["first-1", "second-1"]
    only = json.loads(
        run(
            "events",
            "--db",
            db_url,
            "--format",
            "json",
            "--weapon",
            "rocket",
            "--country",
            "iraq",
            "--since",
            "2024-01-01",
            "--until",
            "2024-01-31",
        ).stdout
    )
    assert [e["event_id"] for e in only] == ["first-1"]
    assert (
        json.loads(run("events", "--db", db_url, "--format", "json", "--type", "Peaceful protest").stdout)[0]["country"]
        == "Jordan"
    )
    rows = list(
        csv.DictReader(io.StringIO(run("events", "--db", db_url, "--format", "acled", "--actor", "resistance").stdout))
    )
    assert list(rows[0]) == list(ACLED_COLUMNS) and len(rows) == 1
    acled = rows[0]
    assert (acled["event_id_cnty"], acled["year"], acled["time_precision"], acled["interaction"]) == (
        "first-1",
        "2024",
        "1",
        "13",
    )
    assert (acled["source"], acled["notes"], acled["fatalities"], acled["admin2"]) == (
        "Example Wire",
        "Rockets hit a base.",
        "0",
        "",
    )
    table = run("events", "--db", db_url)
    assert table.exit_code == 0 and "Peaceful protest" in table.stdout


def test_articles_formats_and_filters(db_url: str) -> None:
    seed(db_url)
    everything = json.loads(run("articles", "--db", db_url, "--format", "json").stdout)
    assert [a["doc_id"] for a in everything] == ["first", "second"] and everything[0]["text"] == BODY
    rows = list(
        csv.DictReader(io.StringIO(run("articles", "--db", db_url, "--format", "csv", "--search", "MARCHED").stdout))
    )
    assert [r["doc_id"] for r in rows] == ["second"] and rows[0]["published_source"] == "unknown"
    assert [
        a["doc_id"]
        for a in json.loads(run("articles", "--db", db_url, "--format", "json", "--source", "example wire").stdout)
    ] == ["first"]


@pytest.mark.slow
def test_ingest_reports_bad_lines_and_duplicates_and_stores_the_rest(db_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(f"Title: Base attacked\nPublished: 2024-03-02\n\n{BODY}\n")
    (corpus / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": "A drone was shot down over the harbour at dawn.", "published": "2023-02-30"})
        + "\n{not json\n"
    )
    first = run("ingest", str(corpus), "--db", db_url)
    assert first.exit_code == 0, first.output
    assert f"{corpus / 'batch.jsonl'}:1: impossible published date" in first.stderr
    assert f"{corpus / 'batch.jsonl'}:2: malformed JSON line" in first.stderr
    assert first.stdout.startswith("stored 2 articles")
    again = run("ingest", str(corpus), "--db", db_url)
    assert (
        again.exit_code == 0 and again.stdout.startswith("stored 0 articles") and "duplicate: one.txt" in again.stderr
    )
    stored = json.loads(run("articles", "--db", db_url, "--format", "json").stdout)
    assert {(a["doc_id"], a["published"], a["published_source"]) for a in stored} == {
        ("one.txt", "2024-03-02", "user"),
        ("j1", None, "unknown"),
    }


def test_nothing_readable_exits_1_and_names_the_file(tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in result.stderr
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("url", ["postgresql://warlog:warlog@127.0.0.1:1/nowhere", "/no/such/dir/warlog.db"])
def test_unreachable_database_is_one_clear_line_and_exit_3(url: str, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(BODY)
    for args in (["events", "--db", url], ["articles", "--db", url], ["ingest", str(article), "--db", url]):
        result = run(*args)
        assert result.exit_code == 3, result.output
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("error: cannot open database")


def test_bad_published_option_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    result = run("ingest", str(tmp_path / "a.txt"), "--published", "2024-02-30", "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2


@pytest.mark.parametrize("url", ["mysql://user@host/db", "nodialect://x"])
def test_unsupported_database_urls_are_one_clear_line(url: str) -> None:
    result = run("events", "--db", url)
    assert result.exit_code == 3 and result.stderr.startswith("error: cannot open database")


def test_listing_never_creates_a_database_file(tmp_path: Path) -> None:
    result = run("events", "--db", str(tmp_path / "typo.db"))
    assert result.exit_code == 3 and "no such file (nothing ingested yet)" in result.stderr
    assert not (tmp_path / "typo.db").exists()
