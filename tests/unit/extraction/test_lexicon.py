"""Lexicon matching: phrases found in windows are exactly the phrases spaCy's Matcher finds in the whole doc."""

from __future__ import annotations

from collections import Counter

import spacy

from warlog.extraction.lexicon import _matches, lexicon, matcher
from warlog.nlp import MODEL

TEXT = (
    "Troops opened fire on the crowd and later exchanged heavy fire with gunmen. A car bomb went off in the "
    "market, and a roadside bomb blew the truck up. Rebels set two houses on fire before police held three "
    "men in custody. The group claimed full responsibility. Workers went on strike, in protest, and the "
    "talks on a prisoner exchange stalled. Officials said a drone strike and an air raid hit the base."
)


def test_phrases_are_the_matchers_phrases() -> None:
    doc = spacy.load(MODEL)(TEXT)
    entries = lexicon().entries
    whole_doc = Counter((doc.vocab.strings[key], start, end) for key, start, end in matcher(doc.vocab)(doc))
    found = Counter((entry.key, start, end) for entry, start, end in _matches(doc) if len(entries[entry.key].words) > 1)
    assert found == whole_doc
    assert {doc[start:end].text for _key, start, end in found} >= {
        "opened fire", "exchanged heavy fire", "car bomb", "went off", "roadside bomb", "blew the truck up",
        "set two houses on fire", "in custody", "claimed full responsibility", "on strike", "prisoner exchange",
        "drone strike", "air raid",
    }
