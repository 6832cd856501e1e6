"""The service layer: readers' articles → duplicate checks → extraction → persistence → linking, one
transaction per batch (new reports join the stored canonical events, see `warlog.store.linking`). An article's
reports and the aliases it taught are stored in the same transaction.

Stages know nothing of storage; this is the one place that joins extraction and the database. A batch is
committed whole or not at all, so a crash leaves the database consistent, and re-running the same ingest
adds nothing new (every stored article is found again by its content hash or canonical URL). When another
ingest commits the same articles first, a batch's commit breaks a unique constraint: the batch is planned
again against what is stored now (those articles become duplicates) and committed, without re-extracting.

While one batch is committed and linked, the next one is already being extracted (with an extractor that can
start work ahead, `ParallelExtractor`): the articles its plan will most likely keep are sent to the workers first.
The plan itself is still made after the commit, so the result is the same; an article the plan drops was only
extracted in vain, and one it keeps that was not sent ahead is extracted then.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol, runtime_checkable

from sqlalchemy.exc import IntegrityError

from warlog.ingest import dedup
from warlog.link.cluster import Verdicts
from warlog.records import Article, ArticleExtraction
from warlog.store import ArticleRepository, Database, LearnedAliasRepository, ReportRepository
from warlog.store.linking import EventLinker

Extractor = Callable[[Iterable[Article]], Iterator[ArticleExtraction]]
"""The extraction core's shape: one `ArticleExtraction` per article, in input order (`extract_articles`)."""
Wait = Callable[[], list[ArticleExtraction]]
DEFAULT_BATCH_SIZE = 32
CONFLICT_RETRIES = 3


@dataclass(frozen=True)
class Duplicate:
    """An article that was not stored because an identical one (same text or canonical URL) already was."""

    doc_id: str
    original_doc_id: str


@dataclass(frozen=True)
class NearDuplicate:
    """An article stored as a near-copy of an earlier one (e.g. syndicated with another headline or footer)."""

    doc_id: str
    original_doc_id: str


@dataclass
class IngestReport:
    """What one ingest did."""

    articles: int = 0
    reports: int = 0
    learned_aliases: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)

    def add(self, other: IngestReport) -> None:
        """Count what `other` (one batch) did into this report."""
        self.articles += other.articles
        self.reports += other.reports
        self.learned_aliases += other.learned_aliases
        self.duplicates += other.duplicates
        self.near_duplicates += other.near_duplicates


@dataclass
class _Planned:
    """An article that will be stored, with its keys and the index key of the article it nearly copies.

    Index keys are ("db", article id) for stored articles and ("batch", position) for earlier ones of the batch.
    """

    article: Article
    content_hash: str
    url_hash: str | None
    signature: dedup.MinHash
    near_duplicate_of: tuple[str, int] | None


@runtime_checkable
class AheadExtractor(Protocol):
    """An extractor that can start a batch ahead (`ParallelExtractor`): `submit` returns the call that waits."""

    def submit(self, articles: list[Article]) -> Wait: ...


class _Started:
    """Extractions started before they are needed, by article (object identity; dropped with their batch)."""

    def __init__(self, extractor: Extractor | AheadExtractor) -> None:
        self._submit: Callable[[list[Article]], Wait] = (
            extractor.submit
            if isinstance(extractor, AheadExtractor)
            else lambda articles: lambda: list(extractor(articles))
        )
        self._waiting: dict[int, tuple[Wait, int]] = {}

    def start(self, articles: list[Article]) -> None:
        """Start extracting those of `articles` not started yet."""
        articles = [article for article in articles if id(article) not in self._waiting]
        if articles:
            wait = functools.cache(self._submit(articles))
            self._waiting.update((id(article), (wait, n)) for n, article in enumerate(articles))

    def take(self, articles: list[Article]) -> list[ArticleExtraction]:
        """The extractions of `articles`, in order (waiting for them, starting any not started)."""
        self.start(articles)
        return [wait()[n] for wait, n in (self._waiting.pop(id(article)) for article in articles)]

    def drop(self, articles: Iterable[Article]) -> None:
        """Forget what was started for `articles` and not taken."""
        for article in articles:
            self._waiting.pop(id(article), None)


@dataclass
class _Run:
    """What one `ingest` call carries from batch to batch: the near-duplicate index, the extractions started
    ahead, the MinHash signatures computed ahead (by article object, dropped with their batch), and what the
    last batch's linking knows (`link.cluster.Verdicts`)."""

    index: dedup.NearDuplicateIndex
    started: _Started
    verdicts: Verdicts | None = None
    signatures: dict[int, dedup.MinHash] = field(default_factory=dict)

    def signature(self, article: Article) -> dedup.MinHash:
        """The article's MinHash signature, computed once while its batch is planned."""
        found = self.signatures.get(id(article))
        if found is None:
            found = self.signatures[id(article)] = dedup.minhash(article.text)
        return found


