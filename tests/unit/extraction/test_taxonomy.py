"""The taxonomy and trigger lexicon data files: complete, valid, mapped to PLOVER and CASE."""

from __future__ import annotations

import pytest

from warlog.extraction.lexicon import lexicon
from warlog.extraction.mood import modal_words
from warlog.extraction.taxonomy import sub_event_type, taxonomy
from warlog.knowledge import KnowledgeError, load_data

ACLED = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}
NON_ACLED = ["Organized crime", "Natural disaster", "Man-made disaster", "Diplomatic event", "Attribution"]
CASE_CODES = {
    "ABDUCT_DISSAP", "AGREEMENT", "AIR_STRIKE", "ARMED_CLASH", "ARREST", "ART_MISS_ATTACK", "ATTACK",
    "CHANGE_TO_GROUP_ACT", "CHEM_WEAP", "DISR_WEAP", "FORCE_AGAINST_PROTEST", "GOV_REGAINS_TERIT", "GRENADE",
    "HQ_ESTABLISHED", "MOB_VIOL", "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER", "OTHER",
    "PEACE_PROTEST", "PROPERTY_DISTRUCT", "PROTEST_WITH_INTER", "REM_EXPLOS", "SEX_VIOL", "SUIC_BOMB",
    "VIOL_DEMONSTR", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB",
}


@pytest.mark.parametrize(("event_type", "name"), [(t, n) for t, names in ACLED.items() for n in names])
def test_every_acled_sub_type_is_present_under_its_event_type(event_type: str, name: str) -> None:
    sub = sub_event_type(name)
    assert sub.event_type == event_type
    assert sub.acled


@pytest.mark.parametrize("name", NON_ACLED)
def test_the_five_non_acled_types_are_present_and_flagged(name: str) -> None:
    assert not sub_event_type(name).acled


def test_every_sub_type_has_plover_codes_and_a_case_code() -> None:
    for sub in taxonomy().values():
        assert sub.plover_event and sub.plover_mode and sub.source
        assert sub.case_code in CASE_CODES


def test_case_mapping_covers_all_thirty_labels() -> None:
    assert {sub.case_code for sub in taxonomy().values()} == CASE_CODES


def test_an_unknown_sub_type_is_a_knowledge_error() -> None:
    with pytest.raises(KnowledgeError):
        sub_event_type("Drive-by poetry")


def test_trigger_lexicon_loads_with_a_source_on_every_entry() -> None:
    raw = load_data("triggers.yaml")
    assert raw["version"] and raw["sources"]
    assert all(entry.get("source") for entry in raw["entries"])
    entries = lexicon().entries.values()
    assert len(entries) == len(raw["entries"])
    assert all(name in taxonomy() for entry in entries for name, _ in entry.votes)


def test_every_taxonomy_and_lexicon_entry_cites_a_listed_source() -> None:
    for name in ("taxonomy.yaml", "triggers.yaml", "targets.yaml"):
        raw = load_data(name)
        cited = {source["id"] for source in raw["sources"]}
        entries = raw.get("entries") or raw.get("categories") or [
            sub for event_type in raw["event_types"] for sub in event_type["sub_event_types"]
        ]
        assert {entry["source"] for entry in entries} <= cited, name


def test_every_trigger_has_a_family_and_the_lexicon_covers_the_core_verbs() -> None:
    words = {word for entry in lexicon().entries.values() if entry.is_trigger for alts in entry.words for word in alts}
    for verb in ["attack", "strike", "target", "fire", "launch", "shell", "bomb", "explode", "kill", "clash",
                 "storm", "abduct", "kidnap", "arrest", "detain", "intercept", "shoot", "claim", "protest",
                 "rally", "loot", "seize", "sign"]:
        assert verb in words, verb


def test_modality_lists_are_read_from_the_lexicon() -> None:
    words = modal_words()
    assert "threaten" in words.threat and "plan" in words.hypothetical and "could" in words.modal_aux
