"""Run the extraction stages over articles: parse once with spaCy, then each stage in order.

`Pipeline.run` is the one core that `warlog extract`, `warlog ingest` and the Python API share: it yields
one `ArticleExtraction` (the article, its events, the aliases it taught) per article, in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warlog import __version__
from warlog.extraction.base import DocState, Stage, short_hash
from warlog.extraction.cache import cache_key, file_fingerprint, load_or_build, warlog_fingerprint
from warlog.extraction.prefilter import (
    IRRELEVANT,
    SKIPPED_COMPONENT,
    WHOLE_TEXT,
    Prefilter,
    Relevance,
    build_prefilter,
    context_phrases,
    prepare_docs,
)
from warlog.nlp import NameRuler, WordPattern
from warlog.records import Article, ArticleExtraction, Extractor

PIPELINE_NAME = "warlog-rules"
NAMES_CACHE = "pipeline-names"
WORD_PATTERN_FIELDS = {field.name for field in fields(WordPattern)}


class Pipeline:
    """An NLP model plus an ordered list of stages, with an optional relevance prefilter in front."""

    def __init__(
        self,
        nlp: Language,
        stages: Sequence[Stage],
        batch_size: int = 32,
        prefilter: Prefilter | None = None,
        confirms: Callable[[Doc], bool] | None = None,
    ) -> None:
        self.nlp = nlp
        self.stages = list(stages)
        self.batch_size = batch_size
        self.prefilter = prefilter
        self.confirms = confirms
        stage_ids = [stage.id for stage in self.stages]
        self.extractor = Extractor(
            name=PIPELINE_NAME, version=__version__, config_hash=short_hash(stage_ids), stages=stage_ids
        )

    def without_prefilter(self) -> Pipeline:
        """The same model and stages, parsing every sentence (to measure the prefilter against)."""
        return Pipeline(self.nlp, self.stages, self.batch_size)

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
        """Yield one `ArticleExtraction` per article, in input order. Articles the prefilter finds no trigger
        in are not parsed (they have no events and teach no aliases)."""
        iterator = iter(articles)
        while batch := list(islice(iterator, self.batch_size)):
            relevances = self.relevances(batch)
            parsed = [article for article, relevance in zip(batch, relevances) if relevance.relevant]
            docs = self.nlp.pipe(
                prepare_docs(self.nlp, (a.text for a in parsed), (r for r in relevances if r.relevant)),
                batch_size=self.batch_size,
            )
            states = [DocState(article=article, doc=doc) for article, doc in zip(parsed, docs)]
            for stage in self.stages:
                states = stage.process(states)
            found = iter(states)
            for article, relevance in zip(batch, relevances):
                yield self._extraction(next(found)) if relevance.relevant else ArticleExtraction(article=article)

    def relevances(self, batch: Sequence[Article]) -> list[Relevance]:
        """The prefilter's decision for each article; an article with a probe has its candidate sentences parsed
        first, each alone, and is irrelevant unless `confirms` finds a trigger in one of them."""
        if self.prefilter is None:
            return [WHOLE_TEXT] * len(batch)
        relevances = [self.prefilter.relevance(article.text) for article in batch]
        if self.confirms is None:
            return relevances
        probes = [
            (index, sentence)
            for index, relevance in enumerate(relevances)
            if relevance.probe is not None
            for sentence in relevance.probe_texts(batch[index].text)
        ]
        confirmed = {
            index for (index, _sentence), doc in
            zip(probes, self.nlp.pipe((s for _i, s in probes), batch_size=self.batch_size), strict=True)
            if self.confirms(doc)
        }
        return [
            IRRELEVANT if relevance.probe is not None and index not in confirmed else relevance
            for index, relevance in enumerate(relevances)
        ]

    def _extraction(self, state: DocState) -> ArticleExtraction:
        for draft in state.events:
            draft.event.extractor = self.extractor
        events = [draft.event for draft in state.events]
        return ArticleExtraction(article=state.article, events=events, learned_aliases=state.learned_aliases)


@dataclass(frozen=True)
class Names:
    """What the default pipeline builds from the actor registry and the gazetteer: the entity ruler's names,
    split into words, and the prefilter over the lexicon, weapons and those names."""

    words: tuple[WordPattern, ...]
    prefilter: Prefilter

    @staticmethod
    def is_current(value: object) -> bool:
        """Whether a value read back from the cache is `Names` of the records this code defines."""
        return (
            isinstance(value, Names)
            and isinstance(value.prefilter, Prefilter)
            and all(vars(word).keys() == WORD_PATTERN_FIELDS for word in value.words)
        )


def build_names(nlp: Language) -> Names:
    """Build the `Names` of the registry and gazetteer for `nlp`'s tokenizer and lemmatizer."""
    from warlog.actors.registry import load_registry
    from warlog.geo.patterns import entity_patterns as place_patterns

    patterns: list[dict] = [*load_registry().entity_patterns(), *place_patterns()]
    ruler = NameRuler(nlp)
    ruler.add_patterns(patterns)
    return Names(tuple(ruler.word_patterns), build_prefilter(nlp, *context_phrases(patterns)))


def names_key(nlp: Language) -> str:
    """The cache key of `Names`: every input of `build_names` (see `warlog.extraction.cache`)."""
    import importlib.metadata

    from warlog.actors.registry import env_paths
    from warlog.geo.build import fingerprint as gazetteer_fingerprint

    parts = [
        warlog_fingerprint(),
        *map(file_fingerprint, env_paths()),
        f"spacy {spacy.__version__}",
        f"model {nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        f"pyahocorasick {importlib.metadata.version('pyahocorasick')}",
        f"gazetteer {gazetteer_fingerprint()}",
    ]
    return cache_key(parts)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The shipped rule-based pipeline, built once per process; its `Names` come from the disk cache."""
    from warlog.actors.stage import ActorStage
    from warlog.extraction.casualties import CasualtyStage
    from warlog.extraction.classify import Classification
    from warlog.extraction.dates import DateStage
    from warlog.extraction.detect import EventDetection, has_trigger
    from warlog.extraction.modality import Modality
    from warlog.geo.stage import GeocodeStage
    from warlog.extraction.targets import TargetStage
    from warlog.extraction.weapons import WeaponStage
    from warlog.geo.build import cache_dir
    from warlog.nlp import SENTENCE_INDEX, add_name_ruler, load_model

    nlp = load_model()
    names = load_or_build(cache_dir(), NAMES_CACHE, names_key(nlp), lambda: build_names(nlp), Names.is_current)
    add_name_ruler(nlp, words=names.words)
    nlp.add_pipe(SENTENCE_INDEX, last=True)
    nlp.add_pipe(SKIPPED_COMPONENT, before="parser")
    # Order: EventDetection -> WeaponStage -> Classification -> Modality -> dates, casualties, places, actors.
    stages: list[Stage] = [
        EventDetection(),
        WeaponStage(),
        Classification(),
        Modality(),
        TargetStage(),
        DateStage(),
        CasualtyStage(),
        GeocodeStage(),
        ActorStage(),
    ]
    return Pipeline(nlp, stages, prefilter=names.prefilter, confirms=has_trigger)
