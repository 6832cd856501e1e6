"""The `learned_aliases` table: aliases articles defined, each with the article and sentence that taught it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from warlog.records import Evidence, LearnedAlias
from warlog.store.models import ArticleRow, LearnedAliasRow, as_utc
from warlog.store.records import StoredLearnedAlias


class LearnedAliasRepository:
    """Reads and writes `learned_aliases` rows within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_all(self, article_id: int, aliases: Iterable[LearnedAlias], learned_at: dt.datetime) -> int:
        """Store the aliases one article taught, skipping any it already taught at the same place; returns how many
        were new."""
        query = select(LearnedAliasRow.alias, LearnedAliasRow.start).where(LearnedAliasRow.article_id == article_id)
        stored = {(alias, start) for alias, start in self.session.execute(query)}
        rows = []
        for item in aliases:
            if (item.alias, item.start) in stored:
                continue
            stored.add((item.alias, item.start))
            rows.append(_row(article_id, item, learned_at))
        self.session.add_all(rows)
        self.session.flush()
        return len(rows)

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(LearnedAliasRow)) or 0

    def list(self, search: str = "", actor_ids: Iterable[str] | None = None) -> list[StoredLearnedAlias]:
        """Learned aliases in the order they were learned that match `search` (`LearnedAlias.matches`) and, given
        `actor_ids`, stand for one of these actors."""
        query = select(LearnedAliasRow, ArticleRow.doc_id).join(ArticleRow).order_by(LearnedAliasRow.id)
        if actor_ids is not None:
            query = query.where(LearnedAliasRow.actor_id.in_(list(actor_ids)))
        found = (_stored(row, doc_id) for row, doc_id in self.session.execute(query))
        return [item for item in found if item.learned.matches(search)]


def _row(article_id: int, item: LearnedAlias, learned_at: dt.datetime) -> LearnedAliasRow:
    return LearnedAliasRow(
        article_id=article_id,
        alias=item.alias,
        name=item.name,
        actor_id=item.actor_id,
        actor=item.actor,
        pattern=item.pattern,
        start=item.start,
        end=item.end,
        sentence=item.evidence.sentence,
        sentence_start=item.evidence.start,
        sentence_end=item.evidence.end,
        learned_at=learned_at,
    )


def _stored(row: LearnedAliasRow, doc_id: str) -> StoredLearnedAlias:
    """The typed record of a row."""
    learned = LearnedAlias(
        alias=row.alias,
        name=row.name,
        actor_id=row.actor_id,
        actor=row.actor,
        doc_id=doc_id,
        pattern=row.pattern,
        start=row.start,
        end=row.end,
        evidence=Evidence(sentence=row.sentence, start=row.sentence_start, end=row.sentence_end),
    )
    return StoredLearnedAlias(id=row.id, article_id=row.article_id, learned=learned, learned_at=as_utc(row.learned_at))
