"""A disk cache for what the default pipeline builds from warlog's data at start-up: the entity ruler's names
split into words and the prefilter's automaton (together about a second of every cold start).

The file lives in the user cache (`$WARLOG_CACHE`, else `~/.cache/warlog`, as the gazetteer does), named by a key
of everything it is built from: warlog's code and data files, the user's actor files, spaCy, the model and
pyahocorasick versions, and the gazetteer's fingerprint. Any change gives a new key, so a stale file is never
read (the two newest files of other keys stay, for other checkouts sharing the cache; older ones are removed).
A file that cannot be read back, or holds records of another shape, is rebuilt. Files are written to a
temporary name and renamed, so processes that start together never read a half-written file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
SUFFIX = ".pickle"
# Files of other keys kept (other installs or checkouts sharing the cache), newest first; older ones are removed.
KEPT_OTHERS = 2
# What unpickling a damaged or foreign file can raise.
UNREADABLE = (
    OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, KeyError, TypeError, ValueError,
)


def files_fingerprint(root: Path, pattern: str) -> str:
    """A digest of the relative path and bytes of every file under `root` matching `pattern` (compiled files
    aside); a missing file counts as missing."""
    digest = hashlib.sha256(str(root).encode() if not root.exists() else b"")
    for path in sorted(root.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def file_fingerprint(path: str | Path) -> str:
    """A digest of one file's path and bytes; a missing file counts as missing."""
    file = Path(path)
    digest = hashlib.sha256(str(file).encode())
    if file.is_file():
        digest.update(file.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def warlog_fingerprint() -> str:
    """A digest of warlog's code and data files, and of the Python version (pickles depend on both)."""
    package = Path(__file__).resolve().parent.parent
    return cache_key([files_fingerprint(package, "*.py"), files_fingerprint(package / "data", "*"), sys.version])


def cache_key(parts: Iterable[str]) -> str:
    """A short key of `parts` (versions, fingerprints)."""
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def load_or_build(directory: Path, name: str, key: str, build: Callable[[], T], check: Callable[[object], bool]) -> T:
    """The value cached under `name` and `key` in `directory` if `check` accepts it, else `build()` (then
    cached)."""
    path = directory / f"{name}-{key}{SUFFIX}"
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        if check(value):
            return value
    except UNREADABLE:  # missing (FileNotFoundError is an OSError), damaged or foreign: rebuilt below
        pass
    value = build()
    _store(directory, name, path, value)
    return value


def _store(directory: Path, name: str, path: Path, value: object) -> None:
    """Write `value` to `path` atomically and remove older files of `name`; a read-only cache is left alone."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=directory, prefix=f".{name}-", suffix=SUFFIX, delete=False)
    except OSError:
        return
    temporary = Path(handle.name)
    try:
        with handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        others = sorted(
            directory.glob(f"{name}-*{SUFFIX}"), key=lambda old: (old.stat().st_mtime_ns, old.name), reverse=True
        )
        for old in [other for other in others if other != path][KEPT_OTHERS:]:
            old.unlink(missing_ok=True)
    except OSError:
        temporary.unlink(missing_ok=True)
