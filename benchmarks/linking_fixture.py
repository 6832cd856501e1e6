"""Link the invented multi-report fixture with the real pipeline and print pairwise and B-cubed scores.

Run from the project root: `.venv/bin/python benchmarks/linking_fixture.py [--show]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from warlog.extraction import extract_articles
from warlog.link import default_config
from warlog.link.batch import link, link_reports
from warlog.link.metrics import LinkScores, document_clusters, score
from warlog.link.records import CanonicalEvent
from warlog.records import Article

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "linking" / "reports.jsonl"


def load_fixture(path: Path = FIXTURE) -> tuple[list[Article], dict[str, str]]:
    """The fixture's articles and the gold event label of each."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [
        Article(doc_id=row["id"], text=row["text"], published=row["published"], source=row["source"],
                published_source="user")
        for row in rows
    ]
    return articles, {row["id"]: row["event"] for row in rows}


def run(path: Path = FIXTURE) -> tuple[LinkScores, list[CanonicalEvent]]:
    """Extract, link and score the fixture."""
    articles, gold = load_fixture(path)
    reports = link_reports(extract_articles(articles))
    events = link(reports, default_config())
    return score(document_clusters(events, reports), gold), events


def main() -> None:
    scores, events = run()
    if "--show" in sys.argv:
        for event in events:
            e = event.event
            print(event.uid, e.event_date, e.sub_event_type, e.location, e.actor1, [r.doc_id for r in event.reports])
    print(f"linker {default_config().id}: {len(events)} canonical events")
    for name, value in scores.model_dump().items():
        print(f"{name:20} {value:.3f}")


if __name__ == "__main__":
    main()
