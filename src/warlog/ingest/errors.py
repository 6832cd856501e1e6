"""Typed problems that readers report instead of crashing: each prints as ONE line naming the file (and line)."""

from __future__ import annotations


class IngestError(Exception):
    """A document (or a line of one) could not be read; `skips` is False for a warning about a kept document."""

    skips = True

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


class MissingFile(IngestError):
    """The path does not exist or cannot be opened."""


class BinaryFile(IngestError):
    """The file holds NUL bytes or starts with a known binary signature."""


class UndecodableFile(IngestError):
    """No encoding (UTF-8, the declared charset, a detected one) decodes the bytes."""


class EmptyDocument(IngestError):
    """The file or record has no text."""


class TooLarge(IngestError):
    """The file is above the size limit."""


class MalformedRecord(IngestError):
    """A JSONL line or feed that does not parse, or lacks a required field."""


class FetchFailed(IngestError):
    """An http(s) source could not be downloaded."""


class RejectedDate(IngestError):
    """A published date that is impossible or in the future: the document is kept with its date unknown."""

    skips = False
