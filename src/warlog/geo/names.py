"""Place-name keys: `warlog.text.fold`, then each token mapped onto its canonical transliteration."""

from __future__ import annotations

import re
from functools import lru_cache

from warlog.knowledge import load_data
from warlog.text import fold

TRANSLITERATION_FILE = "places/transliteration.yaml"


@lru_cache(maxsize=1)
def token_variants() -> dict[str, str]:
    """Each variant spelling of a name token -> the first spelling of its group."""
    table: dict[str, str] = {}
    for group in load_data(TRANSLITERATION_FILE)["groups"]:
        canonical, *variants = group["variants"]
        for variant in variants:
            table.setdefault(variant, canonical)
    return table


_DOUBLED = re.compile(r"(\w)\1+")
_FINAL_H = re.compile(r"(?<=[aei])h$")


def _loose(token: str) -> str:
    """Transliteration noise every romanisation of Arabic adds: doubled letters ('Raqqa'/'Raqa') and a
    final h after a vowel ('Asharah'/'Ashara', 'Hasakeh'/'Hasake')."""
    token = _DOUBLED.sub(r"\1", token)
    return _FINAL_H.sub("", token) if len(token) > 3 else token


def place_key(name: str) -> str:
    """The lookup key of a place name: 'Dayr az Zawr' and "Deir ez-Zor" give the same key."""
    variants = token_variants()
    return " ".join(_loose(part) for token in fold(name).split() for part in variants.get(token, token).split())


def compact_key(key: str) -> str:
    """A key without spaces, so 'Kyain Seikgyi' meets 'Kyainseikgyi' and 'Mu Se' meets 'Muse'."""
    return key.replace(" ", "")


# One-word names that are also ordinary English words: a place only when written inside a place list.
GENERIC_NAMES = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast southwest central "
    "centre center capital bay delta plateau rivers lakes islands gulf coast free".split()
)
