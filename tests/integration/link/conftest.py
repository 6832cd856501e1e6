"""The invented linking fixture, extracted once per session with the real pipeline."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from warlog.extraction import extract_articles
from warlog.records import Article, ArticleExtraction

BENCHMARK = Path(__file__).resolve().parents[3] / "benchmarks" / "linking_fixture.py"


@pytest.fixture(scope="session")
def linking_benchmark() -> ModuleType:
    """`benchmarks/linking_fixture.py`, the one loader and runner of the fixture."""
    spec = importlib.util.spec_from_file_location("linking_fixture", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def fixture_articles(linking_benchmark: ModuleType) -> tuple[list[Article], dict[str, str]]:
    """The fixture's articles and each one's gold event label."""
    return linking_benchmark.load_fixture()


@pytest.fixture(scope="session")
def extracted(fixture_articles) -> dict[str, ArticleExtraction]:
    """What the shipped pipeline reads in each fixture article, by doc_id."""
    articles, _gold = fixture_articles
    return {item.article.doc_id: item for item in extract_articles(articles)}
