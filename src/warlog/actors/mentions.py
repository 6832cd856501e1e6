"""Find the actor mentions of one parsed article and the aliases the article itself defines.

Sources of mentions, in order: entities the ruler tagged with a registry id; ORG/NORP/PERSON/GPE
entities that resolve (exact or fuzzy; GPE only to a state); aliases the article defines ("Kata'ib
Hezbollah (KH)", "Abu Fadak (also known as ...)"); generic descriptions ("unknown gunmen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warlog.actors.model import Actor
from warlog.actors.registry import Registry
from warlog.knowledge import ATTRIBUTION_WORDS, word_sets
from warlog.parsed import doc_text, entities
from warlog.records import AliasPattern, Evidence, LearnedAlias
from warlog.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

UNIDENTIFIED = "Unidentified Armed Group"
_RESOLVABLE_LABELS = {"ORG", "NORP", "PERSON", "GPE", "FAC"}
_AKA_CUES = ("also known as", "a.k.a.", "a.k.a", "aka", "alias", "better known as", "known as")
_CONNECTORS = {
    "of",
    "the",
    "for",
    "in",
    "and",
    "al",
    "el",
    "de",
    "del",
    "la",
    "wal",
    "fi",
    "bin",
    "ibn",
    "ul",
    "e",
    "i",
}
_WORDS = word_sets(ATTRIBUTION_WORDS)
_UNIT_WORDS = _WORDS["unit_words"]
# A dateline opening a paragraph: "ERBIL, Iraq -", "BAGHDAD, March 3 (Reuters) -", "KYIV (AP) —". Its place
# says where the story was filed; it is nobody's actor ("ERBIL, Iraq - Two drones struck..." is no attack by Iraq).
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+)*(?:, [\w.'’ ]{1,40})?(?: ?\([^)\n]{1,40}\))? ?[-–—]{1,2} ",
    re.MULTILINE,
)
_ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9/\-]{1,9}s?$")  # "KH", "KNU/KNLA", "PDFs"
_UNIDENTIFIED = re.compile(
    r"\b(?:unknown|unidentified|unnamed|anonymous|suspected)\s+(?:armed\s+|gun)?"
    r"(?:gunmen|gunman|assailants?|attackers?|militants?|insurgents?|men|individuals?|persons?|perpetrators?|"
    r"armed\s+group|group|armed\s+men|fighters?|elements)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ActorMention:
    """Words of the article that name an actor: a registry actor, or a name the registry does not know."""

    span: Span
    actor: Actor | None
    name: str
    via: str

    @property
    def is_state(self) -> bool:
        return self.actor is not None and self.actor.kind == "state"


def _acronym_of(abbr: str, words: list[str]) -> bool:
    """Do the capital initials of `words` spell `abbr` (in order, allowing gaps)?"""
    initials = [w[0].upper() for w in words if w and w.lower() not in _CONNECTORS and w[0].isalpha()]
    letters = [ch for ch in abbr.upper() if ch.isalpha()]
    position = 0
    for initial in initials:
        if position < len(letters) and initial == letters[position]:
            position += 1
    return position == len(letters) and len(letters) >= 2


def _name_before(doc: Doc, end: int) -> Span | None:
    """The entity, or run of capitalised words, that ends at token `end` (exclusive)."""
    for ent in entities(doc):
        if ent.end == end:
            return ent
    start = end
    while start > 0 and end - start < 8:
        tok = doc[start - 1]
        if tok.is_title or tok.is_upper or tok.text.lower() in _CONNECTORS or tok.text in ("-", "'", "’"):
            start -= 1
        else:
            break
    while start < end and not (doc[start].is_title or doc[start].is_upper):
        start += 1
    return doc[start:end] if start < end else None


def _name_after(doc: Doc, start: int) -> Span | None:
    """The entity, or run of capitalised words, that starts at token `start`."""
    for ent in entities(doc):
        if ent.start == start:
            return ent
    end = start
    while end < len(doc) and end - start < 8:
        tok = doc[end]
        if tok.is_title or tok.is_upper or (end > start and (tok.text.lower() in _CONNECTORS or tok.text == "-")):
            end += 1
        else:
            break
    while end > start and not (doc[end - 1].is_title or doc[end - 1].is_upper):
        end -= 1
    return doc[start:end] if end > start else None


def learn_aliases(doc: Doc, doc_id: str, registry: Registry) -> list[LearnedAlias]:
    """Aliases the article defines: "Long Name (ABBR)" and "X (also known as Y)" / "X, a.k.a. Y"."""
    learned: list[LearnedAlias] = []
    for tok in doc[1:-1]:
        if tok.text != "(" or not _ABBREVIATION.match(tok.nbor(1).text) or tok.i + 2 >= len(doc):
            continue
        if doc[tok.i + 2].text != ")":
            continue
        abbr = tok.nbor(1).text
        long_form = _name_before(doc, tok.i)
        if long_form is None:
            continue
        actor = registry.resolve(long_form.text)
        if actor is None and not _acronym_of(abbr, [t.text for t in long_form]):
            continue
        learned.append(_learned(abbr, long_form.text, actor, doc_id, "abbreviation", doc[long_form.start : tok.i + 3]))
    lowered = doc_text(doc).lower()
    for cue in _AKA_CUES:
        for match in re.finditer(rf"(?<![\w.]){re.escape(cue)}(?![\w])", lowered):
            cue_span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if cue_span is None or cue_span.start == 0 or cue_span.end >= len(doc):
                continue
            before_end = cue_span.start
            while before_end > 0 and doc[before_end - 1].text in ("(", ",", "-", "—"):
                before_end -= 1
            first, second = _name_before(doc, before_end), _name_after(doc, cue_span.end)
            if first is None or second is None or first.text == second.text:
                continue
            actor_first, actor_second = registry.resolve(first.text), registry.resolve(second.text)
            if actor_first is not None or actor_second is None:
                alias, name, actor = second, first, actor_first
            else:
                alias, name, actor = first, second, actor_second
            learned.append(_learned(alias.text, name.text, actor, doc_id, "aka", doc[first.start : second.end]))
    return learned


def _learned(
    alias: str, name: str, actor: Actor | None, doc_id: str, pattern: AliasPattern, words: Span
) -> LearnedAlias:
    """The record of one alias the article defines with `words`."""
    sentence = words[0].sent
    return LearnedAlias(
        alias=alias,
        name=_without_article(name),
        actor_id=actor.id if actor else None,
        actor=actor.name if actor else None,
        doc_id=doc_id,
        pattern=pattern,
        start=words.start_char,
        end=words.end_char,
        evidence=Evidence(sentence=sentence.text, start=sentence.start_char, end=sentence.end_char),
    )


def _without_article(name: str) -> str:
    """'The Sahel Front of' -> 'Sahel Front' (the small model's ORG spans carry stray edges)."""
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"\s+(?:of|the|of the|and)$", "", name, flags=re.IGNORECASE)


