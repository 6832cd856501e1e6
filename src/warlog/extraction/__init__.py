"""Event extraction: stages that turn a parsed article into ACLED-compatible events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from warlog.records import Article, ArticleExtraction


def extract_articles(articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
    """Run the default pipeline over `articles`: one `ArticleExtraction` (events, learned aliases) per article,
    in input order."""
    from warlog.extraction.pipeline import default_pipeline

    return default_pipeline().run(articles)
