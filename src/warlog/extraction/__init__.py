"""Event extraction: stages that turn a parsed article into ACLED-compatible events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from warlog.records import Article, Event


def extract_articles(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """Run the default pipeline over `articles`, yielding each with its events."""
    from warlog.extraction.pipeline import default_pipeline

    return default_pipeline().run(articles)
