"""Build parsed documents with hand-placed event drafts, to test field stages without event detection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

import pytest
import spacy
from spacy.language import Language

from warlog.extraction.base import DocState, EventDraft
from warlog.nlp import MODEL
from warlog.records import Article, Event

StateBuilder = Callable[..., DocState]


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return spacy.load(MODEL)


def build_state(text: str, *triggers: str, published: dt.date | None = dt.date(2021, 11, 9)) -> DocState:
    """Parse `text` and hang one draft on the first occurrence of each trigger word, in order."""
    doc = _nlp()(text)
    events = []
    search_from = 0
    for number, word in enumerate(triggers):
        token = next(t for t in doc[search_from:] if t.text == word)
        search_from = token.i + 1
        event = Event(doc_id="doc", event_id=f"doc-{number}", event_type="Explosions/Remote violence",
                      sub_event_type="Air/drone strike")
        events.append(EventDraft(trigger=doc[token.i : token.i + 1], event=event))
    article = Article(doc_id="doc", text=text, published=published)
    return DocState(article=article, doc=doc, events=events)


@pytest.fixture
def make_state() -> StateBuilder:
    """`make_state(text, *trigger_words, published=...)` -> a DocState with one draft per trigger word."""
    return build_state
