"""Perpetrator and target of an event from the dependency parse.

"X fired rockets at Y", "Y was attacked by X", "X's drones hit Y", "an X drone strike", "a drone
strike by X on Y", "X used drones to attack Y", "Y shot down an X drone" (Y is the target side).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warlog.actors.mentions import ActorMention
from warlog.actors.model import ActorRole
from warlog.knowledge import ATTRIBUTION_WORDS, word_sets

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WORDS = word_sets(ATTRIBUTION_WORDS)
ATTACK_VERBS = _WORDS["attack_verbs"]
INTERCEPT_VERBS = _WORDS["intercept_verbs"]
REPORT_VERBS = _WORDS["role_report_verbs"]
ATTACK_NOUNS = _WORDS["attack_nouns"]
CIVILIAN_NOUNS = _WORDS["civilian_nouns"]
POLICE_NOUNS = _WORDS["police_nouns"]
MILITARY_NOUNS = _WORDS["military_nouns"]
DOWNING_VERBS = _WORDS["downing_verbs"]
VICTIM_VERBS = _WORDS["victim_verbs"]
LAUNCH_VERBS = _WORDS["launch_verbs"]
MEMBER_NOUNS = _WORDS["member_nouns"]
WEAPON_NOUNS = _WORDS["weapon_nouns"]
FORCE_HEADS = ATTACK_NOUNS | MILITARY_NOUNS | _WORDS["force_nouns"]
CLASH_WORDS = _WORDS["clash_words"]
TARGET_PREPOSITIONS = _WORDS["target_prepositions"]
NAMING_VERBS = _WORDS["naming_verbs"]
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "appos", "conj", "nummod", "det"})


def governor(token: Token) -> tuple[Token, Token | None]:
    """Climb from a name through compounds, appositions, conjunctions, "members of" and "a group calling itself /
    called X": (the governing token, the attack/weapon noun the name modifies, if any: "Houthi drone", "IS
    fighters")."""
    modified = None
    while token.head != token:
        if token.dep_ in _MODIFIER_DEPS:
            if token.dep_ in ("compound", "amod", "nmod") and token.head.lemma_.lower() in ATTACK_NOUNS:
                modified = token.head
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in ("of", "for") and is_member_noun(token.head.head):
            token = token.head.head
        elif token.dep_ == "poss" and is_member_noun(token.head):
            token = token.head
        elif token.dep_ == "oprd" and token.head.dep_ in ("acl", "relcl") and token.head.lemma_ in NAMING_VERBS:
            token = token.head.head
        else:
            break
    return token, modified


def is_member_noun(token: Token) -> bool:
    """'members', 'fighters', 'spokesman', and unit names ending in one ('Air Defense Forces')."""
    lemma = token.lemma_.lower()
    return lemma in MEMBER_NOUNS or (token.pos_ == "PROPN" and lemma.removesuffix("s") in MEMBER_NOUNS)


def is_attack_verb(verb: Token) -> bool:
    """An attack verb, or a phrasal "carry out" / "set off"."""
    return verb.lemma_.lower() in ATTACK_VERBS or any(
        c.dep_ == "prt" and c.lemma_ in ("out", "off") for c in verb.children
    )


