"""WeaponStage and the weapon taxonomy."""

from __future__ import annotations

import pytest

from warlog.extraction.weapons import WeaponStage, find_weapons, weapon_entries
from warlog.knowledge import load_data


def test_taxonomy_entries_carry_gtd_and_plover_codes_and_a_known_source() -> None:
    data = load_data("weapons.yaml")
    sources = {source["id"] for source in data["sources"]}
    for entry in weapon_entries().values():
        assert entry.patterns and entry.gtd_type and entry.gtd_subtype and entry.plover_mode
        assert entry.source in sources


def test_no_pattern_belongs_to_two_weapons() -> None:
    seen: dict[str, str] = {}
    for entry in weapon_entries().values():
        for pattern in entry.patterns:
            key = pattern.casefold().replace("-", " ")
            assert seen.setdefault(key, entry.name) == entry.name, pattern


def test_five_drones_gives_the_drone_and_its_count(make_state) -> None:
    state = make_state("In May, five drones launched from the desert struck the outpost.", "struck")
    event = WeaponStage().process([state])[0].events[0].event
    assert event.weapons == ["drone"]
    assert event.weapon_count == 5
    assert event.provenance["weapons"].text == "drones"
    assert event.provenance["weapon_count"].stage.startswith("weapons@")


@pytest.mark.parametrize(
    ("sentence", "trigger", "weapons", "count"),
    [
        ("A kamikaze drone hit the refinery.", "hit", ["drone"], 1),
        ("Rebels launched a Shahed at the port.", "launched", ["drone"], 1),
        ("The militia fired two rockets and a mortar round at the base.", "fired", ["rocket", "mortar"], 2),
        ("A car bomb exploded near the market.", "exploded", ["VBIED"], 1),
        ("A roadside bomb struck the patrol.", "struck", ["IED"], 1),
        ("Gunmen attacked the checkpoint.", "attacked", ["firearms"], None),
        ("Two explosives-laden drones were shot down over the city.", "shot", ["drone"], 2),
    ],
)
def test_weapon_words_map_to_canonical_names(make_state, sentence, trigger, weapons, count) -> None:
    event = WeaponStage().process([make_state(sentence, trigger)])[0].events[0].event
    assert event.weapons == weapons
    assert event.weapon_count == count


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The group carried out several rocket attacks on the base.", "attacks"),
        ("Insurgents fired several mortars at the airport.", "fired"),
    ],
)
def test_vague_quantities_and_modifiers_are_not_weapon_counts(make_state, sentence, trigger) -> None:
    event = WeaponStage().process([make_state(sentence, trigger)])[0].events[0].event
    assert event.weapons and event.weapon_count is None


def test_a_sentence_without_weapon_reads_the_sentence_before(make_state) -> None:
    text = "Militants dropped grenades from a quadcopter on the post. Two guards were wounded in the blast."
    state = make_state(text, "blast")
    assert WeaponStage().process([state])[0].events[0].event.weapons == ["grenade", "drone"]


def test_each_event_keeps_its_own_sentence_weapons(make_state) -> None:
    state = make_state("A drone struck the airport on Monday. On Tuesday a rocket hit the embassy.", "struck", "hit")
    first, second = (draft.event for draft in WeaponStage().process([state])[0].events)
    assert first.weapons == ["drone"]
    assert second.weapons == ["rocket"]


def test_a_weapon_of_a_background_event_is_left_to_it(make_state) -> None:
    text = "After a drone strike on their camp, the militants fired rockets at the airport."
    state = make_state(text, "strike", "fired")
    state.events[0].event.background = True
    state = WeaponStage().process([state])[0]
    assert state.events[1].event.weapons == ["rocket"]


def test_the_means_of_the_event_is_its_weapon_even_when_flagged_background(make_state) -> None:
    state = make_state("On Monday the base was targeted by drone strikes.", "targeted", "strikes")
    state.events[1].event.background = True
    assert WeaponStage().process([state])[0].events[0].event.weapons == ["drone"]


def test_no_weapon_word_leaves_the_field_empty(make_state) -> None:
    event = WeaponStage().process([make_state("Protesters marched to the ministry.", "marched")])[0].events[0].event
    assert event.weapons == [] and event.weapon_count is None and "weapons" not in event.provenance


def test_find_weapons_ignores_words_that_merely_contain_a_pattern(make_state) -> None:
    state = make_state("The gunsmith spoke about rocketry.", "spoke")
    assert find_weapons(state.doc[:]) == []
