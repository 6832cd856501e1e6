"""Print records as a table, JSON array or CSV on stdout."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from enum import StrEnum

from rich.console import Console
from rich.table import Table

from warlog.export import Row, cell, write_csv


class Format(StrEnum):
    """Output formats shared by the listing commands."""

    table = "table"
    json = "json"
    csv = "csv"


def print_table(rows: Sequence[Row], columns: Sequence[str], title: str) -> None:
    """A rich table of `columns` (empty cells for None)."""
    table = Table(title=f"{title} ({len(rows)})", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(cell(row.get(column)) for column in columns))
    Console(width=max(Console().width, 160)).print(table)


def print_json(rows: Sequence[Row]) -> None:
    """A JSON array, one element per record."""
    json.dump(list(rows), sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_csv(rows: Sequence[Row], columns: Sequence[str]) -> None:
    """CSV with a header of `columns`; lists are joined with '; '."""
    write_csv(rows, columns, sys.stdout)
