"""The trigger and cue lexicon (`data/triggers.yaml`), compiled once into a spaCy Matcher.

`find_hits(doc)` returns every trigger (words that report an event) and every cue (words that
only refine an event's type: weapons, targets, protest context) found in a parsed document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from warlog.extraction.taxonomy import taxonomy
from warlog.knowledge import KnowledgeError, load_data
from warlog.parsed import entities

TRIGGERS_FILE = "triggers.yaml"
FAMILIES = frozenset({"conflict", "arrest", "agreement", "organisation", "crime", "disaster", "attribution", "support"})
GAP_WORDS = 2
DEFENCE_PREFIXES = frozenset({"anti", "counter"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
NAME_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "FAC", "NORP", "WORK_OF_ART", "LAW", "PRODUCT"})


@dataclass(frozen=True)
class LexiconEntry:
    """One line of the lexicon: the words it matches and what they imply."""

    key: str
    order: int
    words: tuple[tuple[str, ...], ...]
    pos: frozenset[str]
    family: str | None
    group: str | None
    votes: tuple[tuple[str, float], ...]
    context: tuple[tuple[str, tuple[tuple[str, float], ...]], ...]
    outcome: str | None
    source: str

    @property
    def is_trigger(self) -> bool:
        return self.family is not None


@dataclass(frozen=True)
class Hit:
    """A lexicon entry found in a document."""

    entry: LexiconEntry
    span: Span

    @property
    def head(self) -> Token:
        """The syntactic head of the matched words."""
        return self.span.root

    def votes_in(self, groups: set[str]) -> tuple[tuple[str, float], ...]:
        """The entry's votes, or its context votes when one of its context groups is present."""
        for group, votes in self.entry.context:
            if group in groups:
                return votes
        return self.entry.votes


def cue_groups(hits: list[Hit]) -> set[str]:
    """The context groups named by the cues (and group-bearing triggers) among `hits`."""
    return {hit.entry.group for hit in hits if hit.entry.group}


@dataclass(frozen=True)
class Lexicon:
    """All entries, by key, and the context group each named-entity label stands for as a doer or target."""

    entries: dict[str, LexiconEntry] = field(default_factory=dict)
    entity_groups: dict[str, str] = field(default_factory=dict)


def _votes(raw: dict | None, where: str) -> tuple[tuple[str, float], ...]:
    known = taxonomy()
    for name in raw or {}:
        if name not in known:
            raise KnowledgeError(f"{TRIGGERS_FILE}: {where} votes for unknown sub-event type {name!r}")
    return tuple((name, float(weight)) for name, weight in (raw or {}).items())


