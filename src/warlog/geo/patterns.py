"""Entity-ruler patterns for the places the small model misses or mislabels: countries, curated bases,
crossings and seas, and the first-order divisions of the countries warlog curates (places/countries.yaml),
each with `"id": "place:<gazetteer id>"`."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS

from warlog.geo.gazetteer import Gazetteer, default_gazetteer
from warlog.geo.model import Place
from warlog.geo.names import GENERIC_NAMES
from warlog.knowledge import load_data

LABELS = {"country": "GPE", "admin1": "GPE", "city": "GPE", "district": "GPE", "region": "LOC", "sea": "LOC"}
# Names also common as given names or words, left to the model and to context rather than forced by a pattern.
AMBIGUOUS_NAMES = GENERIC_NAMES | frozenset("mon chin jordan georgia chad niger turkey guinea america".split())


@lru_cache(maxsize=1)
def _tokenizer():
    return spacy.blank("en").tokenizer


def _pattern(surface: str) -> str | list[dict]:
    """Case-insensitive phrase pattern for a several-word name; case-sensitive token pattern for a one-word
    name or an all-caps code, so 'CAR' does not match 'car'."""
    if " " in surface and not surface.isupper():
        return surface
    return [{"TEXT": token.text} for token in _tokenizer()(surface)]


def _wanted(surface: str, place: Place, curated_countries: set[str]) -> bool:
    folded = surface.casefold()
    if folded in STOP_WORDS or folded in AMBIGUOUS_NAMES or len(surface) < 3:
        return False
    return place.feature != "admin1" or place.country in curated_countries


def entity_patterns(gazetteer: Gazetteer | None = None) -> list[dict]:
    """Patterns for the spellings of countries, curated places and curated countries' divisions."""
    gazetteer = gazetteer or default_gazetteer()
    curated_countries = {entry["iso2"] for entry in load_data("places/countries.yaml")["countries"]}
    return [
        {"label": LABELS.get(place.feature, "FAC"), "pattern": _pattern(surface), "id": f"place:{place.id}"}
        for surface, place in gazetteer.surfaces()
        if _wanted(surface, place, curated_countries)
    ]
