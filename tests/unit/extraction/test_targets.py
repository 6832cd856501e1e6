"""Targets: the patient of the attack trigger and its category."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from warlog.extraction.base import DocState
from warlog.extraction.classify import Classification
from warlog.extraction.detect import EventDetection
from warlog.extraction.targets import TargetStage, categorise
from warlog.nlp import MODEL
from warlog.records import Article, Event


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(MODEL)


def targets(nlp: Language, text: str) -> list[Event]:
    batch = [DocState(article=Article(doc_id="d1", text=text), doc=nlp(text))]
    for stage in (EventDetection(), Classification(), TargetStage()):
        batch = stage.process(batch)
    return [draft.event for draft in batch[0].events]


@pytest.mark.parametrize(
    ("text", "target", "category"),
    [
        ("Four drones targeted the American airbase at Harir.", "American airbase", "military base"),
        ("The attack on the army checkpoint lasted an hour.", "army checkpoint", "military"),
        ("Militants fired rockets at the embassy in Baghdad.", "embassy in Baghdad", "government"),
        ("An attack on an oil tanker off Oman killed two crew members.", "oil tanker", "vessel"),
        ("Gunmen stormed a village, killing twelve people.", "village", "civilians"),
    ],
)
def test_target_and_category(nlp: Language, text: str, target: str, category: str) -> None:
    [event] = targets(nlp, text)
    assert event.target == target
    assert event.target_category == category
    assert event.provenance["target"].rule.startswith("patient of")


def test_no_target_when_the_text_names_none(nlp: Language) -> None:
    [event] = targets(nlp, "Heavy fighting broke out overnight.")
    assert event.target is None and event.target_category is None


def test_categorise_reads_the_head_word_first(nlp: Language) -> None:
    doc = nlp("the police station in the village")
    assert categorise(doc[1:3]) == "police"
