"""Gold file formats: `read_gold(path, format)` returns the documents and the skipped rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from warlog.evaluate.formats.acled import read_acled
from warlog.evaluate.formats.case import read_case
from warlog.evaluate.formats.gtd import read_gtd
from warlog.evaluate.formats.warlog_jsonl import read_warlog_jsonl
from warlog.evaluate.records import BadRow, GoldSet

GoldFormat = Literal["jsonl", "acled", "gtd", "case"]
READERS: dict[str, Callable[[Path], GoldSet]] = {
    "jsonl": read_warlog_jsonl,
    "acled": read_acled,
    "gtd": read_gtd,
    "case": read_case,
}


def read_gold(path: Path, gold_format: GoldFormat) -> GoldSet:
    """Read a gold file in one of the supported formats; a repeated document id is reported and skipped."""
    gold = READERS[gold_format](path)
    seen: set[str] = set()
    unique = []
    for doc in gold.docs:
        if doc.doc_id in seen:
            gold.bad_rows.append(BadRow(path=str(path), line=doc.line, reason=f"duplicate id {doc.doc_id!r}"))
        else:
            seen.add(doc.doc_id)
            unique.append(doc)
    gold.docs = unique
    gold.bad_rows.sort(key=lambda row: row.line)
    return gold
