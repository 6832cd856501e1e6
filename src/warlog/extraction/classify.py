"""Classification: choose each event's final sub-event type from its triggers, cues and weapons.

Every trigger of the event votes for sub-types (`data/triggers.yaml`); a trigger's votes change
when a context group is present in the event's sentences (e.g. "clashed" next to "protesters" is a
Violent demonstration). In conflict events, cue words (drone, rocket, IED, civilians, tear gas...)
and the event's `weapons` vote too. A claim of responsibility decides the type only when it leads
a one-sentence event ("X claimed the bombing of..."): a longer report is about the attack itself.
The highest total wins; the rule records the votes. A draft whose words give no type at least
`min_score` is dropped: no silent default code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from warlog.extraction.base import DocState, Stage
from warlog.extraction.detect import DetectedDraft
from warlog.extraction.lexicon import LexiconEntry, cue_groups, lexicon
from warlog.extraction.roles import role_groups
from warlog.extraction.taxonomy import sub_event_type
from warlog.text import fold

DISRUPTED = "Disrupted weapons use"


@dataclass(frozen=True)
class Vote:
    """One word's vote for one sub-event type."""

    sub_event_type: str
    weight: float
    span: Span | None
    why: str


@dataclass(frozen=True)
class Decision:
    """The chosen sub-event type, its score and the votes behind it."""

    sub_event_type: str
    score: float
    votes: tuple[Vote, ...]
    groups: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def weapon_cues() -> dict[str, LexiconEntry]:
    """Cue entries by single word, to read `event.weapons` strings."""
    index: dict[str, LexiconEntry] = {}
    for entry in lexicon().entries.values():
        if not entry.is_trigger and len(entry.words) == 1 and entry.votes:
            for word in entry.words[0]:
                index.setdefault(fold(word), entry)
    return index


def weapon_entries(weapons: list[str], named: set[str]) -> list[LexiconEntry]:
    """Cue entries for the event's `weapons`, except groups the event's sentences already name."""
    entries = {
        weapon_cues()[word].key: weapon_cues()[word]
        for weapon in weapons
        for word in fold(weapon).split()
        if word in weapon_cues() and weapon_cues()[word].group not in named
    }
    return list(entries.values())


def decide(draft: DetectedDraft) -> Decision | None:
    """Add up the votes of a draft's triggers, of the cues in its sentences and of its other weapons."""
    cues = [hit for hit in draft.nearby if not hit.entry.is_trigger]
    groups = cue_groups(draft.nearby)
    weapons = weapon_entries(draft.event.weapons, groups)
    groups |= {entry.group for entry in weapons if entry.group}
    lead_claim = draft.hits[0].entry.family == "attribution" and len(draft.event.evidence) == 1
    votes: list[Vote] = []
    for hit in draft.hits:
        if hit.entry.family == "attribution" and not lead_claim:
            continue
        in_roles = groups | role_groups(hit, cues)
        votes.extend(Vote(name, weight, hit.span, hit.entry.key) for name, weight in hit.votes_in(in_roles))
    if draft.family == "conflict":
        for cue in cues:
            votes.extend(Vote(name, weight, cue.span, cue.entry.key) for name, weight in cue.entry.votes)
        for entry in weapons:
            votes.extend(Vote(name, weight, None, f"weapon {entry.key}") for name, weight in entry.votes)
    totals: dict[str, float] = defaultdict(float)
    for vote in votes:
        totals[vote.sub_event_type] += vote.weight
    if not totals:
        return None
    best = max(totals, key=lambda name: totals[name])
    return Decision(best, totals[best], tuple(v for v in votes if v.sub_event_type == best), frozenset(groups))


class Classification(Stage):
    """Set event_type, sub_event_type, PLOVER codes and (for disrupted attacks) the outcome."""

    name = "classification"
    version = "1"

    def __init__(self, min_score: float = 1.0) -> None:
        super().__init__(min_score=min_score)
        self.min_score = min_score

    def process(self, batch: list[DocState]) -> list[DocState]:
        for state in batch:
            kept = []
            for draft in state.events:
                if not isinstance(draft, DetectedDraft):
                    kept.append(draft)
                    continue
                decision = decide(draft)
                if decision is None or decision.score < self.min_score:
                    continue
                self._apply(draft, decision)
                kept.append(draft)
            state.events = kept
        return batch

    def _apply(self, draft: DetectedDraft, decision: Decision) -> None:
        chosen = sub_event_type(decision.sub_event_type)
        strongest = max(decision.votes, key=lambda vote: vote.weight)
        span = strongest.span if strongest.span is not None else draft.trigger
        rule = f"{chosen.name}={decision.score:g}: " + ", ".join(f"{v.why}+{v.weight:g}" for v in decision.votes)
        for name, value in (
            ("event_type", chosen.event_type),
            ("sub_event_type", chosen.name),
            ("plover_event", chosen.plover_event),
            ("plover_mode", chosen.mode_for(set(decision.groups))),
        ):
            draft.set(name, value, self, span, rule)
        if chosen.name == DISRUPTED:
            source = next((hit for hit in draft.hits if hit.entry.outcome), None)
            if source is not None:
                draft.set("outcome", source.entry.outcome, self, source.span, f"outcome of {source.entry.key}")
