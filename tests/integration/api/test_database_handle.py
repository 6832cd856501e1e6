"""`warlog.open`: ingest, query, correct and export through the handle, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warlog
from warlog.cli import app, commands  # noqa: F401  (registers the commands)
from warlog.export import ACLED_COLUMNS

pytestmark = pytest.mark.slow
runner = CliRunner()


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ingest_then_query_events_articles_and_one_event(db_url: str, documents: list[dict[str, str]]) -> None:
    with warlog.open(db_url) as db:
        report = db.ingest(documents)
        assert (report.articles, report.duplicates) == (3, [])
        assert db.ingest(documents).articles == 0

        events = db.events()
        drone = next(event for event in events if event.sub_event_type == "Air/drone strike")
        assert sorted(drone.doc_ids) == ["daily-drones", "wire-drones"]
        assert set(drone.sources.split("; ")) == {"Northern Wire", "Tigris Daily"} and "Iran" in drone.sponsors
        assert [e.event_id for e in db.events(type="Protests")] == [
            e.event_id for e in events if e.event_type == "Protests"
        ]
        assert db.events(since="2024-01-01") == [e for e in events if e.event_date >= "2024"]
        assert db.events(country="iraq", limit=1) == events[:1]

        detail = db.event(drone.event_id)
        assert detail.event == drone
        assert sorted(report.event.doc_id for report in detail.reports) == ["daily-drones", "wire-drones"]
        assert {report.source for report in detail.reports} == {"Northern Wire", "Tigris Daily"}
        assert {(claim.kind, claim.actor) for claim in detail.claims} >= {("claimed", "Kata'ib Hezbollah")}
        with pytest.raises(KeyError, match="no event nope"):
            db.event("nope")

        assert [a.doc_id for a in db.articles(source="tigris daily")] == ["daily-drones", "baghdad-protest"]
        assert [a.doc_id for a in db.articles(search="STUDENTS", until="2023-12-31")] == ["baghdad-protest"]
        with pytest.raises(TypeError, match="unknown filter contry"):
            db.events(contry="Iraq")


def test_records_serialise_to_the_cli_json_and_acled_csv(db_url: str, documents: list[dict[str, str]]) -> None:
    with warlog.open(db_url) as db:
        db.ingest(documents)
        assert [e.model_dump(mode="json") for e in db.events()] == json.loads(
            cli("events", "--db", db_url, "--format", "json")
        )
        assert [a.model_dump(mode="json") for a in db.articles()] == json.loads(
            cli("articles", "--db", db_url, "--format", "json")
        )
        out = io.StringIO()
        assert db.to_acled_csv(out, since="2024-01-01") == 1
        assert out.getvalue() == cli("events", "--db", db_url, "--since", "2024-01-01", "--format", "acled")
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert list(rows[0]) == list(ACLED_COLUMNS) and rows[0]["source"] == drone_sources(db)


def test_split_and_merge_rebuild_events_for_good(db_url: str, documents: list[dict[str, str]]) -> None:
    with warlog.open(db_url) as db:
        db.ingest(documents)
        drone = next(event for event in db.events() if len(event.reports) == 2)
        apart = db.split(drone.event_id, "daily-drones")
        assert sorted(len(event.reports) for event in apart) == [1, 1]
        assert len(db.events()) == 3
        together = db.merge(*(event.event_id for event in apart))
        assert [sorted(event.doc_ids) for event in together] == [["daily-drones", "wire-drones"]]
        with pytest.raises(LookupError):
            db.merge(drone.event_id, "no-such-event")


def test_ingest_reads_paths_like_the_cli_and_reports_problems(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "note.txt").write_text(f"Published: 2024-05-02\n\n{documents_text()}")
    (folder / "empty.txt").write_text("   ")
    problems: list[warlog.IngestError] = []
    with warlog.open(db_url) as db:
        report = db.ingest(str(folder), on_error=problems.append)
        assert report.articles == 1 and [a.doc_id for a in db.articles()] == ["note.txt"]
        assert [str(problem) for problem in problems] == [f"{folder / 'empty.txt'}: empty file"]
        with pytest.raises(warlog.IngestError, match="empty file"):
            db.ingest([folder / "empty.txt"])


def test_open_follows_the_db_option_rules(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    with pytest.raises(warlog.DatabaseUnavailable, match="no such file"):
        warlog.open(missing, create=False)
    with warlog.open(missing) as db:
        assert db.url == f"sqlite:///{missing}" and db.events() == []
    assert missing.exists()


def drone_sources(db: warlog.EventDatabase) -> str | None:
    return db.events(type="Air/drone strike")[0].sources


def documents_text() -> str:
    return "Gunmen attacked a police checkpoint in Kirkuk on Monday, killing two officers, police said."


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path: Path, documents: list[dict[str, str]]) -> None:
    docs = [
        {**doc, "id": f"{doc['id']}-{copy}", "text": f"{doc['text']} ({copy})"} for copy in range(3) for doc in documents
    ]
    with warlog.open(tmp_path / "one.db") as one, warlog.open(tmp_path / "two.db") as two:
        assert one.ingest(docs).reports == two.ingest(docs, workers=2).reports
        assert [e.model_dump(exclude={"linker"}) for e in one.events()] == [
            e.model_dump(exclude={"linker"}) for e in two.events()
        ]
