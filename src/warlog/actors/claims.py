"""Responsibility statements as `records.Claim`s, and the attribution status they add up to.

Kinds: claimed ("X claimed responsibility"), blamed ("officials blamed X", "attributed the attack to
X", "outlets reported that X attacked"), traced ("the drones were traced to X"), tied ("tied/linked to
X"), suspected ("suspected X militants", "X is believed to be behind"), denied ("X denied involvement").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from warlog.actors.mentions import ActorMention
from warlog.actors.roles import WEAPON_NOUNS, governor, is_attack_verb, role_of
from warlog.knowledge import ATTRIBUTION_WORDS, word_sets
from warlog.records import AttributionStatus, Claim, ClaimKind, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WORDS = word_sets(ATTRIBUTION_WORDS)
CLAIM_VERBS = _WORDS["claim_verbs"]
CLAIM_OBJECTS = _WORDS["claim_objects"]
DENY_VERBS = _WORDS["deny_verbs"]
BLAME_VERBS = _WORDS["blame_verbs"]
TRACE_VERBS = _WORDS["trace_verbs"]
MAKER_PARTICIPLES = _WORDS["maker_participles"]
TIE_VERBS = _WORDS["tie_verbs"]
EVENT_NOUNS = _WORDS["event_nouns"]
SUSPECT_WORDS = _WORDS["suspect_words"]
REPORT_VERBS = _WORDS["claim_report_verbs"]
HEDGES = _WORDS["hedges"]
DENIED_OBJECTS = _WORDS["denied_objects"]
SELF_REFERENCES = _WORDS["self_references"]
GENERIC_CLAIMANTS = _WORDS["generic_claimants"]
INVOLVEMENT_WORDS = _WORDS["involvement_words"]
SELF_NOUNS = _WORDS["self_nouns"]
KIND_STRENGTH: dict[ClaimKind, int] = {"claimed": 6, "blamed": 5, "traced": 4, "tied": 2, "suspected": 1, "denied": 0}


@dataclass(frozen=True)
class FoundClaim:
    """A claim, the sentence it was read from, the verb that states it, and the mention it points to."""

    claim: Claim
    sentence: Span
    mention: ActorMention
    verb: Token

    def is_about(self, trigger: Span) -> bool:
        """Is the claim's verb the trigger's own governor ("two attacks have been tied to X")?"""
        heads = [trigger.root.head, trigger.root.head.head]
        return self.verb in heads or trigger.root == self.verb

    def strength(self) -> float:
        """Rank for choosing actor1: kind, named claimant, no hedging, a registry actor over an unknown name."""
        claim = self.claim
        score = KIND_STRENGTH[claim.kind] + (0.1 if self.mention.actor is not None else 0)
        if claim.kind == "blamed" and is_generic_claimant(claim.claimant):
            score -= 2
        return score - (0.5 if claim.hedged else 0)


def is_generic_claimant(claimant: str | None) -> bool:
    """'sources', 'media reports', 'pro-Iranian outlets': no named authority."""
    if not claimant:
        return True
    words = claimant.lower().replace("-", " ").split()
    return any(word.rstrip("s") in GENERIC_CLAIMANTS or word in GENERIC_CLAIMANTS for word in words)


def _negated(verb: Token) -> bool:
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    return any(
        child.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ in ("no", "none") for d in child.subtree)
        for child in verb.children
    )


def _under_negation(verb: Token) -> bool:
    """Is the statement a complement of a negated verb ("no one believes that ...", "don't expect ... to")?"""
    while verb.dep_ in ("ccomp", "xcomp") and verb.head != verb:
        verb = verb.head
        if _negated(verb):
            return True
    return False


def _phrase(token: Token) -> str:
    """The noun phrase of a token, without relative clauses or long prepositional tails."""
    left = [
        t
        for t in token.lefts
        if t.dep_ in ("det", "amod", "compound", "poss", "nmod", "npadvmod", "punct")
        and t.lower_ not in ("the", "a", "an")
    ]
    words = [t for t in token.subtree if t.i >= min([token.i] + [l.left_edge.i for l in left]) and t.i <= token.i]
    return "".join(t.text_with_ws for t in words).strip()


def _claimant(verb: Token, own_subject: bool = True) -> str | None:
    """Who speaks: the verb's subject ("officials blamed"), the subject of a reporting verb above it, or
    "according to X". Never a weapon or an event ("the drone was traced" has no claimant)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own_subject and subject is not None and subject.lower_ not in ("it", "which", "that", "who"):
        return None if subject.lemma_.lower() in EVENT_NOUNS | WEAPON_NOUNS else _phrase(subject)
    head = verb.head
    while head != verb and head.dep_ != "ROOT" and head.lemma_.lower() not in REPORT_VERBS:
        verb, head = head, head.head
    if head.lemma_.lower() in REPORT_VERBS:
        speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if speaker is not None and speaker != subject:
            return _phrase(speaker)
    for token in verb.sent:
        if token.lower_ == "according" and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                return _phrase(objects[0])
    return None


