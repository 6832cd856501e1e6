"""Shared reading of tabular gold files: rows with their line numbers, bad rows kept aside."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

from warlog.evaluate.records import BadRow, GoldDoc, GoldSet

RowParser = Callable[[dict[str, str], int], GoldDoc]
UNKNOWN_WORDS = frozenset({"", "unknown", "na", "n/a", "none", "null"})


def text_or_none(value: str | None) -> str | None:
    """A stripped cell, or None when empty or a word for 'unknown'."""
    if value is None or value.strip().casefold() in UNKNOWN_WORDS:
        return None
    return value.strip()


def float_or_none(value: str | None) -> float | None:
    """A float cell, or None when empty/unknown; ValueError when not a number."""
    cell = text_or_none(value)
    return None if cell is None else float(cell)


def int_or_none(value: str | None, unknown: frozenset[int] = frozenset()) -> int | None:
    """An integer cell (GTD writes counts as '3.0'), or None when empty or one of the `unknown` codes."""
    number = float_or_none(value)
    if number is None:
        return None
    if not number.is_integer():
        raise ValueError(f"not a whole number: {value!r}")
    return None if int(number) in unknown else int(number)


def _rows(path: Path, delimiter: str) -> Iterator[tuple[int, dict[str, str]]]:
    # Tab-separated files are not quoted: a snippet may open with a quotation mark.
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter, quoting=quoting)
        start = reader.line_num + 1
        for row in reader:
            yield start, row
            start = reader.line_num + 1


def read_table(path: Path, delimiter: str, required: tuple[str, ...], parse_row: RowParser) -> GoldSet:
    """Parse every row of a CSV/TSV gold file; a malformed row is reported and skipped."""
    gold = GoldSet()
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle, delimiter=delimiter), [])
    missing = [name for name in required if name not in header]
    if missing:
        gold.bad_rows.append(BadRow(path=str(path), line=1, reason=f"missing columns: {', '.join(missing)}"))
        return gold
    for line, row in _rows(path, delimiter):
        if None in row or any(value is None for value in row.values()):
            gold.bad_rows.append(BadRow(path=str(path), line=line, reason="wrong number of cells"))
            continue
        try:
            gold.docs.append(parse_row(row, line))
        except (ValueError, KeyError) as exc:
            gold.bad_rows.append(BadRow(path=str(path), line=line, reason=str(exc)))
    return gold
