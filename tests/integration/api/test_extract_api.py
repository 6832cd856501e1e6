"""`warlog.extract` and `warlog.extract_many`: typed events without a database, the same as `warlog extract`."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import warlog
from warlog.records import Article, Event

pytestmark = pytest.mark.slow


def test_extract_returns_typed_events_of_one_text(documents: list[dict[str, str]]) -> None:
    wire = documents[0]
    events = warlog.extract(wire["text"], published="2024-05-02", title=wire["title"], source=wire["source"])
    assert [type(event) for event in events] == [Event]
    (drone,) = events
    assert (drone.sub_event_type, drone.event_date, drone.location) == ("Air/drone strike", "2024-04-30", "Erbil")
    assert drone.actor1 == "Kata'ib Hezbollah" and drone.sponsors == ["Iran"] and drone.injured == 3
    assert drone.doc_id.startswith("doc-") and warlog.extract(wire["text"], published="2024-05-02") == events
    assert warlog.extract(wire["text"], doc_id="mine")[0].doc_id == "mine"
    with pytest.raises(warlog.IngestError, match="no text"):
        warlog.extract("  ")


def test_extract_many_streams_every_kind_of_document_in_order(
    tmp_path: Path, documents: list[dict[str, str]]
) -> None:
    wire, daily, protest = documents
    note = tmp_path / "note.txt"
    note.write_text(f"Published: 2023-11-20\n\n{protest['text']}")
    docs = [wire, Article(doc_id="daily", text=daily["text"]), note, "Nothing happened in the capital today."]
    finished: list[str] = []
    stream = warlog.extract_many(docs, published="2024-05-02", on_article=lambda done: finished.append(done.doc_id))
    assert iter(stream) is stream
    events = list(stream)
    assert [event.doc_id for event in events] == ["wire-drones", "daily", "note.txt"]
    assert finished[:3] == ["wire-drones", "daily", "note.txt"] and len(finished) == 4
    assert [event.event_date for event in events] == ["2024-04-30", "2024-04-30", "2023-11-19"]


def test_extract_many_equals_the_cli_on_the_same_file(tmp_path: Path, documents: list[dict[str, str]]) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps({**doc, "published": None}) + "\n" for doc in documents))
    command = [sys.executable, "-m", "warlog", "extract", str(source), "--published", "2024-05-02"]
    printed = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True).stdout
    from_cli = [Event.model_validate_json(line) for line in printed.splitlines()]
    assert from_cli and list(warlog.extract_many([source], published="2024-05-02")) == from_cli
    as_dicts = [{**doc, "published": None} for doc in documents]
    assert list(warlog.extract_many(as_dicts, published="2024-05-02")) == from_cli


def test_extract_many_reports_problems_to_on_error_or_raises(documents: list[dict[str, str]]) -> None:
    big = {"id": "big", "text": "x " * 600}
    problems: list[warlog.IngestError] = []
    events = list(warlog.extract_many([big, documents[2]], max_bytes=1000, on_error=problems.append))
    assert [event.doc_id for event in events] == ["baghdad-protest"]
    assert [str(problem) for problem in problems] == ["<document 1>: document larger than 1000 bytes, skipped"]
    with pytest.raises(warlog.IngestError, match="larger than 1000 bytes"):
        list(warlog.extract_many([big], max_bytes=1000))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        list(warlog.extract_many([{**documents[2], "published": "2999-01-01"}]))
    assert [str(warning.message) for warning in caught] == [
        "<document 1>: published date 2999-01-01 is in the future; kept as unknown"
    ]


def test_extract_many_with_workers_gives_the_events_of_one_process(documents: list[dict[str, str]]) -> None:
    docs = [{**doc, "id": f"{doc['id']}-{copy}"} for copy in range(3) for doc in documents]  # more than a chunk
    assert list(warlog.extract_many(docs, workers=2)) == list(warlog.extract_many(docs))
    with pytest.raises(ValueError, match="scheduler must be 'local' or an address"):
        warlog.extract_many(docs, scheduler="nowhere")
