"""Comparison keys for gold and predicted values: countries, admin1 names, actors and weapons."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from warlog.actors.registry import load_registry
from warlog.geo.names import place_key
from warlog.knowledge import load_data
from warlog.text import fold

COUNTRIES_FILE = "places/countries.yaml"
ADMIN1_FILE = "places/admin1.yaml"
# Names event databases use that neither pycountry nor the places data know (folded -> ISO alpha-2).
_EXTRA_COUNTRY_NAMES = {
    "west bank": "PS",
    "gaza": "PS",
    "gaza strip": "PS",
    "west bank and gaza strip": "PS",
    "ivory coast": "CI",
    "russia": "RU",
    "brunei": "BN",
    "micronesia": "FM",
    "drc": "CD",
    "dr congo": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "republic of congo": "CG",
    "swaziland": "SZ",
    "east timor": "TL",
    "macedonia": "MK",
    "kosovo": "XK",
    "czech republic": "CZ",
    "cape verde": "CV",
}
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:governorate|province|region|state|district|wilayah|wilayat|muhafazah|oblast|prefecture|"
    r"department|county|division|territory)$"
)
_ADMIN_PREFIX = re.compile(r"^(?:governorate|province|region|state) of\s+")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_GENERIC_ACTOR = re.compile(r"^(?:unidentified|unknown)\b")


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name", "alpha_3", "alpha_2"):
            value = getattr(country, attribute, None)
            if value:
                index[fold(value, drop_articles=False)] = country.alpha_2
    for country in load_data(COUNTRIES_FILE)["countries"]:
        for name in [country.get("display"), *country.get("aliases", [])]:
            if name:
                index[fold(name, drop_articles=False)] = country["iso2"]
    index.update(_EXTRA_COUNTRY_NAMES)
    return index


def country_key(name: str) -> str:
    """ISO alpha-2 for a country name, variant or code; the folded name when unknown."""
    key = fold(name, drop_articles=False)
    key = key[4:] if key.startswith("the ") else key
    return _country_index().get(key, key)


def _bare_admin1(name: str) -> str:
    return _ADMIN_SUFFIX.sub("", _ADMIN_PREFIX.sub("", place_key(name)))


@lru_cache(maxsize=1)
def _admin1_aliases() -> dict[str, str]:
    """Every spelling of a first-order division in the places data -> the key of its GeoNames name."""
    index: dict[str, str] = {}
    for division in load_data(ADMIN1_FILE)["divisions"]:
        canonical = _bare_admin1(division["geonames"])
        for name in [division.get("display"), *division.get("aliases", [])]:
            if name:
                index.setdefault(_bare_admin1(name), canonical)
    return index


def admin1_key(name: str) -> str:
    """An admin1 key: transliteration-folded, without 'governorate', 'province'..., aliases merged."""
    key = _bare_admin1(name)
    return _admin1_aliases().get(key, key)


@lru_cache(maxsize=65536)
def actor_key(name: str) -> str:
    """The registry id of an actor name (also tried without ACLED's "(Iraq)" or "(2020-)"), else the folded name."""
    bare = _PARENTHESIS.sub("", name)
    registry = load_registry()
    for candidate in (name, bare):
        actor = registry.resolve(candidate)
        if actor is not None:
            return actor.id
    return fold(bare)


def is_generic_actor(name: str | None) -> bool:
    """True for no actor, or for 'Unidentified Armed Group', 'Unknown'..."""
    return name is None or bool(_GENERIC_ACTOR.match(fold(name)))


def actors_match(gold: str, predicted: str | None) -> bool:
    """Same actor: both generic (unidentified/unknown/none), or one registry actor or folded name."""
    if is_generic_actor(gold):
        return is_generic_actor(predicted)
    return predicted is not None and actor_key(gold) == actor_key(predicted)
