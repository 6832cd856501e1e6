"""Invented articles for the parallel-execution tests: more than two chunks, violent and ordinary news mixed."""

from __future__ import annotations

import datetime as dt

import pytest

from warlog.records import Article

PLACES = ("Kandahar", "Mosul", "Aleppo", "Kharkiv", "Goma", "Mogadishu", "Sanaa", "Timbuktu")
VIOLENT = (
    "A drone struck a checkpoint near {place} on Monday, killing {n} soldiers, a local official said. "
    "Residents said the explosion shook nearby homes. No group has claimed the attack.",
    "Gunmen attacked a police station in {place} late on Tuesday and wounded {n} officers, police said. "
    "The attackers fled on motorcycles after an hour-long exchange of fire.",
)
ORDINARY = (
    "The city council of {place} approved a new budget for schools and roads on Wednesday. "
    "The mayor said {n} new classrooms would open next year.",
)


def corpus(count: int = 20) -> list[Article]:
    """`count` distinct invented articles; every third one is ordinary news."""
    articles = []
    for number in range(count):
        templates = ORDINARY if number % 3 == 2 else VIOLENT
        text = templates[number % len(templates)].format(place=PLACES[number % len(PLACES)], n=number + 2)
        articles.append(Article(doc_id=f"par-{number}", text=text, published=dt.date(2024, 3, 4)))
    return articles


@pytest.fixture(scope="session")
def articles() -> list[Article]:
    return corpus()


@pytest.fixture(scope="session")
def single_process_events(articles: list[Article]) -> list[list[dict]]:
    """The events of each article as the single-process core extracts them (JSON form)."""
    from warlog.extraction import extract_articles

    return [[event.model_dump(mode="json") for event in item.events] for item in extract_articles(articles)]
