"""Find the place mentions of a parsed article and resolve each to one gazetteer place, or to none.

Ranking is a sum of explainable features, each recorded by name on the winning candidate:
the article's countries, "X, Y" / "X in Y" / "X (Y)" containment, feature type and a generic word
naming it ("province", "city"), population, and closeness to the article's other places. A mention
the small model labelled PERSON or ORG must earn its place (a place-like preposition or a named
container), so a man or a group named like a village stays a name.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from warlog.geo.distance import haversine_km
from warlog.geo.gazetteer import Gazetteer
from warlog.geo.model import Place
from warlog.geo.names import GENERIC_NAMES, place_key
from warlog.parsed import entities

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
WEAK_LABELS = frozenset({"PERSON", "ORG", "NORP", "PROPN", "GENERIC"})
NAME_PARTICLES = frozenset("al el ez es as ad ash ar at az an de del la ibn bin -".split())
PLACE_PREPOSITIONS = frozenset(
    "in at near on outside inside into across around over from of toward towards targeting".split()
)
ADMIN_WORDS = frozenset("province governorate region state muhafazah wilayah division oblast department".split())
TOWN_WORDS = frozenset(
    "city town village district subdistrict neighborhood neighbourhood area camp countryside outskirts "
    "municipality county suburb township vereda corregimiento commune".split()
)
NAME_PART_PREPOSITIONS = frozenset({"of", "in", "for"})
FACILITY_WORDS = frozenset(
    "border crossing crossings airbase airport air base bases field fields oil gas camp checkpoint bridge dam port "
    "hospital university prison military garrison outpost headquarters plant refinery station".split()
)
GAP_WORDS = frozenset({"in", "of", "the"})
MAX_LIST_GAP = 12
NEARBY_KM = 250.0
BIG_CITY = 100_000
# How much a place outside the article's countries loses, by how the article named its countries.
FOREIGN_PENALTY = {"named": -7.0, "places": -5.0, "demonyms": -2.0}
MIN_SCORE = 1.0


@dataclass
class Candidate:
    """A gazetteer place considered for a mention, with its score and the features that made it."""

    place: Place
    score: float = 0.0
    features: dict[str, float] = field(default_factory=dict)

    def add(self, feature: str, value: float) -> None:
        self.features[feature] = round(value, 2)
        self.score += value


@dataclass
class Mention:
    """A place-like span, its candidates and (after resolution) the chosen place."""

    span: Span
    label: str
    candidates: list[Candidate]
    generic: str | None = None
    chosen: Candidate | None = None
    containers: list[Mention] = field(default_factory=list)
    weak: bool = False

    @property
    def place(self) -> Place | None:
        return self.chosen.place if self.chosen else None


def _generic_word(doc: Doc, span: Span) -> str | None:
    """A word right after the name that says what it is: 'Anbar province', 'Sanaa city'."""
    if span.end < len(doc) and doc[span.end].lower_ in ADMIN_WORDS | TOWN_WORDS:
        return doc[span.end].lower_
    return None


def _strip_span(span: Span, keep_generic: bool = False) -> Span:
    """The name inside a span: without a leading 'the', trailing punctuation or (unless `keep_generic`) a
    trailing generic word."""
    doc, start, end = span.doc, span.start, span.end
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1
    end = _without_trailing_punct(doc, start, end)
    if not keep_generic and end - start > 1 and doc[end - 1].lower_ in ADMIN_WORDS | TOWN_WORDS:
        end = _without_trailing_punct(doc, start, end - 1)
    return doc[start:end]


def _without_trailing_punct(doc: Doc, start: int, end: int) -> int:
    while end - start > 1 and doc[end - 1].is_punct:
        end -= 1
    return end


def _readings(span: Span) -> list[Span]:
    """The names a span may stand for: whole ('Kurdistan Region' is a place of its own), then without its
    generic word ('Anbar province' -> 'Anbar')."""
    whole, bare = _strip_span(span, keep_generic=True), _strip_span(span)
    return [whole, bare] if bare != whole else [whole]


def is_name_part(span: Span) -> bool:
    """A place the model left outside a group's name it cut short: 'The Islamic State of' + 'Iraq'."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in NAME_PART_PREPOSITIONS and before.ent_type_ == "ORG"


