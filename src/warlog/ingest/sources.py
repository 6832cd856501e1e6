"""Where documents come from: files (by format), directories (recursively), standard input and http(s) URLs."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from warlog.ingest.article import ReadOptions, ReadResult
from warlog.ingest.decode import check_size, decode, read_limited, read_stream
from warlog.ingest.errors import FetchFailed, IngestError, MissingFile
from warlog.ingest.feed import read_feed
from warlog.ingest.html import read_html
from warlog.ingest.jsonl import read_jsonl
from warlog.ingest.plaintext import read_plaintext

STDIN = "-"
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_FETCH_TIMEOUT = 30.0


def read_sources(sources: Iterable[str], options: ReadOptions | None = None) -> Iterator[ReadResult]:
    """Read each source (a path, a directory, `-` or an http(s) URL) into articles and typed errors, in order."""
    options = options or ReadOptions()
    for source in sources:
        if source == STDIN:
            yield from _guarded(
                lambda: read_document(
                    read_stream(sys.stdin.buffer, "<stdin>", options.max_bytes), "stdin", "<stdin>", options
                )
            )
        elif source.startswith(("http://", "https://")):
            yield from _guarded(lambda url=source: read_document(fetch(url, options.max_bytes), url, url, options))
        else:
            yield from read_path(Path(source), options)


def read_path(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    """Read a file, or every file with a known suffix under a directory (sorted, hidden files skipped)."""
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        for file in files:
            yield from _guarded(
                lambda f=file: read_document(
                    read_limited(f, options.max_bytes), f.relative_to(path).as_posix(), str(f), options
                )
            )
    elif not path.exists():
        yield MissingFile(str(path), "no such file or directory")
    else:
        yield from _guarded(lambda: read_document(read_limited(path, options.max_bytes), path.name, str(path), options))


def read_document(data: bytes, name: str, path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Read the bytes of one document, choosing the reader from its suffix or, failing that, its content."""
    text = decode(data, path)
    kind = SUFFIXES.get(Path(name).suffix.lower()) or sniff(text)
    if kind == "jsonl":
        return read_jsonl(text, name, path, options)
    if kind == "html":
        return read_html(text, name, path, options)
    if kind == "feed":
        return read_feed(data, name, path, options)
    return read_plaintext(text, name, path, options)


def sniff(text: str) -> str:
    """Guess a document's format from its first characters."""
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    if head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head):
        return "feed"
    if head.startswith(("<rss", "<feed")):
        return "feed"
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def fetch(url: str, max_bytes: int) -> bytes:
    """Download an http(s) source, refusing more than `max_bytes`."""
    import httpx  # slow to import: loaded by the first URL, not by every command

    try:
        with httpx.stream("GET", url, timeout=_FETCH_TIMEOUT, follow_redirects=True) as response:
            response.raise_for_status()
            data = b""
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > max_bytes:
                    break
    except httpx.HTTPError as exc:
        raise FetchFailed(url, f"cannot fetch: {exc}") from exc
    return check_size(data, url, max_bytes)


def _guarded(read) -> Iterator[ReadResult]:
    """Run one document's reader, turning a raised typed error into a yielded one."""
    try:
        yield from read()
    except IngestError as error:
        yield error
