"""CasualtyStage: fatalities and injured of each event: 0 when the text reports none or says nothing of casualties,
null when it says the toll is unknown."""

from __future__ import annotations

import pytest

from warlog.extraction.casualties import CasualtyStage, casualty_statements, casualty_terms
from warlog.knowledge import load_data
from warlog.records import NONE_REPORTED


def _toll(make_state, text: str, *triggers: str) -> list[tuple[int | None, int | None]]:
    state = CasualtyStage().process([make_state(text, *triggers)])[0]
    return [(draft.event.fatalities, draft.event.injured) for draft in state.events]


def test_casualty_data_entries_name_a_known_source() -> None:
    data = load_data("casualties.yaml")
    sources = {source["id"] for source in data["sources"]}
    assert all(row["source"] in sources for row in data["terms"] + data["statements"])
    assert casualty_terms()["kill"].field == "fatalities"
    assert casualty_statements()


@pytest.mark.parametrize(
    ("sentence", "trigger", "toll"),
    [
        ("Rebels shelled the town, killing two and wounding 7.", "shelled", (2, 7)),
        ("A drone hit the camp, killing the Danish pilot and a Kenyan guard.", "hit", (2, 0)),
        ("A soldier was killed when a drone struck the post.", "struck", (1, 0)),
        ("At least one gunman and four police officers were killed and one soldier was injured in the raid.",
         "raid", (5, 1)),
        ("Between 4-7 fighters died in an explosion at the depot.", "explosion", (4, 0)),
        ("Several civilians were killed in the shelling.", "shelling", (10, 0)),
        ("Thirty-two people were killed and dozens were hurt in the bombing.", "bombing", (32, 12)),
        ("In addition to the bomber, two guards were killed in the blast.", "blast", (3, 0)),
        ("Militants attacked the convoy, injuring three soldiers.", "attacked", (0, 3)),
        ("The blast left five dead and 12 wounded.", "blast", (5, 12)),
        ("The bombing caused the deaths of four soldiers.", "bombing", (4, 0)),
    ],
)
def test_counts_are_read_through_the_parse(make_state, sentence, trigger, toll) -> None:
    assert _toll(make_state, sentence, trigger) == [toll]


@pytest.mark.parametrize(
    ("text", "trigger", "toll"),
    [
        ("A drone struck the airport. No casualties were reported.", "struck", (0, 0)),
        ("A drone struck the airport. No injuries were reported.", "struck", (0, 0)),
        ("A drone struck the airport. Casualties unknown.", "struck", (None, None)),
        ("A drone struck the airport. There were no reports of casualties.", "struck", (0, 0)),
        ("A drone struck the airport. No information on casualties was given.", "struck", (None, None)),
        ("A drone struck the airport, killing soldiers.", "struck", (None, 0)),
        ("Air defences intercepted a drone over the city.", "intercepted", (0, 0)),
        ("A drone struck the airport, killing soldiers (unknown fatalities coded as 10).", "struck", (10, 0)),
    ],
)
def test_set_statements_decide_the_toll(make_state, text, trigger, toll) -> None:
    assert _toll(make_state, text, trigger) == [toll]


def test_a_text_silent_on_casualties_reports_none_without_evidence_words(make_state) -> None:
    [draft] = CasualtyStage().process([make_state("A drone struck the airport.", "struck")])[0].events
    assert (draft.event.fatalities, draft.event.injured) == (0, 0)
    for field in ("fatalities", "injured"):
        source = draft.event.provenance[field]
        assert (source.rule, source.text, source.start) == (NONE_REPORTED, None, None)


@pytest.mark.parametrize(
    ("sentence", "trigger", "toll"),
    [
        ("The strikes killed soldiers and injured 10 others.", "strikes", (None, 10)),
        ("Drones dropped bombs on the square, injuring shoppers.", "dropped", (0, None)),
        ("A bomb was dropped on the house and a 9-month-old child was injured in the blast.", "dropped", (0, 1)),
    ],
)
def test_a_mention_without_a_count_stays_unknown(make_state, sentence, trigger, toll) -> None:
    assert _toll(make_state, sentence, trigger) == [toll]


def test_an_unknown_count_still_names_its_words(make_state) -> None:
    state = CasualtyStage().process([make_state("The strikes killed soldiers at the post.", "strikes")])[0]
    source = state.events[0].event.provenance["fatalities"]
    assert source.rule == "uncounted:kill" and "killed soldiers" in source.text


def test_counts_go_to_the_event_they_follow(make_state) -> None:
    text = "On Monday a drone hit the base, killing three. On Tuesday a rocket struck the airport, wounding two."
    assert _toll(make_state, text, "hit", "struck") == [(3, 0), (0, 2)]


def test_a_toll_sentence_after_the_event_is_read(make_state) -> None:
    text = "Gunmen stormed a police station in the north. Six officers were killed and nine were wounded."
    assert _toll(make_state, text, "stormed") == [(6, 9)]


def test_a_count_under_this_events_trigger_is_kept_inside_another_events_sentence(make_state) -> None:
    text = "Police were searching for a man who planted a bomb which injured several people."
    assert _toll(make_state, text, "searching", "bomb") == [(0, 0), (0, 10)]


def test_suffering_injuries_counts_the_sufferers(make_state) -> None:
    text = "Officials said 13 people suffered minor injuries in the explosion."
    assert _toll(make_state, text, "explosion") == [(0, 13)]


def test_a_definite_attack_noun_continues_the_event_before_it(make_state) -> None:
    text = "A roadside bomb went off near a convoy. The blast killed four soldiers."
    assert _toll(make_state, text, "bomb", "blast") == [(4, 0), (4, 0)]


def test_a_large_number_is_not_one(make_state) -> None:
    text = "Drones hit the crossing, killing at least 8 people, and a large number were wounded."
    assert _toll(make_state, text, "hit")[0][0] == 8


def test_a_killing_in_a_clause_on_another_strike_is_not_counted(make_state) -> None:
    text = "The group said the bombing was revenge for a drone strike that killed its commander."
    assert _toll(make_state, text, "bombing") == [(0, 0)]


def test_provenance_names_the_words_and_rule(make_state) -> None:
    state = CasualtyStage().process([make_state("Rebels shelled the town, killing two civilians.", "shelled")])[0]
    source = state.events[0].event.provenance["fatalities"]
    assert source.stage.startswith("casualties@")
    assert "killing two civilians" in source.text
    assert source.rule == "casualties.yaml:kill"
