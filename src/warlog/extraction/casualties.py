"""CasualtyStage: `fatalities` and `injured` of each event: the reported count, 0 when the text reports none (or
says nothing of casualties at all, as ACLED codes it), or null when the text says the toll is unknown.

The words come from `data/casualties.yaml`. A death or injury word ("killed", "wounded", "deaths") counts
its victims through the parse: the object of an active verb ("killing two soldiers"), the subject of a
passive one ("four were injured"), the "of" phrase of a noun ("the deaths of five"), adding conjuncts
("killing the captain and a guard" -> 2). Set statements ("no casualties were reported" -> 0,
"casualties unknown" -> null) decide a field when no word counts it.

Rules, in order:
- An ACLED coder's note ("fatalities ... coded as 3 for this event") overrides everything else.
- The event's own sentences are read first, then the sentences after it up to the next event that is not
  itself a toll report ("There were no casualties."); the first sentence that decides a field wins, so a
  later background killing cannot overwrite the event's toll.
- A word whose nearest trigger above it in the parse is another event's ("revenge for a strike which
  killed ..."), or that sits in a clause on another attack, is not counted.
- A death or injury mentioned without a number ("killing soldiers") leaves that field null.
- When the text speaks of one field and never of the other, the toll is taken as complete and the other
  is 0 ("injuring 4 fighters" -> 0 dead), unless the first was stated unknown.
- An attack that was intercepted or missed, with no toll at all, harmed no one (both 0).
- A text that says nothing of casualties reports none: both 0, with the rule `NONE_REPORTED` and no evidence
  words, so that linking can let any report that states a toll win over it.
- Vague and ranged counts follow `warlog.extraction.numbers` (ACLED's conservative rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.tokens import Span, Token

from warlog.extraction.base import DocState, EventDraft, Stage
from warlog.extraction.numbers import count_of, parse_number
from warlog.records import NONE_REPORTED
from warlog.extraction.weapons import governed_by_other, other_trigger_tokens, region_sentences
from warlog.knowledge import load_data

CasualtyField = Literal["fatalities", "injured"]
FIELDS: tuple[CasualtyField, ...] = ("fatalities", "injured")
_SINGULAR_PRONOUNS = {"he", "him", "she", "her", "himself", "herself"}
_COLLECTIVE_NOUNS = {"personnel", "staff", "crew", "police", "family", "people", "military", "army", "number", "group"}
_ANIMALS = {"dog", "cat", "cattle", "livestock", "sheep", "goat", "horse", "camel", "cow", "donkey", "animal"}
_INTRANSITIVE = {"die", "perish"}
_ATTACK_NOUNS = {"strike", "airstrike", "attack", "raid", "bombing", "explosion", "blast", "operation", "assault"}
_DEFINITE = {"the", "this", "that"}
_NONE_WORDS = {"nobody", "none", "noone"}


@dataclass(frozen=True)
class CasualtyTerm:
    """A word that reports deaths or injuries."""

    lemma: str
    field: CasualtyField
    objects: tuple[str, ...]


@dataclass(frozen=True)
class Finding:
    """One field decided by some words of a sentence."""

    value: int | None
    evidence: Span
    rule: str
    counted: bool = True


CAPTURED = "captured"


@dataclass(frozen=True)
class CasualtyStatement:
    """A set phrase that states a toll: values per field (None = unknown, "captured" = the number it captures).

    `override` statements beat counts read from casualty words; `weak` ones only fill a silent toll.
    """

    pattern: re.Pattern[str]
    values: dict[str, int | str | None]
    weak: bool
    override: bool

    def read(self, sentence: Span, text: str) -> dict[str, Finding]:
        """The fields this statement decides in a sentence whose text is `text` (empty if it does not match)."""
        for match in self.pattern.finditer(text):
            number = parse_number(match.group(1)) if match.groups() else None
            if any(value == CAPTURED for value in self.values.values()) and number is None:
                continue
            words = sentence.char_span(match.start(), match.end(), alignment_mode="expand") or sentence
            rule = f"statement:{match.group(0).lower()}"
            return {
                name: Finding(number if value == CAPTURED else value, words, rule)
                for name, value in self.values.items()
            }
        return {}


@lru_cache(maxsize=1)
def casualty_terms() -> dict[str, CasualtyTerm]:
    """Death and injury words, by lemma."""
    rows = load_data("casualties.yaml")["terms"]
    return {row["lemma"]: CasualtyTerm(row["lemma"], row["field"], tuple(row.get("object", ()))) for row in rows}


@lru_cache(maxsize=1)
def casualty_statements() -> tuple[CasualtyStatement, ...]:
    """Set phrases that state a toll, in file order."""
    return tuple(
        CasualtyStatement(
            pattern=re.compile(row["pattern"], re.IGNORECASE),
            values={name: row[name] for name in FIELDS if name in row},
            weak=bool(row.get("weak", False)),
            override=bool(row.get("override", False)),
        )
        for row in load_data("casualties.yaml")["statements"]
    )


def _noun_count(noun: Token) -> int | None:
    """The number of people a victim word stands for (None when unsaid, as for a bare plural)."""
    if noun.lower_ in _NONE_WORDS or any(child.lower_ == "no" and child.dep_ == "det" for child in noun.children):
        return 0
    if noun.lemma_.lower() in _ANIMALS:
        return None
    if noun.lower_ in _SINGULAR_PRONOUNS:
        return 1
    collective = noun.lemma_.lower() in _COLLECTIVE_NOUNS
    count = count_of(noun, singular=not collective)
    if count is not None:
        return count
    return 1 if noun.tag_ in ("NN", "NNP") and not collective else None


def _victims_total(victim: Token) -> int | None:
    """The count of a victim phrase and its conjuncts ("the captain and a guard" -> 2), following an
    appositive not set off by a comma ("13 Armed Forces (AF) soldiers and four workers"); None if none is counted."""
    counts = [_noun_count(victim)]
    for child in victim.children:
        if child.dep_ == "appos" and child.doc[child.left_edge.i - 1].text != ",":
            own = _noun_count(child)
            counts = [own if own is not None else counts[0]] + [_noun_count(token) for token in child.conjuncts]
    counts += [_noun_count(token) for token in victim.conjuncts]
    known = [count for count in counts if count is not None]
    return sum(known) if known else None


def _victim(term: Token, entry: CasualtyTerm) -> Token | None:
    """The word naming who was killed or hurt, found through the parse around a casualty word."""
    children = {child.dep_: child for child in term.children}
    if entry.objects:
        obj = children.get("dobj")
        return children.get("nsubj") if obj is not None and obj.lemma_.lower() in entry.objects else None
    if term.pos_ in ("NOUN", "PROPN"):
        of_phrase = next((c for c in term.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        objects = [c for c in of_phrase.children if c.dep_ == "pobj"] if of_phrase is not None else []
        return objects[0] if objects else term
    if term.pos_ == "ADJ" or term.dep_ in ("oprd", "amod"):
        if term.dep_ == "amod" and term.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return term.head
        return term
    for dep in ("nsubjpass", "dobj"):
        if dep in children:
            return children[dep]
    for verb in term.conjuncts:
        objects = [child for child in verb.children if child.dep_ == "dobj"]
        if objects and verb.i > term.i:
            return objects[0]
    if "nsubj" in children and (term.tag_ == "VBN" or term.lemma_.lower() in _INTRANSITIVE):
        return children["nsubj"]
    if term.lemma_.lower() in _INTRANSITIVE or "auxpass" in children:
        window = term.doc[max(term.left_edge.i, term.i - 4) : term.i]
        before = [t for t in window if t.pos_ in ("NOUN", "PROPN", "NUM")]
        return before[-1] if before else None
    if term.dep_ in ("acl", "relcl") and term.tag_ == "VBN":
        return term.head
    if term.dep_ == "conj" and term.tag_ == "VBN":
        subjects = [c for c in term.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        return subjects[0] if subjects else None
    return None


def _in_addition(term: Token) -> int:
    """The count of an "in addition to the bomber" phrase on a casualty verb (0 if none)."""
    for token in term.subtree:
        if token.lower_ == "addition" and token.head.lower_ == "in":
            for prep in token.children:
                victims = [c for c in prep.children if c.dep_ == "pobj"] if prep.lower_ == "to" else []
                if victims:
                    return _victims_total(victims[0]) or 0
    return 0


def _is_negated(term: Token) -> bool:
    return any(child.dep_ == "neg" for child in term.children)


def _about_another_attack(term: Token, draft: EventDraft) -> bool:
    """A casualty verb in a clause on some other attack ("the drone strike that killed the commander")."""
    head = term.head
    return (
        term.dep_ in ("relcl", "acl")
        and head.lemma_.lower() in _ATTACK_NOUNS
        and not draft.trigger.start <= head.i < draft.trigger.end
    )


def read_sentence(
    sentence: Span, belongs_elsewhere: Callable[[Token], bool] = lambda token: False
) -> dict[str, Finding]:
    """What one sentence says of the toll: counts from casualty words, else set statements (weak ones aside),
    else a mention without a count ("killing soldiers": `counted` False)."""
    terms = casualty_terms()
    found: dict[str, Finding] = {}
    uncounted: dict[str, Finding] = {}
    for token in sentence:
        entry = terms.get(token.lemma_.lower()) or terms.get(token.lower_)
        if entry is None or entry.field in found or belongs_elsewhere(token):
            continue
        victim = _victim(token, entry)
        if victim is None:
            continue
        value = 0 if _is_negated(token) else _victims_total(victim)
        if value is not None and entry.field == "fatalities":
            value += _in_addition(token)
        words = sentence.doc[min(token.i, victim.left_edge.i) : max(token.i, victim.i) + 1]
        if value is not None:
            found[entry.field] = Finding(value, words, rule=f"casualties.yaml:{entry.lemma}")
        else:
            uncounted.setdefault(entry.field, Finding(None, words, f"uncounted:{entry.lemma}", counted=False))
    text = sentence.text
    for statement in casualty_statements():
        if not statement.weak and not statement.override:
            for name, finding in statement.read(sentence, text).items():
                found.setdefault(name, finding)
    return {**uncounted, **found}


def _statements(sentences: list[Span], kind: str) -> dict[str, Finding]:
    """What the first matching `override` or `weak` statement in the sentences decides."""
    for sentence in sentences:
        text = sentence.text
        for statement in casualty_statements():
            if getattr(statement, kind) and (decided := statement.read(sentence, text)):
                return decided
    return {}


def _continues_story(draft: EventDraft) -> bool:
    """An event that goes on telling the one before rather than starting a new one: its trigger is a casualty
    word ("There were no casualties.") or an attack noun with a definite article ("The blast killed ...")."""
    root = draft.trigger.root
    lemma = root.lemma_.lower()
    definite = lemma in _ATTACK_NOUNS and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in root.children)
    return lemma in casualty_terms() or lemma == "casualty" or definite


def read_toll(state: DocState, draft: EventDraft, stated_in_article: dict[str, Finding]) -> dict[str, Finding]:
    """The event's fatalities and injured (see the module docstring for the rules); `stated_in_article` is what
    the article's first `override` statement decides."""
    sentences = region_sentences(state, draft, lambda other: not _continues_story(other))
    others = other_trigger_tokens(state, draft)

    def belongs_elsewhere(token: Token) -> bool:
        return governed_by_other(token, draft, others) or _about_another_attack(token, draft)

    toll = _statements(sentences, "override") or dict(stated_in_article)
    mentioned: dict[str, Finding] = {}
    for sentence in sentences:
        for name, finding in read_sentence(sentence, belongs_elsewhere).items():
            if finding.counted:
                toll.setdefault(name, finding)
            else:
                mentioned.setdefault(name, finding)
    if not toll and not mentioned:
        return _statements(sentences, "weak")
    spoken_of = {**mentioned, **toll}
    for name, other in ((a, b) for a in FIELDS for b in FIELDS if a != b):
        if name not in spoken_of and other in spoken_of and (other not in toll or toll[other].value is not None):
            toll[name] = Finding(0, spoken_of[other].evidence, rule="toll taken as complete")
    return {**mentioned, **toll}


class CasualtyStage(Stage):
    """Fill `fatalities` and `injured` on every event."""

    name = "casualties"
    version = "1"

    def process(self, batch: list[DocState]) -> list[DocState]:
        for state in batch:
            stated_in_article = _statements(list(state.doc.sents), "override") if state.events else {}
            for draft in state.events:
                toll = read_toll(state, draft, stated_in_article)
                for name, finding in toll.items():
                    draft.set(name, finding.value, self, finding.evidence, rule=finding.rule)
                for name in FIELDS:
                    if name not in toll:
                        draft.set(name, 0, self, rule=NONE_REPORTED)
        return batch
