"""`--scheduler local`: a Dask LocalCluster of 2 worker processes extracts, the one writer stores in PostgreSQL,
and the stored reports equal those of a single-process ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog.extraction.parallel import ParallelExtractor
from warlog.records import Article
from warlog.service import IngestService
from warlog.store import ReportRepository, open_database

pytestmark = pytest.mark.slow


def stored_events(db_url: str) -> list[dict]:
    database = open_database(db_url)
    try:
        with database.transaction() as session:
            reports = ReportRepository(session).list()
        return sorted((r.event.model_dump(mode="json") for r in reports), key=lambda e: (e["doc_id"], e["event_id"]))
    finally:
        database.close()


def ingest(db_url: str, articles: list[Article], extractor: ParallelExtractor | None = None) -> None:
    database = open_database(db_url, create=True)
    try:
        service = IngestService(database, extractor=extractor) if extractor else IngestService(database)
        service.ingest(articles)
    finally:
        database.close()


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_dask_local_cluster_ingest_into_postgres_equals_the_single_process_ingest(
    db_url: str, articles: list[Article], tmp_path: Path
) -> None:
    reference = f"sqlite:///{tmp_path / 'single.db'}"
    ingest(reference, articles)
    with ParallelExtractor(workers=2, scheduler="local") as extractor:
        ingest(db_url, articles, extractor)
    expected = stored_events(reference)
    assert expected and stored_events(db_url) == expected
