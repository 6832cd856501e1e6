"""`warlog serve --workers 2` (a real server on 127.0.0.1) on SQLite and PostgreSQL: every worker answers, and a
write through one of them shows at once in the totals and the registry that all of them serve."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_corpus import TOKEN, bearer

from warlog.store import Database

REQUESTS = 12  # each on a new connection, so the kernel hands them to both workers


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def workers(filled: Database, db_url: str, tmp_path: Path) -> Iterator[str]:
    """Two `warlog serve` workers over the filled database; their base URL."""
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN, encoding="utf-8")
    port = _free_port()
    command = [sys.executable, "-m", "warlog", "serve", "--db", db_url, "--port", str(port), "--workers", "2"]
    command += ["--token-file", str(token_file), "--actors-file", str(tmp_path / "actors.yaml")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            try:
                httpx.get(f"{base}/api/events", timeout=5).raise_for_status()
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"warlog serve --workers 2 did not start: {process.communicate()[1][-2000:]}")
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)


def _totals(base: str) -> set[int]:
    return {httpx.get(f"{base}/api/events", timeout=10).json()["total"] for _ in range(REQUESTS)}


def test_a_write_through_one_worker_shows_in_every_worker(workers: str) -> None:
    assert _totals(workers) == {4}
    merge = {"first": "aden-1", "second": "kharkiv-1"}
    assert httpx.post(f"{workers}/api/events/merge", json=merge, headers=bearer(), timeout=30).status_code == 200
    assert _totals(workers) == {3}
    entry = {"name": "Northern Drone Brigade", "aliases": ["NDB Fighters"]}
    saved = httpx.put(f"{workers}/api/actors/northern-drone-brigade", json=entry, headers=bearer(), timeout=30)
    assert saved.status_code == 200, saved.text
    for _ in range(REQUESTS):
        found = httpx.get(f"{workers}/api/actors", params={"q": "NDB Fighters"}, timeout=10).json()["items"]
        assert [actor["id"] for actor in found] == ["northern-drone-brigade"]
