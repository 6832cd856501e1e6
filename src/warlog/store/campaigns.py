"""The `campaigns` table: series of canonical events sharing perpetrator and target."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from warlog.store.models import CampaignRow


class CampaignRepository:
    """Reads and writes `campaigns` rows within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def ensure(self, uid: str, key: str, label: str) -> int:
        """The id of the campaign with this key, created if new."""
        row = self.session.scalar(select(CampaignRow).where(CampaignRow.key == key))
        if row is None:
            row = CampaignRow(uid=uid, key=key, label=label)
            self.session.add(row)
            self.session.flush()
        return row.id

    def remove(self, keys: Iterable[str]) -> None:
        """Drop the campaigns with these keys (their events keep existing, unlinked)."""
        self.session.execute(delete(CampaignRow).where(CampaignRow.key.in_(list(keys))))

    def label(self, uid: str) -> str | None:
        return self.session.scalar(select(CampaignRow.label).where(CampaignRow.uid == uid))
