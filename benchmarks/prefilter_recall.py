"""Recall of the relevance prefilter: the events found with it against those the full pipeline finds.

Run from the project root: `.venv/bin/python benchmarks/prefilter_recall.py FILE... [--corpus MIX ARTICLES]`.
Each FILE is read where it is (e.g. ../shared/evaldata/dev/drone.docs.jsonl); nothing is copied. `--corpus`
adds the benchmark's invented corpus (see throughput.py), whose long articles exercise the blanking.

An event is found again when the prefiltered run yields an event with the same id (the id hashes the document
and the trigger's offset, so it also checks that offsets are unchanged). For each input it prints the events
of the full run, the recall, the share of found events whose every field is identical, the share whose values
are (provenance aside: another mention of the same place or actor may be the one read), and the share of
characters that went through spaCy.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from warlog.extraction.pipeline import Pipeline, default_pipeline
from warlog.ingest import read_sources
from warlog.records import Article, Event


def events_by_id(pipeline: Pipeline, articles: list[Article]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for extraction in pipeline.run(articles):
        for event in extraction.events:
            found[event.event_id] = _comparable(event)
    return found


def _comparable(event: Event) -> dict:
    return event.model_dump(mode="json", exclude={"extractor"})


def _values(event: dict) -> dict:
    """An event's fields without their provenance (which mention of a place or actor was read)."""
    return {name: value for name, value in event.items() if name != "provenance"}


def parsed_share(pipeline: Pipeline, articles: list[Article]) -> float:
    """The share of characters that are not blanked in the full parse (articles without a trigger, or whose probe
    found none, count as all blanked; the probes' own parses are not counted)."""
    total = kept = 0
    for article, relevance in zip(articles, pipeline.relevances(articles), strict=True):
        total += len(article.text)
        if relevance.relevant:
            kept += len(article.text) - sum(end - start for start, end in relevance.skipped)
    return kept / total if total else 1.0


def measure(name: str, articles: list[Article], probe_share: float | None = None) -> tuple[int, int]:
    """Print one line for `articles`; return (events of the full run, of them found again)."""
    prefiltered = default_pipeline()
    if probe_share is not None:
        prefiltered.prefilter.probe_share = probe_share
    full = events_by_id(prefiltered.without_prefilter(), articles)
    filtered = events_by_id(prefiltered, articles)
    found = [event_id for event_id in full if event_id in filtered]
    identical = sum(full[event_id] == filtered[event_id] for event_id in found)
    same_values = sum(_values(full[event_id]) == _values(filtered[event_id]) for event_id in found)
    recall = len(found) / len(full) if full else 1.0
    print(
        f"{name:<28} articles {len(articles):>5}  events {len(full):>5}  recall {recall:.4f}  "
        f"identical {identical / len(found) if found else 1.0:.4f}  "
        f"same values {same_values / len(found) if found else 1.0:.4f}  "
        f"extra {len(set(filtered) - set(full)):>3}  parsed chars {parsed_share(prefiltered, articles):.3f}"
    )
    return len(full), len(found)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="document files (JSONL, text, HTML...) to measure on")
    parser.add_argument("--corpus", nargs=2, action="append", default=[], metavar=("MIX", "ARTICLES"),
                        help="also measure the invented benchmark corpus, e.g. --corpus 20/80 200")
    parser.add_argument("--probe-share", type=float,
                        help="probe articles whose candidate sentences are at most this share of them (1.0: every "
                             "article, to measure the probe itself on the dev sets, whose articles it rarely meets)")
    args = parser.parse_args(argv)
    totals = [0, 0]
    for path in args.files:
        articles = [item for item in read_sources([path]) if isinstance(item, Article)]
        events, found = measure(path.rsplit("/", 1)[-1], articles, args.probe_share)
        totals = [totals[0] + events, totals[1] + found]
    for mix, count in args.corpus:
        from corpus import build_corpus

        events, found = measure(f"corpus {mix}", build_corpus(int(count), mix), args.probe_share)
        totals = [totals[0] + events, totals[1] + found]
    print(f"{'all':<28} events {totals[0]:>5}  recall {totals[1] / totals[0] if totals[0] else 1.0:.4f}")


if __name__ == "__main__":
    main()
