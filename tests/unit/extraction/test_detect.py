"""EventDetection: one draft per real event, background mentions flagged, nothing found means no event."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from warlog.extraction.base import DocState
from warlog.extraction.detect import DetectedDraft, EventDetection
from warlog.nlp import MODEL
from warlog.records import Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(MODEL)


def detect(nlp: Language, text: str) -> list[DetectedDraft]:
    state = DocState(article=Article(doc_id="d1", text=text), doc=nlp(text))
    return EventDetection().process([state])[0].events


def test_an_attack_and_its_follow_up_sentence_are_one_event_with_both_sentences(nlp: Language) -> None:
    text = "A drone struck the airbase near Kirkuk. The attack wounded two soldiers."
    [draft] = detect(nlp, text)
    assert [ev.start for ev in draft.event.evidence] == [0, text.index("The attack")]
    assert draft.event.trigger == "drone struck"
    assert draft.event.evidence_start == text.index("drone struck")
    assert not draft.event.background


def test_two_dated_events_of_different_kinds_stay_apart(nlp: Language) -> None:
    text = "On Monday, militants shelled a village near Hama. On Tuesday, police arrested five men in Homs."
    drafts = detect(nlp, text)
    assert [d.family for d in drafts] == ["conflict", "arrest"]
    assert drafts[1].event.trigger == "arrested"


def test_a_background_mention_is_its_own_flagged_event(nlp: Language) -> None:
    text = "Gunmen stormed a checkpoint in Diyala after several rocket attacks on the airport."
    drafts = detect(nlp, text)
    assert [d.event.background for d in drafts] == [False, True]
    assert drafts[1].event.trigger == "rocket attacks"


def test_a_sentence_naming_new_participants_starts_a_new_event(nlp: Language) -> None:
    text = "Rockets hit the embassy compound in Baghdad. Gunmen later stormed a village in Diyala."
    assert len(detect(nlp, text)) == 2


def test_no_trigger_means_no_event(nlp: Language) -> None:
    assert detect(nlp, "The minister opened a new school in the capital on Monday.") == []


def test_event_ids_are_stable_and_differ_between_events(nlp: Language) -> None:
    text = "On Monday, militants shelled a village. On Tuesday, police arrested five men."
    first = [d.event.event_id for d in detect(nlp, text)]
    assert first == [d.event.event_id for d in detect(nlp, text)]
    assert len(set(first)) == 2


def test_a_threatened_attack_is_kept_apart_from_the_real_clash(nlp: Language) -> None:
    text = "Troops clashed with the fighters, who threatened to attack the ministry."
    drafts = detect(nlp, text)
    assert [d.event.trigger for d in drafts] == ["clashed", "attack"]


def test_a_weak_reading_joins_the_sentence_main_event(nlp: Language) -> None:
    [draft] = detect(nlp, "Police arrested four men in a raid on a farm near Kirkuk.")
    assert draft.family == "arrest"
    assert [hit.span.text for hit in draft.hits] == ["arrested", "raid"]


def test_a_later_claim_joins_the_attack_it_follows(nlp: Language) -> None:
    text = "A car bomb killed eight people at a market in Tikrit. The group claimed responsibility."
    [draft] = detect(nlp, text)
    assert len(draft.event.evidence) == 2


def test_retaliation_for_an_earlier_strike_is_background(nlp: Language) -> None:
    drafts = detect(nlp, "Militants shelled the airport in retaliation for an airstrike on their camp.")
    assert [(d.event.trigger, d.event.background) for d in drafts] == [("shelled", False), ("airstrike", True)]


def test_a_trigger_word_inside_an_organisation_name_is_no_event(nlp: Language) -> None:
    drafts = detect(nlp, "The Western Liberation Army opened an office in the capital on Monday.")
    assert all(draft.event.trigger != "Liberation" for draft in drafts)


def test_a_motive_far_up_the_parse_makes_one_background_event(nlp: Language) -> None:
    text = ("An explosive device detonated near a pipeline in the port. The group said it acted in retaliation "
            "for the death of three of its commanders in a drone strike last month.")
    drafts = detect(nlp, text)
    assert [d.event.background for d in drafts] == [False, True]


def test_a_trigger_word_describing_a_thing_is_no_event(nlp: Language) -> None:
    drafts = detect(nlp, "Four attack helicopters and armoured fighting vehicles paraded through the capital.")
    assert drafts == []


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("Doctors urged parents to vaccinate their children before the winter.", []),
        ("The clinic will stay open late to meet demand.", []),
        ("The foreign minister urged both sides to show restraint.", ["agreement"]),
        ("France recalled its ambassador on Monday.", ["agreement"]),
    ],
)
def test_an_everyday_verb_is_diplomacy_only_when_an_envoy_or_a_state_does_it(
    nlp: Language, text: str, families: list[str]
) -> None:
    assert [draft.family for draft in detect(nlp, text)] == families
