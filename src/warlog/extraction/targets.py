"""Targets: what an attack hit ("targeted the U.S. base at al-Tanf" -> "U.S. base at al-Tanf") and its category.

The target is the patient of a trigger (see `warlog.extraction.roles`), trimmed of leading articles
and plain adjectives and of relative clauses; its category comes from `data/targets.yaml`.
Weapons are not targets: "fired rockets at the base" gives "base".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from warlog.extraction.base import DocState, Stage
from warlog.extraction.detect import DetectedDraft
from warlog.extraction.lexicon import lexicon
from warlog.extraction.roles import patients_of
from warlog.knowledge import load_data
from warlog.text import fold

TARGETS_FILE = "targets.yaml"
TARGETED_FAMILIES = frozenset({"conflict", "support"})
CUT_DEPENDENCIES = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})
WEAPON_GROUPS = frozenset({"drone", "air", "heavy", "explosive", "grenade", "chemical", "firearms", "suicide"})
MAX_TARGET_TOKENS = 8


@dataclass(frozen=True)
class TargetCategory:
    """A target category and its words."""

    name: str
    words: frozenset[str]


@lru_cache(maxsize=1)
def target_categories() -> tuple[TargetCategory, ...]:
    """The categories of `targets.yaml`, in order."""
    return tuple(
        TargetCategory(raw["name"], frozenset(fold(word) for word in raw["words"]))
        for raw in load_data(TARGETS_FILE)["categories"]
    )


def categorise(phrase: Span) -> str | None:
    """The category of a target phrase: by its head word first, then by any word."""
    head = fold(phrase.root.lemma_)
    for category in target_categories():
        if head in category.words or fold(phrase.root.text) in category.words:
            return category.name
    words = {fold(token.lemma_) for token in phrase} | {fold(token.text) for token in phrase}
    return next((category.name for category in target_categories() if words & category.words), None)


def target_phrase(head: Token) -> Span:
    """The phrase headed by `head`, without relative clauses, coordination or leading articles/adjectives."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in CUT_DEPENDENCIES:
            break
        end = child.right_edge.i + 1
    start = head.left_edge.i
    while start < head.i and _droppable(head.doc[start]):
        start += 1
    return head.doc[start : min(end, start + MAX_TARGET_TOKENS)]


def _droppable(token: Token) -> bool:
    """Leading words a target phrase can lose: articles, pronouns, plain adjectives ("strategic", not "Iraqi")."""
    return token.pos_ in ("DET", "PRON") or (token.pos_ == "ADJ" and not token.ent_type_)


@lru_cache(maxsize=1)
def weapon_words() -> frozenset[str]:
    """Every weapon word of the lexicon's weapon cues."""
    return frozenset(
        word
        for entry in lexicon().entries.values()
        if entry.group in WEAPON_GROUPS
        for alternatives in entry.words
        for word in alternatives
    )


def is_weapon(token: Token, draft: DetectedDraft) -> bool:
    """Whether the word names a weapon (the thing fired, not the thing hit)."""
    lemma = token.lemma_.lower()
    return lemma in weapon_words() or any(fold(lemma) in fold(weapon) for weapon in draft.event.weapons)


class TargetStage(Stage):
    """Set `target` and `target_category` of attack events from their triggers' patients."""

    name = "targets"
    version = "1"

    def process(self, batch: list[DocState]) -> list[DocState]:
        for state in batch:
            for draft in state.events:
                if isinstance(draft, DetectedDraft) and draft.family in TARGETED_FAMILIES:
                    self._fill(draft)
        return batch

    def _fill(self, draft: DetectedDraft) -> None:
        trigger_tokens = {token.i for hit in draft.hits for token in hit.span}
        for hit in draft.hits:
            patient = next(
                (p for p in patients_of(hit.head) if p.i not in trigger_tokens and not is_weapon(p, draft)), None
            )
            if patient is None:
                continue
            phrase = target_phrase(patient)
            if not phrase.text.strip():
                continue
            rule = f"patient of {hit.span.text!r}"
            draft.set("target", phrase.text, self, phrase, rule)
            category = categorise(phrase)
            if category is not None:
                draft.set("target_category", category, self, phrase, f"{TARGETS_FILE}: {category}")
            return
