"""Knowledge as data: load the versioned YAML files shipped in `warlog/data/`.

Every data file has a top-level `version` and `sources` list, and every entry a `source`.
Files are parsed once per process and cached; callers compile what they need from them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA_PACKAGE = "warlog.data"
# libyaml's loader parses the data files about ten times faster than the pure-Python one (a cold-start cost).
ATTRIBUTION_WORDS = "attribution.yaml"
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeError(ValueError):
    """A data file is missing or malformed."""


def data_path(name: str) -> Path:
    """The path of a file shipped in `warlog/data/`."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


@cache
def load_data(name: str) -> dict[str, Any]:
    """Parse a shipped YAML data file (cached), checking it names its version and sources."""
    return load_yaml_file(data_path(name))


def load_yaml_file(path: Path) -> dict[str, Any]:
    """Parse one YAML knowledge file (shipped or user-supplied) and check its header."""
    try:
        with open(path, encoding="utf-8") as handle:
            content = yaml.load(handle, Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read knowledge file: {exc}") from exc
    if not isinstance(content, dict) or "version" not in content or "sources" not in content:
        raise KnowledgeError(f"{path}: a knowledge file needs top-level 'version' and 'sources'")
    return content


@cache
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """The `word_sets` of a shipped data file, each `{note, source, words}` entry as a frozenset of its words."""
    sets = load_data(name).get("word_sets")
    if not isinstance(sets, dict) or not sets:
        raise KnowledgeError(f"{name}: needs a 'word_sets' mapping")
    loaded = {}
    for key, entry in sets.items():
        words = entry.get("words") if isinstance(entry, dict) else None
        if not isinstance(words, list) or not words or not all(isinstance(word, str) for word in words):
            raise KnowledgeError(f"{name}: word set {key!r} needs a non-empty 'words' list of strings")
        if not entry.get("source"):
            raise KnowledgeError(f"{name}: word set {key!r} names no source")
        loaded[key] = frozenset(words)
    return loaded
