"""Modality: threats are recoded, negated and hypothetical attacks are dropped (or kept, flagged)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from warlog.extraction.base import DocState
from warlog.extraction.classify import Classification
from warlog.extraction.detect import EventDetection
from warlog.extraction.modality import Modality
from warlog.extraction.mood import modality_of
from warlog.nlp import MODEL
from warlog.records import Article, Event


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(MODEL)


def events(nlp: Language, text: str, keep_unreal: bool = False) -> list[Event]:
    state = DocState(article=Article(doc_id="d1", text=text), doc=nlp(text))
    batch = [state]
    for stage in (EventDetection(), Classification(), Modality(keep_unreal=keep_unreal)):
        batch = stage.process(batch)
    return [draft.event for draft in batch[0].events]


def test_threatened_to_attack_is_a_threat_not_an_attack(nlp: Language) -> None:
    [event] = events(nlp, "The militia threatened to attack the ministry in Baghdad.")
    assert event.sub_event_type == "Threat"
    assert event.plover_event == "THREATEN"
    assert event.hypothetical
    assert event.provenance["sub_event_type"].rule.startswith("threat")


def test_vowed_to_strike_is_a_threat(nlp: Language) -> None:
    [event] = events(nlp, "The group vowed to strike American forces.")
    assert event.sub_event_type == "Threat"


@pytest.mark.parametrize(
    "text",
    [
        "The militia did not attack the base.",
        "The cell plans to attack the base with rockets.",
        "Officials said the group could attack the airport.",
    ],
)
def test_negated_and_hypothetical_attacks_are_dropped(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


def test_keep_unreal_keeps_them_flagged(nlp: Language) -> None:
    [event] = events(nlp, "The militia did not attack the base.", keep_unreal=True)
    assert event.negated
    [event] = events(nlp, "The cell plans to attack the base.", keep_unreal=True)
    assert event.hypothetical and not event.negated


def test_a_denial_is_not_a_negation_of_the_attack(nlp: Language) -> None:
    found = events(nlp, "The group denied carrying out the attack on the convoy.")
    assert found and not any(event.negated for event in found)


def test_modality_of_reads_the_cue_word(nlp: Language) -> None:
    doc = nlp("The fighters warned they would shell the town.")
    cue = modality_of(doc[5])
    assert cue is not None and cue.kind == "hypothetical" and cue.token.text == "would"
    assert modality_of(nlp("The fighters shelled the town.")[2]) is None
