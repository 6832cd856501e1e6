"""`/api/articles`: stored articles (filtered, paged), one article with its text and events, and uploads (a write)
that go through the same ingest service as `warlog ingest`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from warlog.records import Article
from warlog.service import IngestService
from warlog.store.articles import ArticleRepository
from warlog.store.records import ArticleFilter, StoredArticle
from warlog.store.reports import ReportRepository
from warlog.web.auth import ReadAccess, WriteAccess
from warlog.web.deps import DbSession
from warlog.web.params import Offset, PageSize, Text, bad_parameter
from warlog.web.schemas import ArticleDetail, ArticleInfo, ArticlePage, ArticleUpload, IngestResult

router = APIRouter(prefix="/api/articles", tags=["articles"])


def article_info(stored: StoredArticle, with_text: bool = False) -> ArticleInfo:
    """The API view of a stored article."""
    a = stored.article
    return ArticleInfo(
        id=stored.id,
        doc_id=a.doc_id,
        title=a.title,
        url=a.url,
        source=a.source,
        published=a.published,
        published_source=a.published_source,
        near_duplicate_of=stored.near_duplicate_of,
        ingested_at=stored.ingested_at,
        text=a.text if with_text else None,
    )


@router.get("", response_model=ArticlePage, dependencies=[ReadAccess])
def list_articles(
    session: DbSession,
    source: Text = None,
    since: Annotated[dt.date | None, Query(description="Published on or after.")] = None,
    until: Annotated[dt.date | None, Query(description="Published on or before.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Title or text contains this.")] = None,
    offset: Offset = 0,
    limit: PageSize = 50,
):
    """Stored articles, oldest first (without their text)."""
    if since and until and since > until:
        raise bad_parameter("since", f"{since} is after until ({until})")
    where = ArticleFilter(source=source, since=since, until=until, search=q)
    articles = ArticleRepository(session)
    found = articles.list(where.model_copy(update={"offset": offset, "limit": limit}))
    return ArticlePage(
        total=articles.matching(where), offset=offset, limit=limit, items=[article_info(a) for a in found]
    )


@router.get("/{article_id}", response_model=ArticleDetail, dependencies=[ReadAccess])
def article_detail(article_id: int, session: DbSession):
    """One article with its text and the event reports extracted from it."""
    stored = ArticleRepository(session).get(article_id)
    if stored is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id}")
    reports = [r.event for r in ReportRepository(session).of_article(article_id)]
    return ArticleDetail(**article_info(stored, with_text=True).model_dump(), reports=reports)


@router.post("", response_model=IngestResult, dependencies=[WriteAccess])
def upload_articles(body: ArticleUpload, request: Request):
    """Ingest articles: duplicates are skipped, near-duplicates linked, events extracted, stored and linked."""
    articles = [
        Article(
            doc_id=a.id,
            text=a.text,
            title=a.title,
            url=a.url,
            published=a.published,
            published_source="user" if a.published else "unknown",
            source=a.source,
        )
        for a in body.articles
    ]
    report = IngestService(request.app.state.database).ingest(articles)
    return IngestResult(
        articles=report.articles,
        reports=report.reports,
        duplicates=[d.doc_id for d in report.duplicates],
        near_duplicates=[d.doc_id for d in report.near_duplicates],
    )
