"""A finished doc's text and entities read once: the same answers as spaCy's own properties."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from warlog.nlp import SENTENCE_INDEX
from warlog.parsed import doc_text, entities, entities_in

TEXT = "Gunmen from Tigris Hawks attacked Kirkuk. Police in Erbil said so. Nobody was hurt in Baghdad today."


def test_text_and_entities_read_once_match_spacy_for_the_doc_and_each_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp.make_doc(TEXT)
    doc.ents = [Span(doc, 2, 4, "ORG"), Span(doc, 5, 6, "GPE"), Span(doc, 9, 10, "GPE"), Span(doc, 18, 19, "GPE")]
    unindexed = [list(sentence.ents) for sentence in nlp.get_pipe("sentencizer")(doc).sents]
    assert [entities_in(sentence) for sentence in doc.sents] == unindexed  # before the index: spaCy's answers
    nlp.add_pipe(SENTENCE_INDEX)
    doc = nlp.get_pipe(SENTENCE_INDEX)(doc)
    assert doc_text(doc) == doc.text == TEXT
    assert entities(doc) == tuple(doc.ents)
    assert [entities_in(sentence) for sentence in doc.sents] == [list(s.ents) for s in doc.sents] == unindexed
    assert [e.text for e in entities_in(doc[3:12])] == ["Kirkuk", "Erbil"]  # "Tigris Hawks" starts before it
