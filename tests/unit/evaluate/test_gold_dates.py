"""Gold date normalisation: ACLED and ISO spellings, partial dates, GTD's zero-for-unknown parts."""

from __future__ import annotations

import pytest

from warlog.evaluate.dates import date_from_parts, normalise_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 October 2023", "2023-10-17"),
        ("2023-10-17", "2023-10-17"),
        ("17-October-2023", "2023-10-17"),
        ("3 Mar 2024", "2024-03-03"),
        ("2023-10", "2023-10"),
        ("2023", "2023"),
        (" 2023-10-17 ", "2023-10-17"),
    ],
)
def test_normalise_date(text: str, expected: str) -> None:
    assert normalise_date(text) == expected


@pytest.mark.parametrize("text", ["sometime in spring", "2023-13", "2023-02-30", "17 Octember 2023"])
def test_unreadable_dates_raise(text: str) -> None:
    with pytest.raises(ValueError):
        normalise_date(text)


def test_date_from_parts_keeps_only_known_parts() -> None:
    assert date_from_parts(2019, 1, 5) == "2019-01-05"
    assert date_from_parts(2019, 2, 0) == "2019-02"
    assert date_from_parts(2019, 0, 0) == "2019"
    with pytest.raises(ValueError):
        date_from_parts(2019, 2, 31)
