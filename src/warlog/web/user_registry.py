"""The user registry file the API edits: entries are added or replaced by id, checked against the whole
registry before the file is written (atomically), then the registry is rebuilt."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from warlog.actors.registry import Registry, RegistryError, actors_from_file, load_registry, refresh_registry
from warlog.knowledge import KnowledgeError, load_yaml_file

USER_SOURCE = {"id": "user", "title": "Entries added through the warlog HTTP API by the operator"}


class UserRegistry:
    """The shipped registry plus one user file (optional); `save` edits the file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._seen: tuple[int, int] | None = None

    def current(self) -> Registry:
        """The registry, built again when the file changed (another `--workers` process may have saved it)."""
        if self.path is None or not self.path.exists():
            return load_registry(())
        status = self.path.stat()
        if (status.st_ino, status.st_mtime_ns) != self._seen:
            refresh_registry()
            self._seen = (status.st_ino, status.st_mtime_ns)
        return load_registry((self.path,))

    def save(self, entry: dict[str, Any]) -> Registry:
        """Add or replace `entry` (by id) in the user file; raises RegistryError if the result is inconsistent."""
        if self.path is None:
            raise RegistryError("no user registry file is configured (warlog serve --actors-file)")
        content = self._content()
        content["actors"] = [e for e in content.get("actors") or [] if e.get("id") != entry["id"]] + [entry]
        source_ids = {s.get("id") for s in content["sources"] if isinstance(s, dict)}
        if entry["source"] not in source_ids:
            content["sources"].append(USER_SOURCE)
        shipped = load_registry(())
        others = [a for a in shipped.actors.values() if a.origin != str(self.path)]
        Registry([*others, *actors_from_file(content, str(self.path))], shipped.adjectives)
        _write(self.path, content)
        refresh_registry()
        return self.current()

    def _content(self) -> dict[str, Any]:
        if self.path is None or not self.path.exists():
            return {"version": 1, "sources": [USER_SOURCE], "actors": []}
        try:
            return load_yaml_file(self.path)
        except KnowledgeError as exc:
            raise RegistryError(str(exc)) from exc


def _write(path: Path, content: dict[str, Any]) -> None:
    """Replace the file in one step, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".yaml")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        yaml.safe_dump(content, stream, sort_keys=False, allow_unicode=True)
    os.replace(temporary, path)
