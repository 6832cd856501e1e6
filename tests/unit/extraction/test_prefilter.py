"""The relevance prefilter: which sentences go through spaCy, and blanking that keeps every offset."""

from __future__ import annotations

import pickle
from functools import lru_cache

import pytest
import spacy
from spacy.language import Language

from warlog.extraction.prefilter import (
    SKIPPED_COMPONENT,
    Prefilter,
    blank,
    build_prefilter,
    prepare_docs,
    sentence_spans,
)
from warlog.nlp import MODEL

LEAD = "The town hall was busy on Monday morning."
PLAIN = (
    "The mayor praised the new library.",
    "Shops stayed open late for the holiday.",
    "A local choir sang in the square.",
    "Farmers sold apples at the weekly fair.",
    "Children toured the museum with their teachers.",
)
TRIGGER = "Gunmen stormed a checkpoint outside the town overnight."
WEAPON = "Residents later found a rocket launcher in a field."


@lru_cache(maxsize=1)
def nlp() -> Language:
    loaded = spacy.load(MODEL)
    loaded.add_pipe(SKIPPED_COMPONENT, before="parser")
    return loaded


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    return build_prefilter(nlp(), ["rocket launcher", "mortar", "Guardians of the Valley"], ["IS"], context=1)


def kept_sentences(prefilter: Prefilter, sentences: list[str]) -> list[str]:
    text = " ".join(sentences)
    relevance = prefilter.relevance(text)
    blanked = blank(text, relevance)
    assert len(blanked) == len(text)
    return [sentence for sentence in sentences if sentence in blanked]


def test_sentence_spans_split_at_end_punctuation_before_a_capital_never_at_an_abbreviation_or_a_bare_line_break(
) -> None:
    text = "Dr. Amin spoke. He said 3.5 tonnes reached the U.S. base in Erbil.\nHeadline without a stop\n\n  Last one! "
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Dr. Amin spoke.", "He said 3.5 tonnes reached the U.S. base in Erbil.", "Headline without a stop\n\n  Last one!",
    ]


def test_a_sentence_without_any_hit_is_skipped_and_one_with_a_hit_is_kept_with_its_neighbours(
    prefilter: Prefilter,
) -> None:
    sentences = [LEAD, *PLAIN[:3], TRIGGER, *PLAIN[3:], PLAIN[0].replace("mayor", "governor"), WEAPON]
    kept = kept_sentences(prefilter, sentences)
    assert kept == [LEAD, PLAIN[2], TRIGGER, PLAIN[3], "The governor praised the new library.", WEAPON]


def test_an_article_without_a_trigger_is_not_parsed_even_with_weapon_or_alias_words(prefilter: Prefilter) -> None:
    text = " ".join([LEAD, "The Guardians of the Valley opened a school.", "An old mortar tube stood in the museum."])
    assert not prefilter.relevance(text).relevant
    assert prefilter.relevance(" ".join([LEAD, *PLAIN, TRIGGER])).relevant


@pytest.mark.parametrize(
    "sentence",
    [
        "A drone struck the depot.",  # irregular form of "strike", from the lemmatizer's exceptions
        "Two engineers were kidnapped on the road.",  # doubled consonant
        "Heavy shelling hit the district.",
        "Police ARRESTED three men.",
    ],
)
def test_inflected_and_capitalised_triggers_make_a_sentence_relevant(prefilter: Prefilter, sentence: str) -> None:
    assert prefilter.relevance(f"{LEAD} {sentence}").relevant


def test_a_case_sensitive_name_keeps_a_sentence_only_in_its_own_case(prefilter: Prefilter) -> None:
    """The ruler matches "IS" (Islamic State) but not the verb "is": neither must the prefilter."""
    sentences = [LEAD, PLAIN[0], "IS fighters were seen there.", *PLAIN[1:3], "The fair is open again.", *PLAIN[3:],
                 TRIGGER]
    kept = kept_sentences(prefilter, sentences)
    assert kept[:4] == [LEAD, PLAIN[0], "IS fighters were seen there.", PLAIN[1]]
    assert "The fair is open again." not in kept


def test_an_article_whose_trigger_sentences_are_few_has_a_probe_that_keeps_only_them(prefilter: Prefilter) -> None:
    sentences = [LEAD, *PLAIN, *PLAIN, TRIGGER, *PLAIN]
    text = " ".join(sentences)
    relevance = prefilter.relevance(text)
    assert relevance.probe is not None
    assert relevance.probe_texts(text) == [TRIGGER]
    assert prefilter.relevance(" ".join([LEAD, TRIGGER, PLAIN[0]])).probe is None  # a third of the text: no probe


def test_one_word_of_a_trigger_phrase_alone_is_no_hit(prefilter: Prefilter) -> None:
    """"on" belongs to phrases like "set * on fire"; it must not keep a sentence by itself."""
    sentences = [LEAD, *PLAIN[:2], "The parade went on for hours.", *PLAIN[2:], TRIGGER]
    assert "The parade went on for hours." not in kept_sentences(prefilter, sentences)


def test_blanked_runs_become_sentences_of_their_own_so_kept_sentences_keep_their_offsets(
    prefilter: Prefilter,
) -> None:
    sentences = [LEAD, *PLAIN, TRIGGER, *PLAIN]
    text = " ".join(sentences)
    relevance = prefilter.relevance(text)
    assert relevance.skipped
    (doc,) = nlp().pipe(prepare_docs(nlp(), [text], [relevance]))
    full = nlp()(text)
    trigger_start = text.index(TRIGGER)
    kept = next(sent for sent in doc.sents if sent.start_char == trigger_start)
    original = next(sent for sent in full.sents if sent.start_char == trigger_start)
    assert (kept.text, kept.end_char) == (original.text, original.end_char) == (TRIGGER, trigger_start + len(TRIGGER))
    assert [t.idx for t in doc if not t.is_space and t.idx >= trigger_start][:5] == [
        t.idx for t in full if t.idx >= trigger_start
    ][:5]


def test_an_everyday_verb_keeps_a_sentence_only_when_a_diplomat_or_a_named_state_can_be_its_doer(
    prefilter: Prefilter,
) -> None:
    assert not prefilter.relevance(f"{LEAD} Doctors urged parents to vaccinate their children.").relevant
    assert prefilter.relevance(f"{LEAD} The foreign minister urged both sides to show restraint.").relevant
    assert prefilter.relevance(f"{LEAD} The Guardians of the Valley condemned the vote.").relevant


def test_keys_with_the_same_length_and_meanings_share_one_value_and_still_do_once_pickled(prefilter: Prefilter) -> None:
    # The disk cache holds a pickled prefilter: a shared value is read back once, not once per key.
    for candidate in (prefilter, pickle.loads(pickle.dumps(prefilter))):
        assert len({id(value) for value in candidate.meanings}) == len(set(candidate.meanings))
        assert len(set(candidate.meanings)) < len(candidate.meanings)
    copy = pickle.loads(pickle.dumps(prefilter))
    text = " ".join([LEAD, *PLAIN[:2], TRIGGER, *PLAIN[2:], WEAPON])
    assert copy.relevance(text) == prefilter.relevance(text)
