"""The `link_overrides` table: manual merge/split decisions between reports, kept across ingests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from warlog.link.records import Override
from warlog.store.models import LinkOverrideRow


class OverrideRepository:
    """Reads and writes `link_overrides` rows within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, kind: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Record `kind` ('merge' or 'split') between each pair, replacing any earlier decision on it."""
        now = dt.datetime.now(dt.UTC)
        for a, b in pairs:
            a, b = sorted((a, b))
            self.session.execute(
                delete(LinkOverrideRow).where(LinkOverrideRow.report_a == a, LinkOverrideRow.report_b == b)
            )
            self.session.add(LinkOverrideRow(kind=kind, report_a=a, report_b=b, created_at=now))
        self.session.flush()

    def involving(self, keys: Iterable[str]) -> list[Override]:
        """Every override with a report among `keys` on either side."""
        keys = list(keys)
        query = select(LinkOverrideRow).where(
            or_(LinkOverrideRow.report_a.in_(keys), LinkOverrideRow.report_b.in_(keys))
        )
        return [Override(kind=row.kind, a=row.report_a, b=row.report_b) for row in self.session.scalars(query)]
