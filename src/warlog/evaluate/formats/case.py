"""CASE 2021 task 2 TSV: a 1-3 sentence snippet per row and its fine-grained event type code."""

from __future__ import annotations

import re
from pathlib import Path

from warlog.evaluate.formats.common import read_table, text_or_none
from warlog.evaluate.records import GoldDoc, GoldEvent, GoldSet

REQUIRED = ("id", "EventSnippet", "SubType")
_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _parse_row(row: dict[str, str], line: int) -> GoldDoc:
    snippet = text_or_none(row["EventSnippet"])
    if snippet is None:
        raise ValueError("empty EventSnippet")
    code = row["SubType"].strip().upper()
    if not _CODE.match(code):
        raise ValueError(f"not a CASE SubType code: {row['SubType']!r}")
    doc_id = row["id"].strip() or f"line{line}"
    return GoldDoc(doc_id=doc_id, line=line, text=snippet, events=[GoldEvent(case_code=code)])


def read_case(path: Path) -> GoldSet:
    """Read a CASE 2021 subtask 2 file (TSV with id, EventSnippet, SubType)."""
    return read_table(path, "\t", REQUIRED, _parse_row)
