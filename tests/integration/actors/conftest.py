"""Parsed documents (real spaCy model plus the registry's entity patterns) with hand-placed event drafts,
so the actor stage is tested on its own, whatever event detection decides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from warlog.actors.registry import load_registry
from warlog.actors.stage import ActorStage
from warlog.extraction.base import DocState, EventDraft
from warlog.nlp import build_nlp
from warlog.records import Article, Event, Evidence


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return build_nlp(load_registry().entity_patterns())


@lru_cache(maxsize=1)
def _stage() -> ActorStage:
    return ActorStage()


def run_actors(
    text: str,
    *triggers: str,
    country: str | None = None,
    background: tuple[str, ...] = (),
    published=dt.date(2024, 3, 1),
) -> list[Event]:
    """Parse `text`, hang one draft on the first occurrence of each trigger word (its sentence as evidence;
    triggers listed in `background` flagged as background mentions), run the actor stage, return the events."""
    doc = _nlp()(text)
    drafts, search_from = [], 0
    for number, word in enumerate(triggers):
        token = next(t for t in doc[search_from:] if t.text == word)
        search_from = token.i + 1
        sentence = token.sent
        event = Event(
            doc_id="doc",
            event_id=f"doc-{number}",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            country=country,
            background=word in background,
            evidence=[Evidence(sentence=sentence.text, start=sentence.start_char, end=sentence.end_char)],
        )
        drafts.append(EventDraft(trigger=doc[token.i : token.i + 1], event=event))
    state = DocState(article=Article(doc_id="doc", text=text, published=published), doc=doc, events=drafts)
    return [draft.event for draft in _stage().process([state])[0].events]


@pytest.fixture
def actors() -> Callable[..., list[Event]]:
    """`actors(text, *trigger_words, country=None, background=())` -> the events after the actor stage."""
    return run_actors


@pytest.fixture
def parse() -> Callable[[str], Doc]:
    """`parse(text)` -> the spaCy Doc, with the registry's actor entities."""
    return _nlp()
