"""Read the published date a document states, rejecting impossible and future dates."""

from __future__ import annotations

import datetime as dt
import re

from warlog.ingest.errors import RejectedDate

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")


def today() -> dt.date:
    """The current UTC date: nothing can be published after it."""
    return dt.datetime.now(dt.UTC).date()


def parse_published(value: str | dt.date | None, path: str, line: int | None = None) -> dt.date | None:
    """A publication date from a header, field or metadata value; None when absent.

    Raises `RejectedDate` for a date that cannot exist (2023-02-30), cannot be read, or lies in the future.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        day = _parse_text(str(value), path, line)
    if day > today():
        raise RejectedDate(path, f"published date {day.isoformat()} is in the future; kept as unknown", line)
    return day


def _parse_text(text: str, path: str, line: int | None) -> dt.date:
    match = _ISO_DAY.match(text)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError as exc:
            raise RejectedDate(
                path, f"impossible published date {text.strip()!r} ({exc}); kept as unknown", line
            ) from exc
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    if parsed is None:
        raise RejectedDate(path, f"unreadable published date {text.strip()!r}; kept as unknown", line)
    return parsed.date()
