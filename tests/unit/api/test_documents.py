"""What the Python API accepts as documents, and how reader problems reach the caller."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

from warlog.api.documents import articles_only, read_documents, read_options
from warlog.ingest import IngestError
from warlog.ingest.errors import MalformedRecord, RejectedDate, TooLarge
from warlog.records import Article

TEXT = "Rockets hit an empty field outside the town on Monday, the mayor said."


def read(docs, strings="text", **options):
    return list(read_documents(docs, read_options(**options), strings=strings))


def test_texts_dicts_articles_and_paths_become_articles_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Title: From a file\n\n{TEXT}")
    given = Article(doc_id="given", text=TEXT, published=dt.date(2024, 1, 2), published_source="metadata")
    found = read(
        [TEXT, {"doc_id": "d", "text": TEXT, "published": dt.date(2024, 3, 1)}, given, tmp_path / "a.txt"],
        published="2024-05-02",
    )
    assert [a.doc_id for a in found] == [found[0].doc_id, "d", "given", "a.txt"]
    assert found[0].doc_id.startswith("doc-") and read(TEXT)[0].doc_id == found[0].doc_id
    assert [(a.published, a.published_source) for a in found] == [
        (dt.date(2024, 5, 2), "user"),
        (dt.date(2024, 3, 1), "user"),
        (dt.date(2024, 1, 2), "metadata"),
        (dt.date(2024, 5, 2), "user"),
    ]
    assert found[3].title == "From a file"


def test_a_dict_reads_like_a_jsonl_line() -> None:
    (article,) = read({"id": 7, "html": f"<html><body><article><p>{TEXT}</p></article></body></html>"})
    assert (article.doc_id, article.text) == ("7", TEXT)
    (undated,) = read([Article(doc_id="plain", text=TEXT)])
    assert undated.published is None and undated.published_source == "unknown"


def test_strings_are_sources_when_asked(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(TEXT)
    assert [a.doc_id for a in read(str(tmp_path), strings="source")] == ["b.txt"]
    (missing,) = read(str(tmp_path / "nope.txt"), strings="source")
    assert isinstance(missing, IngestError) and "no such file" in str(missing)


def test_bad_documents_are_typed_problems_and_other_types_are_refused() -> None:
    docs = ["é" * 30, {"title": "only a title"}, {"text": "Shots.", "url": ["x"]}]
    too_big, no_text, bad_field = read(docs, max_bytes=40)
    assert isinstance(too_big, TooLarge) and str(too_big) == "<document 1>: document larger than 40 bytes, skipped"
    assert isinstance(no_text, MalformedRecord) and str(no_text) == "<document 2>: no 'text' or 'html' field, skipped"
    assert str(bad_field) == "<document 3>: field 'url' must be a string, skipped"
    with pytest.raises(TypeError, match="document 1: expected a str, dict, Article or path, not int"):
        read([42])
    with pytest.raises(ValueError, match="'May 2' is not a YYYY-MM-DD date"):
        read_options("May 2")


def test_problems_go_to_on_error_or_raise_or_warn() -> None:
    article = Article(doc_id="ok", text=TEXT)
    skipped, warned = MalformedRecord("f.jsonl", "bad line", 3), RejectedDate("f.jsonl", "odd date", 4)
    seen: list[IngestError] = []
    assert list(articles_only([skipped, article, warned], on_error=seen.append)) == [article]
    assert seen == [skipped, warned]
    with pytest.raises(MalformedRecord, match="f.jsonl:3: bad line"):
        list(articles_only([article, skipped]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert list(articles_only([warned, article])) == [article]
    assert [str(w.message) for w in caught] == ["f.jsonl:4: odd date"]
