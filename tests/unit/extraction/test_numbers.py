"""The number reader shared by casualty and weapon counts."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from warlog.extraction.numbers import count_of, parse_number
from warlog.nlp import MODEL

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(number: int) -> str:
    """English words for 0..999, written independently of the parser under test."""
    hundreds, rest = divmod(number, 100)
    words = [f"{UNITS[hundreds]} hundred"] if hundreds else []
    if rest or not words:
        if rest < 20:
            words.append(UNITS[rest])
        else:
            tens, unit = divmod(rest, 10)
            words.append(TENS[tens] + (f"-{UNITS[unit]}" if unit else ""))
    return " and ".join(words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7), ("1,200", 1200), ("two", 2), ("Twenty-one", 21), ("a dozen", 12), ("two dozen", 24),
        ("three hundred and five", 305), ("4-7", 4), ("10 to 12", 10), ("several", 10), ("dozens", 12),
        ("hundreds", 100), ("an", 1), ("drone", None), ("", None), ("two drones", None),
    ],
)
def test_parse_number_reads_digits_words_ranges_and_vague_counts(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


@given(st.integers(min_value=0, max_value=999))
def test_parse_number_reads_every_spelled_number(number: int) -> None:
    assert parse_number(spell(number)) == number
    assert parse_number(f"{number:,}") == number


@given(st.text(max_size=40))
def test_parse_number_never_crashes_and_counts_are_never_negative(text: str) -> None:
    value = parse_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load(MODEL)


@pytest.mark.parametrize(
    ("sentence", "noun", "expected"),
    [
        ("Militants launched five drones at the camp.", "drones", 5),
        ("A drone hit the depot.", "drone", 1),
        ("At least 7 people were hurt.", "people", 7),
        ("Between 3-5 fighters died in the blast.", "fighters", 3),
        ("Thirty-eight people were killed.", "people", 38),
        ("Several guards were wounded.", "guards", 10),
        ("Drones hit the depot.", "Drones", None),
    ],
)
def test_count_of_reads_the_number_of_a_noun_phrase(nlp, sentence: str, noun: str, expected: int | None) -> None:
    token = next(t for t in nlp(sentence) if t.text == noun)
    assert count_of(token) == expected
