"""`warlog extract`: every input format through the shared readers, JSONL events out, no database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from warlog.records import Event

TEXT = (
    "Two drones attacked a military base near the airport on Tuesday, the coalition said. "
    "One drone was shot down and the other hit an empty hangar."
)


def warlog(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "warlog", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_extract_reads_jsonl_text_html_and_stdin_and_writes_events(tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "j", "text": TEXT, "published": "2024-01-09"}) + "\n")
    (tmp_path / "page.html").write_text(f"<html><body><article><p>{TEXT}</p></article></body></html>")
    (tmp_path / "note.txt").write_text(f"Published: 2024-01-09\n\n{TEXT}")
    to_file = warlog("extract", str(tmp_path), "-o", str(tmp_path / "events.jsonl"))
    assert to_file.returncode == 0, to_file.stderr
    events = [Event.model_validate_json(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert {e.doc_id for e in events} <= {"j", "page.html", "note.txt"}
    piped = warlog("extract", "-", stdin=json.dumps({"id": "j", "text": TEXT, "published": "2024-01-09"}) + "\n")
    assert piped.returncode == 0, piped.stderr
    from_stdin = [Event.model_validate_json(line) for line in piped.stdout.splitlines()]
    assert [e.event_id for e in from_stdin] == [e.event_id for e in events if e.doc_id == "j"]


def test_extract_of_nothing_readable_exits_1_with_one_line_per_problem(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = warlog("extract", str(tmp_path / "bin.txt"), str(tmp_path / "gone.jsonl"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'bin.txt'}: binary file (NUL bytes or a binary signature), not text",
        f"error: {tmp_path / 'gone.jsonl'}: no such file or directory",
    ]


# Libraries `warlog extract` on a plain-text file must not import: the store and web app, the parallel and Dask
# machinery's extras, the HTML and feed readers, the data frames, and dateparser (no date to read without a
# publication date unless a phrase names a year).
NOT_ON_THE_EXTRACT_PATH = (
    "alembic", "dask", "datasketch", "dateparser", "distributed", "fastapi", "feedparser", "geopandas", "lxml",
    "pandas", "psycopg", "scipy", "sqlalchemy", "starlette", "trafilatura", "uvicorn",
)
REPORT_AT_EXIT = (
    "import atexit, gc, json, sys\n"
    "def report():\n"
    "    modules = sorted({name.split('.')[0] for name in sys.modules})\n"
    "    full = gc.get_stats()[2]['collections']\n"
    "    print(json.dumps({'modules': modules, 'full_collections': full, 'frozen': gc.get_freeze_count()}), file=sys.stderr)\n"
    "atexit.register(report)\n"
    "from warlog.cli import main\n"
    "sys.argv = ['warlog', *sys.argv[1:]]\n"
    "main()\n"
)


def test_extract_of_a_text_file_imports_only_what_it_uses(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("A drone struck a depot near Kandahar on Monday, killing two guards.\n")
    result = subprocess.run(
        [sys.executable, "-c", REPORT_AT_EXIT, "extract", str(tmp_path / "short.txt"), "-o", str(tmp_path / "out.jsonl")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    events = [Event.model_validate_json(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [(e.fatalities, e.event_date) for e in events] == [(2, None)]
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert "spacy" in report["modules"]
    assert sorted(set(NOT_ON_THE_EXTRACT_PATH) & set(report["modules"])) == []
    # The cycle collector never walked the whole heap (the models) during start-up, and the command ends by moving
    # its objects to the permanent generation, sparing the shutdown's collections.
    assert report["full_collections"] == 0
    assert report["frozen"] > 0
