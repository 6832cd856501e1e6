"""Run the extraction core in worker processes or on a Dask cluster, yielding its records in input order.

`extract_parallel(articles, workers=N, scheduler=None)` is what `warlog extract`, `warlog ingest` and the Python
API call. Articles go to the workers in chunks; each worker runs `extract_articles` on its chunk and sends back
the records (picklable typed values). The caller only ever sees records, so it stays the one writer of any
database: workers never open one, and SQLite is never contended.

- `scheduler=None`: `workers` local processes (spawned; each exits if the caller dies).
- `scheduler="local"`: a Dask `LocalCluster` of `workers` processes on this machine.
- `scheduler="tcp://HOST:PORT"`: an existing Dask cluster (`dask scheduler` / `dask worker`); its workers need
  warlog installed, at the same version.

The models load once per worker process (the pool's initializer for local processes, a warm-up call on Dask workers,
and `default_pipeline`'s per-process cache in every case); the gazetteer and actor registry load lazily there.
Small inputs (one chunk, no scheduler, no worker started yet) run in the calling process: starting workers
would cost more than it saves. `ParallelExtractor.submit` starts a batch and returns the call that waits for it,
so that `warlog ingest` commits one batch while the workers extract the next.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, ExitStack
from itertools import chain, islice
from typing import Any

from warlog.records import Article

DEFAULT_CHUNK_SIZE = 8
IN_FLIGHT_PER_WORKER = 2
LOCAL_SCHEDULER = "local"
CONNECT_TIMEOUT_S = 20
PARENT_POLL_S = 1.0


class SchedulerUnavailable(RuntimeError):
    """Dask is not installed, or its scheduler cannot be reached."""


Submit = Callable[[list[Article]], "Future[list[Any]]"]


def default_workers() -> int:
    """The number of cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def checked_scheduler(scheduler: str | None) -> str | None:
    """`scheduler` if it is None, 'local' or an address; a ValueError otherwise."""
    if scheduler is not None and scheduler != LOCAL_SCHEDULER and "://" not in scheduler:
        raise ValueError(f"scheduler must be 'local' or an address like tcp://HOST:8786, not {scheduler!r}")
    return scheduler


def extract_chunk(articles: list[Article]) -> list[Any]:
    """Run the extraction core over one chunk in this (worker) process: one record per article."""
    from warlog.extraction import extract_articles

    return list(extract_articles(articles))


def load_models() -> None:
    """Build the default pipeline in this process, so that no chunk pays for it."""
    from warlog.extraction.pipeline import default_pipeline

    default_pipeline()


def start_worker() -> None:
    """Initializer of a local worker process: exit when the parent dies (even by SIGKILL, when no shutdown
    message can come), then load the models."""
    parent = os.getppid()

    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch_parent, name="warlog-parent-watch", daemon=True).start()
    load_models()


class ParallelExtractor(AbstractContextManager["ParallelExtractor"]):
    """Extract with workers: call it on articles for their records in input order; close it (or leave the
    `with` block) to stop its processes. Workers start on the first call that has more than one chunk."""

    def __init__(
        self, workers: int | None = None, scheduler: str | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> None:
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers or default_workers()
        self.scheduler = checked_scheduler(scheduler)
        self.chunk_size = chunk_size
        self._stack = ExitStack()
        self._submit: Submit | None = None

    def __call__(self, articles: Iterable[Article]) -> Iterator[Any]:
        """The records of `articles`, in input order, with at most a few chunks per worker in flight."""
        iterator = iter(articles)
        first = list(islice(iterator, self.chunk_size))
        second = list(islice(iterator, self.chunk_size))
        if self._in_process(more_than_one_chunk=bool(second)):
            from warlog.extraction import extract_articles

            yield from extract_articles(chain(first, second, iterator))
            return
        submit = self._start()
        chunks = _chunks_from([first, second], iterator, self.chunk_size)
        pending: deque[Future[list[Any]]] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def submit(self, articles: list[Article]) -> Callable[[], list[Any]]:
        """Start extracting `articles` now and return the call that waits for their records (in input order),
        so that the caller can work meanwhile. In this process, the extraction runs when that call is made."""
        if self._in_process(more_than_one_chunk=len(articles) > self.chunk_size):
            return lambda: list(self(articles))
        submit = self._start()
        futures = [submit(chunk) for chunk in _chunks_from([], iter(articles), self.chunk_size)]
        return lambda: [record for future in futures for record in future.result()]

    def _in_process(self, more_than_one_chunk: bool) -> bool:
        """Whether to extract in this process: one worker, or one chunk while no worker has started yet."""
        if self.scheduler is not None:
            return False
        return self.workers == 1 or (not more_than_one_chunk and self._submit is None)

    def _start(self) -> Submit:
        if self._submit is None:
            self._submit = self._dask() if self.scheduler is not None else self._processes()
        return self._submit

    def _processes(self) -> Submit:
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=start_worker)
        # Closing drops chunks that were started ahead and are no longer wanted (an ingest that failed).
        self._stack.callback(pool.shutdown, wait=True, cancel_futures=True)
        return lambda chunk: pool.submit(extract_chunk, chunk)

    def _dask(self) -> Submit:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise SchedulerUnavailable("a Dask scheduler needs Dask: pip install 'warlog[dask]'") from exc
        if self.scheduler == LOCAL_SCHEDULER:
            cluster = self._stack.enter_context(
                LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None)
            )
            client = self._stack.enter_context(Client(cluster))
        else:
            try:
                client = self._stack.enter_context(Client(self.scheduler, timeout=CONNECT_TIMEOUT_S))
            except OSError as exc:
                raise SchedulerUnavailable(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from exc
        client.run(load_models)
        return lambda chunk: client.submit(extract_chunk, chunk, pure=False)

    def close(self) -> None:
        """Stop the worker processes (or leave the Dask cluster)."""
        self._stack.close()
        self._submit = None

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _chunks_from(head: list[list[Article]], rest: Iterator[Article], size: int) -> Iterator[list[Article]]:
    yield from (chunk for chunk in head if chunk)
    while chunk := list(islice(rest, size)):
        yield chunk


def extract_parallel(
    articles: Iterable[Article], workers: int | None = None, scheduler: str | None = None
) -> Iterator[Any]:
    """Run the extraction core over `articles` with `workers` processes (default: the number of cores) or on a
    Dask `scheduler` ("local", or "tcp://HOST:PORT"); yield one record per article, in input order."""
    with ParallelExtractor(workers, scheduler) as extractor:
        yield from extractor(articles)
