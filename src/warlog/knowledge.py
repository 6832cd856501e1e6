"""Knowledge as data: load the versioned YAML files shipped in `warlog/data/`.

Every data file has a top-level `version` and `sources` list, and every entry a `source`.
Files are parsed once per process and cached; callers compile what they need from them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA_PACKAGE = "warlog.data"
# libyaml's loader parses the data files about ten times faster than the pure-Python one (a cold-start cost).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeError(ValueError):
    """A data file is missing or malformed."""


def data_path(name: str) -> Path:
    """The path of a file shipped in `warlog/data/`."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


@lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """Parse a shipped YAML data file (cached), checking it names its version and sources."""
    return load_yaml_file(data_path(name))


def load_yaml_file(path: Path) -> dict[str, Any]:
    """Parse one YAML knowledge file (shipped or user-supplied) and check its header."""
    try:
        with open(path, encoding="utf-8") as handle:
            content = yaml.load(handle, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read knowledge file: {exc}") from exc
    if not isinstance(content, dict) or "version" not in content or "sources" not in content:
        raise KnowledgeError(f"{path}: a knowledge file needs top-level 'version' and 'sources'")
    return content
