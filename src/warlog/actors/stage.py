"""ActorStage: actor1/actor2, inter codes, sponsors, claims and attribution status of every event draft.

actor1 is the perpetrator the event's sentences name (subject, "by" agent, "X's drones", "an X drone
strike"); when they name none, the actor of the strongest responsibility claim ("claimed" beats
"blamed" by a named authority, then "traced", "blamed" by unnamed sources, "tied", "suspected");
failing that, a generic "Unidentified Armed Group (Country)". Claims attach to the event whose
sentences hold them, else to the nearest event. Aliases the article defines are kept, typed, in
`doc.user_data["warlog.learned_aliases"]` for the storage layer.
"""

from __future__ import annotations

from collections.abc import Sequence

import pycountry
from spacy.tokens import Doc, Span

from warlog.actors.claims import FoundClaim, attribution_status, find_claims
from warlog.actors.mentions import LEARNED_KEY, ActorMention, find_mentions, learn_aliases
from warlog.actors.model import Actor, LearnedAlias
from warlog.actors.registry import Registry, load_registry
from warlog.actors.roles import CIVILIAN_NOUNS, MILITARY_NOUNS, POLICE_NOUNS, role_of, victim_in
from warlog.extract.base import DocState, EventDraft, Stage

SPONSOR_LEMMAS = frozenset({"back", "sponsor", "support", "align", "lead", "fund", "arm", "direct", "affiliate"})


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
        learned = learn_aliases(doc, state.article.doc_id, self.registry)
        doc.user_data[LEARNED_KEY] = learned
        if not state.events:
            return
        mentions = find_mentions(doc, self.registry, learned)
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
        """Each claim goes to the event whose sentences hold it, else to the nearest event."""
        per_event: list[list[FoundClaim]] = [[] for _ in drafts]
        spans = [self._sentences(draft) for draft in drafts]
        for item in found:
            owner = next((i for i, sents in enumerate(spans) if item.sentence in sents), None)
            if owner is None:
                owner = min(range(len(drafts)), key=lambda i: min(abs(s.start - item.sentence.start) for s in spans[i]))
            per_event[owner].append(item)
        return per_event

    def _fill(self, state: DocState, draft: EventDraft, mentions: list[ActorMention], claims: list[FoundClaim]) -> None:
        sentences = self._sentences(draft)
        country = self._country(state, draft, mentions, sentences)
        year = self._year(state, draft)
        in_event = [m for s in sentences for m in mentions if s.start <= m.span.start < s.end]
        roles = {id(m): role_of(m, draft.trigger if m.span.sent == draft.trigger.sent else None) for m in in_event}
        perpetrators = [m for m in in_event if roles[id(m)] == "perpetrator"]
        named = [m for m in perpetrators if m.via != "generic"]
        usable_claims = sorted((c for c in claims if c.claim.kind != "denied"), key=lambda c: -c.strength())
        if named:
            chosen, rule = named[0], "role"
        elif usable_claims:
            chosen, rule = usable_claims[0].mention, f"claim:{usable_claims[0].claim.kind}"
        elif perpetrators:
            chosen, rule = perpetrators[0], "generic"
        else:
            chosen, rule = None, None
        actor1 = self._named(chosen, country) if chosen is not None else None
        if chosen is not None and actor1 is not None:
            name, actor = actor1
            draft.set("actor1", name, self, chosen.span, rule)
            if actor is not None and actor.inter is not None:
                draft.set("inter1", actor.inter, self, chosen.span, rule)
            front = [self.registry.actors[r.actor].name for r in actor.related("front_for")] if actor else []
            if front:
                draft.set("assoc_actor_1", front[0], self, chosen.span, "registry:front_for")
            sponsors = [s.name for s in self.registry.sponsors_of(actor.id, year)] if actor else []
            sponsors += [s for s in self._sponsors_in_text(chosen) if s not in sponsors]
            if sponsors:
                draft.set("sponsors", sponsors, self, chosen.span, "registry+text:sponsored_by")
        self._set_target(draft, in_event, roles, chosen, country, sentences)
        if claims:
            draft.set("claims", [c.claim for c in claims], self, claims[0].sentence, "claims")
        text_perpetrator = actor1[0] if named and chosen is named[0] and not (chosen.actor and chosen.actor.generic) else None
        status = attribution_status([c.claim for c in claims], text_perpetrator)
        draft.set("attribution_status", status, self, chosen.span if chosen is not None else None, "claims")

    def _set_target(self, draft: EventDraft, in_event: list[ActorMention], roles: dict[int, str | None],
                    chosen: ActorMention | None, country: str | None, sentences: list[Span]) -> None:
        """actor2: the first target mention that is not the perpetrator, else civilian victims."""
        perpetrator = self._named(chosen, country) if chosen is not None else None
        for mention in in_event:
            if roles[id(mention)] != "target" or mention.actor is None or mention.is_state:
                continue
            target = self._named(mention, country)
            if target is None or (perpetrator is not None and target[0] == perpetrator[0]):
                continue
            name, actor = target
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
                draft.set("actor2", actor.name, self, word.doc[word.i:word.i + 1], f"victims:{role}")
                draft.set("inter2", actor.inter, self, word.doc[word.i:word.i + 1], f"victims:{role}")
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
                words += [c.text for c in token.subtree if c is not token]
            for word in words:
                code = self.registry.country_of_adjective(word.removeprefix("pro-").removeprefix("Pro-"))
                state = self.registry.state_actor(code, "state") if code else None
                if state is not None and state.name not in found:
                    found.append(state.name)
        return found

    def _country(self, state: DocState, draft: EventDraft, mentions: list[ActorMention], sentences: list[Span]) -> str | None:
        """ISO code of the event's country: the geo stage's value, else a state named in its sentences."""
        value = draft.event.country
        if value:
            code = self._code(value)
            if code:
                return code
        for ents in (*(sentence.ents for sentence in sentences), state.doc.ents):
            for ent in ents:
                if ent.label_ not in ("GPE", "NORP") or ent.root.dep_ in ("nsubj", "nsubjpass", "poss"):
                    continue
                code = self.registry.country_of_adjective(ent.text)
                if code:
                    return code
        return None

    def _code(self, value: str) -> str | None:
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
        if draft.event.event_date:
            return int(draft.event.event_date[:4])
        return state.article.published.year if state.article.published else None


def learned_aliases(doc: Doc) -> list[LearnedAlias]:
    """The aliases the actor stage learned from an article (read by storage)."""
    return list(doc.user_data.get(LEARNED_KEY, []))
