"""A finished doc's sentences, text and entities, read once.

spaCy builds `doc.sents`, `doc.text` and `doc.ents` anew from the tokens at each access, and the stages ask
for them many times per event. The last pipeline component (`warlog.nlp.index_sentences`) records them in a
`SentenceIndex`; `doc_text`, `entities` and `entities_in` read it (and fall back to spaCy for other docs).
This module does not import spaCy, so that code which only reads docs can be imported without it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

INDEX_KEY = "warlog.sentence_index"


class SentenceIndex:
    """A finished doc's sentences, found once, answering spaCy's `sents` and span `sent` hooks; and its text and
    entities, which spaCy builds anew from the tokens at each `doc.text` or `doc.ents` (see `doc_text`,
    `entities`, `entities_in`)."""

    def __init__(self, doc: Doc) -> None:
        self.sentences = tuple(doc.sents)
        self.starts = [sentence.start for sentence in self.sentences]
        self.text = doc.text
        self.entities = tuple(doc.ents)
        self.entity_starts = [entity.start for entity in self.entities]

    def sents(self, _doc: Doc) -> Iterator[Span]:
        return iter(self.sentences)

    def sent(self, span: Span) -> Span:
        return self.sentences[max(bisect_right(self.starts, span.start) - 1, 0)]


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once for a doc that `index_sentences` finished."""
    index = doc.user_data.get(INDEX_KEY)
    return index.text if index is not None else doc.text


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, read once for a doc that `index_sentences` finished (no component may change them after)."""
    index = doc.user_data.get(INDEX_KEY)
    return index.entities if index is not None else tuple(doc.ents)


def entities_in(span: Span) -> list[Span]:
    """`span.ents` from `entities`: the entities that lie wholly in the span."""
    index = span.doc.user_data.get(INDEX_KEY)
    if index is None:
        return list(span.ents)
    found = []
    for entity in index.entities[bisect_left(index.entity_starts, span.start) :]:
        if entity.end > span.end:
            break
        found.append(entity)
    return found
