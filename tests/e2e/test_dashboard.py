"""The dashboard in Debian's headless chromium (Playwright), served by a real `warlog serve` on 127.0.0.1 over
the bundled samples plus one article full of hostile markup: the map, timeline and network render, clicks reach
an event's evidence, filters live in the URL, and the article's <script> and onerror= never run.

Screenshots of each view go to screenshots/ (ignored by git). Without chromium these tests skip, except under
CI=true or WARLOG_REQUIRE_BROWSER=1 (set by .ci/run), where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
TOKEN = "dashboard-token-0123456789"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--headless"]
HOSTILE = {
    "id": "hostile-markup",
    "source": "Test Wire",
    "published": "2024-02-06",
    "title": "<script>alert('title')</script>Kirkuk blast <img src=x onerror=alert('title-img')>",
    "text": "A car bomb exploded near a police checkpoint in Kirkuk, Iraq, on 5 February 2024, killing four officers, "
    "police said. <script>window.__warlogXss = 1; alert('xss')</script> Witnesses described "
    "<img src=x onerror=\"window.__warlogXss = 2; alert('img')\"> a column of smoke rising over the city.",
}

pytestmark = pytest.mark.slow


def _browser_required() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("WARLOG_REQUIRE_BROWSER") == "1"


def _missing(reason: str) -> None:
    if _browser_required():
        pytest.fail(f"browser tests are required here but cannot run: {reason}")
    pytest.skip(f"browser tests need {reason}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding the ingested samples and the hostile article; its URL."""
    folder = tmp_path_factory.mktemp("dashboard")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = f"sqlite:///{folder / 'samples.db'}"
    ingest = subprocess.run(
        [sys.executable, "-m", "warlog", "ingest", str(SAMPLES), str(hostile), "--db", db],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert ingest.returncode == 0, ingest.stderr
    return db


@contextmanager
def _serving(db: str, *options: str, ready: int = 200) -> Iterator[str]:
    """A `warlog serve` over `db` with `options` on 127.0.0.1, once /api/events answers `ready`; its base URL."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "warlog", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/api/events", timeout=2).status_code == ready:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "warlog serve did not answer within 120 s"
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def server(samples_db: str) -> Iterator[str]:
    """`warlog serve` over the samples, reads public; its base URL."""
    with _serving(samples_db) as base:
        yield base


@pytest.fixture(scope="module")
def protected(samples_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`warlog serve --protect-reads` over the samples, with TOKEN; its base URL."""
    token_file = tmp_path_factory.mktemp("token") / "token"
    token_file.write_text(TOKEN, encoding="utf-8")
    with _serving(samples_db, "--protect-reads", "--token-file", str(token_file), ready=401) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if shutil.which(CHROMIUM) is None:
        _missing(f"Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package (pip install playwright)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server: str):
    """A fresh page; records dialogs, page errors and requests that left 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1400, "height": 1300})
    opened = context.new_page()
    opened.dialogs, opened.errors, opened.outside = [], [], []
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("request", lambda r: None if r.url.startswith((server, "data:")) else opened.outside.append(r.url))
    yield opened
    context.close()


def _ready(page, *views: str) -> None:
    for view in views:
        page.wait_for_selector(f"#{view}-view[data-ready=true]", timeout=30000)


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _shot(page, selector: str, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.locator(selector).screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_map_timeline_and_network_render(page, server: str) -> None:
    page.goto(server + "/")
    _ready(page, "map", "timeline", "network", "list")
    located = httpx.get(f"{server}/api/events/map").json()["features"]
    assert int(page.get_attribute("#map-view", "data-count")) == len(located) > 0
    page.wait_for_selector(".leaflet-overlay-pane path.leaflet-interactive, .cluster-icon")
    assert page.locator("path.event-marker").count() + page.locator(".cluster-icon").count() > 0
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the Natural Earth countries
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("#network g.node").count() > 0 and page.locator("#network line.edge").count() > 0
    assert page.locator("#list tr.event-row").count() > 0
    assert not page.errors and not page.outside
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)
    for view in ("map", "timeline", "network", "list"):
        _shot(page, f"#{view}-view", view)


def test_marker_click_shows_the_event_with_its_evidence(page, server: str) -> None:
    page.goto(server + "/")
    _ready(page, "map")
    page.locator("path.event-marker").first.click(force=True)
    page.wait_for_function("new URLSearchParams(location.search).has('event')")
    _ready(page, "detail")
    page.wait_for_selector("#detail mark.evidence")
    uid = _query(page)["event"][0]
    assert page.get_attribute("#detail-title", "data-uid") == uid
    detail = httpx.get(f"{server}/api/events/{uid}").json()
    sentences = {e["sentence"] for r in detail["reports"] for e in r["report"]["evidence"]}
    marked = page.locator("#detail mark.evidence").all_inner_texts()
    assert marked and all(any(m in s or s in m for s in sentences) for m in marked)
    assert page.locator("#detail .report").count() == len(detail["reports"])
    _shot(page, "#detail-view", "detail")


def test_list_row_and_attribution_claims(page, server: str) -> None:
    page.goto(server + "/?q=Erbil")
    _ready(page, "list")
    page.locator("#list tr.event-row").first.click()
    _ready(page, "detail")
    page.wait_for_selector("#detail .report")
    assert page.locator("#detail dl.fields dt").count() >= 3
    assert "from:" in page.inner_text("#detail dl.fields")


def test_network_click_filters_every_view(page, server: str) -> None:
    page.goto(server + "/")
    _ready(page, "network", "list")
    before = page.locator("#list tr.event-row").count()
    node = page.locator("#network g.node").first
    name = node.get_attribute("data-actor")
    node.locator("circle").click()  # the dot: the middle of a node with a long name can fall between its words
    page.wait_for_function("location.search.includes('actor=') || location.search.includes('sponsor=')")
    _ready(page, "list", "timeline", "map")
    chosen = {**_query(page)}
    assert [name] in (chosen.get("actor"), chosen.get("sponsor"))
    assert 0 < page.locator("#list tr.event-row").count() <= before
    assert page.locator("#network g.node.active").count() == 1


def test_timeline_brush_sets_the_date_filter(page, server: str) -> None:
    page.goto(server + "/?interval=week")
    _ready(page, "timeline")
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.1, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_function("new URLSearchParams(location.search).has('since')")
    query = _query(page)
    assert query["since"][0] <= query["until"][0] and query["interval"] == ["week"]
    _ready(page, "list")
    assert page.input_value("input[name=since]") == query["since"][0]


def test_filters_live_in_the_url(page, server: str) -> None:
    page.goto(server + "/?country=Yemen")
    _ready(page, "list", "map")
    assert page.input_value("input[name=country]") == "Yemen"
    expected = httpx.get(f"{server}/api/events", params={"country": "Yemen"}).json()["total"]
    assert page.locator("#list tr.event-row").count() == expected
    page.fill("input[name=country]", "")
    page.fill("input[name=weapon]", "drone")
    page.click("#filters button[type=submit]")
    page.wait_for_function("new URLSearchParams(location.search).get('weapon') === 'drone'")
    assert "country" not in _query(page)


def test_article_markup_is_shown_as_text_and_never_runs(page, server: str) -> None:
    [event] = httpx.get(f"{server}/api/events", params={"q": "police checkpoint in Kirkuk"}).json()["items"]
    page.goto(f"{server}/?event={event['uid']}")
    _ready(page, "detail", "list", "map")
    page.wait_for_selector("#detail .report")
    text = page.inner_text("#detail")
    assert "<script>window.__warlogXss = 1; alert('xss')</script>" in text
    assert "<img src=x onerror=" in text and "<script>alert('title')</script>Kirkuk blast" in text
    assert page.locator("#detail script, #detail img, body img[src=x]").count() == 0
    assert page.evaluate("typeof window.__warlogXss") == "undefined"
    _shot(page, "#detail-view", "hostile-article")
    page.locator("path.event-marker, .cluster-icon").first.click(force=True)
    page.wait_for_timeout(500)
    assert page.dialogs == [] and not page.errors


def test_content_security_policy_is_sent(server: str) -> None:
    policy = httpx.get(server + "/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_a_bad_filter_shows_the_api_message(page, server: str) -> None:
    page.goto(server + "/?since=2024-05-01&until=2024-01-01")
    _ready(page, "list", "map")
    assert "since: 2024-05-01 is after until" in page.inner_text("#list-view .view-error")
    assert not page.errors


def test_protected_reads_ask_for_the_token_once_per_tab(browser, protected: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1300})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(protected + "/")
    _ready(page, "list", "map")
    assert "needs the API token" in page.inner_text("#list-view .view-error")
    page.fill("#token-form input[name=token]", "wrong-token-0123456789")
    page.click("#token-form button")
    _ready(page, "list", "map")
    assert "token was refused" in page.inner_text("#list-view .view-error")
    page.fill("#token-form input[name=token]", TOKEN)
    page.click("#token-form button")
    _ready(page, "map", "timeline", "network", "list")
    assert page.locator("#list tr.event-row").count() > 0 and page.locator("#list-view .view-error").count() == 0
    assert page.locator("#token-form").is_hidden()
    assert page.evaluate("sessionStorage.getItem('warlog-api-token')") == TOKEN
    page.reload()
    _ready(page, "list")
    assert page.locator("#list tr.event-row").count() > 0 and page.locator("#token-form").is_hidden()
    fresh = context.new_page()  # another tab: its own sessionStorage, so the token is asked again
    fresh.goto(protected + "/")
    _ready(fresh, "list")
    assert "needs the API token" in fresh.inner_text("#list-view .view-error")
    assert not errors
    context.close()
