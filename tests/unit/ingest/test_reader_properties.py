"""Property: any bytes, in any format, give Articles or clear typed errors, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warlog.ingest import IngestError, ReadOptions
from warlog.ingest.sources import read_document
from warlog.records import Article

NAMES = st.sampled_from(["doc.txt", "doc.html", "doc.jsonl", "doc.xml", "doc", "stdin"])
MARKUP = st.sampled_from(
    [
        b"",
        b"<html><body><p>",
        b"<?xml version='1.0' encoding='latin-1'?><rss><channel><item>",
        b'{"id": 1, "text": "',
        b"Title: x\nPublished: ",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=MARKUP, data=st.binary(max_size=600), name=NAMES)
def test_any_bytes_give_articles_or_typed_errors(prefix: bytes, data: bytes, name: str) -> None:
    try:
        results = list(read_document(prefix + data, name, name, ReadOptions()))
    except IngestError as error:
        results = [error]
    for result in results:
        assert isinstance(result, Article | IngestError)
        if isinstance(result, IngestError):
            assert "\n" not in str(result) and str(result).startswith(name)
        else:
            assert result.text.strip()


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400), name=NAMES)
def test_any_text_gives_articles_or_typed_errors(text: str, name: str) -> None:
    try:
        results = list(read_document(text.encode("utf-8", "surrogatepass"), name, name, ReadOptions()))
    except IngestError as error:
        results = [error]
    assert all(isinstance(result, Article | IngestError) for result in results)
