"""The pipeline's names read back from the disk cache mark the same entities and prefilter the same sentences
as names built from the registry and gazetteer."""

from __future__ import annotations

from pathlib import Path

import spacy

from warlog.actors.registry import load_registry
from warlog.extraction.cache import load_or_build
from warlog.extraction.pipeline import NAMES_CACHE, Names, build_names, names_key
from warlog.geo.patterns import entity_patterns as place_patterns
from warlog.nlp import MODEL, SENTENCE_INDEX, add_name_ruler, build_nlp

TEXT = (
    "Fighters of Hayat Tahrir al-Sham shelled a village near Idlib on Monday, and the SDF said its units in "
    "Deir ez-Zor repelled an attack. The mayor of Mosul opened a library. Kandahar police arrested two men."
)


def test_cached_names_mark_what_freshly_built_names_mark(tmp_path: Path) -> None:
    nlp = spacy.load(MODEL)
    key = names_key(nlp)
    built = load_or_build(tmp_path, NAMES_CACHE, key, lambda: build_names(nlp), Names.is_current)
    read_back = load_or_build(tmp_path, NAMES_CACHE, key, lambda: Names((), built.prefilter), Names.is_current)
    assert len(read_back.words) == len(built.words) > 1000
    add_name_ruler(nlp, words=read_back.words)
    nlp.add_pipe(SENTENCE_INDEX, last=True)
    fresh = build_nlp([*load_registry().entity_patterns(), *place_patterns()])
    entities = [(ent.text, ent.label_, ent.ent_id_) for ent in nlp(TEXT).ents]
    assert entities == [(ent.text, ent.label_, ent.ent_id_) for ent in fresh(TEXT).ents]
    assert {ent_id.split(":")[0] for _text, _label, ent_id in entities} >= {"actor", "place"}
    assert read_back.prefilter.relevance(TEXT) == built.prefilter.relevance(TEXT)
    assert read_back.prefilter.relevance(TEXT).relevant


def test_the_key_names_the_model_and_versions() -> None:
    nlp = spacy.blank("en")
    assert names_key(nlp) == names_key(nlp)
    other = spacy.blank("en")
    other.meta["version"] = "9.9.9"
    assert names_key(other) != names_key(nlp)
