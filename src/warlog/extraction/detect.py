"""Event detection: find trigger words and group them into one draft per real event.

Triggers come from the lexicon (`data/triggers.yaml`). Within a sentence, triggers of one family
(conflict, arrest, agreement...) form one event; harm words ("killed", "casualties") and claims join
it. An event continues into the next sentences when they report the same family without signalling
a new event (a leading date, "in a separate attack", "another attack"), so "A drone struck the base.
The attack wounded two." is one event whose evidence lists both sentences. Triggers that are
threatened, planned or negated stay apart (see `warlog.extraction.mood`), and background mentions
("after several rocket attacks", "in retaliation for an airstrike") become events flagged
`background=True`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from warlog.extraction.base import DocState, EventDraft, Stage, short_hash
from warlog.extraction.lexicon import TRIGGERS_FILE, Hit, cue_groups, find_hits
from warlog.extraction.mood import MODAL_FAMILIES, modality_of
from warlog.extraction.roles import agent_of, patient_of, role_groups
from warlog.extraction.taxonomy import sub_event_type
from warlog.knowledge import load_data
from warlog.parsed import entities_in
from warlog.records import Event, Evidence

JOINING_FAMILIES = frozenset({"support", "attribution"})
MAX_SENTENCE_GAP = 2
INDEFINITE = frozenset({"a", "an", "another"})
LEADING_TOKENS = 2
MIN_TRIGGER_VOTE = 0.3
WEAK_GROUP = 1.5
GOVERNOR_HOPS = 3


@dataclass(frozen=True)
class DiscourseWords:
    """The discourse word lists of the lexicon (see `triggers.yaml`, `discourse`)."""

    background_modifiers: frozenset[str]
    background_governors: frozenset[str]
    background_motives: frozenset[str]
    generic_plurals: frozenset[str]
    new_event_words: frozenset[str]


@lru_cache(maxsize=1)
def discourse_words() -> DiscourseWords:
    """The discourse lists of `triggers.yaml`, read once."""
    raw = load_data(TRIGGERS_FILE)["discourse"]
    return DiscourseWords(
        *(frozenset(raw[key]) for key in
          ("background_modifiers", "background_governors", "background_motives", "generic_plurals",
           "new_event_words"))
    )


@dataclass
class DetectedDraft(EventDraft):
    """A draft that also keeps its triggers, its family, its last sentence, whether it is modal, and every
    lexicon hit (triggers and cues) of its sentences, which classification reads."""

    hits: list[Hit] = field(default_factory=list)
    family: str = "conflict"
    last_sentence: int = 0
    modal: bool = False
    nearby: list[Hit] = field(default_factory=list)


def is_background(token: Token) -> bool:
    """A passing mention of other events: "several attacks", "after rocket attacks", "in retaliation for a strike"."""
    words = discourse_words()
    if token.pos_ != "NOUN":
        return False
    if any(child.lemma_.lower() in words.background_modifiers for child in token.children):
        return True
    plural = token.tag_ in ("NNS", "NNPS")
    determined = any(child.dep_ in ("det", "poss", "nummod") for child in token.children)
    if plural and not determined and token.dep_ == "pobj" and token.lemma_.lower() in words.generic_plurals:
        return True
    for hops, ancestor in enumerate(token.ancestors, 1):
        lemma = ancestor.lemma_.lower()
        if lemma in words.background_motives or (hops <= GOVERNOR_HOPS and lemma in words.background_governors):
            return True
    return False


def _starts_new_event(sentence: Span, hit: Hit) -> bool:
    """A new event: the sentence opens with a date, says "another"/"separate", or names new participants."""
    head = hit.head
    if any(ent.label_ == "DATE" and ent.start - sentence.start < LEADING_TOKENS for ent in entities_in(sentence)):
        return True
    before = sentence[: max(head.i - sentence.start, 0)]
    if any(token.lemma_.lower() in discourse_words().new_event_words for token in before):
        return True
    participants = [head] if head.pos_ == "NOUN" else [p for p in (agent_of(head), patient_of(head)) if p is not None]
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for p in participants for c in p.children)


@dataclass
class Group:
    """Triggers of one sentence that report one event."""

    family: str
    hits: list[Hit]
    background: bool = False
    modal: bool = False


def _sentence_groups(hits: list[Hit]) -> list[Group]:
    """Group one sentence's triggers by family; background mentions form their own group, modal triggers stand alone."""
    groups: list[Group] = []
    by_family: dict[str, Group] = {}
    background: dict[str, Group] = {}
    joining: list[Hit] = []
    for hit in hits:
        family = "conflict" if hit.entry.family == "support" else hit.entry.family
        if is_background(hit.head):
            background.setdefault(family, Group(family, [], background=True)).hits.append(hit)
        elif hit.entry.family in MODAL_FAMILIES and modality_of(hit.head) is not None:
            groups.append(Group(family, [hit], modal=True))
        elif hit.entry.family in JOINING_FAMILIES:
            joining.append(hit)
        else:
            by_family.setdefault(family, Group(family, [])).hits.append(hit)
    groups.extend([*by_family.values(), *background.values()])
    if joining:
        host = by_family.get("conflict") or next(iter(by_family.values()), None)
        if host is not None:
            host.hits = sorted([*host.hits, *joining], key=lambda h: h.span.start)
        else:
            family = "attribution" if joining[0].entry.family == "attribution" else "conflict"
            groups.append(Group(family, joining))
    return sorted(groups, key=lambda g: g.hits[0].span.start)


