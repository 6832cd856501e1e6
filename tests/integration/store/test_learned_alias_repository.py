"""The `learned_aliases` table on SQLite and PostgreSQL: round trip, no duplicates, search, and the service storing
them in the batch that stores the article's reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest

from warlog.records import Article, ArticleExtraction, Evidence, LearnedAlias
from warlog.service import IngestService
from warlog.store import ArticleRepository, Database, LearnedAliasRepository, ReportRepository

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
TEXT = "The Marsh Lions Front (MLF) said its commander Abu Tariq, also known as Salim al-Hadi, had left."


def alias(alias: str, name: str, start: int, doc_id: str = "doc-1", actor: tuple[str, str] | None = None
          ) -> LearnedAlias:
    return LearnedAlias(
        alias=alias,
        name=name,
        actor_id=actor[0] if actor else None,
        actor=actor[1] if actor else None,
        doc_id=doc_id,
        pattern="abbreviation" if alias.isupper() else "aka",
        start=start,
        end=start + len(name),
        evidence=Evidence(sentence=TEXT, start=0, end=len(TEXT)),
    )


MLF = alias("MLF", "Marsh Lions Front", 4)
TARIQ = alias("Salim al-Hadi", "Abu Tariq", 48, actor=("abu-tariq", "Abu Tariq"))


def add_article(database: Database, doc_id: str, content_hash: str) -> int:
    with database.transaction() as session:
        return ArticleRepository(session).add(
            Article(doc_id=doc_id, text=TEXT),
            content_hash=content_hash,
            canonical_url=None,
            url_hash=None,
            minhash=None,
            near_duplicate_of=None,
            ingested_at=NOW,
        )


def test_learned_aliases_round_trip_with_their_article_and_time(database: Database) -> None:
    article_id = add_article(database, "doc-1", "h1")
    with database.transaction() as session:
        assert LearnedAliasRepository(session).add_all(article_id, [MLF, TARIQ], NOW) == 2
    with database.transaction() as session:
        stored = LearnedAliasRepository(session).list()
    assert [s.learned for s in stored] == [MLF, TARIQ]
    assert {(s.article_id, s.learned_at) for s in stored} == {(article_id, NOW)}


def test_the_same_alias_at_the_same_place_is_stored_once(database: Database) -> None:
    article_id = add_article(database, "doc-1", "h1")
    with database.transaction() as session:
        assert LearnedAliasRepository(session).add_all(article_id, [MLF, MLF], NOW) == 1
    with database.transaction() as session:
        assert LearnedAliasRepository(session).add_all(article_id, [MLF, TARIQ], NOW) == 1
        assert LearnedAliasRepository(session).count() == 2


def test_another_article_teaching_the_same_alias_is_kept_as_its_own_lesson(database: Database) -> None:
    first, second = add_article(database, "doc-1", "h1"), add_article(database, "doc-2", "h2")
    with database.transaction() as session:
        repository = LearnedAliasRepository(session)
        repository.add_all(first, [MLF], NOW)
        repository.add_all(second, [alias("MLF", "Marsh Lions Front", 4, doc_id="doc-2")], NOW)
    with database.transaction() as session:
        assert [s.learned.doc_id for s in LearnedAliasRepository(session).list("mlf")] == ["doc-1", "doc-2"]


def test_search_folds_case_accents_and_articles_and_filters_by_actor(database: Database) -> None:
    article_id = add_article(database, "doc-1", "h1")
    with database.transaction() as session:
        LearnedAliasRepository(session).add_all(article_id, [MLF, TARIQ], NOW)
    with database.transaction() as session:
        repository = LearnedAliasRepository(session)
        assert [s.learned.alias for s in repository.list("SALIM HADI")] == ["Salim al-Hadi"]
        assert [s.learned.alias for s in repository.list("marsh lions")] == ["MLF"]
        assert [s.learned.alias for s in repository.list(actor_ids=["abu-tariq"])] == ["Salim al-Hadi"]
        assert repository.list("nobody") == []


def teaching(articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
    """A real extractor for storage tests: every article teaches MLF and no event."""
    for article in articles:
        yield ArticleExtraction(article=article, learned_aliases=[MLF.model_copy(update={"doc_id": article.doc_id})])


def test_the_service_stores_learned_aliases_once_even_when_re_ingested(database: Database) -> None:
    articles = [Article(doc_id="a", text=TEXT), Article(doc_id="b", text="An unrelated note about the weather.")]
    first = IngestService(database, extractor=teaching).ingest(articles)
    again = IngestService(database, extractor=teaching).ingest(articles)
    assert (first.learned_aliases, again.learned_aliases) == (2, 0)
    with database.transaction() as session:
        assert [s.learned.doc_id for s in LearnedAliasRepository(session).list()] == ["a", "b"]


def test_a_failing_batch_stores_neither_its_articles_nor_their_aliases(database: Database) -> None:
    def fails_on_second_batch(articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
        batch = list(articles)
        if any(a.doc_id == "n2" for a in batch):
            raise RuntimeError("extractor crashed")
        return teaching(batch)

    articles = [
        Article(doc_id=f"n{i}", text=f"Note {i}: " + " ".join(f"w{i}y{j}" for j in range(30))) for i in range(4)
    ]
    with pytest.raises(RuntimeError):
        IngestService(database, extractor=fails_on_second_batch, batch_size=2).ingest(articles)
    with database.transaction() as session:
        assert (ArticleRepository(session).count(), LearnedAliasRepository(session).count()) == (2, 2)
        assert ReportRepository(session).count() == 0
