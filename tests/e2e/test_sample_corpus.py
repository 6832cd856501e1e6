"""The bundled samples through the real CLI: all formats read, syndicated copy linked, extracted events stored."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from warlog.store import ReportRepository, open_database

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def warlog(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.slow
def test_samples_ingest_list_and_match_extract(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'samples.db'}"
    ingested = warlog("ingest", str(SAMPLES), "--db", db)
    assert ingested.stdout.startswith("stored 8 articles") and "1 near-duplicates linked" in ingested.stdout
    assert (
        "near-duplicate: syndicated/erbil-drone-attack-wire.txt is a near-copy of erbil-drone-attack.txt"
        in ingested.stderr
    )

    articles = json.loads(warlog("articles", "--db", db, "--format", "json").stdout)
    assert {a["published_source"] for a in articles} <= {"user", "metadata"}
    assert all(a["published"] for a in articles)

    listed = json.loads(warlog("events", "--db", db, "--format", "json").stdout)
    extracted = [json.loads(line) for line in warlog("extract", str(SAMPLES)).stdout.splitlines()]
    database = open_database(db, create=False)
    with database.transaction() as session:
        stored = Counter(report.event.doc_id for report in ReportRepository(session).list())
    database.close()
    assert stored == Counter(e["doc_id"] for e in extracted if not e["doc_id"].startswith("syndicated/"))
    linked = Counter(link["doc_id"] for event in listed for link in event["reports"])
    assert linked and not linked - stored

    again = warlog("ingest", str(SAMPLES), "--db", db)
    assert again.stdout.startswith("stored 0 articles and 0 event reports; 8 duplicates skipped")
