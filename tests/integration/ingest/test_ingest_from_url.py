"""Feeds and pages fetched over http(s) with httpx, from a real HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from warlog.ingest import ReadOptions, read_sources
from warlog.ingest.errors import FetchFailed, TooLarge
from warlog.records import Article

FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Local Desk</title>
<entry><id>urn:local:1</id><title>Drone intercepted</title><link href="https://desk.example/1"/>
<updated>2024-04-01T09:00:00Z</updated>
<summary>Air defences intercepted a drone over the port city at dawn.</summary></entry>
<entry><id>urn:local:2</id><title>Rockets fired</title><link href="https://desk.example/2"/>
<updated>2024-04-02T09:00:00Z</updated><summary>Two rockets were fired at a base, officials said.</summary></entry>
</feed>"""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "feed.atom").write_text(FEED, encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_feed_url_is_fetched_and_read(server: str) -> None:
    results = list(read_sources([f"{server}/feed.atom"]))
    assert all(isinstance(r, Article) for r in results)
    assert [(a.doc_id, a.title, a.source, a.published.isoformat()) for a in results] == [
        ("urn:local:1", "Drone intercepted", "Local Desk", "2024-04-01"),
        ("urn:local:2", "Rockets fired", "Local Desk", "2024-04-02"),
    ]


def test_missing_url_and_oversized_download_are_typed_errors(server: str) -> None:
    [missing] = read_sources([f"{server}/nothing.xml"])
    assert isinstance(missing, FetchFailed) and str(missing).startswith(f"{server}/nothing.xml: cannot fetch")
    [large] = read_sources([f"{server}/feed.atom"], ReadOptions(max_bytes=100))
    assert isinstance(large, TooLarge)