def _entry(number: int, raw: dict) -> LexiconEntry:
    where = f"entry {number} ({raw.get('words')!r})"
    if "source" not in raw or "words" not in raw:
        raise KnowledgeError(f"{TRIGGERS_FILE}: {where} needs 'words' and 'source'")
    family = raw.get("family")
    if family is not None and (family not in FAMILIES or not raw.get("votes")):
        raise KnowledgeError(f"{TRIGGERS_FILE}: {where} needs a known family and at least one vote")
    return LexiconEntry(
        key=f"{number}:{raw['words']}",
        order=number,
        words=tuple(tuple(word.split("|")) for word in str(raw["words"]).split()),
        pos=frozenset(raw.get("pos", ())),
        family=family,
        group=raw.get("group"),
        votes=_votes(raw.get("votes"), where),
        context=tuple((group, _votes(votes, where)) for group, votes in (raw.get("context") or {}).items()),
        outcome=raw.get("outcome"),
        source=raw["source"],
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Every lexicon entry, parsed and checked once."""
    data = load_data(TRIGGERS_FILE)
    entries = [_entry(number, raw) for number, raw in enumerate(data["entries"])]
    cited = {source["id"] for source in data["sources"]}
    if unknown := {entry.source for entry in entries} - cited:
        raise KnowledgeError(f"{TRIGGERS_FILE}: entries cite sources not listed under 'sources': {sorted(unknown)}")
    groups = {str(label): str(group) for label, group in (data.get("entity_groups") or {}).items()}
    return Lexicon(entries={entry.key: entry for entry in entries}, entity_groups=groups)


def _token_patterns(entry: LexiconEntry) -> list[list[dict]]:
    """Two Matcher patterns per phrase: one on lemmas, one on lower-cased words."""
    patterns = []
    for attr in ("LEMMA", "LOWER"):
        pattern: list[dict] = []
        for position, alternatives in enumerate(entry.words):
            if alternatives == ("*",):
                pattern.extend({"OP": "?"} for _ in range(GAP_WORDS))
                continue
            forms = {form for word in alternatives for form in (word, word.capitalize(), word.upper())}
            token: dict = {attr: {"IN": sorted(forms if attr == "LEMMA" else {w.lower() for w in forms})}}
            if position == 0 and entry.pos:
                token["POS"] = {"IN": sorted(_allowed_pos(entry))}
            pattern.append(token)
        patterns.append(pattern)
    return patterns


def _allowed_pos(entry: LexiconEntry) -> frozenset[str]:
    """The entry's parts of speech; nouns may be tagged PROPN in titles."""
    return entry.pos | ({"PROPN"} if "NOUN" in entry.pos else frozenset())


@lru_cache(maxsize=4)
def matcher(vocab: Vocab) -> Matcher:
    """The lexicon's phrases (entries of two words or more) compiled for one spaCy vocabulary."""
    compiled = Matcher(vocab)
    for key, entry in lexicon().entries.items():
        if len(entry.words) > 1:
            compiled.add(key, _token_patterns(entry))
    return compiled


@lru_cache(maxsize=1)
def word_index() -> dict[str, tuple[LexiconEntry, ...]]:
    """The lexicon's one-word entries by lower-cased word: a dictionary look-up per token is much faster."""
    index: dict[str, list[LexiconEntry]] = {}
    for entry in lexicon().entries.values():
        if len(entry.words) == 1:
            for word in entry.words[0]:
                index.setdefault(word.lower(), []).append(entry)
    return {word: tuple(entries) for word, entries in index.items()}


@dataclass(frozen=True)
class PhraseBounds:
    """What a phrase match needs: for each lower-cased word that can open a phrase entry, the lower-cased words
    that can end one it opens; and the most tokens a phrase can span (gaps included)."""

    last_words: dict[str, frozenset[str]]
    longest: int


@lru_cache(maxsize=1)
def phrase_bounds() -> PhraseBounds:
    """The `PhraseBounds` of the lexicon's phrases (entries of two words or more)."""
    last_words: dict[str, set[str]] = {}
    longest = 1
    for entry in lexicon().entries.values():
        if len(entry.words) > 1:
            longest = max(longest, sum(GAP_WORDS if words == ("*",) else 1 for words in entry.words))
            for word in entry.words[0]:
                last_words.setdefault(word.lower(), set()).update(word.lower() for word in entry.words[-1])
    return PhraseBounds({word: frozenset(ends) for word, ends in last_words.items()}, longest)


def _matches(doc: Doc) -> list[tuple[LexiconEntry, int, int]]:
    """Every (entry, start, end) found: one-word entries by look-up on lemma and word, phrases by the Matcher.

    The Matcher runs only on the few windows that open with a phrase's first word and hold one of its last
    words, and keeps the matches that start there: the same matches as over the whole doc, without trying each
    phrase at every token."""
    entries = lexicon().entries
    index = word_index()
    bounds = phrase_bounds()
    compiled = matcher(doc.vocab)
    words = [(token.lemma_.lower(), token.lower_) for token in doc]
    found: list[tuple[LexiconEntry, int, int]] = []
    for token, (lemma, lower) in zip(doc, words):
        candidates = {entry.key: entry for word in {lemma, lower} for entry in index.get(word, ())}
        found.extend(
            (entry, token.i, token.i + 1)
            for entry in candidates.values()
            if not entry.pos or token.pos_ in _allowed_pos(entry)
        )
        ends = bounds.last_words.get(lemma, frozenset()) | bounds.last_words.get(lower, frozenset())
        window = words[token.i + 1 : token.i + bounds.longest]
        if ends and any(word in ends for pair in window for word in pair):
            found.extend(
                (entries[doc.vocab.strings[match_id]], token.i, token.i + end)
                for match_id, start, end in compiled(doc[token.i : token.i + bounds.longest])
                if start == 0
            )
    return found


def _negated_prefix(doc: Doc, start: int) -> bool:
    """A cue written as a defence against it ("anti-aircraft", "counter-drone") names no weapon used."""
    before = [token.lower_ for token in doc[max(start - 2, 0) : start]]
    return bool(before) and (before[-1] in DEFENCE_PREFIXES or (before[-1] == "-" and before[0] in DEFENCE_PREFIXES))


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """One of the `word_lists` of `triggers.yaml` (organisation_heads, described_things)."""
    return frozenset(load_data(TRIGGERS_FILE)["word_lists"][name])


def _inside_a_name_or_date(doc: Doc, start: int) -> bool:
    """Words inside a date ("March") or an organisation's name ("Liberation" in "National Liberation Army")."""
    token = doc[start]
    if token.ent_type_ in TIME_ENTITIES:
        return True
    if token.ent_type_ not in NAME_ENTITIES:
        return False
    entity = next(ent for ent in entities(doc) if ent.start <= start < ent.end)
    return start < entity.end - 1 and entity[-1].lemma_.lower() in word_list("organisation_heads")


def _modifier(span: Span) -> bool:
    """A trigger word used to describe a thing, not an event: "armoured fighting vehicles", "attack helicopters"."""
    root = span.root
    described = root.head.pos_ == "NOUN" and root.head.lemma_.lower() in word_list("described_things")
    return root.dep_ in ("amod", "compound") and described


def find_hits(doc: Doc) -> list[Hit]:
    """Triggers (where they overlap: longest, then gap-free, then first listed; none inside a date or a name)
    and cues, in text order."""
    seen: set[tuple[str, int]] = set()
    triggers: list[Hit] = []
    cues: list[Hit] = []
    ranked = sorted(_matches(doc), key=lambda m: (m[1], m[1] - m[2], ("*",) in m[0].words, m[0].order))
    for entry, start, end in ranked:
        if (entry.key, start) in seen:
            continue
        seen.add((entry.key, start))
        if entry.is_trigger:
            span = doc[start:end]
            if not _inside_a_name_or_date(doc, start) and not _modifier(span):
                triggers.append(Hit(entry, span))
        elif not _negated_prefix(doc, start):
            cues.append(Hit(entry, doc[start:end]))
    kept: list[Hit] = []
    taken: set[int] = set()
    for hit in sorted(triggers, key=lambda h: (-len(h.span), h.span.start)):
        tokens = set(range(hit.span.start, hit.span.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(hit)
    return sorted(kept + cues, key=lambda h: h.span.start)
