"""Plain text with an optional header block (`Title:`, `URL:`, `Published:`, `Source:`), a blank line, then the body."""

from __future__ import annotations

import re
from collections.abc import Iterator

from warlog.ingest.article import Fields, ReadOptions, ReadResult, build_article

_HEADER = re.compile(r"^(title|url|link|published|date|source)\s*:\s*(.*)$", re.IGNORECASE)
_KEYS = {"link": "url", "date": "published"}


def read_plaintext(text: str, doc_id: str, path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Read one text document; the header is the run of `Key: value` lines the file starts with."""
    lines = text.splitlines()
    header: dict[str, tuple[str, int]] = {}
    header_end = 0
    for number, line in enumerate(lines, 1):
        match = _HEADER.match(line.strip())
        if not match:
            break
        key = match.group(1).lower()
        header[_KEYS.get(key, key)] = (match.group(2).strip(), number)
        header_end = number
    body = "\n".join(lines[header_end:]) if header else text
    published, published_line = header.get("published", (None, None))
    fields = Fields(
        doc_id=doc_id,
        text=body,
        title=header.get("title", (None, 0))[0],
        url=header.get("url", (None, 0))[0],
        source=header.get("source", (None, 0))[0],
        published=published,
        published_source="user",
    )
    yield from build_article(fields, path, options, line=published_line)
