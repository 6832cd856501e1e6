"""Turn raw bytes into text safely: size limit, binary detection, then UTF-8, the declared charset, a detected one."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from warlog.ingest.errors import BinaryFile, EmptyDocument, MissingFile, TooLarge, UndecodableFile

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"\x7fELF", b"BZh", b"\xfd7zXZ")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file, refusing missing, oversized and empty files before reading them."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise MissingFile(str(path), f"cannot open: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise TooLarge(str(path), f"file is {size} bytes, above the limit of {max_bytes} (--max-bytes)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MissingFile(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return check_size(data, str(path), max_bytes)


def read_stream(stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read at most `max_bytes` from a stream (stdin), refusing more."""
    return check_size(stream.read(max_bytes + 1), name, max_bytes)


def check_size(data: bytes, name: str, max_bytes: int) -> bytes:
    """Refuse empty or oversized content."""
    if len(data) > max_bytes:
        raise TooLarge(name, f"input is above the limit of {max_bytes} bytes (--max-bytes)")
    if not data.strip():
        raise EmptyDocument(name, "empty file")
    return data


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML <meta> or an XML declaration names in the first 2 KB, if any."""
    match = _DECLARED.search(data[:2048])
    return match.group(1).decode("ascii") if match else None


def decode(data: bytes, name: str) -> str:
    """Decode bytes to text: BOM, then UTF-8, then the declared charset, then charset-normalizer, else reject."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name)
    if data.startswith(_MAGIC) or b"\x00" in data[:8192]:
        raise BinaryFile(name, "binary file (NUL bytes or a binary signature), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableFile(name, "cannot decode: not UTF-8, not its declared charset, no charset detected")
    return str(best)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableFile(name, f"cannot decode as {encoding} despite its byte-order mark: {exc.reason}") from exc
