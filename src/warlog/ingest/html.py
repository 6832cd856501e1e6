"""HTML pages: the main text with trafilatura; title, published date, url and site name from its metadata."""

from __future__ import annotations

from collections.abc import Iterator

from warlog.ingest.article import Fields, ReadOptions, ReadResult, build_article
from warlog.ingest.errors import EmptyDocument

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_fields(html: str, doc_id: str) -> Fields:
    """Extract the fields of one HTML page (text None when trafilatura finds no main text)."""
    import trafilatura  # slow to import: loaded by the first HTML page, not by every command

    document = trafilatura.bare_extraction(html, with_metadata=True, date_extraction_params=_DATE_PARAMS)
    if document is None:
        return Fields(doc_id=doc_id, text=None)
    return Fields(
        doc_id=doc_id,
        text=document.text,
        title=document.title,
        url=document.url,
        source=document.sitename,
        published=document.date,
        published_source="metadata",
    )


def read_html(html: str, doc_id: str, path: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Read one HTML page."""
    fields = html_fields(html, doc_id)
    if fields.text is None:
        yield EmptyDocument(path, "no main text found in the HTML page")
        return
    yield from build_article(fields, path, options)
