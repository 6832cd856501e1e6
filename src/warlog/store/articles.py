"""The `articles` table: add articles, find duplicates by their keys, list with filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from warlog.records import Article
from warlog.store.models import ArticleRow, as_utc
from warlog.store.records import ArticleFilter, StoredArticle


class ArticleRepository:
    """Reads and writes `articles` rows within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        article: Article,
        *,
        content_hash: str,
        canonical_url: str | None,
        url_hash: str | None,
        minhash: bytes | None,
        near_duplicate_of: int | None,
        ingested_at: dt.datetime,
    ) -> int:
        """Insert one article and return its id."""
        row = ArticleRow(
            doc_id=article.doc_id,
            content_hash=content_hash,
            url=article.url,
            canonical_url=canonical_url,
            url_hash=url_hash,
            title=article.title,
            source=article.source,
            text=article.text,
            published=article.published,
            published_source=article.published_source,
            ingested_at=ingested_at,
            minhash=minhash,
            near_duplicate_of=near_duplicate_of,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def duplicate_doc_ids(self, keys: Iterable[tuple[str, str | None]]) -> list[str | None]:
        """For each (content hash, URL hash), the doc id of the first stored article (by id) with the same
        normalised text or the same canonical URL, or None; in one query."""
        keys = list(keys)
        hashes = {content for content, _url in keys}
        urls = {url for _content, url in keys if url is not None}
        condition = ArticleRow.content_hash.in_(hashes)
        if urls:
            condition = or_(condition, ArticleRow.url_hash.in_(urls))
        query = select(ArticleRow.id, ArticleRow.doc_id, ArticleRow.content_hash, ArticleRow.url_hash).where(condition)
        first: dict[tuple[str, str | None], tuple[int, str]] = {}
        for row_id, doc_id, content, url in self.session.execute(query.order_by(ArticleRow.id)):
            first.setdefault(("content", content), (row_id, doc_id))
            if url is not None:
                first.setdefault(("url", url), (row_id, doc_id))
        found = []
        for content, url in keys:
            matches = [m for m in (first.get(("content", content)), first.get(("url", url))) if m is not None]
            found.append(min(matches)[1] if matches else None)
        return found

    def get(self, article_id: int) -> StoredArticle | None:
        row = self.session.get(ArticleRow, article_id)
        return _stored(row) if row is not None else None

    def signatures(self) -> Iterator[tuple[int, bytes]]:
        """Every stored MinHash signature, by article id."""
        query = select(ArticleRow.id, ArticleRow.minhash).where(ArticleRow.minhash.is_not(None))
        yield from self.session.execute(query)

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def list(self, where: ArticleFilter | None = None) -> list[StoredArticle]:
        """Stored articles matching `where` (its offset and limit), oldest first."""
        where = where or ArticleFilter()
        query = select(ArticleRow).where(*_conditions(where)).order_by(ArticleRow.id).offset(where.offset)
        if where.limit:
            query = query.limit(where.limit)
        return [_stored(row) for row in self.session.scalars(query)]

    def matching(self, where: ArticleFilter) -> int:
        """How many articles match `where` (its offset and limit ignored)."""
        query = select(func.count()).select_from(ArticleRow).where(*_conditions(where))
        return self.session.scalar(query) or 0


def _conditions(where: ArticleFilter) -> list:
    found = []
    if where.source:
        found.append(func.lower(ArticleRow.source) == where.source.lower())
    if where.since:
        found.append(ArticleRow.published >= where.since)
    if where.until:
        found.append(ArticleRow.published <= where.until)
    if where.search:
        pattern = f"%{where.search}%"
        found.append(or_(ArticleRow.title.ilike(pattern), ArticleRow.text.ilike(pattern)))
    return found


def _stored(row: ArticleRow) -> StoredArticle:
    """The typed record of a row."""
    article = Article(
        doc_id=row.doc_id,
        text=row.text,
        title=row.title,
        url=row.url,
        published=row.published,
        published_source=row.published_source,
        source=row.source,
    )
    return StoredArticle(
        id=row.id,
        article=article,
        content_hash=row.content_hash,
        canonical_url=row.canonical_url,
        ingested_at=as_utc(row.ingested_at),
        near_duplicate_of=row.near_duplicate_of,
    )
