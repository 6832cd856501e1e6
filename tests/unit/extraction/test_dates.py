"""DateStage and the date-phrase resolver, against a publication date of Tuesday 9 November 2021."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.extraction.dates import PUBLICATION_DATE_TEXT, DateStage, _dateparser, resolve_date

PUBLISHED = dt.date(2021, 11, 9)
FORMATS = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("In October", "2021-10", "month"),
        ("yesterday", "2021-11-08", "day"),
        ("on Tuesday", "2021-11-02", "day"),
        ("last night", "2021-11-08", "day"),
        ("On 17 October 2023", "2023-10-17", "day"),
        ("10/05/2019", "2019-10-05", "day"),
        ("March 3, 2020", "2020-03-03", "day"),
        ("late on 11 August", "2021-08-11", "day"),
        ("a few days ago", "2021-11-05", "week"),
        ("last week", "2021-11-05", "week"),
        ("earlier this week", "2021-11-08", "week"),
        ("1 - 7 November", "2021-11-04", "week"),
        ("earlier this month", "2021-11", "month"),
        ("last month", "2021-10", "month"),
        ("early October", "2021-10", "month"),
        ("in 2019", "2019", "year"),
    ],
)
def test_phrases_resolve_against_the_publication_date(phrase: str, value: str, precision: str) -> None:
    resolved = resolve_date(phrase, PUBLISHED)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("phrase", ["02/30/2020", "13/45/2020", "two years", "the 11-day", "24-year-old", "At least 3"])
def test_impossible_dates_and_durations_name_no_date(phrase: str) -> None:
    assert resolve_date(phrase, PUBLISHED) is None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_resolve_date_never_crashes_and_formats_match_precision(phrase: str, published: dt.date) -> None:
    resolved = resolve_date(phrase, published)
    if resolved is not None:
        assert re.fullmatch(FORMATS[resolved.precision], resolved.value)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_explicit_dates_read_back_exactly_in_every_written_form(day: dt.date) -> None:
    for phrase in (f"On {day.day} {day:%B} {day.year}", f"{day:%B} {day.day}, {day.year}", f"{day:%m/%d/%Y}"):
        assert resolve_date(phrase, PUBLISHED) == resolve_date(day.isoformat(), PUBLISHED)
        assert resolve_date(phrase, PUBLISHED).value == day.isoformat()


def _event(make_state, text: str, trigger: str, published: dt.date | None = PUBLISHED):
    return DateStage().process([make_state(text, trigger, published=published)])[0].events[0].event


def test_the_events_own_sentence_gives_the_date_and_its_words(make_state) -> None:
    event = _event(make_state, "In October, five drones targeted the garrison near the border.", "targeted")
    assert (event.event_date, event.date_precision, event.date_text) == ("2021-10", "month", "October")
    assert event.provenance["event_date"].stage.startswith("dates@")


def test_each_event_takes_the_date_nearest_its_trigger(make_state) -> None:
    text = "In July, militants used drones to attack a tanker. In May, a drone was launched towards the port."
    state = make_state(text, "attack", "launched")
    first, second = (draft.event for draft in DateStage().process([state])[0].events)
    assert first.event_date == "2021-07"
    assert second.event_date == "2021-05"


def test_a_parenthesised_range_does_not_beat_the_main_date(make_state) -> None:
    event = _event(make_state, "Around 9 May 2021 (between 3 - 14 May), rebels shelled the depot.", "shelled")
    assert (event.event_date, event.date_precision) == ("2021-05-09", "day")


def test_a_leading_numeric_date_line_dates_later_sentences(make_state) -> None:
    text = "10/05/2019: Gunmen stormed a village. Later the assailants burned the school."
    event = _event(make_state, text, "burned", published=dt.date(2019, 10, 7))
    assert (event.event_date, event.date_precision) == ("2019-10-05", "day")


def test_a_vague_opening_phrase_dates_only_its_own_event(make_state) -> None:
    text = "A few days ago, troops clashed with the militia downtown. Police later arrested three officers."
    state = DateStage().process([make_state(text, "clashed", "arrested")])[0]
    first, second = (draft.event for draft in state.events)
    assert (first.event_date, first.date_precision) == ("2021-11-05", "week")
    assert second.date_text == PUBLICATION_DATE_TEXT


def test_no_date_cue_falls_back_to_the_publication_date_and_says_so(make_state) -> None:
    event = _event(make_state, "A drone struck an ammunition depot.", "struck")
    assert (event.event_date, event.date_precision, event.date_text) == ("2021-11-09", "week", PUBLICATION_DATE_TEXT)


def test_without_a_publication_date_only_dates_with_a_year_are_read(make_state) -> None:
    with_year = _event(make_state, "On 4 June 2020 a drone struck the depot.", "struck", published=None)
    relative = _event(make_state, "Yesterday a drone struck the depot.", "struck", published=None)
    assert with_year.event_date == "2020-06-04"
    assert relative.event_date is None


def test_without_a_publication_date_phrases_without_a_year_are_never_handed_to_dateparser(make_state) -> None:
    _dateparser.cache_clear()
    event = _event(make_state, "Yesterday a drone struck the depot on Monday morning.", "struck", published=None)
    assert event.event_date is None
    assert _dateparser.cache_info().misses == 0
