"""The real spaCy model with warlog's place patterns, the real gazetteer, and drafts built on a trigger word."""

from __future__ import annotations

import pytest

from warlog.extraction.base import DocState, EventDraft
from warlog.geo.patterns import entity_patterns
from warlog.geo.stage import GeocodeStage
from warlog.nlp import build_nlp
from warlog.records import Article, Event, Evidence


@pytest.fixture(scope="session")
def nlp():
    return build_nlp(entity_patterns())


@pytest.fixture(scope="session")
def stage() -> GeocodeStage:
    return GeocodeStage()


@pytest.fixture()
def geocode(nlp, stage):
    """Geocode one event whose trigger is the first occurrence of `trigger` in `text`."""

    def run(text: str, trigger: str) -> Event:
        doc = nlp(text)
        token = next(t for t in doc if t.text == trigger)
        sentence = token.sent
        event = Event(
            doc_id="t", event_id="t-1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
            evidence=[Evidence(sentence=sentence.text, start=sentence.start_char, end=sentence.end_char)],
        )
        draft = EventDraft(doc[token.i : token.i + 1], event)
        state = DocState(article=Article(doc_id="t", text=text), doc=doc, events=[draft])
        stage.process([state])
        return event

    return run
