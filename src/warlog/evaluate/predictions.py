"""Predicted events per gold document: run the extractor on the gold texts, or read a `warlog extract` file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from warlog.evaluate.records import BadRow, GoldDoc
from warlog.extraction import extract_articles
from warlog.records import Article, Event

Predictions = dict[str, list[Event]]


def extract_predictions(docs: Sequence[GoldDoc]) -> Predictions:
    """Run the default pipeline (the same core as `warlog extract`) on every gold text."""
    articles = (
        Article(doc_id=doc.doc_id, text=doc.text, published=doc.published,
                published_source="user" if doc.published else "unknown")
        for doc in docs
    )
    return {extraction.article.doc_id: extraction.events for extraction in extract_articles(articles)}


def read_predictions(path: Path) -> tuple[Predictions, list[BadRow]]:
    """Read `warlog extract` output (one event per JSONL line), grouped by doc_id; bad lines are reported."""
    predictions: Predictions = defaultdict(list)
    bad_rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                event = Event.model_validate_json(line)
            except ValidationError as exc:
                reason = "; ".join(f"{'.'.join(map(str, err['loc'])) or 'line'}: {err['msg']}" for err in exc.errors())
                bad_rows.append(BadRow(path=str(path), line=number, reason=reason))
                continue
            predictions[event.doc_id].append(event)
    return dict(predictions), bad_rows
