"""The attribution stages read their word lists from data/attribution.yaml: every list loads, cites a listed
source, and a malformed word set is a clear KnowledgeError."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog import knowledge
from warlog.actors import claims, roles
from warlog.knowledge import ATTRIBUTION_WORDS, KnowledgeError, load_data, word_sets


def test_every_word_set_cites_a_listed_source_and_names_its_user() -> None:
    raw = load_data(ATTRIBUTION_WORDS)
    listed = {source["id"] for source in raw["sources"]}
    for name, entry in raw["word_sets"].items():
        assert entry["source"] in listed, name
        assert Path(knowledge.__file__).parent.joinpath(entry["used_by"]).exists(), name
        assert entry["words"] == sorted(set(entry["words"])), f"{name}: keep words sorted and unique"


def test_the_stages_use_the_data_not_a_copy() -> None:
    words = word_sets(ATTRIBUTION_WORDS)
    assert claims.CLAIM_VERBS == words["claim_verbs"] and "claim" in claims.CLAIM_VERBS
    assert claims.DENY_VERBS >= {"deny", "reject"} and roles.TARGET_PREPOSITIONS == words["target_prepositions"]
    assert roles.FORCE_HEADS == words["force_nouns"] | words["attack_nouns"] | words["military_nouns"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "needs a 'word_sets' mapping"),
        ("word_sets: {verbs: {source: warlog, words: []}}", "needs a non-empty 'words' list"),
        ("word_sets: {verbs: {source: warlog, words: [1, 2]}}", "non-empty 'words' list of strings"),
        ("word_sets: {verbs: {words: [say]}}", "word set 'verbs' names no source"),
    ],
)
def test_a_malformed_word_set_is_a_knowledge_error(tmp_path: Path, monkeypatch, body: str, message: str) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(f"version: 1\nsources: [{{id: warlog}}]\n{body}\n")
    monkeypatch.setattr(knowledge, "data_path", lambda name: tmp_path / name)
    knowledge.load_data.cache_clear()
    knowledge.word_sets.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=message):
            word_sets("words.yaml")
    finally:
        knowledge.load_data.cache_clear()
        knowledge.word_sets.cache_clear()