def _parenthesised_spans(doc: Doc) -> list[Span]:
    """Capitalised items of a parenthesised, comma-separated place list: '(Teorama, Norte de Santander)'."""
    spans = []
    for open_paren in (t for t in doc if t.text == "("):
        start = open_paren.i + 1
        for token in doc[start:]:
            if token.text in {",", ")"}:
                item = doc[start : token.i]
                if len(item) and item[0].is_title:
                    spans.append(item)
                start = token.i + 1
            if token.text == ")" or token.is_sent_end or token.i - open_paren.i > 24:
                break
    return spans


def _in_name(token: Token) -> bool:
    return token.is_title or token.lower_ in NAME_PARTICLES


def name_runs(doc: Doc) -> list[Span]:
    """Maximal runs of capitalised words with their particles: 'Ain Assad Air Base', 'Deir ez Zor'."""
    runs = []
    i = 0
    while i < len(doc):
        if not doc[i].is_title:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and _in_name(doc[end]) and not doc[end - 1].is_sent_end:
            end += 1
        while end - 1 > i and doc[end - 1].lower_ in NAME_PARTICLES:
            end -= 1
        runs.append(doc[i:end])
        i = end
    return runs


def _entity_parts(ent: Span) -> list[Span]:
    """An entity that joins two names ('Badama in Idleb', 'Mosul, Nineveh') split into its names."""
    parts, start = [], ent.start
    for token in ent:
        if token.lower_ in {"in", ","} and ent.start < token.i < ent.end - 1:
            parts.append(ent.doc[start : token.i])
            start = token.i + 1
    parts.append(ent.doc[start : ent.end])
    return [p for p in parts if len(p)]


def _without_facility_words(span: Span) -> Span | None:
    """'Al-Bukamal Border Crossing' -> 'Al-Bukamal': the town a facility is named after."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].lower_ in FACILITY_WORDS:
        end -= 1
    return span.doc[span.start : end] if end < span.end else None


def _is_modifier(span: Span) -> bool:
    """'pro-Iran', 'Iran-backed', 'Turkey-Iraq': a name joined by a hyphen qualifies something else."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.text == "-" and not doc[span.start - 2].whitespace_) or (
        after is not None and after.text == "-" and not span[-1].whitespace_
    )


def _is_place_list(ent: Span, gazetteer: Gazetteer) -> bool:
    """A place entity, or an unknown name that starts with a place: 'Sarmin in Idleb' (but not a known
    group such as 'Islamic Resistance in Iraq')."""
    if ent.label_ in PLACE_LABELS:
        return True
    parts = _entity_parts(ent)
    if ent.ent_id_ or len(parts) < 2:
        return False
    first = _without_facility_words(parts[0]) or parts[0]
    return bool(gazetteer.lookup_key(place_key(_strip_span(first).text)))


def _mention(doc: Doc, spans: list[Span], label: str, gazetteer: Gazetteer) -> Mention | None:
    """The first of `spans` (longest reading first, then without facility words) that names a gazetteer place."""
    if label in PLACE_LABELS and _is_modifier(spans[-1]):
        label = "NORP"
    spans = [*spans, *(s for s in map(_without_facility_words, spans) if s is not None)]
    for span, name in ((whole, name) for whole in spans for name in _readings(whole)):
        key = place_key(name.text)
        from_pattern = span.ent_id_.startswith("place:")
        kind = "GENERIC" if key in GENERIC_NAMES and not from_pattern else label
        places = gazetteer.lookup_key(key)
        if places:
            last = span[-1].lower_
            generic = _generic_word(doc, span) or (last if last in ADMIN_WORDS | TOWN_WORDS else None)
            # weak: the model did not call it a place and no place pattern marked it.
            weak = kind in WEAK_LABELS and not from_pattern
            return Mention(name, kind, [Candidate(p) for p in places], generic, weak=weak)
    return None


