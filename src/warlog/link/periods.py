"""An event's date as closed intervals of days: its reading first, then any other reading it allows.

A weekday name ("on Tuesday") in a report published on that same weekday may mean the publication day
rather than a week earlier; reports disagree on this, so both readings are kept.
"""

from __future__ import annotations

import calendar
import datetime as dt

from warlog.link.records import LinkReport

Interval = tuple[dt.date, dt.date]
WEEKDAYS = frozenset(calendar.day_name)
WEEK_BEFORE, WEEK_AFTER = 6, 3


def interval(event_date: str | None, precision: str | None = None) -> Interval | None:
    """First and last day a date can mean (a `week` date is a range's middle day or the publication day)."""
    if not event_date:
        return None
    try:
        parts = [int(part) for part in event_date.split("-")[:3]]
        if len(parts) == 3:
            day = dt.date(*parts)
            if precision == "week":
                return day - dt.timedelta(days=WEEK_BEFORE), day + dt.timedelta(days=WEEK_AFTER)
            return day, day
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None


def readings(report: LinkReport) -> list[Interval]:
    """The report's date readings, best first; the publication day when the event has no date."""
    event, published = report.event, report.published
    found = interval(event.event_date, event.date_precision)
    if found is None:
        return [(published, published)] if published else []
    options = [found]
    if is_day(report) and published and _bare_weekday(event.date_text) and found[0] == published - dt.timedelta(days=7):
        options.append((published, published))
    return options


def is_day(report: LinkReport) -> bool:
    """A full YYYY-MM-DD date at day precision."""
    date = report.event.event_date
    return bool(date) and date.count("-") == 2 and report.event.date_precision in (None, "day")


def _bare_weekday(text: str | None) -> bool:
    words = (text or "").replace("on ", "").strip().title()
    return words in WEEKDAYS