def _absorb_weak(groups: list[Group], strength: dict[Hit, float]) -> list[Group]:
    """A weak reading ("in a raid" next to "arrested") joins the sentence's strongest event instead of being one."""
    real = [group for group in groups if not group.background and not group.modal]
    if len(real) < 2:
        return groups
    total = {id(group): sum(strength[hit] for hit in group.hits) for group in real}
    strongest = max(real, key=lambda group: total[id(group)])
    kept = []
    for group in groups:
        if group in real and group is not strongest and total[id(group)] < WEAK_GROUP:
            strongest.hits = [*strongest.hits, *group.hits]
        else:
            kept.append(group)
    return kept


def _sentence_strengths(doc: Doc) -> Iterator[tuple[Span, list[Hit], dict[Hit, float]]]:
    """Each sentence with its lexicon hits and the vote of each trigger hit, given the sentence's cues (also as
    the trigger's doer or target)."""
    hits = find_hits(doc)
    for sentence in doc.sents:
        in_sentence = [hit for hit in hits if sentence.start <= hit.span.start < sentence.end]
        context = cue_groups(in_sentence)
        cues = [hit for hit in in_sentence if not hit.entry.is_trigger]
        strength = {
            hit: max(weight for _, weight in hit.votes_in(context | role_groups(hit, cues)))
            for hit in in_sentence
            if hit.entry.is_trigger
        }
        yield sentence, in_sentence, strength


def has_trigger(doc: Doc) -> bool:
    """Whether any sentence of `doc` holds a trigger that detection would make an event of (the prefilter's
    probe: a parse of an article's candidate sentences alone)."""
    return any(
        weight >= MIN_TRIGGER_VOTE for _s, _h, strength in _sentence_strengths(doc) for weight in strength.values()
    )


def _evidence(sentence: Span) -> Evidence:
    return Evidence(sentence=sentence.text, start=sentence.start_char, end=sentence.end_char)


class EventDetection(Stage):
    """Create one `DetectedDraft` per event reported in each document (see module docstring)."""

    name = "event-detection"
    version = "1"

    def process(self, batch: list[DocState]) -> list[DocState]:
        for state in batch:
            state.events.extend(self._detect(state))
        return batch

    def _detect(self, state: DocState) -> list[DetectedDraft]:
        drafts: list[DetectedDraft] = []
        for index, (sentence, in_sentence, strength) in enumerate(_sentence_strengths(state.doc)):
            triggers = [hit for hit, weight in strength.items() if weight >= MIN_TRIGGER_VOTE]
            for group in _absorb_weak(_sentence_groups(triggers), strength):
                target = None if group.background or group.modal else self._continued(drafts, index, sentence, group)
                if target is None:
                    drafts.append(self._new_draft(state, group, index, in_sentence))
                    continue
                target.hits.extend(group.hits)
                if target.last_sentence != index:
                    target.event.evidence.append(_evidence(sentence))
                    target.nearby.extend(in_sentence)
                target.last_sentence = index
        return drafts

    @staticmethod
    def _continued(drafts: list[DetectedDraft], index: int, sentence: Span, group: Group) -> DetectedDraft | None:
        """The earlier draft that this sentence group continues, if any."""
        family = group.family
        only_joining = all(hit.entry.family in JOINING_FAMILIES for hit in group.hits)
        mains = [hit for hit in group.hits if hit.entry.family not in JOINING_FAMILIES]
        if any(_starts_new_event(sentence, hit) for hit in mains):
            return None
        for draft in reversed(drafts):
            if index - draft.last_sentence > MAX_SENTENCE_GAP:
                return None
            if draft.event.background or draft.modal:
                continue
            if draft.family == family or (only_joining and family in ("conflict", "attribution")):
                return draft
        return None

    def _new_draft(self, state: DocState, group: Group, index: int, nearby: list[Hit]) -> DetectedDraft:
        hits = group.hits
        main = next((h for h in hits if h.entry.family not in JOINING_FAMILIES), hits[0])
        trigger = main.span
        provisional = sub_event_type(max(main.entry.votes, key=lambda vote: vote[1])[0])
        event = Event(
            doc_id=state.article.doc_id,
            event_id=short_hash([state.article.doc_id, trigger.start_char]),
            event_type=provisional.event_type,
            sub_event_type=provisional.name,
            evidence=[_evidence(trigger.sent)],
        )
        draft = DetectedDraft(
            trigger=trigger, event=event, hits=list(hits), family=group.family, last_sentence=index,
            modal=group.modal, nearby=list(nearby),
        )
        rule = f"trigger {main.entry.key}"
        draft.set("trigger", trigger.text, self, trigger, rule)
        draft.set("evidence_start", trigger.start_char, self, trigger, rule)
        draft.set("sub_event_type", provisional.name, self, trigger, f"provisional: {rule}")
        if group.background:
            draft.set("background", True, self, trigger, "background mention")
        return draft
