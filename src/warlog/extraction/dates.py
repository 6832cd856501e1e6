"""DateStage: when an event happened (`event_date`, `date_precision`, `date_text`), read from date phrases.

Candidates are spaCy DATE/TIME entities plus numeric dates ("10/05/2019", read month first as GTD writes
them), resolved by dateparser against the publication date (midnight, past preferred). The event takes
the candidate nearest its trigger in its own sentence(s), ignoring parenthesised asides when the sentence
has another date ("Around 9 May (between 3 - 14 May)"); then a day-precise date opening the article (the
GTD "MM/DD/YYYY:" or ACLED "On 17 October 2023," line); then the publication date, at week precision,
with `date_text` "publication date".

Precision and coding rules, following ACLED's `time_precision`:
- a day ("17 October 2023", "on Tuesday", "yesterday", "last night") -> YYYY-MM-DD, day;
- a range of days ("3 - 14 November", "a few days ago", "last week", "earlier this week", "the weekend")
  -> the middle day of the range, YYYY-MM-DD, week;
- a month ("In October", "early November", "earlier this month", "last month") -> YYYY-MM, month;
- a year ("in 2019", "last year") -> YYYY, year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Span

from warlog.extraction.base import DocState, EventDraft, Stage
from warlog.extraction.weapons import own_sentences
from warlog.parsed import entities_in
from warlog.records import DatePrecision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    "september|october|november|december"
)
_DATE_CUE = re.compile(
    rf"\b(?:{_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|ago|"
    r"last|this|earlier|previous|past|weekend|week|month|year)\b|\b(?:1[89]|20)\d\d\b|\d{1,2}/\d{1,2}/\d{2,4}",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"^(?!(?:last|this|past|previous|next|earlier|later)\b)(?:\w+[\s-])?"
    r"(?:days?|weeks?|months?|years?)(?:[\s-]old|[\s-]long)?$",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_WRITTEN_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
    re.IGNORECASE,
)
_DAY_RANGE = re.compile(
    rf"\b(\d{{1,2}})\s*(?:-|–|to|and)\s*(\d{{1,2}})\s+((?:{_MONTHS})\.?(?:\s+\d{{4}})?)\b", re.IGNORECASE
)
_PART_OF_MONTH = re.compile(
    rf"^(?:early|mid|late|the end of|the beginning of|the start of)[\s-]+((?:{_MONTHS})\b.*)$", re.IGNORECASE
)
_LEADING_WORDS = re.compile(r"^(?:on|in|at|around|about|during|since|by|late|early|the|of|from)\s+", re.IGNORECASE)
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
PUBLICATION_DATE_TEXT = "publication date"
LEADING_TOKENS = 3
_YEAR = re.compile(r"\b\d{4}\b")


@dataclass(frozen=True)
class ResolvedDate:
    """A date phrase read against a reference date."""

    value: str
    precision: DatePrecision


def _week_middle(start: dt.date, end: dt.date) -> ResolvedDate:
    return ResolvedDate((start + (end - start) / 2).isoformat(), "week")


def _this_week(published: dt.date) -> ResolvedDate:
    return _week_middle(published - dt.timedelta(days=published.weekday()), published)


def _last_weekend(published: dt.date) -> ResolvedDate:
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
    return ResolvedDate(saturday.isoformat(), "week")


def _month_of(published: dt.date, months_back: int) -> ResolvedDate:
    first = published.replace(day=1)
    for _ in range(months_back):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return ResolvedDate(first.strftime("%Y-%m"), "month")


_VAGUE_PHRASES: tuple[tuple[re.Pattern[str], Callable[[dt.date], ResolvedDate]], ...] = (
    (re.compile(r"\b(?:a few|few|several|some|(?:a )?couple of)\s+days\s+(?:ago|earlier|before)\b|^days ago$", re.I),
     lambda p: _week_middle(p - dt.timedelta(days=5), p - dt.timedelta(days=2))),
    (re.compile(r"\b(?:earlier this|this) week\b", re.I), _this_week),
    (re.compile(r"\b(?:last|past|previous) week\b", re.I),
     lambda p: _week_middle(p - dt.timedelta(days=7), p - dt.timedelta(days=1))),
    (re.compile(r"\bweekend\b", re.I), _last_weekend),
    (re.compile(r"\b(?:earlier this|this) month\b", re.I), lambda p: _month_of(p, 0)),
    (re.compile(r"\b(?:last|past|previous) month\b", re.I), lambda p: _month_of(p, 1)),
)


@lru_cache(maxsize=256)
def _parser(published: dt.date) -> DateDataParser:
    from dateparser.date import DateDataParser  # slow to import and to build: loaded by the first phrase it reads

    base = dt.datetime.combine(published, dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser(text: str, published: dt.date) -> ResolvedDate | None:
    """dateparser's reading of a phrase, dropping leading prepositions it cannot read ("late on 11 August").
    Remembered: the same phrases come back in every event of an article, and in the articles of a day."""
    for _ in range(4):
        data = _parser(published).get_date_data(text)
        if data.date_obj is not None:
            return _from_period(data.date_obj.date(), data.period)
        stripped = _LEADING_WORDS.sub("", text, count=1)
        if stripped == text:
            return None
        text = stripped
    return None


def _from_period(day: dt.date, period: str | None) -> ResolvedDate | None:
    if period in ("day", "part_of_day"):
        return ResolvedDate(day.isoformat(), "day")
    if period == "week":
        return ResolvedDate(day.isoformat(), "week")
    if period == "month":
        return ResolvedDate(day.strftime("%Y-%m"), "month")
    if period == "year":
        return ResolvedDate(f"{day.year:04d}", "year")
    return None


def resolve_date(text: str, published: dt.date) -> ResolvedDate | None:
    """The date a phrase names, read against the publication date; None when it names no date."""
    phrase = " ".join(text.split()).strip(" ,.:;()")
    if not phrase or not _DATE_CUE.search(phrase) or _DURATION.match(phrase):
        return None
    if match := _NUMERIC_DATE.fullmatch(phrase):
        month, day, year = (int(group) for group in match.groups())
        return _valid(year, month, day)
    if (match := _DAY_RANGE.search(phrase)) and (last := _dateparser(f"{match.group(2)} {match.group(3)}", published)):
        year, month = int(last.value[:4]), int(last.value[5:7])
        first = _valid(year, month, int(match.group(1))) if last.precision == "day" else None
        if first is not None and first.value <= last.value:
            return _week_middle(dt.date.fromisoformat(first.value), dt.date.fromisoformat(last.value))
    for pattern, rule in _VAGUE_PHRASES:
        if pattern.search(phrase):
            return rule(published)
    if match := _PART_OF_MONTH.match(phrase):
        resolved = _dateparser(match.group(1), published)
        return ResolvedDate(resolved.value[:7], "month") if resolved and resolved.precision == "day" else resolved
    return _dateparser(phrase, published)


def _valid(year: int, month: int, day: int) -> ResolvedDate | None:
    try:
        return ResolvedDate(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


@dataclass(frozen=True)
class DateCandidate:
    """A date phrase of the text and what it resolves to."""

    span: Span
    date: ResolvedDate
    in_parentheses: bool


def _in_parentheses(span: Span) -> bool:
    before = span.doc[span.sent.start : span.start].text
    return before.count("(") > before.count(")")


def date_candidates(sentence: Span, published: dt.date, with_year: bool = False) -> list[DateCandidate]:
    """Every date phrase of a sentence that resolves: full written or numeric dates (which the small
    model often splits: "Around 8 | April 2025"), then the DATE/TIME entities they do not overlap. With
    `with_year`, only the phrases that name a year are read."""
    spans = [
        span
        for pattern in (_NUMERIC_DATE, _WRITTEN_DATE)
        for match in pattern.finditer(sentence.text)
        if (span := sentence.char_span(match.start(), match.end(), alignment_mode="expand")) is not None
    ]
    spans += [
        ent for ent in entities_in(sentence)
        if ent.label_ in ("DATE", "TIME") and not any(span.start < ent.end and ent.start < span.end for span in spans)
    ]
    if with_year:
        spans = [span for span in spans if _YEAR.search(span.text)]
    candidates = []
    for span in spans:
        text = numeric.group(0) if (numeric := _NUMERIC_DATE.search(span.text)) else span.text
        resolved = resolve_date(text, published)
        if resolved is not None:
            candidates.append(DateCandidate(span, resolved, _in_parentheses(span)))
    return candidates


def _nearest(candidates: list[DateCandidate], anchor: int) -> DateCandidate | None:
    """The candidate nearest a token index, preferring ones outside parentheses."""
    if not candidates:
        return None
    outside = [c for c in candidates if not c.in_parentheses] or candidates
    return min(
        outside,
        key=lambda c: (min(abs(c.span.start - anchor), abs(c.span.end - anchor)), _PRECISION_RANK[c.date.precision]),
    )


def _leading_date(lead: Span, candidates: list[DateCandidate]) -> DateCandidate | None:
    """A day-precise date opening the article ("10/05/2019:", "On 4 May 2022,", "Yesterday,"): it dates every
    event of the article that names no date of its own."""
    opening = [c for c in candidates if c.span.start - lead.start <= LEADING_TOKENS]
    return next((c for c in opening if c.date.precision == "day"), None)


class DateStage(Stage):
    """Fill `event_date`, `date_precision` and `date_text` for every event."""

    name = "dates"
    version = "1"

    def process(self, batch: list[DocState]) -> list[DocState]:
        for state in batch:
            lead = next(iter(state.doc.sents), None)
            for draft in state.events:
                self._fill(draft, lead, state.article.published)
        return batch

    def _fill(self, draft: EventDraft, lead: Span | None, published: dt.date | None) -> None:
        """Own sentences, then the article's opening date, then the publication date. Without a publication
        date only self-contained dates (with a year) can be read (so no other phrase is read at all)."""
        reference = published or dt.date.today()

        def candidates(sentence: Span) -> list[DateCandidate]:
            return date_candidates(sentence, reference, with_year=published is None)

        for sentence in own_sentences(draft):
            if (chosen := _nearest(candidates(sentence), draft.trigger.start)) is not None:
                self._set(draft, chosen, rule="event sentence")
                return
        if lead is not None and (chosen := _leading_date(lead, candidates(lead))) is not None:
            self._set(draft, chosen, rule="leading date line")
            return
        if published is not None:
            draft.set("event_date", published.isoformat(), self, rule="publication date")
            draft.set("date_precision", "week", self, rule="publication date")
            draft.set("date_text", PUBLICATION_DATE_TEXT, self, rule="publication date")

    def _set(self, draft: EventDraft, chosen: DateCandidate, rule: str) -> None:
        draft.set("event_date", chosen.date.value, self, chosen.span, rule=rule)
        draft.set("date_precision", chosen.date.precision, self, chosen.span, rule=rule)
        draft.set("date_text", chosen.span.text, self, chosen.span, rule=rule)
