"""Place-name keys: one key for the spellings conflict news mixes."""

import pytest

from warlog.geo.distance import haversine_km
from warlog.geo.names import place_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dayr az Zawr", "Deir ez-Zor"),
        ("Deir el-Zor", "Deir ez-Zor"),
        ("al-Qa'im", "Qaim"),
        ("Al Hudaydah", "Hodeidah"),
        ("Albu Kamal", "Al-Bukamal"),
        ("At Tanf", "al-Tanf"),
        ("Irbil", "Erbil"),
        ("Ain Assad", "Ayn al-Asad"),
        ("Ashara", "Al Asharah"),
        ("Hassakeh", "Al-Hasakah"),
        ("Jisr al-Shugur", "Jisr ash Shughur"),
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


def test_different_places_keep_different_keys() -> None:
    assert place_key("Mosul") != place_key("Basra")
    assert place_key("Abu Ghraib") != place_key("Ghraib")


def test_haversine_known_distances() -> None:
    assert haversine_km(33.3152, 44.3661, 33.3152, 44.3661) == 0
    # Baghdad to Erbil is about 320 km as the crow flies.
    assert 310 < haversine_km(33.3152, 44.3661, 36.1912, 44.0094) < 330
    assert haversine_km(0, 0, 0, 180) == pytest.approx(20015, rel=0.001)