def _hedged(verb: Token, mention: ActorMention) -> bool:
    """A hedge word on the statement's verb, the actor's phrase, or any verb governing them."""
    heads = [verb, *verb.ancestors, mention.span.root, *mention.span.root.ancestors]
    return any(t.lower_ in HEDGES or any(c.lower_ in HEDGES for c in t.children) for t in heads)


def _kind_and_verb(mention: ActorMention) -> tuple[ClaimKind, Token] | None:
    """Which responsibility statement (if any) the mention is the pointed-to actor of."""
    root = mention.span.root
    token, _ = governor(root)
    if any(
        child.lower_ in SUSPECT_WORDS and child.dep_ in ("amod", "compound", "advmod")
        for t in (root, token, token.head)
        for child in t.children
    ):
        return "suspected", token.head
    dep, head = token.dep_, token.head
    lemma = head.lemma_.lower()
    if dep in ("nsubj", "nsubjpass"):
        verb = head
        if lemma in CLAIM_VERBS and dep == "nsubj" and _claims_something(verb) and not _negated(verb):
            return "claimed", verb
        if lemma in DENY_VERBS and dep == "nsubj" and _denies_responsibility(verb):
            return "denied", verb
        if lemma in REPORT_VERBS and dep == "nsubj" and _self_report(verb):
            return "claimed", verb
        if lemma in ("blame", "accuse", "suspect") and dep == "nsubjpass":
            return ("suspected" if lemma == "suspect" else "blamed"), verb
        if lemma in ("believe", "think") and dep == "nsubjpass":
            return "suspected", verb
        if lemma == "be" and any(c.lower_ == "behind" or _responsible_for_an_attack(c) for c in verb.children):
            return "blamed", verb
    for relcl in (c for c in token.children if c.dep_ == "relcl"):
        if relcl.lemma_.lower() in CLAIM_VERBS and _claims_something(relcl) and not _negated(relcl):
            return "claimed", relcl
    if dep == "dobj" and lemma in ("blame", "accuse", "hold", "suspect"):
        return ("suspected" if lemma == "suspect" else "blamed"), head
    if dep == "pobj":
        prep, verb = head, head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "advmod", "prt", "npadvmod"):
            verb = verb.head
        verb_lemma = verb.lemma_.lower()
        if prep.lower_ == "by" and verb_lemma in CLAIM_VERBS and not _negated(verb):
            return "claimed", verb
        if prep.lower_ == "to" and verb_lemma in TRACE_VERBS:
            return "traced", verb
        if prep.lower_ in ("to", "with") and verb_lemma in TIE_VERBS and _about_an_attack(verb):
            return "tied", verb
        if prep.lower_ in ("to", "on") and verb_lemma in ("attribute", "blame", "pin"):
            return "blamed", verb
    if dep == "npadvmod" and lemma in MAKER_PARTICIPLES and (traced := _traced_thing(head)) is not None:
        return "traced", traced
    return None


def _traced_thing(participle: Token) -> Token | None:
    """The trace verb of "traced to Iranian-made drones" (the maker's participle modifies what it was traced to)."""
    noun = participle.head
    if participle.dep_ != "amod" or noun.dep_ != "pobj" or noun.head.lower_ != "to":
        return None
    verb = noun.head.head
    return verb if verb.lemma_.lower() in TRACE_VERBS else None


def _denies_responsibility(verb: Token) -> bool:
    """'denied involvement', 'denied responsibility', 'denied that it carried out the attack'."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in DENIED_OBJECTS:
            return True
        if child.dep_ == "ccomp" and _self_report_clause(child):
            return True
    return False


def _self_report_clause(clause: Token) -> bool:
    """A clause whose subject is the speaker itself doing or being behind an attack: '(that) it launched the
    drones', 'that it was behind the strike', 'that the group was involved'."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and _refers_to_itself(subject)
        and (
            is_attack_verb(clause)
            or clause.lemma_.lower() in INVOLVEMENT_WORDS
            or any(c.lower_ == "behind" or c.lemma_.lower() in INVOLVEMENT_WORDS for c in clause.children)
        )
    )


