"""An invented corpus for the API tests: articles and the reports the pipeline would store for them, and `fill`,
which stores them and links them with the real linker (no NLP runs)."""

from __future__ import annotations

import datetime as dt

from warlog.records import Article, Claim, Event, Evidence
from warlog.store import ArticleRepository, Database
from warlog.store.linking import EventLinker
from warlog.store.reports import ReportRepository

TOKEN = "test-token-0123456789abcdef"
NOW = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)

ERBIL_A = (
    "A drone struck a base near Erbil airport on Sunday, officials said. "
    "Kata'ib Hezbollah claimed responsibility for the attack in a statement."
)
ERBIL_B = "Two explosive drones hit a coalition base by the airport in Erbil on Sunday, local police said."
ADEN = "The Houthis fired a missile at a cargo ship off Aden on Wednesday, the US military said."
KHARKIV = "Russian forces shelled a market in Kharkiv on Monday, killing three people, the governor said."
NAIROBI = "Hundreds protested peacefully in Nairobi on Tuesday against new taxes. <script>alert(1)</script>"


def span(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence=sentence, start=start, end=start + len(sentence))


def drone_event(doc_id: str, text: str, sentence: str, **fields) -> Event:
    base = dict(
        doc_id=doc_id,
        event_id=f"{doc_id}-1",
        event_date="2024-03-03",
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        country="Iraq",
        admin1="Erbil",
        location="Erbil",
        latitude=36.19,
        longitude=44.01,
        weapons=["drone"],
        target="military base",
        evidence=[span(text, sentence)],
    )
    return Event(**{**base, **fields})


def corpus() -> list[tuple[Article, list[Event]]]:
    """Five invented articles: two reports of one Erbil drone strike, a Houthi missile, shelling, a protest."""
    claim_sentence = "Kata'ib Hezbollah claimed responsibility for the attack in a statement."
    erbil_a = drone_event(
        "erbil-a",
        ERBIL_A,
        "A drone struck a base near Erbil airport on Sunday, officials said.",
        actor1="Kata'ib Hezbollah",
        sponsors=["Iran"],
        attribution_status="claimed",
        claims=[
            Claim(
                kind="claimed",
                actor="Kata'ib Hezbollah",
                claimant="Kata'ib Hezbollah",
                evidence=span(ERBIL_A, claim_sentence),
            )
        ],
    )
    erbil_b = drone_event(
        "erbil-b", ERBIL_B, ERBIL_B, actor1="Kata'ib Hezbollah", sponsors=["Iran"], attribution_status="claimed"
    )
    aden = Event(
        doc_id="aden",
        event_id="aden-1",
        event_date="2024-04-10",
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Houthis (Ansar Allah)",
        sponsors=["Iran"],
        attribution_status="attributed",
        country="Yemen",
        admin1="Aden",
        location="Aden",
        latitude=12.78,
        longitude=45.04,
        weapons=["anti-ship missile"],
        evidence=[span(ADEN, ADEN)],
    )
    kharkiv = Event(
        doc_id="kharkiv",
        event_id="kharkiv-1",
        event_date="2024-05-20",
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Russia",
        attribution_status="alleged",
        country="Ukraine",
        admin1="Kharkiv",
        location="Kharkiv",
        latitude=49.99,
        longitude=36.23,
        fatalities=3,
        weapons=["artillery"],
        evidence=[span(KHARKIV, KHARKIV)],
    )
    nairobi = Event(
        doc_id="nairobi",
        event_id="nairobi-1",
        event_date="2024-05-21",
        date_precision="day",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Kenya)",
        country="Kenya",
        admin1="Nairobi",
        location="Nairobi",
        evidence=[span(NAIROBI, NAIROBI[:68])],
    )
    articles = [
        (
            Article(
                doc_id="erbil-a",
                text=ERBIL_A,
                title="Drone hits Erbil base",
                source="Wire One",
                url="https://wire-one.example/erbil",
                published=dt.date(2024, 3, 4),
                published_source="user",
            ),
            [erbil_a],
        ),
        (
            Article(
                doc_id="erbil-b",
                text=ERBIL_B,
                source="Wire Two",
                published=dt.date(2024, 3, 4),
                published_source="user",
            ),
            [erbil_b],
        ),
        (
            Article(
                doc_id="aden", text=ADEN, source="Wire One", published=dt.date(2024, 4, 11), published_source="user"
            ),
            [aden],
        ),
        (
            Article(
                doc_id="kharkiv",
                text=KHARKIV,
                source="Wire Three",
                published=dt.date(2024, 5, 21),
                published_source="user",
            ),
            [kharkiv],
        ),
        (
            Article(
                doc_id="nairobi",
                text=NAIROBI,
                title="<img src=x onerror=alert(1)>",
                source="Wire Two",
                published=dt.date(2024, 5, 22),
                published_source="user",
            ),
            [nairobi],
        ),
    ]
    return articles


def fill(database: Database) -> None:
    """Store the corpus and link it, as an ingest would."""
    with database.transaction() as session:
        articles, ids = ArticleRepository(session), []
        for number, (article, events) in enumerate(corpus()):
            ids.append(
                articles.add(
                    article,
                    content_hash=f"{number:064d}",
                    canonical_url=None,
                    url_hash=None,
                    minhash=None,
                    near_duplicate_of=None,
                    ingested_at=NOW,
                )
            )
            ReportRepository(session).add_all(ids[-1], events)
        EventLinker(session).link_articles(ids)


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