def _group_like(ent: Span) -> bool:
    """An unknown ORG that may be an armed group: a capitalised name, not a lone common word ('Force'), not a model
    number ('Shahed-136'), not a stray article and quote ('the "')."""
    name = _without_article(ent.text)
    if any(ch.isdigit() for ch in name) or not any(ch.isupper() for ch in name):
        return False
    return len(ent) > 1 or (ent.root.pos_ == "PROPN" and ent.text.lower() not in _UNIT_WORDS)


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in taken)


def find_mentions(doc: Doc, registry: Registry, learned: list[LearnedAlias]) -> list[ActorMention]:
    """Every actor mention of the article, in text order, without overlaps and outside datelines. Generic ones
    ("unknown gunmen") and unknown organisations carry no actor: the stage names them for the event's country."""
    mentions: list[ActorMention] = []
    taken: list[Span] = [
        span
        for match in _DATELINE.finditer(doc_text(doc))
        if (span := doc.char_span(match.start(), match.end(), alignment_mode="expand")) is not None
    ]

    def add(span: Span, actor: Actor | None, name: str, via: str) -> None:
        if not _overlaps(span, taken):
            mentions.append(ActorMention(span, actor, name, via))
            taken.append(span)

    by_alias = {item.alias: item for item in learned}
    for ent in entities(doc):
        if ent.text in by_alias:
            item = by_alias[ent.text]
            actor = registry.get(item.actor_id) if item.actor_id else None
            add(ent, actor, actor.name if actor else _without_article(item.name), f"learned:{item.pattern}")
        elif ent.ent_id_.startswith("actor:"):
            actor = registry.get(ent.ent_id_.removeprefix("actor:"))
            if actor is not None:
                add(ent, actor, actor.name, "registry")
        elif ent.label_ in _RESOLVABLE_LABELS:
            code = registry.adjectives.get(fold(ent.text)) if ent.label_ == "NORP" else None
            actor = None if code else registry.resolve(ent.text, fuzzy=ent.label_ not in ("GPE", "NORP"))
            if code is not None and (military := registry.state_actor(code, "military")) is not None:
                add(ent, military, military.name, "adjective")
            elif actor is not None and (ent.label_ != "GPE" or actor.kind == "state"):
                add(ent, actor, actor.name, "resolved")
            elif ent.label_ == "ORG" and actor is None and _group_like(ent):
                add(ent, None, _without_article(ent.text), "unknown")
    for item in learned:
        for match in re.finditer(rf"(?<!\w){re.escape(item.alias)}(?!\w)", doc_text(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            actor = registry.get(item.actor_id) if item.actor_id else None
            if span is not None:
                add(span, actor, actor.name if actor else _without_article(item.name), f"learned:{item.pattern}")
    for match in _UNIDENTIFIED.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            add(span, None, UNIDENTIFIED, "generic")
    return sorted((m for m in mentions if not _unit_of_known_group(m, mentions)), key=lambda m: m.span.start)


def _unit_of_known_group(mention: ActorMention, mentions: list[ActorMention]) -> bool:
    """An unknown name followed by "of [the] <known group>" is a unit of that group ("the X Brigade of the PKK")."""
    if mention.via != "unknown":
        return False
    doc, end = mention.span.doc, mention.span.end
    if mention.span[-1].lower_ != "of":
        if end >= len(doc) or doc[end].lower_ != "of":
            return False
        end += 1
    end += 1 if end < len(doc) and doc[end].lower_ == "the" else 0
    return any(m.span.start == end and m.actor is not None for m in mentions)