def _refers_to_itself(subject: Token) -> bool:
    """'it', 'they', 'we', or 'the group' / 'the movement': the speaking group itself."""
    if subject.lower_ in SELF_REFERENCES:
        return True
    return subject.lemma_.lower() in SELF_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)


def _self_report(verb: Token) -> bool:
    """'The group said it launched the drones' / 'X announced that its fighters attacked': a claim."""
    for child in verb.children:
        if child.dep_ == "ccomp" and not _negated(child) and _self_report_clause(child):
            return True
    return False


def _about_an_attack(verb: Token) -> bool:
    """'the attacks were tied to X', 'investigators linked the strike to X' (not 'a TV station linked to X')."""
    children = list(verb.children)
    linked = next((c for c in children if c.dep_ in ("nsubjpass", "dobj")), None)
    linked = linked or next((c for c in children if c.dep_ == "nsubj"), None)
    linked = linked or (verb.head if verb.dep_ == "acl" else None)
    return linked is None or linked.lemma_.lower() in EVENT_NOUNS


def _responsible_for_an_attack(token: Token) -> bool:
    """'(X was) responsible for the attack' -- not 'responsible for security'."""
    if token.lemma_.lower() != "responsible":
        return False
    for prep in (c for c in token.children if c.lower_ == "for"):
        if any(c.dep_ == "pobj" and c.lemma_.lower() in EVENT_NOUNS for c in prep.children):
            return True
    return False


def _claims_something(verb: Token) -> bool:
    """'claimed responsibility/the attack', 'claimed (that) it launched the drones' -- not 'claimed that X happened'."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    doing = any(c.dep_ == "xcomp" and is_attack_verb(c) for c in verb.children)  # "claimed to have launched"
    following = verb.doc[verb.i + 1 : verb.i + 3]  # "claimed responsibility", however the rest was parsed
    if any(t.lemma_.lower() in ("responsibility", "credit") for t in following):
        return True
    return any(obj.lemma_.lower() in CLAIM_OBJECTS for obj in objects) or _self_report(verb) or doing


def _reported_attack(mention: ActorMention) -> Token | None:
    """'Outlets reported that X attacked the base', 'an attack carried out by X, officials said': the reporting
    verb above the verb X is the perpetrator of."""
    token, modified = governor(mention.span.root)
    if modified is not None or token.dep_ not in ("nsubj", "pobj") or role_of(mention) != "perpetrator":
        return None
    reporters = [
        a for a in token.ancestors if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in REPORT_VERBS and a != token.head
    ]
    return reporters[-1] if reporters else None


def find_claims(mentions: list[ActorMention]) -> list[FoundClaim]:
    """Every responsibility statement about the mentioned actors, in text order."""
    found: list[FoundClaim] = []
    for mention in mentions:
        sentence = mention.span.sent
        match = _kind_and_verb(mention)
        if match is not None:
            kind, verb = match
            if _under_negation(verb):
                continue  # "don't expect them to conclude that X is behind it"
            claimant = (
                mention.name if kind in ("claimed", "denied") else _claimant(verb, own_subject=verb.lemma_ != "be")
            )
        else:
            verb = _reported_attack(mention)
            if verb is None:
                continue
            claimant = _claimant(verb)
            kind = "blamed"
        evidence = Evidence(sentence=sentence.text, start=sentence.start_char, end=sentence.end_char)
        claim = Claim(
            kind=kind, actor=mention.name, claimant=claimant, hedged=_hedged(verb, mention), evidence=evidence
        )
        found.append(FoundClaim(claim, sentence, mention, verb))
    return found


def attribution_status(claims: list[Claim], perpetrator: str | None) -> AttributionStatus:
    """claimed / attributed / alleged / disputed / unattributed, from an event's claims and the perpetrator
    its text names (None when it names none, or only a generic one). A denial disputes only a claim or
    accusation aimed at the denier."""
    positive = [c for c in claims if c.kind != "denied"]
    accused = {c.actor for c in positive} | {perpetrator}
    denials = [c for c in claims if c.kind == "denied" and c.actor in accused]
    named_perpetrator = perpetrator is not None
    claimed = {c.actor for c in positive if c.kind == "claimed" and not c.hedged}
    if (denials and (positive or named_perpetrator)) or len(claimed) > 1:
        return "disputed"
    if claimed:
        return "claimed"
    if any(
        not c.hedged and (c.kind == "traced" or c.kind == "blamed" and not is_generic_claimant(c.claimant))
        for c in positive
    ):
        return "attributed"
    if positive:
        return "alleged"
    return "attributed" if named_perpetrator else "unattributed"
