"""Comparison keys: countries by ISO code, admin1 spellings, actors (generic and folded), weapon categories."""

from __future__ import annotations

import pytest

from warlog.evaluate.normalise import actors_match, admin1_key, country_key, is_generic_actor
from warlog.evaluate.weapons import weapon_categories


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Syria", "Syrian Arab Republic"),
        ("Palestine", "West Bank and Gaza Strip"),
        ("Turkey", "Türkiye"),
        ("Myanmar", "Burma"),
        ("Iraq", "IRQ"),
        ("Iraq", "iq"),
        ("Russia", "Russian Federation"),
        ("United States", "USA"),
    ],
)
def test_country_variants_share_a_key(left: str, right: str) -> None:
    assert country_key(left) == country_key(right)


def test_countries_differ_and_unknown_names_stay_folded() -> None:
    assert country_key("Iraq") != country_key("Iran")
    assert country_key("Atlantis") == "atlantis"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Erbil Governorate", "Erbil"),
        ("Deir ez-Zor", "Dayr az Zawr Governorate"),
        ("Nineveh", "Ninewa Province"),
        ("Al Anbar", "Anbar"),
        ("province of Kandahar", "Kandahar"),
    ],
)
def test_admin1_spellings_share_a_key(left: str, right: str) -> None:
    assert admin1_key(left) == admin1_key(right)


def test_different_admin1_differ() -> None:
    assert admin1_key("Basra") != admin1_key("Baghdad")


def test_generic_actors_match_each_other_and_no_actor() -> None:
    assert is_generic_actor(None)
    assert actors_match("Unidentified Armed Group (Iraq)", None)
    assert actors_match("Unknown", "Unidentified gunmen")
    assert not actors_match("Unknown", "Kataib Hezbollah")
    assert not actors_match("Kataib Hezbollah", None)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Islamic State (Syria)", "ISIS"),
        ("Islamic State of Iraq and the Levant (ISIL)", "Daesh"),
        ("Houthis", "Ansar Allah"),
        ("PKK", "Kurdistan Workers' Party"),
    ],
)
def test_actor_aliases_match_through_the_registry(gold: str, predicted: str) -> None:
    assert actors_match(gold, predicted)


def test_named_actors_match_when_folded_and_without_acled_parentheses() -> None:
    assert actors_match("Military Forces of Iraq (2020-)", "military forces of iraq")
    assert actors_match("Kata'ib Hizballah", "Kataib Hizballah")
    assert not actors_match("Islamic State (Syria)", "Kurdistan Workers' Party")


def test_weapon_categories_put_gtd_types_and_weapon_words_on_one_scale() -> None:
    assert weapon_categories(["Explosives"]) == {"explosives"}
    assert weapon_categories(["armed drone"]) == {"explosives"}
    assert weapon_categories(["assault rifle", "machete"]) == {"firearms", "melee"}
    assert weapon_categories(["Firearms"]) == {"firearms"}
    assert weapon_categories(["rockets"]) == {"explosives"}
    assert weapon_categories(["banner"]) == set()
