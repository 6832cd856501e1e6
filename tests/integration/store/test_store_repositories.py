"""Repositories on SQLite and PostgreSQL: articles and event reports round-trip, filters select the right rows."""

from __future__ import annotations

import datetime as dt

from warlog.records import Article, Claim, Event, Evidence
from warlog.store import ArticleRepository, Database, ReportRepository, open_database
from warlog.store.records import ArticleFilter, ReportFilter

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def make_event(event_id: str, **fields) -> Event:
    base = dict(
        doc_id="doc", event_id=event_id, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"
    )
    return Event(**{**base, **fields})


def add_article(
    database: Database, article: Article, events: list[Event] = (), content_hash: str = "h", url_hash: str | None = None
) -> int:
    with database.transaction() as session:
        article_id = ArticleRepository(session).add(
            article,
            content_hash=content_hash,
            canonical_url=None,
            url_hash=url_hash,
            minhash=None,
            near_duplicate_of=None,
            ingested_at=NOW,
        )
        ReportRepository(session).add_all(article_id, events)
    return article_id


def test_event_reports_round_trip_exactly(database: Database) -> None:
    evidence = Evidence(sentence="A drone hit the base.", start=0, end=21)
    event = make_event(
        "e1",
        event_date="2024-04-30",
        date_precision="day",
        actor1="Unidentified Armed Group",
        country="Iraq",
        latitude=36.19,
        longitude=44.01,
        weapons=["drone", "rocket"],
        fatalities=0,
        evidence=[evidence],
        attribution_status="disputed",
        claims=[Claim(kind="denied", actor="Some Group", evidence=evidence)],
    )
    add_article(database, Article(doc_id="doc", text="A drone hit the base.", source="Wire"), [event])
    with database.transaction() as session:
        [stored] = ReportRepository(session).list()
    assert stored.event == event and stored.source == "Wire"


def test_report_filters(database: Database) -> None:
    events = [
        make_event("a", event_date="2024-01-15", actor1="Kataib Hezbollah", country="Iraq", weapons=["drone"]),
        make_event(
            "b",
            event_date="2024-02",
            date_precision="month",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            country="Syria",
        ),
        make_event("c", actor2="Houthis", country="Yemen", weapons=["anti-ship missile"]),
    ]
    add_article(database, Article(doc_id="doc", text="text"), events)

    def ids(**where) -> list[str]:
        with database.transaction() as session:
            return [r.event.event_id for r in ReportRepository(session).list(ReportFilter(**where))]

    assert ids() == ["a", "b", "c"]
    assert ids(since=dt.date(2024, 2, 1)) == ["b"]
    assert ids(until=dt.date(2024, 1, 31)) == ["a"]
    assert ids(type="peaceful PROTEST") == ["b"] and ids(type="Explosions/Remote violence") == ["a", "c"]
    assert ids(actor="hezbollah") == ["a"] and ids(actor="houthi") == ["c"]
    assert ids(country="yemen") == ["c"]
    assert ids(weapon="missile") == ["c"] and ids(weapon="drone") == ["a"]
    assert ids(limit=2) == ["a", "b"]


def test_article_filters_and_duplicate_lookup(database: Database) -> None:
    add_article(
        database,
        Article(
            doc_id="one",
            text="Rockets hit the airport.",
            source="Wire",
            published=dt.date(2024, 3, 1),
            published_source="user",
        ),
        content_hash="h1",
    )
    add_article(
        database,
        Article(doc_id="two", text="A protest in the square.", title="Crowds gather", source="Other"),
        content_hash="h2",
    )
    with database.transaction() as session:
        articles = ArticleRepository(session)
        assert [a.article.doc_id for a in articles.list(ArticleFilter(source="wire"))] == ["one"]
        assert [a.article.doc_id for a in articles.list(ArticleFilter(search="CROWDS"))] == ["two"]
        assert [a.article.doc_id for a in articles.list(ArticleFilter(since=dt.date(2024, 2, 1)))] == ["one"]
        assert articles.duplicate_doc_ids([("h2", None), ("nope", None), ("nope", "u1")]) == ["two", None, None]
        stored = articles.list()[0]
        assert stored.ingested_at == NOW and stored.article.published_source == "user"


def test_a_duplicate_is_the_first_stored_article_with_the_same_text_or_url(database: Database) -> None:
    add_article(database, Article(doc_id="by-url", text="First."), content_hash="h1", url_hash="u1")
    add_article(database, Article(doc_id="by-text", text="Second."), content_hash="h2", url_hash="u2")
    with database.transaction() as session:
        found = ArticleRepository(session).duplicate_doc_ids([("h2", "u1"), ("h2", "u9"), ("h9", "u2"), ("h9", None)])
    assert found == ["by-url", "by-text", "by-text", None]


def test_opening_again_keeps_data_and_schema(db_url: str) -> None:
    first = open_database(db_url)
    add_article(first, Article(doc_id="kept", text="Kept text."))
    first.close()
    second = open_database(db_url)
    with second.transaction() as session:
        assert ArticleRepository(session).count() == 1
    second.close()
