"""The prefilter in the shipped pipeline: skipped sentences change no event, and every offset is the article's."""

from __future__ import annotations

import datetime as dt

import pytest

from warlog.extraction.pipeline import Pipeline, default_pipeline
from warlog.records import Article, ArticleExtraction

pytestmark = pytest.mark.slow

ORDINARY = (
    "The town library will stay open late during the exam season.",
    "Local bakers said flour prices had eased since the spring.",
    "A new bus line links the northern suburbs to the old harbour.",
    "The football club unveiled its new kit at a crowded shop.",
    "Teachers welcomed the longer summer holiday announced by the council.",
)
VIOLENT = (
    "A drone struck a fuel depot outside Kirkuk on Tuesday, killing two guards, police said.",
    "Gunmen later ambushed an army patrol near the same road and wounded four soldiers.",
)


def long_article() -> Article:
    paragraphs = [
        " ".join(ORDINARY),
        VIOLENT[0] + " " + " ".join(ORDINARY[:3]),
        " ".join(reversed(ORDINARY)),
        " ".join(ORDINARY[2:]) + " " + VIOLENT[1],
        " ".join(ORDINARY),
    ]
    return Article(doc_id="long", text="\n\n".join(paragraphs), published=dt.date(2024, 5, 7))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return default_pipeline()


def test_a_long_article_gives_the_same_events_with_and_without_the_prefilter(pipeline: Pipeline) -> None:
    article = long_article()
    relevance = pipeline.prefilter.relevance(article.text)
    assert relevance.relevant and relevance.skipped, "the article must have sentences to skip"
    assert relevance.probe is not None, "its two event sentences are few enough to be probed first"
    assert pipeline.relevances([article]) == [relevance], "the probe finds their triggers"
    [filtered] = [item.events for item in pipeline.run([article])]
    [full] = [item.events for item in pipeline.without_prefilter().run([article])]
    assert len(full) >= 2
    assert [e.model_dump(mode="json") for e in filtered] == [e.model_dump(mode="json") for e in full]


def test_every_offset_of_a_prefiltered_event_points_into_the_original_text(pipeline: Pipeline) -> None:
    article = long_article()
    [extraction] = list(pipeline.run([article]))
    events = extraction.events
    assert events
    for event in events:
        for evidence in event.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.sentence
        for source in event.provenance.values():
            if source.start is not None and source.text is not None:
                assert article.text[source.start : source.end] == source.text
        assert article.text[event.evidence_start :].startswith(event.trigger)


def test_an_article_without_a_trigger_is_not_parsed_and_has_no_events(pipeline: Pipeline) -> None:
    article = Article(doc_id="calm", text=" ".join(ORDINARY * 3))
    assert not pipeline.prefilter.relevance(article.text).relevant
    assert list(pipeline.run([article])) == [ArticleExtraction(article=article)]


def test_an_everyday_use_of_a_trigger_word_in_a_long_article_is_ruled_out_by_the_probe(pipeline: Pipeline) -> None:
    # "meet" with a ministry in the sentence may be a diplomatic event for the prefilter; the parse shows that
    # the ministry is not who meets, so the article is not parsed in full, and it has no events either way.
    stray = "The health ministry said clinics in Kirkuk would stay open late on weekdays to meet demand."
    article = Article(doc_id="clinics", text=" ".join([*ORDINARY * 2, stray, *ORDINARY]))
    relevance = pipeline.prefilter.relevance(article.text)
    assert relevance.relevant and relevance.probe is not None
    assert [r.relevant for r in pipeline.relevances([article])] == [False]
    assert list(pipeline.run([article])) == [ArticleExtraction(article=article)]
    assert [item.events for item in pipeline.without_prefilter().run([article])] == [[]]
