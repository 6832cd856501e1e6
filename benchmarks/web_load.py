"""Load test of the HTTP API: event-list requests per second on a synthetic 100k-event SQLite database.

Builds the database quickly (synthetic canonical events inserted in bulk, no NLP), serves it with
`warlog serve` on 127.0.0.1 only, sends a bounded number of event-list requests for a bounded time from a few
client threads, and prints requests/s with latency percentiles, overall and per kind of query, and the CPU
time the server spent per request (on a shared machine, the rate one free core would sustain).

Each kind of query pages through its results as a user would (pages 1 to 5, the deep page from offset
40000), so the server counts a filter's total once and reads every page. The client is lean (the standard
library's keep-alive HTTP connection, one per thread, and a JSON parse of each body), so that it leaves the
cores it shares with the server to the server.

Run from the project root: `.venv/bin/python benchmarks/web_load.py [--events 100000] [--requests 4000]
[--seconds 30] [--clients 4] [--workers 1] [--db /tmp/warlog-load.db]`. This is a measurement, never a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import httpx
from sqlalchemy import insert

from warlog.link.records import CanonicalEvent, Range, ReportLink
from warlog.records import Event
from warlog.store import open_database
from warlog.store.models import EventRow

COUNTRIES = {
    "Iraq": ("Baghdad", 33.3, 44.4),
    "Syria": ("Deir ez-Zor", 35.3, 40.1),
    "Yemen": ("Al Hudaydah", 14.8, 42.9),
    "Ukraine": ("Kharkiv", 50.0, 36.2),
    "Somalia": ("Banadir", 2.0, 45.3),
    "Nigeria": ("Borno", 11.8, 13.2),
    "Mali": ("Mopti", 14.5, -4.2),
    "Lebanon": ("South", 33.3, 35.4),
}
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike", "drone"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "rocket"),
    ("Battles", "Armed clash", "small arms"),
    ("Violence against civilians", "Attack", "small arms"),
    ("Protests", "Peaceful protest", None),
]
ACTORS = [
    ("Kata'ib Hezbollah", "Iran"),
    ("Houthis (Ansar Allah)", "Iran"),
    ("Hezbollah", "Iran"),
    ("Islamic State", None),
    ("Al Shabaab", None),
    ("Military Forces of Russia", None),
    (None, None),
]
QUERIES = {
    "first page": {},
    "deep page": {"offset": 40000},
    "country": {"country": "Iraq"},
    "type": {"type": "Air/drone strike"},
    "dates": {"since": "2023-01-01", "until": "2023-03-31"},
    "country+dates, newest": {"country": "Yemen", "since": "2022-01-01", "sort": "-date"},
    "bbox": {"bbox": "38,29,49,38"},
    "sponsor": {"sponsor": "Iran"},
}
PAGE = 50
PAGES = 5


def synthetic_rows(count: int, seed: int = 7) -> list[dict]:
    """`count` events table rows spread over five years, eight countries, five types; their canonical JSON is
    one valid `CanonicalEvent` dumped once, with the varying fields set in its dict (fast)."""
    rng = random.Random(seed)
    start = dt.date(2020, 1, 1)
    template = CanonicalEvent(
        uid="u",
        event=Event(doc_id="u", event_id="u", event_type="t", sub_event_type="s", date_precision="day"),
        fatalities=Range(),
        injured=Range(),
        reports=[ReportLink(key="u", doc_id="u", reason="synthetic")],
        linker="synthetic",
    ).model_dump(mode="json")
    rows = []
    for number in range(count):
        country, (admin1, lat, lon) = rng.choice(list(COUNTRIES.items()))
        event_type, sub_type, weapon = rng.choice(TYPES)
        actor, sponsor = rng.choice(ACTORS)
        day = start + dt.timedelta(days=rng.randrange(5 * 365))
        uid = f"load{number:07d}"
        sentence = f"A synthetic {sub_type.lower()} was reported in {admin1}."
        latitude, longitude, fatalities = lat + rng.uniform(-1, 1), lon + rng.uniform(-1, 1), rng.randrange(5)
        event = {
            **template["event"],
            "doc_id": uid,
            "event_id": uid,
            "event_date": day.isoformat(),
            "event_type": event_type,
            "sub_event_type": sub_type,
            "actor1": actor,
            "country": country,
            "admin1": admin1,
            "location": admin1,
            "latitude": latitude,
            "longitude": longitude,
            "fatalities": fatalities,
            "weapons": [weapon] if weapon else [],
            "sponsors": [sponsor] if sponsor else [],
            "evidence": [{"sentence": sentence, "start": 0, "end": len(sentence)}],
        }
        canonical = {
            **template,
            "uid": uid,
            "event": event,
            "fatalities": {**template["fatalities"], "best": fatalities},
            "reports": [{**template["reports"][0], "key": uid, "doc_id": uid}],
        }
        rows.append(
            {
                "uid": uid,
                "event_date": day,
                "date_precision": "day",
                "window_start": day,
                "window_end": day,
                "event_type": event_type,
                "sub_event_type": sub_type,
                "actor1": actor,
                "country": country,
                "admin1": admin1,
                "latitude": latitude,
                "longitude": longitude,
                "fatalities": fatalities,
                "weapons": weapon,
                "attribution_status": None,
                "location": admin1,
                "sponsors": sponsor,
                "search_text": f"{admin1}\n{actor or ''}\n{sentence}",
                "report_count": 1,
                "linker": "synthetic",
                "canonical_json": json.dumps(canonical),
            }
        )
    return rows


def build(path: Path, count: int) -> None:
    """A fresh SQLite database holding `count` synthetic canonical events."""
    path.unlink(missing_ok=True)
    database = open_database(f"sqlite:///{path}")
    began = time.perf_counter()
    rows = synthetic_rows(count)
    with database.transaction() as session:
        for chunk in range(0, len(rows), 10000):
            session.execute(insert(EventRow), rows[chunk : chunk + 10000])
    database.close()
    print(f"built {count} events in {time.perf_counter() - began:.1f} s: {path}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(path: Path, port: int, workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "warlog", "serve", "--db", str(path), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2).raise_for_status()
            return process
        except httpx.TransportError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("warlog serve did not start")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process and its worker processes have used so far (Linux /proc)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) for child in children)


def request_path(number: int) -> tuple[str, str]:
    """The kind and path of request `number`: the kinds in turn, each on its next page (1 to PAGES)."""
    kinds = list(QUERIES)
    kind = kinds[number % len(kinds)]
    params = dict(QUERIES[kind])
    params["offset"] = int(params.get("offset", 0)) + PAGE * (number // len(kinds) % PAGES)
    return kind, "/api/events?" + urllib.parse.urlencode({"limit": PAGE, **params})


def load(port: int, requests: int, seconds: float, clients: int) -> dict[str, list[float]]:
    """Send at most `requests` event-list requests for at most `seconds`; latencies by query kind."""
    latencies: dict[str, list[float]] = {kind: [] for kind in QUERIES}
    errors: list[str] = []
    counter = iter(range(requests))
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            while time.monotonic() < deadline:
                with lock:
                    number = next(counter, None)
                if number is None:
                    return
                kind, path = request_path(number)
                began = time.perf_counter()
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                elapsed = time.perf_counter() - began
                ok = response.status == 200 and len(json.loads(body)["items"]) <= PAGE
                with lock:
                    if ok:
                        latencies[kind].append(elapsed)
                    else:
                        errors.append(f"{kind}: {response.status}")
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        print(f"{len(errors)} failed requests, e.g. {errors[0]}")
    return latencies


def percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
    return f"p50 {cuts[49] * 1000:6.1f} ms  p90 {cuts[89] * 1000:6.1f} ms  p99 {cuts[98] * 1000:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1, help="warlog serve --workers")
    parser.add_argument("--db", type=Path, default=Path("/tmp/warlog-load.db"))
    parser.add_argument("--reuse", action="store_true", help="Keep an existing --db instead of rebuilding it.")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        build(args.db, args.events)
    port = free_port()
    process = serve(args.db, port, args.workers)
    load_before = os.getloadavg()[0]
    try:
        began, cpu = time.perf_counter(), cpu_seconds(process.pid)
        latencies = load(port, args.requests, args.seconds, args.clients)
        wall, cpu = time.perf_counter() - began, cpu_seconds(process.pid) - cpu
    finally:
        process.terminate()
        process.wait(timeout=30)
    every = [value for values in latencies.values() for value in values]
    print(
        f"{len(every)} event-list requests in {wall:.1f} s from {args.clients} clients to {args.workers} server"
        f" worker(s): {len(every) / wall:.0f} req/s"
    )
    print(
        f"server CPU {cpu:.1f} s: {cpu * 1000 / max(len(every), 1):.1f} ms per request, "
        f"so about {len(every) / max(cpu, 1e-9):.0f} req/s per fully available core"
    )
    print(f"load average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    print(f"{'all':24} {percentiles(every)}")
    for kind, values in latencies.items():
        if values:
            print(f"{kind:24} {percentiles(values)}  ({len(values)} requests)")


if __name__ == "__main__":
    main()
