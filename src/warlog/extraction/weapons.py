"""WeaponStage: the weapons an event used (canonical names from `data/weapons.yaml`) and how many.

Also home of what every field stage uses to read the right words for an event: its own sentences (its
trigger's sentence and its evidence), its region (those plus the ones that follow, up to the next event's
trigger), the sentences just before it, and whether a word belongs to another event's trigger in the
parse; so that a count or a weapon is read from the event it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from warlog.extraction.base import DocState, EventDraft, Stage
from warlog.extraction.numbers import count_of
from warlog.knowledge import load_data

REGION_MAX_SENTENCES = 4


@dataclass(frozen=True)
class WeaponEntry:
    """One weapon of the taxonomy."""

    name: str
    patterns: tuple[str, ...]
    gtd_type: str
    gtd_subtype: str
    plover_mode: str
    source: str


@dataclass(frozen=True)
class WeaponMention:
    """A weapon word found in the text."""

    entry: WeaponEntry
    span: Span


@lru_cache(maxsize=1)
def weapon_entries() -> dict[str, WeaponEntry]:
    """The weapon taxonomy, by canonical name."""
    entries = {}
    for row in load_data("weapons.yaml")["weapons"]:
        entry = WeaponEntry(
            name=row["name"],
            patterns=tuple(str(pattern) for pattern in row["patterns"]),
            gtd_type=row["gtd_type"],
            gtd_subtype=row["gtd_subtype"],
            plover_mode=row["plover_mode"],
            source=row["source"],
        )
        entries[entry.name] = entry
    return entries


def _pattern_key(pattern: str) -> str:
    return re.sub(r"[\s-]+", " ", pattern.casefold())


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, WeaponEntry]]:
    """One regex over every pattern (longest first) and the entry each folded pattern belongs to."""
    by_key = {_pattern_key(p): entry for entry in weapon_entries().values() for p in entry.patterns}
    keys = sorted(by_key, key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(re.escape(word) for word in key.split(" ")) for key in keys)
    return re.compile(rf"(?<!\w)({alternatives})(?:e?s)?(?!\w)", re.IGNORECASE), by_key


def find_weapons(span: Span) -> list[WeaponMention]:
    """Every weapon word in a span, in text order."""
    pattern, by_key = _matcher()
    mentions = []
    for match in pattern.finditer(span.text):
        start = span.start_char + match.start()
        words = span.doc.char_span(start, span.start_char + match.end(), alignment_mode="expand")
        if words is not None:
            mentions.append(WeaponMention(by_key[_pattern_key(match.group(1))], words))
    return mentions


def own_sentences(draft: EventDraft) -> list[Span]:
    """The trigger's sentence, then every other sentence the event's evidence covers, in text order."""
    sentences = [draft.sentence]
    for evidence in draft.event.evidence:
        for sentence in draft.trigger.doc.sents:
            if sentence.start_char < evidence.end and evidence.start < sentence.end_char and sentence not in sentences:
                sentences.append(sentence)
    return sentences


def region_sentences(
    state: DocState, draft: EventDraft, starts_region: Callable[[EventDraft], bool] = lambda other: True
) -> list[Span]:
    """The event's own sentences, then the sentences after its trigger up to the next event's trigger
    (of an event for which `starts_region` holds)."""
    sentences = own_sentences(draft)
    later_triggers = [
        other.sentence.start
        for other in state.events
        if other.sentence.start > draft.sentence.start and starts_region(other)
    ]
    stop = min(later_triggers, default=len(state.doc))
    following = [s for s in state.doc.sents if draft.sentence.start < s.start < stop]
    return sentences + [s for s in following[:REGION_MAX_SENTENCES] if s not in sentences]


def other_trigger_tokens(
    state: DocState, draft: EventDraft, keep: Callable[[EventDraft], bool] = lambda other: True
) -> set[int]:
    """The token indices of the other events' triggers (of those `keep` accepts)."""
    own = set(range(draft.trigger.start, draft.trigger.end))
    others = {
        i
        for other in state.events
        if other is not draft and keep(other)
        for i in range(other.trigger.start, other.trigger.end)
    }
    return others - own


def governed_by_other(token: Token, draft: EventDraft, others: set[int]) -> bool:
    """Whether the nearest trigger at or above a token in the parse is another event's, not this one's."""
    for head in (token, *token.ancestors):
        if draft.trigger.start <= head.i < draft.trigger.end:
            return False
        if head.i in others:
            return True
    return False


def preceding_sentences(state: DocState, draft: EventDraft) -> list[Span]:
    """The sentences just before the event's trigger that no earlier event covers, nearest first."""
    covered = max(
        (sentence.end for other in state.events if other.sentence.start < draft.sentence.start
         for sentence in own_sentences(other)),
        default=0,
    )
    before = [s for s in state.doc.sents if covered <= s.start and s.end <= draft.sentence.start]
    return before[::-1][:REGION_MAX_SENTENCES]


INSTRUMENT_PREPOSITIONS = frozenset({"by", "with", "using", "via", "through"})


def _instrument_of(token: Token, draft: EventDraft) -> bool:
    """Whether a token hangs on the trigger as its means ("targeted by drone strikes", "hit with rockets")."""
    trigger = range(draft.trigger.start, draft.trigger.end)
    return token.head.i in trigger or (token.head.lower_ in INSTRUMENT_PREPOSITIONS and token.head.head.i in trigger)


class WeaponStage(Stage):
    """Fill `weapons` (canonical names) and `weapon_count` from the event's own sentences; if they name no
    weapon, from the sentences just before it, then from those after it. A weapon of a background event
    ("in revenge for a drone strike") is left to that event."""

    name = "weapons"
    version = "1"

    def process(self, batch: list[DocState]) -> list[DocState]:
        for state in batch:
            for draft in state.events:
                self._fill(state, draft)
        return batch

    def _fill(self, state: DocState, draft: EventDraft) -> None:
        others = other_trigger_tokens(
            state, draft, lambda other: other.event.background and not _instrument_of(other.trigger.root, draft)
        )

        def own_mentions(window: list[Span]) -> list[WeaponMention]:
            found = [mention for sentence in window for mention in find_weapons(sentence)]
            return [mention for mention in found if not governed_by_other(mention.span.root, draft, others)]

        windows = (own_sentences(draft), preceding_sentences(state, draft), region_sentences(state, draft))
        mentions = next((found for window in windows if (found := own_mentions(window))), [])
        if not mentions:
            return
        names = list(dict.fromkeys(mention.entry.name for mention in mentions))
        first = mentions[0]
        draft.set("weapons", names, self, first.span, rule=f"weapons.yaml:{first.entry.name}")
        for mention in mentions:
            head = mention.span.root
            count = None if head.dep_ == "compound" else count_of(head, vague=False)
            if count:
                draft.set("weapon_count", count, self, mention.span, rule="count")
                break
