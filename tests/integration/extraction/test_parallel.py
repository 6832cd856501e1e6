"""Extraction in worker processes gives exactly the single-process records, in input order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from warlog.extraction.parallel import ParallelExtractor, extract_parallel
from warlog.records import Article

pytestmark = pytest.mark.slow


def test_two_worker_processes_give_the_single_process_events_in_order(
    articles: list[Article], single_process_events: list[list[dict]]
) -> None:
    records = list(extract_parallel(articles, workers=2))
    assert [record.article.doc_id for record in records] == [article.doc_id for article in articles]
    assert [[event.model_dump(mode="json") for event in record.events] for record in records] == single_process_events
    assert any(single_process_events) and not all(single_process_events)


def test_a_worker_pool_serves_several_calls(articles: list[Article], single_process_events: list[list[dict]]) -> None:
    with ParallelExtractor(workers=2, chunk_size=4) as extractor:
        first = [record.events for record in extractor(articles[:10])]
        second = [record.events for record in extractor(articles[10:])]
    assert [[e.model_dump(mode="json") for e in events] for events in first + second] == single_process_events


@pytest.mark.parametrize("scheduler", ["nowhere", "8786", ""])
def test_a_scheduler_that_is_neither_local_nor_an_address_is_refused(scheduler: str) -> None:
    with pytest.raises(ValueError, match="scheduler must be"):
        ParallelExtractor(scheduler=scheduler)


def test_zero_workers_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ParallelExtractor(workers=0)


SMALL_CALLS = """
import sys
from warlog.extraction.parallel import ParallelExtractor
from warlog.records import Article

if __name__ == "__main__":
    articles = [Article(doc_id=f"d{i}", text="A drone struck a checkpoint near Kandahar on Monday.") for i in range(5)]
    with ParallelExtractor(workers=2, chunk_size=2) as extractor:
        wait = extractor.submit(articles)
        records = [*wait(), *extractor(articles[:1]), *extractor.submit(articles[:1])()]
    print(len(records), all(record.events for record in records), "spacy" in sys.modules)
"""


def test_once_workers_run_even_a_one_chunk_call_goes_to_them_and_the_caller_never_loads_the_model(
    tmp_path: Path,
) -> None:
    script = tmp_path / "small_calls.py"
    script.write_text(SMALL_CALLS, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True, timeout=300)
    assert result.stdout.split() == ["7", "True", "False"]
