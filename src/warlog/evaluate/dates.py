"""Normalise the dates gold files use (ACLED "17 October 2023", ISO, GTD parts) to YYYY[-MM[-DD]]."""

from __future__ import annotations

import datetime as dt
import re

_ISO_PARTIAL = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DAY_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%B %d, %Y", "%m/%d/%Y", "%d/%m/%Y")


def normalise_date(text: str) -> str:
    """An ISO date string (day, month or year precision) from a gold date; ValueError if unreadable."""
    value = text.strip()
    if _ISO_PARTIAL.match(value):
        if len(value) > 4:
            dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
        return value
    for fmt in _DAY_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {text!r}")


def date_from_parts(year: int, month: int, day: int) -> str:
    """YYYY-MM-DD, YYYY-MM or YYYY from parts where 0 means unknown (GTD's iyear/imonth/iday)."""
    if month == 0:
        return f"{year:04d}"
    if day == 0:
        dt.date(year, month, 1)
        return f"{year:04d}-{month:02d}"
    return dt.date(year, month, day).isoformat()
