"""`warlog gazetteer where|build|clear` on a private cache directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def warlog(cache: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "WARLOG_CACHE": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "warlog", "gazetteer", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_where_names_a_fingerprinted_file_in_the_cache(tmp_path: Path) -> None:
    result = warlog(tmp_path, "where")
    assert result.returncode == 0
    path = Path(result.stdout.strip())
    assert path.parent == tmp_path and path.name.startswith("gazetteer-") and path.suffix == ".sqlite"


def test_build_keeps_an_up_to_date_index_and_clear_removes_it(tmp_path: Path) -> None:
    index = Path(warlog(tmp_path, "where").stdout.strip())
    index.write_bytes(b"")
    (tmp_path / "gazetteer-0123456789ab.partial42").write_bytes(b"")
    built = warlog(tmp_path, "build")
    assert built.returncode == 0 and "up to date" in built.stdout
    cleared = warlog(tmp_path, "clear")
    assert cleared.returncode == 0 and "removed 2 file(s)" in cleared.stdout
    assert list(tmp_path.iterdir()) == []
