"""ActorStage: actor1/actor2, inter codes, sponsors, claims and attribution status of every event draft.

actor1 is the perpetrator the event's sentences name (subject, "by" agent, "X's drones", "an X drone
strike"); when they name none, the actor of the strongest responsibility claim ("claimed" beats
"blamed" by a named authority, then "traced", "blamed" by unnamed sources, "tied", "suspected");
failing that, a generic "Unidentified Armed Group (Country)". Claims attach to the event whose
sentences hold them, else to the nearest event. Aliases the article defines go, typed, to
`DocState.learned_aliases`, which the pipeline hands out in its `ArticleExtraction`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pycountry
from spacy.tokens import Span

from warlog.actors.claims import KIND_STRENGTH, FoundClaim, attribution_status, find_claims
from warlog.actors.mentions import ActorMention, find_mentions, learn_aliases
from warlog.actors.model import Actor
from warlog.actors.registry import Registry, load_registry
from warlog.actors.roles import (
    CIVILIAN_NOUNS,
    MILITARY_NOUNS,
    POLICE_NOUNS,
    governor,
    is_member_noun,
    role_of,
    victim_in,
)
from warlog.extraction.base import DocState, EventDraft, Stage
from warlog.knowledge import ATTRIBUTION_WORDS, word_sets
from warlog.parsed import entities_in

CLAIM_REACH = 3
STATE_KINDS = frozenset({"state", "military", "police"})
_WORDS = word_sets(ATTRIBUTION_WORDS)
SPONSOR_LEMMAS = _WORDS["sponsor_lemmas"]


class ActorStage(Stage):
    """Fill actor1, actor2, assoc_actor_1, inter1, inter2, sponsors, claims and attribution_status."""

    name = "actors"
    version = "1"

    def __init__(self, registry_files: Sequence[str] = (), **config) -> None:
        super().__init__(registry_files=list(registry_files), **config)
        self.registry: Registry = load_registry(tuple(registry_files))

    def process(self, batch: list[DocState]) -> list[DocState]:
        for state in batch:
            self._process(state)
        return batch

    def _process(self, state: DocState) -> None:
        doc = state.doc
        state.learned_aliases = learn_aliases(doc, state.article.doc_id, self.registry)
        if not state.events:
            return
        mentions = find_mentions(doc, self.registry, state.learned_aliases)
        claims = self._claims_by_event(state.events, find_claims(mentions))
        for index, draft in enumerate(state.events):
            self._fill(state, draft, mentions, claims[index])

    @staticmethod
    def _sentences(draft: EventDraft) -> list[Span]:
        """The trigger's sentence first, then every evidence sentence of the event."""
        doc = draft.trigger.doc
        sentences = [draft.trigger.sent]
        for item in draft.event.evidence:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is not None and span.sent not in sentences:
                sentences.append(span.sent)
        return sentences

    def _claims_by_event(self, drafts: list[EventDraft], found: list[FoundClaim]) -> list[list[FoundClaim]]:
        """A claim goes to the events whose sentences hold it (main events before background ones), and, unless
        it is about background events only, to the nearest main event that ended at most `CLAIM_REACH`
        sentences before it and holds no claim of its own ("... claimed responsibility for the attack"
        follows the attack); a claim outside every event goes to the nearest one."""
        per_event: list[list[FoundClaim]] = [[] for _ in drafts]
        spans = [self._sentences(draft) for draft in drafts]
        claim_sentences = {item.sentence.start for item in found}
        unclaimed = [not any(s.start in claim_sentences for s in sents) for sents in spans]
        sentence_index = {sent.start: i for i, sent in enumerate(drafts[0].trigger.doc.sents)} if drafts else {}
        for item in found:
            owners = {i for i, sents in enumerate(spans) if item.sentence in sents}
            if any(not drafts[i].event.background for i in owners):
                owners = {i for i in owners if not drafts[i].event.background}
            here = sentence_index[item.sentence.start]
            about_past = (
                bool(owners)
                and all(drafts[i].event.background for i in owners)
                and any(item.is_about(drafts[i].trigger) for i in owners)
            )
            earlier = [
                i
                for i, draft in enumerate(drafts)
                if unclaimed[i]
                and not draft.event.background
                and not about_past
                and 0 < here - max(sentence_index[s.start] for s in spans[i]) <= CLAIM_REACH
            ]
            if earlier:
                owners.add(max(earlier, key=lambda i: max(s.start for s in spans[i])))
            if item.claim.kind == "denied":
                owners |= self._accusations_answered(item, per_event, spans, sentence_index)
            if not owners:
                owners = {
                    min(range(len(drafts)), key=lambda i: min(abs(s.start - item.sentence.start) for s in spans[i]))
                }
            for owner in owners:
                per_event[owner].append(item)
        return per_event

    @staticmethod
    def _accusations_answered(
        denial: FoundClaim, per_event: list[list[FoundClaim]], spans: list[list[Span]], sentence_index: dict[int, int]
    ) -> set[int]:
        """The earlier events, at most `CLAIM_REACH` sentences back, that hold a claim against the actor who now
        denies: "officials blamed X. X denied that it was involved" answers the blame."""
        here = sentence_index[denial.sentence.start]
        return {
            i
            for i, claims in enumerate(per_event)
            if any(c.claim.kind != "denied" and c.claim.actor == denial.claim.actor for c in claims)
            and 0 <= here - min(sentence_index[s.start] for s in spans[i]) <= CLAIM_REACH + 1
        }

    def _fill(self, state: DocState, draft: EventDraft, mentions: list[ActorMention], claims: list[FoundClaim]) -> None:
        sentences = self._sentences(draft)
        country = self._country(draft, sentences)
        in_event = [m for s in sentences for m in mentions if s.start <= m.span.start < s.end]
        roles = {id(m): role_of(m, draft.trigger if m.span.sent == draft.trigger.sent else None) for m in in_event}
        chosen, rule = self._perpetrator(draft, in_event, roles, mentions, claims)
        perpetrator = self._set_perpetrator(draft, chosen, rule, country, self._year(state, draft))
        self._set_target(draft, in_event, roles, perpetrator, country, sentences)
        if claims:
            draft.set("claims", [c.claim for c in claims], self, claims[0].sentence, "claims")
        named_role = chosen is not None and rule is not None and rule.startswith("role") and not _generic(chosen)
        status = attribution_status([c.claim for c in claims], perpetrator if named_role else None)
        draft.set("attribution_status", status, self, chosen.span if chosen is not None else None, "claims")

    def _set_perpetrator(
        self, draft: EventDraft, chosen: ActorMention | None, rule: str | None, country: str | None, year: int | None
    ) -> str | None:
        """Set actor1, inter1, assoc_actor_1 (the group a front fronts for) and sponsors; return actor1."""
        if chosen is None:
            return None
        name, actor = self._named(chosen, country)
        draft.set("actor1", name, self, chosen.span, rule)
        if actor is None:
            return name
        if actor.inter is not None:
            draft.set("inter1", actor.inter, self, chosen.span, rule)
        fronted = actor.related("front_for")
        if fronted:
            draft.set(
                "assoc_actor_1", self.registry.actors[fronted[0].actor].name, self, chosen.span, "registry:front_for"
            )
        sponsors = [s.name for s in self.registry.sponsors_of(actor.id, year)]
        sponsors += [s for s in self._sponsors_in_text(chosen) if s not in sponsors]
        if sponsors:
            draft.set("sponsors", sponsors, self, chosen.span, "registry+text:sponsored_by")
        return name

    @staticmethod
    def _perpetrator(
        draft: EventDraft,
        in_event: list[ActorMention],
        roles: dict[int, str | None],
        mentions: list[ActorMention],
        claims: list[FoundClaim],
    ) -> tuple[ActorMention | None, str | None]:
        """Who did it, strongest evidence first:
        1. the named perpetrator closest to the trigger in its sentence (a state named in passing yields to a
           claim of responsibility);
        2. an unhedged claim of responsibility;
        3. when the trigger's sentence names no one: a group opening it, then a generic perpetrator or a claim in
           that sentence ("Iranian proxies used drones in attacks", "the attacks were tied to X"), then a named
           perpetrator in the event's other sentences (or the two before it);
        4. a claim by a named authority ("officials blamed X");
        5. a generic perpetrator ("unknown gunmen", "Iranian-backed militias"), nearest the trigger first;
        6. the strongest remaining claim ("traced to X", "sources attributed it to X", "suspected X")."""
        trigger_sentence = draft.trigger.sent
        perpetrators = sorted(
            (m for m in in_event if roles[id(m)] == "perpetrator"),
            key=lambda m: (m.span.sent != trigger_sentence, _closeness(m, draft)),
        )
        named = [m for m in perpetrators if not _generic(m)]
        generic = [m for m in perpetrators if _generic(m) and (m.span.sent == trigger_sentence or _acts(m))]
        ranked = sorted((c for c in claims if c.claim.kind != "denied"), key=lambda c: -c.strength())
        best = named[0] if named and named[0].span.sent == trigger_sentence else None
        if best is not None and not (best.actor and best.actor.kind in STATE_KINDS and _claimed(ranked)):
            return best, "role"
        if _claimed(ranked):
            return ranked[0].mention, "claim:claimed"
        if best is None:
            leading = [m for m in in_event if m.span.sent == trigger_sentence and _leads(m, draft, roles[id(m)])]
            first = _sentence_start(draft, 2)
            before = [m for m in mentions if first <= m.span.start < trigger_sentence.start]
            elsewhere = [m for m in named if _acts(m)] or [
                m for m in before if not _generic(m) and _acts(m) and role_of(m) == "perpetrator"
            ]
            own_generic = [m for m in generic if m.span.sent == trigger_sentence]
            if leading or own_generic:
                return (leading[0], "role:position") if leading else (own_generic[0], "generic")
            own_claim = next((c for c in ranked if c.sentence == trigger_sentence), None)
            if own_claim is not None:
                return own_claim.mention, f"claim:{own_claim.claim.kind}"
            if elsewhere:
                return elsewhere[0], "role:context"
        if ranked and ranked[0].strength() >= KIND_STRENGTH["blamed"]:
            return ranked[0].mention, f"claim:{ranked[0].claim.kind}"
        if generic:
            return generic[0], "generic"
        if ranked:
            return ranked[0].mention, f"claim:{ranked[0].claim.kind}"
        return None, None

    def _set_target(
        self,
        draft: EventDraft,
        in_event: list[ActorMention],
        roles: dict[int, str | None],
        perpetrator: str | None,
        country: str | None,
        sentences: list[Span],
    ) -> None:
        """actor2: the first target mention that is not the perpetrator, else soldiers, police or civilian victims."""
        for mention in in_event:
            if roles[id(mention)] != "target" or mention.actor is None or mention.is_state:
                continue
            name, actor = self._named(mention, country)
            if name == perpetrator:
                continue
            draft.set("actor2", name, self, mention.span, "role")
            if actor is not None and actor.inter is not None:
                draft.set("inter2", actor.inter, self, mention.span, "role")
            return
        if country is None:
            return
        for role, nouns in (("military", MILITARY_NOUNS), ("police", POLICE_NOUNS), ("civilians", CIVILIAN_NOUNS)):
            word = victim_in(sentences[0], nouns)
            actor = self.registry.state_actor(country, role)
            if word is not None and actor is not None:
                draft.set("actor2", actor.name, self, word.doc[word.i : word.i + 1], f"victims:{role}")
                draft.set("inter2", actor.inter, self, word.doc[word.i : word.i + 1], f"victims:{role}")
                return

    def _named(self, mention: ActorMention, country: str | None) -> tuple[str, Actor | None]:
        """The output name of a mention: a person stands for their group; generic ones get the country."""
        actor = mention.actor
        if actor is not None and actor.kind == "person":
            groups = self.registry.parents(actor.id)
            actor = groups[0] if groups else actor
        if mention.via == "generic":
            actor = self.registry.state_actor(country, "unidentified") if country else None
            return (actor.name, actor) if actor else (mention.name, None)
        return (actor.name if actor else mention.name), actor

    def _sponsors_in_text(self, mention: ActorMention) -> list[str]:
        """'Iranian-backed X', 'X, backed by Iran', 'pro-Iranian X' -> the sponsoring state's name."""
        head = mention.span.root
        candidates = list(mention.span) + [t for t in head.subtree if t.lemma_.lower() in SPONSOR_LEMMAS]
        found: list[str] = []
        for token in candidates:
            words = [token.text] if token.text.lower().startswith("pro-") else []
            if token.lemma_.lower() in SPONSOR_LEMMAS:
                words += [c.text for c in token.subtree if c != token]
            for word in words:
                code = self.registry.country_of_adjective(word.removeprefix("pro-").removeprefix("Pro-"))
                state = self.registry.state_actor(code, "state") if code else None
                if state is not None and state.name not in found:
                    found.append(state.name)
        return found

    def _country(self, draft: EventDraft, sentences: list[Span]) -> str | None:
        """ISO code of the event's country: the geo stage's value, else a country named in its sentences
        (not as a subject: "Iran launched drones at Iraq" happened in Iraq)."""
        value = draft.event.country
        if value:
            code = self._code(value)
            if code:
                return code
        for sentence in sentences:
            for ent in entities_in(sentence):
                if ent.label_ != "GPE" or ent.root.dep_ in ("nsubj", "nsubjpass", "poss"):
                    continue
                code = self.registry.country_of_adjective(ent.text)
                if code:
                    return code
        return None

    def _code(self, value: str) -> str | None:
        """ISO code of a country value as another stage wrote it: a code, a name or an adjective."""
        if len(value) == 2 and value.isupper():
            return value
        code = self.registry.country_of_adjective(value)
        if code:
            return code
        try:
            return pycountry.countries.lookup(value).alpha_2
        except LookupError:
            return None

    @staticmethod
    def _year(state: DocState, draft: EventDraft) -> int | None:
        """The event's year (for dated relations), else the publication year."""
        if draft.event.event_date:
            return int(draft.event.event_date[:4])
        return state.article.published.year if state.article.published else None


