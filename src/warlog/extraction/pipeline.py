"""Run the extraction stages over articles: parse once with spaCy, then each stage in order.

`Pipeline.run` is the one core that `warlog extract`, `warlog ingest` and the Python API share.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice

from spacy.language import Language

from warlog import __version__
from warlog.extraction.base import DocState, Stage, short_hash
from warlog.records import Article, Event, Extractor

PIPELINE_NAME = "warlog-rules"


class Pipeline:
    """An NLP model plus an ordered list of stages."""

    def __init__(self, nlp: Language, stages: Sequence[Stage], batch_size: int = 32) -> None:
        self.nlp = nlp
        self.stages = list(stages)
        self.batch_size = batch_size
        stage_ids = [stage.id for stage in self.stages]
        self.extractor = Extractor(
            name=PIPELINE_NAME, version=__version__, config_hash=short_hash(stage_ids), stages=stage_ids
        )

    def run(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Yield each article with the events extracted from it, in input order."""
        iterator = iter(articles)
        while batch := list(islice(iterator, self.batch_size)):
            docs = self.nlp.pipe((article.text for article in batch), batch_size=self.batch_size)
            states = [DocState(article=article, doc=doc) for article, doc in zip(batch, docs)]
            for stage in self.stages:
                states = stage.process(states)
            for state in states:
                events = []
                for draft in state.events:
                    draft.event.extractor = self.extractor
                    events.append(draft.event)
                yield state.article, events


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The shipped rule-based pipeline, built once per process."""
    from warlog.actors.registry import load_registry
    from warlog.actors.stage import ActorStage
    from warlog.extraction.casualties import CasualtyStage
    from warlog.extraction.classify import Classification
    from warlog.extraction.dates import DateStage
    from warlog.extraction.detect import EventDetection
    from warlog.extraction.modality import Modality
    from warlog.geo.patterns import entity_patterns as place_patterns
    from warlog.geo.stage import GeocodeStage
    from warlog.extraction.targets import TargetStage
    from warlog.extraction.weapons import WeaponStage
    from warlog.nlp import build_nlp

    patterns: list[dict] = [*load_registry().entity_patterns(), *place_patterns()]
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
    return Pipeline(build_nlp(patterns), stages)