def _is_intercept(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in INTERCEPT_VERBS or (lemma == "shoot" and any(c.lemma_ == "down" for c in verb.children))


def role_of(mention: ActorMention, trigger: Span | None = None) -> ActorRole | None:
    """The mention's role in its clause: perpetrator, target, or none (a claimant, a place, a bystander).
    The subject of any verb that governs the event's trigger ("X used drones to attack") is a perpetrator."""
    if mention.via == "adjective" and mention.span.root.head.lemma_.lower() not in FORCE_HEADS:
        return None
    role = _role_from_parse(mention, trigger)
    if role is None and not _speaks(mention) and _names_the_weapon(mention):
        return "perpetrator"
    return role


def _speaks(mention: ActorMention) -> bool:
    """Does the mention name who speaks ("a Pentagon spokesman said", "Iraqi officials told reporters")? A
    speaker's side is never the perpetrator of what it reports."""
    token, _ = governor(mention.span.root)
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in REPORT_VERBS


def _names_the_weapon(mention: ActorMention) -> bool:
    """ "IS drones", "Houthi militants" read left to right, whatever the parse (the small model takes an
    all-caps "IS" for a verb)."""
    span = mention.span
    if span.end >= len(span.doc) or mention.is_state:
        return False
    following = span.doc[span.end].lemma_.lower()
    return span.root.dep_ not in ("pobj", "dobj") and (following in ATTACK_NOUNS or following in MEMBER_NOUNS)


def _role_from_parse(mention: ActorMention, trigger: Span | None) -> ActorRole | None:
    token, modified = governor(mention.span.root)
    dep, head = token.dep_, token.head
    if token.dep_ == "poss" and head.lemma_.lower() in ATTACK_NOUNS:
        return _role_of_noun_user(head)
    if modified is not None and dep != "poss":
        return _role_of_noun_user(modified)
    if dep in ("nsubj", "csubj"):
        if _is_intercept(head):
            return "target"
        if head.lemma_.lower() in REPORT_VERBS:
            return None
        if head.lemma_.lower() in VICTIM_VERBS:
            return "target"
        governs_trigger = (
            trigger is not None and head.pos_ == "VERB" and head.lemma_.lower() != "be" and trigger.root in head.subtree
        )
        return "perpetrator" if is_attack_verb(head) or governs_trigger else None
    if (
        dep == "pobj"
        and head.lower_ == "by"
        and (head.dep_ == "agent" or head.head.lemma_.lower() in ATTACK_NOUNS | VICTIM_VERBS)
    ):
        governing = head.head
        if head.dep_ == "agent" and not is_attack_verb(governing) and trigger is None:
            return None
        if governing.lemma_.lower() == "use" and not _weapon_subject(governing):
            return None
        downed = governing.lemma_.lower() in DOWNING_VERBS and _weapon_subject(governing)
        if head.dep_ == "agent" and (_is_intercept(governing) or downed):
            return "target"
        return "perpetrator"
    return "target" if is_hit(token) else None


def is_hit(token: Token) -> bool:
    """Is this noun what the attack hit: object or passive subject of an attack verb, or "at/on/against" an
    attack ("fired at the base", "a strike on the convoy")? Launched weapons and intercepted drones are not."""
    dep, head = token.dep_, token.head
    if dep == "nsubjpass":
        return is_attack_verb(head)
    if dep == "dobj":
        return is_attack_verb(head) and not _is_intercept(head) and head.lemma_.lower() not in LAUNCH_VERBS
    if dep == "pobj" and head.lower_ in TARGET_PREPOSITIONS:
        return is_attack_verb(head.head) or head.head.lemma_.lower() in ATTACK_NOUNS
    if dep == "pobj" and head.lower_ == "with":  # "clashed with X"
        return head.head.lemma_.lower() in CLASH_WORDS
    return False


def _weapon_subject(verb: Token) -> bool:
    """A passive verb about a weapon: 'the drone was destroyed by X' (X downed it), 'a drone operated by X'."""
    if verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in WEAPON_NOUNS:
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "conj":
        subjects += [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return any(c.lemma_.lower() in WEAPON_NOUNS for c in subjects)


def _role_of_noun_user(noun: Token) -> ActorRole | None:
    """ "X drone", "X's drones", "X troops": the owner is the perpetrator, unless the thing is what was hit
    ("damaging an X aircraft", "attacked X troops"). A downed drone stays its owner's ("Y downed an X drone")."""
    head_word, _ = governor(noun)
    if head_word.dep_ == "pobj" and head_word.head.lower_ in ("from", "in", "near"):
        return None
    if noun.lemma_.lower() not in WEAPON_NOUNS and is_hit(head_word):
        return "target"
    return "perpetrator"


def victim_in(sentence: Span, nouns: frozenset[str]) -> Token | None:
    """A victim word in object/passive-subject position: "killing two villagers", "a police patrol was hit"."""
    for token in sentence:
        if token.lemma_.lower() not in nouns:
            continue
        head_word, _ = governor(token)
        if head_word.dep_ == "nsubjpass" or is_hit(head_word):
            return token
    return None
