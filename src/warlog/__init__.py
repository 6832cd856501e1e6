"""warlog: news reports on political violence in, a geocoded, attributed event database out.

The public Python API is `warlog.__all__` (everything else is private and may change):

    import warlog
    events = warlog.extract("Two drones struck a base near Erbil on Tuesday.", published="2024-05-02")
    with warlog.open("corpus.db") as db:
        db.ingest("samples/")
        frame = db.to_pandas(since="2024-01-01")

Names load on first use, so `import warlog` stays cheap (spaCy loads when something is first extracted).
See docs/python-api.md.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "warlog.api.extract",
    "extract_many": "warlog.api.extract",
    "open": "warlog.api.handle",
    "EventDatabase": "warlog.api.handle",
    "EventFilters": "warlog.api.handle",
    "ArticleFilters": "warlog.api.handle",
    "Document": "warlog.api.documents",
    "Article": "warlog.records",
    "Event": "warlog.records",
    "Claim": "warlog.records",
    "Evidence": "warlog.records",
    "FieldSource": "warlog.records",
    "Extractor": "warlog.records",
    "ArticleRecord": "warlog.api.records",
    "EventRecord": "warlog.api.records",
    "EventDetail": "warlog.api.records",
    "ActorRecord": "warlog.api.records",
    "LearnedAliasRecord": "warlog.api.records",
    "StoredReport": "warlog.store.records",
    "IngestReport": "warlog.service",
    "Duplicate": "warlog.service",
    "NearDuplicate": "warlog.service",
    "IngestError": "warlog.ingest",
    "DatabaseUnavailable": "warlog.store",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from warlog.api.documents import Document
    from warlog.api.extract import extract, extract_many
    from warlog.api.handle import ArticleFilters, EventDatabase, EventFilters, open
    from warlog.api.records import ActorRecord, ArticleRecord, EventDetail, EventRecord, LearnedAliasRecord
    from warlog.ingest import IngestError
    from warlog.records import Article, Claim, Event, Evidence, Extractor, FieldSource
    from warlog.service import Duplicate, IngestReport, NearDuplicate
    from warlog.store import DatabaseUnavailable
    from warlog.store.records import StoredReport


def __getattr__(name: str) -> object:
    """Import a public name from its module on first use (PEP 562)."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'warlog' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
