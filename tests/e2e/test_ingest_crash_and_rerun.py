"""SIGKILL `warlog ingest` part-way, re-run it: the database ends exactly as after a clean run, with no duplicates."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import OperationalError, ProgrammingError

from warlog.store.models import ArticleRow, EventRow, ReportRow

ARTICLES = 150
WORDS = (
    "drone rocket base airport convoy militia officials border river town village market checkpoint patrol "
    "ministry spokesman statement claim denial attack strike damage injured killed witnesses residents night "
    "morning road bridge camp hangar fuel depot barracks embassy port tanker vessel coast desert valley hills "
    "police army guards tribe council governor province district province capital north south east west"
).split()


def write_corpus(path: Path) -> None:
    """Distinct generated articles (random word runs, so no two are near-duplicates)."""
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(ARTICLES):
            words = " ".join(rng.choice(WORDS) for _ in range(40))
            text = f"Report {number}. A rocket struck a base near the town on Monday. {words.capitalize()}."
            handle.write(json.dumps({"id": f"gen-{number}", "text": text, "published": "2024-01-02"}) + "\n")


def ingest(corpus: Path, db_url: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "warlog", "ingest", str(corpus), "--db", db_url, "--batch-size", "2"]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"}
    )


def snapshot(db_url: str) -> tuple[int, int, int, int, int]:
    """Articles, reports, canonical events, distinct content hashes and distinct doc ids."""
    from warlog.store import resolve_url

    engine = create_engine(resolve_url(db_url))
    try:
        with engine.connect() as connection:
            return (
                connection.scalar(select(func.count()).select_from(ArticleRow)),
                connection.scalar(select(func.count()).select_from(ReportRow)),
                connection.scalar(select(func.count()).select_from(EventRow)),
                connection.scalar(select(func.count(func.distinct(ArticleRow.content_hash)))),
                connection.scalar(select(func.count(func.distinct(ArticleRow.doc_id)))),
            )
    finally:
        engine.dispose()


def wait_for_rows(process: subprocess.Popen, db_url: str, timeout: float = 180.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            stored = snapshot(db_url)[0]
        except (OperationalError, ProgrammingError):
            stored = 0
        if stored > 0:
            return stored
        time.sleep(0.02)
    pytest.fail("warlog ingest finished or stalled before it stored anything to kill it after")


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[int, int, int, int, int]]:
    """The generated corpus and what an uninterrupted ingest of it stores (once for every database)."""
    folder = tmp_path_factory.mktemp("clean")
    corpus = folder / "corpus.jsonl"
    write_corpus(corpus)
    clean_url = f"sqlite:///{folder / 'clean.db'}"
    assert ingest(corpus, clean_url).wait(timeout=900) == 0
    clean = snapshot(clean_url)
    assert clean[0] == clean[3] == clean[4] == ARTICLES
    return corpus, clean


@pytest.mark.slow
def test_killed_ingest_rerun_equals_clean_run(db_url: str, clean_run: tuple[Path, tuple[int, ...]]) -> None:
    corpus, clean = clean_run
    victim = ingest(corpus, db_url)
    wait_for_rows(victim, db_url)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    killed = snapshot(db_url)
    assert 0 < killed[0] < ARTICLES, "the kill must land part-way through the ingest"
    assert killed[0] == killed[3] == killed[4]

    rerun = ingest(corpus, db_url)
    out, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err.decode()
    assert f"{killed[0]} duplicates skipped" in out.decode()
    assert snapshot(db_url) == clean
