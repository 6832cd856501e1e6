"""Who did it and to whom: the agent and patient of a trigger word, read from the dependency parse.

Handles active ("rebels seized the town"), passive ("the town was seized by rebels"), verbs in
coordination ("stormed the post and killed two": the subject is shared) and nominal triggers
("an attack on the base", "the shelling of the town").
"""

from __future__ import annotations

from spacy.tokens import Token

from warlog.extraction.lexicon import TIME_ENTITIES, Hit, lexicon

PATIENT_PREPOSITIONS = frozenset({"on", "against", "at", "of", "targeting", "toward", "towards", "into"})
VERBAL = frozenset({"VERB", "AUX"})


def agent_of(trigger: Token) -> Token | None:
    """The head word of the trigger's doer, if the parse names one."""
    token = trigger
    for _ in range(3):
        for child in token.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":
                return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
        if token.dep_ not in ("conj", "xcomp", "advcl") or token.head is token:
            return None
        token = token.head
    return None


def patients_of(trigger: Token) -> list[Token]:
    """Candidate heads of what the trigger acted on, best first: object, passive subject, "attack on X"."""
    candidates = []
    if trigger.pos_ in VERBAL:
        candidates.extend(child for child in trigger.children if child.dep_ in ("dobj", "nsubjpass"))
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in PATIENT_PREPOSITIONS:
            candidates.extend(grand for grand in child.children if grand.dep_ == "pobj")
    return [token for token in candidates if token.ent_type_ not in TIME_ENTITIES]


def patient_of(trigger: Token) -> Token | None:
    """The most likely head of what the trigger acted on."""
    return next(iter(patients_of(trigger)), None)


def phrase_tokens(head: Token | None) -> set[int]:
    """Token indices of the phrase headed by `head` (empty when there is none)."""
    return set(range(head.left_edge.i, head.right_edge.i + 1)) if head is not None else set()


def role_groups(hit: Hit, cues: list[Hit]) -> set[str]:
    """Context groups of the cues in the trigger's agent ("agent:state") and patient ("patient:place"), and of
    a named entity heading either (`entity_groups` of the lexicon: "France recalled..." gives agent:diplomacy)."""
    heads = {"agent": agent_of(hit.head), "patient": patient_of(hit.head)}
    entity_groups = lexicon().entity_groups
    found = {
        f"{role}:{entity_groups[head.ent_type_]}"
        for role, head in heads.items()
        if head is not None and head.ent_type_ in entity_groups
    }
    for role, head in heads.items():
        tokens = phrase_tokens(head)
        found.update(f"{role}:{cue.entry.group}" for cue in cues if cue.entry.group and cue.span.start in tokens)
    return found
