"""Classification: the sub-event type from triggers, cues, roles and weapons, with the rule recorded."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from warlog.extraction.base import DocState
from warlog.extraction.classify import Classification
from warlog.extraction.detect import EventDetection
from warlog.nlp import MODEL
from warlog.records import Article, Event


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(MODEL)


def classify(nlp: Language, text: str, weapons: list[str] | None = None) -> list[Event]:
    state = DocState(article=Article(doc_id="d1", text=text), doc=nlp(text))
    batch = EventDetection().process([state])
    for draft in batch[0].events:
        draft.event.weapons = list(weapons or [])
    return [draft.event for draft in Classification().process(batch)[0].events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two drones attacked the airbase near Erbil.", "Air/drone strike"),
        ("Three rockets hit the embassy compound.", "Shelling/artillery/missile attack"),
        ("Fighters fired mortars at the army barracks.", "Shelling/artillery/missile attack"),
        ("A roadside bomb exploded next to a patrol.", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a crowded market.", "Suicide bomb"),
        ("A young man blew himself up at the checkpoint.", "Suicide bomb"),
        ("Gunmen killed five villagers in their homes.", "Attack"),
        ("Army units clashed with insurgents outside the town.", "Armed clash"),
        ("Insurgents seized the town after a week of fighting.", "Non-state actor overtakes territory"),
        ("Government troops recaptured the village from the insurgents.", "Government regains territory"),
        ("Police arrested four suspects in the port city.", "Arrests"),
        ("Protesters clashed with riot police outside parliament.", "Violent demonstration"),
        ("Thousands of students rallied peacefully in the capital.", "Peaceful protest"),
        ("Police fired tear gas to disperse the protesters.", "Protest with intervention"),
        ("Security forces shot dead six demonstrators during the protest.", "Excessive force against protesters"),
        ("Unknown men kidnapped an engineer on his way to work.", "Abduction/forced disappearance"),
        ("The two factions signed a ceasefire agreement.", "Agreement"),
        ("The group claimed responsibility for a car bombing in the city.", "Attribution"),
        ("A strong earthquake struck the mountain province.", "Natural disaster"),
    ],
)
def test_sub_event_type_of_the_first_event(nlp: Language, text: str, expected: str) -> None:
    events = classify(nlp, text)
    assert events and events[0].sub_event_type == expected


def test_an_intercepted_drone_is_disrupted_weapons_use_with_its_outcome(nlp: Language) -> None:
    [event] = classify(nlp, "Air defences intercepted a drone over the airport.")
    assert event.event_type == "Strategic developments"
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.outcome == "intercepted"
    assert event.plover_event == "COERCE"


def test_seized_weapons_are_disrupted_weapons_use(nlp: Language) -> None:
    [event] = classify(nlp, "Police seized rifles and explosives in a raid on a farm.")
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.outcome == "seized"


def test_the_weapons_field_votes_for_the_type(nlp: Language) -> None:
    [plain] = classify(nlp, "Militants attacked the outpost at dawn.")
    [with_drone] = classify(nlp, "Militants attacked the outpost at dawn.", weapons=["drone"])
    assert plain.sub_event_type == "Armed clash"
    assert with_drone.sub_event_type == "Air/drone strike"
    assert "weapon" in with_drone.provenance["sub_event_type"].rule


def test_the_rule_and_stage_are_recorded(nlp: Language) -> None:
    [event] = classify(nlp, "Two drones attacked the airbase near Erbil.")
    source = event.provenance["sub_event_type"]
    assert source.stage.startswith("classification@")
    assert source.rule.startswith("Air/drone strike=")
    assert event.plover_mode == "drone"
    [raid] = classify(nlp, "Warplanes bombed the rebel headquarters.")
    assert (raid.sub_event_type, raid.plover_mode) == ("Air/drone strike", "aerial")


def test_a_claim_that_follows_the_attack_does_not_change_its_type(nlp: Language) -> None:
    [event] = classify(nlp, "A car bomb killed eight people at a market in Tikrit. The group claimed responsibility.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_an_explosion_at_a_factory_is_a_man_made_disaster(nlp: Language) -> None:
    [event] = classify(nlp, "A boiler exploded at a textile factory, killing three workers.")
    assert event.sub_event_type == "Man-made disaster"


def test_a_word_without_a_clear_type_makes_no_event(nlp: Language) -> None:
    assert classify(nlp, "Officials gathered in the hall.") == []


def test_a_chemical_agent_decides_whatever_delivered_it(nlp: Language) -> None:
    [event] = classify(nlp, "A helicopter dropped barrel bombs filled with chlorine on the village.")
    assert event.sub_event_type == "Chemical weapon"


def test_a_claim_leading_a_longer_report_leaves_it_an_attack(nlp: Language) -> None:
    text = "The group claimed responsibility for a car bombing in the city. The blast killed nine people."
    [event] = classify(nlp, text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
