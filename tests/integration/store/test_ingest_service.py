"""The ingest service on SQLite and PostgreSQL: duplicates skipped, near-duplicates linked, batches atomic."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest

from warlog.records import Article, ArticleExtraction, Event
from warlog.service import IngestService
from warlog.store import ArticleRepository, Database, ReportRepository

STORY = (
    "Two drones struck a logistics base near the airport late on Monday, a security official said. "
    "The base hosts foreign troops and local forces. No casualties were reported, but a hangar was damaged. "
    "A little-known group calling itself the Guardians of the Valley claimed the attack on a messaging channel, "
    "while officials blamed a larger militia, which denied any role in a statement on Tuesday."
)


def one_event_each(articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
    """A real extractor for storage tests: one constructed event per article."""
    for article in articles:
        event = Event(
            doc_id=article.doc_id,
            event_id=f"{article.doc_id}-1",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
        )
        yield ArticleExtraction(article=article, events=[event])


def counts(database: Database) -> tuple[int, int]:
    with database.transaction() as session:
        return ArticleRepository(session).count(), ReportRepository(session).count()


def test_reingest_adds_nothing_and_reports_duplicates(database: Database) -> None:
    articles = [Article(doc_id=f"d{i}", text=f"Article number {i}. {STORY}" if i else STORY) for i in range(3)]
    service = IngestService(database, extractor=one_event_each, batch_size=2)
    first = service.ingest(articles)
    assert (first.articles, first.reports) == (3, 1)
    assert [(n.doc_id, n.original_doc_id) for n in first.near_duplicates] == [("d1", "d0"), ("d2", "d0")]
    second = service.ingest(articles)
    assert (second.articles, second.reports, len(second.duplicates)) == (0, 0, 3)
    assert counts(database) == (3, 1)


def test_same_text_with_other_spacing_or_same_canonical_url_is_a_duplicate(database: Database) -> None:
    service = IngestService(database, extractor=one_event_each)
    service.ingest([Article(doc_id="a", text=STORY, url="https://news.example/story/")])
    report = service.ingest(
        [
            Article(doc_id="spaced", text="  " + STORY.replace(". ", ".\n\n") + "\nAdvertisement\n"),
            Article(
                doc_id="tracked",
                text="Entirely different words here.",
                url="https://NEWS.example/story?utm_source=x#top",
            ),
        ]
    )
    assert [(d.doc_id, d.original_doc_id) for d in report.duplicates] == [("spaced", "a"), ("tracked", "a")]
    assert counts(database) == (1, 1)


def test_syndicated_copy_is_stored_linked_and_not_extracted(database: Database) -> None:
    service = IngestService(database, extractor=one_event_each)
    service.ingest([Article(doc_id="original", text=STORY)])
    copy = Article(doc_id="copy", text="Drones hit base, group claims\n" + STORY + "\nCopyright 2024 Example Media.")
    report = service.ingest([copy])
    assert [(n.doc_id, n.original_doc_id) for n in report.near_duplicates] == [("copy", "original")]
    with database.transaction() as session:
        stored = {a.article.doc_id: a for a in ArticleRepository(session).list()}
    assert stored["copy"].near_duplicate_of == stored["original"].id
    assert counts(database) == (2, 1)


def test_a_failing_batch_stores_nothing_and_earlier_batches_stay(database: Database) -> None:
    def fails_on_second_batch(articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
        batch = list(articles)
        if any(a.doc_id == "b2" for a in batch):
            raise RuntimeError("extractor crashed")
        return one_event_each(batch)

    articles = [
        Article(doc_id=f"b{i}", text=f"Unrelated report {i}: " + " ".join(f"w{i}x{j}" for j in range(30)))
        for i in range(4)
    ]
    with pytest.raises(RuntimeError):
        IngestService(database, extractor=fails_on_second_batch, batch_size=2).ingest(articles)
    assert counts(database) == (2, 2)
    IngestService(database, extractor=one_event_each, batch_size=2).ingest(articles)
    assert counts(database) == (4, 4)


def test_articles_another_ingest_committed_first_become_duplicates_not_an_error(database: Database) -> None:
    articles = [
        Article(doc_id=f"c{i}", text=f"Separate report {i}: " + " ".join(f"v{i}y{j}" for j in range(30)))
        for i in range(3)
    ]
    extracted: list[str] = []

    def races_another_ingest(batch: Iterable[Article]) -> Iterator[ArticleExtraction]:
        """While this ingest extracts its batch, a second ingest stores two of the same articles."""
        batch = list(batch)
        extracted.extend(article.doc_id for article in batch)
        if len(extracted) == len(batch):
            IngestService(database, extractor=one_event_each).ingest(articles[:2])
        return one_event_each(batch)

    report = IngestService(database, extractor=races_another_ingest).ingest(articles)
    assert sorted(d.doc_id for d in report.duplicates) == ["c0", "c1"]
    assert (report.articles, report.reports) == (1, 1)
    assert counts(database) == (3, 3)
    assert extracted == ["c0", "c1", "c2"]


class StartsAhead:
    """A real extractor that can start a batch before it is needed, as `ParallelExtractor` does; it logs when
    each batch is started and waited for."""

    def __init__(self, log: list[tuple[str, list[str]]]) -> None:
        self.log = log

    def __call__(self, articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
        return one_event_each(articles)

    def submit(self, articles: list[Article]) -> Callable[[], list[ArticleExtraction]]:
        ids = [article.doc_id for article in articles]
        self.log.append(("start", ids))

        def wait() -> list[ArticleExtraction]:
            self.log.append(("wait", ids))
            return list(one_event_each(articles))

        return wait


def distinct_articles(prefix: str, count: int) -> list[Article]:
    return [
        Article(
            doc_id=f"{prefix}{i}",
            text=f"Distinct report {prefix}{i}: " + " ".join(f"{prefix}{i}z{j}" for j in range(30)),
        )
        for i in range(count)
    ]


def test_the_next_batch_is_extracted_while_the_current_one_is_committed(database: Database) -> None:
    log: list[tuple[str, list[str]]] = []
    service = IngestService(database, extractor=StartsAhead(log), batch_size=2)
    service.ingest(distinct_articles("e", 5), on_batch=lambda n: log.append(("committed", [str(n)])))
    assert log == [
        ("start", ["e0", "e1"]),
        ("start", ["e2", "e3"]),
        ("wait", ["e0", "e1"]),
        ("committed", ["2"]),
        ("start", ["e4"]),
        ("wait", ["e2", "e3"]),
        ("committed", ["2"]),
        ("wait", ["e4"]),
        ("committed", ["1"]),
    ]
    assert counts(database) == (5, 5)


def test_copies_of_stored_or_earlier_articles_are_not_extracted_ahead(database: Database) -> None:
    articles = distinct_articles("f", 3)
    IngestService(database, extractor=one_event_each).ingest(articles[:2])
    log: list[tuple[str, list[str]]] = []
    copy_of_new = Article(doc_id="f2-copy", text=articles[2].text)
    IngestService(database, extractor=StartsAhead(log), batch_size=2).ingest([*articles, copy_of_new])
    assert log == [("start", ["f2"]), ("wait", ["f2"])]
    assert counts(database) == (3, 3)


def test_a_reader_failing_after_a_full_batch_still_stores_that_batch(database: Database) -> None:
    def read() -> Iterator[Article]:
        yield from distinct_articles("g", 3)
        raise OSError("the feed broke off")

    with pytest.raises(OSError, match="broke off"):
        IngestService(database, extractor=StartsAhead([]), batch_size=2).ingest(read())
    assert counts(database) == (2, 2)
