"""`--workers` and `--scheduler` on `warlog extract` and `warlog ingest`: worker processes change nothing in the
output, and a malformed scheduler is a usage error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from warlog.store.models import ReportRow

STORIES = (
    "A drone struck a fuel depot near {place} on Sunday, wounding {n} workers, the governor said.",
    "Protesters marched peacefully through {place} on Friday to demand higher wages for {n} days.",
    "Soldiers clashed with militants outside {place} overnight; {n} fighters were killed, the army said.",
)
PLACES = ("Herat", "Kirkuk", "Idlib", "Donetsk", "Bunia", "Kismayo")


def warlog(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("workers") / "docs.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(24):
            text = STORIES[number % 3].format(place=PLACES[number % len(PLACES)], n=number + 3)
            handle.write(json.dumps({"id": f"w-{number}", "text": text, "published": "2024-05-06"}) + "\n")
    return path


@pytest.mark.slow
def test_extract_with_two_workers_writes_what_one_process_writes(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert (single := warlog("extract", str(corpus), "-o", str(one), "--workers", "1")).returncode == 0, single.stderr
    assert (pooled := warlog("extract", str(corpus), "-o", str(two), "--workers", "2")).returncode == 0, pooled.stderr
    assert one.read_text() and two.read_text() == one.read_text()


@pytest.mark.slow
def test_ingest_with_two_workers_stores_what_one_process_stores(corpus: Path, tmp_path: Path) -> None:
    stored = {}
    for workers in ("1", "2"):
        url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        result = warlog("ingest", str(corpus), "--db", url, "--workers", workers)
        assert result.returncode == 0, result.stderr
        engine = create_engine(url)
        with engine.connect() as connection:
            stored[workers] = sorted(connection.execute(select(ReportRow.event_json)).scalars())
        engine.dispose()
    assert stored["1"] and stored["2"] == stored["1"]


def test_a_malformed_scheduler_is_a_usage_error(corpus: Path) -> None:
    result = warlog("extract", str(corpus), "--scheduler", "somewhere")
    assert result.returncode == 2 and "scheduler must be 'local' or an address" in result.stderr
