"""`GeocodeStage`: fill country, admin1, location, latitude, longitude, geo_precision and origin on every event.

The location is the resolved place linked to the event's trigger in the event's own sentences
("attacked X", "in X", "at X", "near X"), the most specific first; "launched from X" is the origin.
With no place there, the article's most named specific place is used; with only a country known,
the country's centroid at precision 3.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from warlog.extraction.base import DocState, EventDraft, Stage
from warlog.geo.gazetteer import Gazetteer, default_gazetteer
from warlog.geo.model import Place
from warlog.geo.resolve import Mention, context_countries, resolve

ORIGIN_PREPOSITIONS = frozenset({"from"})
DIRECTION_PREPOSITIONS = frozenset({"toward", "towards"})
NEAR_WORDS = frozenset(
    "near outside around outskirts countryside vicinity close nearby north south east west northeast northwest "
    "southeast southwest northern southern eastern western".split()
)
# Lower is more specific: the location is the most specific place tied to the trigger.
SPECIFICITY = {
    "base": 0, "airport": 0, "facility": 0, "crossing": 0, "oilfield": 0, "camp": 0,
    "district": 1, "city": 1, "region": 3, "admin1": 3, "sea": 4, "country": 5,
}


def is_origin(span: Span) -> bool:
    """'launched from X', 'fired from X': the place the attack came from, not where it landed."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in ORIGIN_PREPOSITIONS


def is_near(span: Span) -> bool:
    """'near X', 'outside X', 'the outskirts of X', '10 km north of X': coded to X at precision 2."""
    token: Token = span.root
    for _ in range(3):
        if token.head is token:
            return False
        token = token.head
        if token.lower_ in NEAR_WORDS:
            return True
        if token.pos_ in {"VERB", "AUX"}:
            return False
    return False


def is_demonym(mention: Mention) -> bool:
    """'Iraqi forces': tells the country of the article, never where the event happened."""
    return mention.label == "NORP" and mention.place is not None and mention.place.feature == "country"


def is_direction(span: Span) -> bool:
    """'launched toward Israel': where the attack was headed, not where it happened."""
    return span.root.dep_ == "pobj" and span.root.head.lower_ in DIRECTION_PREPOSITIONS


def refine(chosen: Mention, mentions: list[Mention]) -> Mention:
    """A country or division the event is linked to, narrowed to the most specific place the article names in it."""
    inner = [
        m for m in mentions
        if m.place is not None and not is_demonym(m) and not is_origin(m.span) and chosen.place.contains(m.place)
    ]
    if not inner:
        return chosen
    return min(inner, key=lambda m: (SPECIFICITY.get(m.place.feature, 2), m.span.start))


def written_admin1(chosen: Mention, place: Place, rule: str) -> tuple[str | None, str]:
    """The division the article writes the place in ('Mir Ali, Federally Administered Tribal Areas'), which
    wins over the gazetteer's when the two disagree (boundaries and names change; the source's word is coded)."""
    for container in chosen.containers:
        area = container.place
        if area is not None and area.feature in {"admin1", "region"} and area.admin1 and area.country == place.country:
            return area.admin1, "division as written"
    return place.admin1, rule


def precision(place: Place, near: bool) -> int:
    """ACLED geo_precision: 1 the town, 2 near or part of it, 3 a region, sea or country."""
    if not place.is_point:
        return 3
    return 2 if near else 1


def _event_sentences(draft: EventDraft) -> list[Span]:
    doc = draft.trigger.doc
    sentences = [draft.sentence]
    for item in draft.event.evidence:
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is not None:
            sentences.extend(s for s in span.sents if s not in sentences)
    return sentences


def _linked(mention: Mention, trigger: Span) -> bool:
    """The mention hangs in the dependency subtree of the trigger's clause."""
    anchor = trigger.root
    if anchor.pos_ in {"NOUN", "PROPN"} and anchor.head is not anchor:
        anchor = anchor.head
    return mention.span.root in set(anchor.subtree)


def choose_location(draft: EventDraft, mentions: list[Mention]) -> Mention | None:
    """The mention that says where the event happened, or None."""
    sentences = _event_sentences(draft)
    local = [
        m for m in mentions
        if m.place is not None and not is_demonym(m) and not is_origin(m.span)
        and any(s.start <= m.span.start < s.end for s in sentences)
    ]
    if local:
        trigger = draft.trigger
        containers = {id(k) for m in local for k in m.containers}
        best = min(
            local,
            key=lambda m: (
                is_direction(m.span),
                not _linked(m, trigger) if m.span.sent == trigger.sent else True,
                SPECIFICITY.get(m.place.feature, 2),
                id(m) in containers,
                abs(m.span.start - trigger.start),
            ),
        )
        return refine(best, mentions)
    named = [
        m for m in mentions
        if m.place is not None and not is_demonym(m) and not is_origin(m.span) and m.place.feature != "country"
    ]
    if not named:
        return None
    counts = Counter(m.place.id for m in named)
    return min(named, key=lambda m: (SPECIFICITY.get(m.place.feature, 2), -counts[m.place.id], m.span.start))


class GeocodeStage(Stage):
    """Fill the place fields of every event from the article's resolved place mentions."""

    name = "geocode"
    version = "1"

    def __init__(self, gazetteer: Gazetteer | None = None, **config: object) -> None:
        super().__init__(**config)
        self.gazetteer = gazetteer or default_gazetteer()

    def process(self, batch: list[DocState]) -> list[DocState]:
        for state in batch:
            if not state.events:
                continue
            mentions = resolve(state.doc, self.gazetteer)
            countries, _how = context_countries(mentions)
            for draft in state.events:
                self._geocode(draft, mentions, countries)
        return batch

    def _geocode(self, draft: EventDraft, mentions: list[Mention], countries: Counter) -> None:
        origin = next(
            (m for m in mentions if m.place is not None and is_origin(m.span) and m.span.sent == draft.sentence), None
        )
        if origin is not None:
            draft.set("origin", origin.place.name, self, origin.span, "from X")
        chosen = choose_location(draft, mentions)
        place = chosen.place if chosen else None
        rule = "linked place" if chosen else None
        if place is not None and place.country is None and countries:
            country_place = self.gazetteer.country(countries.most_common(1)[0][0])
            name = country_place.name if country_place else None
            draft.set("country", name, self, chosen.span, "sea: article country")
        if place is None:
            place = self.gazetteer.country(countries.most_common(1)[0][0]) if countries else None
            if place is None:
                return
            chosen = next((m for m in mentions if any(c.place.id == place.id for c in m.candidates)), None)
            rule = "article country"
        evidence = chosen.span if chosen else None
        if place.country is not None:
            country = place if place.feature == "country" else self.gazetteer.country(place.country)
            draft.set("country", country.name if country else None, self, evidence, rule)
        admin1, admin1_rule = written_admin1(chosen, place, rule) if chosen else (place.admin1, rule)
        draft.set("admin1", admin1, self, evidence, admin1_rule)
        draft.set("location", place.name, self, evidence, rule)
        draft.set("latitude", place.latitude, self, evidence, rule)
        draft.set("longitude", place.longitude, self, evidence, rule)
        near = evidence is not None and is_near(evidence)
        draft.set("geo_precision", precision(place, near), self, evidence, rule)
