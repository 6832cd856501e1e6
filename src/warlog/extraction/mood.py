"""Mood of a trigger: is it negated, threatened or only hypothetical? Read from the dependency parse.

`modality_of(token)` looks for a negation on the trigger ("did not attack"), a threat word governing
it ("threatened to attack", "vowed to strike"), or a plan, wish or possibility word ("plans to use
rockets", "could attack", "if they attack"). Denials ("denied carrying out the attack") are claims
about a real event, so they are not negations. Only violent families (MODAL_FAMILIES) are checked:
"will impose sanctions" is still a diplomatic event.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.tokens import Token

from warlog.extraction.lexicon import TRIGGERS_FILE
from warlog.knowledge import load_data

ModalKind = Literal["negated", "threat", "hypothetical"]
MODAL_FAMILIES = frozenset({"conflict", "arrest", "support"})
GOVERNING_DEPS = frozenset(
    {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl", "relcl", "nsubj", "compound"}
)
MAX_HOPS = 4
LINKING_PREPOSITIONS = frozenset({"of", "to", "for", "against"})


@dataclass(frozen=True)
class ModalWords:
    """The modality word lists of the lexicon."""

    threat: frozenset[str]
    hypothetical: frozenset[str]
    modal_aux: frozenset[str]
    condition: frozenset[str]


@dataclass(frozen=True)
class ModalCue:
    """Why a trigger is not a plain, real event."""

    kind: ModalKind
    token: Token


@lru_cache(maxsize=1)
def modal_words() -> ModalWords:
    """The modality lists of `triggers.yaml`, read once."""
    raw = load_data(TRIGGERS_FILE)["modality"]
    return ModalWords(*(frozenset(raw[key]) for key in ("threat", "hypothetical", "modal_aux", "condition")))


def _own_cue(token: Token, words: ModalWords) -> ModalCue | None:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and token.pos_ == "NOUN"):
            return ModalCue("negated", child)
        if child.dep_ == "aux" and child.lower_ in words.modal_aux:
            return ModalCue("hypothetical", child)
        if child.dep_ == "mark" and child.lower_ in words.condition:
            return ModalCue("hypothetical", child)
        if child.dep_ == "amod" and child.lemma_.lower() in words.hypothetical:
            return ModalCue("hypothetical", child)
    return None


def modality_of(token: Token) -> ModalCue | None:
    """The modality cue of a trigger word: its own negation or modal, or a governing threat/plan word."""
    words = modal_words()
    if cue := _own_cue(token, words):
        return cue
    current = token
    for _ in range(MAX_HOPS):
        if current.dep_ not in GOVERNING_DEPS or current.head is current:
            return None
        if current.dep_ == "prep" and current.lower_ not in LINKING_PREPOSITIONS:
            return None
        current = current.head
        lemma = current.lemma_.lower()
        if lemma in words.threat:
            return ModalCue("threat", current)
        if lemma in words.hypothetical:
            return ModalCue("hypothetical", current)
        if current.pos_ in ("VERB", "AUX") and (cue := _own_cue(current, words)) and cue.kind == "hypothetical":
            return cue
    return None
