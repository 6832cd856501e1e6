"""Incremental linking in the ingest service (SQLite and PostgreSQL): order independence, re-ingest,
manual split/merge kept across ingests, campaigns, and `warlog events` on canonical events."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from warlog.cli import app, commands  # noqa: F401  (registers the commands)
from warlog.link import default_config
from warlog.link.batch import link, link_reports
from warlog.service import IngestService
from warlog.store import Database
from warlog.store.events import EventRepository
from warlog.store.linking import EventLinker
from warlog.store.models import EventRow

pytestmark = pytest.mark.slow


def ingest(database: Database, articles, extracted, batch_size: int) -> None:
    """Ingest through the real service; extraction replays the pipeline's output computed once."""
    replay = lambda batch: (extracted[article.doc_id] for article in batch)  # noqa: E731
    IngestService(database, extractor=replay, batch_size=batch_size).ingest(articles)


def stored_groups(database: Database) -> dict[str, frozenset[str]]:
    with database.transaction() as session:
        return {e.uid: frozenset(link.doc_id for link in e.reports) for e in EventRepository(session).list()}


@pytest.mark.parametrize(("reverse", "batch_size"), [(False, 7), (True, 5)])
def test_any_order_and_batching_give_the_events_of_linking_all_at_once(
    database: Database, fixture_articles, extracted, reverse: bool, batch_size: int
) -> None:
    articles, _gold = fixture_articles
    ordered = list(reversed(articles)) if reverse else articles
    ingest(database, ordered, extracted, batch_size)
    at_once = link(link_reports(extracted[a.doc_id] for a in articles), default_config())
    expected = {e.uid: frozenset(link.doc_id for link in e.reports) for e in at_once}
    assert stored_groups(database) == expected


def test_re_ingesting_changes_nothing(database: Database, fixture_articles, extracted) -> None:
    articles, _gold = fixture_articles
    ingest(database, articles, extracted, 16)
    before = stored_groups(database)
    ingest(database, articles, extracted, 16)
    assert stored_groups(database) == before


def test_manual_split_and_merge_survive_later_ingests(database: Database, fixture_articles, extracted) -> None:
    articles, _gold = fixture_articles
    first = [a for a in articles if a.doc_id not in ("asad-drone-monitor", "tanf13-gazette")]
    ingest(database, first, extracted, 16)
    groups = stored_groups(database)
    asad = next(uid for uid, docs in groups.items() if "asad-drone-wire" in docs)
    tanf10 = next(uid for uid, docs in groups.items() if "tanf10-wire" in docs)
    tanf13 = next(uid for uid, docs in groups.items() if "tanf13-post" in docs)
    with database.transaction() as session:
        EventLinker(session).split(asad, "asad-drone-gazette")
        EventLinker(session).merge(tanf10, tanf13)
    ingest(database, [a for a in articles if a not in first], extracted, 16)
    after = stored_groups(database).values()
    gazette = next(docs for docs in after if "asad-drone-gazette" in docs)
    assert gazette == {"asad-drone-gazette"}
    assert {"asad-drone-wire", "asad-drone-monitor"} <= next(docs for docs in after if "asad-drone-wire" in docs)
    tanf = next(docs for docs in after if "tanf10-wire" in docs)
    assert {"tanf10-monitor", "tanf13-post", "tanf13-monitor"} <= tanf
    # A new report joins a hand-merged event only if it fits every report of it (tanf13-gazette does not).
    assert "tanf13-gazette" not in tanf


def test_events_command_lists_canonical_events_with_reports_and_explains_them(
    database: Database, db_url: str, fixture_articles, extracted
) -> None:
    articles, gold = fixture_articles
    ingest(database, articles, extracted, 32)
    runner = CliRunner()
    listed = runner.invoke(app, ["events", "--db", db_url, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    events = json.loads(listed.stdout)
    assert len(events) == len(set(gold.values()))
    mogadishu = next(e for e in events if any(r["doc_id"] == "mogadishu-horn" for r in e["reports"]))
    assert mogadishu["fatalities_range"]["high"] == 12 and len(mogadishu["reports"]) == 3
    shown = runner.invoke(app, ["events", "show", mogadishu["event_id"], "--db", db_url])
    assert shown.exit_code == 0 and "same event: score" in shown.stdout and "mogadishu-coast" in shown.stdout
    uid = mogadishu["event_id"]
    split = runner.invoke(app, ["events", "split", uid, "--report", "mogadishu-coast", "--db", db_url])
    assert split.exit_code == 0, split.output
    again = json.loads(runner.invoke(app, ["events", "--db", db_url, "--format", "json"]).stdout)
    assert len(again) == len(events) + 1
    missing = runner.invoke(app, ["events", "show", "no-such-event", "--db", db_url])
    assert missing.exit_code == 1
    for format in ("table", "csv", "acled"):
        assert runner.invoke(app, ["events", "--db", db_url, "--format", format]).exit_code == 0


def row_ids(database: Database) -> dict[str, int]:
    with database.transaction() as session:
        return {uid: row_id for uid, row_id in session.execute(select(EventRow.uid, EventRow.id))}


def test_a_new_report_rebuilds_only_the_events_it_can_reach(database: Database, fixture_articles, extracted) -> None:
    articles, _gold = fixture_articles
    late = next(a for a in articles if a.doc_id == "mogadishu-coast")
    ingest(database, [a for a in articles if a is not late], extracted, 16)
    before, groups = row_ids(database), stored_groups(database)
    ingest(database, [late], extracted, 16)
    after = stored_groups(database)
    # Only the Mogadishu bombing took the new report; every other event keeps its row (the Erbil drone
    # strike five days earlier too, which re-clustering every event near in time would rebuild).
    changed = {uid for uid in after if before.get(uid) != row_ids(database)[uid]}
    assert changed == {uid for uid, docs in after.items() if "mogadishu-coast" in docs}
    assert {uid: docs for uid, docs in after.items() if uid not in changed} == {
        uid: docs for uid, docs in groups.items() if uid not in changed
    }
    at_once = link(link_reports(extracted[a.doc_id] for a in articles), default_config())
    assert after == {e.uid: frozenset(link.doc_id for link in e.reports) for e in at_once}
