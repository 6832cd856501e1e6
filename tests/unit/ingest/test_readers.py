"""The format readers: each gives typed Articles, or typed errors naming the file (and line)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from warlog.ingest import IngestError, ReadOptions, read_sources
from warlog.ingest.errors import (
    BinaryFile,
    EmptyDocument,
    MalformedRecord,
    MissingFile,
    RejectedDate,
    TooLarge,
    UndecodableFile,
)
from warlog.records import Article

BODY = "Two rockets struck the outskirts of an air base before dawn, a security official said."


def read(*paths: Path | str, **options) -> list[Article | IngestError]:
    return list(read_sources([str(p) for p in paths], ReadOptions(**options)))


def test_text_header_fills_title_url_source_and_user_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        f"Title: Base attacked\nURL: https://news.example/a\nPublished: 2024-03-02\nSource: Example Wire\n\n{BODY}\n"
    )
    [article] = read(path)
    assert article == Article(
        doc_id="story.txt",
        text=BODY,
        title="Base attacked",
        url="https://news.example/a",
        published=dt.date(2024, 3, 2),
        published_source="user",
        source="Example Wire",
    )


def test_text_without_header_keeps_every_line_and_takes_the_published_option(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(f"Note: this is not a header\n{BODY}")
    [article] = read(path, published=dt.date(2024, 1, 5))
    assert article.text.startswith("Note: this is not a header")
    assert (article.published, article.published_source) == (dt.date(2024, 1, 5), "user")


def test_html_reader_takes_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Drone downed</title><meta property='og:url' content='https://site.example/drone'>"
        "<meta property='og:site_name' content='Site Example'><meta name='date' content='2024-02-10'></head>"
        f"<body><nav>Home | World</nav><article><p>{BODY}</p><p>Nobody was hurt, the official added.</p></article>"
        "</body></html>"
    )
    [article] = read(path)
    assert BODY in article.text and "Home | World" not in article.text
    assert (article.title, article.url, article.source) == (
        "Drone downed",
        "https://site.example/drone",
        "Site Example",
    )
    assert (article.published, article.published_source) == (dt.date(2024, 2, 10), "metadata")


def test_jsonl_skips_and_reports_malformed_lines_and_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        json.dumps({"id": "a", "text": BODY, "published": "2024-01-01", "source": "Wire"}),
        "{broken",
        json.dumps({"id": "b"}),
        json.dumps({"id": 7, "text": "A drone was shot down over the port."}),
    ]
    path.write_text("\n".join(rows) + "\n")
    results = read(path)
    assert [type(r).__name__ for r in results] == ["Article", "MalformedRecord", "MalformedRecord", "Article"]
    assert [str(r).split(": ")[0] for r in results if isinstance(r, IngestError)] == [f"{path}:2", f"{path}:3"]
    assert results[0].published_source == "user" and results[3].doc_id == "7"


def test_feed_entries_become_articles_with_feed_dates(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example Feed</title>'
        "<item><title>Attack</title><link>https://feed.example/1</link>"
        f"<pubDate>Sat, 02 Mar 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>"
        "</channel></rss>"
    )
    [article] = read(path)
    assert (article.doc_id, article.text, article.source) == ("https://feed.example/1", BODY, "Example Feed")
    assert (article.published, article.published_source) == (dt.date(2024, 3, 2), "metadata")


@pytest.mark.parametrize("value", ["2023-02-30", "2999-01-01"])
def test_impossible_or_future_date_warns_and_keeps_article_undated(tmp_path: Path, value: str) -> None:
    path = tmp_path / "dated.jsonl"
    path.write_text("\n" + json.dumps({"id": "d", "text": BODY, "published": value}) + "\n")
    warning, article = read(path)
    assert isinstance(warning, RejectedDate) and not warning.skips and str(warning).startswith(f"{path}:2: ")
    assert (article.published, article.published_source) == (None, "unknown")


def test_directory_is_read_recursively_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(BODY)
    (tmp_path / "two.txt").write_text(BODY + " Again.")
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    assert [a.doc_id for a in read(tmp_path)] == ["sub/one.txt", "two.txt"]


def test_bad_files_give_typed_one_line_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.4 something")
    (tmp_path / "nul.txt").write_bytes(b"text\x00more")
    results = read(tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "nul.txt")
    assert [type(r) for r in results] == [MissingFile, EmptyDocument, BinaryFile, BinaryFile]
    assert all("\n" not in str(r) and str(r).startswith(str(tmp_path)) for r in results)


def test_file_above_the_size_limit_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    [error] = read(path)
    assert isinstance(error, TooLarge) and "--max-bytes" in str(error) and str(error).startswith(str(path))
    assert isinstance(read(tmp_path / "huge.txt", max_bytes=10)[0], TooLarge)


def test_declared_charset_decodes_legacy_html(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    html = (
        "<html><head><meta charset='windows-1252'></head><body><article>"
        f"<p>{BODY} Caf\u00e9 owners fled \u2013 twice.</p></article></body></html>"
    )
    path.write_bytes(html.encode("windows-1252"))
    [article] = read(path)
    assert "Caf\u00e9 owners fled \u2013 twice" in article.text


def test_undecodable_utf16_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfeA\x00\x00\xd8")
    assert isinstance(read(path)[0], UndecodableFile)


def test_jsonl_wrong_field_type_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "typed.jsonl"
    path.write_text(json.dumps({"id": "x", "text": ["not", "a", "string"]}) + "\n")
    assert isinstance(read(path)[0], MalformedRecord)


def test_undeclared_legacy_text_is_decoded_by_detection(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "Les habitants ont fui le march\u00e9 apr\u00e8s l'explosion, a d\u00e9clar\u00e9 un t\u00e9moin. " * 3
    path.write_bytes(text.encode("latin-1"))
    [article] = read(path)
    assert (
        isinstance(article, Article)
        and "march\u00e9" in article.text
        and "d\u00e9clar\u00e9 un t\u00e9moin" in article.text
    )
