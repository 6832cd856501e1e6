"""The relevance prefilter: which sentences of an article can hold an event, decided before spaCy runs.

One Aho-Corasick automaton holds the surface forms of the trigger lexicon (every inflection the model's
lemmatizer maps to a lexicon word, so it finds at least what `lexicon.find_hits` finds), the weapon terms and
the names the entity ruler knows (actor aliases, places). An article without a trigger cannot hold an event and
is not parsed at all. In the others, every sentence with a hit is kept with `CONTEXT_SENTENCES` neighbours on
each side (coreference, dates, places), and the first sentence always (the dateline); the rest is blanked. When
the sentences with a possible trigger are a small part of an article (`PROBE_SHARE`), the relevance also holds a
probe: the pipeline parses each of those sentences alone first, and the article only if one holds a trigger.

Blanking keeps every character offset in the original article's coordinates: the text that spaCy parses has
the same length, with skipped sentences turned into spaces. The `warlog_skipped_text` component (before the
parser) makes each blanked run a sentence of its own, so kept sentences end where they did.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from warlog.extraction.detect import MIN_TRIGGER_VOTE
from warlog.extraction.lexicon import LexiconEntry, lexicon
from warlog.nlp import exact_words

CONTEXT_SENTENCES = 1
# An article whose candidate sentences (those with a possible trigger) are at most this share of its characters
# is probed first: those sentences are parsed, each alone, and the article is parsed in full only if one holds a
# trigger. A stray "opened" or "to meet" in a long article about something else then costs a sentence's parse.
# (Each alone, not as the blanked article: spaCy's tokenizer spends milliseconds on long runs of spaces.)
PROBE_SHARE = 0.2
SKIPPED_KEY = "warlog.skipped"
SKIPPED_COMPONENT = "warlog_skipped_text"
# A sentence ends at . ! ? (with closing quotes or brackets) before whitespace and a capital, digit or quote.
# Line breaks alone do not end one (spaCy often reads a headline or caption and the next line as one sentence):
# a unit may hold several of spaCy's sentences, but blanking must never cut one of them in two, or the blank
# would count as a sentence between an event's sentences.
SENTENCE_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
# A capitalised word of up to four letters, or letters with dots, before a full stop: "Dr.", "Gen.", "U.S.". (Not
# splitting after "Gaza." only makes a unit longer; splitting inside a sentence is what must not happen.)
ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z])$")


# What an automaton key stands for: CONTEXT (a weapon term or an actor alias), EXACT (a name that is CONTEXT only
# in the case it is written in: "IS" but not "is", as the entity ruler matches it), or one word of a lexicon
# entry, as the number `Terms.word_id` gives to (entry key, word position).
CONTEXT = 0
EXACT = -1


@dataclass
class Terms:
    """Automaton keys with what each stands for, and what the prefilter knows of each lexicon entry: its word
    ids (all must be in a sentence), its cue group, and when it can be a trigger (see `trigger_conditions`);
    and the groups a name may stand for as a doer or target (the lexicon's `entity_groups`)."""

    keys: dict[str, set[int]] = field(default_factory=dict)
    entry_words: dict[str, tuple[int, ...]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    conditions: dict[str, frozenset[str] | None] = field(default_factory=dict)
    ids: dict[tuple[str, int], int] = field(default_factory=dict)
    name_groups: frozenset[str] = frozenset()
    exact_forms: set[str] = field(default_factory=set)

    def word_id(self, entry: str, position: int) -> int:
        return self.ids.setdefault((entry, position), len(self.ids) + 1)


def trigger_conditions(entry: LexiconEntry) -> frozenset[str] | None:
    """The context groups under which `entry` can be a trigger (as `EventDetection` decides: a vote of at least
    MIN_TRIGGER_VOTE); an empty set when it always can, None when it never can (a cue)."""
    if not entry.is_trigger:
        return None
    if max(weight for _name, weight in entry.votes) >= MIN_TRIGGER_VOTE:
        return frozenset()
    return frozenset(group for group, votes in entry.context if max(w for _n, w in votes) >= MIN_TRIGGER_VOTE)


@dataclass(frozen=True)
class Relevance:
    """The prefilter's decision for one text: whether it can hold an event, the character ranges to blank
    (each a run of skipped sentences up to the next kept one, or to the end), and, when its candidate sentences
    are a small part of it, their ranges: the probe, which decides before the full parse whether any of them
    holds a trigger."""

    relevant: bool
    skipped: tuple[tuple[int, int], ...] = ()
    probe: tuple[tuple[int, int], ...] | None = None

    def probe_texts(self, text: str) -> list[str]:
        """The candidate sentences of `text`, each to be parsed alone (no offsets are read from a probe)."""
        assert self.probe is not None
        return [text[start:end] for start, end in self.probe]


IRRELEVANT = Relevance(relevant=False)
WHOLE_TEXT = Relevance(relevant=True)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans (start, end) covering the text's words, without the whitespace between them."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.group()[0] == "." and ABBREVIATION.search(text, max(match.start() - 8, 0), match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        chunk = text[begin:end]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            trimmed.append((begin + left, begin + right))
    return trimmed


def _lowered(text: str) -> str:
    """`text` in lower case, character for character (the few characters whose lower case is longer stay)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


class Prefilter:
    """Decide which sentences of an article go through spaCy (see module docstring)."""

    def __init__(self, terms: Terms, context: int = CONTEXT_SENTENCES, probe_share: float = PROBE_SHARE) -> None:
        self.context = context
        self.probe_share = probe_share
        self.entry_words = {entry: frozenset(words) for entry, words in terms.entry_words.items()}
        self.groups = terms.groups
        self.conditions = terms.conditions
        self.word_entry = {word: entry for (entry, _position), word in terms.ids.items()}
        self.name_roles = frozenset(f"{role}:{group}" for group in terms.name_groups for role in ("agent", "patient"))
        self.exact_forms = frozenset(terms.exact_forms)
        # Keys of the same length and meanings share one value (a few thousand for tens of thousands of keys), so
        # the pickled prefilter of the disk cache reads back without building each one again.
        self.meanings: list[tuple[int, frozenset[int]]] = []
        shared: dict[tuple[int, frozenset[int]], tuple[int, frozenset[int]]] = {}
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key, meanings in terms.keys.items():
            self.automaton.add_word(key, len(self.meanings))
            value = (len(key), frozenset(meanings))
            self.meanings.append(shared.setdefault(value, value))
        self.automaton.make_automaton()

    def _hits(self, text: str) -> Iterator[tuple[int, frozenset[int]]]:
        """(start offset, meanings) of every whole-word key found in `text`; an EXACT name counts as CONTEXT
        only when written as the ruler knows it."""
        lowered = _lowered(text)
        for last, index in self.automaton.iter(lowered):
            length, meanings = self.meanings[index]
            start = last - length + 1
            if (start and lowered[start - 1].isalnum()) or (last + 1 < len(lowered) and lowered[last + 1].isalnum()):
                continue
            if EXACT in meanings:
                meanings = (meanings - {EXACT}) | ({CONTEXT} if text[start : last + 1] in self.exact_forms else set())
                if not meanings:
                    continue
            yield start, meanings

    def relevance(self, text: str) -> Relevance:
        """The sentences to parse: those with a hit, their neighbours and the first; none without a trigger."""
        spans = sentence_spans(text)
        if not spans:
            return IRRELEVANT
        starts = [start for start, _end in spans]
        found: dict[int, set[int]] = {}
        for offset, meanings in self._hits(text):
            found.setdefault(_sentence_of(starts, offset), set()).update(meanings)
        triggered = {index for index, meanings in found.items() if self._can_trigger(meanings)}
        if not triggered:
            return IRRELEVANT
        keep = {0}
        for index, meanings in found.items():
            if index in triggered or CONTEXT in meanings:
                keep.update(range(max(index - self.context, 0), min(index + self.context, len(spans) - 1) + 1))
        candidates = sum(spans[index][1] - spans[index][0] for index in triggered)
        probe = None
        if candidates <= self.probe_share * len(text):
            probe = tuple(spans[index] for index in sorted(triggered))
        return Relevance(relevant=True, skipped=_blanked(spans, keep, len(text)), probe=probe)

    def _can_trigger(self, words: set[int]) -> bool:
        """Whether a sentence with these words may hold a trigger: a lexicon entry all of whose words are there
        (a lone "on" of "set * on fire" is none) and whose vote is high enough, alone or with the sentence's cue
        groups (also as the trigger's agent or patient; a name in the sentence may stand for a group there)."""
        candidates = {self.word_entry[word] for word in words if word != CONTEXT}
        entries = [entry for entry in candidates if self.entry_words[entry] <= words]
        groups = {self.groups[entry] for entry in entries if entry in self.groups}
        present = groups | {f"{role}:{group}" for group in groups for role in ("agent", "patient")}
        if CONTEXT in words:
            present |= self.name_roles
        for entry in entries:
            condition = self.conditions[entry]
            if condition is not None and (not condition or condition & present):
                return True
        return False


def _blanked(spans: list[tuple[int, int]], keep: set[int], length: int) -> tuple[tuple[int, int], ...]:
    """The character ranges to blank when only the sentences `keep` are parsed: each skipped run up to the next
    kept sentence, or to the end."""
    skipped: list[tuple[int, int]] = []
    for index, (start, _end) in enumerate(spans):
        if index in keep:
            continue
        stop = spans[index + 1][0] if index + 1 < len(spans) else length
        if skipped and skipped[-1][1] == start:
            skipped[-1] = (skipped[-1][0], stop)
        else:
            skipped.append((start, stop))
    return tuple(skipped)


def _sentence_of(starts: list[int], offset: int) -> int:
    """The index of the sentence span that starts last at or before `offset`."""
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


def blank(text: str, relevance: Relevance) -> str:
    """`text` with everything outside the kept spans turned into spaces (same length, same offsets)."""
    pieces, position = [], 0
    for start, end in relevance.skipped:
        pieces.append(text[position:start])
        pieces.append(" " * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def prepare_docs(nlp: Language, texts: Iterable[str], relevances: Iterable[Relevance]) -> Iterator[Doc]:
    """Tokenized docs of the kept parts of each text, with their skipped ranges, ready for `nlp.pipe`."""
    for text, relevance in zip(texts, relevances, strict=True):
        doc = nlp.make_doc(blank(text, relevance) if relevance.skipped else text)
        doc.user_data[SKIPPED_KEY] = relevance.skipped
        yield doc


@Language.component(SKIPPED_COMPONENT)
def mark_skipped_text(doc: Doc) -> Doc:
    """Make each blanked run of a prefiltered doc a sentence of its own, so kept sentences end where they did."""
    for start, end in doc.user_data.get(SKIPPED_KEY, ()):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not all(token.is_space for token in span):
            continue
        span[0].is_sent_start = True
        if span.end < len(doc):
            doc[span.end].is_sent_start = True
    return doc


def surface_forms(word: str, rules: dict[str, Sequence[Sequence[str]]], exceptions: dict[str, set[str]]) -> set[str]:
    """Every lower-case word the lemmatizer may turn into `word`: the word, the inverse of each suffix rule,
    the irregular forms of the exception table, and a doubled final consonant ("kidnapped", "shelling")."""
    word = word.lower()
    forms = {word, *exceptions.get(word, ())}
    for pairs in rules.values():
        for old, new in pairs:
            if word.endswith(new):
                forms.add(word[: len(word) - len(new)] + old)
    if word[-1:].isalpha() and word[-1:] not in "aeiouwy":
        forms.update(word + word[-1] + suffix for suffix in ("ed", "ing", "er"))
    return forms


def _add_lexicon(
    terms: Terms,
    entries: Iterable[LexiconEntry],
    rules: dict[str, Sequence[Sequence[str]]],
    exceptions: dict[str, set[str]],
) -> None:
    for entry in entries:
        positions = [alternatives for alternatives in entry.words if alternatives != ("*",)]
        ids = tuple(terms.word_id(entry.key, position) for position in range(len(positions)))
        terms.entry_words[entry.key] = ids
        terms.conditions[entry.key] = trigger_conditions(entry)
        if entry.group:
            terms.groups[entry.key] = entry.group
        for word_id, alternatives in zip(ids, positions):
            for word in alternatives:
                for form in surface_forms(word, rules, exceptions):
                    terms.keys.setdefault(form, set()).add(word_id)


def _add_context(terms: Terms, phrases: Iterable[str], exact: bool = False) -> None:
    """Weapon terms and actor aliases, lower-cased, with a plural ending, and hyphens or spaces between words;
    `exact` names (the ruler's case-sensitive ones) keep their case and take no plural."""
    for phrase in phrases:
        words = phrase.replace("-", " ").split()
        plurals = ("",) if exact else ("", "es") if words and words[-1][-1:] in "sxzh" else ("", "s")
        for joined in {" ".join(words), "-".join(words)}:
            if exact:
                terms.exact_forms.add(joined)
            for plural in plurals:
                terms.keys.setdefault(_lowered(joined + plural), set()).add(EXACT if exact else CONTEXT)


def lemmatizer_tables(nlp: Language) -> tuple[dict[str, Sequence[Sequence[str]]], dict[str, set[str]]]:
    """The suffix rules of the model's lemmatizer, and its exception table inverted (lemma -> surface forms)."""
    lookups = nlp.get_pipe("lemmatizer").lookups
    rules = dict(lookups.get_table("lemma_rules")) if lookups.has_table("lemma_rules") else {}
    exceptions: dict[str, set[str]] = {}
    if lookups.has_table("lemma_exc"):
        for table in lookups.get_table("lemma_exc").values():
            for surface, lemmas in table.items():
                for lemma in lemmas:
                    exceptions.setdefault(lemma.lower(), set()).add(surface.lower())
    return rules, exceptions


def build_prefilter(
    nlp: Language, context_phrases: Iterable[str], exact_names: Iterable[str] = (), context: int = CONTEXT_SENTENCES
) -> Prefilter:
    """A prefilter for `nlp`'s lemmatizer over the trigger lexicon, plus `context_phrases` (weapons, names,
    in any case) and `exact_names` (names in their own case only)."""
    rules, exceptions = lemmatizer_tables(nlp)
    terms = Terms(name_groups=frozenset(lexicon().entity_groups.values()))
    _add_lexicon(terms, lexicon().entries.values(), rules, exceptions)
    _add_context(terms, context_phrases)
    _add_context(terms, exact_names, exact=True)
    return Prefilter(terms, context)


def context_phrases(ruler_patterns: Iterable[dict]) -> tuple[list[str], list[str]]:
    """The phrases that keep a sentence as context: weapon terms, and every name the entity ruler knows (actor
    aliases from the registry, places), which roles, attribution and geocoding read around an event. Returns
    (phrases matched in any case, names matched in their own case: the ruler's exact-word token patterns)."""
    from warlog.extraction.weapons import weapon_entries

    phrases = [pattern for entry in weapon_entries().values() for pattern in entry.patterns]
    exact = []
    for pattern in ruler_patterns:
        if isinstance(pattern["pattern"], str):
            phrases.append(pattern["pattern"])
        elif (words := exact_words(pattern["pattern"])) is not None:
            exact.append(" ".join(words))
    return list(dict.fromkeys(phrases)), list(dict.fromkeys(exact))