def collect_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Every entity, item of a parenthesised place list, or run of capitalised words that names a place.

    An entity is also read together with the capitalised words around it ('Deir' + 'ez Zor'), longest first.
    """
    runs = name_runs(doc)
    found: list[tuple[list[Span], str]] = []
    covered: set[int] = set()
    for ent in entities(doc):
        if ent.label_ not in PLACE_LABELS | WEAK_LABELS or is_name_part(ent):
            covered |= set(range(ent.start, ent.end))
            continue
        for part in _entity_parts(ent) if _is_place_list(ent, gazetteer) else [ent]:
            longer = [r for r in runs if r.start <= part.start and part.end <= r.end and len(r) > len(part)]
            found.append(([*longer, part], ent.label_))
    covered |= {i for spans, _ in found for span in spans for i in range(span.start, span.end)}
    extra = [(span, "GPE") for span in _parenthesised_spans(doc)] + [(span, "PROPN") for span in runs]
    for span, label in extra:
        if not covered & set(range(span.start, span.end)):
            found.append(([span], label))
            covered |= set(range(span.start, span.end))
    mentions = [_mention(doc, spans, label, gazetteer) for spans, label in sorted(found, key=lambda f: f[0][-1].start)]
    return [m for m in mentions if m is not None]


def _is_list_gap(gap: Span) -> bool:
    """Words between a place and its container: commas, brackets, 'in', generic words and other unresolved
    names, as in 'Yae Village (Kyaik township, Mawla district, Mon state)'."""
    if len(gap) > MAX_LIST_GAP or not any(t.text in {",", "(", "in", "of"} for t in gap):
        return False
    return all(
        t.text in {",", "(", ")", "-"}
        or t.is_title
        or t.lower_ in GAP_WORDS | ADMIN_WORDS | TOWN_WORDS | NAME_PARTICLES
        for t in gap
    )


def _containers(mentions: list[Mention], index: int) -> list[Mention]:
    """The mentions written as the container of mention `index`: 'X, Y', 'X in Y', 'X (Y)', chained."""
    found = []
    current = mentions[index]
    doc = current.span.doc
    for nxt in mentions[index + 1 :]:
        if nxt.span.sent != current.span.sent or not _is_list_gap(doc[current.span.end : nxt.span.start]):
            break
        found.append(nxt)
        current = nxt
    return found


def context_countries(mentions: list[Mention]) -> tuple[Counter, str]:
    """How often each country is named, and how: by its name, else by its divisions or big cities, else by demonyms."""
    named: Counter = Counter()
    divisions: Counter = Counter()
    demonyms: Counter = Counter()
    for mention in mentions:
        countries = {c.place.country for c in mention.candidates if c.place.feature == "country"}
        admin = {
            c.place.country for c in mention.candidates if c.place.feature == "admin1" or c.place.population >= BIG_CITY
        }
        if countries and mention.label == "NORP":
            demonyms.update(countries)
        elif countries and not mention.weak:
            named.update(countries)
        elif len(admin) == 1 and not mention.weak:
            divisions.update(admin)
    if named:
        return named, "named"
    if divisions:
        return divisions, "places"
    return demonyms, "demonyms"


def _score(mention: Mention, countries: Counter, how: str, containers: list[Mention]) -> None:
    """Score every candidate of one mention on the article-level features."""
    divisions = [c.place for c in mention.candidates if c.place.feature == "admin1"]
    seats = {(p.latitude, p.longitude) for p in divisions}
    division_names = {(p.country, p.admin1, place_key(p.name)) for p in divisions}
    containers = [k for k in containers if any(c.place.feature in {"country", "admin1"} for c in k.candidates)]
    for cand in mention.candidates:
        place = cand.place
        if place.feature == "country":
            cand.add("country_name", 4.0)
        elif place.feature in {"admin1", "region"}:
            cand.add("admin_name", 1.5)
        if place.id.startswith("cur:"):
            cand.add("curated", 4.0)
        cand.add("population", math.log10(place.population + 1) / 2)
        if place_key(place.name) == place_key(mention.span.text):
            cand.add("main_name", 1.0)
        if countries:
            if place.country in countries:
                cand.add("article_country", 3.0)
            elif place.country is not None and place.feature != "country":
                cand.add("foreign_country", FOREIGN_PENALTY[how] / (2 if place.id.startswith("cur:") else 1))
        if place.feature == "city" and mention.generic not in ADMIN_WORDS and (
            (place.latitude, place.longitude) in seats
            or (place.country, place.admin1, place_key(place.name)) in division_names
        ):
            cand.add("town_named_like_division", 3.5)
        if mention.generic in ADMIN_WORDS:
            cand.add("generic_word", 4.0 if place.feature == "admin1" else -1.0)
        elif mention.generic in TOWN_WORDS:
            cand.add("generic_word", 2.0 if place.feature != "admin1" else -2.0)
        inside = [k for k in containers if any(c.place.contains(place) for c in k.candidates)]
        for container in inside:
            by_division = any(c.place.feature == "admin1" for c in container.candidates)
            cand.add(f"within:{container.span.text}", 6.0 if by_division else 3.0)
        if len(inside) < len(containers) and place.country is not None and place.feature != "country":
            cand.add("outside_containers", -3.0 if place.id.startswith("cur:") else -12.0)
        if mention.weak:
            cand.add("weak_label", -4.0)


def _place_like_position(span: Span) -> bool:
    """The span is the object of a place preposition ('in X', 'near X', 'in X city')."""
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in ADMIN_WORDS | TOWN_WORDS:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


def resolve(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Collect the place mentions of `doc` and choose a place (or none) for each."""
    mentions = collect_mentions(doc, gazetteer)
    countries, how = context_countries(mentions)
    for index, mention in enumerate(mentions):
        mention.containers = _containers(mentions, index)
        _score(mention, countries, how, mention.containers)
        if mention.weak and _place_like_position(mention.span):
            for cand in mention.candidates:
                cand.add("place_preposition", 2.0)
    _choose(mentions)
    anchors = [m.place for m in mentions if m.place is not None and m.place.feature not in {"country", "sea"}]
    for mention in mentions:
        for cand in mention.candidates:
            if cand.place.feature in {"country", "sea"}:
                continue
            own = mention.place.id if mention.place else None
            others = [a for a in anchors if a.id not in {cand.place.id, own}]
            lat, lon = cand.place.latitude, cand.place.longitude
            if any(haversine_km(a.latitude, a.longitude, lat, lon) < NEARBY_KM for a in others):
                cand.add("near_other_places", 1.5)
    _choose(mentions)
    _one_sense_per_article(mentions)
    return mentions


def _one_sense_per_article(mentions: list[Mention]) -> None:
    """A name written with its container ('Me Pa Li village (..., Mon state)') means the same place
    everywhere in the article: later bare mentions take that decision."""
    decided: dict[str, Mention] = {}
    for mention in mentions:
        if any(f.startswith("within:") or f == "outside_containers" for c in mention.candidates for f in c.features):
            decided.setdefault(place_key(mention.span.text), mention)
    for mention in mentions:
        anchor = decided.get(place_key(mention.span.text))
        if anchor is not None and anchor is not mention:
            same = anchor.place.id if anchor.place else None
            mention.chosen = next((c for c in mention.candidates if c.place.id == same), None)


def _choose(mentions: list[Mention]) -> None:
    """Pick each mention's best candidate; none when it scores too low, or when a weakly labelled
    mention has neither a place preposition nor a named container."""
    for mention in mentions:
        best = max(mention.candidates, key=lambda c: (c.score, c.place.population, c.place.id))
        within = any(f.startswith("within:") for f in best.features)
        supported = within or not mention.weak or ("place_preposition" in best.features and mention.label != "GENERIC")
        mention.chosen = best if best.score > MIN_SCORE and supported else None
