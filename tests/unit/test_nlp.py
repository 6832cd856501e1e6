"""The name ruler: spaCy's EntityRuler semantics, with exact-word token patterns matched by a phrase matcher."""

from __future__ import annotations

import spacy

from warlog.nlp import MODEL, NAME_RULER_FACTORY, exact_words, load_model

PATTERNS = [
    {"label": "ORG", "pattern": [{"ORTH": "CAR"}], "id": "actor:car-front"},
    {"label": "GPE", "pattern": [{"TEXT": "Velmora"}], "id": "place:1"},
    {"label": "GPE", "pattern": "Velmora Hills", "id": "place:2"},
    {"label": "ORG", "pattern": "river guard", "id": "actor:river-guard"},
    {"label": "ORG", "pattern": [{"ORTH": "Blue"}, {"ORTH": "Lantern"}, {"ORTH": "Front"}], "id": "actor:blf"},
    {"label": "ORG", "pattern": [{"LOWER": "harbour"}, {"LOWER": "watch"}], "id": "actor:harbour-watch"},
]
TEXT = (
    "The CAR said its car was hit near Velmora Hills, and the River Guard blamed the Blue Lantern Front; "
    "velmora stayed calm and the Harbour Watch patrolled Velmora."
)


def _entities(factory: str, **config: object) -> list[tuple[str, str, str]]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(factory, config=config)
    ruler.add_patterns(PATTERNS)
    return [(ent.text, ent.label_, ent.id_) for ent in nlp(TEXT).ents]


def test_name_ruler_finds_what_spacys_entity_ruler_finds() -> None:
    expected = _entities("entity_ruler", phrase_matcher_attr="LOWER")
    assert _entities(NAME_RULER_FACTORY) == expected
    assert expected == [
        ("CAR", "ORG", "actor:car-front"),
        ("Velmora Hills", "GPE", "place:2"),
        ("River Guard", "ORG", "actor:river-guard"),
        ("Blue Lantern Front", "ORG", "actor:blf"),
        ("Harbour Watch", "ORG", "actor:harbour-watch"),
        ("Velmora", "GPE", "place:1"),
    ]


def test_only_exact_word_patterns_go_to_the_phrase_matcher() -> None:
    assert exact_words([{"ORTH": "IS"}, {"TEXT": "K"}]) == ["IS", "K"]
    assert exact_words([{"LOWER": "harbour"}]) is None
    assert exact_words([{"ORTH": "IS", "POS": "PROPN"}]) is None
    assert exact_words("river guard") is None


def test_sentence_index_answers_as_spacy_does() -> None:
    from warlog.nlp import SENTENCE_INDEX

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Gunmen raided a post. Two guards died! Officials blamed a group. It denied it."
    native = nlp(text)
    nlp.add_pipe(SENTENCE_INDEX)
    indexed = nlp(text)
    assert "sents" in indexed.user_hooks
    assert [s.text for s in indexed.sents] == [s.text for s in native.sents]
    for token in indexed:
        assert (token.sent.start, token.sent.end) == (native[token.i].sent.start, native[token.i].sent.end)
        span, expected = indexed[token.i : token.i + 2], native[token.i : token.i + 2]
        assert (span.sent.start, span.sent.end) == (expected.sent.start, expected.sent.end)
    spanning = indexed[3:9]
    assert [s.text for s in spanning.sents] == [s.text for s in native[3:9].sents]


def test_load_model_gives_the_models_own_tokenizer_and_parse_without_its_unused_senter() -> None:
    plain, loaded = spacy.load(MODEL), load_model()
    assert loaded.tokenizer.to_bytes() == plain.tokenizer.to_bytes()
    assert loaded.pipe_names == plain.pipe_names
    assert "senter" in plain.component_names and "senter" not in loaded.component_names
    text = "Dr. O'Neil's convoy wasn't hit at 5:30 p.m. near the U.N. base (e-mail: ops@example.org), officials said."

    def analysis(nlp: spacy.language.Language) -> list[tuple[str, ...]]:
        return [(t.text, t.tag_, t.dep_, t.lemma_, t.ent_type_, str(t.is_sent_start)) for t in nlp(text)]

    assert analysis(loaded) == analysis(plain)
