"""Ingestion: read documents of any supported format into typed `Article` records, or typed errors.

`read_sources` is the one entry point that `warlog ingest` and `warlog extract` share.
"""

from warlog.ingest.article import ReadOptions, ReadResult
from warlog.ingest.errors import IngestError
from warlog.ingest.sources import read_sources

__all__ = ["IngestError", "ReadOptions", "ReadResult", "read_sources"]