def _generic(mention: ActorMention) -> bool:
    """A description rather than a name: "unknown gunmen", "Iranian-backed militias", "local defense forces"."""
    return mention.via == "generic" or (mention.actor is not None and mention.actor.generic)


def _claimed(ranked: list[FoundClaim]) -> bool:
    return bool(ranked) and ranked[0].claim.kind == "claimed" and not ranked[0].claim.hedged


def _acts(mention: ActorMention) -> bool:
    """The mention is the subject or 'by' agent of a verb (not a modifier such as "Saudi operations")."""
    token, modified = governor(mention.span.root)
    return modified is None and (token.dep_ in ("nsubj", "csubj") or token.head.dep_ == "agent")


def _sentence_start(draft: EventDraft, back: int) -> int:
    """Token index where the sentence `back` sentences before the trigger's starts."""
    sentences = list(draft.trigger.doc.sents)
    index = next(i for i, sent in enumerate(sentences) if sent.start == draft.trigger.sent.start)
    return sentences[max(0, index - back)].start


def _closeness(mention: ActorMention, draft: EventDraft) -> tuple[int, int, int]:
    """How directly a mention is the trigger's argument: it modifies the trigger ("an X strike"), is its
    subject or agent (0); its verb governs the trigger ("X used drones to attack") (1, nearest verb first);
    else (2); then text order."""
    trigger = draft.trigger.root
    token, modified = governor(mention.span.root)
    head = token.head
    if trigger in (modified, head) or (head.dep_ == "agent" and head.head == trigger):
        return 0, 0, mention.span.start
    ancestors = list(trigger.ancestors)
    if head.pos_ in ("VERB", "AUX") and head in ancestors:
        return 1, ancestors.index(head), mention.span.start
    return 2, 0, mention.span.start


def _leads(mention: ActorMention, draft: EventDraft, role: str | None) -> bool:
    """A named group opening the clause before the trigger, in no other role: the perpetrator of a
    sentence the parser got wrong ("Islamic Resistance in Iraq militants targeted ...", "in X town, a
    combined force of Y attacked ...")."""
    if role is not None or mention.actor is None or mention.actor.kind in STATE_KINDS or _generic(mention):
        return False
    if mention.span.end > draft.trigger.start:
        return False
    token = mention.span.root
    if token.dep_ == "pobj" and token.head.lower_ == "of" and is_member_noun(token.head.head):
        return token.head.head.dep_ not in ("dobj", "nsubjpass")
    return token.dep_ in ("ROOT", "aux", "auxpass", "nsubj", "appos", "dep", "npadvmod", "compound", "nmod")