def _default_extractor(articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
    from warlog.extraction import extract_articles

    return extract_articles(articles)


class IngestService:
    """Ingest articles and their events; near-duplicates are stored and linked, not re-extracted."""

    def __init__(
        self,
        database: Database,
        extractor: Extractor | AheadExtractor = _default_extractor,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        self.database = database
        self.extractor = extractor
        self.batch_size = batch_size

    def ingest(self, articles: Iterable[Article], on_batch: Callable[[int], None] | None = None) -> IngestReport:
        """Store `articles` and their events; `on_batch(n)` is called after each committed batch of n articles."""
        report = IngestReport()
        run = _Run(self._load_index(), _Started(self.extractor))
        iterator = iter(articles)
        batch = list(islice(iterator, self.batch_size))
        while batch:
            try:
                upcoming = list(islice(iterator, self.batch_size))
            except Exception:  # a reader failed: what was read before it is still stored, then the error goes up
                report.add(self._ingest_batch(batch, run, []))
                raise
            report.add(self._ingest_batch(batch, run, upcoming))
            if on_batch is not None:
                on_batch(len(batch))
            batch = upcoming
        return report

    def _ingest_batch(self, batch: list[Article], run: _Run, upcoming: list[Article]) -> IngestReport:
        """Plan, extract and commit one batch, starting the `upcoming` one's extraction before the commit; if a
        concurrent ingest stored some of its articles first, plan it again (they are duplicates now) and commit
        what is left. Each article is extracted once."""
        extracted: dict[int, ArticleExtraction] = {}
        conflicts = 0
        try:
            while True:
                outcome = IngestReport()
                planned = self._plan(batch, run, outcome)
                new = [plan.article for plan in planned if plan.near_duplicate_of is None]
                todo = [article for article in new if id(article) not in extracted]
                run.started.start(todo)  # before the upcoming batch, so that the workers take this one first
                if upcoming and not conflicts:
                    run.started.start(self._likely_new(upcoming, run))
                extracted.update(zip(map(id, todo), run.started.take(todo), strict=True))
                try:
                    self._store(planned, [extracted[id(article)] for article in new], run, outcome)
                except IntegrityError:
                    conflicts += 1
                    if conflicts > CONFLICT_RETRIES:
                        raise
                    continue
                return outcome
        finally:
            run.started.drop(batch)
            for article in batch:
                run.signatures.pop(id(article), None)

    def _load_index(self) -> dedup.NearDuplicateIndex:
        index = dedup.NearDuplicateIndex.empty()
        with self.database.transaction() as session:
            for article_id, signature in ArticleRepository(session).signatures():
                index.add(("db", article_id), dedup.from_bytes(signature))
        return index

    def _plan(self, batch: list[Article], run: _Run, report: IngestReport) -> list[_Planned]:
        """Decide, for each article of a batch, whether it is a duplicate, a near-duplicate or new."""
        planned: list[_Planned] = []
        index = run.index
        for article, keys, original, articles in self._copies(batch):
            if original is not None:
                report.duplicates.append(Duplicate(article.doc_id, original))
                continue
            signature = run.signature(article)
            near = index.closest(signature)
            if near is not None:
                original = (
                    planned[near[1]].article.doc_id if near[0] == "batch" else articles.get(near[1]).article.doc_id
                )
                report.near_duplicates.append(NearDuplicate(article.doc_id, original))
            index.add(("batch", len(planned)), signature)
            planned.append(_Planned(article, *keys, signature, near))
        return planned

    def _likely_new(self, batch: list[Article], run: _Run) -> list[Article]:
        """The articles of a coming batch that its plan will extract if nothing is stored before then: copies of
        none before them, near-copies of none indexed now. Only their signatures are kept (`_plan` decides)."""
        return [
            article
            for article, _keys, original, _articles in self._copies(batch)
            if original is None and run.index.closest(run.signature(article)) is None
        ]

    def _copies(
        self, batch: list[Article]
    ) -> Iterator[tuple[Article, tuple[str, str | None], str | None, ArticleRepository]]:
        """Each article with its (content hash, URL hash), the doc id of the earlier or stored article with the same
        text or canonical URL (None if there is none), and the article store, read in one transaction."""
        seen: dict[str, str] = {}
        keys = [(dedup.content_hash(article.text), dedup.url_hash(article.url)) for article in batch]
        with self.database.transaction() as session:
            articles = ArticleRepository(session)
            stored = articles.duplicate_doc_ids(keys)
            for article, (content_hash, url_hash), stored_copy in zip(batch, keys, stored, strict=True):
                original = seen.get(content_hash) or (seen.get(url_hash) if url_hash else None) or stored_copy
                yield article, (content_hash, url_hash), original, articles
                if original is None:
                    seen[content_hash] = article.doc_id
                    if url_hash:
                        seen[url_hash] = article.doc_id

    def _store(
        self,
        planned: list[_Planned],
        extracted: list[ArticleExtraction],
        run: _Run,
        report: IngestReport,
    ) -> None:
        """Write one batch in one transaction, then re-key its signatures in the index by article id."""
        ids: list[int] = []
        results = iter(extracted)
        now = dt.datetime.now(dt.UTC)
        try:
            with self.database.transaction() as session:
                articles, reports = ArticleRepository(session), ReportRepository(session)
                aliases = LearnedAliasRepository(session)
                stored_articles = stored_reports = stored_aliases = 0
                for plan in planned:
                    near = plan.near_duplicate_of
                    near_id = (ids[near[1]] if near[0] == "batch" else near[1]) if near else None
                    ids.append(
                        articles.add(
                            plan.article,
                            content_hash=plan.content_hash,
                            canonical_url=dedup.canonical_url(plan.article.url),
                            url_hash=plan.url_hash,
                            minhash=dedup.to_bytes(plan.signature),
                            near_duplicate_of=near_id,
                            ingested_at=now,
                        )
                    )
                    stored_articles += 1
                    if near is None:
                        result = next(results)
                        stored_reports += reports.add_all(ids[-1], result.events)
                        stored_aliases += aliases.add_all(ids[-1], result.learned_aliases, now)
                linker = EventLinker(session, known=run.verdicts)
                linker.link_articles(ids)
                run.verdicts = linker.verdicts
        finally:
            for position in range(len(planned)):
                run.index.remove(("batch", position))
        for article_id, plan in zip(ids, planned, strict=True):
            run.index.add(("db", article_id), plan.signature)
        report.articles += stored_articles
        report.reports += stored_reports
        report.learned_aliases += stored_aliases
